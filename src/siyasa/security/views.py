"""Security operations pages: rotations, offboarding, onboarding."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from siyasa.core.i18n import by_gender
from siyasa.core.permissions import Capability
from siyasa.orgs.access import org_view
from siyasa.orgs.models import Person
from siyasa.registry.models import SocialAccount
from siyasa.security import selectors as security_selectors
from siyasa.security.forms import OffboardingStartForm, RotationForm, SuccessorForm
from siyasa.security.models import Offboarding, OffboardingItem, OnboardingStep, RotationRecord
from siyasa.security.services import offboarding as offboarding_service
from siyasa.security.services import onboarding, rotations


@org_view(Capability.MANAGE_POLICY)
def overview(request, ctx):
    return render(
        request,
        "security/overview.html",
        {
            "ctx": ctx,
            "offboardings": security_selectors.open_offboardings(ctx.org),
            "onboardings": security_selectors.onboarding_progress(ctx.org),
            "step_kinds": OnboardingStep.Kind.choices,
            "rotations": RotationRecord.objects.for_org(ctx.org).select_related(
                "account", "rotated_by"
            )[:20],
        },
    )


@org_view()
def account_rotations(request, ctx, account_pk):
    account = get_object_or_404(SocialAccount.objects.for_org(ctx.org), pk=account_pk)
    may_record = rotations.may_record(ctx.membership, account)
    form = RotationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not may_record:
            raise PermissionDenied
        if form.is_valid():
            try:
                rotations.record_rotation(
                    membership=ctx.membership, account=account, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The rotation is recorded."))
                return redirect("account_rotations", slug=ctx.org.slug, account_pk=account.pk)
        status = 400
    history = (
        RotationRecord.objects.for_org(ctx.org).filter(account=account).select_related("rotated_by")
    )
    return render(
        request,
        "security/rotations.html",
        {"ctx": ctx, "account": account, "form": form if may_record else None, "history": history},
        status=status,
    )


@org_view(Capability.MANAGE_POLICY)
def offboarding_start(request, ctx, pk):
    person = get_object_or_404(Person.objects.for_org(ctx.org), pk=pk)
    form = OffboardingStartForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                started = offboarding_service.start(
                    membership=ctx.membership, person=person, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("The offboarding checklist of %(person)s is ready.") % {"person": person},
                )
                return redirect("offboarding_detail", slug=ctx.org.slug, pk=started.pk)
        return render(
            request,
            "security/offboarding_start.html",
            {"ctx": ctx, "person": person, "form": form},
            status=400,
        )
    return render(
        request, "security/offboarding_start.html", {"ctx": ctx, "person": person, "form": form}
    )


@org_view(Capability.MANAGE_POLICY)
def offboarding_detail(request, ctx, pk):
    offboarding = get_object_or_404(
        Offboarding.objects.for_org(ctx.org).select_related("person"), pk=pk
    )
    items = security_selectors.offboarding_items(ctx.org, offboarding)
    successor_form = SuccessorForm(org=ctx.org, leaving=offboarding.person)
    return render(
        request,
        "security/offboarding.html",
        {
            "ctx": ctx,
            "offboarding": offboarding,
            "items": items,
            "successor_form": successor_form,
            "open": sum(1 for i in items if not i.done_at),
        },
    )


@org_view(Capability.MANAGE_POLICY)
@require_POST
def offboarding_item(request, ctx, pk, item_pk):
    offboarding = get_object_or_404(Offboarding.objects.for_org(ctx.org), pk=pk)
    item = get_object_or_404(
        OffboardingItem.objects.for_org(ctx.org).filter(offboarding=offboarding), pk=item_pk
    )
    form = SuccessorForm(request.POST, org=ctx.org, leaving=offboarding.person)
    if not form.is_valid():
        messages.error(request, _("Choose a current person to hand this over to."))
        return redirect("offboarding_detail", slug=ctx.org.slug, pk=offboarding.pk)
    try:
        offboarding_service.complete(
            membership=ctx.membership, item=item, successor=form.cleaned_data["successor"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Marked done: %(item)s.") % {"item": item.label})
    return redirect("offboarding_detail", slug=ctx.org.slug, pk=offboarding.pk)


# The Arabic verb and pronoun agree with the person (docs/glossary.md).
ARCHIVED = {
    "": gettext_lazy("%(person)s is archived: nothing in Siyasa names them any more."),
    "feminine": pgettext_lazy(
        "feminine", "%(person)s is archived: nothing in Siyasa names them any more."
    ),
    "masculine": pgettext_lazy(
        "masculine", "%(person)s is archived: nothing in Siyasa names them any more."
    ),
}


@org_view(Capability.MANAGE_POLICY)
@require_POST
def offboarding_archive(request, ctx, pk):
    offboarding = get_object_or_404(Offboarding.objects.for_org(ctx.org), pk=pk)
    try:
        offboarding_service.archive(membership=ctx.membership, offboarding=offboarding)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("offboarding_detail", slug=ctx.org.slug, pk=offboarding.pk)
    messages.success(
        request,
        by_gender(offboarding.person.grammatical_gender, ARCHIVED) % {"person": offboarding.person},
    )
    return redirect("security_overview", slug=ctx.org.slug)


@org_view(Capability.MANAGE_POLICY)
@require_POST
def onboarding_start(request, ctx, pk):
    person = get_object_or_404(Person.objects.for_org(ctx.org), pk=pk)
    onboarding.start(membership=ctx.membership, person=person)
    messages.success(request, _("%(person)s has an onboarding checklist.") % {"person": person})
    return redirect("security_overview", slug=ctx.org.slug)


@org_view()
@require_POST
def onboarding_tick(request, ctx, pk):
    step = get_object_or_404(OnboardingStep.objects.for_org(ctx.org), pk=pk)
    onboarding.tick(membership=ctx.membership, step=step)
    messages.success(request, _("Marked done: %(item)s.") % {"item": step.get_kind_display()})
    back = request.POST.get("back")
    return redirect(
        back if back in {"policy_me", "security_overview"} else "policy_me", slug=ctx.org.slug
    )
