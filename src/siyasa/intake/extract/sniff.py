"""Which format an uploaded file is, told from its bytes (the name only breaks a tie between
Markdown and plain text), and its text when it is a text format."""

import codecs
import enum
import io
import re
import zipfile

from django.utils.translation import gettext_lazy as _

from siyasa.intake.document import ExtractionError

UNSUPPORTED = _(
    "This file type is not supported: upload Word (.docx), PDF, Markdown, text or HTML."
)

# Control characters never found in a text document (tab, line feed, form feed and carriage
# return are); their presence means the bytes are not text in any encoding we read.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# An HTML document starts with markup and names an HTML element early on. Both patterns are
# anchored or bounded, so sniffing is linear (and only the first 4 KB are looked at).
_HTML_TAG = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|span|h[1-6]|ul|ol|li|table|"
    r"section|article|main|header|br)[\s>/]"
)
_MARKDOWN_NAMES = (".md", ".markdown", ".mdown", ".mkd")
# A Markdown heading (`# Title`) or a setext underline (`=====`) at the start of a line.
_MARKDOWN_SIGN = re.compile(r"^(?:#{1,6}[ \t]+\S|=+[ \t]*$)", re.MULTILINE)


# The signature of an OLE compound file: Word 97–2003 and other old Office files, and a .docx
# saved with a password. Their streams' names are stored in UTF-16.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Kind(enum.StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    MARKDOWN = "markdown"
    TEXT = "text"


def detect(data: bytes, *, filename: str = "") -> tuple[Kind, str]:
    """The file's format and, for the text formats, its decoded text ("" for Word and PDF)."""
    if b"%PDF-" in data[:1024]:  # readers accept the header anywhere in the first kilobyte
        return Kind.PDF, ""
    if data.startswith(b"PK\x03\x04"):
        if _is_word(data):
            return Kind.DOCX, ""
        raise ExtractionError(UNSUPPORTED)
    if data.startswith(_OLE):
        # Word keeps a .docx with a password inside an OLE container, as an encrypted package.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ExtractionError(
                _(
                    "This Word file is protected by a password, so its text cannot be read. "
                    "Upload a copy without the password, or a PDF."
                )
            )
        if "WordDocument".encode("utf-16-le") in data:  # the stream every .doc has
            raise ExtractionError(
                _(
                    "This looks like an older Word file (.doc): save it as .docx in Word and "
                    "upload that."
                )
            )
        raise ExtractionError(UNSUPPORTED)  # an old spreadsheet or presentation
    text = decode_text(data)
    head = text[:4096].lstrip().lower()
    if head.startswith("<") and _HTML_TAG.search(head):
        return Kind.HTML, text
    if head.startswith(("<?xml", "<svg", "<!doctype")):  # markup, but not a page we can read
        raise ExtractionError(UNSUPPORTED)
    name = filename.lower()
    if name.endswith(_MARKDOWN_NAMES):
        return Kind.MARKDOWN, text
    if not name.endswith(".txt") and _MARKDOWN_SIGN.search(text):
        return Kind.MARKDOWN, text
    return Kind.TEXT, text


def _is_word(data: bytes) -> bool:
    """A zip holding the two parts every Word document has (an .xlsx or .odt does not)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return False
    return {"word/document.xml", "[Content_Types].xml"} <= names


def decode_text(data: bytes) -> str:
    """Text in UTF-8 (with or without its byte-order mark), UTF-16 with its byte-order mark, or
    Windows-1256 (what Arabic Windows saves "plain text" as) when the bytes read as Arabic.
    Anything else is binary and refused."""
    text = _decoded(data)
    if text is None or _CONTROL.search(text):
        raise ExtractionError(UNSUPPORTED)
    return text


def _decoded(data: bytes) -> str | None:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Every byte has a meaning in Windows-1256, so only accept it when the result is Arabic.
    text = data.decode("cp1256")
    beyond_ascii = [c for c in text if ord(c) > 127]
    arabic = sum(1 for c in beyond_ascii if "\u0600" <= c <= "\u06ff")
    return text if arabic and arabic >= len(beyond_ascii) / 2 else None
