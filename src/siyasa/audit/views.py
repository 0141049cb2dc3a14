"""The history page and its CSV export (R2.6), read-only for those who manage the policy; and
the owners' page that takes a secret out of the history (R2.8)."""

import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from siyasa.audit import selectors, services
from siyasa.audit.forms import HistoryFilterForm, PurgeForm
from siyasa.core.permissions import Capability
from siyasa.core.spreadsheets import BOM, text_cell
from siyasa.core.views import form_page
from siyasa.orgs.access import org_view

PER_PAGE = 25


def _filter_form(request, ctx) -> HistoryFilterForm:
    return HistoryFilterForm(request.GET, users=selectors.history_users(ctx.org))


def _invalid(request, ctx, form):
    return render(request, "audit/history.html", {"ctx": ctx, "form": form, "rows": []}, status=400)


@org_view(Capability.MANAGE_POLICY)
@require_safe
def history(request, ctx):
    """`?model=&user=&from=&to=` filter; `?model=registry.custody&object=12` is one object's."""
    form = _filter_form(request, ctx)
    if not form.is_valid():
        return _invalid(request, ctx, form)
    filters = form.filters()
    page = Paginator(selectors.history_keys(ctx.org, filters), PER_PAGE).get_page(
        request.GET.get("page")
    )
    rows = selectors.entries(ctx.org, page.object_list)
    one_object = None
    if filters.object_id is not None:
        one_object = (selectors.MODELS[filters.model]._meta.verbose_name, filters.object_id)
    return render(
        request,
        "audit/history.html",
        {"ctx": ctx, "form": form, "page": page, "rows": rows, "one_object": one_object},
    )


@org_view(Capability.MANAGE_POLICY)
@require_safe
def history_csv(request, ctx):
    """The same records as the page, every one of them: one line per changed field."""
    form = _filter_form(request, ctx)
    if not form.is_valid():
        return _invalid(request, ctx, form)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"history-{ctx.org.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write(BOM)
    writer = csv.writer(response)
    writer.writerow(
        [
            _("When"),
            _("Who"),
            _("Action"),
            _("Kind of record"),
            _("Record"),
            _("Field"),
            _("Before"),
            _("After"),
        ]
    )
    for entry in selectors.all_entries(ctx.org, form.filters()):
        when = timezone.localtime(entry.when).replace(microsecond=0).isoformat()
        head = [when, entry.who, entry.action_label, entry.model_name, entry.object_label]
        for change in entry.changes or [selectors.Change("", "", "")]:
            writer.writerow(
                [text_cell(value) for value in (*head, change.field, change.before, change.after)]
            )
    return response


@org_view(Capability.PURGE_HISTORY)
@require_http_methods(["GET", "HEAD", "POST"])
def history_purge(request, ctx):
    """`?model=registry.custody&object=12` fills in the record; a POST removes the text."""
    initial = {"model": request.GET.get("model", ""), "object": request.GET.get("object", "")}

    def save(form):
        data = form.cleaned_data
        services.purge(
            membership=ctx.membership,
            model_key=data["model"],
            object_id=data["object"],
            text=data["text"],
        )
        query = urlencode({"model": data["model"], "object": data["object"]})
        return reverse("audit_history", kwargs={"slug": ctx.org.slug}) + "?" + query

    return form_page(
        request,
        PurgeForm(request.POST or None, initial=initial),
        save=save,
        template="audit/purge.html",
        context={"ctx": ctx, "purges": selectors.purges(ctx.org)},
        success_message=_("The text is removed from the history of this record."),
    )
