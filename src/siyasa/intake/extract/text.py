"""Plain text as blocks: paragraphs split on blank lines, list items by their marks, and a short
numbered or unpunctuated line on its own read as a heading."""

import re

from siyasa.intake.document import Block, BlockKind
from siyasa.intake.extract.blocks import block

# A list mark at the start of a line: a bullet or dash, or a number (Latin or Arabic-Indic
# digits) followed by "." or ")". Each part matches a bounded, distinct set of characters.
_ITEM = re.compile(r"^\s*(?:[-*•·–◦▪]|[0-9٠-٩]{1,3}[.)])\s+")
# "2.", "2.1", "٣-٢" before a heading's words: the count of its parts is the heading's level.
_BULLET = re.compile(r"^\s*[-*•·–◦▪]\s")
_NUMBER = re.compile(r"^\s*([0-9٠-٩]{1,3}(?:[.\-][0-9٠-٩]{1,3}){0,5})[.)]?\s+")
_FINAL_PUNCTUATION = tuple(".,;:!?،؛؟…")
_HEADING_WORDS = 12


def read(text: str) -> tuple[Block, ...]:
    chunks = re.split(r"\n[ \t\r\f\v]*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[Block | None] = []
    for index, chunk in enumerate(chunks):
        lines = [line for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        last = index == len(chunks) - 1
        if len(lines) == 1 and not last and (level := heading_level(lines[0])):
            blocks.append(block(BlockKind.HEADING, lines[0], level))
            continue
        blocks.extend(_paragraphs_and_items(lines))
    return tuple(b for b in blocks if b)


def heading_level(line: str) -> int:
    """The level of a line that reads as a heading (short, not ending as a sentence), else 0."""
    stripped = line.strip()
    if (
        len(stripped.split()) > _HEADING_WORDS
        or stripped.endswith(_FINAL_PUNCTUATION)
        or _BULLET.match(stripped)
    ):
        return 0
    number = _NUMBER.match(stripped)
    if number:
        return min(6, len(re.split(r"[.\-]", number.group(1))))
    return 1


def _paragraphs_and_items(lines: list[str]):
    """Lines joined into one paragraph, except that each line starting with a list mark begins
    an item (the lines after it, up to the next mark, continue the item)."""
    kind, current = BlockKind.PARAGRAPH, list[str]()
    for line in lines:
        mark = _ITEM.match(line)
        if mark:
            if current:
                yield block(kind, " ".join(current))
            kind, current = BlockKind.ITEM, [line[mark.end() :]]
        else:
            current.append(line)
    if current:
        yield block(kind, " ".join(current))
