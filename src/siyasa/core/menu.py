"""The organisation menu: its groups, which entries a member sees, and which one is the page."""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Entry:
    label: str | Promise
    url_name: str
    # The URL names (or their beginnings, ending in "*") of the pages this entry stands for.
    pages: tuple[str, ...]
    capability: str = ""


@dataclass
class Link:
    label: str | Promise
    url: str
    current: bool


@dataclass
class Group:
    label: str | Promise
    links: list[Link] = field(default_factory=list)

    @property
    def current(self) -> bool:
        return any(link.current for link in self.links)


MENU: tuple[tuple[str | Promise, tuple[Entry, ...]], ...] = (
    ("", (Entry(_("Workspace"), "workspace", ("workspace", "policy_me")),)),
    (
        _("Policy"),
        (
            Entry(
                _("Policy"),
                "policy",
                (
                    "policy",
                    "policy_v*",
                    "policy_c*",
                    "policy_a*",
                    "policy_manager",
                    "policy_draft",
                    "policy_publish",
                ),
            ),
            Entry(_("Health"), "health", ("health",)),
            Entry(_("Check a post"), "check_post", ("check_*",)),
            Entry(_("Review requests"), "post_review_list", ("post_review*",)),
            Entry(_("Policy quiz"), "training", ("training*",)),
            Entry(_("Policy texts"), "policy_texts", ("policy_text*",), "edit_content"),
            Entry(
                _("Bring your existing policy"),
                "policy_intake",
                ("policy_intake*",),
                "edit_content",
            ),
            Entry(_("Policy settings"), "policy_settings", ("policy_settings",), "manage_policy"),
        ),
    ),
    (
        _("Team & accounts"),
        (
            Entry(_("People"), "person_list", ("person*", "onboarding*")),
            Entry(_("Members"), "member_list", ("member*", "invitation*"), "manage_members"),
            Entry(_("Accounts"), "account_list", ("account*", "grant*", "custody*")),
            Entry(_("Responsibilities"), "responsibility_list", ("responsibility*",)),
            Entry(_("Devices"), "device_list", ("device*",)),
            Entry(_("Consents"), "consent_list", ("consent*", "takedown*"), "manage_consent"),
        ),
    ),
    (
        _("Security"),
        (
            Entry(
                _("Security"), "security_overview", ("security*", "offboarding*"), "manage_policy"
            ),
        ),
    ),
    (
        _("Crisis room"),
        (
            Entry(
                _("Crisis room"),
                "crisis_plan",
                ("crisis*", "contact*", "level*", "incident*", "playbook*", "statement*", "task*"),
            ),
        ),
    ),
    (
        _("Settings"),
        (
            Entry(
                _("Organisation"), "org_settings", ("org_settings", "transfer*"), "manage_policy"
            ),
            Entry(_("Reminders"), "notification_log", ("notification*",), "manage_policy"),
            Entry(_("History"), "audit_history", ("audit*",), "manage_policy"),
        ),
    ),
)


def _is(url_name: str, pages: tuple[str, ...]) -> bool:
    return any(
        url_name.startswith(page[:-1]) if page.endswith("*") else url_name == page for page in pages
    )


def org_menu(ctx, url_name: str) -> list[Group]:
    """The groups `ctx`'s member sees, each with the entries their role opens; a group left
    with one entry is shown as that entry alone (its label is the entry's)."""
    groups = []
    for label, entries in MENU:
        links = [
            Link(
                entry.label,
                reverse(entry.url_name, kwargs={"slug": ctx.org.slug}),
                _is(url_name or "", entry.pages),
            )
            for entry in entries
            if not entry.capability or getattr(ctx.perms, entry.capability)
        ]
        if links:
            groups.append(Group(label if len(links) > 1 else links[0].label, links))
    return groups
