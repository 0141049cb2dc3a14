"""Home, starting an organisation, the workspace, where sign-in leads, "what it asks of me", and
the policy's draft with what its publication carries from the apps above policy."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from siyasa.core.permissions import Capability
from siyasa.core.views import form_page
from siyasa.doctor.engine import diagnose
from siyasa.doctor.findings import Severity
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.access import org_view
from siyasa.orgs.forms import OrganizationCreateForm
from siyasa.policy import selectors as policy_selectors
from siyasa.policy.views import versions as policy_versions
from siyasa.training import selectors as training_selectors
from siyasa.workspace import selectors, services


def home(request):
    # Only the visitor's own organisations: a public policy is read by its link, and a list of
    # every public organisation would tell a stranger whom this server holds data for.
    return render(
        request,
        "workspace/home.html",
        {"organizations": org_selectors.organizations_for(request.user)},
    )


@login_required
def after_sign_in(request):
    """Where signing in leads without a `next`: a member who has not acknowledged the policy in
    force reads it first (R0.3); everyone else goes home."""
    pending = policy_selectors.organizations_awaiting_acknowledgement(request.user)
    if pending:
        return redirect("policy_me", slug=pending[0].slug)
    return redirect("home")


@login_required
def organization_new(request):
    """Any signed-in user may start an organisation and becomes its owner."""

    def save(form):
        org = services.create_organization(owner=request.user, **form.cleaned_data)
        return reverse("workspace", kwargs={"slug": org.slug})

    return form_page(
        request,
        OrganizationCreateForm(
            request.POST or None, initial={"owner_name": request.user.get_full_name()}
        ),
        save=save,
        template="workspace/organization_new.html",
        context={},
        success_message=_("The organisation is ready, with a default policy to edit."),
    )


TOP_ERRORS = 5


@org_view()
def workspace(request, ctx):
    health = diagnose(ctx.org)
    errors = [f for f in health.findings if f.severity == Severity.ERROR]
    counts = selectors.workspace_counts(ctx.org)
    steps = selectors.getting_started(ctx.org, health, counts)
    return render(
        request,
        "workspace/workspace.html",
        {
            "ctx": ctx,
            "counts": counts,
            "steps": steps,
            "steps_left": sum(1 for step in steps if not step.done),
            "policy": policy_selectors.policy_summary(ctx.org),
            "health": health,
            "top_errors": [
                (f, f.link_for(ctx.membership, ctx.org.slug)) for f in errors[:TOP_ERRORS]
            ],
            "more_errors": max(len(errors) - TOP_ERRORS, 0),
            "bank_waiting": training_selectors.bank_changes(ctx.org)
            if ctx.perms.edit_content
            else None,
        },
    )


@org_view()
def me(request, ctx):
    rules = policy_selectors.rules_to_show(ctx.org)
    data = selectors.for_new_employee(ctx.org, ctx.membership, rules)
    return render(request, "workspace/me.html", {"ctx": ctx, "rules": rules, **data})


def _draft_notes(request, ctx) -> list[str]:
    """What else publishing the draft brings to staff: the quiz's waiting changes."""
    changes = training_selectors.bank_changes(ctx.org)
    if not changes:  # none before the first version, or nothing changed since the latest
        return []
    context = {"ctx": ctx, "bank_waiting": changes}
    return [render_to_string("training/_bank_waiting.html", context, request)]


@org_view(Capability.EDIT_CONTENT)
def policy_draft(request, ctx):
    return policy_versions.draft_page(request, ctx, notes=_draft_notes(request, ctx))


@org_view(Capability.MANAGE_POLICY)
@require_POST
def policy_publish(request, ctx):
    return policy_versions.publish_draft(request, ctx, notes=lambda: _draft_notes(request, ctx))
