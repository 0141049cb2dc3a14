"""Editors and policy admins are told, unprompted, that saved changes to the question bank wait for
the next publication: on the workspace and on the policy's draft page; staff are told nothing."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import sign_in
from siyasa.orgs.models import Membership, Role
from siyasa.training import services
from siyasa.training.bank import DEFAULT_BANK
from siyasa.training.tests.charity import Charity

QUESTION = {
    "section": "law",
    "kind": "single",
    "text_ar": "هل ننشر صور الأطفال دون موافقة أوليائهم؟",
    "text_en": "Do we post pictures of children without their guardians' consent?",
    "answers_ar": "*لا\nنعم",
    "answers_en": "*No\nYes",
}
QUESTIONS_PAGE = "/o/noor/training/questions/#bank-changes-h"
ON_THE_WORKSPACE = "Quiz change waiting for the next publication (1)"
TO_PUBLISHERS = "1 change to the policy quiz will reach staff when you publish."
TO_EDITORS = "1 change to the policy quiz will reach staff when the draft is published."


@pytest.fixture
def charity(db, mail_now):
    charity = Charity()  # started on the product's pages, its first version published
    charity.editor = charity.join("editor1", Role.EDITOR)
    return charity


def pages(who: Membership) -> Client:
    client = Client()
    sign_in(client, who.user)
    return client


def page(who: Membership, path: str, lang: str = "en") -> str:
    response = pages(who).get(f"/{lang}/o/noor/{path}")
    assert response.status_code == 200
    return response.content.decode()


def add_question(charity, **changes) -> None:
    response = pages(charity.editor).post("/en/o/noor/training/questions/new/", QUESTION | changes)
    assert response.status_code == 302


def leave_out(charity, count: int) -> None:
    """A policy admin leaves `count` shipped questions out of the draft bank."""
    services.save_settings(
        membership=charity.owner,
        pass_mark=80,
        question_count=10,
        hidden_defaults=[q.key for q in DEFAULT_BANK[:count]],
    )


def test_nothing_waits_until_the_bank_is_edited(charity):
    for who in (charity.owner, charity.editor):
        assert "bank-waiting" not in page(who, "")
        assert "bank-waiting" not in page(who, "policy/draft/")


def test_an_editors_new_question_waits_for_the_next_publication(charity):
    add_question(charity)

    workspace = page(charity.editor, "")
    assert ON_THE_WORKSPACE in workspace and QUESTIONS_PAGE in workspace
    draft = page(charity.editor, "policy/draft/")
    assert TO_EDITORS in draft and QUESTIONS_PAGE in draft
    assert ON_THE_WORKSPACE in page(charity.owner, "")
    assert TO_PUBLISHERS in page(charity.owner, "policy/draft/")
    assert "bank-waiting" not in page(charity.staff[0], "")

    published = pages(charity.owner).post(
        "/en/o/noor/policy/publish/",
        {"summary": "Our own question", "kind": "editorial", "effective_on": "2099-01-01"},
    )
    assert published.status_code == 302
    for who in (charity.owner, charity.editor):
        assert "bank-waiting" not in page(who, "")
        assert "bank-waiting" not in page(who, "policy/draft/")


def test_a_publication_refused_still_says_what_waits(charity):
    add_question(charity)
    refused = pages(charity.owner).post(
        "/en/o/noor/policy/publish/",
        {"summary": "Too early", "kind": "editorial", "effective_on": "2000-01-01"},
    )
    assert refused.status_code == 400
    assert TO_PUBLISHERS in refused.content.decode()


def test_the_count_reads_as_arabic_counts_are_read(charity):
    leave_out(charity, 2)
    assert "تغييران في الاختبار ينتظران النشر التالي" in page(charity.editor, "", "ar")
    assert "تغييران في اختبار السياسة يصلان إلى الموظفين حين تنشر المسودة." in page(
        charity.owner, "policy/draft/", "ar"
    )
    leave_out(charity, 11)
    assert "11 تغييرًا في الاختبار تنتظر النشر التالي" in page(charity.editor, "", "ar")
    assert "11 تغييرًا في اختبار السياسة تصل إلى الموظفين حين تُنشر المسودة." in page(
        charity.editor, "policy/draft/", "ar"
    )


def test_the_workspace_counts_the_waiting_changes_in_a_fixed_number_of_queries(charity):
    editor = pages(charity.editor)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert editor.get("/en/o/noor/").status_code == 200
        return len(captured)

    add_question(charity)
    one = queries()
    for n in range(4):
        add_question(charity, text_en=f"Question {n}?")
    leave_out(charity, 7)
    assert "Quiz changes waiting for the next publication (12)" in page(charity.editor, "")
    assert queries() == one


def test_a_scheduled_version_takes_the_waiting_changes_with_it(charity):
    add_question(charity)
    charity.publish("Next month", effective_on=timezone.localdate() + datetime.timedelta(30))
    assert "bank-waiting" not in page(charity.editor, "")
