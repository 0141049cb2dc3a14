"""Template helpers: the language switch, the organisation menu, bilingual content, phone numbers,
dates, requirement ids."""

from django import template
from django.urls import translate_url
from django.utils.html import format_html, format_html_join

from siyasa.core import dates
from siyasa.core.i18n import pick
from siyasa.core.menu import org_menu as build_org_menu
from siyasa.core.permissions import can_read_requirement_ids
from siyasa.core.phones import international

register = template.Library()


@register.simple_tag(takes_context=True)
def language_url(context, lang: str) -> str:
    """The page being read, in another language."""
    request = context.get("request")
    return translate_url(request.get_full_path(), lang) if request else f"/{lang}/"


@register.simple_tag(takes_context=True)
def org_menu(context):
    """`{% org_menu as groups %}`: the organisation menu for the member reading this page."""
    request = context["request"]
    return build_org_menu(
        context["ctx"], request.resolver_match.url_name if request.resolver_match else ""
    )


@register.filter
def bi(obj, field: str):
    """`{{ level|bi:"criteria" }}`: the reader's language, or the other marked as such."""
    text = pick(getattr(obj, f"{field}_ar", "") or "", getattr(obj, f"{field}_en", "") or "")
    if text.is_fallback:
        return format_html('<span lang="{}" dir="{}">{}</span>', text.lang, text.dir, text.text)
    return text.text


@register.filter
def org_date(value, org) -> str:
    """`{{ day|org_date:ctx.org }}`: the date, with its Hijri date when the organisation wants it."""
    return dates.org_date(value, org)


@register.filter
def org_datetime(value, org) -> str:
    """`{{ moment|org_datetime:ctx.org }}`: the same for a date and time."""
    return dates.org_date(value, org, "DATETIME_FORMAT")


@register.filter
def phone_text(value: str) -> str:
    return international(value)


@register.filter
def phone(value: str) -> str:
    """A tap-to-call link, kept left-to-right inside Arabic text and whole on one line."""
    if not value:
        return ""
    return format_html(
        '<a class="ltr phone" dir="ltr" href="tel:{}">{}</a>', value, phone_text(value)
    )


@register.filter
def mailto(value: str) -> str:
    if not value:
        return ""
    return format_html('<a class="ltr" dir="ltr" href="mailto:{}">{}</a>', value, value)


@register.filter
def bdi(value) -> str:
    """User data in a sentence, isolated so its own direction cannot reorder the words around
    it: `{% blocktranslate with name=person.display_name|bdi %}`."""
    return format_html("<bdi>{}</bdi>", value) if value not in (None, "") else ""


@register.filter
def account_name(account) -> str:
    """A social account as people say it, "LinkedIn athar-charity": the platform, then the
    handle kept left-to-right and whole (it never wraps at its hyphen)."""
    return format_html(
        '<bdi class="platform-name">{}</bdi> <bdi class="handle" dir="ltr">{}</bdi>',
        account.get_platform_display(),
        account.handle,
    )


@register.simple_tag(takes_context=True)
def requirement_ids(context, *ids) -> str:
    """`{% requirement_ids "R2.4" "R2.5" %}` or `{% requirement_ids section.requirements %}`:
    the catalogue's ids as badges, for readers who work on the policy; nothing for the rest
    (and on what the public reads, even in a member's preview of it)."""
    org_ctx = context.get("ctx") or getattr(context.get("request"), "org_ctx", None)
    if getattr(context.get("page"), "public", False):
        return ""
    if not can_read_requirement_ids(getattr(org_ctx, "membership", None)):
        return ""
    flat = [i for arg in ids for i in ([arg] if isinstance(arg, str) else arg)]
    return format_html_join(" ", '<span class="req-id">{}</span>', ((i,) for i in flat))
