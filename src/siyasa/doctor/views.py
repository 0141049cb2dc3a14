"""The health page: the score, what is missing or overdue, and how to fix it."""

from django.shortcuts import render

from siyasa.doctor import engine, selectors
from siyasa.doctor.selectors import CHART_HEIGHT, CHART_WIDTH
from siyasa.orgs.access import org_view


@org_view()
def health(request, ctx):
    # Computed on every look, never cached: fixing a thing makes its finding disappear now. The
    # page only reads; `siyasa remind` records the day's score for the trend.
    report = engine.diagnose(ctx.org)
    sections = [
        (key, title, [(f, f.fix_url_for(ctx.membership, ctx.org.slug)) for f in findings])
        for key, title, findings in report.by_section()
    ]
    return render(
        request,
        "doctor/health.html",
        {
            "ctx": ctx,
            "report": report,
            "sections": sections,
            "not_started": [
                (f, f.fix_url_for(ctx.membership, ctx.org.slug)) for f in report.not_started
            ],
            "trend": selectors.trend(ctx.org, report.day, report.score),
            "chart": {"width": CHART_WIDTH, "height": CHART_HEIGHT},
        },
    )
