"""Making an account without the sign-up page, for invitations (which work even when
SIYASA_SIGNUP=invite closes that page)."""

from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from siyasa.orgs import selectors as org_selectors
from siyasa.orgs import services as org_services


@transaction.atomic
def create_account(*, email: str, password: str, language: str):
    """A new account for `email`, whose address counts as verified: the caller has just proved
    it (an invitation link sent to it was opened). The user name is made from the address, as
    sign-up makes it. Raises ValidationError, in `language`, for a weak password or an address an
    account already uses."""
    User = get_user_model()
    email = email.strip().lower()
    with translation.override(language):
        if (
            EmailAddress.objects.filter(email__iexact=email).exists()
            or User._default_manager.filter(email__iexact=email).exists()
        ):
            raise ValidationError(_("An account already uses this e-mail address."))
        user = User(email=email)
        get_adapter().populate_username(None, user)
        password_validation.validate_password(password, user)
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


@transaction.atomic
def accept_with_new_account(*, invitation, password: str, language: str):
    """Accept an invitation as a new account for the invited address, in one transaction: an
    invitation that turns out closed leaves no account behind."""
    with translation.override(language):
        if org_selectors.accounts_with_email(invitation.email).exists():
            raise ValidationError(
                _("An account with this e-mail address already exists: sign in to accept.")
            )
    user = create_account(email=invitation.email, password=password, language=language)
    return org_services.accept_invitation(invitation=invitation, user=user)
