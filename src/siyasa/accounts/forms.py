"""allauth's sign-in and code forms in Siyasa's words (codes typed in any digit script), and the
invitation page's forms."""

from allauth.account.forms import LoginForm, ResetPasswordForm, SignupForm
from allauth.mfa.base import forms as mfa_forms
from allauth.mfa.totp import forms as totp_forms
from django import forms
from django.contrib.auth.forms import SetPasswordMixin
from django.contrib.auth.password_validation import password_validators_help_texts
from django.utils.translation import gettext_lazy as _

from siyasa.core.forms import TextGuard, fold_digits


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


class _AddressLeftToRight:
    """An e-mail address is typed and shown left to right, on Arabic pages too."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["dir"] = "ltr"


class SignUpForm(_AddressLeftToRight, TextGuard, SignupForm):
    """allauth's sign-up, the address left to right (and on one line, like every typed text)."""


class PasswordResetForm(_AddressLeftToRight, TextGuard, ResetPasswordForm):
    """allauth's "forgot your password", the address left to right."""


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


class InvitationAcceptForm(SetPasswordMixin, forms.Form):
    """A new account's password, typed twice (its address is the invited one; the password's
    strength is checked where the account is made)."""

    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per request, so it is in the reader's language.
        self.fields["password1"].help_text = " ".join(password_validators_help_texts())

    def clean(self):
        data = super().clean()
        self.validate_passwords()
        return data


class InvitationConfirmForm(forms.Form):
    """Someone signed in with the invited address accepts with one button."""
