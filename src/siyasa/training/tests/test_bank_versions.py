"""The question bank is versioned with the policy: editors change a draft bank, and staff draw
from the bank of the version in force until a new version is published."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from conftest import sign_in
from siyasa.orgs.models import Membership, Role
from siyasa.training import selectors, services
from siyasa.training.bank import DEFAULT_BANK
from siyasa.training.models import Attempt, CustomQuestion
from siyasa.training.tests.charity import Charity

# Every shipped question but four left out, and the longest quiz: a draw then takes the whole
# pool, so a question missing from a draw is missing from the bank.
KEPT = {"roles.owner", "security.manager", "crisis.spot", "law.consent"}
LEFT_OUT = sorted(q.key for q in DEFAULT_BANK if q.key not in KEPT)


@pytest.fixture
def charity(db, mail_now):
    charity = Charity()
    charity.editor = charity.join("editor1", Role.EDITOR)
    services.save_settings(
        membership=charity.owner, pass_mark=80, question_count=30, hidden_defaults=LEFT_OUT
    )
    charity.publish("The whole bank in every quiz")
    return charity


def pages(who: Membership) -> Client:
    client = Client()
    sign_in(client, who.user)
    return client


def texts(attempt: Attempt) -> set[str]:
    return {q["text"][1] for q in attempt.questions}


def draw(charity) -> Attempt:
    return services.start_attempt(membership=charity.staff[0])


QUESTION = {
    "section": "law",
    "kind": "single",
    "text_ar": "هل ننشر صور الأطفال دون موافقة أوليائهم؟",
    "text_en": "Do we post pictures of children without their guardians' consent?",
    "answers_ar": "*لا\nنعم",
    "answers_en": "*No\nYes",
}


def add_question(charity, **changes) -> CustomQuestion:
    page = pages(charity.editor).post("/en/o/noor/training/questions/new/", QUESTION | changes)
    assert page.status_code == 302
    return CustomQuestion.objects.for_org(charity.org).latest("pk")


def test_an_editors_changes_reach_staff_only_with_the_next_version(charity):
    kept = add_question(charity, text_en="Is the question kept?")
    charity.publish("Our own question")
    assert "Is the question kept?" in texts(draw(charity))

    editor = pages(charity.editor)
    new = add_question(charity)
    changed = {**QUESTION, "text_en": "Is the question changed?"}
    assert editor.post(f"/en/o/noor/training/questions/{kept.pk}/", changed).status_code == 302
    hidden = [*LEFT_OUT, "crisis.spot"]
    services.save_settings(
        membership=charity.owner, pass_mark=80, question_count=30, hidden_defaults=hidden
    )

    before = draw(charity)
    assert QUESTION["text_en"] not in texts(before)  # the new question waits
    assert "Is the question kept?" in texts(before)  # the old wording is still asked
    assert "Who may report a possible crisis?" in texts(before)  # the shipped one too

    charity.publish("Editorial: our questions", kind="editorial")
    after = draw(charity)
    assert {QUESTION["text_en"], "Is the question changed?"} <= texts(after)
    assert "Is the question kept?" not in texts(after)
    assert "Who may report a possible crisis?" not in texts(after)
    assert any(q["key"] == f"custom.{new.pk}" for q in after.questions)
    # An editorial version changes the questions, not the version a pass counts for.
    assert after.version.number == before.version.number == 3

    # The attempt started before the publication keeps its questions, judged against them.
    kept_draw = Attempt.objects.get(pk=before.pk)
    assert kept_draw.questions == before.questions
    right = {q["key"]: q["right"] for q in kept_draw.questions}
    result = services.submit_attempt(membership=charity.staff[0], attempt=kept_draw, answers=right)
    assert result.passed
    review = pages(charity.staff[0]).get(f"/en/o/noor/training/attempts/{before.pk}/")
    assert "Is the question kept?" in review.content.decode()


def test_the_bank_of_a_version_stays_as_it_was_published_after_later_edits(charity):
    question = add_question(charity)
    version = charity.publish("Our own question")
    published = selectors.bank_of(charity.org, version)
    assert f"custom.{question.pk}" in {q.key for q in published.questions}

    editor = pages(charity.editor)
    editor.post(f"/en/o/noor/training/questions/{question.pk}/", {**QUESTION, "text_en": "Edited"})
    add_question(charity, text_en="Another one")
    editor.post(f"/en/o/noor/training/questions/{question.pk}/delete/")
    services.save_settings(
        membership=charity.owner, pass_mark=60, question_count=12, hidden_defaults=[]
    )

    assert selectors.bank_of(charity.org, version) == published
    assert selectors.draft_bank(charity.org) != published
    assert not CustomQuestion.objects.for_org(charity.org).filter(pk=question.pk).exists()
    assert QUESTION["text_en"] in texts(draw(charity))  # deleted in the draft, still in force


def test_a_new_pass_mark_counts_only_from_the_next_version(charity):
    member = charity.staff[0]
    services.save_settings(
        membership=charity.owner, pass_mark=50, question_count=30, hidden_defaults=LEFT_OUT
    )
    started = draw(charity)
    assert started.pass_mark == 80
    home = pages(member).get("/en/o/noor/training/").content.decode()
    assert "you pass with 80% right" in home
    settings_page = pages(charity.owner).get("/en/o/noor/training/settings/").content.decode()
    assert "the quiz of version 2 keeps a pass mark of 80%" in settings_page

    charity.publish("An easier quiz")
    assert draw(charity).pass_mark == 50
    assert "you pass with 50% right" in pages(member).get("/en/o/noor/training/").content.decode()
    started.refresh_from_db()
    half = {q["key"]: q["right"] for q in started.questions[: len(started.questions) // 2 + 1]}
    result = services.submit_attempt(membership=member, attempt=started, answers=half)
    assert not result.passed  # started at 80%, judged at 80%


def test_a_version_brings_its_bank_on_the_day_it_comes_into_force(charity):
    add_question(charity)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    charity.publish("From tomorrow", effective_on=tomorrow)
    assert QUESTION["text_en"] not in texts(draw(charity))
    page = pages(charity.editor).get("/en/o/noor/training/questions/").content.decode()
    assert "The quiz now draws from the bank of version 2." in page
    assert "Version 3 brings its bank into the quiz on" in page
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        assert QUESTION["text_en"] in texts(draw(charity))


def test_the_questions_page_lists_what_the_next_version_changes(charity):
    kept = add_question(charity, text_en="Is the question kept?")
    gone = add_question(charity, text_en="Is the question removed?")
    charity.publish("Our questions")
    editor = pages(charity.editor)
    page = editor.get("/en/o/noor/training/questions/").content.decode()
    assert "Draft bank" in page and "changes take effect when the next version" in page
    assert "The draft bank is the same as the bank of version 3." in page

    add_question(charity, text_en="Is the question new?")
    editor.post(f"/en/o/noor/training/questions/{kept.pk}/", {**QUESTION, "text_en": "Changed?"})
    editor.post(f"/en/o/noor/training/questions/{gone.pk}/delete/")
    services.save_settings(
        membership=charity.owner, pass_mark=90, question_count=20, hidden_defaults=[]
    )
    page = editor.get("/en/o/noor/training/questions/").content.decode()
    assert "What the next version changes in the quiz (since version 3)" in page
    assert "23 questions added, changed or taken out." in page  # 1 + 1 + 1 + 20 shipped again
    assert '<span class="badge ok">added</span> <bdi>Is the question new?</bdi>' in page
    assert "Changed?" in page and "(was: <bdi>Is the question kept?</bdi>)" in page
    assert '<span class="badge bad">removed</span> <bdi>Is the question removed?</bdi>' in page
    assert '<span class="badge ok">asked again</span>' in page
    assert (
        "Pass mark: 90% instead of 80%" in page and "Questions per quiz: 20 instead of 30" in page
    )
    assert "Publish a version of the policy" not in page  # an editor does not publish

    owner_page = pages(charity.owner).get("/ar/o/noor/training/questions/").content.decode()
    assert "مسودة بنك الأسئلة" in owner_page and "/ar/o/noor/policy/draft/" in owner_page

    charity.publish("Our questions, again", kind="editorial")
    page = editor.get("/en/o/noor/training/questions/").content.decode()
    assert "The draft bank is the same as the bank of version 4." in page


def test_passes_count_for_the_material_version_in_force(charity):
    member = charity.staff[0]
    attempt = draw(charity)
    services.submit_attempt(
        membership=member,
        attempt=attempt,
        answers={q["key"]: q["right"] for q in attempt.questions},
    )
    add_question(charity)
    charity.publish("A wording fix and a question", kind="editorial")
    results = pages(charity.owner).get("/en/o/noor/training/results.csv").content.decode()
    assert ",no,yes,1,100%" in results  # still passed: the version that counts is the same
    charity.publish("New rules and a question", kind="material")
    results = pages(charity.owner).get("/en/o/noor/training/results.csv").content.decode()
    assert ",yes," not in results.split("\n", 1)[1]  # nobody has passed version 4 yet


def test_each_versions_bank_comes_along_when_the_organisation_moves(charity):
    import json

    from siyasa.archive.selectors import export_org
    from siyasa.archive.services import import_org
    from siyasa.policy.models import PolicyVersion

    add_question(charity, text_en="In version 3")
    charity.publish("Our question")
    add_question(charity, text_en="Only in the draft")
    services.save_settings(
        membership=charity.owner, pass_mark=70, question_count=30, hidden_defaults=[]
    )

    moved = import_org(json.loads(json.dumps(export_org(charity.org))), slug="noor-2").org

    def english(bank) -> set[str]:
        return {q.text[1] for q in bank.own}

    version = PolicyVersion.objects.for_org(moved).get(number=3)
    assert english(selectors.bank_of(moved, version)) == {"In version 3"}
    assert selectors.bank_of(moved, version).hidden == frozenset(LEFT_OUT)
    assert english(selectors.draft_bank(moved)) == {"In version 3", "Only in the draft"}
    assert selectors.draft_bank(moved).pass_mark == 70
