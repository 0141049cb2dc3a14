"""The scope assessment (R3.2): a suggested level with reasons; another level needs a reason."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from siyasa.core.tests.factories import PersonFactory
from siyasa.crisis import assessment
from siyasa.crisis.models import Incident
from siyasa.crisis.services import incidents
from siyasa.crisis.tests.conftest import declare_data, level

pytestmark = pytest.mark.usefixtures("mail_now")


def test_nothing_serious_suggests_the_lowest_level_without_reasons():
    result = assessment.suggest({})
    assert (result.rank, result.reasons, result.technical) == (1, (), False)


def test_the_highest_answer_decides_and_is_given_as_the_reason():
    result = assessment.suggest({"reach": "spreading", "media": "asking", "legal": "possible"})
    assert result.rank == 3
    assert [(q.key, a.key) for q, a in result.reasons] == [
        ("media", "asking"),
        ("legal", "possible"),
    ]


def test_someone_posting_from_our_account_is_critical_and_technical():
    result = assessment.suggest({"account": "posting"})
    assert (result.rank, result.technical) == (4, True)
    assert assessment.suggest({"account": "attempt"}).rank == 2


def test_danger_to_a_beneficiary_is_critical_whatever_the_reach():
    assert assessment.suggest({"reach": "contained", "people": "danger"}).rank == 4


@given(
    st.fixed_dictionaries(
        {
            q.key: st.sampled_from([a.key for a in q.answers] + ["junk"])
            for q in assessment.QUESTIONS
        }
    )
)
def test_the_suggestion_is_the_highest_answer_and_the_reasons_reach_it(answers):
    result = assessment.suggest(answers)
    ranks = [(q.answer(answers[q.key]) or q.answers[0]).rank for q in assessment.QUESTIONS]
    assert result.rank == max(ranks)
    assert all(a.rank == result.rank for _q, a in result.reasons)
    assert len(result.reasons) == (ranks.count(result.rank) if result.rank > 1 else 0)


def test_other_rank_scales_suggest_the_nearest_level_at_or_below():
    levels = [SimpleNamespace(rank=r) for r in (5, 1, 3)]
    assert [assessment.level_for(rank, levels).rank for rank in (1, 2, 3, 4)] == [1, 1, 3, 3]
    assert assessment.level_for(1, [SimpleNamespace(rank=2)]).rank == 2
    assert assessment.level_for(3, []) is None


def test_declaring_another_level_than_suggested_needs_a_reason(cast):
    lead = PersonFactory(organization=cast.org)
    with pytest.raises(ValidationError):
        incidents.declare(
            membership=cast.membership("staff"),
            kind="communication",
            level=level(cast.org, 1),
            summary="x",
            lead=lead,
            answers={"media": "covered"},
        )
    incident = incidents.declare(
        membership=cast.membership("staff"),
        kind="communication",
        level=level(cast.org, 1),
        summary="x",
        lead=lead,
        answers={"media": "covered"},
        level_reason="It is one local blog",
    )
    assert incident.level_reason == "It is one local blog"
    assert incident.assessment["rank"] == 4
    assert incident.timeline.get().text == "It is one local blog"


def test_the_form_refuses_another_level_without_a_reason_with_400(cast):
    url = f"/en/o/{cast.org.slug}/crisis/declare/"
    data = declare_data(level(cast.org, 2), PersonFactory(organization=cast.org), media="asking")
    client = cast.client("staff")

    response = client.post(url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "please say why" in html
    assert "Suggested level:" in html and "Major" in html
    assert not Incident.objects.exists()
    assert client.post(url, {**data, "level_reason": "Only one reporter"}).status_code == 302
    assert Incident.objects.get().level.rank == 2


def test_suggest_a_level_shows_the_reasons_and_chooses_it_without_declaring(cast):
    url = f"/en/o/{cast.org.slug}/crisis/declare/"
    data = declare_data(level(cast.org, 1), PersonFactory(organization=cast.org), legal="inquiry")

    response = cast.client("staff").post(url, {**data, "action": "assess", "summary": "kept"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "An official inquiry or a lawsuit" in html
    critical = level(cast.org, 4)
    assert f'<option value="{critical.pk}" selected data-rank="4">' in html
    assert "kept" in html  # what was typed is kept
    assert not Incident.objects.exists()


def test_the_declaration_page_offers_the_questions_and_the_declarer_as_lead(cast):
    html = cast.client("staff").get(f"/en/o/{cast.org.slug}/crisis/declare/").content.decode()
    for question in assessment.QUESTIONS:
        assert f'name="q_{question.key}"' in html
    assert 'data-rank="4"' in html and "data-assess" in html
    me = cast.users["staff"].people.get(organization=cast.org)
    assert f'<option value="{me.pk}" selected>' in html
    watch = level(cast.org, 1)  # suggested before any answer
    assert f'<option value="{watch.pk}" selected data-rank="1">' in html
