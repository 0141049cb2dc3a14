"""The policy as a Word document to edit, right-to-left where Arabic."""

import copy
import functools
import io
import re
from dataclasses import replace

import docx
from django.utils import translation
from django.utils.translation import gettext as _
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_DIRECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from docx.shared import Mm, RGBColor
from docx.text.font import Font

from siyasa.policy.exports.document import (
    ARABIC_FONT,
    LATIN_FONT,
    Cell,
    ExportDocument,
    ExportSection,
    Line,
    Part,
    Span,
    Table,
    export_document,
    line,
)
from siyasa.policy.selectors import PolicyPage, RenderedBlock

# The schema fixes the order of children; each tuple lists what must come after the element.
_AFTER_PPR_BIDI = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_AFTER_SECT_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
_AFTER_TBL_HEADER = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del", "w:trPrChange")

_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
# A stretch of Latin inside Arabic (and the reverse): from its first to its last letter.
_LATIN_RUN = re.compile(rf"[@#+]?[A-Za-z](?:[^{_ARABIC}\n]*[A-Za-z0-9])?")
_ARABIC_RUN = re.compile(rf"[{_ARABIC}](?:[^A-Za-z\n]*[{_ARABIC}])?")
# Markdown subset of the policy texts.
_BULLET = re.compile(r"^\s*[-*+]\s+")
_NUMBERED = re.compile(r"^\s*\d+[.)]\s+")
_QUOTE = re.compile(r"^\s*>\s?")
_INLINE = re.compile(r"(\*\*.+?\*\*|\*[^*\s][^*]*\*)")
_LRM = "\u200e"


def _weak_ends(text: str) -> bool:
    """True unless the text starts with a Latin letter and ends with one or a digit.

    Such text ("+966 50 …", "@handle") takes its order from the Arabic around it, so the Word
    export brackets it with invisible left-to-right marks; e-mails need none and are left clean
    for copying.
    """
    first, last = text[:1], text[-1:]
    return not (first.isascii() and first.isalpha() and last.isascii() and last.isalnum())


def _segments(text: str, lang: str) -> list[tuple[str, bool]]:
    """Split text into (piece, right_to_left) runs.

    Word reads `w:rtl` as "treat spaces and punctuation in this run as right-to-left", so a
    Latin phrase inside an rtl run would show its words in reverse: only Arabic gets the flag.
    """
    pattern, inside_rtl = (_LATIN_RUN, False) if lang == "ar" else (_ARABIC_RUN, True)
    pieces, start = [], 0
    for match in pattern.finditer(text):
        if match.start() > start:
            pieces.append((text[start : match.start()], not inside_rtl))
        pieces.append((match.group(), inside_rtl))
        start = match.end()
    if start < len(text):
        pieces.append((text[start:], not inside_rtl))
    return pieces


def _starts_item(raw: str) -> tuple[str, str] | None:
    """(style, text) when a Markdown line starts a list item or a quote."""
    for pattern, style in ((_BULLET, "List Bullet"), (_NUMBERED, "List Number"), (_QUOTE, "Quote")):
        if pattern.match(raw):
            return style, pattern.sub("", raw, count=1).strip()
    return None


def prose_paragraphs(text: str) -> list[tuple[str, str]]:
    """(style, text) pairs from the policy's Markdown: paragraphs, bullets, numbered items."""
    out: list[list[str]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        current: list[str] | None = None
        for raw in chunk.splitlines():
            item = _starts_item(raw)
            if item or current is None:
                current = list(item or ("Normal", raw.strip()))
                out.append(current)
            else:
                current[1] = f"{current[1]} {raw.strip()}"
    return [(style, body) for style, body in out if body]


def _inline(text: str) -> list[Span]:
    spans = []
    for piece in _INLINE.split(text):
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            spans.append(Span(piece[2:-2], bold=True))
        elif _INLINE.fullmatch(piece):
            spans.append(Span(piece[1:-1], italic=True))
        elif piece:
            spans.append(Span(piece))
    return spans


def _ensure(parent, tag: str, successors: tuple[str, ...]):
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        # python-docx's insert_element_before qualifies every successor's name on every call.
        names = _qualified(successors)
        following = next((child for child in parent if child.tag in names), None)
        if following is None:
            parent.append(found)
        else:
            following.addprevious(found)
    return found


@functools.cache
def _qualified(tags: tuple[str, ...]) -> frozenset[str]:
    return frozenset(qn(tag) for tag in tags)


def _field(instruction: str):
    """A page-number field; the "1" inside is what readers that do not update fields show."""
    field_, run, text = OxmlElement("w:fldSimple"), OxmlElement("w:r"), OxmlElement("w:t")
    field_.set(qn("w:instr"), instruction)
    text.text = "1"
    run.append(text)
    field_.append(run)
    return field_


_SPECIAL = re.compile(r"[\t\n\r]")


def _styled_run(bold: bool, italic: bool, muted: bool, rtl: bool) -> CT_R:
    """An empty `w:r` with the properties python-docx would give a run of this look."""
    run: CT_R = OxmlElement("w:r")  # type: ignore[assignment]  # the w:r element class
    font = Font(run)
    if bold:
        font.bold = font.cs_bold = True
    if italic:
        font.italic = font.cs_italic = True
    if muted:
        font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    if rtl:
        font.rtl = True
    run.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), ARABIC_FONT)
    return run


class _Word:
    """A python-docx document written in one language, right-to-left for Arabic."""

    def __init__(self, lang: str):
        self.lang = lang
        self.document = docx.Document()
        self._runs: dict[tuple, CT_R] = {}
        self._style_ids: dict[str, str | None] = {}
        self._setup_page()
        self._setup_fonts()

    def _setup_page(self) -> None:
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin"):
            setattr(section, side, Mm(20))
        if self.lang == "ar":
            _ensure(section._sectPr, "w:bidi", _AFTER_SECT_BIDI)

    def _setup_fonts(self) -> None:
        """Explicit fonts instead of the template's theme fonts, which would win over them."""
        styles = self.document.styles.element
        for fonts in styles.iter(qn("w:rFonts")):
            for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
                fonts.attrib.pop(qn(attr), None)
            fonts.set(qn("w:ascii"), LATIN_FONT)
            fonts.set(qn("w:hAnsi"), LATIN_FONT)
            fonts.set(qn("w:cs"), ARABIC_FONT)
        for lang in styles.iter(qn("w:lang")):
            lang.set(qn("w:val"), "en-GB")
            lang.set(qn("w:bidi"), "ar-SA")
        for style in self.document.styles:
            rpr = style.element.rPr
            if rpr is not None and rpr.b is not None:
                style.font.cs_bold = True

    # paragraphs and runs

    def paragraph(
        self, content: "Line | str | None" = None, style: str | None = None, *, lang: str = ""
    ):
        paragraph = self.document.add_paragraph()
        if style:
            # python-docx looks a style up by name through every style of the document each time.
            if style not in self._style_ids:  # None for the default style, as python-docx has it
                self._style_ids[style] = self.document.part.get_style_id(
                    style, WD_STYLE_TYPE.PARAGRAPH
                )
            paragraph._p.style = self._style_ids[style]
        return self.fill(paragraph, content, lang=lang)

    def fill(self, paragraph, content: "Line | str | None", *, lang: str = ""):
        lang = lang or self.lang
        if lang == "ar":
            _ensure(paragraph._p.get_or_add_pPr(), "w:bidi", _AFTER_PPR_BIDI)
        content = line(content) if isinstance(content, str) else content
        for span in content.spans if content else ():
            self.run(paragraph, span, lang)
        return paragraph

    def run(self, paragraph, span: Span, lang: str) -> None:
        pieces = [(span.text, False)] if span.ltr else _segments(span.text, lang)
        for text, rtl in pieces:
            if lang == "ar" and not rtl and _weak_ends(text):
                # Without strong characters at both ends, "+966 50 …" or "@handle" flip in Arabic.
                text = f"{_LRM}{text}{_LRM}"
            self._add_run(paragraph, text, span, rtl=rtl)

    def _add_run(self, paragraph, text: str, span: Span, *, rtl: bool) -> None:
        # A copy of a run made once per look: setting each property through python-docx finds
        # its place among the run's children every time, five times the cost of the text itself.
        look = (span.bold, span.italic, span.muted, rtl)
        if look not in self._runs:
            self._runs[look] = _styled_run(*look)
        run = copy.deepcopy(self._runs[look])
        if _SPECIAL.search(text):
            run.text = text  # tabs and line breaks become their own elements
        else:
            text_element = OxmlElement("w:t")
            text_element.text = text
            if text != text.strip():
                text_element.set(qn("xml:space"), "preserve")
            run.append(text_element)
        paragraph._p.append(run)

    # structure

    def cover(self, doc: ExportDocument) -> None:
        self.paragraph(doc.org_name, "Title")
        self.paragraph(doc.title, "Subtitle")
        self.paragraph(line(Span(doc.version_label, bold=True)))
        self.paragraph(doc.date_label)
        self.paragraph(line(Span(doc.printed_note, muted=True)))

    def footer(self, doc: ExportDocument) -> None:
        paragraph = self.fill(self.document.sections[0].footer.paragraphs[0], f"{doc.footer} · ")
        label = _("Page %(page)s of %(pages)s") % {"page": "\0PAGE\0", "pages": "\0NUMPAGES\0"}
        for piece in filter(None, label.split("\0")):
            if piece in ("PAGE", "NUMPAGES"):
                paragraph._p.append(_field(piece))
            else:
                self.run(paragraph, Span(piece), self.lang)

    def section(self, section: ExportSection) -> None:
        heading = self.paragraph(section.heading, "Heading 1")
        heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            if block.title:
                self.paragraph(block.title, "Heading 2")
            self.prose(block.rendered)
            for part in block.parts:
                self.part(part)
        for part in section.parts:
            self.part(part)

    def prose(self, rendered: RenderedBlock) -> None:
        if rendered.text.is_fallback:
            note = _(
                "This part has not been written in your language yet; it is shown in the other "
                "language."
            )
            self.paragraph(line(Span(note, muted=True)))
        for style, text in prose_paragraphs(rendered.text.text):
            self.paragraph(Line(tuple(_inline(text))), style, lang=rendered.text.lang)

    def part(self, part: Part) -> None:
        if part.title:
            self.paragraph(part.title, "Heading 2")
        if part.note:
            self.paragraph(Line(tuple(replace(s, bold=True) for s in part.note.spans)))
        if part.lead:
            self.paragraph(part.lead)
        for quote in part.quotes:
            self.paragraph(quote.text, "Quote", lang=quote.lang)
        if part.table:
            self.table(part.table)
        for item in part.items:
            self.paragraph(item, "List Bullet")
        if part.empty and not part.items and not part.table:
            self.paragraph(line(Span(part.empty, bold=True)))

    def table(self, table: Table) -> None:
        grid = self.document.add_table(rows=1 + max(len(table.rows), 1), cols=len(table.headers))
        grid.style = "Table Grid"
        if self.lang == "ar":
            grid.table_direction = WD_TABLE_DIRECTION.RTL
        _ensure(grid.rows[0]._tr.get_or_add_trPr(), "w:tblHeader", _AFTER_TBL_HEADER)
        for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
            self.fill(cell.paragraphs[0], line(Span(header, bold=True)))
        if table.rows:
            self._body(grid, table.rows)
        else:
            merged = grid.cell(1, 0).merge(grid.cell(1, len(table.headers) - 1))
            self.fill(merged.paragraphs[0], table.empty)
        self.paragraph()  # Word glues consecutive tables together otherwise.

    def _body(self, grid, rows: list[list[Cell]]) -> None:
        # python-docx's Table.cell() rebuilds the list of every cell on each call, which made a
        # 300-account table take a minute; read that list once (merges below keep it valid).
        cells, width = grid._cells, len(grid.columns)
        taken: set[tuple[int, int]] = set()
        for r, row in enumerate(rows, start=1):
            column = 0
            for cell in row:
                while (r, column) in taken:
                    column += 1
                target = cells[r * width + column]
                if cell.rowspan > 1:
                    target = target.merge(cells[(r + cell.rowspan - 1) * width + column])
                    taken.update((r + i, column) for i in range(1, cell.rowspan))
                self._cell(target, cell)
                column += 1

    def _cell(self, target, cell: Cell) -> None:
        for i, cell_line in enumerate(cell.lines):
            paragraph = target.paragraphs[0] if i == 0 else target.add_paragraph()
            spans = cell_line.spans
            if cell.header:
                spans = tuple(replace(s, bold=True) for s in spans)
            self.fill(paragraph, Line(spans))

    def save(self, doc: ExportDocument) -> bytes:
        props = self.document.core_properties
        props.title = f"{doc.org_name} — {doc.title}"
        props.subject = doc.title
        props.author = doc.org_name
        props.comments = ""
        props.language = self.lang
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def render_docx(page: PolicyPage, *, lang: str) -> bytes:
    with translation.override(lang):
        document = export_document(page, lang)
        word = _Word(lang)
        word.cover(document)
        word.footer(document)
        for section in document.sections:
            word.section(section)
        return word.save(document)
