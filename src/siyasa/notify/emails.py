"""The reminder digest as an e-mail: what it says, in the reader's language (`siyasa.mail` builds it)."""

from django.core.mail import EmailMultiAlternatives
from django.utils import translation

from siyasa.mail.messages import absolute, make_message, org_path
from siyasa.notify import texts
from siyasa.notify.models import Digest


def digest_message(digest: Digest) -> EmailMultiAlternatives:
    """The digest as a multipart e-mail: a plain-text part and an HTML alternative."""
    language = digest.language

    def link(path: str) -> str:
        return absolute(path, language)

    items = [
        {"words": texts.words(item.content, language, link), "url": link(item.path)}
        for item in digest.items.all()
    ]
    with translation.override(language):
        context = {
            "org_name": digest.organization.name,
            "person_name": digest.person.display_name,
            "items": items,
            "workspace_url": absolute(org_path("workspace", digest.organization), language),
        }
    return make_message("digest", to=digest.email, context=context, language=language)
