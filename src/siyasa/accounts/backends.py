"""The sign-in backend: allauth's, except that the user of a session is read in one compiled query
that also brings their two-factor state (`two_factor.State`), which the two-factor middleware asks
of every guarded request."""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.contrib.auth import get_user_model

from siyasa.accounts import two_factor
from siyasa.core.prepared import Prepared, build, columns


def _user_with_state(user_id):
    User = get_user_model()
    return two_factor.with_state(User.objects.filter(pk=user_id)).values_list(
        *columns(User), "has_totp", "asked_by_membership"
    )


_USER = Prepared(_user_with_state, user_id=int)


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        found = _USER.rows(user_id=user_id)
        if not found:
            return None
        *values, has_totp, asked = found[0]
        user = build(get_user_model(), values)
        user.two_factor_state = two_factor.State(bool(has_totp), bool(asked))
        return user if self.user_can_authenticate(user) else None
