"""The invitation e-mail and the job that sends it, at most once, with the outbox's retries."""

import datetime
from functools import partial

from django.core.mail import EmailMultiAlternatives
from django.utils import formats, timezone, translation

from siyasa.mail import outbox
from siyasa.mail.messages import absolute, make_message, page_path
from siyasa.mail.tasks import task
from siyasa.orgs import selectors, tokens
from siyasa.orgs.models import Invitation


def message(invitation: Invitation) -> EmailMultiAlternatives:
    """The invitation in the person's language: who invites them, to what role, and the link."""
    language = invitation.language
    org = invitation.organization
    path = page_path("invitation", token=tokens.link_token(invitation))
    with translation.override(language):
        context = {
            "org_name": org.name,
            "person_name": invitation.person.display_name,
            "inviter_name": selectors.name_of(org, invitation.created_by),
            "role": invitation.get_role_display(),
            "expires_on": formats.date_format(
                timezone.localtime(invitation.expires_at), "DATE_FORMAT"
            ),
            "url": absolute(path, language),
        }
    return make_message("invitation", to=invitation.email, context=context, language=language)


def deliver(*, organization_id: int, invitation_id: int, **claim) -> outbox.Outcome:
    """Send an open invitation's pending e-mail; anything else is left alone."""
    rows = Invitation.objects.filter(
        organization_id=organization_id,
        pk=invitation_id,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    )
    return outbox.send_once(
        rows, related=("organization", "person", "created_by"), build=message, **claim
    )


@task()
def deliver_invitation(organization_id: int, invitation_id: int, lease_check: bool = False) -> str:
    """Send one invitation, like every queued e-mail (`outbox.run`): retried after a temporary
    SMTP failure, taken back by its watchdog when a dead worker left it "sending"."""
    return outbox.run(
        partial(deliver, organization_id=organization_id, invitation_id=invitation_id),
        partial(enqueue, organization_id=organization_id, invitation_id=invitation_id),
        lease_check=lease_check,
    )


def enqueue(
    *,
    organization_id: int,
    invitation_id: int,
    delay: datetime.timedelta | None = None,
    lease_check: bool = False,
) -> None:
    outbox.enqueue(
        deliver_invitation, organization_id, invitation_id, delay=delay, lease_check=lease_check
    )
