"""Reads of the registries, each in a fixed number of queries whatever the organisation's size."""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch

from siyasa.orgs.models import Organization
from siyasa.registry.models import (
    AccessGrant,
    Area,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)


def accounts(org: Organization):
    """Accounts with owner, custody and grants loaded (4 queries when iterated)."""
    return (
        SocialAccount.objects.for_org(org)
        .select_related(
            "owner",
            "custody__custodian",
            "custody__backup_custodian",
            "custody__two_factor_holder",
            "custody__recovery_owner",
        )
        .prefetch_related(
            Prefetch(
                "grants",
                queryset=AccessGrant.objects.select_related("person").order_by("person__name"),
            )
        )
    )


def account_custody(account: SocialAccount) -> Custody | None:
    try:
        return account.custody
    except Custody.DoesNotExist:
        return None


@dataclass(frozen=True)
class RotationStatus:
    interval_days: int
    next_on: datetime.date | None
    overdue: bool
    due_soon: bool


def rotation_status(
    custody: Custody | None, org: Organization, today: datetime.date
) -> RotationStatus | None:
    """R2.1: when an account's credential is next due, and whether it is late."""
    if custody is None:
        return None
    next_on = custody.next_rotation_on(org.rotation_interval_days)
    overdue = next_on is None or next_on < today
    due_soon = (
        not overdue and next_on is not None and next_on <= today + datetime.timedelta(days=14)
    )
    return RotationStatus(
        custody.interval_days(org.rotation_interval_days), next_on, overdue, due_soon
    )


def responsibilities_by_area(
    org: Organization,
) -> list[tuple[Area, list[ResponsibilityAssignment]]]:
    """R1.3: every area, in catalogue order, with its holders (an empty list when unassigned)."""
    rows = (
        ResponsibilityAssignment.objects.for_org(org)
        .select_related("person")
        .prefetch_related(
            Prefetch("accounts", queryset=SocialAccount.objects.order_by("platform", "handle"))
        )
    )
    by_area: dict[str, list[ResponsibilityAssignment]] = {area: [] for area in Area.values}
    for row in rows:
        by_area[row.area].append(row)
    return [(Area(area), holders) for area, holders in by_area.items()]


def devices(org: Organization):
    return (
        Device.objects.for_org(org)
        .select_related("assignee", "updater")
        .prefetch_related(
            Prefetch("accounts", queryset=SocialAccount.objects.order_by("platform", "handle"))
        )
    )


def registry_counts(org: Organization) -> dict[str, int]:
    return {
        "accounts": SocialAccount.objects.for_org(org)
        .exclude(status=SocialAccount.Status.RETIRED)
        .count(),
        "devices": Device.objects.for_org(org).count(),
    }
