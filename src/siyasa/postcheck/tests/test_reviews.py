"""Asking for a review of a checked draft (issue 14): the one way a draft is kept — who is asked
and e-mailed, who may read and decide, the asker told, deleting and the purge after retention,
and a password in a draft never kept."""

import datetime
import re

import pytest
import time_machine
from django.apps import apps
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from conftest import sign_in
from siyasa.core.tests.factories import ResponsibilityFactory, SocialAccountFactory
from siyasa.mail.models import Message
from siyasa.notify import services as notify_services
from siyasa.orgs.models import Role
from siyasa.orgs.selectors import person_for
from siyasa.postcheck import services
from siyasa.postcheck.models import ReviewRequest
from siyasa.registry.models import Area
from siyasa.training.tests.charity import Charity

DRAFT = "أم خالد أرملة، رقم هويتها ١٠٠٠٠٠٠٠٠٨، تحتاج دعمكم"
ID_NUMBER = "١٠٠٠٠٠٠٠٠٨"


class Team(Charity):
    """A charity made on the product's pages, whose members joined by invitation: Noura holds the
    approvals responsibility, Salim writes posts, Rami is another staff member."""

    def __init__(self):
        super().__init__()
        self.reviewer = self.join("noura", Role.STAFF)
        self.asker = self.join("salim", Role.STAFF)
        self.bystander = self.join("rami", Role.STAFF)
        self.admin = self.join("huda", Role.POLICY_ADMIN)
        ResponsibilityFactory(
            organization=self.org,
            area=Area.APPROVALS,
            person=person_for(self.org, self.reviewer.user),
        )
        self.account = SocialAccountFactory(organization=self.org)

    def client(self, membership) -> Client:
        client = Client()
        sign_in(client, membership.user)
        return client

    def url(self, name: str, lang: str = "ar", **kwargs) -> str:
        with translation.override(lang):
            return reverse(name, kwargs={"slug": self.org.slug, **kwargs})


@pytest.fixture
def team(db) -> Team:
    return Team()


def ask(team: Team, text: str = DRAFT, lang: str = "ar"):
    return team.client(team.asker).post(
        team.url("post_review_ask", lang), {"text": text, "account": team.account.pk}
    )


def counts():
    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label not in {"sessions", "axes"} and m._meta.label != "core.CacheEntry"
    }


def test_a_plain_check_keeps_nothing_and_offers_to_ask(team):
    client = team.client(team.asker)
    client.get(team.url("check_post"))
    before = counts()
    page = client.post(team.url("check_post"), {"text": DRAFT}).content.decode()
    assert counts() == before
    assert "اطلب مراجعة" in page and team.url("post_review_ask") in page


@pytest.mark.django_db(transaction=True)
def test_asking_keeps_the_draft_and_e_mails_the_approvals_holder(smtp, run_worker, settings):
    team = Team()
    response = ask(team)
    review = ReviewRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == team.url("post_review_detail", pk=review.pk)
    assert review.text == DRAFT and review.account == team.account
    assert review.requested_by == team.asker.user and review.status == "waiting"
    assert review.verdict == "do_not_publish"
    widow, finding = review.findings
    assert widow["kind"] == "sensitive_personal"
    assert finding == {
        "kind": "national_id",
        "requirement": "R4.2",
        "start": DRAFT.index(ID_NUMBER),
        "end": DRAFT.index(ID_NUMBER) + len(ID_NUMBER),
        "blocks": True,
    }
    assert list(review.reviewers.all()) == [person_for(team.org, team.reviewer.user)]
    assert smtp.messages == []  # the e-mail waits for the worker, not the request

    run_worker()

    (message,) = smtp.messages
    assert message["To"] == "noura@noor.example"
    assert "مراجعتك" in message["Subject"]
    html = message.get_body(preferencelist=("html",)).get_content()
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert 'lang="ar" dir="rtl"' in html
    assert "لا تنشر" in text and "(ملاحظتان)" in text
    # The draft stays in Siyasa: the e-mail has a link to it, not its words.
    assert ID_NUMBER not in text and "أرملة" not in text and "أرملة" not in html
    link = re.search(r"https?://\S+/check/reviews/\d+/", text)[0]
    page = team.client(team.reviewer).get(link.removeprefix(settings.SIYASA_BASE_URL))
    assert page.status_code == 200
    assert page.content.decode().count("<mark") == 2


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_reviewer_sees_the_request_marked_and_decides(team, lang, mail_now):
    from django.core import mail

    ask(team)
    review = ReviewRequest.objects.get()
    mail.outbox.clear()
    client = team.client(team.reviewer)
    listing = client.get(team.url("post_review_list", lang)).content.decode()
    assert team.url("post_review_detail", lang, pk=review.pk) in listing
    page = client.get(team.url("post_review_detail", lang, pk=review.pk)).content.decode()
    assert f'<mark aria-describedby="finding-2 ">{ID_NUMBER}' in page
    assert ("National ID or Iqama number" if lang == "en" else "رقم هوية وطنية") in page

    response = client.post(
        team.url("post_review_decide", lang, pk=review.pk),
        {"decision": "changes_asked", "note": "احذف رقم الهوية"},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "changes_asked" and review.decided_by == team.reviewer.user
    assert review.note == "احذف رقم الهوية"
    (message,) = mail.outbox
    assert message.to == ["salim@noor.example"]
    assert "طُلبت تعديلات" in message.subject
    # The asker reads the decision and the note on the page.
    mine = team.client(team.asker).get(team.url("post_review_detail", lang, pk=review.pk))
    assert "احذف رقم الهوية" in mine.content.decode()


def test_only_the_named_reviewers_and_policy_admins_decide(team):
    ask(team)
    review = ReviewRequest.objects.get()
    decide = team.url("post_review_decide", pk=review.pk)
    # Another member does not find the draft; whoever asked does not approve their own.
    assert (
        team.client(team.bystander).get(team.url("post_review_detail", pk=review.pk)).status_code
        == 404
    )
    assert team.client(team.bystander).post(decide, {"decision": "approved"}).status_code == 404
    assert team.client(team.asker).post(decide, {"decision": "approved"}).status_code == 403
    review.refresh_from_db()
    assert review.status == "waiting"
    listing = team.client(team.bystander).get(team.url("post_review_list")).content.decode()
    assert team.url("post_review_detail", pk=review.pk) not in listing
    # A policy admin may decide though not named.
    assert team.client(team.admin).post(decide, {"decision": "approved"}).status_code == 302
    review.refresh_from_db()
    assert review.status == "approved"
    # Once decided, it stays decided.
    again = team.client(team.reviewer).post(decide, {"decision": "declined"})
    assert again.status_code == 400
    review.refresh_from_db()
    assert review.status == "approved"


def test_another_organisations_request_is_404(team, cast):
    ask(team)
    review = ReviewRequest.objects.get()
    client = cast.client("owner")
    with translation.override("ar"):
        for name in ("post_review_detail", "post_review_decide", "post_review_delete"):
            url = reverse(name, kwargs={"slug": cast.org.slug, "pk": review.pk})
            assert client.post(url, {"decision": "approved"}).status_code == 404, name
    assert client.get(team.url("post_review_detail", pk=review.pk)).status_code == 404


def test_the_asker_withdraws_then_deletes_and_nothing_of_the_text_stays(team):
    ask(team)
    review = ReviewRequest.objects.get()
    client = team.client(team.asker)
    client.post(team.url("post_review_withdraw", pk=review.pk))
    review.refresh_from_db()
    assert review.status == "withdrawn" and review.text == DRAFT
    assert client.post(team.url("post_review_delete", pk=review.pk)).status_code == 302
    review.refresh_from_db()
    # The trail stays: who asked, who reviews, what happened; not a word of the draft.
    assert review.text == "" and review.findings == [] and review.note == ""
    assert review.purged_at is not None and review.status == "withdrawn"
    page = client.get(team.url("post_review_detail", pk=review.pk)).content.decode()
    assert ID_NUMBER not in page and "أرملة" not in page
    assert "أُزيلت المسودة" in page
    # No copy elsewhere: no change history, and the e-mails never held it.
    assert not any(DRAFT in str(m.params) for m in Message.objects.all())


def test_a_policy_admin_deletes_a_waiting_request(team):
    ask(team)
    review = ReviewRequest.objects.get()
    assert (
        team.client(team.bystander).post(team.url("post_review_delete", pk=review.pk)).status_code
        == 404
    )
    assert (
        team.client(team.admin).post(team.url("post_review_delete", pk=review.pk)).status_code
        == 302
    )
    review.refresh_from_db()
    assert review.text == "" and review.status == "withdrawn"


def test_the_daily_run_removes_drafts_closed_longer_ago_than_the_retention(team, settings):
    settings.SIYASA_REVIEW_RETENTION_DAYS = 90
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        ask(team)
        ask(team, "منشور ثانٍ عن حملة الشتاء")
    first, second = ReviewRequest.objects.order_by("pk")
    services.decide_review(membership=team.reviewer, review=first, decision="approved")
    with time_machine.travel(start + datetime.timedelta(days=89), tick=False):
        notify_services.remind(today=timezone.localdate())
    first.refresh_from_db()
    assert first.text == DRAFT
    with time_machine.travel(start + datetime.timedelta(days=91), tick=False):
        notify_services.remind(today=timezone.localdate())
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.text == "" and first.findings == [] and first.purged_at is not None
    assert first.status == "approved"  # the decision stays for the trail
    assert second.text == "منشور ثانٍ عن حملة الشتاء"  # still waiting: kept


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_draft_with_a_password_is_refused_and_nothing_kept(team, lang):
    before = counts()
    response = ask(team, "تابعونا على حسابنا الجديد! كلمة المرور: Xk9mQ2vL7pR4", lang)
    assert response.status_code == 400
    page = response.content.decode()
    assert ("password manager" if lang == "en" else "مدير كلمات المرور") in page
    assert counts() == before


def test_a_fine_draft_may_be_sent_for_a_second_pair_of_eyes(team):
    page = team.client(team.asker).post(team.url("check_post"), {"text": "شكرًا لمتطوعينا"})
    assert "اطلب مراجعة" in page.content.decode()
    ask(team, "شكرًا لمتطوعينا")
    review = ReviewRequest.objects.get()
    assert review.verdict == "fine" and review.findings == []
