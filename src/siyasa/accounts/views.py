"""The sign-in pages allauth does not make as Siyasa needs: lockout, and two-factor set-up that
leads on to the page that was asked for."""

from urllib.parse import urlencode

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes import views as recovery_code_views
from allauth.mfa.totp import views as totp_views
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from siyasa.accounts import services
from siyasa.accounts.forms import InvitationAcceptForm, InvitationConfirmForm
from siyasa.core.ratelimits import limit_per_address
from siyasa.core.views import form_page
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs import services as org_services


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
        user = self.request.user
        with transaction.atomic():
            # Two tabs confirming the same key at once: the second waits for the first, then
            # finds the authenticator made rather than inserting a second one (an error).
            get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
            if is_mfa_enabled(user, [Authenticator.Type.TOTP]):
                self.did_generate_recovery_codes = False
                response = HttpResponseRedirect(self.get_success_url())
            else:
                response = super().form_valid(form)
        # Either way this session typed a right code for the key that is now in use.
        record_authentication(self.request, user, "mfa", type="totp")
        return response

    def get_success_url(self) -> str:
        url, next_url = super().get_success_url(), _next_url(self.request)
        return f"{url}?{urlencode({'next': next_url})}" if next_url else url


class RecoveryCodesView(recovery_code_views.ViewRecoveryCodesView):
    """allauth's recovery codes, with a way on to the page that was asked for."""

    def get_context_data(self, **kwargs):
        next_url = _next_url(self.request) or reverse("after_sign_in")
        return {**super().get_context_data(**kwargs), "next": next_url}


# The password was just set on a new account: sign it in without asking for it again.
SIGN_IN_BACKEND = "siyasa.accounts.backends.AuthenticationBackend"


@limit_per_address("invitation", "SIYASA_INVITATION_RATE")
def invitation(request, token):
    """The page an invitation link opens: a new account's password, or — for someone signed in
    with the invited address — a confirmation (no `/o/` prefix: the visitor is not a member)."""
    found = org_selectors.invitation_for_token(token)
    if found is None:
        raise Http404
    page = {"invitation": found, "org": found.organization}
    closed = org_selectors.why_closed(found)
    if closed:
        return render(request, "accounts/invitation.html", {**page, "closed": closed}, status=410)
    user = request.user if request.user.is_authenticated else None
    if user is not None and not org_selectors.is_addressed_to(found, user):
        return render(request, "accounts/invitation.html", {**page, "other_user": user}, status=403)
    if user is None and org_selectors.accounts_with_email(found.email).exists():
        query = urlencode({"next": request.get_full_path()})
        sign_in = f"{resolve_url(settings.LOGIN_URL)}?{query}"
        # Refused to a form sent anyway: the account's owner signs in first.
        status = 400 if request.method == "POST" else 200
        return render(
            request, "accounts/invitation.html", {**page, "sign_in_url": sign_in}, status=status
        )

    def save(form):
        if user is None:
            membership = services.accept_with_new_account(
                invitation=found,
                password=form.cleaned_data["password1"],
                language=translation.get_language(),
            )
            login(request, membership.user, backend=SIGN_IN_BACKEND)
        else:
            org_services.accept_invitation(invitation=found, user=user)
        return reverse("workspace", kwargs={"slug": found.organization.slug})

    data = request.POST if request.method == "POST" else None
    form = InvitationAcceptForm(data) if user is None else InvitationConfirmForm(data)
    return form_page(
        request,
        form,
        save=save,
        template="accounts/invitation.html",
        context={**page, "new_account": user is None},
        success_message=_("Welcome to %(org)s.") % {"org": found.organization.name},
    )
