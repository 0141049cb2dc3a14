"""A Word (.docx) file as blocks, read by python-docx after the zip has been checked: headings
from the paragraph's style (its chain of base styles, or an outline level), list items from
numbering or list styles, tables cell by cell. Right-to-left text is stored in reading order.

python-docx parses every part with lxml, `resolve_entities=False` and lxml's default of no
network access, so an entity or a DTD in the file is neither expanded nor fetched; it never
follows a relationship to an external target (a linked image or a hyperlink)."""

import io
import re
import zipfile

import docx
from django.utils.translation import gettext_lazy as _
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from siyasa.intake.document import Block, BlockKind, ExtractionError
from siyasa.intake.extract.blocks import block

# What a policy's .docx can need, with a wide margin: a long document with many images stays
# far below these. A zip bomb's entries unpack to hundreds or thousands of times their size.
MAX_ENTRIES = 2_000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # unpacked / packed, for any entry above 1 MB unpacked
_RATIO_FROM = 1024 * 1024

DAMAGED = _(
    "This Word file cannot be read; it may be damaged. Save it again in Word, or upload a PDF."
)
TOO_BIG = _(
    "This Word file unpacks to far more than a document needs, so Siyasa does not open it. "
    "Save it again in Word without embedded media, or upload a PDF."
)

# Style names that mean a heading, in English (built-in styles are stored in English whatever
# the language of Word) and in Arabic for styles people named themselves.
_HEADING_NAME = re.compile(r"^(?:heading|عنوان)\s*([1-9])$", re.IGNORECASE)
_TITLE_NAMES = {"title", "العنوان", "عنوان رئيسي"}
_LIST_NAME = re.compile(r"^(?:list|قائمة)", re.IGNORECASE)
_STYLE_DEPTH = 10  # base_style chains are short; the cap guards against a cycle in the file


def check_archive(data: bytes) -> None:
    """Refuse a zip that would unpack to too much, from its directory alone (nothing is unpacked).
    zipfile never returns more bytes than an entry's declared size, so these figures hold."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ExtractionError(DAMAGED) from None
    if len(entries) > MAX_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ExtractionError(TOO_BIG)
    for entry in entries:
        if entry.file_size > _RATIO_FROM and entry.file_size > MAX_RATIO * entry.compress_size:
            raise ExtractionError(TOO_BIG)


def read(data: bytes) -> tuple[Block, ...]:
    check_archive(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:  # any failure of an untrusted file inside the library means the same
        raise ExtractionError(DAMAGED) from None
    blocks: list[Block | None] = []
    _read_container(document.element.body, document._body, blocks)
    return tuple(b for b in blocks if b)


def _read_container(element, parent, blocks: list) -> None:
    """Paragraphs and tables in order, also inside content controls (w:sdt), where Word keeps
    a table of contents and many templates keep their text."""
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(_paragraph(Paragraph(child, parent)))
        elif child.tag == qn("w:tbl"):
            _read_table(Table(child, parent), blocks)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                _read_container(content, parent, blocks)


def _read_table(table: Table, blocks: list) -> None:
    # A merged cell is returned once per grid column it spans. The set holds the elements
    # themselves: lxml gives a live element the same object each time, never a reused id.
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc not in seen:
                seen.add(cell._tc)
                _read_container(cell._tc, cell, blocks)


def _paragraph(paragraph: Paragraph) -> Block | None:
    level = _heading_level(paragraph)
    if level:
        return block(BlockKind.HEADING, paragraph.text, level)
    kind = BlockKind.ITEM if _is_list_item(paragraph) else BlockKind.PARAGRAPH
    return block(kind, paragraph.text)


def _styles(paragraph: Paragraph):
    """The paragraph's style and the styles it is based on, nearest first."""
    try:
        style: ParagraphStyle | None = paragraph.style
    except (KeyError, ValueError):  # a style id the styles part does not define
        return
    for _depth in range(_STYLE_DEPTH):
        if style is None:
            return
        yield style
        style = style.base_style


def _outline_level(element) -> int | None:
    """The w:outlineLvl (0–8 a heading level, 9 body text) set on a paragraph or a style."""
    properties = element.find(qn("w:pPr"))
    outline = properties.find(qn("w:outlineLvl")) if properties is not None else None
    if outline is None:
        return None
    try:
        return int(outline.get(qn("w:val"), ""))
    except ValueError:
        return None


def _heading_level(paragraph: Paragraph) -> int:
    own = _outline_level(paragraph._p)
    if own is not None:
        return min(6, own + 1) if own < 9 else 0
    for style in _styles(paragraph):
        name = (style.name or "").strip()
        if match := _HEADING_NAME.match(name):
            return min(6, int(match.group(1)))
        if name.casefold() in _TITLE_NAMES:
            return 1
        outline = _outline_level(style.element)
        if outline is not None:
            return min(6, outline + 1) if outline < 9 else 0
    return 0


def _is_list_item(paragraph: Paragraph) -> bool:
    own = _numbering(paragraph._p)
    if own is not None:
        return own
    return any(
        _LIST_NAME.match(style.name or "") or _numbering(style.element)
        for style in _styles(paragraph)
    )


def _numbering(element) -> bool | None:
    """Whether a paragraph or a style is numbered (a list), or None when it does not say. Only a
    w:numId counts (a style may carry just an indent level); numId 0 takes a paragraph out of
    its style's list."""
    number = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}")
    return None if number is None else number.get(qn("w:val")) != "0"
