"""Reads of the crisis plan."""

from django.db.models import Case, IntegerField, Value, When

from siyasa.crisis.models import CrisisRole, EmergencyContact, SeverityLevel
from siyasa.orgs.models import Organization


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


def severity_levels(org: Organization):
    return SeverityLevel.objects.for_org(org)
