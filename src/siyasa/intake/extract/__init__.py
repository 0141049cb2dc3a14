"""Text out of an uploaded policy file (first version: plain text only; the other formats follow)."""

from django.utils.translation import gettext_lazy as _

from siyasa.intake.document import Block, BlockKind, Document, ExtractionError


def extract(data: bytes, *, filename: str = "") -> Document:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ExtractionError(_("This file is not a document Siyasa can read.")) from None
    blocks = tuple(
        Block(BlockKind.PARAGRAPH, part.strip()) for part in text.split("\n\n") if part.strip()
    )
    if not blocks:
        raise ExtractionError(_("This file has no text in it."))
    return Document(blocks)
