"""What was sent to whom: one digest per person and day, and the reminders claimed into it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgOwned
from siyasa.mail.models import Queued


class Kind(models.TextChoices):
    ROTATION_SOON = "rotation_soon", _("Password rotation due soon")
    ROTATION_OVERDUE = "rotation_overdue", _("Password rotation overdue")
    ACKNOWLEDGEMENT = "acknowledgement", _("Policy to acknowledge")
    TRAINING = "training", _("Policy quiz to pass")
    STALE_CONTACTS = "stale_contacts", _("Emergency contacts to verify")
    REVIEW = "review", _("Policy review")
    FINDING = "finding", _("Error in the policy's health")
    TAKEDOWN = "takedown", _("Take-down after a consent was withdrawn")
    CONSENT_EXPIRING = "consent_expiring", _("Consent ending soon")
    REVIEW_WAITING = "review_waiting", _("Post waiting for your review")


class Digest(OrgOwned, Queued):
    """One e-mail to one person on one day, gathering every reminder due to them that day."""

    # Deleting a person deletes what was sent to them: the log holds personal data.
    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="digests",
    )
    email = models.EmailField(_("sent to"))
    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=2)
    # The `siyasa remind` run that created the row: lets a run find the rows it inserted
    # itself when it inserts with conflicts ignored.
    run = models.UUIDField(editable=False, db_index=True)

    # R0.3: the reminders are how the review and the acknowledgements keep to their schedule.
    failure_requirement = "R0.3"
    failure_text = _(
        "Reminder e-mails that could not be sent in the last two weeks: %(count)s, the latest "
        "to %(email)s."
    )

    class Meta:
        verbose_name = _("digest")
        verbose_name_plural = _("digests")
        ordering = ["-day", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "day"], name="one_digest_per_person_and_day")
        ]
        indexes = [models.Index(fields=["organization", "-day"], name="notify_digest_org_day")]

    def __str__(self) -> str:
        return f"{self.email} {self.day} ({self.status})"


class Reminder(OrgOwned):
    """One thing a person was reminded of, claimed once per period.

    The unique constraint is what makes `siyasa remind` idempotent: a second run, or a second
    process at the same moment, cannot insert the same (person, kind, subject, period) again.
    """

    person = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    digest = models.ForeignKey(
        Digest, verbose_name=_("digest"), on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # What it is about, e.g. "custody:12" or "account:12:2fa".
    subject = models.CharField(_("about"), max_length=120)
    # The span within which it is said once, e.g. a due date, an ISO week or a version number.
    period = models.CharField(_("period"), max_length=40)
    # What was said, per language: {"ar": {"text": …, "params": {…}, "details": […]}, "en": …}.
    # Kept as templates and parameters (not HTML) so the e-mail and the log render it alike.
    content = models.JSONField(default=dict)
    # Where to act: a path under /ar/…, turned into the reader's language when shown.
    path = models.CharField(_("link"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "person", "kind", "subject", "period"],
                name="one_reminder_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} {self.period}"
