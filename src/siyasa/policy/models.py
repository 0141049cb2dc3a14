"""The organisation's own policy texts and the settings the policy states."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgOwned


class PolicyText(OrgOwned):
    """One editable block of the policy (see `catalogue.BLOCKS`), in both languages."""

    key = models.CharField(max_length=40)
    body_ar = models.TextField(_("Arabic text"), max_length=20000, blank=True)
    body_en = models.TextField(_("English text"), max_length=20000, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("policy text")
        verbose_name_plural = _("policy texts")
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="one_text_per_key")
        ]

    def __str__(self) -> str:
        return self.key


class Stance(models.TextChoices):
    """R6.1: may staff speak about the organisation on their own accounts?"""

    ENCOURAGE = "encourage", _("Encourage staff to join in, identifying themselves")
    ABSTAIN = "abstain", _("Ask staff not to speak about the organisation")
    MIDDLE = "middle", _("A middle way")


class PolicySettings(OrgOwned):
    """The facts the policy states that are not prose: stance, disclaimer, spokespeople, legal review."""

    stance = models.CharField(
        _("stance on staff speaking about the organisation"),
        max_length=10,
        choices=Stance.choices,
        blank=True,
    )
    disclaimer_ar = models.CharField(_("disclaimer (Arabic)"), max_length=300, blank=True)
    disclaimer_en = models.CharField(_("disclaimer (English)"), max_length=300, blank=True)
    spokespeople = models.ManyToManyField(
        "orgs.Person", verbose_name=_("official spokespeople"), blank=True, related_name="+"
    )
    legal_adviser = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("legal adviser who reviewed the policy"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    legal_reviewed_on = models.DateField(_("date of legal review"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("policy settings")
        verbose_name_plural = _("policy settings")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_settings_per_org")
        ]
