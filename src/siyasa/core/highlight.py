"""Where the searched words are in a text as it is written, so the page can mark them."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from siyasa.core.arabic import normalise

# Characters shown either side of the first match when a long text is cut to a snippet.
CONTEXT = 60


def _normalised_with_positions(text: str) -> tuple[str, list[int]]:
    """`normalise(text)` and, for each of its characters, the index of the original character
    it came from (normalising is character by character, so the map is exact)."""
    out, positions = [], []
    for index, char in enumerate(text):
        folded = normalise(char)
        out.append(folded)
        positions.extend([index] * len(folded))
    return "".join(out), positions


def spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """The (start, end) ranges of `text` where any of the normalised `terms` occurs, merged."""
    folded, positions = _normalised_with_positions(text)
    found = []
    for term in terms:
        start = folded.find(term)
        while term and start != -1:
            end = start + len(term)
            found.append((positions[start], positions[end - 1] + 1))
            start = folded.find(term, end)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def pieces(text: str, terms: list[str], *, snippet: bool = False) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_match) pairs; with `snippet`, only around the first match."""
    found = spans(text, terms)
    if snippet and found and len(text) > 2 * CONTEXT:
        first, last = max(found[0][0] - CONTEXT, 0), min(found[0][1] + CONTEXT, len(text))
        cut = [(s - first, e - first) for s, e in found if s >= first and e <= last]
        result = pieces_at(text[first:last], cut)
        if first:
            result.insert(0, ("… ", False))
        if last < len(text):
            result.append((" …", False))
        return result
    if snippet and not found and len(text) > 2 * CONTEXT:
        return [(text[: 2 * CONTEXT] + " …", False)]
    return pieces_at(text, found)


def pieces_at(text: str, found: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    result, at = [], 0
    for start, end in found:
        if start > at:
            result.append((text[at:start], False))
        result.append((text[start:end], True))
        at = end
    if at < len(text):
        result.append((text[at:], False))
    return result


def marked(parts: list[tuple[str, bool]]) -> SafeString:
    """The pieces as HTML: every piece escaped, only the <mark> around a match is markup."""
    return mark_safe(  # noqa: S308 - every piece is escaped
        "".join(f"<mark>{escape(p)}</mark>" if is_match else escape(p) for p, is_match in parts)
    )
