"""Forms for the registries; every choice of a person or an account is scoped to the organisation."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm, PhoneField, TextGuard
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
    ResponsibilityAssignment,
    SocialAccount,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_in_future(form, *names) -> None:
    today = timezone.localdate()
    for name in names:
        day = form.cleaned_data.get(name)
        if day and day > today:
            form.add_error(name, _("This date cannot be in the future."))


def _phone_field(form, name: str) -> None:
    """Replace a model's phone column with a `PhoneField` for the organisation's country."""
    model_field = form._meta.model._meta.get_field(name)
    form.fields[name] = PhoneField(
        region=form.org.country.code or "SA",
        required=False,
        label=model_field.verbose_name,
        help_text=model_field.help_text,
    )


class SocialAccountForm(OrgModelForm):
    class Meta(OrgModelForm.Meta):
        model = SocialAccount
        fields = [
            "platform",
            "handle",
            "url",
            "purpose_ar",
            "purpose_en",
            "audience_language",
            "status",
            "owner",
            "opened_on",
            "opening_approved_by",
            "opening_approved_on",
            "last_activity_on",
        ]
        widgets = {
            "purpose_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "purpose_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "handle": forms.TextInput(attrs={"dir": "ltr"}),
            "url": forms.URLInput(attrs={"dir": "ltr"}),
            "opened_on": DATE,
            "opening_approved_on": DATE,
            "last_activity_on": DATE,
        }

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip()
        if not handle.lstrip("@"):
            raise forms.ValidationError(_("Enter the account's handle."))
        return handle

    def clean(self):
        data = super().clean()
        _not_in_future(self, "opened_on", "opening_approved_on", "last_activity_on")
        if data.get("opening_approved_on") and not data.get("opening_approved_by"):
            self.add_error("opening_approved_by", _("Name who approved opening the account."))
        return data


class ResponsibilityForm(OrgModelForm):
    class Meta:
        model = ResponsibilityAssignment
        fields = ["area", "person", "accounts", "note"]
        widgets = {"accounts": forms.CheckboxSelectMultiple}


class AccessGrantForm(OrgModelForm):
    always_validate = ("organization", "account")

    class Meta:
        model = AccessGrant
        fields = ["person", *AccessGrant.CAPABILITIES]

    def __init__(self, *args, account: SocialAccount, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.account = account

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in AccessGrant.CAPABILITIES):
            raise forms.ValidationError(_("Choose at least one thing this person may do."))
        return data


class CustodyForm(OrgModelForm):
    class Meta:
        model = Custody
        fields = [
            "custodian",
            "backup_custodian",
            "vault_label",
            "rotation_days",
            "last_rotated_on",
            "two_factor_method",
            "two_factor_holder",
            "recovery_owner",
            "recovery_email",
            "recovery_phone",
        ]
        widgets = {
            "last_rotated_on": DATE,
            "recovery_email": forms.EmailInput(attrs={"dir": "ltr"}),
        }

    def __init__(self, *args, account: SocialAccount, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.account = account
        _phone_field(self, "recovery_phone")  # R2.9

    def clean(self):
        data = super().clean()
        custodian, backup = data.get("custodian"), data.get("backup_custodian")
        if custodian and backup and custodian == backup:
            self.add_error(
                "backup_custodian",
                _("The backup custodian must be someone other than the custodian."),
            )
        rotation = data.get("rotation_days")
        if rotation is not None and not 7 <= rotation <= 730:
            self.add_error("rotation_days", _("Choose an interval between 7 and 730 days."))
        last = data.get("last_rotated_on")
        if last and last > timezone.localdate():
            self.add_error("last_rotated_on", _("The last rotation cannot be in the future."))
        return data


class DeviceForm(OrgModelForm):
    class Meta:
        model = Device
        fields = ["name", "kind", "org_owned", "assignee", "accounts", "updater", "phone_number"]
        widgets = {"accounts": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _phone_field(self, "phone_number")  # R2.9


class ConnectedAppForm(OrgModelForm):
    """R2.10: an app or tool connected to one account."""

    always_validate = ("organization", "account")

    class Meta:
        model = ConnectedApp
        fields = ["name", "purpose", "approved_by", "connected_on", "reviewed_on", "owner"]
        widgets = {"connected_on": DATE, "reviewed_on": DATE}

    def __init__(self, *args, account: SocialAccount, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.account = account

    def clean(self):
        data = super().clean()
        _not_in_future(self, "connected_on", "reviewed_on")
        connected, reviewed = data.get("connected_on"), data.get("reviewed_on")
        if connected and reviewed and reviewed < connected:
            self.add_error("reviewed_on", _("A review cannot come before the connection."))
        return data


class ModerationDecisionForm(OrgModelForm):
    """R6.5: one serious moderation decision."""

    class Meta:
        model = ModerationDecision
        fields = ["account", "decided_on", "action", "what", "reason", "decided_by"]
        widgets = {"decided_on": DATE}

    def clean(self):
        data = super().clean()
        _not_in_future(self, "decided_on")
        return data


class AccountRequestForm(OrgModelForm):
    """R1.6: a member asks to open a new official account."""

    class Meta:
        model = AccountRequest
        fields = ["platform", "handle", "purpose_ar", "purpose_en", "reason", "proposed_owner"]
        widgets = {
            "handle": forms.TextInput(attrs={"dir": "ltr"}),
            "purpose_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "purpose_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "reason": forms.Textarea(attrs={"rows": 4}),
        }

    clean_handle = SocialAccountForm.clean_handle


class AccountDecisionForm(TextGuard, forms.Form):
    """R1.6: approve or refuse a request, with an optional note."""

    decision = forms.ChoiceField(
        choices=[
            (AccountRequest.Status.APPROVED, _("Approve")),
            (AccountRequest.Status.REFUSED, _("Refuse")),
        ]
    )
    note = forms.CharField(label=_("note on the decision"), max_length=300, required=False)
