"""`core.arabic`'s normalisation for the post check, keeping for every character it returns where
that character was in the text as typed, so findings mark the original; and the words of a
draft, with Arabic's joined clitics."""

import re
from functools import lru_cache

from siyasa.core.arabic import DROPPED, FOLDED

# The letters folded and the marks dropped are the search's (`core.arabic`): one loose comparison
# of Arabic in the whole product.
_DROP = frozenset(map(ord, DROPPED))
_FOLD = {ord(letter): folded for letter, folded in FOLDED.items()}
_TABLE = {**dict.fromkeys(_DROP), **_FOLD}


def normalise(text: str) -> tuple[str, list[int] | range]:
    """`text` normalised for matching, and for each of its characters the index of the
    character it came from in `text` (one more entry: `len(text)`, for spans that end there).

    Diacritics, tatweel and invisible marks are dropped; alef, yaa, taa marbuta, kaf and digit
    forms are folded; the case is lowered (one character at a time, so indices stay exact).
    Linear in the length of `text`.
    """
    folded = text.translate(_TABLE)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        if len(folded) == len(text):
            return lowered, range(len(text) + 1)  # nothing dropped: every index is its own
        origin = [i for i, char in enumerate(text) if ord(char) not in _DROP]
        origin.append(len(text))
        return lowered, origin
    # A character whose lower case is longer ("İ"): kept as it is, one at a time.
    out: list[str] = []
    slow: list[int] = []
    for index, char in enumerate(text):
        if ord(char) in _DROP:
            continue
        char = _FOLD.get(ord(char), char)
        out.append(char.lower() if len(char.lower()) == 1 else char)
        slow.append(index)
    slow.append(len(text))
    return "".join(out), slow


def normalised(text: str) -> str:
    """Only the normalised text (for lexicon entries and names)."""
    return normalise(text)[0]


# A word: letters and digits of any script; a hashtag or handle keeps its sign.
WORD = re.compile(r"[#@]?[^\W_]+")

# The clitics of Arabic written joined to a word: the article and the conjunctions and
# prepositions that go before it (و ف ب ل ك), longest first so "وال" is tried before "و".
PREFIXES = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "ال",
    "وب",
    "ول",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


@lru_cache(maxsize=100_000)
def forms(word: str) -> frozenset[str]:
    """`word` and what it is without each Arabic clitic it may carry ("والأيتام" → "الايتام",
    "ايتام"…), for matching against a lexicon written without them (a hashtag or handle: also
    without its sign)."""
    word = word.lstrip("#@") or word
    found = [word]
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            rest = word[len(prefix) :]
            found.append(rest)
            if prefix == "لل":  # ل + ال: "للأيتام" is "ل" + "الأيتام"
                found.append("ال" + rest)
    return frozenset(found)
