"""Incidents: numbering, the append-only timeline and its corrections, tasks, closing with a
review, tenancy and bad input."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from siyasa.core.tests.factories import PersonFactory
from siyasa.crisis.models import Incident, Task, TimelineEntry
from siyasa.crisis.services import incidents, statements
from siyasa.crisis.tests.conftest import declare, declare_data, level

pytestmark = pytest.mark.usefixtures("mail_now")
Kind = TimelineEntry.Kind


def page(cast, incident, lang="ar"):
    return f"/{lang}/o/{cast.org.slug}/crisis/incidents/{incident.number}/"


def test_incidents_are_numbered_per_organisation(cast):
    first, second = declare(cast.membership("staff")), declare(cast.membership("owner"))
    theirs = declare(cast.other_org.memberships.filter(role="owner").first())

    assert (first.number, second.number, theirs.number) == (1, 2, 1)


def test_declaring_records_who_what_and_why_in_the_timeline(cast):
    lead = PersonFactory(organization=cast.org, name="قائد")
    incident = declare(cast.membership("staff"), 2, lead=lead, level_reason="", summary="Spreading")

    [entry] = incident.timeline.all()
    assert (entry.kind, entry.author) == (Kind.DECLARED, cast.users["staff"])
    assert entry.data["level"]["en"] == "Minor" and entry.data["lead"]["ar"] == "قائد"
    assert incident.assessment == {
        "answers": {
            "reach": "spreading",
            "media": "none",
            "legal": "none",
            "people": "none",
            "account": "none",
        },
        "rank": 2,
    }


def test_the_timeline_is_ordered_by_time_then_by_entry(cast):
    incident = declare(cast.membership("staff"))
    now = timezone.now()
    later = TimelineEntry.objects.create(
        organization=cast.org, incident=incident, at=now + datetime.timedelta(minutes=5), text="b"
    )
    same_a = TimelineEntry.objects.create(
        organization=cast.org, incident=incident, at=now, text="c"
    )
    same_b = TimelineEntry.objects.create(
        organization=cast.org, incident=incident, at=now, text="d"
    )

    entries = list(incident.timeline.exclude(kind=Kind.DECLARED))
    assert entries == [same_a, same_b, later]
    html = cast.client("staff").get(page(cast, incident)).content.decode()
    # Newest first on the page, under the form that adds to it.
    assert html.index(f'id="entry-{later.pk}"') < html.index(f'id="entry-{same_b.pk}"')
    assert html.index(f'id="entry-{same_b.pk}"') < html.index(f'id="entry-{same_a.pk}"')
    assert html.index('id="add"') < html.index(f'id="entry-{later.pk}"')


def test_a_timeline_entry_is_never_changed_or_deleted(cast):
    incident = declare(cast.membership("staff"))
    entry = incidents.add_entry(membership=cast.membership("staff"), incident=incident, text="x")

    entry.text = "rewritten"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    assert TimelineEntry.objects.get(pk=entry.pk).text == "x"


def test_no_url_edits_or_deletes_a_timeline_entry():
    from siyasa.core.tests.test_url_matrix import org_url_names

    assert [name for name in org_url_names() if "entry" in name] == ["incident_entry"]


def test_a_correction_is_a_new_entry_pointing_at_the_one_it_corrects(cast):
    incident = declare(cast.membership("staff"))
    client = cast.client("editor")
    wrong = incidents.add_entry(
        membership=cast.membership("staff"), incident=incident, text="Posted at 10:00"
    )
    form = client.get(page(cast, incident) + f"?correct={wrong.pk}").content.decode()
    assert f'name="corrects" value="{wrong.pk}"' in form

    response = client.post(
        page(cast, incident) + "timeline/", {"text": "It was 11:00", "corrects": wrong.pk}
    )

    assert response.status_code == 302
    correction = TimelineEntry.objects.get(corrects=wrong)
    assert correction.text == "It was 11:00" and correction.author == cast.users["editor"]
    assert TimelineEntry.objects.get(pk=wrong.pk).text == "Posted at 10:00"
    html = client.get(page(cast, incident)).content.decode()
    assert "is-corrected" in html


def test_an_entry_of_another_incident_or_organisation_cannot_be_corrected(cast):
    mine, other = declare(cast.membership("staff")), declare(cast.membership("staff"))
    theirs = declare(cast.other_org.memberships.filter(role="owner").first())
    for foreign in (other.timeline.first(), theirs.timeline.first()):
        response = cast.client("staff").post(
            page(cast, mine) + "timeline/", {"text": "x", "corrects": foreign.pk}
        )
        assert response.status_code == 404
    with pytest.raises(Exception):  # noqa: B017 - the service refuses it too
        incidents.add_entry(
            membership=cast.membership("staff"),
            incident=mine,
            text="x",
            corrects=other.timeline.first(),
        )
    assert mine.timeline.count() == 1


def test_tasks_get_owners_and_are_done_once(cast):
    incident = declare(cast.membership("staff"))
    owner = PersonFactory(organization=cast.org)
    client = cast.client("staff")

    assert (
        client.post(page(cast, incident) + "tasks/", {"title": "Pause posts", "owner": owner.pk})
    ).status_code == 302
    task = Task.objects.get(incident=incident)
    assert task.owner == owner
    assert client.post(page(cast, incident) + f"tasks/{task.pk}/done/").status_code == 302
    assert client.post(page(cast, incident) + f"tasks/{task.pk}/done/").status_code == 400
    task.refresh_from_db()
    assert task.done and task.done_by == cast.users["staff"]
    kinds = list(incident.timeline.values_list("kind", flat=True))
    assert kinds == [Kind.DECLARED, Kind.TASK_ADDED, Kind.TASK_DONE]


def test_closing_with_a_review_offers_the_policy_draft_and_records_it(cast):
    incident = declare(cast.membership("staff"))
    client = cast.client("policy_admin")

    response = client.post(
        page(cast, incident) + "close/",
        {
            "review_happened": "A complaint spread",
            "review_worked": "Fast approval",
            "review_changes": "Add a rule on receipts",
        },
    )

    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.status == Incident.Status.CLOSED and incident.closed_at
    kinds = list(incident.timeline.values_list("kind", flat=True))
    assert kinds[-2:] == [Kind.CLOSED, Kind.POLICY_CHANGE]
    html = client.get(page(cast, incident)).content.decode()
    assert f'href="/ar/o/{cast.org.slug}/policy/draft/"' in html
    assert "Add a rule on receipts" in html
    # A staff member reads the review but is not offered the draft they cannot open.
    assert "/policy/draft/" not in cast.client("staff").get(page(cast, incident)).content.decode()


def test_a_closed_incident_takes_no_more_tasks_statements_or_level_changes(cast):
    incident = declare(cast.membership("staff"))
    incidents.close(
        membership=cast.membership("owner"), incident=incident, happened="x", worked="", changes=""
    )
    client = cast.client("owner")
    assert client.post(page(cast, incident) + "tasks/", {"title": "x"}).status_code == 400
    assert client.post(page(cast, incident) + "statements/", {"text_ar": "x"}).status_code == 400
    assert (
        client.post(
            page(cast, incident) + "level/", {"level": level(cast.org, 2).pk, "reason": "x"}
        )
    ).status_code == 400
    # The review can still be completed later, and corrections still be added.
    assert (
        client.post(page(cast, incident) + "close/", {"review_happened": "More detail"})
    ).status_code == 302
    assert incident.timeline.filter(kind=Kind.REVIEW_UPDATED).exists()
    declared = incident.timeline.get(kind=Kind.DECLARED)
    correction = {"text": "It was 10:05, not 10:50", "corrects": declared.pk}
    assert client.post(page(cast, incident) + "timeline/", correction).status_code == 302


def test_a_closed_incident_refuses_new_notes_in_the_readers_language(cast):
    incident = declare(cast.membership("staff"))
    incidents.close(
        membership=cast.membership("owner"), incident=incident, happened="x", worked="", changes=""
    )
    before = incident.timeline.count()

    arabic = cast.client("staff").post(page(cast, incident) + "timeline/", {"text": "ملاحظة"})
    english = cast.client("staff").post(page(cast, incident, "en") + "timeline/", {"text": "Note"})

    assert (arabic.status_code, english.status_code) == (400, 400)
    assert "هذه الحادثة مغلقة" in arabic.content.decode()
    assert "This incident is closed" in english.content.decode()
    assert incident.timeline.count() == before
    # The page offers no note form, only corrections of what is there.
    html = cast.client("staff").get(page(cast, incident)).content.decode()
    assert 'id="add"' not in html and "?correct=" in html
    with pytest.raises(ValidationError):
        incidents.add_entry(membership=cast.membership("staff"), incident=incident, text="x")


def test_another_organisations_incident_is_404(cast):
    owner_b = cast.other_org.memberships.filter(role="owner").first()
    declare(owner_b)
    theirs = declare(owner_b)  # number 2 exists only in organisation B
    declare(cast.membership("staff"))  # my number 1

    client = cast.client("owner")
    assert client.get(page(cast, theirs)).status_code == 404
    assert client.post(page(cast, theirs) + "timeline/", {"text": "x"}).status_code == 404
    assert cast.client("outsider").get(
        f"/ar/o/{cast.org.slug}/crisis/incidents/1/"
    ).status_code == (404)
    # Their statement under my incident's number: 404 too.
    statement = statements.submit(membership=owner_b, incident=theirs, text_ar="x", text_en="")
    assert (
        client.get(
            f"/ar/o/{cast.org.slug}/crisis/incidents/1/statements/{statement.pk}/"
        ).status_code
        == 404
    )


def test_bad_input_is_answered_400_and_writes_nothing(cast):
    incident = declare(cast.membership("staff"))
    statement = statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="x", text_en=""
    )
    client = cast.client("owner")
    before = (TimelineEntry.objects.count(), Task.objects.count())
    other_level = level(cast.other_org, 2)
    decide = f"statements/{statement.pk}/decide/"

    for path, data in [
        ("timeline/", {"text": "   "}),
        ("timeline/", {"text": "x", "corrects": "abc"}),
        ("tasks/", {"title": ""}),
        ("tasks/", {"title": "x", "owner": PersonFactory(organization=cast.other_org).pk}),
        ("level/", {"level": other_level.pk, "reason": "x"}),
        ("level/", {"level": level(cast.org, 3).pk, "reason": ""}),
        ("level/", {"level": incident.level.pk, "reason": "same level"}),
        ("lead/", {"lead": "nobody"}),
        ("close/", {"review_happened": ""}),
        ("statements/", {"text_ar": " ", "text_en": ""}),
        (f"statements/{statement.pk}/", {"text_ar": "", "text_en": "", "seen_version": 1}),
        (decide, {"role": "social_team", "decision": "approve"}),
        (decide, {"role": "king", "decision": "approve", "seen_version": 1}),
        (decide, {"role": "social_team", "decision": "maybe", "seen_version": 1}),
        (decide, {"role": "social_team", "decision": "approve", "seen_version": "x"}),
    ]:
        response = client.post(page(cast, incident) + path, data)
        assert response.status_code == 400, (path, data)
    assert (TimelineEntry.objects.count(), Task.objects.count()) == before
    assert incident.timeline.count() == 2  # declared, statement submitted
    assert statement.approvals.count() == 0


def test_declaring_with_bad_input_is_400(cast):
    client = cast.client("staff")
    lead = PersonFactory(organization=cast.org)
    url = f"/ar/o/{cast.org.slug}/crisis/declare/"
    for data in [
        {**declare_data(level(cast.org, 1), lead), "summary": ""},
        {**declare_data(level(cast.other_org, 1), lead)},
        {**declare_data(level(cast.org, 1), PersonFactory(organization=cast.other_org))},
        {**declare_data(level(cast.org, 1), lead), "q_media": "maybe"},
        {**declare_data(level(cast.org, 1), lead), "kind": "other"},
    ]:
        assert client.post(url, data).status_code == 400
    assert not Incident.objects.exists()


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_any_text_added_to_the_timeline_is_kept_exactly_or_refused(cast, text):
    incident = Incident.objects.for_org(cast.org).first() or declare(cast.membership("staff"))
    count = incident.timeline.count()
    response = cast.client("staff").post(page(cast, incident) + "timeline/", {"text": text})
    assert response.status_code in (302, 400)
    if response.status_code == 302:
        assert incident.timeline.count() == count + 1
        assert incident.timeline.order_by("-pk").first().text == text.strip()
    else:
        assert incident.timeline.count() == count


def test_the_incident_page_is_light_and_prints(cast, crew, django_assert_max_num_queries):
    incident = declare(cast.membership("staff"), 3)
    for n in range(5):
        incidents.add_entry(membership=cast.membership("staff"), incident=incident, text=f"n{n}")
        incidents.add_task(membership=cast.membership("staff"), incident=incident, title=f"t{n}")
    statements.submit(
        membership=cast.membership("staff"), incident=incident, text_ar="x", text_en=""
    )
    client = crew.client("social")

    with django_assert_max_num_queries(30):
        response = client.get(page(cast, incident))

    html = response.content.decode()
    assert len(response.content) < 60_000
    assert "<img" not in html and " style=" not in html and "<script>" not in html
    assert html.count("<script") == 1 and html.count('rel="stylesheet"') == 1
    assert 'class="container crisis-room"' in html


def test_the_room_shows_open_incidents_first_and_the_plan(cast):
    incident = declare(cast.membership("staff"), 3, summary="Journalists are asking")
    closed = declare(cast.membership("staff"), 1, summary="Old one")
    incidents.close(
        membership=cast.membership("owner"), incident=closed, happened="x", worked="", changes=""
    )

    html = cast.client("staff").get(f"/en/o/{cast.org.slug}/crisis/").content.decode()

    assert html.index("Journalists are asking") < html.index('id="levels"')
    assert html.index('id="levels"') < html.index("Old one")
    assert f'href="/en/o/{cast.org.slug}/crisis/declare/"' in html
    assert f'href="/en/o/{cast.org.slug}/crisis/incidents/{incident.number}/"' in html
    for section in ('id="playbooks"', 'id="contacts"'):
        assert section in html
    # The requirement each part serves: shown to those who work on the policy, not to staff.
    editors = cast.client("editor").get(f"/en/o/{cast.org.slug}/crisis/").content.decode()
    for requirement in ("R3.3", "R3.4", "R3.5"):
        assert requirement in editors and requirement not in html
    assert "Compromised account" in html and "Communication crisis" in html


def test_the_demo_room_shows_its_past_incident(db):
    from django.contrib.auth import get_user_model
    from django.test import Client

    from siyasa.demo.builder import build_demo

    org = build_demo()
    client = Client()
    client.force_login(get_user_model().objects.get(username="staff"))  # no second factor owed

    room = client.get(f"/en/o/{org.slug}/crisis/").content.decode()
    detail = client.get(f"/en/o/{org.slug}/crisis/incidents/1/")

    assert "Past incidents" in room and f"/en/o/{org.slug}/crisis/incidents/1/" in room
    assert detail.status_code == 200
    html = detail.content.decode()
    assert "Approved for publication" in html and "Post-incident review" in html
