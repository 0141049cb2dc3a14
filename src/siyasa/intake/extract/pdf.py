"""A PDF as blocks, read by pypdf from where each run of text sits on the page: lines of one
paragraph joined, a wider gap or a change of size starting the next, larger text read as a
heading, a line beside a bullet as a list item, the cells of a table row (a gap far wider than
a space) read apart, and the running header or footer that every page repeats left out. Arabic
shaped into presentation forms is folded back to letters."""

import io
import math
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import DependencyError
from pypdf.generic import ContentStream, NameObject

try:  # pypdf's font widths are not public API: without them a table's cells are read together
    from pypdf.generic._font import Font
except ImportError:  # a pypdf that moved it
    Font = None  # type: ignore[assignment,misc]

from siyasa.intake.document import Block, BlockKind, Document, ExtractionError
from siyasa.intake.extract.blocks import block, squash

MAX_PAGES = 300
# Far more than any policy holds (a 20-page policy is about 60,000 characters): past this, the
# file is not a policy, and reading on would only spend time.
MAX_CHARACTERS = 3_000_000

DAMAGED = _("This PDF cannot be read; it may be damaged. Export it again, or upload the Word file.")
PROTECTED = _(
    "This PDF is protected by a password, so its text cannot be read. Upload a copy without "
    "the password, or the Word file."
)
SCANNED = _(
    "This PDF has no text Siyasa can read: it looks like a scan or a picture of the pages. "
    "Upload the Word file, or a PDF saved from it with its text."
)
TOO_LONG = _(
    "This PDF has more than %(limit)d pages; a policy is much shorter. Upload the policy alone."
)
TOO_MUCH_TEXT = _("This PDF holds far more text than a policy. Upload the policy alone.")

_BULLETS = set("•◦▪▫■□●○‣⁃–-*·")
_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")  # the dots of a table of contents
_DIGITS = re.compile(r"[0-9٠-٩]+")
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefc]")
_HEADING_SCALE = 1.15  # text this much larger than the body is a heading
_PARAGRAPH_GAP = 1.9  # a gap between lines of more than this many font sizes ends a paragraph
# Gaps between the boxes of a line, in font sizes: a space is about a quarter; a table's cells
# are set apart by their padding, a font size or more (Word's default margins, WeasyPrint's).
_SPACE = 0.25
_WORD_GAP = 0.15  # at least this wide, two boxes are two words
_COLUMN_GAP = 0.6  # at least this wide, and three times the line's word gap: two cells
_COLUMN_TO_WORD = 3
# Operators that place the next text: a flush before each gives every box its own run.
_PLACING = {b"Tm", b"Td", b"TD", b"T*", b"'", b'"'}
_SHOWING = {b"Tj", b"TJ", b"'", b'"'}
# The fonts read for the widths of the text, by resource, across pages: (resource, font).
_Fonts = dict[int, tuple[object, Font | None]]


@dataclass
class _Run:
    start: tuple[float, float]  # where its text object starts, in text space: the box's key
    left: float  # the same on the page
    scale: float  # a text-space unit across, on the page
    text: str


@dataclass
class _Line:
    page: int
    y: float
    size: float
    # The runs of text; runs that start at the same place are one box of the layout (a span, a
    # line of a paragraph, a table cell), drawn in one or several fonts.
    runs: list[_Run] = field(default_factory=list)
    text: str = ""  # the runs in reading order, once the page is read
    item: bool = False
    cell: bool = False  # one of several cells of a row: a block of its own


def read(data: bytes) -> Document:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _opens_without_password(reader):
            raise ExtractionError(PROTECTED)
        pages = len(reader.pages)
    except ExtractionError:
        raise
    except Exception:  # any failure of an untrusted file inside the library means the same
        raise ExtractionError(DAMAGED) from None
    if pages > MAX_PAGES:
        raise ExtractionError(TOO_LONG % {"limit": MAX_PAGES})
    lines: list[_Line] = []
    budget = [MAX_CHARACTERS]
    fonts: _Fonts = {}
    try:
        for number, page in enumerate(reader.pages):
            lines.extend(_page_lines(page, number, budget, fonts))
    except _TooMuchText:
        raise ExtractionError(TOO_MUCH_TEXT) from None
    except Exception:  # as above
        raise ExtractionError(DAMAGED) from None
    lines = _without_running_lines(lines, pages)
    blocks = _blocks(lines)
    if not any(any(c.isalpha() for c in b.text) for b in blocks):
        raise ExtractionError(SCANNED)
    return Document(blocks, pages=pages)


def _opens_without_password(reader: PdfReader) -> bool:
    """A PDF with only an owner password (against printing or copying) opens with an empty one."""
    try:
        return bool(reader.decrypt(""))
    except (DependencyError, NotImplementedError):
        return False


class _TooMuchText(Exception):
    pass


def _page_lines(page, number: int, budget: list[int], fonts: _Fonts) -> list[_Line]:
    """The page's lines in the order the PDF draws them, each with its height and size, a row of
    cells split in its cells; bullets drawn apart from their text mark the line at their height
    as an item. `budget` is the number of characters the whole document may still have."""
    lines: list[_Line] = []
    bullets: list[float] = []
    current: _Line | None = None
    widths = _Widths(page, fonts)

    def visit(text, cm, tm, _font, size):
        nonlocal current
        if not text:
            return
        budget[0] -= len(text)
        if budget[0] < 0:
            raise _TooMuchText
        # Where the run starts on the page, and its size, through the text and page matrices.
        x, y = tm[4], tm[5]
        top = x * cm[1] + y * cm[3] + cm[5]
        scale = abs(tm[3] * cm[3]) or abs(tm[0] * cm[0]) or 1.0
        height = size * scale
        if text.strip() in _BULLETS and len(text.strip()) == 1:
            bullets.append(top)
            return
        if text.strip() and (current is None or abs(current.y - top) > height / 2):
            current = _Line(number, top, height)
            lines.append(current)
        if current is not None:
            if text.strip():
                current.size = max(current.size, height)
            across = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            left = x * cm[0] + y * cm[2] + cm[4]
            current.runs.append(_Run((x, y), left, across, text.replace("\n", "")))
            if text.endswith("\n"):
                current = None

    if "/Contents" not in page:
        return []
    # Strings as bytes, as pypdf reads them for text: its fonts decode them.
    content = ContentStream(page["/Contents"].get_object(), page.pdf, "bytes")
    # pypdf reports a run when the font or the line changes; a flush (an identity `cm`) before
    # each placing of text reports every box apart, so cells of one row are not run together.
    operations = []
    for operands, operator in content.operations:
        if operator in _PLACING:
            operations.append(([1, 0, 0, 1, 0, 0], b"cm"))
        operations.append((operands, operator))
    content.operations = operations
    page[NameObject("/Contents")] = content
    page.extract_text(
        visitor_text=visit, visitor_operand_before=widths.before, visitor_operand_after=widths.after
    )
    out: list[_Line] = []
    for line in lines:
        cells = _cells(line, widths.advances)
        for index, cell in enumerate(cells):
            text = _readable(cell).strip()
            # A bullet in the line's own text, or drawn on its own at the line's height.
            marked = len(text) > 1 and text[0] in _BULLETS and text[1].isspace()
            piece = _Line(line.page, line.y, line.size, cell=len(cells) > 1)
            piece.text = squash(text[1:] if marked else text)
            piece.item = marked or (
                index == 0 and any(abs(line.y - b) < line.size / 2 for b in bullets)
            )
            out.append(piece)
    return out


class _Widths:
    """How far each box's text reaches, from the widths its fonts give its glyphs and the moves
    between them: `advances[start]` in text space, None where it cannot be known (a font pypdf
    cannot read, text inside a form, whose fonts are the form's)."""

    def __init__(self, page, fonts: _Fonts):
        self.advances: dict[tuple[float, float], float | None] = {}
        try:
            self.resources = page["/Resources"]["/Font"].get_object()
        except (KeyError, TypeError, AttributeError):
            self.resources = {}
        self.fonts = fonts
        self.font: Font | None = None
        self.size = 0.0
        self.saved: list[tuple[Font | None, float]] = []  # the font is part of the state q saves
        self.forms = 0

    def before(self, operator, operands, _cm, _tm):
        if operator == b"Do":
            self.forms += 1
        elif operator == b"q":
            self.saved.append((self.font, self.size))
        elif operator == b"Q" and self.saved:
            self.font, self.size = self.saved.pop()
        elif operator == b"Tf" and len(operands) >= 2 and not self.forms:
            self.font = self._font(operands[0])
            self.size = float(operands[1]) if isinstance(operands[1], (int, float)) else 0.0

    def after(self, operator, operands, _cm, tm):
        if operator == b"Do":
            self.forms -= 1
        elif operator in _SHOWING:
            # The text is shown where the text matrix stands once the operator has moved it.
            start = (tm[4], tm[5])
            advance = None if self.forms else self._advance(operator, operands)
            before = self.advances.get(start, 0.0)
            self.advances[start] = None if before is None or advance is None else before + advance

    def _font(self, name) -> Font | None:
        resource = self.resources.get(name)
        if resource is None:
            return None
        resource = resource.get_object()
        if id(resource) not in self.fonts:
            try:
                font = Font.from_font_resource(resource) if Font is not None else None
            except Exception:  # an untrusted font: its widths are unknown, its text still read
                font = None
            # The resource is kept with its font, so that its id is never another's.
            self.fonts[id(resource)] = (resource, font)
        return self.fonts[id(resource)][1]

    def _advance(self, operator: bytes, operands) -> float | None:
        font = self.font
        if font is None or not operands:
            return None
        shown = operands[0] if operator == b"TJ" else operands[-1]
        total = 0.0
        for item in shown if isinstance(shown, list) else [shown]:
            if isinstance(item, (int, float)):
                total -= item  # a move back (kerning) or forward (a gap), in thousandths
            elif isinstance(item, (bytes, str)) and not isinstance(item, NameObject):
                if isinstance(item, str):
                    return None  # not read as bytes: nothing to measure
                codes = (
                    item.decode(font.encoding, "replace")
                    if isinstance(font.encoding, str)
                    else item.decode("latin-1")
                )
                total += font.get_text_width(codes)
        return total * self.size / 1000


@dataclass
class _Box:
    text: str
    left: float
    right: float | None  # None when its width is unknown
    kind: str  # "R" mostly right-to-left letters, "L" mostly left-to-right, "N" neither


def _cells(line: _Line, advances: dict[tuple[float, float], float | None]) -> list[str]:
    """The line's text in reading order, one string per cell: the line is split where two boxes
    stand apart far more than its words do. Boxes are put in reading order by where they sit,
    right to left in an Arabic line (a Latin phrase inside it left to right), whatever order
    the PDF drew them in."""
    boxes = _boxes(line, advances)
    if not boxes:
        return []
    rtl = sum(b.kind == "R" for b in boxes) > sum(b.kind == "L" for b in boxes)
    boxes.sort(key=lambda b: b.left)
    gaps: list[float | None] = []
    for a, b in zip(boxes, boxes[1:], strict=False):
        gaps.append(None if a.right is None or b.right is None else b.left - a.right)
    size = line.size
    words = [g for g in gaps if g is not None and _WORD_GAP * size <= g < size]
    word_gap = statistics.median(words) if words else _SPACE * size
    column = max(_COLUMN_GAP * size, _COLUMN_TO_WORD * word_gap)
    cells: list[str] = []
    start = 0
    for index in range(len(boxes)):
        gap = gaps[index] if index < len(gaps) else None
        if index == len(boxes) - 1 or (gap is not None and gap >= column):
            cells.append(_in_reading_order(boxes[start : index + 1], gaps[start:index], rtl, size))
            start = index + 1
    return cells[::-1] if rtl else cells


def _boxes(line: _Line, advances: dict[tuple[float, float], float | None]) -> list[_Box]:
    """The line's boxes, each its runs in reading order. A right-to-left box that mixes scripts
    (Arabic with a dash, a digit or brackets from another font) is drawn as several runs from
    left to right; read from right to left, they are in the order written."""
    grouped: list[list[_Run]] = []
    for run in line.runs:
        if not grouped or run.start != grouped[-1][0].start:
            grouped.append([])
        grouped[-1].append(run)
    boxes = []
    for runs in grouped:
        texts = [run.text for run in runs]
        text = "".join(reversed(texts) if _right_to_left(texts) else texts)
        first = runs[0]
        advance = advances.get(first.start)
        right = None if advance is None else first.left + advance * first.scale
        arabic, latin = _strong(text)
        kind = "R" if arabic > latin else "L" if latin > arabic else "N"
        boxes.append(_Box(text, first.left, right, kind))
    return boxes


def _in_reading_order(boxes: list[_Box], gaps: list[float | None], rtl: bool, size: float) -> str:
    """The text of boxes side by side (left to right, with the gaps between them) in reading
    order: the line's direction, and a run of the other direction inside it kept in its own (its
    neutral boxes, digits and signs, going with it only between two of its letters)."""
    other = "L" if rtl else "R"
    units: list[range] = []
    index = 0
    while index < len(boxes):
        end = index
        if boxes[index].kind == other:
            scan = index
            while scan + 1 < len(boxes) and boxes[scan + 1].kind in (other, "N"):
                scan += 1
                if boxes[scan].kind == other:
                    end = scan
        units.append(range(index, end + 1))
        index = end + 1

    def apart(gap_index: int) -> bool:
        gap = gaps[gap_index]
        return gap is not None and gap >= _WORD_GAP * size

    def text_of(unit: range) -> str:
        # Longer units are runs of the other direction: left to right inside an Arabic line,
        # right to left inside a Latin one.
        indices = list(unit)[::-1] if len(unit) > 1 and not rtl else list(unit)
        pairs = zip(indices, indices[1:], strict=False)
        return _spaced([boxes[i].text for i in indices], [apart(min(a, b)) for a, b in pairs])

    ordered = units[::-1] if rtl else units
    # Units side by side meet at the gap after the left one.
    edges = zip(ordered, ordered[1:], strict=False)
    return _spaced(
        [text_of(unit) for unit in ordered], [apart(min(a.stop, b.stop) - 1) for a, b in edges]
    )


def _spaced(texts: list[str], apart: list[bool]) -> str:
    """The texts one after the other, with a space where they stand apart and have none."""
    out = [texts[0]]
    for text, space in zip(texts[1:], apart, strict=True):
        if space and out[-1][-1:] != " " and text[:1] != " ":
            out.append(" ")
        out.append(text)
    return "".join(out)


def _right_to_left(box: list[str]) -> bool:
    if len(box) < 2:
        return False
    arabic, latin = _strong("".join(box))
    return arabic > latin


def _strong(text: str) -> tuple[int, int]:
    """How many right-to-left and left-to-right letters `text` has, counted by their Unicode
    direction: the shaped presentation forms a PDF may store count as Arabic, which
    `core.arabic.letters` (letters of the basic block, for text already read) does not."""
    arabic = latin = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        arabic += direction in ("R", "AL")
        latin += direction == "L"
    return arabic, latin


def _readable(text: str) -> str:
    """Arabic presentation forms (the joined shapes some PDFs store) folded to letters, with the
    characters put back in reading order when the PDF stored them in the order drawn."""
    if not _PRESENTATION_FORMS.search(text):
        return text
    if _drawn_order(text):
        text = _reverse_visual(text)
    return unicodedata.normalize("NFKC", text)


def _drawn_order(text: str) -> bool:
    """Whether the shaped Arabic words run backwards: in reading order a word starts with an
    initial form and ends with a final one; drawn left to right, the other way round."""
    forwards = backwards = 0
    for word in text.split():
        first, last = unicodedata.name(word[0], ""), unicodedata.name(word[-1], "")
        forwards += "INITIAL FORM" in first or "FINAL FORM" in last
        backwards += "FINAL FORM" in first or "INITIAL FORM" in last
    return backwards > forwards


def _reverse_visual(text: str) -> str:
    """A line drawn left to right put in reading order: reversed, then each run of words
    without Arabic (Latin words, numbers) turned back the right way."""
    out: list[str] = []
    run: list[str] = []
    for word in text[::-1].split(" "):
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in word):
            if run:
                out.append(" ".join(run)[::-1])
                run = []
            out.append(word)
        else:
            run.append(word)
    if run:
        out.append(" ".join(run)[::-1])
    return " ".join(out)


def _without_running_lines(lines: list[_Line], pages: int) -> list[_Line]:
    """Lines that recur on most pages, numbers aside (a footer's "Page 3 of 14"), are the
    document's running header or footer, not its text."""
    if pages < 3:
        return lines
    key = [_DIGITS.sub("#", line.text) for line in lines]
    on_pages = Counter(
        text for text, _page in set(zip(key, (line.page for line in lines), strict=True))
    )
    return [line for line, k in zip(lines, key, strict=True) if on_pages[k] <= pages / 2]


def _blocks(lines: list[_Line]) -> tuple[Block, ...]:
    lines = [line for line in lines if _LEADER.sub(" ", line.text).strip()]
    if not lines:
        return ()
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size, 1)] += len(line.text)
    body = sizes.most_common(1)[0][0]
    heading_sizes = sorted({s for s in sizes if s > body * _HEADING_SCALE}, reverse=True)
    levels = {s: min(6, i + 1) for i, s in enumerate(heading_sizes)}

    blocks: list[Block | None] = []
    kind, level, words = BlockKind.PARAGRAPH, 0, list[str]()
    previous: _Line | None = None
    for line in lines:
        size = round(line.size, 1)
        line_kind = BlockKind.HEADING if size in levels else BlockKind.PARAGRAPH
        line_level = levels.get(size, 0)
        if line.item and line_kind == BlockKind.PARAGRAPH:
            line_kind = BlockKind.ITEM
        # A list item's wrapped lines carry no bullet: they go on with the item.
        same_kind = line_kind == kind or (kind, line_kind) == (BlockKind.ITEM, BlockKind.PARAGRAPH)
        continues = (
            previous is not None
            and not (line.cell or previous.cell)  # a cell is a block of its own
            and previous.page == line.page
            and same_kind
            and line_level == level
            and not line.item
            and abs(line.y - previous.y) <= _PARAGRAPH_GAP * max(line.size, previous.size)
        )
        if not continues and words:
            blocks.append(block(kind, " ".join(words), level))
            words = []
        if not continues:
            kind, level = line_kind, line_level
        words.append(_LEADER.sub(" ", line.text))
        previous = line
    if words:
        blocks.append(block(kind, " ".join(words), level))
    return tuple(b for b in blocks if b)
