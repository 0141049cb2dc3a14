"""Reads of the crisis plan and the crisis room."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Case, IntegerField, Prefetch, Value, When

from siyasa.core.i18n import pick
from siyasa.core.permissions import can_decide_statement
from siyasa.core.rendering import render_prose
from siyasa.crisis.models import (
    Alert,
    Approval,
    CrisisRole,
    EmergencyContact,
    Incident,
    Playbook,
    SeverityLevel,
    Statement,
    TimelineEntry,
)
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.models import Organization, Person

# crisis role -> the users who hold it now (as the emergency contact or the backup)
Holders = Mapping[str, set[int]]


def emergency_contacts(org: Organization):
    """In the order of `CrisisRole` (social team, legal, PR, board…), not alphabetically."""
    role_order = Case(
        *(When(role=role, then=Value(index)) for index, role in enumerate(CrisisRole.values)),
        output_field=IntegerField(),
    )
    return (
        EmergencyContact.objects.for_org(org)
        .select_related("person", "backup")
        .order_by(role_order, "person__name")
    )


def contact_roles(org: Organization) -> list[CrisisRole]:
    """The crisis roles someone is named for, in `CrisisRole` order: what a public policy says
    about its emergency contacts, without who they are or how to reach them (1 query)."""
    held = set(EmergencyContact.objects.for_org(org).values_list("role", flat=True))
    return [role for role in CrisisRole if role in held]


def severity_levels(org: Organization):
    return SeverityLevel.objects.for_org(org)


_Playbook = TypeVar("_Playbook", Playbook, None)


def with_steps(playbook: _Playbook) -> _Playbook:
    """Adds `steps` (the reader's language, or the other) and `steps_html` (rendered)."""
    if playbook is not None:
        # Attributes for the templates, not fields.
        playbook.steps = pick(playbook.steps_ar, playbook.steps_en)  # type: ignore[attr-defined]
        playbook.steps_html = render_prose(playbook.steps.text)  # type: ignore[attr-defined]
    return playbook


def playbooks(org: Organization) -> list[Playbook]:
    return [with_steps(p) for p in Playbook.objects.for_org(org)]


def open_incidents(org: Organization):
    """The most serious first, then the newest."""
    return (
        Incident.objects.for_org(org)
        .filter(status=Incident.Status.OPEN)
        .select_related("level", "lead")
        .order_by("-level__rank", "-number")
    )


def past_incidents(org: Organization, limit: int = 10):
    return (
        Incident.objects.for_org(org)
        .filter(status=Incident.Status.CLOSED)
        .select_related("level", "lead")
        .order_by("-closed_at", "-number")[:limit]
    )


def incident(org: Organization, number: int):
    return (
        Incident.objects.for_org(org)
        .select_related("level", "lead", "declared_by", "closed_by")
        .prefetch_related("accounts")
        .get(number=number)
    )


@dataclass
class RoleDecision:
    """One required role of a statement, as the page shows it."""

    role: str
    label: str
    approval: Approval | None  # the decision on the current version, if any
    may_decide: bool


def incident_page(org: Organization, incident: Incident, membership) -> dict:
    """Everything the incident page shows, in a fixed number of queries."""
    user = membership.user if membership else None
    timeline = list(
        TimelineEntry.objects.filter(incident=incident)
        .select_related("author")
        .order_by("at", "pk")
    )
    statements = list(
        incident.statements.prefetch_related(
            # django-stubs 5.2 loses the Prefetch's type variables on a custom QuerySet's manager
            # (fixed in 6.x: typeddjango/django-stubs#3263).
            Prefetch("approvals", queryset=Approval.objects.select_related("approver"))  # type: ignore[arg-type]
        )
    )
    decisions = [a for s in statements for a in s.approvals.all()]
    names = org_selectors.names_of(
        org, [e.author for e in timeline] + [a.approver for a in decisions]
    )
    corrected = {e.corrects_id for e in timeline if e.corrects_id}
    by_id = {e.pk: e for e in timeline}
    for entry in timeline:
        entry.who = names.get(entry.author_id, "")
        entry.is_corrected = entry.pk in corrected
        entry.corrected_entry = by_id.get(entry.corrects_id)
    for approval in decisions:
        approval.who = names.get(approval.approver_id, "")
    holders = role_holders(org)
    held = roles_of(holders, user)
    for statement in statements:
        _add_decisions(statement, incident, holders, held, membership)
    tasks = list(incident.tasks.select_related("owner"))
    return {
        "timeline": timeline,
        "tasks": tasks,
        "open_tasks": sum(1 for t in tasks if not t.done),
        "statements": statements,
        "held_roles": held,
        "playbook": with_steps(
            Playbook.objects.for_org(org).filter(kind=incident.playbook_kind).first()
        ),
        "alerted": _alerted(incident),
    }


def _add_decisions(
    statement, incident: Incident, holders: Holders, held: set[str], membership
) -> None:
    """The statement's state, one row per required role, and the decisions that no longer
    count (on earlier versions)."""
    level = incident.level
    required = level.approval_roles
    decisions = list(statement.approvals.all())
    statement.state = state(
        required, decisions, statement.version, holders=holders, min_approvers=level.min_approvers
    )
    current = [a for a in decisions if a.version == statement.version]
    for approval in current:
        approval.counts = approval.decision == REJECT or holds(approval, holders)
    statement.older = [a for a in decisions if a.version != statement.version]
    user_id = membership.user_id if membership is not None else None
    wrote = user_id is not None and statement.version_author_id == user_id
    decided = {a.role for a in current if a.approver_id == user_id}
    statement.rows = []
    for role in required:
        mine = [a for a in current if a.role == role]
        # A rejection is what the others need to see first, then an approval that counts.
        shown = next((a for a in mine if a.decision == REJECT), None) or next(
            (a for a in mine if a.counts), None
        )
        statement.rows.append(
            RoleDecision(
                role=role,
                label=str(CrisisRole(role).label) if role in CrisisRole.values else role,
                approval=shown or (mine[0] if mine else None),
                may_decide=incident.is_open
                and can_decide_statement(
                    membership,
                    role=role,
                    held_roles=held,
                    required_roles=required,
                    wrote_version=wrote,
                    decided_roles=decided,
                ),
            )
        )


def _alerted(incident: Incident) -> list[Alert]:
    """Who was alerted about the incident's level (each person once, their latest alert)."""
    latest: dict[int, Alert] = {}
    for alert in (
        Alert.objects.filter(incident=incident, event=Alert.Event.LEVEL)
        .select_related("person")
        .order_by("pk")
    ):
        latest[alert.person_id] = alert
    return list(latest.values())


# --- approvals (R3.4): the state of a statement, and who may decide ------------------------

PUBLISHABLE, PENDING, REJECTED = "publishable", "pending", "rejected"
APPROVE, REJECT = Approval.Decision.APPROVE, Approval.Decision.REJECT


@dataclass(frozen=True)
class State:
    status: str
    # Required roles without a counting approval of the current version, in the chain's order.
    missing: tuple[str, ...] = ()
    # Required roles that rejected the current version.
    rejected: tuple[str, ...] = ()
    # How many more different people must approve to reach the level's minimum.
    approvers_short: int = 0

    @property
    def publishable(self) -> bool:
        return self.status == PUBLISHABLE


def holds(decision, holders: Holders) -> bool:
    """Whether the person who decided still holds the role they decided as."""
    return decision.approver_id in holders.get(decision.role, ())


def state(
    required_roles: Iterable[str],
    approvals: Iterable,
    current_version: int,
    *,
    holders: Holders,
    min_approvers: int = 1,
) -> State:
    """The state of a statement from its required roles and its decisions (anything with
    `version`, `role`, `decision` and `approver_id`, in the order they were made).

    Each person counts once on a version: their first decision. An approval counts only while
    its approver still holds the role it was given as, so a change of crisis contacts withdraws
    it; a rejection stands until the text changes, whoever holds the role now.
    """
    required = list(dict.fromkeys(required_roles))
    seen = set()  # people who already decided on this version
    current = []
    for a in approvals:
        if a.version != current_version or a.approver_id in seen:
            continue
        if a.approver_id is not None:  # a deleted user's decisions are each their own
            seen.add(a.approver_id)
        if a.role in required:
            current.append(a)
    approving = [a for a in current if a.decision == APPROVE and holds(a, holders)]
    approved = {a.role for a in approving}
    rejected = tuple(
        r for r in required if any(a.role == r and a.decision == REJECT for a in current)
    )
    missing = tuple(r for r in required if r not in approved)
    short = max(0, min_approvers - len(approving))
    if rejected:
        return State(REJECTED, missing, rejected, short)
    if missing or short or not required:
        return State(PENDING, missing, approvers_short=short)
    return State(PUBLISHABLE)


def statement_state(statement: Statement, holders: Holders | None = None) -> State:
    level = statement.incident.level
    return state(
        level.approval_roles,
        statement.approvals.all(),
        statement.version,
        holders=role_holders(statement.organization_id) if holders is None else holders,
        min_approvers=level.min_approvers,
    )


def role_holders(org) -> dict[str, set[int]]:
    """Who may decide as each crisis role now: the users of the current people named as its
    emergency contact or backup (one query)."""
    holders: dict[str, set[int]] = {}
    active = Person.Status.ACTIVE
    rows = EmergencyContact.objects.for_org(org).values_list(
        "role", "person__user_id", "person__status", "backup__user_id", "backup__status"
    )
    for role, person, person_status, backup, backup_status in rows:
        users = holders.setdefault(role, set())
        for user_id, status in ((person, person_status), (backup, backup_status)):
            if user_id is not None and status == active:
                users.add(user_id)
    return holders


def roles_of(holders: Holders, user) -> set[str]:
    """The crisis roles `user` holds, from `role_holders`."""
    if user is None or not user.is_authenticated:
        return set()
    return {role for role, users in holders.items() if user.pk in users}
