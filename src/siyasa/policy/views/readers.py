"""Two of the readers' views of the policy, one click from the policy page (R0.2); the third,
"what it asks of me", is in the workspace app because it also shows onboarding."""

from django.shortcuts import render

from siyasa.orgs.access import org_view
from siyasa.policy import selectors


@org_view()
def manager(request, ctx):
    return render(
        request, "policy/reader_manager.html", {"ctx": ctx, **selectors.for_manager(ctx.org)}
    )


@org_view()
def crisis_card(request, ctx):
    rules = selectors.rules_to_show(ctx.org)
    return render(
        request, "policy/reader_crisis.html", {"ctx": ctx, **selectors.for_crisis(ctx.org, rules)}
    )
