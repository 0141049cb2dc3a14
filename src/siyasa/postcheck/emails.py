"""The review-request e-mails, made when they leave the outbox: who asked, for which account,
what the check said and a link — never the draft, which stays in Siyasa."""

from django.core.mail import EmailMultiAlternatives
from django.utils import translation

from siyasa.mail.messages import absolute, make_message, org_path
from siyasa.orgs.models import Organization, Person
from siyasa.orgs.selectors import name_of, person_for
from siyasa.postcheck.models import ReviewRequest


def review_asked(*, organization_id: int, review_id: int, person_id: int, to: str):
    """To a reviewer: a member asks them to look at a draft."""
    org = Organization.objects.get(pk=organization_id)
    review = (
        ReviewRequest.objects.for_org(org)
        .select_related("account", "requested_by")
        .get(pk=review_id)
    )
    person = Person.objects.for_org(org).get(pk=person_id)
    return _message(
        "post-review-asked", org, review, person.display_name, to, _language(org, person)
    )


def review_decided(*, organization_id: int, review_id: int, to: str):
    """To whoever asked: the reviewer's answer (the note is read in Siyasa)."""
    org = Organization.objects.get(pk=organization_id)
    review = ReviewRequest.objects.for_org(org).select_related("account").get(pk=review_id)
    person = person_for(org, review.requested_by)
    name = person.display_name if person else ""
    return _message("post-review-decided", org, review, name, to, _language(org, person))


def _language(org: Organization, person: Person | None) -> str:
    return person.preferred_language(org) if person else org.default_language


def _message(
    template: str, org, review: ReviewRequest, name: str, to: str, language: str
) -> EmailMultiAlternatives:
    with translation.override(language):
        context = {
            "org_name": org.name,
            "person_name": name,
            "asker_name": name_of(org, review.requested_by),
            "decider_name": name_of(org, review.decided_by),
            "account": str(review.account) if review.account else "",
            "verdict": review.verdict_label,
            "findings": len(review.findings),
            "status": review.get_status_display(),
            "url": absolute(org_path("post_review_detail", org, pk=review.pk), language),
        }
    return make_message(template, to=to, context=context, language=language)
