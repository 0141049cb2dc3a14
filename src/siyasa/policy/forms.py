"""Forms for the policy's texts and settings."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm, TextGuard
from siyasa.policy.models import PolicySettings, VersionKind

MAX_TEXT = 20000


class PolicyTextForm(TextGuard, forms.Form):
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
            "rotation_interval_days",
            "review_owner",
            "next_review_on",
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
            "next_review_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean_rotation_interval_days(self):
        days = self.cleaned_data["rotation_interval_days"]
        if not 7 <= days <= 730:
            raise forms.ValidationError(_("Choose an interval between 7 and 730 days."))
        return days

    def clean_legal_reviewed_on(self):
        day = self.cleaned_data["legal_reviewed_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("This date cannot be in the future."))
        return day


class PublishForm(TextGuard, forms.Form):
    summary = forms.CharField(
        label=_("What changed"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Staff read this when they are asked to acknowledge the new version."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of change"), choices=VersionKind.choices, widget=forms.RadioSelect
    )
    effective_on = forms.DateField(
        label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, org, **kwargs):
        super().__init__(*args, **kwargs)
        self.org = org
        self.fields["effective_on"].initial = timezone.localdate()
        self.fields["kind"].initial = VersionKind.MATERIAL

    def clean_summary(self):
        summary = self.cleaned_data["summary"].strip()
        if not summary:
            raise forms.ValidationError(_("Say in a sentence what changed."))
        return summary

    def clean_effective_on(self):
        day = self.cleaned_data["effective_on"]
        if day < timezone.localdate():
            raise forms.ValidationError(_("A new version cannot come into force in the past."))
        return day
