"""Reads about organisations and their members."""

from siyasa.orgs.models import Membership, Organization, Person


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
