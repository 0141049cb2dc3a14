"""The live policy page and the editing of its texts and settings."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from siyasa.core.permissions import Capability
from siyasa.core.views import org_view
from siyasa.policy import selectors, services
from siyasa.policy.catalogue import BLOCKS, PREAMBLE, SECTIONS
from siyasa.policy.forms import PolicySettingsForm, PolicyTextForm


@org_view(public_read=True)
def policy_page(request, ctx):
    page = selectors.policy_page(ctx.org)
    return render(request, "policy/page.html", {"ctx": ctx, "page": page, **page.data})


@org_view(Capability.EDIT_CONTENT)
def text_list(request, ctx):
    texts = selectors.policy_texts(ctx.org)
    groups = [(None, [PREAMBLE])] + [(section, list(section.blocks)) for section in SECTIONS]
    rows = [
        (section, [(block, texts.get(block.key)) for block in blocks]) for section, blocks in groups
    ]
    return render(request, "policy/text_list.html", {"ctx": ctx, "rows": rows})


@org_view(Capability.EDIT_CONTENT)
def text_edit(request, ctx, key):
    block = BLOCKS.get(key)
    if block is None:
        raise Http404
    current = selectors.policy_texts(ctx.org).get(key)
    initial = {"body_ar": current.body_ar, "body_en": current.body_en} if current else {}
    form = PolicyTextForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            services.update_text(membership=ctx.membership, key=key, **form.cleaned_data)
            messages.success(request, _("Saved."))
            return redirect("policy_texts", slug=ctx.org.slug)
        return render(
            request, "policy/text_edit.html", {"ctx": ctx, "block": block, "form": form}, status=400
        )
    return render(request, "policy/text_edit.html", {"ctx": ctx, "block": block, "form": form})


@org_view(Capability.MANAGE_POLICY)
def settings_edit(request, ctx):
    instance = selectors.policy_settings(ctx.org)
    form = PolicySettingsForm(request.POST or None, org=ctx.org, instance=instance)
    if request.method == "POST":
        if form.is_valid():
            services.update_settings(membership=ctx.membership, form=form)
            messages.success(request, _("Saved."))
            return redirect("policy_settings", slug=ctx.org.slug)
        status = 400
    else:
        status = 200
    return render(request, "policy/settings_edit.html", {"ctx": ctx, "form": form}, status=status)
