"""Reads of the notification log."""

from django.db.models import Prefetch

from siyasa.crisis.models import Alert
from siyasa.notify.models import Digest, Reminder
from siyasa.orgs.models import Organization


def digests(org: Organization):
    """The organisation's digests, newest first, with recipient and items (3 queries a page)."""
    return (
        Digest.objects.for_org(org)
        .select_related("person")
        .prefetch_related(Prefetch("items", queryset=Reminder.objects.for_org(org).order_by("pk")))
        .order_by("-day", "-created_at", "-pk")
    )


def alerts(org: Organization):
    """The organisation's crisis e-mails (alerts and requests to approve), newest first."""
    return (
        Alert.objects.for_org(org)
        .select_related("person", "incident", "statement")
        .order_by("-created_at", "-pk")
    )
