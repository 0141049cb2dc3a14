"""Review requests still waiting come back in their reviewers' daily digest (issue 14): from the
day after they were asked, to the named reviewers who may still decide them, until decided or
withdrawn — delivered through a real SMTP server on loopback by the real worker."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from siyasa.core.tests.factories import (
    MembershipFactory,
    OrganizationFactory,
    PersonFactory,
    ResponsibilityFactory,
    SocialAccountFactory,
    UserFactory,
)
from siyasa.notify.models import Kind, Reminder
from siyasa.notify.reminders import due_items
from siyasa.orgs import services as org_services
from siyasa.orgs.models import Membership, Organization, Person, Role
from siyasa.orgs.selectors import person_for
from siyasa.postcheck import services as postcheck_services
from siyasa.postcheck.models import ReviewRequest
from siyasa.registry.models import Area
from siyasa.training.tests.charity import Charity

# The worker commits and polls like in production, so these tests run outside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)

RIYADH = ZoneInfo("Asia/Riyadh")
ASKED = datetime.datetime(2026, 6, 9, 10, 0, tzinfo=RIYADH)  # a Tuesday morning
NEXT_MORNING = datetime.datetime(2026, 6, 10, 7, 15, tzinfo=RIYADH)
DRAFT = "انضموا إلينا في حملة الشتاء لتوزيع البطانيات على الأسر"
BASE = "http://127.0.0.1:8000"


class Desk(Charity):
    """A charity started on the product's pages whose members joined by invitation: Noura (reads
    Arabic) and Layla (reads English) hold the approvals responsibility, Salim writes posts."""

    def __init__(self):
        super().__init__()
        self.noura = self.member("noura", "نورة", "Noura")
        self.layla = self.member("layla", "ليلى", "Layla", language="en")
        self.salim = self.member("salim", "سالم", "Salim")
        for reviewer in (self.noura, self.layla):
            ResponsibilityFactory(
                organization=self.org, area=Area.APPROVALS, person=self.person(reviewer)
            )
        self.account = SocialAccountFactory(organization=self.org, handle="@noor_charity")

    def member(self, username: str, name: str, name_en: str, language: str = "") -> Membership:
        membership = self.join(username, Role.STAFF)
        Person.objects.filter(pk=self.person(membership).pk).update(
            name=name, name_en=name_en, language=language
        )
        return membership

    def person(self, membership: Membership) -> Person:
        return person_for(self.org, membership.user)

    def ask(self, membership: Membership | None = None) -> ReviewRequest:
        return postcheck_services.ask_review(
            membership=membership or self.salim, text=DRAFT, account=self.account
        )


@pytest.fixture
def clock():
    with time_machine.travel(ASKED) as traveller:
        yield traveller


@pytest.fixture
def desk(clock, smtp, run_worker) -> Desk:
    desk = Desk()
    run_worker()  # the invitations leave; the digests are what these tests read
    return desk


@pytest.fixture
def digests(smtp, run_worker):
    """Run the daily `remind` and the worker: each digest that arrived, by recipient, as
    (plain text, HTML). E-mails queued before (invitations, the ask itself) are left out."""

    def run() -> dict[str, tuple[str, str]]:
        run_worker()
        smtp.messages.clear()
        call_command("remind", stdout=StringIO())
        run_worker()
        return {
            m["To"]: (
                m.get_body(preferencelist=("plain",)).get_content(),
                m.get_body(preferencelist=("html",)).get_content(),
            )
            for m in smtp.messages
        }

    return run


def link(desk: Desk, review: ReviewRequest, language: str = "ar") -> str:
    return f"{BASE}/{language}/o/{desk.org.slug}/check/reviews/{review.pk}/"


def test_a_request_waiting_since_yesterday_is_in_each_reviewers_digest(desk, clock, digests):
    review = desk.ask()
    clock.move_to(NEXT_MORNING)
    sent = digests()

    text, html = sent["noura@noor.example"]
    assert "منشور واحد بانتظار مراجعتك." in text
    assert "بطلب من سالم، بانتظار المراجعة منذ 9 يونيو، 2026: X @noor_charity" in text
    assert link(desk, review) in text
    assert f"{BASE}/ar/o/noor/check/reviews/" in text  # the list of what waits for her
    assert f'<a href="{link(desk, review)}"' in html
    assert '<span dir="ltr">X @noor_charity</span>' in html
    assert 'lang="ar" dir="rtl"' in html
    assert DRAFT not in text and DRAFT not in html  # the draft stays in Siyasa

    text, html = sent["layla@noor.example"]
    assert "1 post is waiting for your review." in text
    assert "Asked by Salim, waiting since June 9, 2026: X @noor_charity" in text
    assert link(desk, review, "en") in text and f'<a href="{link(desk, review, "en")}"' in html

    # Whoever asked hears of their own request only when it is decided.
    text, _html = sent["salim@noor.example"]
    assert "مراجعتك" not in text and "/check/reviews/" not in text


def test_the_reminder_is_said_once_a_day_while_the_request_waits(desk, clock, digests):
    desk.ask()
    clock.move_to(NEXT_MORNING)
    assert "noura@noor.example" in digests()
    assert "noura@noor.example" not in digests()  # the same morning again: nothing new

    clock.move_to(NEXT_MORNING + datetime.timedelta(days=1))
    text, _html = digests()["noura@noor.example"]
    assert "منشور واحد بانتظار مراجعتك." in text
    noura = desk.person(desk.noura)
    assert [r.period for r in noura.reminders.filter(kind=Kind.REVIEW_WAITING)] == [
        "2026-06-10",
        "2026-06-11",
    ]


def test_a_request_asked_this_morning_waits_for_tomorrow(desk, clock, digests):
    clock.move_to(NEXT_MORNING - datetime.timedelta(hours=1))
    desk.ask()  # the reviewers have just had the e-mail asking them
    clock.move_to(NEXT_MORNING)
    sent = digests()
    assert all("مراجعتك" not in text for text, _html in sent.values())
    assert "waiting for your review" not in sent.get("layla@noor.example", ("", ""))[0]
    assert not Reminder.objects.filter(kind=Kind.REVIEW_WAITING).exists()


def test_two_waiting_requests_are_one_line_in_the_plural_with_a_link_to_each(desk, clock, digests):
    first, second = desk.ask(), desk.ask()
    clock.move_to(NEXT_MORNING)
    sent = digests()

    text, html = sent["noura@noor.example"]
    assert "منشوران بانتظار مراجعتك." in text and "منشور واحد" not in text
    assert text.count("بطلب من سالم") == 2
    for review in (first, second):
        assert link(desk, review) in text and f'<a href="{link(desk, review)}"' in html

    text, _html = sent["layla@noor.example"]
    assert "2 posts are waiting for your review." in text
    assert (Reminder.objects.filter(kind=Kind.REVIEW_WAITING).count()) == 2  # one per reviewer


def test_a_decided_or_withdrawn_request_leaves_the_next_digest(desk, clock, digests):
    approved, withdrawn, waiting = desk.ask(), desk.ask(), desk.ask()
    clock.move_to(NEXT_MORNING)
    text, _html = digests()["noura@noor.example"]
    assert "3 منشورات بانتظار مراجعتك." in text

    postcheck_services.decide_review(membership=desk.noura, review=approved, decision="approved")
    postcheck_services.withdraw_review(membership=desk.salim, review=withdrawn)
    clock.move_to(NEXT_MORNING + datetime.timedelta(days=1))
    sent = digests()
    for reader, language in (("noura", "ar"), ("layla", "en")):
        text, _html = sent[f"{reader}@noor.example"]
        assert link(desk, waiting, language) in text
        assert link(desk, approved, language) not in text
        assert link(desk, withdrawn, language) not in text
    assert "منشور واحد بانتظار مراجعتك." in sent["noura@noor.example"][0]


def test_a_reviewer_removed_from_the_members_hears_nothing_more(desk, clock, digests):
    review = desk.ask()
    org_services.remove_member(membership=desk.owner, target=desk.layla)
    clock.move_to(NEXT_MORNING)
    sent = digests()
    assert link(desk, review) in sent["noura@noor.example"][0]
    # Layla's directory entry stays, still named on the request, but she can no longer decide.
    assert desk.person(desk.layla) in review.reviewers.all()
    assert "layla@noor.example" not in sent


def test_whoever_asked_is_never_reminded_even_when_named(desk, clock, digests):
    review = desk.ask(desk.noura)  # Noura asks: Layla reviews
    assert list(review.reviewers.all()) == [desk.person(desk.layla)]
    # Had Noura been named too, she still could not decide her own request.
    review.reviewers.add(desk.person(desk.noura))
    clock.move_to(NEXT_MORNING)
    sent = digests()
    assert "1 post is waiting for your review." in sent["layla@noor.example"][0]
    assert "Asked by Noura" in sent["layla@noor.example"][0]
    assert "مراجعتك" not in sent["noura@noor.example"][0]


def test_the_notification_log_shows_the_reminder_with_its_links(desk, clock, digests):
    from django.test import Client

    from conftest import sign_in

    review = desk.ask()
    clock.move_to(NEXT_MORNING)
    digests()
    client = Client()
    sign_in(client, desk.founder)
    page = client.get("/ar/o/noor/notifications/").content.decode()
    assert "منشور بانتظار مراجعتك" in page  # the kind
    assert "منشور واحد بانتظار مراجعتك." in page
    assert f'<a href="/ar/o/noor/check/reviews/{review.pk}/">' in page
    page = client.get("/en/o/noor/notifications/").content.decode()
    assert "Post waiting for your review" in page
    assert f'<a href="/en/o/noor/check/reviews/{review.pk}/">' in page


def waiting_review(org: Organization) -> None:
    """A request asked yesterday in `org` by one member, naming another."""
    asker, reviewer = (PersonFactory(organization=org, user=UserFactory()) for _person in range(2))
    for person in (asker, reviewer):
        MembershipFactory(organization=org, user=person.user, role=Role.STAFF)
    review = ReviewRequest.objects.create(
        organization=org, text=DRAFT, verdict="fine", requested_by=asker.user
    )
    review.reviewers.set([reviewer])


def test_finding_waiting_reviews_takes_as_many_queries_for_many_organisations_as_for_one(clock):
    orgs = [OrganizationFactory() for _org in range(4)]
    for org in orgs:
        waiting_review(org)
    clock.move_to(NEXT_MORNING)
    today = NEXT_MORNING.date()
    with CaptureQueriesContext(connection) as one:
        due_items(orgs[:1], today=today)
    with CaptureQueriesContext(connection) as many:
        items = due_items(orgs, today=today)
    assert len([i for i in items if i.kind == Kind.REVIEW_WAITING]) == 4
    assert len(many) == len(one)
