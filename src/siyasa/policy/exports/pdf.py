"""The policy as a PDF to print, laid out by WeasyPrint (Pango shapes the Arabic)."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from siyasa.policy.exports.document import FONT_FILES, ExportUnavailable, export_document
from siyasa.policy.selectors import PolicyPage


def _css_string(text: str) -> str:
    """A CSS string literal; ASCII punctuation is escaped so no text can end the style element."""
    escaped = "".join(
        ch if ch.isalnum() or ch == " " or ord(ch) > 127 else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


def _page_counter_css() -> str:
    """`Page X of Y` as CSS content, the numbers being WeasyPrint's page counters."""
    label = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    pieces = label.split("\0")
    return " ".join(
        f"counter({piece})" if piece in ("page", "pages") else _css_string(piece)
        for piece in pieces
        if piece
    )


def _font_faces() -> list[dict]:
    faces = []
    for family, weight, filename in FONT_FILES:
        path = finders.find(f"siyasa/fonts/{filename}")
        if not path:
            raise ExportUnavailable(f"The font {filename} is missing from the static files.")
        faces.append({"family": family, "weight": weight, "uri": Path(path).as_uri()})
    return faces


def _weasyprint():
    try:
        import weasyprint  # noqa: PLC0415 - heavy, and fails without Pango: load on demand
    except (OSError, ImportError) as error:
        raise ExportUnavailable(str(error)) from error
    return weasyprint


def _fetcher(weasyprint, allowed: set[str]):
    """Fetches the shipped fonts only: rendering never reads other files or the network."""

    class FontsOnly(weasyprint.urls.URLFetcher):
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"Not fetched in exports: {url}")
            return super().fetch(url, headers)

    return FontsOnly()


def render_pdf(page: PolicyPage, *, lang: str, base_url: str) -> bytes:
    with translation.override(lang):
        document = export_document(page, lang)
        context = {
            "doc": document,
            "footer_css": mark_safe(_css_string(document.footer)),  # noqa: S308 - escaped
            "page_css": mark_safe(_page_counter_css()),  # noqa: S308 - escaped
            "start": "right" if lang == "ar" else "left",
            "end": "left" if lang == "ar" else "right",
        }
    return html_pdf("policy/export_pdf.html", context, lang=lang, base_url=base_url)


def html_pdf(template: str, context: dict, *, lang: str, base_url: str) -> bytes:
    """Any page laid out as a PDF with the shipped fonts (`fonts` in the template's context),
    fetching nothing else: the policy, a training certificate."""
    weasyprint = _weasyprint()
    fonts = _font_faces()
    with translation.override(lang):
        html = render_to_string(template, {**context, "fonts": fonts})
    fetcher = _fetcher(weasyprint, {face["uri"] for face in fonts})
    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
