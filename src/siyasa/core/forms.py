"""Form helpers shared by every app: organisation-scoped choices, digit folding, phone numbers."""

import phonenumbers
from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from siyasa.core.tenancy import OrgQuerySet

# Users type Arabic-Indic (٠١٢…) and Persian (۰۱۲…) digits; compare and store ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold_digits(value: str) -> str:
    return value.translate(_DIGITS)


def _formfield(model_field, **kwargs):
    # Links typed without a scheme are web addresses on https, as Django 6 will assume.
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class OrgModelForm(forms.ModelForm):
    """A ModelForm for an organisation-owned row.

    Every choice of another row (a person, an account) is limited to the same organisation,
    so a foreign organisation's id is rejected as an invalid choice; departed people are not
    offered for new assignments.
    """

    def __init__(self, *args, org, **kwargs):
        self.org = org
        kwargs.setdefault("instance", self._meta.model(organization=org))
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not isinstance(queryset, OrgQuerySet):
                continue
            scoped = queryset.for_org(org)
            if queryset.model._meta.label_lower == "orgs.person":
                current = self.initial.get(name)
                keep = current if isinstance(current, list) else [current] if current else []
                scoped = scoped.filter(
                    Q(status="active") | Q(pk__in=[getattr(c, "pk", c) for c in keep])
                )
            field.queryset = scoped

    class Meta:
        # Subclasses with a URL field inherit this Meta to get the callback.
        formfield_callback = _formfield

    # Fields set by the view rather than the user that unique constraints still need checked.
    always_validate: tuple[str, ...] = ("organization",)

    def _get_validation_exclusions(self):
        # Validate the organisation-scoped unique constraints too, so a duplicate is a form
        # error and never an IntegrityError.
        return super()._get_validation_exclusions() - set(self.always_validate)


class PhoneField(forms.CharField):
    """A phone number in any common notation and digit script, stored as E.164."""

    default_error_messages = {"invalid": _("Enter a valid phone number, e.g. +966 50 123 4567.")}

    def __init__(self, *, region: str = "SA", **kwargs):
        self.region = region
        kwargs.setdefault("max_length", 32)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = fold_digits(super().to_python(value)).strip()
        if not value:
            return ""
        try:
            number = phonenumbers.parse(value, self.region)
        except phonenumbers.NumberParseException:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
