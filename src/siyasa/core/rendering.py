"""Turns the organisation's policy prose (CommonMark) into safe HTML, in time linear in its length."""

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


def render_prose(text: str) -> SafeString:
    html = _PARSER.render(text)
    return mark_safe(nh3.clean(html, tags=_ALLOWED_TAGS, attributes={}))  # noqa: S308 - sanitised by nh3
