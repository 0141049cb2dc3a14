"""Export, template and import pages of every registry, for those who may edit it."""

from functools import wraps

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from siyasa.core.permissions import edit_capability, require
from siyasa.orgs.access import org_view
from siyasa.transfer import files, services
from siyasa.transfer.forms import ConfirmForm, ImportForm
from siyasa.transfer.resources import resource_for

# One import waits for confirmation per session: the latest preview replaces any other, so what a
# session holds is bounded by one file's rows.
PENDING = "transfer_pending"


def registry_view(*methods):
    """A view of one registry's file: the one door to the organisation (`org_view`), then the
    capability editing the registry needs (a member without it gets 403), then the method."""

    def decorator(view):
        @org_view()
        @wraps(view)
        def wrapper(request, ctx, registry, **kwargs):
            resource = resource_for(registry, ctx.org)
            require(ctx.membership, edit_capability(resource.model))
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            return view(request, ctx, resource, **kwargs)

        return wrapper

    return decorator


def _file(dataset, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(files.write(dataset, fmt), content_type=files.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    add_never_cache_headers(response)  # people's phones and e-mails: no copy in any cache
    return response


@registry_view("GET", "HEAD")
def export(request, ctx, resource, fmt):
    name = f"{resource.slug}-{ctx.org.slug}-{timezone.localdate():%Y-%m-%d}"
    return _file(resource.export(), fmt, name)


@registry_view("GET", "HEAD")
def template(request, ctx, resource, fmt):
    return _file(resource.template(), fmt, f"{resource.slug}-template")


@registry_view("GET", "HEAD", "POST")
def import_file(request, ctx, resource):
    """GET: the upload form and what each column holds. POST: the preview of the file."""
    registry = resource.slug
    if request.method != "POST":
        return _upload_page(request, ctx, resource, ImportForm(resource=resource))
    form = ImportForm(request.POST, request.FILES, resource=resource)
    request.session.pop(PENDING, None)
    if not form.is_valid():
        return _upload_page(request, ctx, resource, form, status=400)
    preview = services.preview_import(
        membership=ctx.membership, registry=registry, table=form.table
    )
    if not preview.has_errors:
        request.session[PENDING] = {
            "org": ctx.org.pk,
            "registry": registry,
            "table": form.table.pack(),
        }
    return _preview_page(request, ctx, resource, preview)


@registry_view("POST")
def import_confirm(request, ctx, resource):
    """Write the previewed file, all of it or nothing, and go back to the registry."""
    registry = resource.slug
    table = _pending_table(request, ctx, registry)
    if table is None:
        messages.error(
            request, _("There is no import waiting for confirmation: upload the file again.")
        )
        return _upload_page(request, ctx, resource, ImportForm(resource=resource), status=400)
    try:
        preview = services.confirm_import(membership=ctx.membership, registry=registry, table=table)
    except services.ImportRefused as refused:
        request.session.pop(PENDING, None)
        messages.error(request, _("The registry changed since the preview. Nothing was written."))
        return _preview_page(request, ctx, resource, refused.preview)
    except IntegrityError:
        messages.error(
            request, _("This conflicts with an existing entry. Nothing was written; try again.")
        )
        return _upload_page(request, ctx, resource, ImportForm(resource=resource), status=400)
    request.session.pop(PENDING, None)
    messages.success(
        request,
        _(
            "Imported: %(new)s new, %(changed)s changed, %(unchanged)s unchanged. "
            "The history records every change."
        )
        % {
            "new": preview.count(services.Status.NEW),
            "changed": preview.count(services.Status.CHANGED),
            "unchanged": preview.count(services.Status.UNCHANGED),
        },
    )
    return redirect(_list_url(ctx, resource))


def _pending_table(request, ctx, registry) -> files.Table | None:
    """The previewed table this confirmation is for, or None when it is gone or out of date."""
    form = ConfirmForm(request.POST)
    pending = request.session.get(PENDING)
    if not form.is_valid() or not pending:
        return None
    if pending["org"] != ctx.org.pk or pending["registry"] != registry:
        return None
    table = files.Table.unpack(pending["table"])
    return table if table.digest == form.cleaned_data["digest"] else None


def _upload_page(request, ctx, resource, form, status=200):
    return render(
        request,
        "transfer/import.html",
        {"ctx": ctx, "resource": resource, "form": form, "list_url": _list_url(ctx, resource)},
        status=status,
    )


def _preview_page(request, ctx, resource, preview):
    return render(
        request,
        "transfer/preview.html",
        {
            "ctx": ctx,
            "resource": resource,
            "preview": preview,
            "confirm": ConfirmForm(initial={"digest": preview.table.digest}),
            "list_url": _list_url(ctx, resource),
        },
        # A file with a bad row is bad input: the page says which rows and why.
        status=400 if preview.has_errors else 200,
    )


def _list_url(ctx, resource) -> str:
    return reverse(resource.list_url_name, kwargs={"slug": ctx.org.slug}) + resource.list_url_anchor
