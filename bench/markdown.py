"""Benchmark of the policy's Markdown renderer on adversarial input at the field's maximum length.

One editor may type anything into a section text (at most `policy.forms.MAX_TEXT` characters)
or a playbook (6,000), and every reader of the policy page or the crisis room then waits for
`siyasa.core.rendering.render_prose`. This script renders, at that length and at half of it,
ordinary prose (the policy's own default texts, repeated) and inputs built to make a Markdown
parser backtrack: runs of `[`, `*`, `_`, `<`, backticks, nested lists and quotes, and mixtures.

It prints, per input, the median time at half and at full length, the growth between the two
(about ×2 for a renderer linear in its input, ×4 for a quadratic one) and the time at full
length as a multiple of ordinary prose of the same length measured in the same run; then the
worst of each.

Run from the project root (no database is needed):

    .venv/bin/python bench/markdown.py [--runs 3] [--length 20000]
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

from report import print_table

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))

MAX_LENGTH = 20000  # policy.forms.MAX_TEXT, the longest prose field that is rendered


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _ordinary(n: int) -> str:
    from siyasa.policy.defaults import DEFAULT_TEXTS

    prose = "\n\n".join(text for pair in DEFAULT_TEXTS.values() for text in pair)
    return (prose * (n // len(prose) + 1))[:n]


def _indented_list(n: int) -> str:
    lines, size, depth = [], 0, 0
    while size < n:
        line = "  " * depth + "- x\n"
        lines.append(line)
        size += len(line)
        depth += 1
    return "".join(lines)[:n]


CASES: dict[str, Callable[[int], str]] = {
    "[ run": _repeat("["),
    "* run": _repeat("*"),
    "_ run": _repeat("_"),
    "< run": _repeat("<"),
    "` run": _repeat("`"),
    "![ run": _repeat("!["),
    "[a]( run": _repeat("[a]("),
    "*a run": _repeat("*a "),
    "**a_ run": _repeat("**a_"),
    '<a a=" run': _repeat('<a a="'),
    "- - - - list": _repeat("- "),
    "> > > > quote": _repeat("> "),
    "indented list": _indented_list,
    "> - > - mixed": _repeat("> - "),
    "[*_<` mixed": _repeat("[*_<`"),
    "mixed lines": _repeat("[x *y _z <w `v\n"),
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time the policy's Markdown renderer on adversarial input against ordinary "
        "prose of the same length."
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="measured renders per input (default 3)"
    )
    parser.add_argument(
        "--length",
        type=int,
        default=MAX_LENGTH,
        help=f"characters per input (default {MAX_LENGTH}, the policy text's maximum)",
    )
    args = parser.parse_args()
    if args.runs < 1 or args.length < 100:
        parser.error("--runs must be at least 1 and --length at least 100")
    return args


def median_ms(render, text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render(text)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    args = parse_args()
    # The renderer itself: render_prose keeps what it rendered, and each input is timed thrice.
    from siyasa.core.rendering import to_html as render_prose

    render_prose("warm up *the* parser")
    n, half = args.length, args.length // 2
    ordinary_ms = median_ms(render_prose, _ordinary(n), args.runs)
    ordinary_half_ms = median_ms(render_prose, _ordinary(half), args.runs)
    print(
        f"Markdown renderer, median of {args.runs} renders per input; ordinary prose of "
        f"{n} characters: {ordinary_ms:.1f} ms"
    )
    rows, worst = [], ("", 0.0, 0.0, 0.0)
    for name, build in [("ordinary prose", _ordinary), *CASES.items()]:
        at_half = (
            ordinary_half_ms
            if build is _ordinary
            else median_ms(render_prose, build(half), args.runs)
        )
        at_full = (
            ordinary_ms if build is _ordinary else median_ms(render_prose, build(n), args.runs)
        )
        growth = at_full / max(at_half, 0.001)
        ratio = at_full / ordinary_ms
        rows.append((name, f"{at_half:.1f}", f"{at_full:.1f}", f"×{growth:.1f}", f"×{ratio:.1f}"))
        if at_full > worst[1]:
            worst = (name, at_full, growth, ratio)
    print_table(("input", f"ms at {half}", f"ms at {n}", "growth", "vs ordinary"), rows)
    print(
        f"worst: {worst[0]} — {worst[1]:.1f} ms at {n} characters, ×{worst[3]:.1f} ordinary "
        f"prose, growth ×{worst[2]:.1f} from {half}"
    )


if __name__ == "__main__":
    main()
