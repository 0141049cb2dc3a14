"""The help page of each area: what its pages are for, who may change what, the requirements served.

Who may change a thing is read from `core.permissions` (the capability its writes need, and the
roles that carry it), and the requirements from the policy's catalogue, so neither is restated
here. `AREA_OF` tells which help a page's "?" link opens.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from siyasa.core.permissions import INCIDENT_WORK, Capability, Role, edit_capability, roles_with
from siyasa.crisis.models import EmergencyContact, Playbook, SeverityLevel
from siyasa.doctor.findings import SECTIONS as REQUIREMENT_SECTIONS
from siyasa.orgs.models import Person
from siyasa.policy.catalogue import PREAMBLE, SECTIONS
from siyasa.policy.models import PolicySettings, PolicyText
from siyasa.registry.models import (
    AccessGrant,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)


@dataclass(frozen=True)
class Change:
    """Something the area's pages change, the capability that takes, and where it is done."""

    what: Promise
    capability: Capability
    url_name: str

    @property
    def roles(self) -> list[str]:
        """The roles that may, in the order of the roles, in the reader's language."""
        allowed = roles_with(self.capability)
        return [str(label) for role, label in Role.choices if role in allowed]


@dataclass(frozen=True)
class HelpArea:
    key: str
    title: Promise
    purpose: Promise
    changes: tuple[Change, ...]
    requirements: tuple[str, ...]
    # The URL names of the area's pages: their "?" link opens this help.
    pages: frozenset[str]

    def sections(self) -> list[tuple[Promise, list[str]]]:
        """The requirements served, grouped under their catalogue section's title."""
        grouped: dict[str, list[str]] = {}
        for requirement in self.requirements:
            grouped.setdefault(requirement.split(".")[0], []).append(requirement)
        return [(REQUIREMENT_SECTIONS[prefix][1], ids) for prefix, ids in grouped.items()]


def _section(key: str) -> tuple[str, ...]:
    return next(s.requirements for s in SECTIONS if s.key == key)


AREAS: tuple[HelpArea, ...] = (
    HelpArea(
        "policy",
        _("The policy"),
        _(
            "The policy page shows the rules in force together with the live directory of who "
            "does what. Every member reads and acknowledges it. Changes are made to the draft "
            "and reach everyone when a new version is published."
        ),
        (
            Change(_("The policy texts (draft)"), edit_capability(PolicyText), "policy_texts"),
            Change(
                _("Stance, disclaimer, spokespeople, review and legal adviser"),
                edit_capability(PolicySettings),
                "policy_settings",
            ),
            Change(_("Publishing a new version"), Capability.MANAGE_POLICY, "policy_draft"),
        ),
        PREAMBLE.requirements + _section("law") + _section("personal") + _section("speaking"),
        frozenset(
            {
                "policy",
                "policy_draft",
                "policy_versions",
                "policy_version",
                "policy_compare",
                "policy_acknowledgements",
                "policy_me",
                "policy_manager",
                "policy_crisis_card",
                "policy_texts",
                "policy_text_edit",
                "policy_settings",
            }
        ),
    ),
    HelpArea(
        "team",
        _("Team and accounts"),
        _(
            "The registries the policy is built from: the people and outside contacts, the "
            "organisation's social media accounts, who may publish and reply on each, and who "
            "holds each of the nine responsibilities."
        ),
        (
            Change(_("People and outside contacts"), edit_capability(Person), "person_list"),
            Change(_("The accounts registry"), edit_capability(SocialAccount), "account_list"),
            Change(
                _("Who may publish, reply or advertise on an account"),
                edit_capability(AccessGrant),
                "account_list",
            ),
            Change(
                _("The nine responsibilities"),
                edit_capability(ResponsibilityAssignment),
                "responsibility_list",
            ),
        ),
        _section("roles"),
        frozenset(
            {
                "person_list",
                "person_new",
                "person_edit",
                "person_delete",
                "account_list",
                "account_new",
                "account_detail",
                "account_edit",
                "account_delete",
                "grant_new",
                "grant_edit",
                "grant_delete",
                "responsibility_list",
                "responsibility_new",
                "responsibility_edit",
                "responsibility_delete",
            }
        ),
    ),
    HelpArea(
        "security",
        _("Security"),
        _(
            "Who keeps each password and second factor, when passwords were last changed, which "
            "devices may reach the accounts, and the checklists for people joining and leaving. "
            "Siyasa never holds a password: only who holds it and where it is kept."
        ),
        (
            Change(_("Credential custody"), edit_capability(Custody), "account_list"),
            Change(_("Approved devices"), edit_capability(Device), "device_list"),
            Change(
                _("Onboarding and offboarding checklists"),
                Capability.MANAGE_POLICY,
                "security_overview",
            ),
        ),
        _section("security"),
        frozenset(
            {
                "security_overview",
                "custody_edit",
                "account_rotations",
                "device_list",
                "device_new",
                "device_edit",
                "device_delete",
                "offboarding_start",
                "offboarding_detail",
            }
        ),
    ),
    HelpArea(
        "crisis",
        _("Crisis room"),
        _(
            "The crisis plan — severity levels, emergency contacts and playbooks — and the "
            "incidents declared under it, with their timeline, tasks and statements awaiting "
            "approval. Anyone in the team may declare an incident."
        ),
        (
            Change(_("Emergency contacts"), edit_capability(EmergencyContact), "crisis_plan"),
            Change(_("Severity levels"), edit_capability(SeverityLevel), "crisis_plan"),
            Change(_("Playbooks"), edit_capability(Playbook), "crisis_plan"),
            Change(_("Declaring an incident and working on it"), INCIDENT_WORK, "incident_declare"),
        ),
        _section("crisis"),
        frozenset(
            {
                "crisis_plan",
                "contact_new",
                "contact_edit",
                "contact_delete",
                "level_new",
                "level_edit",
                "level_delete",
                "playbook_new",
                "playbook_edit",
                "incident_declare",
                "incident_detail",
                "statement_edit",
            }
        ),
    ),
    HelpArea(
        "health",
        _("Policy health"),
        _(
            "Siyasa checks the organisation's registries and policy against every requirement "
            "of the catalogue and lists what is missing or overdue, with a link to the page "
            "that fixes it. Nothing is changed here: a finding goes away once it is fixed."
        ),
        (),
        PREAMBLE.requirements + tuple(r for s in SECTIONS for r in s.requirements),
        frozenset({"health"}),
    ),
    HelpArea(
        "settings",
        _("Settings"),
        _(
            "The organisation's name, identity and defaults, the members who sign in and their "
            "roles in Siyasa, the reminders sent, the change history, and importing or "
            "exporting the registries."
        ),
        (
            Change(_("The organisation's settings"), Capability.MANAGE_POLICY, "org_settings"),
            Change(_("Members and their roles"), Capability.MANAGE_MEMBERS, "member_list"),
            Change(
                _("Removing a secret from the change history"),
                Capability.PURGE_HISTORY,
                "audit_history",
            ),
        ),
        ("R0.4", "R2.6", "R2.8"),
        frozenset(
            {
                "org_settings",
                "member_list",
                "notification_log",
                "audit_history",
                "audit_history_purge",
                "transfer_import",
            }
        ),
    ),
)

HELP = {area.key: area for area in AREAS}
# URL name -> the help its "?" link opens.
AREA_OF = {name: area.key for area in AREAS for name in area.pages}
