"""Reads that put the other apps together for a person: the workspace and "what it asks of me"."""

from django.db.models import Count, Q

from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy import selectors as policy_selectors
from siyasa.policy.rules import Rules
from siyasa.registry.selectors import registry_counts
from siyasa.security import selectors as security_selectors


def workspace_counts(org: Organization) -> dict[str, int]:
    """The figures the workspace shows, each in one query."""
    people_counts = Person.objects.for_org(org).aggregate(
        team=Count("pk", filter=~Q(kind=Person.Kind.CONTACT) & Q(status=Person.Status.ACTIVE)),
        contacts=Count("pk", filter=Q(kind=Person.Kind.CONTACT)),
    )
    return {
        **people_counts,
        "members": Membership.objects.filter(organization=org).count(),
        **registry_counts(org),
    }


def for_new_employee(org: Organization, membership: Membership, rules: Rules) -> dict:
    """ "What this policy asks of me": the policy's part, and how far my onboarding has come."""
    data = policy_selectors.for_new_employee(org, membership, rules)
    return {**data, "onboarding": security_selectors.onboarding_for(org, data["person"])}
