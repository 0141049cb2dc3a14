"""A finding: one way an organisation's reality has drifted from its policy, and how to fix it."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from siyasa.core.permissions import Capability, can


class Severity(StrEnum):
    ERROR = "error"
    # Nothing there yet to check (no account, no device, nothing published): unmet, not met.
    NOT_STARTED = "not_started"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        labels = {
            "error": _("Error"),
            "not_started": _("Not started"),
            "warning": _("Warning"),
            "info": _("Note"),
        }
        return str(labels[self.value])


# The policy section a requirement belongs to, by the catalogue's numbering (R<section>.<n>).
SECTIONS = {
    "R0": ("living", _("A living document")),
    "R1": ("roles", _("Team roles")),
    "R2": ("security", _("Security protocols")),
    "R3": ("crisis", _("Crisis plan")),
    "R4": ("law", _("Staying within the law")),
    "R5": ("personal", _("Staff's personal accounts")),
    "R6": ("speaking", _("Speaking about the organisation")),
}


@dataclass(frozen=True)
class Fix:
    """Where to fix a finding: a URL name under /o/<slug>/, its other arguments, who may."""

    url_name: str
    kwargs: dict = field(default_factory=dict)
    query: str = ""
    capability: Capability = Capability.MANAGE_POLICY

    def url(self, slug: str) -> str:
        try:
            return reverse(self.url_name, kwargs={"slug": slug, **self.kwargs}) + self.query
        except NoReverseMatch:
            return ""


def _localize(value):
    """Dates and lists of (lazy) labels in the active language's way of writing them."""
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ("، " if get_language() == "ar" else ", ").join(str(v) for v in value)
    return value


@dataclass(frozen=True)
class Finding:
    requirement: str
    severity: Severity
    # A lazy translatable text with %(name)s placeholders, rendered in the reader's language
    # (`ngettext_lazy(…, "count")` for a text with a number).
    text: Promise
    params: dict = field(default_factory=dict)
    # What it is about, stable across runs: "account:12", "area:publishing", "organization".
    subject: str = "organization"
    fix: Fix | None = None

    @property
    def message(self) -> str:
        """The text in the active language, dates written the way that language writes them."""
        params = {
            key: formats.date_format(value, "DATE_FORMAT")
            if isinstance(value, datetime.date)
            else value
            for key, value in self.params.items()
        }
        # `%` on the lazy text itself, so a plural text picks its form from the params.
        return self.text % params if params else str(self.text)

    @property
    def section(self) -> str:
        return SECTIONS[self.requirement.split(".")[0]][0]

    def fix_url_for(self, membership, slug: str) -> str:
        """The fix link, only for a reader whose role lets them use it."""
        if self.fix is None or not can(membership, self.fix.capability):
            return ""
        return self.fix.url(slug)

    def link_for(self, membership, slug: str) -> str:
        """Where a reader goes from this finding: the page that fixes it when they may use it,
        else its section of the health page, which says who can."""
        return self.fix_url_for(membership, slug) or (
            reverse("health", kwargs={"slug": slug}) + f"#health-{self.section}"
        )

    def as_dict(self, slug: str) -> dict:
        return {
            "requirement": self.requirement,
            "severity": str(self.severity),
            "message": self.message,
            "subject": self.subject,
            "section": self.section,
            "fix_url": self.fix.url(slug) if self.fix else "",
        }
