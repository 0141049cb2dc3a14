"""Two-factor sign-in: where a user who owes a code is sent, and the middleware that sends them."""

import re
from base64 import b32encode
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from siyasa.core.permissions import TWO_FACTOR_ROLES
from siyasa.orgs.models import Membership

# Organisation pages, and changing the password, wait for the second factor. The sign-in, the
# two-factor pages, the password reset and the home page do not: that is how one gets there.
_LANGUAGES = "|".join(code for code, _name in settings.LANGUAGES)
GUARDED_PATH = re.compile(rf"^/({_LANGUAGES})/(o|accounts/password/change)/")


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def needs_two_factor(user) -> bool:
    """Whether `user` must confirm a one-time code to open organisation pages: an owner or policy
    admin anywhere, or any member of an organisation that requires it."""
    if not user.is_authenticated or not settings.SIYASA_ENFORCE_TWO_FACTOR:
        return False
    return Membership.objects.filter(
        Q(role__in=TWO_FACTOR_ROLES) | Q(organization__require_two_factor=True), user=user
    ).exists()


def second_factor_url(request, next_url: str) -> str | None:
    """Where a signed-in user must go before `next_url`: the code page, the set-up page when they
    have no authenticator yet, or None when nothing is owed.

    Anyone who has set up an authenticator confirms a code, whether or not their role needs it.
    """
    user = request.user
    # Right after the password, `request.user` is the plain user that `login()` put there.
    is_verified = getattr(user, "is_verified", None)
    if not user.is_authenticated or (is_verified and is_verified()):
        return None
    if confirmed_device(user) is not None:
        name = "two_factor_verify"
    elif needs_two_factor(user):
        name = "two_factor_setup"
    else:
        return None
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class TwoFactorMiddleware:
    """Sends a user who owes a second factor to it before any guarded page (after OTPMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if GUARDED_PATH.match(request.path_info):
            url = second_factor_url(request, request.get_full_path())
            if url:
                return redirect(url)
        return self.get_response(request)


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG QR code, drawn here (no outside service)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def typed_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for people who type it instead of scanning."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
