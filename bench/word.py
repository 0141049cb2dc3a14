"""The Word export against plain python-docx writing the same content.

For the demo organisation and `bench-large` (see `orgs.py`), in Arabic and English, it times
`render_docx(page, lang=…)` and a plain python-docx writer of the same document
(`export_document(page, lang)`: every heading, paragraph, list item and table cell as
`add_paragraph(text, style)` and `cell.text`, without the right-to-left runs, fonts, bold spans
and merged cells of the real export), each the median of `--runs` after one warm-up, and prints
the ratio. Building the page is not timed.

    SECRET_KEY=x .venv/bin/python bench/word.py [--runs 3]

To measure the code of another commit, run this script with PYTHONPATH pointing to its `src`
(e.g. `git archive REV src | tar -x -C /tmp/before`).
"""

import argparse
import io
import statistics
import sys
import time

import orgs
from report import print_table


def plain_docx(document) -> bytes:
    import docx

    word = docx.Document()

    def text(line) -> str:
        return "".join(span.text for span in line.spans) if line else ""

    for value in (document.org_name, document.title, document.version_label, document.date_label):
        word.add_paragraph(value)
    for section in document.sections:
        word.add_paragraph(section.heading, "Heading 1")
        parts = list(section.parts)
        for block in section.blocks:
            if block.title:
                word.add_paragraph(block.title, "Heading 2")
            for paragraph in block.rendered.text.text.split("\n\n"):
                word.add_paragraph(paragraph)
            parts += block.parts
        for part in parts:
            for value in (part.title, text(part.note), part.lead):
                if value:
                    word.add_paragraph(value)
            for quote in part.quotes:
                word.add_paragraph(quote.text, "Quote")
            if part.table:
                table = part.table
                grid = word.add_table(rows=1 + len(table.rows), cols=len(table.headers))
                cells, width = grid._cells, len(table.headers)
                for column, header in enumerate(table.headers):
                    cells[column].text = header
                for r, row in enumerate(table.rows, start=1):
                    for column, cell in enumerate(row[:width]):
                        cells[r * width + column].text = "\n".join(text(x) for x in cell.lines)
            for item in part.items:
                word.add_paragraph(text(item), "List Bullet")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def median_ms(function, runs: int) -> float:
    function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    orgs.add_seed_argument(parser)
    args = parser.parse_args()
    with orgs.organisations(args.seed) as built:
        from django.utils import translation

        from siyasa.policy import selectors
        from siyasa.policy.exports import render_docx
        from siyasa.policy.exports.document import export_document
        from siyasa.policy.rules import Rules

        rows = []
        for org in built:
            page = selectors.policy_page(org, Rules.from_version(selectors.version_in_force(org)))
            for lang in ("ar", "en"):
                with translation.override(lang):
                    document = export_document(page, lang)
                ours = median_ms(lambda: render_docx(page, lang=lang), args.runs)  # noqa: B023
                plain = median_ms(lambda: plain_docx(document), args.runs)  # noqa: B023
                rows.append((org.slug, lang, f"{ours:.0f}", f"{plain:.0f}", f"×{ours / plain:.1f}"))
        print(f"Word export, median of {args.runs} after a warm-up")
        print_table(("organisation", "lang", "render_docx ms", "plain ms", "ratio"), rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
