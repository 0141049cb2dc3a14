"""Forms for the policy's texts and settings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm
from siyasa.policy.models import PolicySettings

MAX_TEXT = 20000


class PolicyTextForm(forms.Form):
    body_ar = forms.CharField(
        label=_("Arabic text"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"dir": "rtl", "lang": "ar", "rows": 14}),
    )
    body_en = forms.CharField(
        label=_("English text"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"dir": "ltr", "lang": "en", "rows": 14}),
    )

    def clean(self):
        data = super().clean()
        if not (data.get("body_ar", "").strip() or data.get("body_en", "").strip()):
            raise forms.ValidationError(_("Write the text in at least one language."))
        return data


class PolicySettingsForm(OrgModelForm):
    class Meta:
        model = PolicySettings
        fields = [
            "stance",
            "disclaimer_ar",
            "disclaimer_en",
            "spokespeople",
            "legal_adviser",
            "legal_reviewed_on",
        ]
        widgets = {
            "disclaimer_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "disclaimer_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "spokespeople": forms.CheckboxSelectMultiple,
            "legal_reviewed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_legal_reviewed_on(self):
        day = self.cleaned_data["legal_reviewed_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("This date cannot be in the future."))
        return day
