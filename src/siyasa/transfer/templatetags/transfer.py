"""`{% may_transfer "people" as shown %}`: whether the visitor may export and import a registry."""

from django import template

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
