"""People and contacts, members and the organisation's settings."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from siyasa.core.permissions import Capability
from siyasa.core.views import form_page
from siyasa.orgs import selectors, services
from siyasa.orgs.access import org_view
from siyasa.orgs.forms import (
    MemberAddForm,
    MemberRoleForm,
    OrganizationForm,
    PersonForm,
)
from siyasa.orgs.models import Membership, Person
from siyasa.orgs.row_views import RowDeleteView, RowFormView


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
