"""The crisis plan's first pieces: emergency contacts per role (R3.1) and severity levels (R3.2)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned


class CrisisRole(models.TextChoices):
    """R3.1: the roles an emergency contact list must cover."""

    SOCIAL_TEAM = "social_team", _("Social media team")
    LEGAL = "legal", _("Legal expert")
    PUBLIC_RELATIONS = "public_relations", _("Public relations")
    BOARD_DELEGATE = "board_delegate", _("Authorised board delegate")
    TECHNICAL = "technical", _("Technical support")
    OTHER = "other", _("Other")


class EmergencyContact(OrgOwned):
    role = models.CharField(_("crisis role"), max_length=20, choices=CrisisRole.choices)
    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="emergency_roles",
    )
    backup = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("backup"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="emergency_backups",
    )
    verified_on = models.DateField(
        _("details verified on"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that this phone and e-mail still work."),
    )

    policy_part = "crisis"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("emergency contact")
        verbose_name_plural = _("emergency contacts")
        ordering = ["role", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "role", "person"], name="one_contact_per_role_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.person}"


class SeverityLevel(OrgOwned):
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 is the lowest level."))
    name_ar = models.CharField(_("name (Arabic)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    criteria_ar = models.TextField(_("criteria (Arabic)"), max_length=2000, blank=True)
    criteria_en = models.TextField(_("criteria (English)"), max_length=2000, blank=True)

    policy_part = "crisis"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("severity level")
        verbose_name_plural = _("severity levels")
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "rank"], name="one_level_per_rank")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if get_language() == "en":
            return self.name_en or self.name_ar
        return self.name_ar or self.name_en
