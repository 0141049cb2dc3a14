"""The post check's quality and speed: precision and recall per kind on the labelled set
(bench/postcheck_posts.py), posts per second in the work `siyasa check-post --jsonl` does per
line, time per 100-token request (p50/p95/max), and adversarial drafts at the maximum length.

Run: SECRET_KEY=t PYTHONPATH=src python bench/postcheck.py   (one process, one core; no database,
no network: the check is a pure function of the draft and the organisation's context)."""

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402

from siyasa.postcheck.analyser import MAX_LENGTH, Checker, ConsentEntry, Context  # noqa: E402
from siyasa.postcheck.arabic import normalised  # noqa: E402
from siyasa.postcheck.kinds import Kind  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from postcheck_posts import POSTS  # noqa: E402

X, INSTAGRAM = 1, 2
CONTEXT = Context(
    own_phones=frozenset({"+966112345678", "+966920012345"}),
    own_emails=frozenset({"volunteer@athar.org.sa", "media@athar.org.sa"}),
    own_domains=frozenset({"athar.org.sa"}),
    consents=(
        ConsentEntry("أم خالد", "valid", frozenset({"photo", "name", "story"}), True, frozenset()),
        ConsentEntry("أم فهد", "withdrawn", frozenset({"photo", "name"}), True, frozenset()),
        ConsentEntry("Umm Fahad", "withdrawn", frozenset({"name", "story"}), True, frozenset()),
        ConsentEntry("ريان", "expired", frozenset({"photo", "name"}), True, frozenset()),
        ConsentEntry(
            "أبو ماجد", "valid", frozenset({"name", "story"}), False, frozenset({INSTAGRAM})
        ),
    ),
    confidential_terms=("مشروع الواحة", "Project Oasis"),
    hashtags=frozenset({normalised("جمعية_أثر")}),
    required_hashtags=("#جمعية_أثر",),
    handles=frozenset({"athar_org"}),
    sees_consents=True,
)
ACCOUNTS = {"x": X, "instagram": INSTAGRAM}
CHECKSUM = {Kind.NATIONAL_ID, Kind.IBAN, Kind.CARD_NUMBER}


def quality(checker: Checker) -> bool:
    tp: dict[Kind, int] = dict.fromkeys(Kind, 0)
    fp, fn = dict(tp), dict(tp)
    misses = []
    for text, labels, account in POSTS:
        expected = {Kind(k) for k in labels}
        found = checker.check(text, ACCOUNTS.get(account or "")).kinds()
        for kind in Kind:
            if kind in expected and kind in found:
                tp[kind] += 1
            elif kind in found:
                fp[kind] += 1
                misses.append(f"  false {kind}: {text}")
            elif kind in expected:
                fn[kind] += 1
                misses.append(f"  missed {kind}: {text}")
    print(f"{len(POSTS)} labelled posts ({sum(1 for p in POSTS if not p[1])} with nothing to find)")
    print(f"{'kind':<20}{'posts':>6}{'precision':>11}{'recall':>8}  target")
    ok = True
    for kind in Kind:
        positives = tp[kind] + fn[kind]
        precision = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        recall = tp[kind] / positives if positives else 1.0
        target = (0.98, 0.95) if kind in CHECKSUM else (0.85, 0.85)
        met = precision >= target[0] and recall >= target[1]
        ok = ok and met
        print(
            f"{kind:<20}{positives:>6}{precision:>11.2f}{recall:>8.2f}  "
            f"P≥{target[0]} R≥{target[1]} {'ok' if met else 'NOT MET'}"
        )
    if misses:
        print("Disagreements with the labels:")
        print("\n".join(misses))
    return ok


def throughput(checker: Checker) -> None:
    """What `check-post --jsonl` does for each line: parse, check, write one JSON line."""
    lines = [
        json.dumps({"id": n, "text": text, "account": account})
        for n, (text, _labels, account) in enumerate(POSTS)
    ]
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for line in lines:
            item = json.loads(line)
            result = checker.check(item["text"], ACCOUNTS.get(item["account"] or ""))
            json.dumps(
                {
                    "id": item["id"],
                    "verdict": str(result.verdict),
                    "findings": [f.as_dict() for f in result.findings],
                },
                ensure_ascii=False,
            )
    elapsed = time.perf_counter() - start
    print(f"--jsonl work: {rounds * len(lines) / elapsed:,.0f} posts per second (one core)")


def latency(checker: Checker) -> None:
    """Drafts of 100 tokens made from the labelled posts; the processor time of each request
    (what the check costs) and the wall-clock time (what a shared, loaded machine adds)."""
    rng = random.Random(14)
    words = [w for text, _l, _a in POSTS for w in text.split()]
    cpu, wall = [], []
    for _ in range(2000):
        draft = " ".join(rng.choice(words) for _ in range(100))
        start, start_cpu = time.perf_counter(), time.process_time()
        checker.check(draft)
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    for name, times in (("processor", cpu), ("wall-clock", wall)):
        times.sort()
        p95 = times[int(len(times) * 0.95)]
        print(
            f"100-token request, {name} time: p50 {statistics.median(times):.2f} ms, "
            f"p95 {p95:.2f} ms, max {times[-1]:.2f} ms"
        )


def adversarial(checker: Checker) -> None:
    n = MAX_LENGTH
    drafts = {
        "digits": "1" * n,
        "digits with separators": ("1 " * n)[:n],
        "digit groups": ("0501 " * n)[:n],
        "at signs": "@" * n,
        "e-mail fragments": ("a@b." * n)[:n],
        "IBAN-like": ("SA12 " * n)[:n],
        "one long hashtag": "#" + "ا" * (n - 1),
        "hashtags": ("#جمعيه_اثر " * n)[:n],
        "lower-case hashtags": ("#savethechildren " * n)[:n],
        "distinct Latin hashtags": " ".join(
            "#" + "".join(chr(97 + (i * k) % 26) for k in range(60)) for i in range(80)
        ),
        "announced images": ("see the photo in the picture 📷 " * n)[:n],
        "diacritics": ("ـَُِّ" * n)[:n],
        "lexicon words": ("يا غبي أم خالد يتيم مريض " * n)[:n],
        "kunya chain": ("أم " * n)[:n],
        "plus signs": ("+9" * n)[:n],
    }
    print(f"adversarial drafts of {n} characters:")
    for name, draft in drafts.items():
        start = time.process_time()
        result = checker.check(draft)
        ms = (time.process_time() - start) * 1000
        print(f"  {name:<24}{ms:>9.1f} ms processor time ({len(result.findings)} findings)")


if __name__ == "__main__":
    translation.activate("en")
    checker = Checker(CONTEXT)
    met = quality(checker)
    throughput(checker)
    latency(checker)
    adversarial(checker)
    sys.exit(0 if met else 1)
