"""Reads of the policy: versions, acknowledgements, and everything the policy page shows."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Max, Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext

from siyasa.core.i18n import Localized, pick
from siyasa.core.permissions import POLICY_MANAGER_ROLES
from siyasa.core.prepared import Prepared
from siyasa.core.rendering import render_prose
from siyasa.crisis import selectors as crisis_selectors
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.models import ChangeStamp, Membership, Organization, Person
from siyasa.policy.catalogue import BLOCKS, PREAMBLE, SECTIONS, Block, Section
from siyasa.policy.models import Acknowledgement, PolicyText, PolicyVersion
from siyasa.policy.rules import NamedRef, Rules, draft_rules, live_people
from siyasa.registry import selectors as registry_selectors
from siyasa.registry.models import (
    AccessGrant,
    Area,
    Custody,
    Device,
    ResponsibilityAssignment,
)


class Audience(StrEnum):
    """Whom a rendering of the policy is for. The public reads the rules, the role names and the
    official contacts; members also read the live directory: who holds what, custody, rotation,
    second factors, devices and how to reach each person."""

    PUBLIC = "public"
    MEMBERS = "members"


def audience_for(membership: Membership | None, *, asked: str = "") -> Audience:
    """Visitors who are not members get the public rendering; a member gets it on asking
    (`?as=public`, the "what the public sees" preview), since it shows them less."""
    if membership is None or asked == Audience.PUBLIC:
        return Audience.PUBLIC
    return Audience.MEMBERS


# --- versions -------------------------------------------------------------------------------


def versions(org: Organization):
    return PolicyVersion.objects.for_org(org).select_related("published_by").order_by("-number")


def version_history(org: Organization) -> list[PolicyVersion]:
    """Every version, newest first, each with `published_by_name` (the publisher's name)."""
    rows = list(versions(org))
    names = org_selectors.names_of(org, [v.published_by for v in rows])
    for version in rows:
        version.published_by_name = names.get(version.published_by_id, "")
    return rows


def version_in_force(org: Organization, today: datetime.date | None = None) -> PolicyVersion | None:
    return versions(org).in_force(today or timezone.localdate()).first()


def rules_in_force(org: Organization) -> Rules | None:
    version = version_in_force(org)
    return Rules.from_version(version) if version else None


def rules_to_show(org: Organization) -> Rules:
    """The version in force, or the draft while nothing has been published."""
    return rules_in_force(org) or draft_rules(org)


def draft_changed_since_publication(org: Organization) -> bool:
    latest = versions(org).first()
    if latest is None:
        return True
    return draft_rules(org).to_content() != latest.content


# --- acknowledgements (R0.3) ----------------------------------------------------------------


def required_version(
    org: Organization,
    today: datetime.date | None = None,
    *,
    in_force: PolicyVersion | None = None,
) -> PolicyVersion | None:
    """The version whose acknowledgement counts: the latest material one in force (or the first).

    `in_force` spares the query when the caller has already read the version in force.
    """
    in_force = in_force or version_in_force(org, today)
    if in_force is None:
        return None
    if in_force.counts_for_acknowledgement:
        return in_force  # what the query below would find
    return versions(org).filter(number__lte=in_force.number).counting_for_acknowledgement().first()


@dataclass
class AckRow:
    membership: Membership
    person: Person | None
    acknowledged_at: datetime.datetime | None

    @property
    def done(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def name(self) -> str:
        return org_selectors.user_label(self.membership.user, self.person)


@dataclass
class AckStatus:
    required: PolicyVersion | None
    rows: list[AckRow] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(1 for r in self.rows if r.done)

    @property
    def rate(self) -> int:
        """Percent of members who have acknowledged, rounded down."""
        return 100 * self.done // len(self.rows) if self.rows else 0

    @property
    def missing(self) -> list[AckRow]:
        return [r for r in self.rows if not r.done]


def acknowledged_at(org: Organization, required: PolicyVersion) -> dict[int, datetime.datetime]:
    """User id -> when they acknowledged the version that counts (or a later one)."""
    return dict(
        Acknowledgement.objects.for_org(org)
        .filter(version__number__gte=required.number)
        .values("user_id")
        .annotate(first=Max("created_at"))
        .values_list("user_id", "first")
    )


def acknowledgement_status(org: Organization) -> AckStatus:
    """Who has acknowledged the version that counts, and who is missing, by name (5 queries)."""
    required = required_version(org)
    memberships = list(Membership.objects.filter(organization=org).select_related("user"))
    people = org_selectors.people_for(org, [m.user_id for m in memberships])
    acked = acknowledged_at(org, required) if required else {}
    rows = [AckRow(m, people.get(m.user_id), acked.get(m.user_id)) for m in memberships]
    return AckStatus(required, sorted(rows, key=lambda row: row.name.casefold()))


def has_acknowledged(org: Organization, user, *, in_force: PolicyVersion | None = None) -> bool:
    required = required_version(org, in_force=in_force)
    return has_acknowledged_number(org, user, required.number if required else None)


# Asked by every member's view of the policy page (compiled once: `core.prepared`).
_ACKNOWLEDGED = Prepared(
    lambda org_id, user_id, required: (
        Acknowledgement.objects.for_org(org_id)
        .filter(user_id=user_id, version__number__gte=required)
        .values_list("pk")[:1]
    ),
    org_id=int,
    user_id=int,
    required=int,
)


def has_acknowledged_number(org: Organization, user, required: int | None) -> bool:
    """Whether `user` acknowledged version number `required` or a later one (None: nothing to)."""
    if required is None:
        return True
    return bool(_ACKNOWLEDGED.rows(org_id=org.pk, user_id=user.pk, required=required))


def organizations_awaiting_acknowledgement(user) -> list[Organization]:
    orgs = Organization.objects.filter(memberships__user=user)
    return [org for org in orgs if not has_acknowledged(org, user)]


# --- the policy page ------------------------------------------------------------------------


@dataclass
class RenderedBlock:
    block: Block
    text: Localized
    html: str


@dataclass
class RenderedSection:
    number: int
    section: Section
    blocks: list[RenderedBlock]
    changed_at: object = None


@dataclass
class PolicyPage:
    org: Organization
    rules: Rules
    preamble: RenderedBlock
    sections: list[RenderedSection]
    data: dict = field(default_factory=dict)
    audience: Audience = Audience.MEMBERS

    @property
    def public(self) -> bool:
        return self.audience == Audience.PUBLIC


@dataclass(frozen=True)
class PublicPerson:
    """A person the rules name (a spokesperson, the legal adviser, the review owner) as the
    public reads them: a name and a job title, never an e-mail or a phone."""

    name: str
    name_en: str = ""
    job_title: str = ""

    @classmethod
    def of(cls, person: Person | NamedRef) -> "PublicPerson":
        return cls(person.name, person.name_en, person.job_title)

    @property
    def display_name(self) -> str:
        return pick(self.name, self.name_en).text


def render_block(rules: Rules, block: Block) -> RenderedBlock:
    localized = pick(*rules.text(block.key))
    return RenderedBlock(block, localized, render_prose(localized.text))


def policy_page(
    org: Organization, rules: Rules, *, audience: Audience = Audience.MEMBERS
) -> PolicyPage:
    """The rules given, with the live directory `audience` may read, in a fixed number of
    queries. The public's page is given none of the members' directory, so no template or
    export can show it."""
    stamps = dict(ChangeStamp.objects.filter(organization=org).values_list("part", "changed_at"))
    text_dates = (
        {}
        if rules.version
        else dict(PolicyText.objects.for_org(org).values_list("key", "updated_at"))
    )
    rules_date = rules.version.published_at if rules.version else None

    sections = []
    for number, section in enumerate(SECTIONS, start=1):
        dates = (
            [rules_date]
            if rules_date
            else [text_dates[b.key] for b in section.blocks if b.key in text_dates]
        )
        if section.live_part in stamps:
            dates.append(stamps[section.live_part])
        sections.append(
            RenderedSection(
                number,
                section,
                [render_block(rules, b) for b in section.blocks],
                max(dates, default=None),
            )
        )

    today = timezone.localdate()
    people = live_people(org, [*rules.spokespeople, rules.legal_adviser, rules.review_owner])
    named = {
        "spokespeople": [people.get(ref.id) or ref for ref in rules.spokespeople],
        "legal_adviser": _live(people, rules.legal_adviser),
        "review_owner": _live(people, rules.review_owner),
    }
    data = {
        "levels": list(crisis_selectors.severity_levels(org)),
        "disclaimer_ar": rules.disclaimer[0],
        "disclaimer_en": rules.disclaimer[1],
        "today": today,
    }
    if audience == Audience.PUBLIC:
        data |= {
            "areas": list(Area),
            "official_accounts": registry_selectors.official_accounts(org),
            "contact_roles": crisis_selectors.contact_roles(org),
            "spokespeople": [PublicPerson.of(p) for p in named["spokespeople"]],
            "legal_adviser": _public(named["legal_adviser"]),
            "review_owner": _public(named["review_owner"]),
        }
    else:
        data |= named | {
            "responsibilities": registry_selectors.responsibilities_by_area(org),
            "accounts": registry_selectors.accounts_with_rotation(org, today=today),
            "devices": list(registry_selectors.devices(org)),
            "policy_admins": policy_admins(org),
            "contacts": list(crisis_selectors.emergency_contacts(org)),
        }
    return PolicyPage(org, rules, render_block(rules, PREAMBLE), sections, data, audience)


def _public(person: Person | NamedRef | None) -> PublicPerson | None:
    return PublicPerson.of(person) if person else None


def _live(people: dict[int | None, Person], ref: NamedRef | None):
    return (people.get(ref.id) or ref) if ref else None


def policy_admins(org: Organization) -> list[org_selectors.Member]:
    """R2.6: who may change the policy, roles, devices and custody, with their directory entry."""
    memberships = Membership.objects.filter(organization=org, role__in=POLICY_MANAGER_ROLES)
    rows = org_selectors.as_members(org, memberships)
    return sorted(rows, key=lambda row: row.membership.role)  # owners first, each by name


def texts_to_review(org: Organization) -> list[Block]:
    """The sections an upgrade added to the draft that nobody has saved or published yet."""
    keys = set(PolicyText.objects.for_org(org).filter(to_review=True).values_list("key", flat=True))
    return [block for key, block in BLOCKS.items() if key in keys]


def texts_to_translate(org: Organization) -> list[tuple[Block, str]]:
    """The blocks whose text in one language (given) still waits for a translation of the
    organisation's own text in the other, brought from an existing policy."""
    waiting = dict(
        PolicyText.objects.for_org(org).exclude(to_translate="").values_list("key", "to_translate")
    )
    return [(block, waiting[key]) for key, block in BLOCKS.items() if key in waiting]


def policy_texts(org: Organization) -> dict[str, PolicyText]:
    return {text.key: text for text in PolicyText.objects.for_org(org)}


def directory_changed_at(org: Organization):
    """The last change of any live part of the page (for ETags)."""
    return ChangeStamp.objects.filter(organization=org).aggregate(last=Max("changed_at"))["last"]


@dataclass
class PolicySummary:
    """What the workspace says about the policy itself (R0.1, R0.3)."""

    in_force: PolicyVersion | None
    acknowledgements: AckStatus
    review_owner: NamedRef | None
    next_review_on: datetime.date | None
    today: datetime.date

    @property
    def review_overdue(self) -> bool:
        return self.next_review_on is not None and self.next_review_on < self.today

    @property
    def review_soon(self) -> bool:
        return (
            not self.review_overdue
            and self.next_review_on is not None
            and (self.next_review_on - self.today).days <= 30
        )


def policy_summary(org: Organization) -> PolicySummary:
    rules = rules_to_show(org)
    return PolicySummary(
        in_force=rules.version,
        acknowledgements=acknowledgement_status(org),
        review_owner=rules.review_owner,
        next_review_on=rules.next_review_on,
        today=timezone.localdate(),
    )


# --- the readers' views (R0.2): a new employee, the digital-media manager, a crisis --------


def _profile_line(org: Organization, person: Person | None, language: str) -> str:
    """ "Sara Alotaibi — Digital media manager at Athar Charity Society", in `language`."""
    if person is None:
        return ""
    with translation.override(language):
        name = person.display_name
        where = org.name_en if language == "en" and org.name_en else org.name_ar
        if not person.job_title:
            return gettext("%(name)s — at %(organisation)s") % {"name": name, "organisation": where}
        return gettext("%(name)s — %(role)s at %(organisation)s") % {
            "name": name,
            "role": person.job_title,
            "organisation": where,
        }


PUBLISHER_BLOCKS = ("speaking.moderation", "speaking.house_rules", "speaking.accessibility")
CUSTODIAN_BLOCKS = ("security.recovery", "security.connected_apps", "security.passwords")


def for_new_employee(org: Organization, membership: Membership, rules: Rules) -> dict:
    """ "What this policy asks of me": my roles, accounts, devices, the rules and whom to ask."""
    person = org_selectors.person_for(org, membership.user)
    mine: dict[str, list] = {"responsibilities": [], "grants": [], "devices": []}
    if person is not None:
        mine = {
            "responsibilities": list(
                ResponsibilityAssignment.objects.for_org(org)
                .filter(person=person)
                .prefetch_related("accounts")
            ),
            "grants": list(
                AccessGrant.objects.for_org(org).filter(person=person).select_related("account")
            ),
            "devices": list(
                Device.objects.for_org(org).filter(assignee=person).prefetch_related("accounts")
            ),
        }
    trainers = (
        ResponsibilityAssignment.objects.for_org(org)
        .filter(area=Area.TRAINING)
        .select_related("person")
    )
    keeps_credentials = person is not None and (
        Custody.objects.for_org(org)
        .filter(Q(custodian=person) | Q(backup_custodian=person) | Q(recovery_owner=person))
        .exists()
    )
    publishes = any(g.can_publish or g.can_reply for g in mine["grants"])
    return {
        "person": person,
        **mine,
        # What concerns this reader in particular: a publisher moderates and writes accessible
        # posts (R6.5, R6.6); a custodian keeps recovery and connected apps in order (R2.9, R2.10).
        "publisher_blocks": [render_block(rules, BLOCKS[key]) for key in PUBLISHER_BLOCKS]
        if publishes
        else [],
        "custodian_blocks": [render_block(rules, BLOCKS[key]) for key in CUSTODIAN_BLOCKS]
        if keeps_credentials
        else [],
        "rules_blocks": [
            render_block(rules, BLOCKS[key])
            for key in (
                "personal.conduct",
                "personal.accountability",
                "personal.safety",
                "personal.neutrality",
                "speaking.stance",
            )
        ],
        "disclaimer_ar": rules.disclaimer[0],
        "disclaimer_en": rules.disclaimer[1],
        # R6.2: the line for a profile that says who I am at the organisation, in each language.
        "profile_ar": _profile_line(org, person, "ar"),
        "profile_en": _profile_line(org, person, "en"),
        # R6.3: where a journalist or a hard question goes.
        "spokespeople": [
            people.get(ref.id) or ref
            for people in [live_people(org, rules.spokespeople)]
            for ref in rules.spokespeople
        ],
        # Trainers first, then the policy admins; each person once.
        "ask": list(
            {
                p.pk: p
                for p in [row.person for row in trainers]
                + [row.person for row in policy_admins(org) if row.person]
            }.values()
        ),
        "acknowledged": has_acknowledged(org, membership.user),
        "required": required_version(org),
        "in_force": rules.version,
    }


def for_manager(org: Organization) -> dict:
    """Accounts at a glance: owner, who may publish and reply, custody, rotation, 2FA, devices."""
    today = timezone.localdate()
    accounts = registry_selectors.accounts(org).prefetch_related(
        Prefetch("devices", queryset=Device.objects.order_by("name"))
    )
    rows = registry_selectors.accounts_with_rotation(org, today=today, queryset=accounts)
    return {"rows": rows, "today": today}


def for_crisis(org: Organization, rules: Rules) -> dict:
    """One screen: whom to call, how serious it is, who approves a response, what to do first."""
    approvers = (
        ResponsibilityAssignment.objects.for_org(org)
        .filter(area__in=[Area.CRISIS, Area.APPROVALS])
        .select_related("person")
        .order_by("area", "person__name")
    )
    people = live_people(org, rules.spokespeople)
    return {
        "contacts": list(crisis_selectors.emergency_contacts(org)),
        "levels": list(crisis_selectors.severity_levels(org)),
        "approvers": list(approvers),
        "spokespeople": [people.get(ref.id) or ref for ref in rules.spokespeople],
        "first_steps": render_block(rules, BLOCKS["crisis.first_steps"]),
    }
