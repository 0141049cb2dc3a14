"""Sign-in pages: sign-in, lockout, two-factor set-up and code, password reset and change."""

from urllib.parse import urlencode

import axes.utils
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from siyasa.accounts.forms import OneTimeCodeForm
from siyasa.accounts.password_reset import QueuedPasswordResetForm
from siyasa.accounts.two_factor import confirmed_device, qr_code_svg, second_factor_url, typed_key
from siyasa.core.views import form_page


class SignInView(auth_views.LoginView):
    """Django's sign-in, answering a wrong password with 400 like every other bad input.

    Its form passes the request to `authenticate()`, which django-axes needs to count failures.
    Without a `next`, it leads to `LOGIN_REDIRECT_URL` (the workspace app decides from there).
    """

    redirect_authenticated_user = True

    def get_success_url(self):
        url = super().get_success_url()
        # Owners and policy admins (and anyone with an authenticator) give a code next.
        return second_factor_url(self.request, url) or url

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


def locked_out(request, response=None, credentials=None):
    """The page django-axes answers with once a user name and address are locked out."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def _next_url(request) -> str:
    """The page asked for before the second factor, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else reverse("home")


@login_required
def two_factor_setup(request):
    """Turn on two-factor sign-in with an authenticator app, or turn it off with a current code."""
    next_url = _next_url(request)
    device = confirmed_device(request.user)
    if device is not None:
        return _two_factor_off(request, device, next_url)
    # One pending secret per user, so reloading the page does not invalidate a scanned code.
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )

    def save(form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # The first code proves the phone is there: this session counts as verified.
        otp_login(request, device)
        return next_url

    return form_page(
        request,
        OneTimeCodeForm(request.POST or None, device=device),
        save=save,
        template="accounts/two_factor_setup.html",
        context={"qr_code": qr_code_svg(device), "key": typed_key(device), "next": next_url},
        success_message=_("Two-factor sign-in is on."),
    )


def _two_factor_off(request, device, next_url):
    def save(form):
        TOTPDevice.objects.filter(user=request.user).delete()
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        return reverse("two_factor_setup")

    return form_page(
        request,
        OneTimeCodeForm(request.POST or None, device=device),
        save=save,
        template="accounts/two_factor_on.html",
        context={"device": device, "next": next_url},
        success_message=_("Two-factor sign-in is off. You can set it up again with a new phone."),
    )


@login_required
def two_factor_verify(request):
    """The code after the password."""
    next_url = _next_url(request)
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('two_factor_setup')}?{urlencode({'next': next_url})}")
    if request.user.is_verified():
        return redirect(next_url)

    def save(form):
        otp_login(request, device)
        return next_url

    return form_page(
        request,
        OneTimeCodeForm(request.POST or None, device=device),
        save=save,
        template="accounts/two_factor_verify.html",
        context={"next": next_url},
        success_message=_("Code confirmed."),
    )


class _InvalidIs400:
    """Like every other form in Siyasa, a rejected form answers 400."""

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PasswordResetView(_InvalidIs400, auth_views.PasswordResetView):
    """Asks for an e-mail address and answers the same whether or not an account uses it."""

    template_name = "accounts/password_reset_form.html"
    form_class = QueuedPasswordResetForm


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(_InvalidIs400, auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        # The lockout page promises that a reset lets one in again before the cool-off ends.
        axes.utils.reset(username=self.user.get_username())
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


class PasswordChangeView(_InvalidIs400, auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"
