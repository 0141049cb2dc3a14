"""The three readers' views of the policy, each one click from the policy page (R0.2)."""

from django.shortcuts import render

from siyasa.core.views import org_view
from siyasa.policy import readers, selectors


@org_view()
def new_employee(request, ctx):
    rules = selectors.rules_to_show(ctx.org)
    data = readers.for_new_employee(ctx.org, ctx.membership, rules)
    return render(request, "policy/reader_me.html", {"ctx": ctx, "rules": rules, **data})


@org_view()
def manager(request, ctx):
    return render(
        request, "policy/reader_manager.html", {"ctx": ctx, **readers.for_manager(ctx.org)}
    )


@org_view()
def crisis_card(request, ctx):
    rules = selectors.rules_to_show(ctx.org)
    return render(
        request, "policy/reader_crisis.html", {"ctx": ctx, **readers.for_crisis(ctx.org, rules)}
    )
