"""Forms for the registries; every choice of a person or an account is scoped to the organisation."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import OrgModelForm
from siyasa.registry.models import (
    AccessGrant,
    Custody,
    Device,
    ResponsibilityAssignment,
    SocialAccount,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
        ]
        widgets = {
            "purpose_ar": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
            "purpose_en": forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
            "handle": forms.TextInput(attrs={"dir": "ltr"}),
            "url": forms.URLInput(attrs={"dir": "ltr"}),
        }

    def clean_handle(self):
        handle = self.cleaned_data["handle"].strip()
        if not handle.lstrip("@"):
            raise forms.ValidationError(_("Enter the account's handle."))
        return handle


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
        ]
        widgets = {"last_rotated_on": DATE}

    def __init__(self, *args, account: SocialAccount, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.account = account

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
        fields = ["name", "kind", "org_owned", "assignee", "accounts", "updater"]
        widgets = {"accounts": forms.CheckboxSelectMultiple}
