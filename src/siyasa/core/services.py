"""Writes shared by every registry: permission check, one transaction, a fresh change stamp."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from siyasa.core.permissions import edit_capability, require
from siyasa.orgs.models import ChangeStamp, Membership, Organization


def touch(org: Organization, part: str) -> None:
    """Record that a live part of the policy changed now."""
    if part:
        ChangeStamp.objects.update_or_create(
            organization=org, part=part, defaults={"changed_at": timezone.now()}
        )


def save_row(*, membership: Membership, form):
    """Save an organisation-owned row from a validated `OrgModelForm`."""
    require(membership, edit_capability(form._meta.model))
    with transaction.atomic():
        row = form.save(commit=False)
        row.organization = membership.organization
        row.save()
        form.save_m2m()
        touch(membership.organization, row.policy_part)
    return row


def delete_row(*, membership: Membership, row) -> None:
    require(membership, edit_capability(type(row)))
    if row.organization_id != membership.organization_id:
        raise PermissionDenied
    with transaction.atomic():
        row.delete()
        touch(membership.organization, row.policy_part)
