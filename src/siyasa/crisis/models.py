"""The crisis plan — emergency contacts (R3.1), severity levels (R3.2–R3.4), playbooks (R3.5) — and
the crisis room's incidents: timeline, tasks, statements and their approvals, alerts."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from siyasa.core.i18n import pick
from siyasa.core.tenancy import OrgOwned
from siyasa.mail.models import Queued


class CrisisRole(models.TextChoices):
    """R3.1: the roles an emergency contact list must cover."""

    SOCIAL_TEAM = "social_team", _("Social media team")
    LEGAL = "legal", _("Legal expert")
    PUBLIC_RELATIONS = "public_relations", _("Public relations")
    # Approval chains name the executive director (R3.4).
    EXECUTIVE = "executive", _("Executive director")
    BOARD_DELEGATE = "board_delegate", _("Authorised board delegate")
    TECHNICAL = "technical", _("Technical support")
    OTHER = "other", _("Other")


# R3.1: how long a check of an emergency contact's phone and e-mail stays good.
VERIFIED_FOR = datetime.timedelta(days=90)


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

    def is_stale(self, today: datetime.date) -> bool:
        """R3.1: details unchecked for longer than `VERIFIED_FOR` (or never) may no longer work."""
        return self.verified_on is None or self.verified_on < today - VERIFIED_FOR


def validate_roles(value) -> None:
    """A list of distinct `CrisisRole` values (a level's notify and approval roles)."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(_("Choose crisis roles from the list."), code="invalid")
    unknown = [v for v in value if v not in CrisisRole.values]
    if unknown or len(set(value)) != len(value):
        raise ValidationError(_("Choose crisis roles from the list."), code="invalid")


def role_labels(values) -> list[str]:
    return [str(CrisisRole(v).label) for v in values if v in CrisisRole.values]


class SeverityLevel(OrgOwned):
    rank = models.PositiveSmallIntegerField(_("rank"), help_text=_("1 is the lowest level."))
    name_ar = models.CharField(_("name (Arabic)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    criteria_ar = models.TextField(_("criteria (Arabic)"), max_length=2000, blank=True)
    criteria_en = models.TextField(_("criteria (English)"), max_length=2000, blank=True)
    # Who gets an alert when an incident is declared at this level or moved to it.
    notify_roles = models.JSONField(
        _("who is alerted"), default=list, blank=True, validators=[validate_roles]
    )
    # R3.4: who must approve a public response at this level.
    approval_roles = models.JSONField(
        _("who approves a public response"), default=list, blank=True, validators=[validate_roles]
    )
    # R3.4: four eyes even on a one-role chain — each person counts once, for one role.
    min_approvers = models.PositiveSmallIntegerField(
        _("different approvers needed"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(9)],
        help_text=_(
            "At least this many different people must approve; one person counts for one role. "
            "A role's contact and its backup may both approve."
        ),
    )
    # R3.3: who tells whom, through which channel, how often.
    internal_comms_ar = models.TextField(
        _("internal communication plan (Arabic)"), max_length=2000, blank=True
    )
    internal_comms_en = models.TextField(
        _("internal communication plan (English)"), max_length=2000, blank=True
    )
    holding_statement_ar = models.TextField(
        _("holding statement (Arabic)"), max_length=1000, blank=True
    )
    holding_statement_en = models.TextField(
        _("holding statement (English)"), max_length=1000, blank=True
    )

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

    def names(self) -> dict:
        """Both names, for texts fixed now and read later in either language."""
        return {"ar": self.name_ar, "en": self.name_en}

    @property
    def notify_labels(self) -> list[str]:
        return role_labels(self.notify_roles)

    @property
    def approval_labels(self) -> list[str]:
        return role_labels(self.approval_roles)


class Playbook(OrgOwned):
    """R3.5: the ready steps for one kind of crisis, in the policy's small Markdown subset."""

    class Kind(models.TextChoices):
        COMMUNICATION = "communication", _("Communication crisis")
        COMPROMISED_ACCOUNT = "compromised_account", _("Compromised account")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title_ar = models.CharField(_("title (Arabic)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)
    steps_ar = models.TextField(_("steps (Arabic)"), max_length=6000, blank=True)
    steps_en = models.TextField(_("steps (English)"), max_length=6000, blank=True)

    policy_part = "crisis"

    history = HistoricalRecords()  # R2.6

    class Meta:
        verbose_name = _("playbook")
        verbose_name_plural = _("playbooks")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind"], name="one_playbook_per_kind")
        ]

    def __str__(self) -> str:
        return pick(self.title_ar, self.title_en).text

    @property
    def has_steps(self) -> bool:
        return bool(self.steps_ar.strip() or self.steps_en.strip())


class Incident(OrgOwned):
    """A crisis being handled: declared at a level, led by one named person, closed with a review."""

    class Kind(models.TextChoices):
        COMMUNICATION = "communication", _("Communication crisis")
        TECHNICAL = "technical", _("Technical: compromised account")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    # Numbered per organisation: "incident 3" is what people say on the phone.
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # A level with incidents cannot be deleted: it would rewrite what happened. (RESTRICT, not
    # PROTECT, so that deleting the whole organisation still works.)
    level = models.ForeignKey(
        SeverityLevel, verbose_name=_("level"), on_delete=models.RESTRICT, related_name="incidents"
    )
    summary = models.TextField(_("what is happening"), max_length=2000)
    accounts = models.ManyToManyField(
        "registry.SocialAccount", verbose_name=_("affected accounts"), blank=True
    )
    lead = models.ForeignKey(
        "orgs.Person",
        verbose_name=_("incident lead"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="incidents_led",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    # The scope assessment at declaration (R3.2): {"answers": {question: answer}, "rank": n}.
    assessment = models.JSONField(default=dict, blank=True)
    level_reason = models.TextField(_("why this level"), max_length=1000, blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # The post-incident review.
    review_happened = models.TextField(_("what happened"), max_length=4000, blank=True)
    review_worked = models.TextField(_("what worked"), max_length=4000, blank=True)
    review_changes = models.TextField(_("what we will change"), max_length=4000, blank=True)

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="one_incident_per_number"
            )
        ]

    def __str__(self) -> str:
        return _("Incident %(number)s") % {"number": self.number}

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def playbook_kind(self) -> str:
        if self.kind == self.Kind.TECHNICAL:
            return Playbook.Kind.COMPROMISED_ACCOUNT
        return Playbook.Kind.COMMUNICATION


class TimelineEntry(OrgOwned):
    """One line of an incident's timeline: who, when, what. Append-only (the Dispatch habit):
    an entry is never edited or deleted; a mistake is corrected by a new entry pointing at it."""

    class Kind(models.TextChoices):
        NOTE = "note", _("Note")
        DECLARED = "declared", _("Declared")
        ESCALATED = "escalated", _("Escalated")
        DEESCALATED = "deescalated", _("De-escalated")
        LEAD_CHANGED = "lead_changed", _("New lead")
        TASK_ADDED = "task_added", _("Task added")
        TASK_DONE = "task_done", _("Task done")
        STATEMENT_SUBMITTED = "statement_submitted", _("Statement submitted")
        STATEMENT_EDITED = "statement_edited", _("Statement changed")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        PUBLISHABLE = "publishable", _("Approved for publication")
        APPROVALS_NEEDED = "approvals_needed", _("More approvals needed")
        CLOSED = "closed", _("Closed")
        REVIEW_UPDATED = "review_updated", _("Review updated")
        POLICY_CHANGE = "policy_change", _("Policy change proposed")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(_("when"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NOTE)
    # What a person wrote: the note, the reason for a level change, an approver's comment.
    text = models.TextField(_("what"), max_length=4000, blank=True)
    # A system entry's facts, fixed when it happened: level names in both languages, roles…
    data = models.JSONField(default=dict, blank=True)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="corrections",
    )

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("A timeline entry is never changed; add a correction instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("A timeline entry is never deleted; add a correction instead.")

    @property
    def is_system(self) -> bool:
        return self.kind != self.Kind.NOTE

    def describe(self) -> str:
        """The system entry as a sentence in the reader's language ("" for a person's note)."""
        sentence = SYSTEM_SENTENCES.get(self.kind)
        if sentence is None:
            return ""
        params = {}
        for key, value in self.data.items():
            if isinstance(value, dict):  # {"ar": …, "en": …}
                value = pick(value.get("ar", ""), value.get("en", "")).text
            elif key == "role" and value in CrisisRole.values:
                value = CrisisRole(value).label
            elif key == "roles" and isinstance(value, list):
                value = ("، " if get_language() == "ar" else ", ").join(role_labels(value))
            params[key] = value
        try:
            return str(sentence) % params
        except (KeyError, TypeError, ValueError):
            return str(self.get_kind_display())


SYSTEM_SENTENCES: dict[str, Promise] = {
    TimelineEntry.Kind.DECLARED: _("Incident declared at level “%(level)s”."),
    TimelineEntry.Kind.ESCALATED: _("Escalated from “%(old)s” to “%(new)s”."),
    TimelineEntry.Kind.DEESCALATED: _("De-escalated from “%(old)s” to “%(new)s”."),
    TimelineEntry.Kind.LEAD_CHANGED: _("%(lead)s is now the incident lead."),
    TimelineEntry.Kind.TASK_ADDED: _("Task added: %(task)s"),
    TimelineEntry.Kind.TASK_DONE: _("Task done: %(task)s"),
    TimelineEntry.Kind.STATEMENT_SUBMITTED: _(
        "Statement %(statement)s submitted for approval (version %(version)s)."
    ),
    TimelineEntry.Kind.STATEMENT_EDITED: _(
        "Statement %(statement)s changed to version %(version)s; approvals of earlier "
        "versions no longer count (%(withdrawn)s withdrawn)."
    ),
    TimelineEntry.Kind.APPROVED: _(
        "Approved statement %(statement)s, version %(version)s, as %(role)s."
    ),
    TimelineEntry.Kind.REJECTED: _(
        "Rejected statement %(statement)s, version %(version)s, as %(role)s."
    ),
    TimelineEntry.Kind.PUBLISHABLE: _(
        "Statement %(statement)s, version %(version)s, is approved for publication."
    ),
    TimelineEntry.Kind.APPROVALS_NEEDED: _(
        "At this level, statement %(statement)s (version %(version)s) also needs the approval "
        "of: %(roles)s."
    ),
    TimelineEntry.Kind.CLOSED: _("Incident closed with a review."),
    TimelineEntry.Kind.REVIEW_UPDATED: _("The post-incident review was updated."),
    TimelineEntry.Kind.POLICY_CHANGE: _(
        "The review proposes a change to the policy; it goes to the policy draft."
    ),
}


class Task(OrgOwned):
    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(_("task"), max_length=300)
    owner = models.ForeignKey(
        "orgs.Person",
        verbose_name=pgettext_lazy("of a task", "owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incident_tasks",
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def done(self) -> bool:
        return self.done_at is not None


class Statement(OrgOwned):
    """A public response drafted in the incident. `version` goes up with every change of its
    text, so an approval names exactly the text it approved (R3.4)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveSmallIntegerField(_("number"))
    text_ar = models.TextField(_("text (Arabic)"), max_length=4000, blank=True)
    text_en = models.TextField(_("text (English)"), max_length=4000, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Who wrote the current version (the first author, then each editor): never its approver.
    version_author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "number"], name="one_statement_per_number")
        ]

    def __str__(self) -> str:
        return _("Statement %(number)s") % {"number": self.number}


class Approval(OrgOwned):
    """One approver's decision on one version of a statement, for one crisis role."""

    class Decision(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="approvals")
    version = models.PositiveIntegerField(_("version"))
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    role = models.CharField(_("as"), max_length=20, choices=CrisisRole.choices)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "version", "role", "approver"],
                name="one_decision_per_version_role_and_approver",
            )
        ]

    def __str__(self) -> str:
        return f"{self.statement} v{self.version} {self.role} {self.decision}"


class Alert(OrgOwned, Queued):
    """One e-mail about an incident to one person, claimed once.

    The unique constraint (the timeline entry that caused it, the person, the event) is what
    makes alerts idempotent: a retried job or a repeated queueing never sends twice, while a
    later level change — its own entry — alerts again.
    """

    class Event(models.TextChoices):
        LEVEL = "level", _("Incident declared or its level changed")
        APPROVAL = "approval", _("Statement needs approval")

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="alerts")
    entry = models.ForeignKey(TimelineEntry, on_delete=models.CASCADE, related_name="alerts")
    person = models.ForeignKey(
        "orgs.Person", verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="+"
    )
    event = models.CharField(_("event"), max_length=10, choices=Event.choices)
    level = models.ForeignKey(SeverityLevel, on_delete=models.RESTRICT, related_name="+")
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(_("sent to"))
    language = models.CharField(_("language"), max_length=2)

    # R3.1: an alert that could not leave is a crisis contact nobody reached by e-mail.
    failure_requirement = "R3.1"
    failure_is_error = True
    failure_text = _(
        "Crisis alerts that could not be sent in the last two weeks: %(count)s, the latest to "
        "%(email)s."
    )

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "person", "event"], name="one_alert_per_entry_person_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} {self.event} ({self.status})"
