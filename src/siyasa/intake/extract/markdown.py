"""Markdown as blocks, read line by line: ATX and setext headings with their level, list items,
paragraphs, quotes, fenced code, and table cells as paragraphs; emphasis, link targets,
images and raw HTML are left out of the words.

A reader of its own rather than markdown-it: a whole Markdown renderer spends seconds on a
couple of megabytes of brackets or list marks; this is one pass over the lines, and every
pattern in it matches a bounded or mark-free set of characters, so time stays linear."""

import re

from siyasa.intake.document import Block, BlockKind
from siyasa.intake.extract.blocks import block

_ITEM = re.compile(r"([-*+]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_RULE = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_TABLE_DELIMITER = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
# Inline markup: a tag (the scan from a "<" stops at the next "<" or ">"), emphasis marks at
# the edge of a word, backticks, and a backslash escaping punctuation.
_TAG = re.compile(r"<[A-Za-z/!][^<>]*>")
_EMPHASIS = re.compile(r"(?<![\w*_])[*_]+|[*_]+(?![\w*_])")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MARKUP = re.compile(r"[\[<*_`\\]")


def read(text: str) -> tuple[Block, ...]:
    blocks: list[Block] = []
    kind, level, words = BlockKind.PARAGRAPH, 0, list[str]()
    fence = ""  # the opening mark while inside fenced code
    in_table = False

    def flush():
        nonlocal words
        if words and (made := block(kind, inline(" ".join(words)), level)):
            blocks.append(made)
        words = []

    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        # Quote marks and indentation say nothing about the kind of block in our terms.
        line = raw.lstrip(" \t>")
        if fence:
            if line.startswith(fence):
                kind, level = BlockKind.PARAGRAPH, 0
                flush()
                fence = ""
            else:
                words.append(line)
            continue
        if not line.strip():
            flush()
            in_table = False
            kind, level = BlockKind.PARAGRAPH, 0
            continue
        if opening := _FENCE.match(line):
            flush()
            kind, level, fence = BlockKind.PARAGRAPH, 0, opening.group(1)
            continue
        if line.startswith("#"):
            marks = len(line) - len(line.lstrip("#"))
            rest = line[marks:]
            if marks <= 6 and (not rest or rest[0] in " \t"):
                flush()
                kind, level = BlockKind.HEADING, marks
                words = [_without_closing_marks(rest)]
                flush()
                kind, level = BlockKind.PARAGRAPH, 0
                continue
        underline = line.rstrip()
        if words and kind == BlockKind.PARAGRAPH and underline and set(underline) in ({"="}, {"-"}):
            # setext: the paragraph above was a heading
            kind, level = BlockKind.HEADING, 1 if underline[0] == "=" else 2
            flush()
            kind, level = BlockKind.PARAGRAPH, 0
            continue
        if _RULE.match(line):
            flush()
            continue
        if "|" in line and _TABLE_DELIMITER.match(line):
            if len(words) == 1 and "|" in words[0]:  # the row above was the table's header
                header = words[0]
                words = []
                _cells(header, blocks)
            flush()
            in_table = True
            continue
        if in_table and "|" in line:
            _cells(line, blocks)
            continue
        if item := _ITEM.match(line):
            flush()
            kind, level = BlockKind.ITEM, 0
            words = [line[item.end() :]]
            continue
        if not words:
            # A paragraph indented under a list item belongs to the item.
            indented = raw.startswith(("  ", "\t"))
            under_item = indented and bool(blocks) and blocks[-1].kind == BlockKind.ITEM
            kind, level = (BlockKind.ITEM if under_item else BlockKind.PARAGRAPH), 0
        words.append(line)
    flush()
    return tuple(blocks)


def _without_closing_marks(heading: str) -> str:
    """`## Title ##` → `Title`: closing hashes count only after a space."""
    stripped = heading.rstrip()
    bare = stripped.rstrip("#")
    return bare if not bare or bare[-1] in " \t" else stripped


def _cells(row: str, blocks: list[Block]) -> None:
    for cell in row.strip().strip("|").split("|"):
        if made := block(BlockKind.PARAGRAPH, inline(cell)):
            blocks.append(made)


def inline(text: str) -> str:
    """The words of a line of Markdown: a link's text without its target, no image, no tag,
    no emphasis marks or backticks, escapes undone."""
    if not _MARKUP.search(text):
        return text
    text = _TAG.sub("", _links(text))
    return _ESCAPE.sub(r"\1", _EMPHASIS.sub("", text.replace("`", "")))


def _links(text: str) -> str:
    """`[text](target)` → `text` and `![alt](target)` → nothing, in one pass from left to right.
    The searches only move forwards and a ")" found once is remembered, so no stretch of the
    text is searched twice, however many brackets lack an end."""
    out: list[str] = []
    position = 0
    paren = 0  # the first ")" at or after `paren`'s last search, or -1 when there is none
    while (opening := text.find("[", position)) != -1:
        closing = text.find("]", opening + 1)
        if closing == -1:
            break
        label = text[opening + 1 : closing]
        image = opening > 0 and text[opening - 1] == "!"
        start = opening - 1 if image else opening
        out.append(text[position:start])
        end = -1
        if text.startswith("(", closing + 1):
            if paren != -1 and paren < closing + 2:
                paren = text.find(")", closing + 2)
            end = paren
        if end == -1:  # brackets, not a link: kept as written
            out.append(text[start : closing + 1])
            position = closing + 1
            continue
        if not image:
            out.append(label)
        position = end + 1
    out.append(text[position:])
    return "".join(out)
