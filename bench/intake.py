"""How well the policy analysis agrees with hand labels, and how fast it is.

Reads `bench/policies/labels.json` and the policies beside it (Markdown, as published; Siyasa's
own default texts are built from `siyasa.policy.defaults`), and prints, separately for the test
split and the dev split: precision, recall and F1 of "covered or partial" against "missing", per
requirement id and overall; the false-covered rate of the R2 and R3 ids (reported covered where the
label is missing); and the time per document, plus a synthetic 20-page document.

    SECRET_KEY=t PYTHONPATH=src python bench/intake.py [--ids] [--errors]
"""

import json
import re
import sys
import time
from pathlib import Path

import django

HERE = Path(__file__).resolve().parent
POLICIES = HERE / "policies"
TARGET_F1 = 0.8
TARGET_FALSE_COVERED = 0.05
TARGET_SECONDS = 1.0

HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)]|[\u0660-\u0669]+[.)])\s+(.*)$")


def blocks_from_markdown(text: str):
    """The headings, paragraphs and list items of a Markdown text (the comment lines dropped)."""
    from siyasa.intake.document import Block, BlockKind

    blocks, paragraph = [], []

    def flush():
        if paragraph:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(paragraph)))
            paragraph.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("<!--"):
            flush()
        elif heading := HEADING.match(stripped):
            flush()
            blocks.append(
                Block(BlockKind.HEADING, heading.group(2).strip("# "), len(heading.group(1)))
            )
        elif item := ITEM.match(line):
            flush()
            blocks.append(Block(BlockKind.ITEM, item.group(1).strip()))
        else:
            paragraph.append(stripped)
    flush()
    return tuple(blocks)


def default_policy(language: str):
    """Siyasa's default policy in one language, as its policy page lays it out: each block's title,
    then its text; the stance a new organisation starts with, and the ready disclaimer."""
    from django.utils import translation

    from siyasa.intake.document import Block, BlockKind, Document
    from siyasa.policy import defaults
    from siyasa.policy.catalogue import BLOCKS
    from siyasa.policy.services import INITIAL_STANCE

    side = 0 if language == "ar" else 1
    texts = dict(defaults.DEFAULT_TEXTS)
    texts["speaking.stance"] = defaults.STANCE_TEXTS[INITIAL_STANCE]
    blocks = []
    with translation.override(language):
        for key, block in BLOCKS.items():
            blocks.append(Block(BlockKind.HEADING, str(block.title), 2))
            blocks.extend(blocks_from_markdown(texts[key][side]))
    blocks.append(Block(BlockKind.PARAGRAPH, defaults.DEFAULT_DISCLAIMER[side]))
    return Document(tuple(blocks))


def load():
    """(name, split, labels, Document) for every labelled document."""
    from siyasa.intake.document import Document

    labels = json.loads((POLICIES / "labels.json").read_text(encoding="utf-8"))
    for name, entry in labels["documents"].items():
        if entry.get("generated"):
            document = default_policy(entry["language"])
        else:
            text = (POLICIES / name).read_text(encoding="utf-8")
            document = Document(blocks_from_markdown(text))
        yield name, entry["split"], entry["labels"], document


def score(rows):
    """rows: (id, label, predicted status). Precision, recall and F1 of 'stated' (covered or
    partial) against missing, and the counts they come from."""
    tp = sum(1 for _i, label, got in rows if label != "missing" and got != "missing")
    fp = sum(1 for _i, label, got in rows if label == "missing" and got != "missing")
    fn = sum(1 for _i, label, got in rows if label != "missing" and got == "missing")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, (tp, fp, fn)


def false_covered(rows):
    """Among R2 and R3 ids labelled missing: the share reported covered."""
    missing = [got for rid, label, got in rows if rid[:2] in ("R2", "R3") and label == "missing"]
    return (sum(1 for got in missing if got == "covered") / len(missing) if missing else 0.0), len(
        missing
    )


def evaluate(split, documents, show_ids=False, show_errors=False):
    from siyasa.intake.analyser import analyse
    from siyasa.intake.document import REQUIREMENTS

    rows, times, over = [], [], 0
    print(f"\n== {split} split: {len(documents)} documents")
    for name, labels, document in documents:
        start = time.perf_counter()
        report = analyse(document)
        times.append(time.perf_counter() - start)
        for rid in REQUIREMENTS:
            got = report.findings[rid].status.value
            rows.append((rid, labels[rid], got))
            if rid[:2] in ("R2", "R3") and labels[rid] == "partial" and got == "covered":
                over += 1
            if show_errors and (labels[rid] == "missing") != (got == "missing"):
                print(f"   {name:32} {rid:6} label={labels[rid]:8} got={got}")
    if show_ids:
        print("   id      P     R     F1   (tp fp fn)")
        for rid in REQUIREMENTS:
            p, r, f, counts = score([row for row in rows if row[0] == rid])
            print(f"   {rid:6} {p:5.2f} {r:5.2f} {f:5.2f}  {counts}")
    p, r, f, counts = score(rows)
    rate, n = false_covered(rows)
    exact = sum(1 for _i, label, got in rows if label == got) / len(rows)
    print(f"   overall: precision {p:.2f}  recall {r:.2f}  F1 {f:.2f}  (tp, fp, fn) = {counts}")
    print(f"   exact status (covered/partial/missing) agreement: {exact:.2f}")
    print(
        f"   R2/R3 false covered: {rate:.3f} of {n} labelled missing; "
        f"R2/R3 partial reported covered: {over}"
    )
    print(
        f"   time per document: mean {1000 * sum(times) / len(times):.1f} ms, "
        f"max {1000 * max(times):.1f} ms"
    )
    return f, rate


def twenty_pages():
    """A 20-page document (~10,000 words): the labelled texts repeated, headings and all."""
    from siyasa.intake.document import Document

    blocks = []
    for _name, _split, _labels, document in load():
        blocks.extend(document.blocks)
    words = sum(len(b.text.split()) for b in blocks)
    repeat = max(1, round(10_000 / words))
    return Document(tuple(blocks) * repeat, pages=20), words * repeat


def main(argv):
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "siyasa.settings")
    django.setup()
    from siyasa.intake.analyser import analyse

    by_split = {"test": [], "dev": []}
    for name, split, labels, document in load():
        by_split[split].append((name, labels, document))
    results = {
        s: evaluate(s, docs, "--ids" in argv, "--errors" in argv) for s, docs in by_split.items()
    }
    document, words = twenty_pages()
    start = time.perf_counter()
    analyse(document)  # the word caches are warm from the documents above, as in a server
    seconds = time.perf_counter() - start
    print(
        f"\n20-page synthetic document ({words} words, {len(document.blocks)} blocks): {seconds:.3f} s"
    )
    f1, rate = results["test"]
    ok = f1 >= TARGET_F1 and rate <= TARGET_FALSE_COVERED and seconds < TARGET_SECONDS
    print(
        f"targets on test (F1 >= {TARGET_F1}, R2/R3 false covered <= {TARGET_FALSE_COVERED}, "
        f"20 pages < {TARGET_SECONDS} s): {'met' if ok else 'NOT met'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
