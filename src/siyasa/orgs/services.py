"""Who signs in to an organisation — invitations, roles, removal — and its settings."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.core.permissions import (
    Capability,
    edit_capability,
    is_owner_role,
    require,
    require_role_change,
    require_same_org,
)
from siyasa.orgs import jobs, selectors, tokens
from siyasa.orgs.models import Invitation, Membership, Organization, Person, Role
from siyasa.orgs.rows import delete_row, touch

User = get_user_model()


# --- invitations ----------------------------------------------------------------------------


@transaction.atomic
def invite(*, membership: Membership, person: Person, role: str) -> Invitation:
    """Offer `person` a sign-in with `role`: a single-use link e-mailed in their language.

    A new invitation replaces an open one of the same person (its link stops working).
    """
    if role not in Role.values:
        raise ValidationError(_("Choose a valid role."))
    _require_role_change(membership, role)
    org = membership.organization
    require_same_org(membership, person)
    person = Person.objects.select_for_update().get(pk=person.pk)  # one invitation at a time
    _require_invitable(person)
    if selectors.membership_of(person) is not None:
        raise ValidationError(_("This person can already sign in."))
    for earlier in selectors.open_invitations(org).select_for_update().filter(person=person):
        _require_role_change(membership, earlier.role)
        earlier.revoked_at = timezone.now()
        earlier.save()
    invitation = Invitation(organization=org, person=person, role=role, created_by=membership.user)
    _address(invitation)
    invitation.save()
    jobs.enqueue(organization_id=org.pk, invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def resend_invitation(*, membership: Membership, invitation: Invitation) -> Invitation:
    """Send the invitation again, to the person's current e-mail, with a new link and seven more
    days; the link sent before stops working."""
    invitation = _lock_open(membership, invitation)
    _require_invitable(invitation.person)
    _address(invitation)
    invitation.status, invitation.attempts = Invitation.Status.PENDING, 0
    invitation.sent_at, invitation.last_error = None, ""
    invitation.save()
    jobs.enqueue(organization_id=invitation.organization_id, invitation_id=invitation.pk)
    return invitation


@transaction.atomic
def revoke_invitation(*, membership: Membership, invitation: Invitation) -> Invitation:
    """Withdraw an invitation: its link stops working."""
    invitation = _lock_open(membership, invitation)
    invitation.revoked_at = timezone.now()
    invitation.save()
    return invitation


@transaction.atomic
def accept_invitation(*, invitation: Invitation, user) -> Membership:
    """Accept as `user` (signed in with the invited address, or a new account just made for it
    by `accounts.services.accept_with_new_account`): the membership with the invited role,
    linked to the invited person."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    closed = selectors.why_closed(invitation)
    if closed:
        raise ValidationError(closed)
    org = invitation.organization
    if not selectors.is_addressed_to(invitation, user):
        raise PermissionDenied
    if Membership.objects.filter(organization=org, user=user).exists():
        raise ValidationError(_("You are already a member of this organisation."))
    person = Person.objects.select_for_update().get(pk=invitation.person_id)
    if not person.is_current:
        raise ValidationError(
            _("This invitation was withdrawn. Ask the organisation for a new one.")
        )
    if person.user_id not in (None, user.pk) and selectors.membership_of(person) is not None:
        raise ValidationError(_("This person can already sign in."))
    # A user who was someone else in this directory before (removed, then invited as this
    # person) is this person from now on: one person per user and organisation.
    for earlier in Person.objects.for_org(org).filter(user=user).exclude(pk=person.pk):
        earlier.user = None
        earlier.save()
    person.user = user
    person.save()
    created = Membership.objects.create(user=user, organization=org, role=invitation.role)
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save()
    touch(org, "security")  # the policy lists who may change it (R2.6)
    return created


def _require_invitable(person: Person) -> None:
    if not person.is_current:
        raise ValidationError(_("This person has left the organisation."))
    if not person.email:
        raise ValidationError(
            _("Give this person an e-mail address first: the invitation is sent there.")
        )


def _address(invitation: Invitation) -> None:
    """Address the invitation to its person as they are now, with a new link and expiry."""
    person = invitation.person
    invitation.email = person.email
    invitation.language = person.preferred_language(invitation.organization)
    invitation.expires_at = timezone.now() + Invitation.LIFETIME
    tokens.new_link(invitation)


def _lock_open(membership: Membership, invitation: Invitation) -> Invitation:
    require_same_org(membership, invitation)
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("person", "organization")
        .get(pk=invitation.pk)
    )
    _require_role_change(membership, invitation.role)
    if not invitation.is_open:
        raise ValidationError(_("This invitation has already been accepted or withdrawn."))
    return invitation


# --- members --------------------------------------------------------------------------------


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
def delete_person(*, membership: Membership, person: Person) -> None:
    """Delete a directory entry — not one who can sign in: their sign-in belongs to them."""
    require(membership, edit_capability(Person))
    if selectors.membership_of(person) is not None:
        raise ValidationError(
            _("This person can sign in. Remove their sign-in on the members page first.")
        )
    delete_row(membership=membership, row=person)


@transaction.atomic
def update_organization(*, membership: Membership, form) -> Organization:
    """Save the organisation's settings form: names, country, language, visibility, hashtags and
    two-factor rule. The rotation interval (R2.1) is not among them: publishing puts it in force."""
    require(membership, Capability.MANAGE_POLICY)
    org = form.save()
    touch(org, "security")
    return org
