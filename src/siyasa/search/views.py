"""The search page and the help pages."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from siyasa.core.permissions import can
from siyasa.core.ratelimits import limit_per_address
from siyasa.orgs.access import org_view
from siyasa.search import help as help_areas
from siyasa.search import selectors
from siyasa.search.forms import SearchForm


@org_view()
def search(request, ctx):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "search/results.html", {"ctx": ctx, "form": form}, status=400)
    if not form.cleaned_data["q"]:
        return render(request, "search/results.html", {"ctx": ctx, "form": form})
    return _results(request, ctx, form)


# Only a search that runs counts against the address's rate (an empty box costs nothing).
@limit_per_address("search", "SIYASA_SEARCH_RATE")
def _results(request, ctx, form):
    results = selectors.search(ctx.org, ctx.membership, form.cleaned_data["q"])
    return render(request, "search/results.html", {"ctx": ctx, "form": form, "results": results})


@org_view()
def help_page(request, ctx, area):
    found = help_areas.HELP.get(area)
    if found is None:
        raise Http404
    # A link only to the pages this member may use there.
    changes = [
        (change, reverse(change.url_name, kwargs={"slug": ctx.org.slug}))
        if can(ctx.membership, change.capability)
        else (change, "")
        for change in found.changes
    ]
    return render(
        request,
        "search/help.html",
        {"ctx": ctx, "area": found, "areas": help_areas.AREAS, "changes": changes},
    )
