"""Reads about organisations and their members."""

from django.db.models import Count, Q

from siyasa.orgs.models import Membership, Organization, Person
from siyasa.registry.selectors import registry_counts


def organizations_for(user):
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).order_by("name_ar")


def people(org: Organization, *, kind: str = ""):
    rows = Person.objects.for_org(org).select_related("user")
    if kind == "team":
        rows = rows.exclude(kind=Person.Kind.CONTACT)
    elif kind == "contacts":
        rows = rows.filter(kind=Person.Kind.CONTACT)
    return rows


def members(org: Organization):
    return (
        Membership.objects.filter(organization=org)
        .select_related("user")
        .order_by("role", "user__username")
    )


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
