"""Registry pages: accounts (with their grants and custody), responsibilities and devices."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.orgs.access import org_view
from siyasa.orgs.row_views import RowDeleteView, RowFormView
from siyasa.registry import selectors
from siyasa.registry.forms import (
    AccessGrantForm,
    CustodyForm,
    DeviceForm,
    ResponsibilityForm,
    SocialAccountForm,
)
from siyasa.registry.models import (
    AccessGrant,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)


@org_view()
def account_list(request, ctx):
    rows = selectors.accounts_with_rotation(
        ctx.org, today=timezone.localdate(), include_retired=True
    )
    return render(request, "registry/account_list.html", {"ctx": ctx, "rows": rows})


@org_view()
def account_detail(request, ctx, pk):
    account = get_object_or_404(
        selectors.accounts(ctx.org).prefetch_related("devices", "responsibilities__person"), pk=pk
    )
    return render(
        request,
        "registry/account_detail.html",
        {
            "ctx": ctx,
            "account": account,
            "custody": selectors.account_custody(account),
            "rotation": selectors.rotation(account, ctx.org, timezone.localdate()),
        },
    )


class AccountFormView(RowFormView):
    form_class = SocialAccountForm
    delete_url_name = "account_delete"
    success_url_name = "account_list"
    title_new = _("New account")
    title_edit = _("Edit account")

    def get_success_url(self, row):
        if row is None:
            return super().get_success_url(row)
        return reverse("account_detail", kwargs={"slug": self.ctx.org.slug, "pk": row.pk})


class AccountDeleteView(RowDeleteView):
    model = SocialAccount
    success_url_name = "account_list"


class _AccountChildMixin:
    """Views of a row that hangs under one account: /accounts/<account_pk>/…"""

    def dispatch_account(self):
        self.account = get_object_or_404(
            SocialAccount.objects.for_org(self.ctx.org), pk=self.kwargs["account_pk"]
        )

    def get(self, request, *args, **kwargs):
        self.dispatch_account()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.dispatch_account()
        return super().post(request, *args, **kwargs)

    def get_success_url(self, row):
        return reverse("account_detail", kwargs={"slug": self.ctx.org.slug, "pk": self.account.pk})


class GrantFormView(_AccountChildMixin, RowFormView):
    form_class = AccessGrantForm
    delete_url_name = "grant_delete"
    title_new = _("Give access to this account")
    title_edit = _("Change access")

    def get_row(self, pk):
        return get_object_or_404(
            AccessGrant.objects.for_org(self.ctx.org).filter(account=self.account), pk=pk
        )

    def get_form_kwargs(self, row):
        return {**super().get_form_kwargs(row), "account": self.account}


class GrantDeleteView(_AccountChildMixin, RowDeleteView):
    model = AccessGrant

    def get_queryset(self):
        return super().get_queryset().filter(account=self.account)


class CustodyFormView(_AccountChildMixin, RowFormView):
    """The one custody record of an account: created on first save, edited after."""

    form_class = CustodyForm
    title_new = _("Credential custody")
    title_edit = _("Credential custody")

    def get(self, request, *args, **kwargs):
        self.dispatch_account()
        return super(_AccountChildMixin, self).get(request, pk=self._existing_pk())

    def post(self, request, *args, **kwargs):
        self.dispatch_account()
        return super(_AccountChildMixin, self).post(request, pk=self._existing_pk())

    def _existing_pk(self):
        return (
            Custody.objects.for_org(self.ctx.org)
            .filter(account=self.account)
            .values_list("pk", flat=True)
            .first()
        )

    def get_form_kwargs(self, row):
        return {**super().get_form_kwargs(row), "account": self.account}


@org_view()
def responsibility_list(request, ctx):
    return render(
        request,
        "registry/responsibility_list.html",
        {"ctx": ctx, "areas": selectors.responsibilities_by_area(ctx.org)},
    )


class ResponsibilityFormView(RowFormView):
    form_class = ResponsibilityForm
    delete_url_name = "responsibility_delete"
    success_url_name = "responsibility_list"
    title_new = _("Assign a responsibility")
    title_edit = _("Edit responsibility")

    def get_initial(self, **kwargs):
        area = self.request.GET.get("area", "")
        return {"area": area} if area else {}


class ResponsibilityDeleteView(RowDeleteView):
    model = ResponsibilityAssignment
    success_url_name = "responsibility_list"


@org_view()
def device_list(request, ctx):
    return render(
        request, "registry/device_list.html", {"ctx": ctx, "devices": selectors.devices(ctx.org)}
    )


class DeviceFormView(RowFormView):
    form_class = DeviceForm
    delete_url_name = "device_delete"
    success_url_name = "device_list"
    title_new = _("Register a device")
    title_edit = _("Edit device")


class DeviceDeleteView(RowDeleteView):
    model = Device
    success_url_name = "device_list"
