"""Registry pages: accounts (with their grants, custody and connected apps), requests to open
an account, responsibilities, devices and the moderation log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from siyasa.core.permissions import Capability
from siyasa.core.views import form_page
from siyasa.orgs.access import org_view
from siyasa.orgs.row_views import RowDeleteView, RowFormView
from siyasa.registry import selectors, services
from siyasa.registry.forms import (
    AccessGrantForm,
    AccountDecisionForm,
    AccountRequestForm,
    ConnectedAppForm,
    CustodyForm,
    DeviceForm,
    ModerationDecisionForm,
    ResponsibilityForm,
    SocialAccountForm,
)
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
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
        selectors.accounts(ctx.org).prefetch_related(
            "devices",
            "responsibilities__person",
            "connected_apps__approved_by",
            "connected_apps__owner",
        ),
        pk=pk,
    )
    today = timezone.localdate()
    return render(
        request,
        "registry/account_detail.html",
        {
            "ctx": ctx,
            "account": account,
            "custody": selectors.account_custody(account),
            "rotation": selectors.rotation(account, ctx.org, today),
            "dormant": account.is_dormant_on(today),
            "connections": [(app, app.review_due(today)) for app in account.connected_apps.all()],
        },
    )


@org_view(Capability.EDIT_CONTENT)
@require_POST
def account_activity(request, ctx, pk):
    """R1.6: record that the account was used today."""
    account = get_object_or_404(SocialAccount.objects.for_org(ctx.org), pk=pk)
    services.record_activity(membership=ctx.membership, account=account)
    messages.success(request, gettext("Activity recorded for today."))
    return redirect("account_detail", slug=ctx.org.slug, pk=account.pk)


@org_view()
def account_request_list(request, ctx):
    """R1.6: requests to open an account, waiting ones first; approvers decide here."""
    return render(
        request,
        "registry/account_request_list.html",
        {
            "ctx": ctx,
            "requests": selectors.account_requests(ctx.org),
            "decision_form": AccountDecisionForm() if ctx.perms.approve_accounts else None,
        },
    )


@org_view()
def account_request_new(request, ctx):
    def save(form):
        services.request_account(membership=ctx.membership, form=form)
        return reverse("account_request_list", kwargs={"slug": ctx.org.slug})

    return form_page(
        request,
        AccountRequestForm(request.POST or None, org=ctx.org),
        save=save,
        template="core/form.html",
        context={
            "ctx": ctx,
            "title": _("Ask to open a new account"),
            "cancel_url": reverse("account_request_list", kwargs={"slug": ctx.org.slug}),
        },
        success_message=gettext("Your request is sent; you will see the decision here."),
    )


@org_view(Capability.APPROVE_ACCOUNTS)
@require_POST
def account_request_decide(request, ctx, pk):
    row = get_object_or_404(AccountRequest.objects.for_org(ctx.org), pk=pk)
    form = AccountDecisionForm(request.POST)
    back = redirect("account_request_list", slug=ctx.org.slug)
    if not form.is_valid():
        messages.error(request, gettext("Choose whether to approve or refuse the request."))
        return render(
            request,
            "registry/account_request_list.html",
            {"ctx": ctx, "requests": selectors.account_requests(ctx.org), "decision_form": form},
            status=400,
        )
    approve = form.cleaned_data["decision"] == AccountRequest.Status.APPROVED
    try:
        row = services.decide_account_request(
            membership=ctx.membership,
            account_request=row,
            approve=approve,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back
    if approve:
        messages.success(request, gettext("Approved: the account is registered."))
        return redirect("account_detail", slug=ctx.org.slug, pk=row.account_id)
    messages.success(request, gettext("The request is refused."))
    return back


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


class ConnectedAppFormView(_AccountChildMixin, RowFormView):
    """R2.10: an app or tool connected to the account."""

    form_class = ConnectedAppForm
    delete_url_name = "connection_delete"
    title_new = _("Record a connected app")
    title_edit = _("Edit connected app")

    def get_row(self, pk):
        return get_object_or_404(
            ConnectedApp.objects.for_org(self.ctx.org).filter(account=self.account), pk=pk
        )

    def get_form_kwargs(self, row):
        return {**super().get_form_kwargs(row), "account": self.account}


class ConnectedAppDeleteView(_AccountChildMixin, RowDeleteView):
    model = ConnectedApp

    def get_queryset(self):
        return super().get_queryset().filter(account=self.account)


@org_view()
def moderation_list(request, ctx):
    """R6.5: the log of serious moderation decisions — members only."""
    return render(
        request,
        "registry/moderation_list.html",
        {
            "ctx": ctx,
            "decisions": selectors.moderation_decisions(ctx.org),
            "can_edit": ctx.perms.edit_content,
        },
    )


class ModerationFormView(RowFormView):
    form_class = ModerationDecisionForm
    delete_url_name = "moderation_delete"
    success_url_name = "moderation_list"
    title_new = _("Record a moderation decision")
    title_edit = _("Edit moderation decision")

    def get_initial(self, **kwargs):
        return {"decided_on": timezone.localdate()}


class ModerationDeleteView(RowDeleteView):
    model = ModerationDecision
    success_url_name = "moderation_list"


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
