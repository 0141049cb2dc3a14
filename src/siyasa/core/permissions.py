"""Roles are data, permissions are code — here and only here (R2.6).

Every view and every service asks `can(membership, capability)` or `require(...)`;
nothing else in the code base compares role names.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:  # the model lives above core; only its type is needed here
    from siyasa.orgs.models import Membership


class Role(models.TextChoices):
    """A member's role in one organisation (stored on `orgs.Membership`)."""

    OWNER = "owner", _("Owner")
    POLICY_ADMIN = "policy_admin", _("Policy admin")
    EDITOR = "editor", _("Editor")
    STAFF = "staff", _("Staff member")


class Capability(StrEnum):
    VIEW = "view"
    # Section prose, people and contacts, the accounts registry.
    EDIT_CONTENT = "edit_content"
    # R2.6: the policy's settings, responsibilities, access grants, custody, devices and the
    # crisis plan — what decides who can reach an account or speak for the organisation.
    MANAGE_POLICY = "manage_policy"
    MANAGE_MEMBERS = "manage_members"
    # R1.6: deciding a request to open a new official account (approve, and so register it, or
    # refuse).
    APPROVE_ACCOUNTS = "approve_accounts"
    # Granting or taking away the owner role.
    MANAGE_OWNERS = "manage_owners"
    # R2.8: taking a secret that was typed by mistake out of the change history — the one write
    # to the history, so only owners (audit.services.purge).
    PURGE_HISTORY = "purge_history"
    # R4.1, R4.2: the consent registry holds beneficiaries' personal data; whoever holds the
    # policy's privacy role reads and keeps it. Other members only learn, when they check a
    # post, whether a consent is on file.
    MANAGE_CONSENT = "manage_consent"
    # Downloading the whole organisation as one file (archive): every registry, the history and
    # the members' addresses, to move it elsewhere — what only an owner may take away.
    EXPORT_ORGANIZATION = "export_organization"


ROLE_CAPABILITIES: dict[str, frozenset[Capability]] = {
    Role.OWNER: frozenset(Capability),
    Role.POLICY_ADMIN: frozenset(
        {
            Capability.VIEW,
            Capability.EDIT_CONTENT,
            Capability.MANAGE_POLICY,
            Capability.MANAGE_MEMBERS,
            Capability.MANAGE_CONSENT,
            Capability.APPROVE_ACCOUNTS,
        }
    ),
    Role.EDITOR: frozenset({Capability.VIEW, Capability.EDIT_CONTENT}),
    Role.STAFF: frozenset({Capability.VIEW}),
}

# Which capability a write to each organisation-owned model needs.
EDIT_CAPABILITY: dict[str, Capability] = {
    "orgs.person": Capability.EDIT_CONTENT,
    "registry.socialaccount": Capability.EDIT_CONTENT,
    "policy.policytext": Capability.EDIT_CONTENT,
    "policy.policysettings": Capability.MANAGE_POLICY,
    "registry.responsibilityassignment": Capability.MANAGE_POLICY,
    "registry.accessgrant": Capability.MANAGE_POLICY,
    "registry.custody": Capability.MANAGE_POLICY,
    "registry.device": Capability.MANAGE_POLICY,
    # R2.10: an app connected to an account reaches it like a person with access.
    "registry.connectedapp": Capability.MANAGE_POLICY,
    # R6.5: whoever edits the accounts keeps the log of serious moderation decisions.
    "registry.moderationdecision": Capability.EDIT_CONTENT,
    "crisis.emergencycontact": Capability.MANAGE_POLICY,
    "crisis.severitylevel": Capability.MANAGE_POLICY,
    "crisis.playbook": Capability.MANAGE_POLICY,
    # R1.3 (i): editors write quiz questions; the pass mark is the policy's.
    "training.customquestion": Capability.EDIT_CONTENT,
    "training.trainingsettings": Capability.MANAGE_POLICY,
    "consent.consent": Capability.MANAGE_CONSENT,
    "consent.takedowntask": Capability.MANAGE_CONSENT,
    "postcheck.lexicon": Capability.MANAGE_POLICY,
}

# The crisis room (R3.4). Anyone in the team may spot a crisis: declaring an incident, adding to
# its timeline, its tasks and its statements needs no more than being a member.
INCIDENT_WORK = Capability.VIEW


def can_steer_incident(membership: Membership | None, *, is_lead: bool) -> bool:
    """Change an incident's level or lead, or close it: its lead, owners and policy admins."""
    if membership is None:
        return False
    return is_lead or can(membership, Capability.MANAGE_POLICY)


class Refusal(StrEnum):
    """Why a person may not decide on a statement's current version (R3.4)."""

    NOT_HOLDER = "not_holder"  # the role is not theirs, or not one this level requires
    AUTHOR = "author"  # they wrote this version
    DECIDED = "decided"  # they already decided on this version as this role
    OTHER_ROLE = "other_role"  # they already decided on this version as another role


def statement_refusal(
    membership: Membership | None,
    *,
    role: str,
    held_roles: set[str],
    required_roles: list[str],
    wrote_version: bool,
    decided_roles: set[str],
) -> Refusal | None:
    """Why `membership` may not approve or reject a statement's current version as `role`, or
    None when they may. Only someone holding that crisis role (as the emergency contact or their
    backup) when the incident's level requires it — whatever their role in Siyasa, an owner
    included; never the person who wrote that version; and each person decides once on a
    version, as one role (`decided_roles`: the roles they already decided on it as)."""
    if membership is None or role not in required_roles or role not in held_roles:
        return Refusal.NOT_HOLDER
    if wrote_version:
        return Refusal.AUTHOR
    if role in decided_roles:
        return Refusal.DECIDED
    if decided_roles:
        return Refusal.OTHER_ROLE
    return None


def can_decide_statement(
    membership: Membership | None,
    *,
    role: str,
    held_roles: set[str],
    required_roles: list[str],
    wrote_version: bool,
    decided_roles: set[str],
) -> bool:
    """Whether the decision buttons are offered: `statement_refusal` finds no reason not to."""
    refusal = statement_refusal(
        membership,
        role=role,
        held_roles=held_roles,
        required_roles=required_roles,
        wrote_version=wrote_version,
        decided_roles=decided_roles,
    )
    return refusal is None


def can_record_rotation(membership: Membership | None, *, is_custodian: bool) -> bool:
    """R2.1: log a password rotation of an account — owners and policy admins, and the account's
    own custodian or backup custodian, whatever their role."""
    return can(membership, Capability.MANAGE_POLICY) or (
        is_custodian and can(membership, Capability.VIEW)
    )


def can_tick_onboarding(membership: Membership | None, *, own: bool) -> bool:
    """A newcomer ticks their own onboarding steps; owners and policy admins anyone's."""
    return (own and can(membership, Capability.VIEW)) or can(membership, Capability.MANAGE_POLICY)


def can_see_training_results(membership: Membership | None, *, trains_staff: bool) -> bool:
    """R1.3 (i): who passed the quiz and which questions are missed — the person responsible for
    training the staff, whatever their role, and owners and policy admins."""
    return (trains_staff and can(membership, Capability.VIEW)) or can(
        membership, Capability.MANAGE_POLICY
    )


def can_close_takedown(membership: Membership | None, *, is_assignee: bool) -> bool:
    """R4.2: a take-down task is ticked off by the account owner it was given to, or by whoever
    keeps the consent registry."""
    return (is_assignee and can(membership, Capability.VIEW)) or can(
        membership, Capability.MANAGE_CONSENT
    )


def can_see_review(membership: Membership | None, *, is_requester: bool, is_reviewer: bool) -> bool:
    """Issue 14: a draft sent for review is read by whoever asked, the people named to review it,
    and owners and policy admins — no other member."""
    return ((is_requester or is_reviewer) and can(membership, Capability.VIEW)) or can(
        membership, Capability.MANAGE_POLICY
    )


def can_decide_review(
    membership: Membership | None, *, is_requester: bool, is_reviewer: bool
) -> bool:
    """Approve a draft, ask for changes or decline it: the people named to review it (R1.3's
    approvals), and owners and policy admins — never whoever asked."""
    if is_requester:
        return False
    return (is_reviewer and can(membership, Capability.VIEW)) or can(
        membership, Capability.MANAGE_POLICY
    )


def can_withdraw_review(membership: Membership | None, *, is_requester: bool) -> bool:
    """Only whoever asked for a review takes the question back."""
    return is_requester and can(membership, Capability.VIEW)


def can_delete_review(membership: Membership | None, *, is_requester: bool) -> bool:
    """Remove a draft sent for review, now: whoever asked, and owners and policy admins."""
    return can_withdraw_review(membership, is_requester=is_requester) or can(
        membership, Capability.MANAGE_POLICY
    )


def can_read_requirement_ids(membership: Membership | None) -> bool:
    """The catalogue's ids (R0.3, R1.1 …) beside what they cover: for those who work on the
    policy — owners, policy admins and editors. To a staff member they mean nothing."""
    return can(membership, Capability.EDIT_CONTENT)


def can_analyse_policy(membership: Membership | None) -> bool:
    """Upload an existing policy, read its report and start the draft from it: whoever may
    write the policy's texts (owners, policy admins and editors)."""
    return can(membership, Capability.EDIT_CONTENT)


def can_delete_analysis(membership: Membership | None, *, uploaded_it: bool) -> bool:
    """Delete an analysis and the passages kept from the document: the member who uploaded it,
    and owners and policy admins."""
    return (uploaded_it and can_analyse_policy(membership)) or can(
        membership, Capability.MANAGE_POLICY
    )


def roles_with(capability: Capability) -> frozenset[str]:
    """The roles that carry `capability`, for queries such as "who may change the policy"."""
    return frozenset(role for role, caps in ROLE_CAPABILITIES.items() if capability in caps)


def require_same_org(membership: Membership | None, *rows) -> None:
    """A row of another organisation named in a request is refused (views answer 404 before
    this; services check again so no caller can skip it)."""
    if membership is None or any(
        row is not None and row.organization_id != membership.organization_id for row in rows
    ):
        raise PermissionDenied


def can(membership: Membership | None, capability: Capability) -> bool:
    if membership is None:
        return False
    return capability in ROLE_CAPABILITIES.get(membership.role, frozenset())


def require(membership: Membership | None, capability: Capability) -> None:
    if not can(membership, capability):
        raise PermissionDenied


# Who can change who reaches the accounts (owners and policy admins today) signs in with a
# second factor (issue "Security operations", item 5).
TWO_FACTOR_ROLES = roles_with(Capability.MANAGE_POLICY)

# R2.6: who may change the policy (owners and policy admins today), and those among them who are
# not owners — the delegates an organisation should have so the policy does not wait on owners.
POLICY_MANAGER_ROLES = roles_with(Capability.MANAGE_POLICY)
DELEGATE_ROLES = POLICY_MANAGER_ROLES - roles_with(Capability.MANAGE_OWNERS)

# Who is told on every page that e-mail is not leaving (no job worker, or e-mails waiting):
# owners and policy admins, who answer for the crisis plan and can call whoever runs the server.
DELIVERY_WATCHER_ROLES = roles_with(Capability.MANAGE_POLICY)


def can_watch_delivery(membership: Membership | None) -> bool:
    """See the banner that says invitations, alerts and reminders are queued, not sent."""
    return can(membership, Capability.MANAGE_POLICY)


def is_owner_role(role: str | None) -> bool:
    """Whether `role` is the one that makes owners (an organisation keeps at least one)."""
    return Capability.MANAGE_OWNERS in ROLE_CAPABILITIES.get(role or "", frozenset())


def require_role_change(
    membership: Membership | None, *, new_role: str | None, current_role: str | None = None
) -> None:
    """Give, change or take away a member's role: managing members, and managing owners when
    the owner role is given or taken away."""
    require(membership, Capability.MANAGE_MEMBERS)
    if is_owner_role(new_role) or is_owner_role(current_role):
        require(membership, Capability.MANAGE_OWNERS)


def edit_capability(model) -> Capability:
    return EDIT_CAPABILITY[model._meta.label_lower]


class Perms:
    """Template-friendly view of a membership's capabilities: `{% if perms_org.manage_policy %}`."""

    def __init__(self, membership: Membership | None):
        self._membership = membership

    def __getattr__(self, name: str) -> bool:
        try:
            return can(self._membership, Capability(name))
        except ValueError:
            raise AttributeError(name) from None


def grantable_roles(membership: Membership | None) -> list[tuple[str, str | Promise]]:
    """The roles `membership` may give (role choices for a form): the owner role only by owners."""
    if not can(membership, Capability.MANAGE_MEMBERS):
        return []
    owners_too = can(membership, Capability.MANAGE_OWNERS)
    return [(role, label) for role, label in Role.choices if owners_too or role != Role.OWNER]
