"""Turns the organisation's policy prose (a small Markdown subset) into safe HTML."""

import markdown
import nh3
from django.utils.safestring import SafeString, mark_safe

_ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "br", "blockquote"}


def render_prose(text: str) -> SafeString:
    html = markdown.markdown(text, output_format="html")
    return mark_safe(nh3.clean(html, tags=_ALLOWED_TAGS, attributes={}))  # noqa: S308 - sanitised by nh3
