"""`{{ text|highlight:terms }}` and `{{ text|snippet:terms }}`: the searched words marked."""

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from siyasa.search.help import AREA_OF
from siyasa.search.highlight import pieces

register = template.Library()


def _marked(parts: list[tuple[str, bool]]) -> SafeString:
    # Every piece is escaped; only the <mark> around a match is markup.
    return mark_safe(
        "".join(f"<mark>{escape(p)}</mark>" if is_match else escape(p) for p, is_match in parts)
    )


@register.filter
def highlight(text, terms):
    return _marked(pieces(str(text or ""), terms))


@register.filter
def snippet(text, terms):
    return _marked(pieces(str(text or ""), terms, snippet=True))


@register.simple_tag(takes_context=True)
def help_area(context) -> str:
    """The help area of the page being read ("" when it has none)."""
    match = getattr(context.get("request"), "resolver_match", None)
    return AREA_OF.get(getattr(match, "url_name", ""), "")
