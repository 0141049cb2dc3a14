"""The sign-in pages allauth does not make as Siyasa needs: lockout, and two-factor set-up that
leads on to the page that was asked for."""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.recovery_codes import views as recovery_code_views
from allauth.mfa.totp import views as totp_views
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


def locked_out(request, response=None, credentials=None):
    """The page django-axes answers with once an account and address are locked out."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def _next_url(request) -> str | None:
    """The page asked for before the second factor, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else None


class ActivateTOTPView(totp_views.ActivateTOTPView):
    """allauth's set-up page. The first code proves the phone is here, so this session has given
    its second factor; the recovery codes come next, then the page that was asked for."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        secret = context["form"].secret
        # In groups of four, for people who type the key instead of scanning it.
        key = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        return {**context, "key": key, "next": _next_url(self.request)}

    def form_valid(self, form):
        response = super().form_valid(form)
        record_authentication(self.request, self.request.user, "mfa", type="totp")
        return response

    def get_success_url(self) -> str:
        url, next_url = super().get_success_url(), _next_url(self.request)
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class RecoveryCodesView(recovery_code_views.ViewRecoveryCodesView):
    """allauth's recovery codes, with a way on to the page that was asked for."""

    def get_context_data(self, **kwargs):
        next_url = _next_url(self.request) or reverse("after_sign_in")
        return {**super().get_context_data(**kwargs), "next": next_url}
