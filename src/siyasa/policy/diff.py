"""Side-by-side comparison of two sets of rules, word by word, in Arabic and English alike."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from siyasa.policy.catalogue import BLOCKS
from siyasa.policy.models import Stance
from siyasa.policy.rules import Rules

# Words and the whitespace between them, so the marked-up text keeps its line breaks.
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """The old text with removed words in <del>, the new one with added words in <ins>."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - every piece escaped


@dataclass
class Change:
    label: str
    old: SafeString
    new: SafeString
    lang: str  # "ar", "en" or "" for values that are not prose
    changed: bool


def compare(old: Rules, new: Rules) -> list[Change]:
    """Every text block in both languages, then the stated settings, old beside new."""
    changes = []
    for key, block in BLOCKS.items():
        for index, lang in enumerate(("ar", "en")):
            before, after = old.text(key)[index], new.text(key)[index]
            marked_old, marked_new = word_diff(before, after)
            label = f"{block.title} ({lang.upper()})"
            changes.append(Change(label, marked_old, marked_new, lang, before != after))
    for label, before, after in _settings_pairs(old, new):
        marked_old, marked_new = word_diff(before, after)
        changes.append(Change(str(label), marked_old, marked_new, "", before != after))
    return changes


def _settings_pairs(old: Rules, new: Rules):
    names = lambda refs: ", ".join(r.name for r in refs if r)  # noqa: E731
    day = lambda d: d.isoformat() if d else ""  # noqa: E731
    stance = lambda s: str(Stance(s).label) if s else ""  # noqa: E731
    yield _("Stance"), stance(old.stance), stance(new.stance)
    yield _("Disclaimer (Arabic)"), old.disclaimer[0], new.disclaimer[0]
    yield _("Disclaimer (English)"), old.disclaimer[1], new.disclaimer[1]
    yield _("Spokespeople"), names(old.spokespeople), names(new.spokespeople)
    yield _("Legal adviser"), names([old.legal_adviser]), names([new.legal_adviser])
    yield _("Date of legal review"), day(old.legal_reviewed_on), day(new.legal_reviewed_on)
    yield (
        _("Rotation interval (days)"),
        str(old.rotation_interval_days),
        str(new.rotation_interval_days),
    )
    yield _("Review owner"), names([old.review_owner]), names([new.review_owner])
    yield _("Next review"), day(old.next_review_on), day(new.next_review_on)
