"""Writes to the registries beyond one row's form: the request to open an account (R1.6) and
recording an account's activity."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.core.permissions import Capability, edit_capability, require, require_same_org
from siyasa.orgs.models import Membership
from siyasa.orgs.rows import touch
from siyasa.orgs.selectors import person_for
from siyasa.registry.models import AccountRequest, SocialAccount


@transaction.atomic
def request_account(*, membership: Membership, form) -> AccountRequest:
    """R1.6: any member may ask for a new official account; nothing is registered yet."""
    require(membership, Capability.VIEW)
    row = form.save(commit=False)
    row.organization = membership.organization
    row.requested_by = membership.user
    row.status = AccountRequest.Status.PENDING
    row.save()
    return row


@transaction.atomic
def decide_account_request(
    *, membership: Membership, account_request: AccountRequest, approve: bool, note: str = ""
) -> AccountRequest:
    """R1.6: the role that may approve openings approves — and the account is registered, with
    who approved it and when — or refuses. A request is decided once."""
    require(membership, Capability.APPROVE_ACCOUNTS)
    require_same_org(membership, account_request)
    row = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if not row.is_pending:
        raise ValidationError(_("This request has already been decided."))
    now = timezone.now()
    row.decided_by, row.decided_at, row.decision_note = membership.user, now, note
    if approve:
        org = membership.organization
        taken = SocialAccount.objects.for_org(org).filter(platform=row.platform, handle=row.handle)
        if taken.exists():
            raise ValidationError(
                _("An account with this platform and handle is already registered.")
            )
        owner = row.proposed_owner if row.proposed_owner and row.proposed_owner.is_current else None
        row.account = SocialAccount.objects.create(
            organization=org,
            platform=row.platform,
            handle=row.handle,
            purpose_ar=row.purpose_ar,
            purpose_en=row.purpose_en,
            owner=owner,
            opened_on=timezone.localdate(),
            opening_approved_by=person_for(org, membership.user),
            opening_approved_on=timezone.localdate(),
        )
        row.status = AccountRequest.Status.APPROVED
        touch(org, SocialAccount.policy_part)
    else:
        row.status = AccountRequest.Status.REFUSED
    row.save()
    return row


@transaction.atomic
def record_activity(
    *, membership: Membership, account: SocialAccount, day: datetime.date | None = None
) -> SocialAccount:
    """R1.6: the account was used (a post or a reply) on `day`, today unless given; a dormant
    account that is used again is active."""
    require(membership, edit_capability(SocialAccount))
    require_same_org(membership, account)
    day = day or timezone.localdate()
    if account.last_activity_on is None or day > account.last_activity_on:
        account.last_activity_on = day
    if account.status == SocialAccount.Status.DORMANT:
        account.status = SocialAccount.Status.ACTIVE
    account.save()
    touch(membership.organization, account.policy_part)
    return account
