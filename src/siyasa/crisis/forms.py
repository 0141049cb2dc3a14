"""Forms for the crisis plan's contacts and levels."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm
from siyasa.crisis.models import EmergencyContact, SeverityLevel


class EmergencyContactForm(OrgModelForm):
    class Meta:
        model = EmergencyContact
        fields = ["role", "person", "backup", "verified_on"]
        widgets = {"verified_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def clean(self):
        data = super().clean()
        if data.get("person") and data.get("person") == data.get("backup"):
            self.add_error("backup", _("The backup must be someone else."))
        verified = data.get("verified_on")
        if verified and verified > timezone.localdate():
            self.add_error("verified_on", _("This date cannot be in the future."))
        return data


class SeverityLevelForm(OrgModelForm):
    class Meta:
        model = SeverityLevel
        fields = ["rank", "name_ar", "name_en", "criteria_ar", "criteria_en"]
        widgets = {
            "name_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "name_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "criteria_ar": forms.Textarea(attrs={"dir": "rtl", "lang": "ar", "rows": 4}),
            "criteria_en": forms.Textarea(attrs={"dir": "ltr", "lang": "en", "rows": 4}),
        }

    def clean_rank(self):
        rank = self.cleaned_data["rank"]
        if not 1 <= rank <= 9:
            raise forms.ValidationError(_("Choose a rank from 1 to 9."))
        return rank
