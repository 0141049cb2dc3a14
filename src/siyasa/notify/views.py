"""The notification log: what was sent to whom and when — the reminder digests and the crisis
alerts, with those that could not be sent — for those who manage the policy."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language

from siyasa.core.permissions import Capability
from siyasa.notify import selectors, texts
from siyasa.orgs.access import org_view

PER_PAGE = 25


@org_view(Capability.MANAGE_POLICY)
def notification_log(request, ctx):
    page = Paginator(selectors.digests(ctx.org), PER_PAGE).get_page(request.GET.get("page"))
    alerts = Paginator(selectors.alerts(ctx.org), PER_PAGE).get_page(request.GET.get("alerts"))
    language = get_language()

    def link(path: str) -> str:
        return f"/{language}{path}"

    rows = [
        (
            digest,
            [
                (item, texts.words(item.content, language, link), link(item.path))
                for item in digest.items.all()
            ],
        )
        for digest in page
    ]
    return render(
        request,
        "notify/notification_log.html",
        {"ctx": ctx, "page": page, "rows": rows, "alerts": alerts},
    )
