"""Recording password rotations (R2.1). The password itself is never asked for (R2.8)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.core.permissions import can_record_rotation, require_same_org
from siyasa.orgs.models import Membership
from siyasa.orgs.rows import touch
from siyasa.orgs.selectors import person_for
from siyasa.registry.models import Custody, SocialAccount
from siyasa.registry.selectors import account_custody
from siyasa.security.models import RotationReason, RotationRecord


def may_record(membership: Membership, account: SocialAccount) -> bool:
    """Whether `membership` may log a rotation of `account` (the rule: `can_record_rotation`)."""
    custody = account_custody(account)
    if custody is None:
        return can_record_rotation(membership, is_custodian=False)
    me = person_for(account.organization, membership.user)
    is_custodian = me is not None and me.pk in {custody.custodian_id, custody.backup_custodian_id}
    return can_record_rotation(membership, is_custodian=is_custodian)


@transaction.atomic
def record_rotation(
    *,
    membership: Membership,
    account: SocialAccount,
    rotated_on: datetime.date,
    reason: str = RotationReason.SCHEDULED,
    note: str = "",
) -> RotationRecord:
    """Log a rotation; the account's next due date then follows from its interval."""
    require_same_org(membership, account)
    if not may_record(membership, account):
        raise PermissionDenied
    if rotated_on > timezone.localdate():
        raise ValidationError(_("A rotation cannot be recorded in the future."))
    org = membership.organization
    person = person_for(org, membership.user)
    record = RotationRecord.objects.create(
        organization=org,
        account=account,
        rotated_on=rotated_on,
        rotated_by=person,
        reason=reason,
        note=note,
        recorded_by=membership.user,
    )
    custody, _created = Custody.objects.select_for_update().get_or_create(
        organization=org, account=account
    )
    if custody.last_rotated_on is None or rotated_on > custody.last_rotated_on:
        custody.last_rotated_on = rotated_on
        custody.save()
    touch(org, "security")
    return record
