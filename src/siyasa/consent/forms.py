"""Forms of the consent registry; a minor's consent needs a parent or guardian (R4.2)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.consent.models import Consent, Use
from siyasa.core.forms import OrgModelForm, TextGuard

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConsentForm(OrgModelForm):
    class Meta:
        model = Consent
        fields = [
            "name",
            "subject",
            "is_minor",
            *(f"consents_{use}" for use in Use),
            "all_accounts",
            "accounts",
            "valid_from",
            "valid_until",
            "given_by",
            "guardian_name",
            "form_reference",
        ]
        widgets = {
            "accounts": forms.CheckboxSelectMultiple,
            "valid_from": DATE,
            "valid_until": DATE,
        }

    def clean(self):
        data = super().clean()
        if data.get("is_minor"):
            # R4.2: for a minor, the parent or guardian gives consent, and is named.
            if data.get("given_by") != Consent.GivenBy.GUARDIAN:
                self.add_error("given_by", _("A minor's consent is given by a parent or guardian."))
            if not data.get("guardian_name"):
                self.add_error("guardian_name", _("Name the parent or guardian who consented."))
        if data.get("given_by") == Consent.GivenBy.GUARDIAN and not data.get("guardian_name"):
            self.add_error("guardian_name", _("Name the parent or guardian who consented."))
        if not any(data.get(f"consents_{use}") for use in Use):
            self.add_error(None, _("Tick at least one use the person consented to."))
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end date comes before the start date."))
        if not data.get("all_accounts") and not data.get("accounts"):
            self.add_error("accounts", _("Choose the accounts, or tick every official account."))
        if data.get("all_accounts"):
            data["accounts"] = []
        return data


class WithdrawForm(TextGuard, forms.Form):
    withdrawn_on = forms.DateField(label=_("withdrawn on"), widget=DATE)
    withdrawn_by = forms.CharField(
        label=_("withdrawn by"),
        max_length=150,
        help_text=_("The person, or their parent or guardian."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["withdrawn_on"].initial = timezone.localdate()
