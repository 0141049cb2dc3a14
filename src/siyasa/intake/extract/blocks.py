"""Small helpers the format readers share: whitespace tidied the same way everywhere."""

import re

from siyasa.intake.document import Block, BlockKind

_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """`text` on one line, runs of whitespace (including non-breaking spaces) as one space."""
    return _SPACE.sub(" ", text).strip()


def block(kind: BlockKind, text: str, level: int = 0) -> Block | None:
    """A block of tidied text, or None when nothing but whitespace is left."""
    text = squash(text)
    return Block(kind, text, level if kind == BlockKind.HEADING else 0) if text else None
