"""Everything the reminders read, loaded for all organisations in a fixed number of queries."""

import datetime
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper, Max, Prefetch
from django.db.models.fields.json import KT
from django.utils import timezone

from siyasa.consent.models import Consent, TakedownTask
from siyasa.core.permissions import POLICY_MANAGER_ROLES
from siyasa.crisis.models import EmergencyContact
from siyasa.doctor.engine import Report, diagnose_many
from siyasa.doctor.findings import Finding
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.models import (
    COUNTS_FOR_ACKNOWLEDGEMENT,
    Acknowledgement,
    PolicySettings,
    PolicyVersion,
)
from siyasa.postcheck.models import ReviewRequest
from siyasa.registry.models import Area, Custody, ResponsibilityAssignment, SocialAccount
from siyasa.training.models import Attempt

MANAGERS = POLICY_MANAGER_ROLES


@dataclass
class OrgFacts:
    org: Organization
    today: datetime.date
    custodies: list[Custody] = field(default_factory=list)
    # The number of the version whose acknowledgement counts (R0.3), None before publication.
    required_version: int | None = None
    required_effective_on: datetime.date | None = None
    # user id -> the highest version number they acknowledged
    acknowledged: dict[int, int] = field(default_factory=dict)
    # user id -> the highest version number whose quiz they passed (R1.3 i)
    passed_quiz: dict[int, int] = field(default_factory=dict)
    # Directory entries of members, and of those among them who may change the policy.
    members: list[Person] = field(default_factory=list)
    managers: list[Person] = field(default_factory=list)
    contacts: list[EmergencyContact] = field(default_factory=list)
    crisis_holders: list[Person] = field(default_factory=list)
    next_review_on: datetime.date | None = None
    findings: list[Finding] = field(default_factory=list)
    # R4.2: open take-down tasks, consents ending within 30 days, and the social team (the
    # holders of daily publishing) who must stop using them.
    takedowns: list[TakedownTask] = field(default_factory=list)
    expiring_consents: list[Consent] = field(default_factory=list)
    social_team: list[Person] = field(default_factory=list)
    # Issue 14: review requests still waiting that were asked before today, each with its
    # reviewers; the memberships of those reviewers (user id -> membership), to ask whether they
    # may still decide; and the directory entries of whoever asked (user id -> person).
    waiting_reviews: list[ReviewRequest] = field(default_factory=list)
    reviewer_memberships: dict[int, Membership] = field(default_factory=dict)
    askers: dict[int, Person] = field(default_factory=dict)


def load(
    orgs: list[Organization], today: datetime.date, reports: dict[int, Report] | None = None
) -> dict[int, OrgFacts]:
    """The facts of `orgs`; `reports` are the doctor's of the same day when already made."""
    facts = {org.pk: OrgFacts(org, today) for org in orgs}
    ids = list(facts)
    if not ids:
        return facts
    _custodies(facts, ids)
    _versions(facts, ids, today)
    _members(facts, ids)
    _crisis(facts, ids)
    _consents(facts, ids, today)
    _reviews(facts, ids, today)
    for org_id, report in (reports if reports is not None else diagnose_many(orgs, today)).items():
        facts[org_id].findings = report.findings
    return facts


def _custodies(facts, ids):
    rows = (
        Custody.objects.filter(organization__in=ids)
        .exclude(account__status=SocialAccount.Status.RETIRED)
        .select_related("account", "custodian__user", "backup_custodian__user")
        .order_by("account__platform", "account__handle")
    )
    for custody in rows:
        facts[custody.organization_id].custodies.append(custody)


def _versions(facts, ids, today):
    """The version in force, the one to acknowledge and the review date, without the texts."""
    rows = (
        PolicyVersion.objects.filter(organization__in=ids)
        .in_force(today)
        .annotate(
            review=KT("content__next_review_on"),
            counts=ExpressionWrapper(COUNTS_FOR_ACKNOWLEDGEMENT, output_field=BooleanField()),
        )
        .values_list("organization_id", "number", "counts", "review", "effective_on")
        .order_by("organization_id", "number")
    )
    for org_id, number, counts, review, effective_on in rows:
        org_facts = facts[org_id]
        # Rows come in ascending number, so the last one seen is the version in force.
        org_facts.next_review_on = _date(review)
        if counts:
            org_facts.required_version = number
            org_facts.required_effective_on = effective_on
    drafts = [org_id for org_id, f in facts.items() if f.required_version is None]
    for org_id, day in PolicySettings.objects.filter(organization__in=drafts).values_list(
        "organization_id", "next_review_on"
    ):
        facts[org_id].next_review_on = day
    acks = (
        Acknowledgement.objects.filter(organization__in=ids)
        .values("organization_id", "user_id")
        .annotate(latest=Max("version__number"))
    )
    for row in acks:
        facts[row["organization_id"]].acknowledged[row["user_id"]] = row["latest"]
    passes = (
        Attempt.objects.filter(organization__in=ids, passed=True)
        .values("organization_id", "user_id")
        .annotate(latest=Max("version__number"))
    )
    for row in passes:
        facts[row["organization_id"]].passed_quiz[row["user_id"]] = row["latest"]


def _date(value: str | None) -> datetime.date | None:
    # A JSON null comes back as the text "null" on some databases.
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _members(facts, ids):
    for person in org_selectors.signed_in_people(ids):
        facts[person.organization_id].members.append(person)
        if person.role in MANAGERS:
            facts[person.organization_id].managers.append(person)


def _crisis(facts, ids):
    contacts = (
        EmergencyContact.objects.filter(organization__in=ids)
        .select_related("person")
        .order_by("role", "person__name")
    )
    for contact in contacts:
        facts[contact.organization_id].contacts.append(contact)
    # One assignment per area and person (a unique constraint), so nobody is listed twice.
    holders = ResponsibilityAssignment.objects.filter(
        organization__in=ids, area=Area.CRISIS, person__status=Person.Status.ACTIVE
    ).select_related("person__user")
    for row in holders:
        facts[row.organization_id].crisis_holders.append(row.person)


def _consents(facts, ids, today):
    tasks = (
        TakedownTask.objects.filter(organization__in=ids, done_at__isnull=True)
        .select_related("account", "assignee__user")
        .order_by("created_at", "pk")
    )
    for task in tasks:
        facts[task.organization_id].takedowns.append(task)
    for consent in Consent.objects.filter(organization__in=ids).expiring(today).order_by("pk"):
        facts[consent.organization_id].expiring_consents.append(consent)
    team = ResponsibilityAssignment.objects.filter(
        organization__in=ids, area=Area.PUBLISHING, person__status=Person.Status.ACTIVE
    ).select_related("person__user")
    for row in team:
        facts[row.organization_id].social_team.append(row.person)


def _reviews(facts, ids, today):
    """Requests waiting since before `today`: on the day it was asked, the reviewers had the
    e-mail asking them."""
    start_of_today = timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    reviewers = Person.objects.select_related("user").order_by("name", "pk")
    rows = (
        ReviewRequest.objects.filter(
            organization__in=ids,
            status=ReviewRequest.Status.WAITING,
            created_at__lt=start_of_today,
        )
        .select_related("account", "requested_by")
        .prefetch_related(Prefetch("reviewers", reviewers))
        .order_by("created_at", "pk")
    )
    users: set[int] = set()
    askers: set[int] = set()
    for review in rows:
        facts[review.organization_id].waiting_reviews.append(review)
        users.update(p.user_id for p in review.reviewers.all() if p.user_id)
        if review.requested_by_id:
            askers.add(review.requested_by_id)
    if not users:
        return
    for membership in Membership.objects.filter(organization__in=ids, user_id__in=users):
        facts[membership.organization_id].reviewer_memberships[membership.user_id] = membership
    for person in Person.objects.filter(organization__in=ids, user_id__in=askers):
        facts[person.organization_id].askers[person.user_id] = person
