"""The organisation's own terms for the post check: its confidential words (R4.3) and what it
adds to the shipped lexicon of hate speech, threats and harassment (R5.1)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from siyasa.core.tenancy import OrgOwned
from siyasa.postcheck.analyser import Finding
from siyasa.postcheck.kinds import INFO, Kind, Verdict

ONE_PER_LINE = _("One word or phrase per line.")


class Lexicon(OrgOwned):
    confidential_terms = models.TextField(
        _("confidential terms"),
        blank=True,
        help_text=_(
            "Project code names, unreleased campaigns, donors whose names are protected. "
            "One word or phrase per line."
        ),
    )
    hate_speech_terms = models.TextField(_("more hate speech"), blank=True, help_text=ONE_PER_LINE)
    threat_terms = models.TextField(_("more threats"), blank=True, help_text=ONE_PER_LINE)
    harassment_terms = models.TextField(_("more insults"), blank=True, help_text=ONE_PER_LINE)

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("terms for the post check")
        verbose_name_plural = _("terms for the post check")
        constraints = [
            models.UniqueConstraint(fields=["organization"], name="one_lexicon_per_organization")
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    @staticmethod
    def lines(value: str) -> tuple[str, ...]:
        return tuple(line.strip() for line in value.splitlines() if line.strip())


class ReviewRequest(OrgOwned):
    """A draft a member asked to have reviewed (issue 14): the one place the post check keeps a
    draft, with the findings as they were when it was asked, until it is deleted or, once
    closed, purged after `SIYASA_REVIEW_RETENTION_DAYS`. Purging empties the text, the findings
    and the note and keeps the rest (who asked, who reviewed, the decision) for the trail. No
    change history: it would keep a copy of the text that purging could not reach."""

    class Status(models.TextChoices):
        WAITING = "waiting", pgettext_lazy("review request", "Waiting for review")
        APPROVED = "approved", pgettext_lazy("review request", "Approved")
        CHANGES_ASKED = "changes_asked", pgettext_lazy("review request", "Changes asked")
        DECLINED = "declined", pgettext_lazy("review request", "Declined")
        WITHDRAWN = "withdrawn", pgettext_lazy("review request", "Withdrawn")

    # What a reviewer may answer.
    DECISIONS = (Status.APPROVED, Status.CHANGES_ASKED, Status.DECLINED)

    text = models.TextField(_("draft"), blank=True)
    account = models.ForeignKey(
        "registry.SocialAccount",
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The post check's verdict when it was asked (`kinds.Verdict`).
    verdict = models.CharField(_("verdict"), max_length=20)
    # [{"kind", "start", "end", "requirement", "blocks"}]: no words of the draft, no message.
    findings = models.JSONField(default=list, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    reviewers = models.ManyToManyField(
        "orgs.Person", verbose_name=_("reviewers"), related_name="+", blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    purged_at = models.DateTimeField(_("text removed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "decided_at"], name="review_closed_idx")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.WAITING

    @property
    def is_purged(self) -> bool:
        return self.purged_at is not None

    @property
    def verdict_label(self) -> str:
        return Verdict(self.verdict).label

    def findings_then(self) -> tuple[Finding, ...]:
        """The findings as they were when it was asked, explained in the reader's language (a
        kind no longer known is left out)."""
        known = {kind.value for kind in Kind}
        return tuple(
            Finding(
                kind=Kind(f["kind"]),
                start=f["start"],
                end=f["end"],
                text=self.text[f["start"] : f["end"]],
                message=str(INFO[Kind(f["kind"])].explanation),
                blocks=f["blocks"],
            )
            for f in self.findings
            if f["kind"] in known
        )
