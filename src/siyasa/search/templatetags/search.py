"""`{{ text|highlight:terms }}` and `{{ text|snippet:terms }}`: the searched words marked."""

from django import template

from siyasa.core.highlight import marked, pieces
from siyasa.search.help import AREA_OF

register = template.Library()


@register.filter
def highlight(text, terms):
    return marked(pieces(str(text or ""), terms))


@register.filter
def snippet(text, terms):
    return marked(pieces(str(text or ""), terms, snippet=True))


@register.simple_tag(takes_context=True)
def help_area(context) -> str:
    """The help area of the page being read ("" when it has none)."""
    match = getattr(context.get("request"), "resolver_match", None)
    return AREA_OF.get(getattr(match, "url_name", ""), "")
