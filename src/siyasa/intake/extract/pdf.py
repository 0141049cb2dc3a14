"""A PDF as blocks, read by pypdf from where each run of text sits on the page: lines of one
paragraph joined, a wider gap or a change of size starting the next, larger text read as a
heading, a line beside a bullet as a list item, and the running header or footer that every
page repeats left out. Arabic shaped into presentation forms is folded back to letters."""

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.errors import DependencyError

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


@dataclass
class _Line:
    page: int
    y: float
    size: float
    # The runs of text, each with where its text object starts: one object is one box of the
    # layout (a span, a line of a paragraph).
    runs: list[tuple[tuple[float, float], str]] = field(default_factory=list)
    text: str = ""  # the runs in reading order, once the page is read
    item: bool = False


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
    try:
        for number, page in enumerate(reader.pages):
            lines.extend(_page_lines(page, number, budget))
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


def _page_lines(page, number: int, budget: list[int]) -> list[_Line]:
    """The page's lines in the order the PDF draws them, each with its height and size; bullets
    drawn apart from their text mark the line at their height as an item. `budget` is the
    number of characters the whole document may still have."""
    lines: list[_Line] = []
    bullets: list[float] = []
    current: _Line | None = None

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
            current.runs.append(((x, y), text.replace("\n", "")))
            if text.endswith("\n"):
                current = None

    page.extract_text(visitor_text=visit)
    for line in lines:
        text = _readable(_in_reading_order(line.runs)).strip()
        # A bullet in the line's own text, or drawn on its own at the line's height.
        marked = len(text) > 1 and text[0] in _BULLETS and text[1].isspace()
        line.text = squash(text[1:] if marked else text)
        line.item = marked or any(abs(line.y - b) < line.size / 2 for b in bullets)
    return lines


def _in_reading_order(runs: list[tuple[tuple[float, float], str]]) -> str:
    """The line's text in reading order. A right-to-left box that mixes scripts (Arabic with a
    dash, a digit or brackets from another font) is drawn as several runs from left to right;
    read from right to left, they are in the order written."""
    boxes: list[list[str]] = []
    previous = None
    for start, text in runs:
        if start != previous:
            boxes.append([])
            previous = start
        boxes[-1].append(text)
    return "".join("".join(reversed(box) if _right_to_left(box) else box) for box in boxes)


def _right_to_left(box: list[str]) -> bool:
    if len(box) < 2:
        return False
    arabic = latin = 0
    for text in box:
        for char in text:
            direction = unicodedata.bidirectional(char)
            arabic += direction in ("R", "AL")
            latin += direction == "L"
    return arabic > latin


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
