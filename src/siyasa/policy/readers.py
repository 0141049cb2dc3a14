"""What each of the policy's three readers needs first (R0.2): a new employee, the
digital-media manager, and whoever is handling a crisis right now."""

from django.db.models import Prefetch
from django.utils import timezone

from siyasa.crisis import selectors as crisis_selectors
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy import selectors
from siyasa.policy.catalogue import BLOCKS
from siyasa.policy.rules import Rules, live_people
from siyasa.registry import selectors as registry_selectors
from siyasa.registry.models import (
    AccessGrant,
    Area,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.security import onboarding


def for_new_employee(org: Organization, membership: Membership, rules: Rules) -> dict:
    """ "What this policy asks of me": my roles, accounts, devices, the rules and whom to ask."""
    person = Person.objects.for_org(org).filter(user=membership.user).first()
    mine = {"responsibilities": [], "grants": [], "devices": []}
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
    return {
        "person": person,
        **mine,
        "rules_blocks": [
            selectors.render_block(rules, BLOCKS[key])
            for key in ("personal.conduct", "personal.accountability", "speaking.stance")
        ],
        "disclaimer_ar": rules.disclaimer[0],
        "disclaimer_en": rules.disclaimer[1],
        # Trainers first, then the policy admins; each person once.
        "ask": list(
            {
                p.pk: p
                for p in [row.person for row in trainers]
                + [p for _m, p in selectors.policy_admins(org) if p]
            }.values()
        ),
        "acknowledged": selectors.has_acknowledged(org, membership.user),
        "onboarding": onboarding.for_person(org, person),
        "required": selectors.required_version(org),
        "in_force": rules.version,
    }


def for_manager(org: Organization) -> dict:
    """Accounts at a glance: owner, who may publish and reply, custody, rotation, 2FA, devices."""
    today = timezone.localdate()
    accounts = registry_selectors.accounts(org).prefetch_related(
        Prefetch("devices", queryset=Device.objects.order_by("name"))
    )
    rows = [
        (
            account,
            registry_selectors.rotation_status(
                registry_selectors.account_custody(account), org, today
            ),
        )
        for account in accounts.exclude(status=SocialAccount.Status.RETIRED)
    ]
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
        "first_steps": selectors.render_block(rules, BLOCKS["crisis.first_steps"]),
    }
