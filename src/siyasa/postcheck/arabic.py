"""`core.arabic`'s normalisation for the post check, keeping for every character it returns where
that character was in the text as typed, so findings mark the original; and the words of a
draft, with Arabic's joined clitics.

The helpers live in `core.arabic` (the reading of an existing policy, `intake`, uses them too):
one loose comparison of Arabic in the whole product.
"""

from siyasa.core.arabic import PREFIXES, WORD, forms
from siyasa.core.arabic import normalise_mapped as normalise

__all__ = ["PREFIXES", "WORD", "forms", "normalise", "normalised"]


def normalised(text: str) -> str:
    """Only the normalised text (for lexicon entries and names)."""
    return normalise(text)[0]
