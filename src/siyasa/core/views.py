"""Organisation resolution for every view, and the generic registry views built on it."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from siyasa.core import services
from siyasa.core.permissions import Capability, Perms, edit_capability, require
from siyasa.orgs.models import Membership, Organization


class OrgContext:
    """What a view knows about the organisation in its URL and the visitor's place in it."""

    def __init__(self, org: Organization, membership: Membership | None):
        self.org = org
        self.membership = membership
        self.perms = Perms(membership)


def resolve_org(request, slug: str, capability: Capability | None, *, public_read: bool = False):
    """The one door to an organisation's data.

    Returns an `OrgContext`, or raises: a non-member gets 404 (the organisation's pages do not
    exist for them), a member without the capability gets 403. `public_read` lets anonymous
    visitors through when the organisation publishes its policy.
    """
    org = get_object_or_404(Organization, slug=slug)
    membership = None
    if request.user.is_authenticated:
        membership = Membership.objects.filter(user=request.user, organization=org).first()
    if membership is None:
        if public_read and org.is_public:
            return OrgContext(org, None)
        if not request.user.is_authenticated:
            raise _LoginRequired
        raise Http404
    if capability is not None:
        require(membership, capability)
    return OrgContext(org, membership)


class _LoginRequired(Exception):
    pass


def org_view(capability: Capability | None = Capability.VIEW, *, public_read: bool = False):
    """Decorator for function views under /o/<slug>/: passes an `OrgContext` as `ctx`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            try:
                ctx = resolve_org(request, slug, capability, public_read=public_read)
            except _LoginRequired:
                return redirect_to_login(request.get_full_path())
            request.org_ctx = ctx
            return view(request, ctx, *args, **kwargs)

        return wrapper

    return decorator


class OrgView(View):
    """Class-based counterpart of `org_view`."""

    capability: Capability | None = Capability.VIEW

    def dispatch(self, request, slug, *args, **kwargs):
        try:
            self.ctx = resolve_org(request, slug, self.capability)
        except _LoginRequired:
            return redirect_to_login(request.get_full_path())
        request.org_ctx = self.ctx
        return super().dispatch(request, *args, **kwargs)


class RowFormView(OrgView):
    """Create or edit one organisation-owned row with an `OrgModelForm`.

    Subclasses set `form_class`, `success_url_name` and the titles. An invalid form answers
    400 with the errors in the user's language; nothing is written.
    """

    form_class = None
    template_name = "core/form.html"
    success_url_name = ""
    delete_url_name = ""
    title_new = ""
    title_edit = ""

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
                saved = services.save_row(membership=self.ctx.membership, form=form)
            except IntegrityError:
                form.add_error(
                    None, _("This conflicts with an existing entry. Please check and try again.")
                )
            else:
                messages.success(request, _("Saved."))
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

    model = None
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
        services.delete_row(membership=self.ctx.membership, row=row)
        messages.success(request, _("Deleted."))
        return redirect(url)

    def get_success_url(self, row):
        return _org_url(self.success_url_name, self.ctx.org)


def form_page(request, form, *, save, template: str, context: dict, success_message: str):
    """The life of a form page: GET shows it; a valid POST runs `save(form)` — which returns the
    URL to go to, or raises ValidationError for a message on the form — and an invalid one
    answers 400 with the errors, nothing written."""
    if request.method == "POST":
        if form.is_valid():
            try:
                url = save(form)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, success_message)
                return redirect(url)
        return render(request, template, {**context, "form": form}, status=400)
    return render(request, template, {**context, "form": form})


def _org_url(name: str, org: Organization) -> str:
    return reverse(name, kwargs={"slug": org.slug})
