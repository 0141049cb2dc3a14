"""How a reminder reads: fixed in every language when it is claimed, then shown as text or HTML."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.conf import settings
from django.utils import formats, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from siyasa.core.phones import international

# Parameters that stay left-to-right inside Arabic text (a handle such as "X @example" flips
# otherwise); see the Arabic notes on bidi.
LTR_PARAMS = frozenset({"account", "handle", "phone", "email"})


class Detail(NamedTuple):
    label: str
    # Kept left-to-right (a phone number, an account).
    value: str
    # Its own page, when it has one (a review request of the digest's line).
    url: str = ""


@dataclass(frozen=True)
class Words:
    text: str
    html: SafeString
    details: list[Detail]


def snapshot(item) -> dict:
    """A due item's words in every language, as a template and parameters (for `Reminder.content`).

    Fixed when the reminder is claimed, so the log shows what was said even after the data changed.
    """
    content = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            content[code] = {
                "text": str(item.text),
                "params": {key: _plain(value) for key, value in item.params.items()},
                # [label, value] or [label, value, path]
                "details": [[str(part) for part in detail] for detail in item.details],
            }
    return content


def words(content: dict, language: str, link: Callable[[str], str] | None = None) -> Words:
    """The reminder in one language, falling back to any language it was stored in; `link`
    turns the path of a detail into the address the reader follows (none: no link)."""
    stored: dict = content.get(language) or next(iter(content.values()), {})
    template = stored.get("text", "")
    params = stored.get("params", {})
    # Like the doctor's findings: a template without parameters is not %-formatted.
    if params:
        text = template % params
        # Safe: the template and every parameter are escaped before they are joined.
        html = mark_safe(
            conditional_escape(template)
            % {key: _html_param(key, value) for key, value in params.items()}
        )
    else:
        text, html = template, conditional_escape(template)
    details = [_detail(*stored_detail, link=link) for stored_detail in stored.get("details", [])]
    return Words(text, html, details)


def _detail(label: str, value: str, path: str = "", *, link) -> Detail:
    return Detail(label, international(value), link(path) if path and link else "")


def _plain(value) -> str:
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value)


def _html_param(key: str, value: str) -> str:
    if key in LTR_PARAMS:
        return format_html('<span dir="ltr">{}</span>', value)
    return conditional_escape(value)
