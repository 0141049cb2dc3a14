"""Reads of the consent registry shared by its pages, the post check, the doctor and reminders."""

import datetime

from django.db.models import Prefetch

from siyasa.consent.models import Consent, TakedownTask


def consents(org):
    """Every consent of `org` with its chosen accounts and open take-down tasks (3 queries)."""
    open_tasks = TakedownTask.objects.filter(done_at__isnull=True).select_related(
        "account", "assignee"
    )
    return (
        Consent.objects.for_org(org)
        .prefetch_related("accounts", Prefetch("takedowns", open_tasks, to_attr="open_takedowns"))
        .order_by("name", "pk")
    )


def open_takedowns(org):
    return (
        TakedownTask.objects.for_org(org)
        .filter(done_at__isnull=True)
        .select_related("consent", "account", "assignee")
        .order_by("created_at", "pk")
    )


def on_file(org, today: datetime.date) -> list[tuple[Consent, set[int]]]:
    """Each consent of `org` with the ids of its chosen accounts, for the post check (2
    queries): it matches names and decides whether a use is covered."""
    rows = Consent.objects.for_org(org).prefetch_related("accounts")
    return [(consent, {a.pk for a in consent.accounts.all()}) for consent in rows]
