"""Offboarding: everything a leaving person holds, derived from the registries, undone or
handed to someone named, item by item, before the person can be archived (R1.5)."""

from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import UniqueConstraint
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from siyasa.core.permissions import Capability, require, require_same_org
from siyasa.core.tenancy import OrgOwned
from siyasa.crisis.models import EmergencyContact
from siyasa.orgs.models import Invitation, Membership, Person
from siyasa.orgs.rows import touch
from siyasa.orgs.selectors import membership_of, open_invitations
from siyasa.orgs.services import remove_member, revoke_invitation
from siyasa.policy.models import PolicySettings
from siyasa.registry.models import (
    AccessGrant,
    ConnectedApp,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.security.models import Offboarding, OffboardingItem, RotationReason
from siyasa.security.services.rotations import record_rotation

Kind = OffboardingItem.Kind


@dataclass(frozen=True)
class Holding:
    """One thing a person holds: which row, which of its fields names them."""

    model: type[OrgOwned]
    field: str


# Every field that can name a person; a handover sets it to the successor.
HAND_OVER = (
    Holding(SocialAccount, "owner"),
    Holding(Custody, "custodian"),
    Holding(Custody, "backup_custodian"),
    Holding(Custody, "two_factor_holder"),
    Holding(Custody, "recovery_owner"),
    Holding(ResponsibilityAssignment, "person"),
    Holding(Device, "updater"),
    # R2.10: a connection runs under its owner's login on the app; it is handed over or removed.
    Holding(ConnectedApp, "owner"),
    Holding(EmergencyContact, "person"),
    Holding(EmergencyContact, "backup"),
    Holding(PolicySettings, "legal_adviser"),
    Holding(PolicySettings, "review_owner"),
)


def derive(person: Person) -> list[OffboardingItem]:
    """The checklist for a person, from today's registries (unsaved items)."""
    org = person.organization
    items: dict[tuple, OffboardingItem] = {}

    def add(kind, row, role, label):
        key = (kind, row._meta.label_lower, row.pk, role)
        items.setdefault(
            key,
            OffboardingItem(
                organization=org,
                kind=kind,
                target=key[1],
                target_id=row.pk,
                role=role,
                label=label[:300],
            ),
        )

    reachable: dict[int, SocialAccount] = {}
    for grant in AccessGrant.objects.for_org(org).filter(person=person).select_related("account"):
        add(
            Kind.REVOKE_GRANT,
            grant,
            "",
            _("Revoke access to %(account)s") % {"account": grant.account},
        )
        reachable[grant.account_id] = grant.account
    for holding in HAND_OVER:
        for row in holding.model.objects.for_org(org).filter(**{holding.field: person}):
            field = holding.model._meta.get_field(holding.field)
            role = field.verbose_name  # type: ignore[union-attr]  # HAND_OVER names foreign keys
            add(
                Kind.HAND_OVER,
                row,
                holding.field,
                _("%(role)s: %(what)s") % {"role": role, "what": row},
            )
            if holding.model is Custody:
                reachable[row.account_id] = row.account
    for settings_row in PolicySettings.objects.for_org(org).filter(spokespeople=person):
        add(Kind.HAND_OVER, settings_row, "spokespeople", _("Official spokesperson"))
    for device in Device.objects.for_org(org).filter(assignee=person):
        add(
            Kind.RECOVER_DEVICE,
            device,
            "",
            _("Recover the device “%(device)s”") % {"device": device.name},
        )
    for account in reachable.values():
        add(
            Kind.ROTATE, account, "", _("Change the password of %(account)s") % {"account": account}
        )
    sign_in = membership_of(person)
    if sign_in is not None:
        add(Kind.REMOVE_SIGN_IN, sign_in, "", _("Remove the sign-in to Siyasa"))
    for invitation in open_invitations(org).filter(person=person):
        add(Kind.REMOVE_SIGN_IN, invitation, "", _("Withdraw the invitation to sign in"))
    return list(items.values())


@transaction.atomic
def start(*, membership: Membership, person: Person, last_day) -> Offboarding:
    require(membership, Capability.MANAGE_POLICY)
    require_same_org(membership, person)
    if (
        Offboarding.objects.for_org(person.organization)
        .filter(person=person, archived_at__isnull=True)
        .exists()
    ):
        raise ValidationError(_("An offboarding is already open for this person."))
    if not person.is_current:
        raise ValidationError(_("This person has already left."))
    offboarding = Offboarding.objects.create(
        organization=person.organization,
        person=person,
        last_day=last_day,
        started_by=membership.user,
    )
    _add_items(offboarding)
    return offboarding


def _add_items(offboarding: Offboarding) -> int:
    """Add what the person holds now and is not on the list yet; returns how many were new."""
    fresh = derive(offboarding.person)
    for item in fresh:
        item.offboarding = offboarding
    before = offboarding.items.count()
    OffboardingItem.objects.bulk_create(fresh, ignore_conflicts=True)
    return offboarding.items.count() - before


@transaction.atomic
def complete(
    *, membership: Membership, item: OffboardingItem, successor: Person | None = None
) -> OffboardingItem:
    """Do the item — revoke, rotate, recover, hand over — and tick it, with who and when."""
    require(membership, Capability.MANAGE_POLICY)
    item = OffboardingItem.objects.select_for_update().get(
        pk=item.pk, organization=membership.organization
    )
    if item.done_at is not None:
        return item
    leaving = item.offboarding.person
    if item.needs_successor and (
        successor is None
        or successor.organization_id != item.organization_id
        or not successor.is_current
        or successor == leaving
    ):
        raise ValidationError(_("Choose a current person to hand this over to."))
    _do(membership, item, leaving, successor)
    item.done_at, item.done_by, item.handed_to = timezone.now(), membership.user, successor
    item.save()
    touch(membership.organization, "roles")
    touch(membership.organization, "security")
    return item


def _do(membership, item, leaving: Person, successor: Person | None) -> None:
    model = apps.get_model(item.target)
    row = model.objects.filter(pk=item.target_id, organization=membership.organization).first()
    if row is None:
        return  # already gone: nothing left to undo
    if item.kind == Kind.REVOKE_GRANT:
        row.delete()
    elif item.kind == Kind.ROTATE:
        record_rotation(
            membership=membership,
            account=row,
            rotated_on=timezone.localdate(),
            reason=RotationReason.OFFBOARDING,
            note=str(leaving),
        )
    elif item.kind == Kind.RECOVER_DEVICE:
        row.assignee = successor
        row.save()
    elif item.kind == Kind.HAND_OVER and item.role == "spokespeople":
        row.spokespeople.remove(leaving)
        row.spokespeople.add(successor)
    elif item.kind == Kind.HAND_OVER:
        _hand_over(row, item.role, leaving, successor)
    elif item.kind == Kind.REMOVE_SIGN_IN and isinstance(row, Invitation):
        if row.is_open:
            revoke_invitation(membership=membership, invitation=row)
    elif item.kind == Kind.REMOVE_SIGN_IN:
        remove_member(membership=membership, target=row)


def _hand_over(row, field: str, leaving: Person, successor: Person | None) -> None:
    if getattr(row, f"{field}_id") != leaving.pk:
        return  # someone already changed it
    setattr(row, field, successor)
    duplicate = _unique_clash(row)
    if duplicate:
        row.delete()  # the successor already holds the same thing: the leaving one's row goes
    else:
        row.save()


def _unique_clash(row) -> bool:
    """Would the handed-over row repeat one the successor already has (e.g. the same area)?"""
    for constraint in row._meta.constraints:
        if (
            isinstance(constraint, UniqueConstraint)
            and constraint.fields
            and constraint.condition is None
        ):
            names = [row._meta.get_field(f).attname for f in constraint.fields]
            lookup = {name: getattr(row, name) for name in names}
            if type(row).objects.filter(**lookup).exclude(pk=row.pk).exists():
                return True
    return False


def archive(*, membership: Membership, offboarding: Offboarding) -> Offboarding:
    """Mark the person as departed — refused while anything is open, including what they came
    to hold since the list was made (those items are added, and stay listed)."""
    require(membership, Capability.MANAGE_POLICY)
    offboarding = Offboarding.objects.get(pk=offboarding.pk, organization=membership.organization)
    if not offboarding.is_open:
        return offboarding
    added = _add_items(offboarding)
    with transaction.atomic():
        offboarding = Offboarding.objects.select_for_update().get(pk=offboarding.pk)
        left = offboarding.items.filter(done_at__isnull=True).count()
        if left:
            message = ngettext(
                "%(count)s item is still open.", "%(count)s items are still open.", left
            ) % {"count": left}
            if added:
                message += " " + ngettext(
                    "%(count)s was added because the person came to hold more since the list was made.",
                    "%(count)s were added because the person came to hold more since the list was made.",
                    added,
                ) % {"count": added}
            raise ValidationError(message)
        person = offboarding.person
        person.status, person.departed_on = Person.Status.DEPARTED, offboarding.last_day
        person.save()
        offboarding.archived_at = timezone.now()
        offboarding.save()
        touch(membership.organization, "roles")
    return offboarding
