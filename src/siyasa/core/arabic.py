"""One way of comparing Arabic text loosely: both sides of every search (the query and the data)
and the post check (`postcheck.arabic`, which also keeps where each character came from).

People type أحمد, احمد or إحمد for the same name, end a word with ة or ه, ى or ي, and copy text
with or without its short vowels (tashkeel) and the stretching stroke (tatweel). `normalise`
makes all of these the same, character by character (so a match can be mapped back onto the
text as written, see `core.highlight`), and folds Latin case and Arabic-Indic digits.
"""

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


def sql_translate_arguments() -> tuple[str, str]:
    """The same folding as SQL `translate(text, from, to)` arguments (PostgreSQL): characters
    in `from` beyond the length of `to` are removed, which is what `DROPPED` needs."""
    return "".join(FOLDED) + DROPPED, "".join(FOLDED.values())
