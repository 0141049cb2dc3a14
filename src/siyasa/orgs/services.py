"""Managing who belongs to an organisation, and its settings."""

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from siyasa.core.permissions import (
    Capability,
    is_owner_role,
    require,
    require_role_change,
    require_same_org,
)
from siyasa.orgs.models import Membership, Organization
from siyasa.orgs.rows import touch

User = get_user_model()


@transaction.atomic
def add_member(
    *, membership: Membership, username: str, email: str, password: str, role: str
) -> Membership:
    """Give a person a sign-in to the organisation, creating the user when it is new."""
    org = membership.organization
    _require_role_change(membership, role)
    user = User.objects.filter(username__iexact=username).first()
    if user is None:
        validate_password(password, User(username=username, email=email))
        user = User.objects.create_user(username=username, email=email, password=password)
    elif Membership.objects.filter(user=user, organization=org).exists():
        raise ValidationError(_("This user is already a member of the organisation."))
    membership_row = Membership.objects.create(user=user, organization=org, role=role)
    touch(org, "security")  # the policy lists who may change it (R2.6)
    return membership_row


@transaction.atomic
def change_role(*, membership: Membership, target: Membership, role: str) -> Membership:
    _require_role_change(membership, role, target)
    _keep_an_owner(target, new_role=role)
    target.role = role
    target.save(update_fields=["role", "updated_at"])
    touch(target.organization, "security")
    return target


@transaction.atomic
def remove_member(*, membership: Membership, target: Membership) -> None:
    _require_role_change(membership, None, target)
    _keep_an_owner(target, new_role=None)
    target.delete()
    touch(target.organization, "security")


def _require_role_change(
    membership: Membership, role: str | None, target: Membership | None = None
) -> None:
    require_role_change(membership, new_role=role, current_role=target.role if target else None)
    require_same_org(membership, target)


def _keep_an_owner(target: Membership, *, new_role: str | None) -> None:
    if not is_owner_role(target.role) or is_owner_role(new_role):
        return
    owners = Membership.objects.select_for_update().filter(
        organization_id=target.organization_id, role=target.role
    )
    if len(owners) <= 1:
        raise ValidationError(_("An organisation needs at least one owner."))


@transaction.atomic
def update_organization(*, membership: Membership, form) -> Organization:
    """Save the organisation's settings form: names, country, language, visibility, hashtags and
    two-factor rule. The rotation interval (R2.1) is not among them: publishing puts it in force."""
    require(membership, Capability.MANAGE_POLICY)
    org = form.save()
    touch(org, "security")
    return org
