"""Response approvals (R3.4): statements drafted in an incident and approved role by role.

The rules, as a state of one statement (`crisis.selectors.state`, a pure function):

- The incident's current level names the required roles (`SeverityLevel.approval_roles`).
- Only decisions on the statement's current version count. Every change of the text makes a
  new version, so an edit after an approval withdraws it.
- **rejected** — a required role rejected the current version (it needs an edit);
- **publishable** ("approved for publication") — every required role approved the current
  version, none rejected it, and at least the level's `min_approvers` different people approved;
- **pending** otherwise, with the missing roles. A level without an approval chain leaves every
  statement pending: nobody may clear a response for publication alone.

Separation of duties: the person who wrote a version (`Statement.version_author`) may not
decide on it; each person decides once on a version, as one role; an approval counts only while
its approver still holds the role it was given as, so changing the crisis contacts withdraws the
approvals given through the old holder (a rejection stands until the text changes).

Concurrency: deciding and editing both lock the statement row, and a decision names the version
its approver read (`seen_version`); a decision on a version that is no longer current is
refused (`Conflict`, answered 409). So an approval is never recorded on a text its approver did
not see, and an edit counts exactly the approvals it withdraws.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from siyasa.core.permissions import (
    INCIDENT_WORK,
    Refusal,
    require,
    require_same_org,
    statement_refusal,
)
from siyasa.core.secrets import refuse_secrets
from siyasa.crisis.models import Approval, CrisisRole, Incident, Statement, TimelineEntry
from siyasa.crisis.selectors import PENDING, role_holders, roles_of, statement_state
from siyasa.crisis.services import alerts
from siyasa.crisis.services.timeline import add_system_entry, require_open
from siyasa.orgs.models import Membership, Person
from siyasa.orgs.selectors import members_among

APPROVE, REJECT = Approval.Decision.APPROVE, Approval.Decision.REJECT
Kind = TimelineEntry.Kind


class Conflict(ValidationError):
    """The statement changed after the person read it; the view answers 409."""


def approvers(org, roles: Iterable[str]) -> list[Person]:
    """People who may approve for `roles`: the contacts holding them and their backups, when
    they can sign in to the organisation."""
    return members_among(org, alerts.people_for_roles(org, roles))


def _texts(text_ar: str, text_en: str) -> tuple[str, str]:
    text_ar, text_en = text_ar.strip(), text_en.strip()
    if not (text_ar or text_en):
        raise ValidationError(_("Write the statement in at least one language."))
    # Every version is kept in the timeline and a statement is made to be published (R2.8).
    refuse_secrets(text_ar)
    refuse_secrets(text_en)
    return text_ar, text_en


def _record_of(text_ar: str, text_en: str) -> dict:
    return {"ar": text_ar, "en": text_en}


@transaction.atomic
def submit(*, membership: Membership, incident: Incident, text_ar: str, text_en: str) -> Statement:
    """Draft a statement in the incident and ask its level's approvers (R3.4)."""
    require(membership, INCIDENT_WORK)
    require_same_org(membership, incident)
    text_ar, text_en = _texts(text_ar, text_en)
    incident = (
        Incident.objects.select_for_update(of=("self",)).select_related("level").get(pk=incident.pk)
    )
    require_open(incident)
    number = (incident.statements.aggregate(n=Max("number"))["n"] or 0) + 1
    statement = Statement.objects.create(
        organization=incident.organization,
        incident=incident,
        number=number,
        text_ar=text_ar,
        text_en=text_en,
        created_by=membership.user,
        version_author=membership.user,
    )
    entry = add_system_entry(
        incident,
        membership.user,
        Kind.STATEMENT_SUBMITTED,
        data={"statement": number, "version": 1, "text": _record_of(text_ar, text_en)},
    )
    _ask(statement, entry, incident.level.approval_roles, membership)
    return statement


def edit(
    *,
    membership: Membership,
    statement: Statement,
    text_ar: str,
    text_en: str,
    seen_version: int,
) -> Statement:
    """Change a statement's text: a new version, and every earlier approval stops counting.

    Refused with `Conflict` when someone changed it after `seen_version` was read.
    """
    require(membership, INCIDENT_WORK)
    require_same_org(membership, statement)
    text_ar, text_en = _texts(text_ar, text_en)
    with transaction.atomic():
        locked = (
            Statement.objects.select_for_update(of=("self",))
            .select_related("incident__level", "incident__organization")
            .get(pk=statement.pk)
        )
        require_open(locked.incident)
        if locked.version != seen_version:
            raise Conflict(
                _("Someone changed this statement while you were editing it. Read the new text.")
            )
        if (locked.text_ar, locked.text_en) == (text_ar, text_en):
            return locked
        withdrawn = locked.approvals.filter(version=locked.version, decision=APPROVE).count()
        locked.text_ar, locked.text_en = text_ar, text_en
        locked.version += 1
        locked.version_author = membership.user
        locked.save(update_fields=["text_ar", "text_en", "version", "version_author", "updated_at"])
        entry = add_system_entry(
            locked.incident,
            membership.user,
            Kind.STATEMENT_EDITED,
            data={
                "statement": locked.number,
                "version": locked.version,
                "withdrawn": withdrawn,
                "text": _record_of(text_ar, text_en),
            },
        )
        _ask(locked, entry, locked.incident.level.approval_roles, membership)
    return locked


def decide(
    *,
    membership: Membership,
    statement: Statement,
    role: str,
    decision: str,
    comment: str,
    seen_version: int,
) -> Approval:
    """Approve or reject the version of a statement its approver read, as one crisis role."""
    require(membership, INCIDENT_WORK)
    require_same_org(membership, statement)
    if decision not in (APPROVE, REJECT):
        raise ValidationError(_("Choose to approve or to reject."))
    comment = comment.strip()
    if decision == REJECT and not comment:
        raise ValidationError(_("Say what must change: a rejection needs a comment."))
    with transaction.atomic():
        # The lock orders this decision against any edit of the same statement.
        locked = (
            Statement.objects.select_for_update(of=("self",))
            .select_related("incident__level", "incident__organization")
            .get(pk=statement.pk)
        )
        incident = locked.incident
        require_open(incident)
        holders = role_holders(incident.organization)
        mine = set(
            locked.approvals.filter(version=locked.version, approver=membership.user).values_list(
                "role", flat=True
            )
        )
        refusal = statement_refusal(
            membership,
            role=role,
            held_roles=roles_of(holders, membership.user),
            required_roles=incident.level.approval_roles,
            wrote_version=locked.version_author_id == membership.user_id,
            decided_roles=mine,
        )
        if refusal == Refusal.NOT_HOLDER:
            raise PermissionDenied
        if locked.version != seen_version:
            raise Conflict(
                _(
                    "This statement changed after you read it (now version %(version)s). Read "
                    "the new text, then decide again."
                )
                % {"version": locked.version}
            )
        if refusal is not None:
            raise ValidationError(_refusal_message(refusal, mine))
        before = statement_state(locked, holders)
        approval = Approval.objects.create(
            organization=incident.organization,
            statement=locked,
            version=locked.version,
            approver=membership.user,
            role=role,
            decision=decision,
            comment=comment,
        )
        facts = {"statement": locked.number, "version": locked.version, "role": role}
        add_system_entry(
            incident,
            membership.user,
            Kind.APPROVED if decision == APPROVE else Kind.REJECTED,
            text=comment,
            data=facts,
        )
        after = statement_state(locked, holders)
        if after.publishable and not before.publishable:
            add_system_entry(
                incident,
                None,
                Kind.PUBLISHABLE,
                data={"statement": locked.number, "version": locked.version},
            )
    return approval


def _refusal_message(refusal: Refusal, decided_roles: set[str]) -> str:
    if refusal == Refusal.AUTHOR:
        return _("You wrote this version, so someone else must approve or reject it.")
    if refusal == Refusal.DECIDED:
        return _("You have already decided on this version.")
    # One decision per person and version, so one role.
    role = CrisisRole(min(decided_roles)).label
    return _(
        "You have already decided on this version as %(role)s: one person counts for one role."
    ) % {"role": role}


def ask_after_level_change(incident: Incident, actor, old_roles: list[str]) -> None:
    """The new level may require roles the old one did not: for each statement still to be
    approved, record it in the timeline and ask those approvers."""
    new_roles = [r for r in incident.level.approval_roles if r not in old_roles]
    if not new_roles:
        return
    holders = role_holders(incident.organization_id)
    for statement in incident.statements.prefetch_related("approvals"):
        statement.incident = incident
        current = statement_state(statement, holders)
        needed = [r for r in new_roles if r in current.missing]
        if current.status != PENDING or not needed:
            continue
        entry = add_system_entry(
            incident,
            actor,
            Kind.APPROVALS_NEEDED,
            data={"statement": statement.number, "version": statement.version, "roles": needed},
        )
        alerts.queue_approval_alerts(statement, entry, approvers(incident.organization, needed))


def _ask(statement: Statement, entry, roles, membership: Membership) -> None:
    people = approvers(statement.organization, roles)
    alerts.queue_approval_alerts(statement, entry, people, exclude_user=membership.user)
