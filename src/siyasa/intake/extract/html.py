"""An HTML page as blocks, parsed by lxml (libxml2): h1–h6 as headings, li as list items,
p, td, th and the text of other containers as paragraphs; scripts, styles, navigation, headers,
footers and forms are dropped. Nothing is fetched and no entity beyond HTML's own is resolved."""

import lxml.etree
import lxml.html

from siyasa.intake.document import Block, BlockKind
from siyasa.intake.extract.blocks import block

# no_network: libxml2 never fetches a DTD or an entity; comments and processing instructions
# are not text. Without huge_tree, libxml2 keeps its limits on depth and on the size of a node.
# The text was decoded already (sniff.decode_text), so a <meta charset> cannot re-decode it.
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
)

_DROPPED = {
    "script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form",
    "button", "select", "textarea", "svg", "math", "iframe", "object", "embed", "head",
}  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_KINDS = {
    "li": BlockKind.ITEM,
    **dict.fromkeys(("p", "td", "th", "dd", "dt", "pre", "caption", "figcaption"), BlockKind.PARAGRAPH),
    **dict.fromkeys(_HEADINGS, BlockKind.HEADING),
}  # fmt: skip
# Elements inside a line of text; any other element (div, section, tr, ul…) ends the
# paragraph before it.
_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr", "br",
}  # fmt: skip


def read(text: str) -> tuple[Block, ...]:
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except lxml.etree.ParserError:  # nothing but whitespace or dropped markup
        return ()
    blocks: list[Block | None] = []
    words: list[str] = []
    # The kind of the block being written: a list item's text goes on as the item after a
    # nested list closes.
    kinds: list[tuple[BlockKind, int]] = [(BlockKind.PARAGRAPH, 0)]

    def flush():
        kind, level = kinds[-1]
        blocks.append(block(kind, "".join(words), level))
        words.clear()

    # An explicit stack instead of recursion, so a page nested thousands deep cannot overflow.
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
    while stack:
        element, closing = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        if closing:
            if tag not in _INLINE:
                flush()
                if tag in _KINDS:
                    kinds.pop()
            words.append(element.tail or "")
            continue
        if tag in _DROPPED:
            words.append(element.tail or "")
            continue
        if tag not in _INLINE:
            flush()
            if tag in _KINDS:
                kinds.append((_KINDS[tag], _HEADINGS.get(tag, 0)))
        words.append(" " if tag == "br" else element.text or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return tuple(b for b in blocks if b)
