"""The organisation document: which tables it carries, in which order, and how each value is
written — shared by the export, the import and the JSON Schema, so the three cannot drift apart.

Rows refer to each other by `ref`, a number per section (1, 2, … in the order of the rows' ids,
then the rows that only the history remembers), never by database id: an organisation exported,
imported and exported again gives the same document apart from its slug.
"""

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models

SCHEMA_VERSION = 1
SCHEMA_FILE = f"org-v{SCHEMA_VERSION}.json"


class DocumentError(Exception):
    """The file cannot be imported; the message says why, in the active language."""


@dataclass(frozen=True)
class Section:
    """One table of the organisation, as a list in the document."""

    name: str
    label: str
    # A pair of fields naming a row of another section as (model label, id), not as a foreign
    # key: the offboarding checklist's target, the history removal's record.
    generic: tuple[str, str] | None = None
    exclude: tuple[str, ...] = ()

    @cached_property
    def model(self) -> Any:
        return apps.get_model(self.label)

    @cached_property
    def fields(self) -> list[Any]:
        """The fields the document carries: all but the id, the organisation and `exclude`."""
        concrete = [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key and f.name != "organization" and f.name not in self.exclude
        ]
        return concrete + list(self.model._meta.many_to_many)

    @cached_property
    def history_model(self) -> Any:
        manager = getattr(self.model, "history", None)
        return manager.model if manager is not None else None

    @cached_property
    def history_fields(self) -> list[Any]:
        """The carried fields the history records (a model may leave some out of it)."""
        recorded = {f.name for f in self.history_model._meta.concrete_fields}
        recorded |= {f.name for f in getattr(self.history_model, "_history_m2m_fields", [])}
        return [f for f in self.fields if f.name in recorded]

    def history_m2m_through(self, field: Any) -> tuple[Any, str, str, str]:
        """The table in which django-simple-history records `field` of each history row, with
        the names of its columns pointing at the history row, at the row itself and at the
        related row."""
        name = f"{self.history_model._meta.model_name}_{field.name}".lower()
        through = next(
            rel.related_model
            for rel in self.history_model._meta.related_objects
            if rel.related_model._meta.model_name == name
        )
        target = next(
            f
            for f in through._meta.concrete_fields
            if f.is_relation
            and f.related_model is field.related_model
            and f.name != self.model._meta.model_name
        )
        source = through._meta.get_field(self.model._meta.model_name)
        return through, "history_id", source.attname, target.attname


SECTIONS = [
    Section("people", "orgs.Person", exclude=("user",)),
    Section("social_accounts", "registry.SocialAccount"),
    Section("responsibilities", "registry.ResponsibilityAssignment"),
    Section("access_grants", "registry.AccessGrant"),
    Section("custody", "registry.Custody"),
    Section("devices", "registry.Device"),
    Section("connected_apps", "registry.ConnectedApp"),
    Section("account_requests", "registry.AccountRequest"),
    Section("moderation_decisions", "registry.ModerationDecision"),
    Section("consents", "consent.Consent"),
    Section("takedown_tasks", "consent.TakedownTask"),
    Section("post_check_terms", "postcheck.Lexicon"),
    Section("emergency_contacts", "crisis.EmergencyContact"),
    Section("severity_levels", "crisis.SeverityLevel"),
    Section("playbooks", "crisis.Playbook"),
    Section("policy_texts", "policy.PolicyText"),
    Section("policy_settings", "policy.PolicySettings"),
    Section("policy_versions", "policy.PolicyVersion"),
    Section("incidents", "crisis.Incident"),
    Section("timeline_entries", "crisis.TimelineEntry"),
    Section("tasks", "crisis.Task"),
    Section("statements", "crisis.Statement"),
    Section("approvals", "crisis.Approval"),
    Section("rotations", "security.RotationRecord"),
    Section("offboardings", "security.Offboarding"),
    Section("offboarding_items", "security.OffboardingItem", generic=("target", "target_id")),
    Section("onboarding_steps", "security.OnboardingStep"),
    Section("health_snapshots", "doctor.HealthSnapshot"),
    Section("training_settings", "training.TrainingSettings"),
    Section("quiz_questions", "training.CustomQuestion"),
    Section("change_stamps", "orgs.ChangeStamp"),
    Section("history_removals", "audit.Purge", generic=("kind", "object_id")),
]
# The organisation's own row, and its history, under "organization".
ORGANIZATION = Section("organization", "orgs.Organization")

# The organisation's tables that are not lists of the document, and why.
CARRIED_APART = {
    "orgs.membership": "the `members` list, imported as invitations",
    "policy.acknowledgement": "the `acknowledgements` list, by e-mail address",
    "archive.carried": "merged back into `members` and `acknowledgements`",
}
NOT_CARRIED = {
    "orgs.invitation": "open ones are in `members`; links and delivery belong to the old instance",
    "crisis.alert": "e-mails of the old instance's outbox (the timeline says what happened)",
    "notify.digest": "e-mails of the old instance's outbox",
    "notify.reminder": "what the old instance reminded; the new one decides anew",
    "policy.exportfile": "PDF and Word files, made again on request",
    "postcheck.reviewrequest": "drafts sent for review are working data, kept only while they "
    "are reviewed and purged after; the new instance's members ask again",
    "intake.analysis": "working files: reports of a policy uploaded once, uploaded again if needed",
    "intake.analysispdf": "PDF files of those reports, made again on request",
    "training.attempt": "quiz attempts belong to the old instance's sign-ins; members take the quiz "
    "again, and its certificate with it",
}


def section_of_label(label: str) -> Section | None:
    """The section of a generic reference such as "registry.custody"."""
    for section in SECTIONS:
        if section.model._meta.label_lower == label:
            return section
    return None


def section_of_model(model: Any) -> Section | None:
    for section in SECTIONS:
        if section.model is model:
            return section
    return None


def is_user(field: Any) -> bool:
    return field.is_relation and field.related_model is get_user_model()


def dump(field: Any, value):
    """A plain (non-reference) value as JSON."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.DateField):  # dates and date-times
        return value.isoformat()
    if isinstance(field, models.BooleanField | models.IntegerField | models.FloatField):
        return value
    return str(value)  # text, e-mail, slug, country code


def load(field: Any, raw):
    """A plain value from JSON, as the model field holds it."""
    if raw is None or isinstance(field, models.JSONField):
        return raw
    return field.to_python(raw)
