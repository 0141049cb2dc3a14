"""The consent registry (R4.1, R4.2): who appears in the organisation's media, for what use, on
which channels, until when — and the take-down work a withdrawal leaves behind.

As little personal data as the job needs: a name or a reference, never the signed form itself
(a reference to where it is kept, like a vault label).
"""

import datetime
from enum import StrEnum

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned, OrgQuerySet

# R4.2: the doctor and the reminders speak of a consent this long before it ends.
EXPIRY_NOTICE = datetime.timedelta(days=30)


class Use(StrEnum):
    """What a person may consent to; each is a boolean field `consents_<use>`."""

    PHOTO = "photo"
    VIDEO = "video"
    NAME = "name"
    STORY = "story"
    VOICE = "voice"


USE_LABELS = {
    Use.PHOTO: _("photo"),
    Use.VIDEO: _("video"),
    Use.NAME: _("name"),
    Use.STORY: _("story"),
    Use.VOICE: _("voice"),
}


class State(StrEnum):
    VALID = "valid"
    NOT_YET = "not_yet"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"


STATE_LABELS = {
    State.VALID: _("Valid"),
    State.NOT_YET: _("Not yet in force"),
    State.EXPIRED: _("Expired"),
    State.WITHDRAWN: _("Withdrawn"),
}


class ConsentQuerySet(OrgQuerySet):
    def in_force(self, today: datetime.date):
        """Consents that may be used today: started, not ended, not withdrawn."""
        return self.filter(valid_from__lte=today, withdrawn_on__isnull=True).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=today)
        )

    def expiring(self, today: datetime.date):
        """R4.2: in force today and ending within `EXPIRY_NOTICE`."""
        return self.in_force(today).filter(valid_until__lte=today + EXPIRY_NOTICE)


class Consent(OrgOwned):
    class Subject(models.TextChoices):
        BENEFICIARY = "beneficiary", _("Beneficiary")
        VOLUNTEER = "volunteer", _("Volunteer")
        DONOR = "donor", _("Donor")
        STAFF = "staff", _("Staff member")
        OTHER = "other", _("Other")

    class GivenBy(models.TextChoices):
        PERSON = "person", _("The person themselves")
        GUARDIAN = "guardian", _("A parent or guardian")

    name = models.CharField(
        _("name or reference"),
        max_length=150,
        help_text=_(
            "How the team knows the person in posts, e.g. “Umm Khalid” or a file reference. "
            "Nothing more than the work needs."
        ),
    )
    subject = models.CharField(
        _("who they are"), max_length=12, choices=Subject.choices, default=Subject.BENEFICIARY
    )
    is_minor = models.BooleanField(_("a minor (under 18)"), default=False)
    consents_photo = models.BooleanField(_("photo"), default=False)
    consents_video = models.BooleanField(_("video"), default=False)
    consents_name = models.BooleanField(_("name"), default=False)
    consents_story = models.BooleanField(_("story"), default=False)
    consents_voice = models.BooleanField(_("voice"), default=False)
    all_accounts = models.BooleanField(
        _("on every official account"),
        default=True,
        help_text=_("Untick to limit the consent to the accounts chosen below."),
    )
    accounts = models.ManyToManyField(
        "registry.SocialAccount",
        verbose_name=_("accounts"),
        blank=True,
        related_name="consents",
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty for no end date.")
    )
    given_by = models.CharField(
        _("given by"), max_length=10, choices=GivenBy.choices, default=GivenBy.PERSON
    )
    # R4.2: a minor's consent is a parent's or guardian's; the form refuses one without.
    guardian_name = models.CharField(_("parent or guardian"), max_length=150, blank=True)
    form_reference = models.CharField(
        _("where the signed form is kept"),
        max_length=200,
        blank=True,
        help_text=_("A reference such as “Consent binder 2026 › page 14”, not the form itself."),
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True, editable=False)
    withdrawn_by = models.CharField(_("withdrawn by"), max_length=150, blank=True, editable=False)

    objects = ConsentQuerySet.as_manager()  # type: ignore[misc]  # a narrower queryset of OrgOwned's

    history = HistoricalRecords(m2m_fields=["accounts"])  # R2.6

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_minor=False) | (Q(given_by="guardian") & ~Q(guardian_name="")),
                name="minor_consent_needs_guardian",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def uses(self) -> set[Use]:
        return {use for use in Use if getattr(self, f"consents_{use}")}

    def use_labels(self) -> list[str]:
        return [str(USE_LABELS[use]) for use in Use if use in self.uses()]

    def uses_display(self) -> str:
        """ "photo, name" in the reader's language (with the Arabic comma on Arabic pages)."""
        return gettext(", ").join(self.use_labels())

    def state(self, today: datetime.date) -> State:
        if self.withdrawn_on is not None:
            return State.WITHDRAWN
        if self.valid_from > today:
            return State.NOT_YET
        if self.valid_until is not None and self.valid_until < today:
            return State.EXPIRED
        return State.VALID

    def state_label(self, today: datetime.date) -> str:
        return str(STATE_LABELS[self.state(today)])

    def covers_account(self, account_id: int | None, account_ids: set[int]) -> bool:
        """Whether the consent reaches the account (`account_ids`: its chosen accounts, read
        once by the caller). With no account named, only an all-accounts consent counts."""
        if self.all_accounts:
            return True
        return account_id is not None and account_id in account_ids


class TakedownTask(OrgOwned):
    """R4.2: after a withdrawal, one account's owner takes down what uses the consent."""

    consent = models.ForeignKey(
        Consent, verbose_name=_("consent"), on_delete=models.CASCADE, related_name="takedowns"
    )
    account = models.ForeignKey(
        "registry.SocialAccount",
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="takedowns",
    )
    assignee = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("to do by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="takedowns",
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("take-down task")
        verbose_name_plural = _("take-down tasks")
        ordering = ["done_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consent", "account"], name="one_takedown_per_consent_and_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consent} — {self.account}"
