"""Text out of an uploaded policy file, as headings, paragraphs and list items: the format is
told from the bytes (`sniff`), then read by the module for it. Nothing in a file is run, and
nothing it points to (an entity, an image, a link) is fetched."""

from django.utils.translation import gettext_lazy as _

from siyasa.intake.document import Document, ExtractionError
from siyasa.intake.extract import docx, html, markdown, pdf, text
from siyasa.intake.extract.sniff import Kind, detect

# The largest upload read; the upload form refuses bigger files with the same figure.
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

EMPTY = _("This file has no text in it.")


def too_big_message() -> str:
    return _("This file is larger than %(size)d MB. Upload a smaller file.") % {
        "size": MAX_UPLOAD_BYTES // (1024 * 1024)
    }


def extract(data: bytes, *, filename: str = "") -> Document:
    """The file's text in reading order; ExtractionError (with a message for the person who
    uploaded it) when it is empty, too large, of another type, protected or damaged."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ExtractionError(too_big_message())
    if not data.strip():
        raise ExtractionError(EMPTY)
    kind, decoded = detect(data, filename=filename)
    if kind == Kind.PDF:
        document = pdf.read(data)
    elif kind == Kind.DOCX:
        document = Document(docx.read(data))
    elif kind == Kind.HTML:
        document = Document(html.read(decoded))
    elif kind == Kind.MARKDOWN:
        document = Document(markdown.read(decoded))
    else:
        document = Document(text.read(decoded))
    if not document.blocks:
        raise ExtractionError(EMPTY)
    return document
