"""Crisis plan pages: emergency contacts and severity levels."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from siyasa.core.views import RowDeleteView, RowFormView, org_view
from siyasa.crisis import selectors
from siyasa.crisis.forms import EmergencyContactForm, SeverityLevelForm
from siyasa.crisis.models import EmergencyContact, SeverityLevel


@org_view()
def plan(request, ctx):
    return render(
        request,
        "crisis/plan.html",
        {
            "ctx": ctx,
            "contacts": selectors.emergency_contacts(ctx.org),
            "levels": selectors.severity_levels(ctx.org),
        },
    )


class ContactFormView(RowFormView):
    form_class = EmergencyContactForm
    delete_url_name = "contact_delete"
    success_url_name = "crisis_plan"
    title_new = _("New emergency contact")
    title_edit = _("Edit emergency contact")


class ContactDeleteView(RowDeleteView):
    model = EmergencyContact
    success_url_name = "crisis_plan"


class LevelFormView(RowFormView):
    form_class = SeverityLevelForm
    delete_url_name = "level_delete"
    success_url_name = "crisis_plan"
    title_new = _("New severity level")
    title_edit = _("Edit severity level")


class LevelDeleteView(RowDeleteView):
    model = SeverityLevel
    success_url_name = "crisis_plan"
