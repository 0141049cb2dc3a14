"""Turns the organisation's policy prose (CommonMark) into safe HTML, in time linear in its length."""

import hashlib
import threading
from collections import OrderedDict

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# CommonMark with raw HTML off: a typed tag is shown as text, and no HTML rule is left to
# backtrack over it. markdown-it-py is linear in its input (issue 11: Python-Markdown took 154 s
# on 20,000 "["; bench/markdown.py). The parser is configured once and keeps no state between
# calls.
_PARSER = MarkdownIt("commonmark", {"html": False})

# What the policy's texts use; nh3 turns anything else (headings, links, code) into plain text.
_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "br", "blockquote"}


# The same few texts are rendered over and over (every policy page, export and reader's view):
# the HTML of the latest ones is kept, keyed by a digest of the text so a 20,000-character text
# is not also kept as a key. Bounded, so memory stays flat however many organisations there are.
_MEMO_SIZE = 2048
_memo: OrderedDict[bytes, SafeString] = OrderedDict()
_memo_lock = threading.Lock()


def render_prose(text: str) -> SafeString:
    digest = hashlib.blake2b(text.encode(), digest_size=16).digest()
    with _memo_lock:
        if (html := _memo.get(digest)) is not None:
            _memo.move_to_end(digest)
            return html
    html = to_html(text)
    with _memo_lock:
        _memo[digest] = html
        if len(_memo) > _MEMO_SIZE:
            _memo.popitem(last=False)
    return html


def to_html(text: str) -> SafeString:
    """The rendering itself, every time (what `render_prose` keeps; timed by bench/markdown.py)."""
    return mark_safe(nh3.clean(_PARSER.render(text), tags=_ALLOWED_TAGS, attributes={}))  # noqa: S308 - sanitised by nh3
