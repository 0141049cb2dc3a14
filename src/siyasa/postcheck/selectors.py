"""Reads of review requests: who someone is to a request, which requests they see, and the
count of those waiting for them."""

from django.db.models import Q, QuerySet

from siyasa.core.permissions import Capability, can
from siyasa.orgs.models import Membership, Organization
from siyasa.orgs.selectors import person_for
from siyasa.postcheck.models import ReviewRequest


def roles_in(review: ReviewRequest, membership: Membership | None) -> dict[str, bool]:
    """Whether `membership` asked for `review` and whether it is named to review it."""
    if membership is None:
        return {"is_requester": False, "is_reviewer": False}
    me = person_for(membership.organization, membership.user)
    return {
        "is_requester": review.requested_by_id == membership.user_id,
        "is_reviewer": me is not None and review.reviewers.filter(pk=me.pk).exists(),
    }


def requester_address(review: ReviewRequest) -> str:
    """Where the decision goes: the asker's directory e-mail, else their sign-in's."""
    user = review.requested_by
    if user is None:
        return ""
    person = person_for(review.organization, user)
    return person.address if person else user.email


def visible(org: Organization, membership: Membership) -> QuerySet[ReviewRequest]:
    """The requests `membership` may read (`core.permissions.can_see_review`): their own and
    those naming them; owners and policy admins read them all."""
    rows = ReviewRequest.objects.for_org(org).select_related("account")
    if can(membership, Capability.MANAGE_POLICY):
        return rows
    me = person_for(org, membership.user)
    mine = Q(requested_by_id=membership.user_id)
    return rows.filter(mine | Q(reviewers=me) if me else mine).distinct()


def waiting_for(org: Organization, membership: Membership) -> QuerySet[ReviewRequest]:
    """The waiting requests `membership` may decide: not their own."""
    return (
        visible(org, membership)
        .filter(status=ReviewRequest.Status.WAITING)
        .exclude(requested_by_id=membership.user_id)
    )
