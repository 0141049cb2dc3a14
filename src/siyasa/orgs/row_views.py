"""The generic views that create, edit and delete one organisation-owned row."""

from urllib.parse import urlencode

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from siyasa.core.forms import OrgModelForm
from siyasa.core.permissions import edit_capability, require
from siyasa.core.tenancy import OrgOwned
from siyasa.orgs import rows
from siyasa.orgs.access import OrgView
from siyasa.orgs.models import Organization

# The name of the second submit button of a new row's form: save, then the same form again.
ADD_ANOTHER = "save_and_add_another"


class RowFormView(OrgView):
    """Create or edit one organisation-owned row with an `OrgModelForm`.

    Subclasses set `form_class`, `success_url_name` and the titles. An invalid form answers
    400 with the errors in the user's language; nothing is written.
    """

    form_class: type[OrgModelForm] | None = None
    template_name = "core/form.html"
    success_url_name = ""
    delete_url_name = ""
    title_new: str | Promise = ""
    title_edit: str | Promise = ""

    def get_row(self, pk):
        model = self.form_class._meta.model
        return get_object_or_404(model.objects.for_org(self.ctx.org), pk=pk)

    def get_form_kwargs(self, row):
        return {"org": self.ctx.org, **({"instance": row} if row is not None else {})}

    def get(self, request, pk=None, **kwargs):
        self.require_edit()
        row = self.get_row(pk) if pk is not None else None
        form = self.form_class(**self.get_form_kwargs(row), initial=self.get_initial(**kwargs))
        return self.render(form, row)

    def post(self, request, pk=None, **kwargs):
        self.require_edit()
        row = self.get_row(pk) if pk is not None else None
        form = self.form_class(
            request.POST, **self.get_form_kwargs(row), initial=self.get_initial(**kwargs)
        )
        if form.is_valid():
            try:
                saved = rows.save_row(membership=self.ctx.membership, form=form)
            except IntegrityError:
                form.add_error(
                    None, _("This conflicts with an existing entry. Please check and try again.")
                )
            else:
                messages.success(request, _("Saved."))
                if row is None and ADD_ANOTHER in request.POST:
                    # The same empty form again (keeping its query, e.g. ?kind=contact).
                    return redirect(request.get_full_path())
                return redirect(self.get_success_url(saved))
        return self.render(form, row, status=400)

    def get_initial(self, **kwargs):
        return {}

    def require_edit(self):
        require(self.ctx.membership, edit_capability(self.form_class._meta.model))

    def get_success_url(self, row):
        """Where saving (or cancelling, with `row` None for a new row) leads."""
        return _org_url(self.success_url_name, self.ctx.org)

    def render(self, form, row, status=200):
        context = {
            "ctx": self.ctx,
            "form": form,
            "row": row,
            "title": self.title_edit if row is not None else self.title_new,
            "cancel_url": self.get_success_url(row),
            "delete_url": self.get_delete_url(row),
            "history_url": self.get_history_url(row),
            "add_another": ADD_ANOTHER if row is None else "",
        }
        return render(self.request, self.template_name, context, status=status)

    def get_history_url(self, row):
        """The row's change history (R2.6), for those who may read it."""
        if row is None or not self.ctx.perms.manage_policy:
            return None
        query = urlencode({"model": row._meta.label_lower, "object": row.pk})
        return f"{_org_url('audit_history', self.ctx.org)}?{query}"

    def get_delete_url(self, row):
        if row is None or not self.delete_url_name:
            return None
        return reverse(
            self.delete_url_name, kwargs={**self.kwargs, "slug": self.ctx.org.slug, "pk": row.pk}
        )


class RowDeleteView(OrgView):
    """Confirm and delete one organisation-owned row."""

    model: type[OrgOwned] | None = None
    success_url_name = ""
    template_name = "core/confirm_delete.html"

    def get_row(self, pk):
        row = get_object_or_404(self.get_queryset(), pk=pk)
        require(self.ctx.membership, edit_capability(self.model))
        return row

    def get_queryset(self):
        return self.model.objects.for_org(self.ctx.org)

    def get(self, request, pk, **kwargs):
        row = self.get_row(pk)
        return render(
            request,
            self.template_name,
            {"ctx": self.ctx, "row": row, "cancel_url": self.get_success_url(row)},
        )

    def post(self, request, pk, **kwargs):
        row = self.get_row(pk)
        url = self.get_success_url(row)
        rows.delete_row(membership=self.ctx.membership, row=row)
        messages.success(request, _("Deleted."))
        return redirect(url)

    def get_success_url(self, row):
        return _org_url(self.success_url_name, self.ctx.org)


def _org_url(name: str, org: Organization) -> str:
    return reverse(name, kwargs={"slug": org.slug})
