"""One way of comparing Arabic text loosely: both sides of every search (the query and the data),
the post check and the reading of an existing policy (which also keep where each character came
from, `normalise_mapped`, and split words from their joined clitics, `forms`).

People type أحمد, احمد or إحمد for the same name, end a word with ة or ه, ى or ي, and copy text
with or without its short vowels (tashkeel) and the stretching stroke (tatweel). `normalise`
makes all of these the same, character by character (so a match can be mapped back onto the
text as written, see `core.highlight`), and folds Latin case and Arabic-Indic digits.
"""

import re
from functools import lru_cache

# Letters written in more than one way, mapped to the one form searched for.
FOLDED = {
    "أ": "ا",  # alef with hamza above
    "إ": "ا",  # alef with hamza below
    "آ": "ا",  # alef with madda
    "ٱ": "ا",  # alef wasla
    "ة": "ه",  # taa marbuta
    "ى": "ي",  # alef maqsura
    "ی": "ي",  # Persian yaa
    "ک": "ك",  # Persian kaf
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
}

# Marks that do not change which word it is: tashkeel (fathatan … sukun, and the rarer marks up
# to U+065F, which include the hamza above/below of a decomposed أ/إ), the honorifics and small
# marks above (U+0610–U+061A), the superscript alef, Quranic annotation signs, tatweel, and the
# invisible marks that split a word for a matcher but not for a reader (zero-width space, ZWNJ,
# ZWJ, LRM, RLM, bidi embeddings and isolates, the byte-order mark).
DROPPED = "".join(
    chr(c)
    for c in (
        *range(0x064B, 0x0660),
        *range(0x0610, 0x061B),
        0x0670,
        *range(0x06D6, 0x06EE),
        0x0640,
        *range(0x200B, 0x2010),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0xFEFF,
    )
)

_TABLE = str.maketrans({**FOLDED, **dict.fromkeys(DROPPED)})


def normalise(text: str) -> str:
    """`text` with hamza forms, taa marbuta, alef maqsura, diacritics, tatweel, Latin case and
    digits folded. Each character maps to its own output, never depending on its neighbours."""
    return text.translate(_TABLE).lower()


def letters(text: str) -> tuple[int, int]:
    """How many Arabic and how many Latin letters `text` has: which script a passage is in."""
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    return arabic, latin


def sql_translate_arguments() -> tuple[str, str]:
    """The same folding as SQL `translate(text, from, to)` arguments (PostgreSQL): characters
    in `from` beyond the length of `to` are removed, which is what `DROPPED` needs."""
    return "".join(FOLDED) + DROPPED, "".join(FOLDED.values())


_DROP = frozenset(map(ord, DROPPED))
_FOLD = {ord(letter): folded for letter, folded in FOLDED.items()}


def normalise_mapped(text: str) -> tuple[str, list[int] | range]:
    """`normalise(text)`, and for each of its characters the index of the character it came from
    in `text` (one more entry: `len(text)`, for spans that end there), so a match found in the
    normalised text can be marked on the text as typed.

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
