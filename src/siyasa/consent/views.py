"""Consent registry pages (R4.1, R4.2): the list, a record's form, withdrawal, take-down tasks."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from siyasa.consent import selectors, services
from siyasa.consent.forms import ConsentForm, WithdrawForm
from siyasa.consent.models import Consent, TakedownTask
from siyasa.core.permissions import Capability
from siyasa.orgs.access import org_view
from siyasa.orgs.models import Person
from siyasa.orgs.row_views import RowDeleteView, RowFormView


@org_view(Capability.MANAGE_CONSENT)
def consent_list(request, ctx):
    return render(
        request,
        "consent/consent_list.html",
        {"ctx": ctx, "consents": selectors.consents(ctx.org), "today": timezone.localdate()},
    )


class ConsentFormView(RowFormView):
    capability = Capability.MANAGE_CONSENT
    form_class = ConsentForm
    delete_url_name = "consent_delete"
    success_url_name = "consent_list"
    title_new = gettext_lazy("Record a consent")
    title_edit = gettext_lazy("Edit consent")


class ConsentDeleteView(RowDeleteView):
    capability = Capability.MANAGE_CONSENT
    model = Consent
    success_url_name = "consent_list"


@org_view(Capability.MANAGE_CONSENT)
def consent_withdraw(request, ctx, pk):
    consent = get_object_or_404(Consent.objects.for_org(ctx.org), pk=pk)
    form = WithdrawForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                tasks = services.withdraw(
                    membership=ctx.membership,
                    consent=consent,
                    on=form.cleaned_data["withdrawn_on"],
                    by=form.cleaned_data["withdrawn_by"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Consent withdrawn. Take-down tasks for the account owners: %(count)s.")
                    % {"count": len(tasks)},
                )
                return redirect("consent_list", slug=ctx.org.slug)
        status = 400
    return render(
        request,
        "consent/withdraw.html",
        {"ctx": ctx, "consent": consent, "form": form},
        status=status,
    )


@org_view()
def takedown_list(request, ctx):
    """Everyone sees the take-down tasks given to them; the registry's keepers see them all."""
    tasks = selectors.open_takedowns(ctx.org)
    if not ctx.perms.manage_consent:
        me = Person.objects.for_org(ctx.org).filter(user=request.user).first()
        tasks = tasks.filter(assignee=me) if me else tasks.none()
    return render(request, "consent/takedown_list.html", {"ctx": ctx, "tasks": tasks})


@org_view()
@require_POST
def takedown_done(request, ctx, pk):
    task = get_object_or_404(TakedownTask.objects.for_org(ctx.org), pk=pk)
    services.close_takedown(membership=ctx.membership, task=task)
    messages.success(request, _("Marked as taken down."))
    return redirect("takedown_list", slug=ctx.org.slug)
