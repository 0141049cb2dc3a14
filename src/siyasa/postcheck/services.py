"""Review requests (issue 14): asking for one, deciding, withdrawing, deleting and the purge after
the retention period — the only writes of a checked draft."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from siyasa.core.permissions import (
    Capability,
    can_decide_review,
    can_delete_review,
    can_withdraw_review,
    require,
    require_same_org,
)
from siyasa.core.secrets import refuse_secrets
from siyasa.mail.outbox import queue_message
from siyasa.orgs.models import Membership
from siyasa.postcheck import context as check_context
from siyasa.postcheck import selectors
from siyasa.postcheck.analyser import MAX_LENGTH, Checker
from siyasa.postcheck.models import ReviewRequest
from siyasa.registry.models import SocialAccount

Status = ReviewRequest.Status


def ask_review(
    *, membership: Membership, text: str, account: SocialAccount | None
) -> ReviewRequest:
    """Keep the draft with its findings as they are now, name its reviewers and e-mail them."""
    require(membership, Capability.VIEW)
    require_same_org(membership, account)
    if not text.strip() or len(text) > MAX_LENGTH:
        raise ValidationError(
            ngettext(
                "Paste a draft of at most %(n)s character.",
                "Paste a draft of at most %(n)s characters.",
                MAX_LENGTH,
            )
            % {"n": MAX_LENGTH}
        )
    refuse_secrets(text)  # R2.8: a password pasted into a draft is not kept either
    org = membership.organization
    checker = Checker(check_context.load(org, membership=membership, today=timezone.localdate()))
    result = checker.check(text, account.pk if account else None)
    people = check_context.reviewers(org, besides=membership.user_id)
    with transaction.atomic():
        review = ReviewRequest.objects.create(
            organization=org,
            text=text,
            account=account,
            verdict=str(result.verdict),
            # Where and what, never the words: they are in the text, and go with it.
            findings=[
                {
                    "kind": str(f.kind),
                    "requirement": f.requirement,
                    "start": f.start,
                    "end": f.end,
                    "blocks": f.blocks,
                }
                for f in result.findings
            ],
            requested_by=membership.user,
        )
        review.reviewers.set(people)
        for person in people:
            if person.address:
                queue_message(
                    kind="post-review-asked",
                    to=person.address,
                    build="siyasa.postcheck.emails.review_asked",
                    params={
                        "organization_id": org.pk,
                        "review_id": review.pk,
                        "person_id": person.pk,
                        "to": person.address,
                    },
                )
    return review


def decide_review(
    *, membership: Membership, review: ReviewRequest, decision: str, note: str = ""
) -> ReviewRequest:
    """A reviewer's answer — approved, changes asked or declined — e-mailed to whoever asked."""
    require_same_org(membership, review)
    if not can_decide_review(membership, **selectors.roles_in(review, membership)):
        raise PermissionDenied
    if decision not in ReviewRequest.DECISIONS:
        raise ValidationError(_("Choose a decision."))
    refuse_secrets(note)
    with transaction.atomic():
        review = _close(review, membership, decision, note=note)
        to = selectors.requester_address(review)
        if to:
            queue_message(
                kind="post-review-decided",
                to=to,
                build="siyasa.postcheck.emails.review_decided",
                params={
                    "organization_id": review.organization_id,
                    "review_id": review.pk,
                    "to": to,
                },
            )
    return review


def withdraw_review(*, membership: Membership, review: ReviewRequest) -> ReviewRequest:
    """Whoever asked takes the question back while it waits."""
    require_same_org(membership, review)
    if not can_withdraw_review(membership, **_asked(review, membership)):
        raise PermissionDenied
    with transaction.atomic():
        return _close(review, membership, Status.WITHDRAWN)


def delete_review(*, membership: Membership, review: ReviewRequest) -> ReviewRequest:
    """Remove the draft, its findings and the note now. The row stays, without them, so the
    trail still says who asked, who reviewed and what was decided; a waiting request is
    withdrawn."""
    require_same_org(membership, review)
    if not can_delete_review(membership, **_asked(review, membership)):
        raise PermissionDenied
    with transaction.atomic():
        review = ReviewRequest.objects.select_for_update().get(pk=review.pk)
        now = timezone.now()
        if review.is_waiting:
            review.status = Status.WITHDRAWN
            review.decided_by = membership.user
            review.decided_at = now
        review.text, review.findings, review.note = "", [], ""
        review.purged_at = review.purged_at or now
        review.save()
    return review


def purge_closed(*, now: datetime.datetime) -> int:
    """The daily run: remove the draft of every request closed more than
    `SIYASA_REVIEW_RETENTION_DAYS` ago, in every organisation; how many were emptied."""
    cutoff = now - datetime.timedelta(days=settings.SIYASA_REVIEW_RETENTION_DAYS)
    return (
        ReviewRequest.objects.filter(purged_at=None, decided_at__lte=cutoff)
        .exclude(status=Status.WAITING)
        .update(text="", findings=[], note="", purged_at=now, updated_at=now)
    )


def _asked(review: ReviewRequest, membership: Membership) -> dict:
    return {"is_requester": review.requested_by_id == membership.user_id}


def _close(review: ReviewRequest, membership: Membership, status: str, *, note: str = ""):
    review = ReviewRequest.objects.select_for_update().get(pk=review.pk)
    if not review.is_waiting:
        raise ValidationError(_("This review is already closed."))
    review.status = status
    review.decided_by = membership.user
    review.decided_at = timezone.now()
    review.note = note
    review.save(update_fields=["status", "decided_by", "decided_at", "note", "updated_at"])
    return review
