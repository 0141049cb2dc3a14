"""allauth's sign-in and code forms, in Siyasa's words, taking codes typed in any digit script."""

from allauth.account.forms import LoginForm
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import fold_digits


class SignInForm(LoginForm):
    """allauth's sign-in: one box takes the user name or the e-mail address."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("User name or e-mail address")
        login.widget.attrs.update(
            {"autocomplete": "username", "autofocus": True, "dir": "auto", "placeholder": ""}
        )
        self.fields["password"].help_text = ""


class _CodeInput:
    """A six-digit code from an authenticator app, or an eight-digit recovery code.

    Many phones type Arabic-Indic digits, and people copy codes with spaces; both are folded to
    plain digits before allauth checks them.
    """

    code_label = _("Code from your authenticator app")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = self.code_label
        code.widget.attrs.update(
            {"inputmode": "numeric", "dir": "ltr", "autofocus": True, "placeholder": ""}
        )

    def clean_code(self):
        self.cleaned_data["code"] = "".join(fold_digits(self.cleaned_data["code"]).split())
        return super().clean_code()


class AuthenticateForm(_CodeInput, mfa_forms.AuthenticateForm):
    """The code after the password, at sign-in."""

    code_label = _("Code from your authenticator app, or a recovery code")


class ReauthenticateForm(_CodeInput, mfa_forms.ReauthenticateForm):
    """The code again, for a session that has not given one."""

    code_label = _("Code from your authenticator app, or a recovery code")


class ActivateTOTPForm(_CodeInput, totp_forms.ActivateTOTPForm):
    """The first code, which proves the app is set up."""
