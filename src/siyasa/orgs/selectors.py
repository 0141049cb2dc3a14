"""Reads about organisations, their people and who of them signs in.

A sign-in belongs to a person of the directory: `Person.user` links the two (one person per user
and organisation), and a `Membership` gives that user a role in the organisation. Every feature
that asks "which person is this user?" or "can this person sign in?" asks it here.
"""

from collections.abc import Iterable
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.core.permissions import DELIVERY_WATCHER_ROLES, can_watch_delivery
from siyasa.mail import health
from siyasa.orgs.models import Invitation, Membership, Organization, Person, Role, own_domains
from siyasa.orgs.tokens import hash_token


def organizations_for(user):
    if not user.is_authenticated:
        return Organization.objects.none()
    return Organization.objects.filter(memberships__user=user).order_by("name_ar")


# --- the person behind a sign-in ------------------------------------------------------------


def person_for(org: Organization, user) -> Person | None:
    """The directory entry of `user` in `org`, if they have one."""
    if user is None or not user.is_authenticated:
        return None
    return Person.objects.for_org(org).filter(user=user).first()


def people_for(org: Organization, users: Iterable) -> dict[int, Person]:
    """User id -> their directory entry in `org`, for many users in one query (users or ids)."""
    ids = {getattr(u, "pk", u) for u in users} - {None}
    if not ids:
        return {}
    return {p.user_id: p for p in Person.objects.for_org(org).filter(user_id__in=ids)}


def is_person_of(person: Person | None, membership: Membership | None) -> bool:
    """Is `person` the directory entry of the member signed in as `membership`?"""
    return (
        person is not None
        and membership is not None
        and person.user_id is not None
        and person.user_id == membership.user_id
        and person.organization_id == membership.organization_id
    )


def membership_of(person: Person) -> Membership | None:
    """The sign-in of `person` to their organisation, if they can sign in."""
    if person.user_id is None:
        return None
    return Membership.objects.filter(
        organization_id=person.organization_id, user_id=person.user_id
    ).first()


def members_among(org: Organization, people: list[Person]) -> list[Person]:
    """Those of `people` who can sign in to the organisation (one query)."""
    users = set(
        Membership.objects.filter(
            organization=org, user_id__in=[p.user_id for p in people if p.user_id]
        ).values_list("user_id", flat=True)
    )
    return [p for p in people if p.user_id in users]


def signed_in_people(org_ids: Iterable[int]):
    """Current people of these organisations who can sign in, each with `role` (one query)."""
    role = Membership.objects.filter(
        organization_id=OuterRef("organization_id"), user_id=OuterRef("user_id")
    ).values("role")[:1]
    return (
        Person.objects.filter(
            organization__in=list(org_ids), user__isnull=False, status=Person.Status.ACTIVE
        )
        .annotate(role=Subquery(role))
        .filter(role__isnull=False)
        .select_related("user")
    )


def user_label(user, person: Person | None) -> str:
    """How a page names a user: their directory entry, else their full name or e-mail — never
    their user name."""
    if person is not None:
        return person.display_name
    return user.get_full_name() or user.email or _("A former member")


def names_of(org: Organization, users: Iterable) -> dict[int, str]:
    """User id -> how the pages of `org` name them (two queries at most)."""
    users = [u for u in users if u is not None]
    people = people_for(org, users)
    return {u.pk: user_label(u, people.get(u.pk)) for u in users}


def name_of(org: Organization, user) -> str:
    if user is None:
        return ""
    return user_label(user, person_for(org, user))


# --- the directory and its members ----------------------------------------------------------


def people(org: Organization, *, kind: str = "") -> list[Person]:
    """The directory, each person with `role` and `role_label` (their sign-in's role, or None
    and "" when they cannot sign in) and `invited` (an open invitation waits for them)."""
    role = Membership.objects.filter(organization=org, user_id=OuterRef("user_id")).values("role")[
        :1
    ]
    rows = Person.objects.for_org(org).annotate(
        role=Subquery(role),
        invited=Exists(open_invitations(org).filter(person=OuterRef("pk"))),
    )
    if kind == "team":
        rows = rows.exclude(kind=Person.Kind.CONTACT)
    elif kind == "contacts":
        rows = rows.filter(kind=Person.Kind.CONTACT)
    labels = dict(Role.choices)
    rows = list(rows)
    for person in rows:
        person.role_label = labels.get(person.role, "")
    return rows


class Member(NamedTuple):
    """Someone who can sign in: the sign-in, its directory entry, and the name pages show."""

    membership: Membership
    person: Person | None
    name: str


def as_members(org: Organization, memberships) -> list[Member]:
    """`memberships` of `org` with their people, by name (two queries)."""
    memberships = list(memberships.select_related("user"))
    entries = people_for(org, [m.user_id for m in memberships])
    rows = [
        Member(m, entries.get(m.user_id), user_label(m.user, entries.get(m.user_id)))
        for m in memberships
    ]
    return sorted(rows, key=lambda row: (row.name.casefold(), row.membership.pk))


def members(org: Organization) -> list[Member]:
    """Who can sign in, with their role and directory entry."""
    return as_members(org, Membership.objects.filter(organization=org))


def open_invitations(org: Organization):
    """Invitations neither accepted nor revoked (some may have expired), newest first."""
    return Invitation.objects.for_org(org).filter(accepted_at__isnull=True, revoked_at__isnull=True)


def pending_invitations(org: Organization) -> list[Invitation]:
    rows = list(open_invitations(org).select_related("person"))
    now = timezone.now()
    for invitation in rows:
        invitation.expired = invitation.has_expired(now)
    return rows


def invitable_people(org: Organization):
    """Current people with an e-mail who cannot sign in and are not invited yet."""
    member_users = Membership.objects.filter(organization=org).values("user_id")
    return (
        Person.objects.for_org(org)
        .filter(status=Person.Status.ACTIVE)
        .exclude(email="")
        .exclude(user_id__in=member_users)
        .exclude(Exists(open_invitations(org).filter(person=OuterRef("pk"))))
    )


# --- an invitation link ---------------------------------------------------------------------


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation a link's token opens, whatever its state."""
    return (
        Invitation.objects.filter(link_hash=hash_token(token))
        .select_related("organization", "person")
        .first()
    )


def accounts_with_email(email: str):
    """The accounts of this installation with `email`, whatever its letter case."""
    return get_user_model()._default_manager.filter(email__iexact=email)


def is_addressed_to(invitation: Invitation, user) -> bool:
    """Is `user` signed in with the address the invitation went to (whatever its letter case)?"""
    return bool(user.email) and user.email.casefold() == invitation.email.casefold()


def why_closed(invitation: Invitation) -> str:
    """Why the invitation can no longer be accepted, or "" while it can."""
    if invitation.accepted_at is not None:
        return _("This invitation has already been accepted. Sign in to continue.")
    if invitation.revoked_at is not None:
        return _("This invitation was withdrawn. Ask the organisation for a new one.")
    if invitation.has_expired(timezone.now()):
        return _("This invitation has expired. Ask the organisation to send it again.")
    return ""


def suggested_email_domains(org: Organization) -> str:
    """R2.9: the organisation's own e-mail domains as its people's addresses show them, to
    pre-fill the setting."""
    emails = Person.objects.for_org(org).exclude(email="").values_list("email", flat=True)
    return " ".join(own_domains(emails)[:5])


def delivery_warning(request) -> health.Delivery | None:
    """The delivery state to warn this visitor about — e-mail is not leaving and they watch it
    (owners and policy admins: on an organisation's page of that organisation, elsewhere of any) —
    or None. On an organisation's page the membership is known already (no query for those who
    do not watch); elsewhere one query asks whether they watch any."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    ctx = getattr(request, "org_ctx", None)
    if ctx is not None:
        watches = can_watch_delivery(ctx.membership)
    else:
        watches = Membership.objects.filter(user=user, role__in=DELIVERY_WATCHER_ROLES).exists()
    if not watches:
        return None
    state = health.delivery()
    return state if state.stalled else None
