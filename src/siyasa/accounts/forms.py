"""Forms of the sign-in pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import fold_digits


class OneTimeCodeForm(forms.Form):
    """The six-digit code from an authenticator app, checked against `device` (django-otp)."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "dir": "ltr",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = "".join(fold_digits(self.cleaned_data["code"]).split())
        # The device refuses codes for a while after several wrong ones (throttling).
        if not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "This code was not accepted. Type the newest code from the app; after "
                    "several wrong codes, wait a minute before trying again."
                ),
                code="invalid",
            )
        return code
