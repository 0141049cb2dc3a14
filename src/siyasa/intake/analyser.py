"""Which requirements an existing policy covers: each requirement's essential elements (from
`knowledge`) looked for in the document's passages, with the words that state them.

The passages are the document's blocks, one for one (`Evidence.passage` is a block's index), so a
page can show a heading above the passage it cites. A heading also lends its words to the
passages under it, for an element's topic only ("every 90 days" under a heading "Passwords").

Deterministic and linear in the document: every word is indexed once (normalised, clitics and
common suffixes removed), and each cue is looked up in the index, never run as a pattern over the
text.
"""

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from siyasa.core.arabic import WORD, forms, letters, normalise, normalise_mapped
from siyasa.intake.document import (
    BlockKind,
    Document,
    Evidence,
    Finding,
    Report,
    Status,
)
from siyasa.intake.knowledge import CLASSES, KNOWLEDGE, Knowledge

ARABIC = re.compile("[\u0600-\u06ff]")

# Common Arabic endings (feminine/plural forms and attached pronouns), longest first; stripped at
# most twice and never below three letters, on both sides of a comparison alike.
_ARABIC_SUFFIXES = (
    "اتها", "اتهم", "ها", "هم", "هن", "كم", "نا", "ات", "ون", "ين", "ان", "يه", "ه", "ي", "ا",
)  # fmt: skip

# Passages cited per requirement (the headings that lent a topic come on top).
MAX_EVIDENCE = 6
# How far apart (in words) the words of one cue may be.
WINDOW = 10


@lru_cache(maxsize=100_000)
def _arabic_stem(word: str) -> str:
    for _ in range(2):
        for suffix in _ARABIC_SUFFIXES:
            # a final alef (the accusative "نصًا") may leave two letters, the rest three
            if word.endswith(suffix) and len(word) - len(suffix) >= (2 if suffix == "ا" else 3):
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


@lru_cache(maxsize=100_000)
def _english_stem(word: str) -> str:
    """Plural, -ed, -ing and a final e off: change, changes, changed, changing → chang."""
    if len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


@lru_cache(maxsize=100_000)
def keys_of(word: str) -> frozenset[str]:
    """What a normalised word of the document is indexed under: itself, its forms without Arabic
    clitics (or a hashtag's sign) and their stems."""
    if ARABIC.search(word):
        found = forms(word)
        return frozenset({*found, *(_arabic_stem(f) for f in found)})
    bare = word.lstrip("#@") or word
    return frozenset({word, bare, _english_stem(bare)})


@lru_cache(maxsize=10_000)
def _cue_key(word: str, stem: bool = True) -> str:
    """A word of a cue (written without clitics, perhaps with the article) as the index has it."""
    word = normalise(word)
    if ARABIC.search(word):
        if word.startswith("ال") and len(word) >= 5:
            word = word[2:]
        return _arabic_stem(word) if stem else word
    return _english_stem(word) if stem else word


Postings = dict[int, list[int]]  # passage -> positions of matching words in it


class _Index:
    """The words of a document's passages, looked up by key."""

    def __init__(self, passages: tuple[str, ...]):
        self.spans: list[list[tuple[int, int]]] = []
        self.postings: dict[str, Postings] = {}
        for p, text in enumerate(passages):
            folded, origin = normalise_mapped(text)
            spans = []
            for position, match in enumerate(WORD.finditer(folded)):
                spans.append((origin[match.start()], origin[match.end()]))
                for key in keys_of(match.group()):
                    self.postings.setdefault(key, {}).setdefault(p, []).append(position)
            self.spans.append(spans)
        self.keys = sorted(self.postings)
        self._lookups: dict[str, Postings] = {}

    def _starting(self, prefix: str) -> list[str]:
        start = bisect.bisect_left(self.keys, prefix)
        end = bisect.bisect_left(self.keys, prefix + "\U0010ffff")
        return self.keys[start:end]

    def _union(self, keys: list[str]) -> Postings:
        if len(keys) == 1:
            return self.postings[keys[0]]
        merged: dict[int, set[int]] = {}
        for key in keys:
            for p, positions in self.postings[key].items():
                merged.setdefault(p, set()).update(positions)
        return {p: sorted(positions) for p, positions in merged.items()}

    def lookup(self, token: str) -> Postings:
        """Where a word of a cue occurs: `word`, `prefix*`, `<class>` or `<handle>`."""
        if token in self._lookups:
            return self._lookups[token]
        if token == "<handle>":
            found = self._union(self._starting("@"))
        elif token.startswith("<"):
            name = token[1:-1]
            merged: dict[int, set[int]] = {}
            alternatives = [self.lookup(alt) for alt in CLASSES[name]]
            if name == "n":
                start, end = (bisect.bisect_left(self.keys, c) for c in ("0", ":"))
                digits = [k for k in self.keys[start:end] if k.isdigit()]
                alternatives.append(self._union(digits) if digits else {})
            for postings in alternatives:
                for p, positions in postings.items():
                    merged.setdefault(p, set()).update(positions)
            found = {p: sorted(positions) for p, positions in merged.items()}
        elif token.endswith("*"):
            keys = self._starting(_cue_key(token[:-1], stem=False))
            found = self._union(keys) if keys else {}
        else:
            found = self.postings.get(_cue_key(token), {})
        self._lookups[token] = found
        return found

    def find(self, cue: str) -> Iterator[tuple[int, list[int]]]:
        """Each passage where all the words of `cue` occur close together, with their positions."""
        tokens = cue.split()
        lists = [self.lookup(token) for token in tokens]
        if not all(lists):
            return
        window = max(WINDOW, len(tokens) + 5)
        rarest = min(lists, key=lambda postings: len(postings))
        for p in sorted(rarest):
            if not all(p in postings for postings in lists):
                continue
            chosen = _close_together([postings[p] for postings in lists], window)
            if chosen:
                yield p, chosen

    def words(self, passages: tuple[str, ...], p: int, positions: set[int]) -> tuple[str, ...]:
        """The words at `positions` of passage `p`, as written there, in order, once each."""
        text, spans = passages[p], self.spans[p]
        return tuple(dict.fromkeys(text[slice(*spans[i])] for i in sorted(positions)))


def _close_together(lists: list[list[int]], window: int) -> list[int] | None:
    """One position from each list, all within `window` of a position of the shortest list."""
    anchor = min(range(len(lists)), key=lambda i: len(lists[i]))
    for x in lists[anchor]:
        chosen = [x]
        for i, positions in enumerate(lists):
            if i == anchor:
                continue
            at = bisect.bisect_left(positions, x)
            near = [positions[j] for j in (at - 1, at) if 0 <= j < len(positions)]
            best = min(near, key=lambda y: abs(y - x))
            if abs(best - x) > window:
                break
            chosen.append(best)
        else:
            return chosen
    return None


def _headings(document: Document) -> list[tuple[int, ...]]:
    """For each block, the indices of the headings it sits under (outermost first)."""
    chain: list[tuple[int, int]] = []  # (level, index)
    above: list[tuple[int, ...]] = []
    for index, block in enumerate(document.blocks):
        if block.kind == BlockKind.HEADING:
            level = block.level or 1
            chain = [(lv, i) for lv, i in chain if lv < level]
            above.append(tuple(i for _lv, i in chain))
            chain.append((level, index))
        else:
            above.append(tuple(i for _lv, i in chain))
    return above


def _language(text: str) -> str:
    arabic, latin = letters(text)
    return "ar" if arabic > 3 * latin else "en" if latin > 3 * arabic else "mixed"


def _finding(
    knowledge: Knowledge,
    index: _Index,
    passages: tuple[str, ...],
    headings: list[tuple[int, ...]],
) -> Finding:
    negative = {p for cue in knowledge.negative for p, _positions in index.find(cue)}
    voided = {p for p in range(len(passages)) if p in negative or negative & set(headings[p])}
    marked: dict[int, set[int]] = {}  # passage -> positions of the words that matched
    elements_at: dict[int, set[str]] = {}  # passage -> keys of the elements it states
    topic_from: dict[int, dict[int, set[int]]] = {}  # passage -> heading -> topic words there
    found: list[str] = []
    for element in knowledge.elements:
        topics: dict[int, list[int]] = {}
        for cue in element.topic:
            for p, positions in index.find(cue):
                topics.setdefault(p, []).extend(positions)
        stated = False
        for cue in element.cues:
            for p, positions in index.find(cue):
                if p in voided:
                    continue
                if element.topic:
                    if p in topics:
                        marked.setdefault(p, set()).update(topics[p])
                    else:
                        lending = [h for h in headings[p] if h in topics]
                        if not lending:
                            continue
                        for h in lending:
                            topic_from.setdefault(p, {}).setdefault(h, set()).update(topics[h])
                marked.setdefault(p, set()).update(positions)
                elements_at.setdefault(p, set()).add(element.key)
                stated = True
        if stated:
            found.append(element.key)
    lacking = tuple(e.key for e in knowledge.elements if e.key not in found)
    status = Status.MISSING if not found else Status.PARTIAL if lacking else Status.COVERED
    return Finding(
        knowledge.requirement,
        status,
        _evidence(index, passages, marked, elements_at, topic_from),
        lacking,
    )


def _evidence(
    index: _Index,
    passages: tuple[str, ...],
    marked: dict[int, set[int]],
    elements_at: dict[int, set[str]],
    topic_from: dict[int, dict[int, set[int]]],
) -> tuple[Evidence, ...]:
    """The passages that state the most elements first, until every element stated is cited."""
    ranked = sorted(elements_at, key=lambda p: (-len(elements_at[p]), p))
    chosen: list[int] = []
    shown: set[str] = set()
    for p in ranked:
        if not elements_at[p] <= shown or len(chosen) < MAX_EVIDENCE:
            chosen.append(p)
            shown |= elements_at[p]
        if len(chosen) >= MAX_EVIDENCE and shown == set().union(*elements_at.values()):
            break
    words: dict[int, set[int]] = {p: set(marked[p]) for p in chosen}
    for p in chosen:
        for h, positions in topic_from.get(p, {}).items():
            words.setdefault(h, set()).update(positions)
    return tuple(Evidence(p, index.words(passages, p, words[p])) for p in sorted(words))


def analyse(document: Document) -> Report:
    """For every requirement id, covered, partial or missing, with its evidence and what it lacks."""
    passages = tuple(block.text for block in document.blocks)
    index = _Index(passages)
    headings = _headings(document)
    findings = {k.requirement: _finding(k, index, passages, headings) for k in KNOWLEDGE}
    return Report(_language(document.text), passages, findings)
