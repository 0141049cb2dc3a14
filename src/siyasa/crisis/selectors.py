"""Reads of the crisis plan."""

from siyasa.crisis.models import EmergencyContact, SeverityLevel
from siyasa.orgs.models import Organization


def emergency_contacts(org: Organization):
    return EmergencyContact.objects.for_org(org).select_related("person", "backup")


def severity_levels(org: Organization):
    return SeverityLevel.objects.for_org(org)
