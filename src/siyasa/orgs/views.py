"""Home, the organisation's workspace, people and contacts, members and settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from siyasa.core.permissions import Capability
from siyasa.core.two_factor import second_factor_url
from siyasa.core.views import RowDeleteView, RowFormView, form_page, org_view
from siyasa.doctor.engine import diagnose
from siyasa.doctor.findings import Severity
from siyasa.orgs import selectors, services
from siyasa.orgs.forms import (
    MemberAddForm,
    MemberRoleForm,
    OrganizationCreateForm,
    OrganizationForm,
    PersonForm,
)
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.selectors import organizations_awaiting_acknowledgement, policy_summary


class SignInView(LoginView):
    """Django's sign-in, answering a wrong password with 400 like every other bad input.

    Its form passes the request to `authenticate()`, which django-axes needs to count failures.
    """

    redirect_authenticated_user = True

    def get_success_url(self):
        url = self._destination()
        # Owners and policy admins (and anyone with an authenticator) give a code next.
        return second_factor_url(self.request, url) or url

    def _destination(self):
        # A member who has not acknowledged the policy in force sees it first (R0.3).
        if not self.get_redirect_url():
            pending = organizations_awaiting_acknowledgement(self.request.user)
            if pending:
                return reverse("policy_me", kwargs={"slug": pending[0].slug})
        return super().get_success_url()

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@login_required
def organization_new(request):
    """Any signed-in user may start an organisation and becomes its owner."""

    def save(form):
        org = services.create_organization(owner=request.user, **form.cleaned_data)
        return reverse("workspace", kwargs={"slug": org.slug})

    return form_page(
        request,
        OrganizationCreateForm(request.POST or None),
        save=save,
        template="orgs/organization_new.html",
        context={},
        success_message=_("The organisation is ready, with a default policy to edit."),
    )


def home(request):
    public = Organization.objects.filter(policy_visibility=Organization.Visibility.PUBLIC)
    return render(
        request,
        "orgs/home.html",
        {
            "organizations": selectors.organizations_for(request.user),
            "public_organizations": public[:20],
        },
    )


TOP_ERRORS = 5


@org_view()
def workspace(request, ctx):
    health = diagnose(ctx.org)
    errors = [f for f in health.findings if f.severity == Severity.ERROR]
    return render(
        request,
        "orgs/workspace.html",
        {
            "ctx": ctx,
            "counts": selectors.workspace_counts(ctx.org),
            "policy": policy_summary(ctx.org),
            "health": health,
            "top_errors": errors[:TOP_ERRORS],
            "more_errors": max(len(errors) - TOP_ERRORS, 0),
        },
    )


@org_view()
def person_list(request, ctx):
    kind = request.GET.get("kind", "")
    if kind not in {"", "team", "contacts"}:
        kind = ""
    return render(
        request,
        "orgs/person_list.html",
        {"ctx": ctx, "people": selectors.people(ctx.org, kind=kind), "kind": kind},
    )


class PersonFormView(RowFormView):
    form_class = PersonForm
    delete_url_name = "person_delete"
    success_url_name = "person_list"
    title_new = gettext_lazy("New person or contact")
    title_edit = gettext_lazy("Edit person")

    def get_initial(self, **kwargs):
        return {"kind": Person.Kind.CONTACT} if self.request.GET.get("kind") == "contact" else {}


class PersonDeleteView(RowDeleteView):
    model = Person
    success_url_name = "person_list"


@org_view(Capability.MANAGE_MEMBERS)
def member_list(request, ctx):
    def save(form):
        services.add_member(membership=ctx.membership, **form.cleaned_data)
        return reverse("member_list", kwargs={"slug": ctx.org.slug})

    return form_page(
        request,
        MemberAddForm(request.POST or None),
        save=save,
        template="orgs/member_list.html",
        context={"ctx": ctx, "members": selectors.members(ctx.org), "role_form": MemberRoleForm()},
        success_message=_("Member added."),
    )


@org_view(Capability.MANAGE_MEMBERS)
def member_change(request, ctx, pk):
    target = get_object_or_404(Membership.objects.filter(organization=ctx.org), pk=pk)
    if request.method != "POST":
        return redirect("member_list", slug=ctx.org.slug)
    try:
        if request.POST.get("action") == "remove":
            services.remove_member(membership=ctx.membership, target=target)
            messages.success(request, _("Member removed."))
        else:
            form = MemberRoleForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Choose a valid role."))
                return redirect("member_list", slug=ctx.org.slug)
            services.change_role(
                membership=ctx.membership, target=target, role=form.cleaned_data["role"]
            )
            messages.success(request, _("Role changed."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("member_list", slug=ctx.org.slug)


@org_view(Capability.MANAGE_POLICY)
def org_settings(request, ctx):
    def save(form):
        services.update_organization(membership=ctx.membership, form=form)
        return reverse("org_settings", kwargs={"slug": ctx.org.slug})

    return form_page(
        request,
        OrganizationForm(request.POST or None, instance=ctx.org),
        save=save,
        template="orgs/settings.html",
        context={"ctx": ctx},
        success_message=_("Saved."),
    )
