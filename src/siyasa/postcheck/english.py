"""The English words run together in an all-lowercase Latin hashtag (R6.6), found by a dynamic
programme over the English word frequencies that `wordninja` ships (English Wikipedia
unigrams): linear in the hashtag's length, no network, the list read once per process."""

import gzip
import importlib.util
import math
from functools import cache, lru_cache
from pathlib import Path

from siyasa.postcheck import lexicon

# Only the most frequent words: further down the list are fragments ("thar", "zak") that would
# cut a transliteration such as #athar or #zakat into "words".
_WORDS = 60_000
# What a run of letters costs per letter as one word the list does not know. Below it a name or a
# transliteration stays whole (#athar, #kafala); above it real words win (#eidmubarak). Chosen
# on the labelled set (bench/postcheck_posts.py).
_UNKNOWN_PER_LETTER = 2.5
# Longer runs are not hashtags anyone reads; they are left alone, so the cost stays bounded.
_LONGEST_RUN = 60
_ONE_LETTER_WORDS = frozenset({"a", "i"})


@cache
def _costs() -> tuple[dict[str, float], int]:
    """Each word's cost by Zipf's law (the log of its rank), and the longest word's length."""
    # Importing wordninja builds its own, larger model; only its word list is read here.
    spec = importlib.util.find_spec("wordninja")
    assert spec is not None and spec.origin is not None
    path = Path(spec.origin).parent / "wordninja" / "wordninja_words.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as file:
        words = [w for w in file.read().split() if w.isascii() and w.isalpha()][:_WORDS]
    scale = math.log(len(words))
    costs = {
        word: math.log((rank + 1) * scale)
        for rank, word in enumerate(words)
        if len(word) > 1 or word in _ONE_LETTER_WORDS
    }
    for word in lexicon.LATIN_SINGLE_WORDS:
        costs.setdefault(word, 0.0)
    return costs, max(map(len, costs))


@lru_cache(maxsize=20_000)
def words(run: str) -> tuple[str, ...]:
    """`run` (lowercase ASCII letters) cut into the English words it most likely is, or `run`
    alone when it is one word, or a name the list does not know."""
    costs, longest = _costs()
    n = len(run)
    if n < 4 or n > _LONGEST_RUN:
        return (run,)
    best = [0.0] + [math.inf] * n
    cut = [0] * (n + 1)
    for end in range(1, n + 1):
        for start in range(max(0, end - longest), end):
            cost = costs.get(run[start:end])
            if cost is not None and best[start] + cost < best[end]:
                best[end], cut[end] = best[start] + cost, start
    if best[n] >= costs.get(run, _UNKNOWN_PER_LETTER * n):
        return (run,)
    pieces: list[str] = []
    end = n
    while end:
        pieces.append(run[cut[end] : end])
        end = cut[end]
    pieces.reverse()
    if pieces[0] in _ONE_LETTER_WORDS:
        return (run,)  # "athar" is a name, not "a thar"
    return tuple(pieces)
