"""The token in an invitation link: derived from a stored seed with the secret key, kept only
as a hash.

Like Django's password-reset links, the database alone opens nothing (it holds the seed and the
token's hash, not the token), and the job that sends the e-mail needs only the invitation's id.
Rotating `SECRET_KEY` changes the token an e-mail would carry, so resend invitations after it.
"""

import hashlib
import secrets

from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import urlsafe_base64_encode

SALT = "siyasa.orgs.invitation"


def token_for(seed: str) -> str:
    """The token a link carries for this seed (43 URL-safe characters)."""
    return urlsafe_base64_encode(salted_hmac(SALT, seed, algorithm="sha256").digest())


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_link(invitation) -> None:
    """Give `invitation` a fresh seed and hash; every earlier link stops working."""
    invitation.seed = secrets.token_hex(32)
    invitation.link_hash = hash_token(token_for(invitation.seed))


def link_token(invitation) -> str:
    """The token of the invitation's current link, checked against the stored hash."""
    token = token_for(invitation.seed)
    if not constant_time_compare(hash_token(token), invitation.link_hash):
        raise ValueError("the secret key changed since this invitation was made: resend it")
    return token
