"""Bilingual content the organisation writes (pick the reader's language, fall back to the other),
and Arabic agreement with a named person."""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import get_language


@dataclass(frozen=True)
class Localized:
    text: str
    lang: str
    # True when the reader's language was empty and the other language is shown instead.
    is_fallback: bool

    @property
    def dir(self) -> str:
        return "rtl" if self.lang == "ar" else "ltr"

    def __str__(self) -> str:
        return self.text


def by_gender(gender: str, variants: Mapping[str, Promise]) -> Promise:
    """The variant of a sentence naming a person whose Arabic agrees with their grammatical
    gender ("feminine", "masculine"), translated with that `pgettext` context; the
    gender-neutral wording (key "") when none is given."""
    return variants.get(gender) or variants[""]


def pick(ar: str, en: str, lang: str | None = None) -> Localized:
    lang = (lang or get_language() or "ar")[:2]
    wanted, other = (en, ar) if lang == "en" else (ar, en)
    if wanted.strip() or not other.strip():
        return Localized(wanted, "en" if lang == "en" else "ar", False)
    return Localized(other, "ar" if lang == "en" else "en", True)
