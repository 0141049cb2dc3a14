"""The report of an analysis as a PDF, laid out by WeasyPrint like the policy's own (Arabic shaped
by Pango, right to left)."""

from siyasa.policy.exports.pdf import html_pdf


def render(context: dict, *, lang: str, base_url: str) -> bytes:
    return html_pdf(
        "intake/report_pdf.html", {**context, "lang": lang}, lang=lang, base_url=base_url
    )
