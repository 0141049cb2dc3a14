"""People and contacts, members and invitations, and the organisation's settings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from siyasa.core.permissions import Capability, Role, grantable_roles
from siyasa.core.views import form_page
from siyasa.orgs import selectors, services
from siyasa.orgs.access import org_view
from siyasa.orgs.forms import (
    InvitationForm,
    MemberRoleForm,
    OrganizationForm,
    PersonForm,
)
from siyasa.orgs.models import Invitation, Membership, Person
from siyasa.orgs.row_views import RowDeleteView, RowFormView

# A new account made by accepting an invitation signs in at once, with the password just set.


@org_view()
def person_list(request, ctx):
    kind = request.GET.get("kind", "")
    if kind not in {"", "team", "contacts"}:
        kind = ""
    return render(
        request,
        "orgs/person_list.html",
        {
            "ctx": ctx,
            "people": selectors.people(ctx.org, kind=kind),
            "kind": kind,
            "roles": grantable_roles(ctx.membership),
            "default_role": Role.STAFF,
        },
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

    def post(self, request, pk, **kwargs):
        person = self.get_row(pk)
        try:
            services.delete_person(membership=self.ctx.membership, person=person)
        except ValidationError as error:
            context = {
                "ctx": self.ctx,
                "row": person,
                "cancel_url": self.get_success_url(person),
                "error": " ".join(error.messages),
            }
            return render(request, self.template_name, context, status=400)
        messages.success(request, _("Deleted."))
        return redirect(self.get_success_url(person))


def _member_page(request, ctx, *, error: str = "", status: int = 200):
    return render(
        request,
        "orgs/member_list.html",
        {
            "ctx": ctx,
            "members": selectors.members(ctx.org),
            "invitations": selectors.pending_invitations(ctx.org),
            "invitable": selectors.invitable_people(ctx.org),
            "roles": grantable_roles(ctx.membership),
            "all_roles": Role.choices,
            "default_role": Role.STAFF,
            "error": error,
        },
        status=status,
    )


@org_view(Capability.MANAGE_MEMBERS)
@require_safe
def member_list(request, ctx):
    return _member_page(request, ctx)


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


@org_view(Capability.MANAGE_MEMBERS)
@require_POST
def person_invite(request, ctx, pk):
    """Invite a person of the directory to sign in with the role chosen (`role`)."""
    person = get_object_or_404(Person.objects.for_org(ctx.org), pk=pk)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _member_page(request, ctx, error=_("Choose a valid role."), status=400)
    try:
        services.invite(membership=ctx.membership, person=person, role=form.cleaned_data["role"])
    except ValidationError as error:
        return _member_page(request, ctx, error=" ".join(error.messages), status=400)
    messages.success(
        request,
        _("Invitation sent to %(name)s (%(email)s).")
        % {"name": person.display_name, "email": person.email},
    )
    return redirect("member_list", slug=ctx.org.slug)


def _invitation_action(action, done: str | Promise):
    @org_view(Capability.MANAGE_MEMBERS)
    @require_POST
    def view(request, ctx, pk):
        invitation = get_object_or_404(Invitation.objects.for_org(ctx.org), pk=pk)
        try:
            action(membership=ctx.membership, invitation=invitation)
        except ValidationError as error:
            return _member_page(request, ctx, error=" ".join(error.messages), status=400)
        messages.success(request, done)
        return redirect("member_list", slug=ctx.org.slug)

    return view


invitation_resend = _invitation_action(
    services.resend_invitation, gettext_lazy("Invitation sent again, with a new link.")
)
invitation_revoke = _invitation_action(
    services.revoke_invitation, gettext_lazy("Invitation withdrawn: its link no longer works.")
)


@org_view(Capability.MANAGE_POLICY)
def org_settings(request, ctx):
    def save(form):
        services.update_organization(membership=ctx.membership, form=form)
        return reverse("org_settings", kwargs={"slug": ctx.org.slug})

    return form_page(
        request,
        OrganizationForm(
            request.POST or None,
            instance=ctx.org,
            # R2.9: pre-filled from the people's addresses until someone sets it.
            initial={
                "email_domains": ctx.org.email_domains or selectors.suggested_email_domains(ctx.org)
            },
        ),
        save=save,
        template="orgs/settings.html",
        context={"ctx": ctx},
        success_message=_("Saved."),
    )
