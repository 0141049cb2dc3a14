"""The policy: the page in force, the draft and its publication, history, acknowledgements."""

import hashlib
import secrets
from collections.abc import Callable, Sequence

from django.contrib import messages
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_POST

from siyasa.core.permissions import Capability, can_read_requirement_ids
from siyasa.core.views import form_page
from siyasa.orgs.access import OrgContext, org_view
from siyasa.orgs.selectors import delivery_warning
from siyasa.policy import diff, page_cache, selectors, services
from siyasa.policy.catalogue import BLOCKS, PREAMBLE, SECTIONS
from siyasa.policy.forms import PolicySettingsForm, PolicyTextForm, PublishForm
from siyasa.policy.rules import Rules, draft_rules, draft_settings


def _policy_etag(request, ctx: OrgContext, page_key: str, parts, acknowledged, warning):
    """The page changes when its cached rendering does (`page_cache.key`) or the reader does —
    who they are, their role, whether they have acknowledged it, whether they are told that
    e-mail is not leaving."""
    if parts is None or get_messages(request):
        return None  # the draft shows, which changes without a stamp; or a message waits
    fields = [
        page_key,
        str(request.user.pk or "anonymous"),
        ctx.membership.role if ctx.membership else "",
        str(acknowledged),
        "warning" if warning else "",
    ]
    return hashlib.sha256("|".join(fields).encode()).hexdigest()[:32]


@org_view(public_read=True)
def policy_page(request, ctx):
    # The door answers visitors it cannot serve (302, 404) before any ETag is computed. The key
    # comes from the organisation the door read: an unchanged page needs no query of its own
    # but, for a member, whether they have acknowledged it.
    audience = _audience(request, ctx)
    ids = can_read_requirement_ids(ctx.membership) and audience != selectors.Audience.PUBLIC
    page_key = page_cache.key(ctx.org, audience, requirement_ids=ids)

    def render_parts() -> dict | None:
        in_force = selectors.version_in_force(ctx.org)
        if in_force is None:
            return None  # nothing to keep: the draft shows
        return _render_parts(request, ctx, Rules.from_version(in_force), audience)

    parts = page_cache.fetch(page_key, "parts", render_parts)
    acknowledged = None
    if parts is not None and audience != selectors.Audience.PUBLIC:
        acknowledged = selectors.has_acknowledged_number(ctx.org, request.user, parts["required"])
    warning = delivery_warning(request)
    return _page_in_force(request, ctx, page_key, parts, acknowledged, warning)


def _audience(request, ctx: OrgContext) -> selectors.Audience:
    return selectors.audience_for(ctx.membership, asked=request.GET.get("as", ""))


@condition(etag_func=_policy_etag)
def _page_in_force(request, ctx: OrgContext, page_key: str, parts, acknowledged, warning):
    audience = _audience(request, ctx)
    if parts is None:
        return _render_page(request, ctx, draft_rules(ctx.org), audience=audience)
    context = {
        "ctx": ctx,
        "for_public": audience == selectors.Audience.PUBLIC,
        # Read only when the frame is rendered, not when it comes from the cache.
        "shown_version": SimpleLazyObject(lambda: selectors.version_in_force(ctx.org)),
        "cached": {part: mark_safe(parts[part]) for part in ("head", "body")},  # noqa: S308 - our own rendering
        "acknowledged": acknowledged,
        "delivery_warning": warning,
    }
    # The frame shows the address being read (the language switch): a page asked for with other
    # parameters than the audience is rendered, never kept for the next reader; so is a frame
    # with a notice in it.
    if set(request.GET) - {"as"} or get_messages(request) or warning:
        return render(request, "policy/page.html", context)
    path = request.get_full_path()
    if not request.user.is_authenticated:
        # A visitor who is not signed in gets the same bytes as any other.
        return HttpResponse(
            page_cache.fetch(
                page_key,
                f"anonymous:{path}",
                lambda: render(request, "policy/page.html", context).content,
            )
        )
    # A signed-in reader gets the frame rendered for their role (if they are a member) and
    # acknowledgement, kept with a stand-in for the CSRF token, which is their session's.
    role = ctx.membership.role if ctx.membership else ""
    frame = page_cache.fetch(
        page_key,
        f"signed-in:{role}:{acknowledged}:{path}",
        lambda: _render_frame(request, context),
    )
    html = frame["html"]
    if frame["csrf"] in html:
        html = html.replace(frame["csrf"], get_token(request).encode())
    return HttpResponse(html)


def _render_parts(request, ctx: OrgContext, rules: Rules, audience) -> dict:
    page = selectors.policy_page(ctx.org, rules, audience=audience)
    context = {"ctx": ctx, "page": page, **page.data}
    required = selectors.required_version(ctx.org, in_force=rules.version)
    return {
        "head": render_to_string("policy/_page_head.html", context, request),
        "body": render_to_string("policy/_page_body.html", context, request),
        # Which version a member's acknowledgement must reach follows from the version in force.
        "required": required.number if required else None,
    }


def _render_frame(request, context: dict) -> dict:
    csrf = secrets.token_hex(32)  # a stand-in nobody can type into a text: it is never shown
    html = render_to_string("policy/page.html", context | {"csrf_token": csrf}, request)
    # Kept encoded: a hit then hands the bytes on, with no page of a few hundred kilobytes to encode.
    return {"html": html.encode(), "csrf": csrf.encode()}


def _render_page(
    request,
    ctx,
    rules: Rules,
    *,
    audience: selectors.Audience = selectors.Audience.MEMBERS,
    **extra,
):
    """A page that is not kept: the draft, an earlier or scheduled version."""
    page = selectors.policy_page(ctx.org, rules, audience=audience)
    context = {"ctx": ctx, "page": page, "for_public": page.public, "shown_version": rules.version}
    context |= page.data | extra
    if not page.public and rules.version:
        context["acknowledged"] = selectors.has_acknowledged(ctx.org, request.user)
    return render(request, "policy/page.html", context)


@org_view()
def version_detail(request, ctx, number):
    version = get_object_or_404(selectors.versions(ctx.org), number=number)
    return _render_page(request, ctx, Rules.from_version(version), viewing_version=True)


# `policy/draft/` and `policy/publish/` are routed by workspace, which sits above the apps whose
# drafts the publication also carries (the quiz's question bank, in training): it checks the
# capability and hands in their notices, already rendered, as `notes`.


def draft_page(request, ctx, *, notes: Sequence[str]) -> HttpResponse:
    """The draft with its publish form, for editors and up."""
    return _render_page(
        request,
        ctx,
        draft_rules(ctx.org),
        publish_form=PublishForm(org=ctx.org),
        draft_changed=selectors.draft_changed_since_publication(ctx.org),
        latest_number=selectors.versions(ctx.org).values_list("number", flat=True).first(),
        to_review=selectors.texts_to_review(ctx.org),
        to_translate=selectors.texts_to_translate(ctx.org),
        draft_notes=notes,
    )


def publish_draft(request, ctx, *, notes: Callable[[], Sequence[str]]) -> HttpResponse:
    """Publish the draft as the next version; or show the draft again with the form's errors
    (`notes` is asked only then)."""
    form = PublishForm(request.POST, org=ctx.org)
    if form.is_valid():
        try:
            version = services.publish_version(membership=ctx.membership, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Version %(number)s is published.") % {"number": version.number}
            )
            return redirect("policy_versions", slug=ctx.org.slug)
    response = _render_page(
        request,
        ctx,
        draft_rules(ctx.org),
        publish_form=form,
        draft_changed=True,
        latest_number=selectors.versions(ctx.org).values_list("number", flat=True).first(),
        draft_notes=notes(),
    )
    response.status_code = 400
    return response


@org_view()
def history(request, ctx):
    return render(
        request,
        "policy/versions.html",
        {
            "ctx": ctx,
            "versions": selectors.version_history(ctx.org),
            "in_force": selectors.version_in_force(ctx.org),
        },
    )


@org_view()
def compare(request, ctx):
    """`?from=N&to=M`; `to=draft` compares with the unpublished draft (editors only)."""
    all_versions = {str(v.number): v for v in selectors.versions(ctx.org)}
    old_key, new_key = request.GET.get("from", ""), request.GET.get("to", "")
    if new_key == "draft" and ctx.perms.edit_content:
        new = draft_rules(ctx.org)
    elif new_key in all_versions:
        new = Rules.from_version(all_versions[new_key])
    else:
        raise Http404
    if old_key not in all_versions:
        raise Http404
    old = Rules.from_version(all_versions[old_key])
    changes = diff.compare(old, new)
    return render(
        request,
        "policy/compare.html",
        {
            "ctx": ctx,
            "old": old,
            "new": new,
            "changes": [c for c in changes if c.changed]
            if request.GET.get("all") != "1"
            else changes,
            "changed_count": sum(c.changed for c in changes),
            "versions": all_versions.values(),
        },
    )


@org_view()
@require_POST
def acknowledge(request, ctx):
    try:
        services.acknowledge(membership=ctx.membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("policy", slug=ctx.org.slug)
    messages.success(request, _("Thank you. Your acknowledgement is recorded."))
    back = request.POST.get("back")
    return redirect(back if back in {"policy", "policy_me"} else "policy_me", slug=ctx.org.slug)


@org_view(Capability.MANAGE_POLICY)
def acknowledgements(request, ctx):
    return render(
        request,
        "policy/acknowledgements.html",
        {"ctx": ctx, "status": selectors.acknowledgement_status(ctx.org)},
    )


@org_view(Capability.EDIT_CONTENT)
def text_list(request, ctx):
    texts = selectors.policy_texts(ctx.org)
    groups = [(None, [PREAMBLE])] + [(section, list(section.blocks)) for section in SECTIONS]
    rows = [
        (section, [(block, texts.get(block.key)) for block in blocks]) for section, blocks in groups
    ]
    return render(
        request,
        "policy/text_list.html",
        {
            "ctx": ctx,
            "rows": rows,
            "to_review": selectors.texts_to_review(ctx.org),
            "to_translate": selectors.texts_to_translate(ctx.org),
        },
    )


@org_view(Capability.EDIT_CONTENT)
def text_edit(request, ctx, key):
    block = BLOCKS.get(key)
    if block is None:
        raise Http404
    current = selectors.policy_texts(ctx.org).get(key)
    initial = {"body_ar": current.body_ar, "body_en": current.body_en} if current else {}

    def save(form):
        services.update_text(membership=ctx.membership, key=key, **form.cleaned_data)
        return reverse("policy_texts", kwargs={"slug": ctx.org.slug})

    return form_page(
        request,
        PolicyTextForm(request.POST or None, initial=initial),
        save=save,
        template="policy/text_edit.html",
        context={"ctx": ctx, "block": block},
        success_message=_("Saved to the draft. Publish it to put it in force."),
    )


@org_view(Capability.MANAGE_POLICY)
def settings_edit(request, ctx):
    def save(form):
        services.update_settings(membership=ctx.membership, form=form)
        return reverse("policy_settings", kwargs={"slug": ctx.org.slug})

    return form_page(
        request,
        PolicySettingsForm(request.POST or None, org=ctx.org, instance=draft_settings(ctx.org)),
        save=save,
        template="policy/settings_edit.html",
        context={"ctx": ctx},
        success_message=_("Saved to the draft. Publish it to put it in force."),
    )
