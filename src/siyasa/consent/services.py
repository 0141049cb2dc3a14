"""Writes on the consent registry: withdrawing a consent and ticking off its take-down work."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.consent.models import Consent, TakedownTask
from siyasa.core.permissions import (
    Capability,
    can_close_takedown,
    require,
    require_same_org,
)
from siyasa.orgs.models import Membership, Person
from siyasa.registry.models import SocialAccount


def withdraw(
    *, membership: Membership, consent: Consent, on: datetime.date, by: str
) -> list[TakedownTask]:
    """R4.2: record a withdrawal and give each account it reached a take-down task for its
    owner: whatever uses the consent comes down."""
    require(membership, Capability.MANAGE_CONSENT)
    require_same_org(membership, consent)
    by = by.strip()
    if not by:
        raise ValidationError(_("Say who withdrew the consent."))
    with transaction.atomic():
        consent = Consent.objects.select_for_update().get(pk=consent.pk)
        if consent.withdrawn_on is not None:
            raise ValidationError(_("This consent is already withdrawn."))
        if on > timezone.localdate():
            raise ValidationError(_("A withdrawal cannot be dated in the future."))
        consent.withdrawn_on = on
        consent.withdrawn_by = by
        consent.save(update_fields=["withdrawn_on", "withdrawn_by", "updated_at"])
        accounts = SocialAccount.objects.for_org(membership.organization).exclude(
            status=SocialAccount.Status.RETIRED
        )
        if not consent.all_accounts:
            accounts = accounts.filter(pk__in=consent.accounts.values("pk"))
        return [
            TakedownTask.objects.create(
                organization=membership.organization,
                consent=consent,
                account=account,
                assignee=account.owner,
            )
            for account in accounts.select_related("owner")
        ]


def close_takedown(*, membership: Membership, task: TakedownTask) -> TakedownTask:
    """The account owner (or the registry's keeper) says what used the consent is down."""
    require_same_org(membership, task)
    me = Person.objects.for_org(membership.organization).filter(user=membership.user).first()
    is_assignee = me is not None and task.assignee_id == me.pk
    if not can_close_takedown(membership, is_assignee=is_assignee):
        raise PermissionDenied
    with transaction.atomic():
        task = TakedownTask.objects.select_for_update().get(pk=task.pk)
        if task.done_at is None:
            task.done_at = timezone.now()
            task.done_by = me
            task.save(update_fields=["done_at", "done_by", "updated_at"])
    return task
