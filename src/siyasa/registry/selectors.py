"""Reads of the registries, each in a fixed number of queries whatever the organisation's size."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Prefetch, When

from siyasa.orgs.models import Organization
from siyasa.orgs.selectors import people_for
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    Area,
    Custody,
    Device,
    ModerationDecision,
    Platform,
    ResponsibilityAssignment,
    RotationState,
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


@dataclass(frozen=True)
class OfficialAccount:
    """What anyone may know of an official account: where it is and what it is for. It carries
    no owner, grant or custody, so a public page cannot show them by mistake."""

    platform: str
    handle: str
    url: str
    purpose_ar: str
    purpose_en: str

    @property
    def platform_label(self) -> str:
        return str(Platform(self.platform).label)  # in the language of the moment it is shown

    def __str__(self) -> str:
        return f"{self.platform_label} {self.handle}"


def official_accounts(org: Organization) -> list[OfficialAccount]:
    """The accounts in use, as the public policy lists them (1 query)."""
    rows = SocialAccount.objects.for_org(org).exclude(status=SocialAccount.Status.RETIRED)
    return [
        OfficialAccount(a.platform, a.handle, a.url, a.purpose_ar, a.purpose_en)
        for a in rows.only("platform", "handle", "url", "purpose_ar", "purpose_en")
    ]


def account_custody(account: SocialAccount) -> Custody | None:
    try:
        return account.custody
    except Custody.DoesNotExist:
        return None


def accounts_with_rotation(
    org: Organization, *, today: datetime.date, queryset=None, include_retired: bool = False
) -> list[tuple[SocialAccount, RotationState | None]]:
    """Accounts paired with their rotation state (None without a custody record), for the
    registry, the policy page and the at-a-glance view alike. `queryset` narrows or extends
    `accounts(org)` (e.g. with more prefetching)."""
    rows = accounts(org) if queryset is None else queryset
    if not include_retired:
        rows = rows.exclude(status=SocialAccount.Status.RETIRED)
    return [(account, rotation(account, org, today)) for account in rows]


def rotation(
    account: SocialAccount, org: Organization, today: datetime.date
) -> RotationState | None:
    """R2.1: the account's rotation state under the interval in force `today` (None without
    custody)."""
    custody = account_custody(account)
    return custody.rotation_state(org.rotation_interval(today), today) if custody else None


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


def account_requests(org: Organization) -> list[AccountRequest]:
    """R1.6: requests to open an account, those waiting for a decision first, each with the
    directory entries of who asked and who decided (`requester`, `decider`; two queries)."""
    waiting_first = Case(When(status=AccountRequest.Status.PENDING, then=0), default=1)
    rows = list(
        AccountRequest.objects.for_org(org)
        .select_related("proposed_owner", "account")
        .order_by(waiting_first, "-created_at")
    )
    people = people_for(org, [r.requested_by_id for r in rows] + [r.decided_by_id for r in rows])
    for row in rows:
        row.requester = people.get(row.requested_by_id)
        row.decider = people.get(row.decided_by_id)
    return rows


def moderation_decisions(org: Organization):
    """R6.5: the moderation log, latest first (one query)."""
    return ModerationDecision.objects.for_org(org).select_related("account", "decided_by")
