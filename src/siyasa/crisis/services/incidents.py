"""Incidents: declaring one, its append-only timeline, tasks, changing its level or lead, and
closing it with a post-incident review (R3.2–R3.4). Statements are in `statements.py`."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.core.permissions import INCIDENT_WORK, can_steer_incident, require, require_same_org
from siyasa.core.secrets import refuse_secrets
from siyasa.crisis import assessment
from siyasa.crisis.models import Incident, SeverityLevel, Task, TimelineEntry
from siyasa.crisis.services import alerts, statements
from siyasa.crisis.services.timeline import add_system_entry, require_open
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.orgs.selectors import is_person_of

Kind = TimelineEntry.Kind


def _names(person: Person) -> dict:
    return {"ar": person.name, "en": person.name_en or person.name}


def _require_current_person(org: Organization, person: Person) -> None:
    if person.organization_id != org.pk or not person.is_current:
        raise ValidationError(_("Choose a current person of the organisation."))


def is_lead(membership: Membership | None, incident: Incident) -> bool:
    return is_person_of(incident.lead, membership)


def may_steer(membership: Membership | None, incident: Incident) -> bool:
    return can_steer_incident(membership, is_lead=is_lead(membership, incident))


def declare(
    *,
    membership: Membership,
    kind: str,
    level: SeverityLevel,
    summary: str,
    lead: Person,
    answers: dict[str, str],
    accounts=(),
    level_reason: str = "",
) -> Incident:
    """Open an incident and alert its level's people at once.

    `answers` are the scope assessment's; choosing another level than the one it suggests
    needs `level_reason`.
    """
    require(membership, INCIDENT_WORK)
    org = membership.organization
    require_same_org(membership, level, *accounts)
    _require_current_person(org, lead)
    summary, level_reason = summary.strip(), level_reason.strip()
    if not summary:
        raise ValidationError(_("Say in a sentence what is happening."))
    suggestion = assessment.suggest(answers)
    suggested = assessment.level_for(suggestion.rank, SeverityLevel.objects.for_org(org))
    if suggested is not None and suggested.pk != level.pk and not level_reason:
        raise ValidationError(
            _("You chose another level than the suggested one: please say why."), code="reason"
        )
    with transaction.atomic():
        # Numbers are per organisation: serialise declarations on the organisation's row.
        Organization.objects.select_for_update().filter(pk=org.pk).first()
        number = (Incident.objects.for_org(org).aggregate(n=Max("number"))["n"] or 0) + 1
        incident = Incident.objects.create(
            organization=org,
            number=number,
            kind=kind,
            level=level,
            summary=summary,
            lead=lead,
            assessment={
                "answers": {q.key: a.key for q, a in _answered(answers)},
                "rank": suggestion.rank,
            },
            level_reason=level_reason,
            declared_by=membership.user,
        )
        incident.accounts.set(accounts)
        entry = add_system_entry(
            incident,
            membership.user,
            Kind.DECLARED,
            text=level_reason,
            data={"level": level.names(), "lead": _names(lead)},
        )
        alerts.queue_level_alerts(incident, entry, [level])
    return incident


def _answered(answers: dict[str, str]):
    for question in assessment.QUESTIONS:
        answer = question.answer(answers.get(question.key, "")) or question.answers[0]
        yield question, answer


def add_entry(
    *,
    membership: Membership,
    incident: Incident,
    text: str,
    corrects: TimelineEntry | None = None,
) -> TimelineEntry:
    """Add to the timeline what someone saw, did or decided; or correct an earlier entry.

    A closed incident's record takes no new notes — only corrections of what it holds, the way
    its review can still be completed.
    """
    require(membership, INCIDENT_WORK)
    require_same_org(membership, incident)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write what happened."))
    # The timeline is never edited: a secret written there could not be taken out (R2.8).
    refuse_secrets(text)
    if corrects is not None and corrects.incident_id != incident.pk:
        raise ValidationError(_("You can only correct an entry of this incident."))
    # Read now, not from the caller's copy: someone may have closed it since.
    closed = Incident.objects.filter(pk=incident.pk, status=Incident.Status.CLOSED).exists()
    if corrects is None and closed:
        raise ValidationError(
            _("This incident is closed: it takes no new notes. To put an entry right, correct it.")
        )
    return TimelineEntry.objects.create(
        organization=incident.organization,
        incident=incident,
        author=membership.user,
        text=text,
        corrects=corrects,
    )


@transaction.atomic
def add_task(
    *, membership: Membership, incident: Incident, title: str, owner: Person | None = None
) -> Task:
    require(membership, INCIDENT_WORK)
    require_same_org(membership, incident)
    require_open(incident)
    title = title.strip()
    if not title:
        raise ValidationError(_("Say what needs doing."))
    if owner is not None:
        _require_current_person(incident.organization, owner)
    task = Task.objects.create(
        organization=incident.organization, incident=incident, title=title, owner=owner
    )
    add_system_entry(
        incident,
        membership.user,
        Kind.TASK_ADDED,
        data={"task": title, **({"owner": _names(owner)} if owner else {})},
    )
    return task


@transaction.atomic
def complete_task(*, membership: Membership, task: Task) -> Task:
    require(membership, INCIDENT_WORK)
    require_same_org(membership, task)
    require_open(task.incident)
    done = Task.objects.filter(pk=task.pk, done_at__isnull=True).update(
        done_at=timezone.now(), done_by=membership.user, updated_at=timezone.now()
    )
    if not done:
        raise ValidationError(_("This task is already done."))
    add_system_entry(task.incident, membership.user, Kind.TASK_DONE, data={"task": task.title})
    task.refresh_from_db()
    return task


def change_level(
    *, membership: Membership, incident: Incident, level: SeverityLevel, reason: str
) -> Incident:
    """Escalate or de-escalate: the lead, owners and policy admins, with a reason. Everyone on
    the old level and the new one is alerted again (see `alerts`)."""
    require_same_org(membership, incident, level)
    reason = reason.strip()
    with transaction.atomic():
        incident = _lock_to_steer(membership, incident)
        require_open(incident)
        old = incident.level
        if level.pk == old.pk:
            raise ValidationError(_("The incident is already at this level."))
        if not reason:
            raise ValidationError(_("Say why the level changes."))
        incident.level = level
        incident.save(update_fields=["level", "updated_at"])
        kind = Kind.ESCALATED if level.rank > old.rank else Kind.DEESCALATED
        entry = add_system_entry(
            incident,
            membership.user,
            kind,
            text=reason,
            data={"old": old.names(), "new": level.names()},
        )
        alerts.queue_level_alerts(incident, entry, [old, level])
        statements.ask_after_level_change(incident, membership.user, old.approval_roles)
    return incident


def _lock_to_steer(membership: Membership, incident: Incident) -> Incident:
    """The incident, locked for this transaction, if `membership` may steer it (level, lead,
    closing): a decision made on a stale copy cannot slip in between."""
    locked = (
        Incident.objects.select_for_update(of=("self",))
        .select_related("level", "lead", "organization")
        .get(pk=incident.pk)
    )
    if not may_steer(membership, locked):
        raise PermissionDenied
    return locked


def change_lead(*, membership: Membership, incident: Incident, lead: Person) -> Incident:
    require_same_org(membership, incident)
    with transaction.atomic():
        incident = _lock_to_steer(membership, incident)
        require_open(incident)
        _require_current_person(incident.organization, lead)
        if incident.lead_id == lead.pk:
            raise ValidationError(_("This person already leads the incident."))
        incident.lead = lead
        incident.save(update_fields=["lead", "updated_at"])
        add_system_entry(incident, membership.user, Kind.LEAD_CHANGED, data={"lead": _names(lead)})
    return incident


def close(
    *, membership: Membership, incident: Incident, happened: str, worked: str, changes: str
) -> Incident:
    """Close the incident with its post-incident review; on a closed one, update the review.

    When the review says what will change, the timeline records that the change goes to the
    policy draft (the page links to it).
    """
    require_same_org(membership, incident)
    happened, worked, changes = happened.strip(), worked.strip(), changes.strip()
    if not happened:
        raise ValidationError(_("Say what happened: the review starts there."))
    with transaction.atomic():
        incident = _lock_to_steer(membership, incident)
        before = incident.review_changes
        was_open = incident.is_open
        incident.review_happened, incident.review_worked = happened, worked
        incident.review_changes = changes
        if was_open:
            incident.status = Incident.Status.CLOSED
            incident.closed_at, incident.closed_by = timezone.now(), membership.user
        incident.save()
        add_system_entry(
            incident, membership.user, Kind.CLOSED if was_open else Kind.REVIEW_UPDATED
        )
        if changes and changes != before:
            add_system_entry(incident, membership.user, Kind.POLICY_CHANGE, text=changes)
    return incident
