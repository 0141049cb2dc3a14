"""Everything the checks read, loaded for many organisations at once in a fixed number of
set-based queries (never one query per organisation, account or person)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _

from siyasa.consent.models import Consent
from siyasa.crisis.models import EmergencyContact, Playbook, SeverityLevel
from siyasa.mail.models import Queued
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.models import Acknowledgement, PolicyVersion
from siyasa.policy.rules import Rules, draft_rules_for
from siyasa.registry.models import (
    AccessGrant,
    ConnectedApp,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.security.models import Offboarding
from siyasa.training.models import Attempt

ACTIVE = Person.Status.ACTIVE
# How far back the doctor looks for e-mails that could not be sent ("two weeks" in its words).
FAILED_MAIL_DAYS = 14


@dataclass
class OrgData:
    org: Organization
    today: datetime.date
    accounts: list[SocialAccount] = field(default_factory=list)
    # account id -> (people who may publish, people who may reply), current people only
    grant_counts: dict[int, tuple[int, int]] = field(default_factory=dict)
    assigned_areas: set[str] = field(default_factory=set)
    # departed person -> names of what they still hold
    departed_holdings: dict[Person, list[str]] = field(default_factory=lambda: defaultdict(list))
    devices: list[Device] = field(default_factory=list)
    device_account_counts: dict[int, int] = field(default_factory=dict)
    # R2.9: the phone lines of registered organisation-owned devices.
    org_phone_lines: set[str] = field(default_factory=set)
    # R2.10: apps connected to accounts that are not closed.
    connections: list[ConnectedApp] = field(default_factory=list)
    role_counts: dict[str, int] = field(default_factory=dict)
    contacts: list[EmergencyContact] = field(default_factory=list)
    levels: list[SeverityLevel] = field(default_factory=list)
    playbooks: list[Playbook] = field(default_factory=list)
    # Open offboardings with the number of items still to do.
    offboardings: list = field(default_factory=list)
    rules: Rules = None  # type: ignore[assignment]  # set by `load` for every organisation
    has_version: bool = False
    members: int = 0
    # Users who can sign in to the organisation (its members).
    member_user_ids: set[int] = field(default_factory=set)
    acknowledged: int = 0
    # R1.3 (i): members who passed the quiz of the version that counts, or a later one.
    passed_quiz: int = 0
    # E-mails that gave up in the last FAILED_MAIL_DAYS days, by queued-mail model:
    # model -> (how many, the address of the latest).
    failed_mail: dict = field(default_factory=dict)
    # R4.2: consents in force that end within 30 days, and withdrawn consents -> the number of
    # their take-down tasks still open.
    expiring_consents: list[Consent] = field(default_factory=list)
    open_takedowns: dict[Consent, int] = field(default_factory=dict)


def load(orgs: list[Organization], today: datetime.date) -> dict[int, OrgData]:
    data = {org.pk: OrgData(org, today) for org in orgs}
    ids = list(data)
    _accounts(data, ids)
    _grants(data, ids)
    _responsibilities(data, ids)
    _departed(data, ids)
    _devices(data, ids)
    _connections(data, ids)
    _members(data, ids)
    _crisis(data, ids)
    _rules(data, ids, today)
    _offboardings(data, ids)
    _failed_mail(data, ids, today)
    _consents(data, ids, today)
    return data


def _accounts(data, ids):
    rows = (
        SocialAccount.objects.filter(organization__in=ids)
        .exclude(status=SocialAccount.Status.RETIRED)
        .select_related("owner", "custody__custodian", "custody__backup_custodian")
        .select_related("custody__two_factor_holder")
        .order_by("platform", "handle")
    )
    for account in rows:
        data[account.organization_id].accounts.append(account)


def _grants(data, ids):
    current = Q(person__status=ACTIVE)
    rows = (
        AccessGrant.objects.filter(organization__in=ids)
        .values("organization_id", "account_id")
        .annotate(
            publish=Count("pk", filter=current & Q(can_publish=True)),
            reply=Count("pk", filter=current & Q(can_reply=True)),
        )
    )
    for row in rows:
        data[row["organization_id"]].grant_counts[row["account_id"]] = (
            row["publish"],
            row["reply"],
        )


def _responsibilities(data, ids):
    rows = (
        ResponsibilityAssignment.objects.filter(organization__in=ids, person__status=ACTIVE)
        .values_list("organization_id", "area")
        .distinct()
    )
    for org_id, area in rows:
        data[org_id].assigned_areas.add(area)


# R1.5: every place a person can still be named. (model, person field, what to call it)
_HOLDINGS = (
    (SocialAccount, "owner", _("account owner")),
    (AccessGrant, "person", _("access to an account")),
    (Custody, "custodian", _("credential custodian")),
    (Custody, "backup_custodian", _("backup custodian")),
    (Custody, "two_factor_holder", _("holder of a second factor")),
    (Custody, "recovery_owner", _("owner of a recovery e-mail or phone")),
    (ResponsibilityAssignment, "person", _("holder of a responsibility")),
    (Device, "assignee", _("holder of a device")),
    (Device, "updater", _("keeper of a device's updates")),
    (EmergencyContact, "person", _("emergency contact")),
)


def _departed(data, ids):
    departed = {
        p.pk: p for p in Person.objects.filter(organization__in=ids, status=Person.Status.DEPARTED)
    }
    if not departed:
        return
    for model, field_name, label in _HOLDINGS:
        rows = (
            model.objects.filter(organization__in=ids, **{f"{field_name}__in": list(departed)})
            .values_list(field_name)
            .annotate(n=Count("pk"))
        )
        for person_id, _n in rows:
            person = departed[person_id]
            data[person.organization_id].departed_holdings[person].append(label)


def _devices(data, ids):
    rows = (
        Device.objects.filter(organization__in=ids)
        .select_related("updater")
        .annotate(n_accounts=Count("accounts"))
        .order_by("name")
    )
    for device in rows:
        data[device.organization_id].devices.append(device)
        data[device.organization_id].device_account_counts[device.pk] = device.n_accounts
        if device.org_owned and device.phone_number:
            data[device.organization_id].org_phone_lines.add(device.phone_number)


def _connections(data, ids):
    rows = (
        ConnectedApp.objects.filter(organization__in=ids)
        .exclude(account__status=SocialAccount.Status.RETIRED)
        .select_related("account", "approved_by", "owner")
        .order_by("account__platform", "account__handle", "name")
    )
    for app in rows:
        data[app.organization_id].connections.append(app)


def _members(data, ids):
    # One row per membership: the role counts, and who can sign in (R3.4's approvers).
    rows = Membership.objects.filter(organization__in=ids).values_list(
        "organization_id", "role", "user_id"
    )
    for org_id, role, user_id in rows:
        org_data = data[org_id]
        org_data.role_counts[role] = org_data.role_counts.get(role, 0) + 1
        org_data.members += 1
        org_data.member_user_ids.add(user_id)


def _crisis(data, ids):
    for contact in EmergencyContact.objects.filter(organization__in=ids).select_related(
        "person", "backup"
    ):
        data[contact.organization_id].contacts.append(contact)
    for level in SeverityLevel.objects.filter(organization__in=ids).order_by("rank"):
        data[level.organization_id].levels.append(level)
    for playbook in Playbook.objects.filter(organization__in=ids).order_by("kind"):
        data[playbook.organization_id].playbooks.append(playbook)


def _rules(data, ids, today):
    """The rules each organisation states: the version in force, else the draft (R0.1)."""
    in_force = PolicyVersion.objects.filter(organization=OuterRef("organization")).in_force(today)
    latest = in_force.order_by("-number").values("number")[:1]
    versions = PolicyVersion.objects.filter(organization__in=ids, number=Subquery(latest))
    for version in versions:
        data[version.organization_id].rules = Rules.from_version(version)
        data[version.organization_id].has_version = True
    without = [org_id for org_id in ids if data[org_id].rules is None]
    for org_id, rules in draft_rules_for(without).items():
        data[org_id].rules = rules
    _acknowledgements(data, ids, in_force, today)


def _acknowledgements(data, ids, in_force, today):
    """R0.3: members who acknowledged the latest material version in force, or a later one."""
    required = in_force.counting_for_acknowledgement().order_by("-number").values("number")[:1]
    counts = (
        Acknowledgement.objects.filter(organization__in=ids, version__effective_on__lte=today)
        .annotate(required=Subquery(required))
        .filter(version__number__gte=F("required"))
        .values("organization_id")
        .annotate(n=Count("user", distinct=True))
    )
    for row in counts:
        data[row["organization_id"]].acknowledged = row["n"]
    passes = (
        Attempt.objects.filter(organization__in=ids, passed=True)
        .annotate(required=Subquery(required))
        .filter(
            version__number__gte=F("required"), user__memberships__organization=F("organization")
        )
        .values("organization_id")
        .annotate(n=Count("user", distinct=True))
    )
    for row in passes:
        data[row["organization_id"]].passed_quiz = row["n"]


def _offboardings(data, ids):
    rows = (
        Offboarding.objects.filter(organization__in=ids, archived_at__isnull=True)
        .select_related("person")
        .annotate(open_items=Count("items", filter=Q(items__done_at__isnull=True)))
    )
    for offboarding in rows:
        data[offboarding.organization_id].offboardings.append(offboarding)


def _failed_mail(data, ids, today):
    """One query per kind of queued e-mail that belongs to organisations (a reminder digest, a
    crisis alert — the models live above the doctor, so they are found, not imported)."""
    since = today - datetime.timedelta(days=FAILED_MAIL_DAYS)
    for model in apps.get_models():
        if not issubclass(model, Queued) or not model.failure_requirement:
            continue
        rows = model.objects.filter(
            organization__in=ids, status=Queued.Status.FAILED, updated_at__date__gte=since
        ).order_by("updated_at", "pk")
        for org_id, email in rows.values_list("organization_id", "email"):
            count, _latest = data[org_id].failed_mail.get(model, (0, ""))
            data[org_id].failed_mail[model] = (count + 1, email)


def _consents(data, ids, today):
    for consent in (
        Consent.objects.filter(organization__in=ids).expiring(today).order_by("valid_until", "pk")
    ):
        data[consent.organization_id].expiring_consents.append(consent)
    open_tasks = Count("takedowns", filter=Q(takedowns__done_at__isnull=True))
    rows = (
        Consent.objects.filter(organization__in=ids)
        .annotate(n=open_tasks)
        .filter(n__gt=0)
        .order_by("withdrawn_on", "pk")
    )
    for consent in rows:
        data[consent.organization_id].open_takedowns[consent] = consent.n
