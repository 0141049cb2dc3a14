"""Form helpers shared by every app: organisation-scoped choices, guarded text, digit folding,
phone numbers."""

import re

import phonenumbers
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from siyasa.core.secrets import refuse_secrets
from siyasa.core.tenancy import OrgQuerySet

# Users type Arabic-Indic (٠١٢…) and Persian (۰۱۲…) digits; compare and store ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold_digits(value: str) -> str:
    return value.translate(_DIGITS)


# In a one-line value (a name, a handle, a title, a label) a line break splits what readers see
# and a bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) reorders it, so that
# "@athar" can be shown as something else (issue 11): both are taken out.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")


def one_line(value: str) -> str:
    """`value` on one line (line breaks become spaces) and without bidi controls."""
    return _LINE_BREAKS.sub(" ", value.translate(_BIDI_CONTROLS)).strip()


class TextGuard(forms.BaseForm):
    """Mixed into every form a person types text into (before `forms.Form` or `ModelForm`).

    Every text field is refused when it looks like a password, a code or a token (R2.8:
    `core.secrets`), with a message pointing to the password manager; a one-line field (any
    widget but a text area) is also put on one line without bidi controls (`one_line`). A
    password field (the first password of a new member) is left as it was typed.
    """

    def clean(self):
        data = super().clean()
        for name, field in self.fields.items():
            value = data.get(name)
            if not isinstance(value, str) or not isinstance(field, forms.CharField):
                continue
            if isinstance(field.widget, forms.PasswordInput):
                continue
            if not isinstance(field.widget, forms.Textarea):
                value = data[name] = one_line(value)
                if field.required and not value:  # it held nothing but line breaks and controls
                    self.add_error(name, ValidationError(field.error_messages["required"]))
                    continue
            try:
                refuse_secrets(value)
            except ValidationError as error:
                self.add_error(name, error)
        return data


def _formfield(model_field, **kwargs):
    # Links typed without a scheme are web addresses on https, as Django 6 will assume.
    if isinstance(model_field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return model_field.formfield(**kwargs)


class OrgModelForm(TextGuard, forms.ModelForm):
    """A ModelForm for an organisation-owned row.

    Every choice of another row (a person, an account) is limited to the same organisation,
    so a foreign organisation's id is rejected as an invalid choice; departed people are not
    offered for new assignments. Its text is guarded (`TextGuard`).
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
