"""Template helpers of import and export: who may use them, and values from a file shown in their
own direction."""

import re

from django import template
from django.utils.html import format_html

from siyasa.core.permissions import can, edit_capability
from siyasa.transfer.resources import RESOURCES

register = template.Library()


@register.simple_tag(takes_context=True)
def may_transfer(context, registry: str):
    """The registry's title when the visitor may edit it (so export and import it), else ""."""
    ctx = context.get("ctx")
    resource = RESOURCES[registry]
    if ctx is None or not can(ctx.membership, edit_capability(resource._meta.model)):
        return ""
    return resource.get_title()


_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


@register.filter
def isolated(value) -> str:
    """A cell's text set apart from the sentence around it, right to left when it has Arabic
    letters, else left to right (a phone number, an e-mail, a date)."""
    text = str(value)
    return format_html('<bdi dir="{}">{}</bdi>', "rtl" if _ARABIC.search(text) else "ltr", text)
