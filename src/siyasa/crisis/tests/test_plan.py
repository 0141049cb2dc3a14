"""The plan a new organisation starts from, and editing it: levels and playbooks (R3.2–R3.5)."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation

from siyasa.core.permissions import Role
from siyasa.core.tests.factories import OrganizationFactory, PersonFactory
from siyasa.crisis.forms import TaskForm
from siyasa.crisis.models import Playbook, SeverityLevel, Task, validate_roles
from siyasa.crisis.tests.conftest import declare

SOCIAL, PR, EXEC = "social_team", "public_relations", "executive"
LEGAL, BOARD = "legal", "board_delegate"


@pytest.mark.django_db
def test_a_new_organisation_gets_four_levels_with_alerts_approvals_and_texts():
    org = OrganizationFactory()
    levels = list(SeverityLevel.objects.for_org(org))

    assert [(lv.rank, lv.name_en) for lv in levels] == [
        (1, "Watch"),
        (2, "Minor"),
        (3, "Major"),
        (4, "Critical"),
    ]
    assert [lv.approval_roles for lv in levels] == [
        [SOCIAL],
        [SOCIAL, PR],
        [SOCIAL, PR, EXEC],
        [SOCIAL, PR, EXEC, LEGAL, BOARD],
    ]
    assert [lv.notify_roles for lv in levels] == [lv.approval_roles for lv in levels]
    for lv in levels:
        for name in ("internal_comms", "holding_statement"):
            assert getattr(lv, f"{name}_ar").strip() and getattr(lv, f"{name}_en").strip()


@pytest.mark.django_db
def test_a_new_organisation_gets_both_playbooks_with_steps_in_both_languages():
    org = OrganizationFactory()
    playbooks = {p.kind: p for p in Playbook.objects.for_org(org)}

    assert set(playbooks) == {"communication", "compromised_account"}
    for playbook in playbooks.values():
        assert playbook.title_ar and playbook.title_en
        assert playbook.steps_ar.startswith("1. ") and playbook.steps_en.startswith("1. ")
    steps = playbooks["compromised_account"].steps_en
    for word in ("password", "sign out", "platform", "followers", "access"):
        assert word in steps


def test_roles_are_validated_against_the_crisis_roles():
    validate_roles([SOCIAL, PR])
    for bad in (["nonsense"], [SOCIAL, SOCIAL], "social_team", [1]):
        with pytest.raises(ValidationError):
            validate_roles(bad)


def level_data(level, **changes):
    data = {
        "rank": level.rank,
        "name_ar": level.name_ar,
        "name_en": level.name_en,
        "criteria_ar": level.criteria_ar,
        "criteria_en": level.criteria_en,
        "notify_roles": level.notify_roles,
        "approval_roles": level.approval_roles,
        "min_approvers": level.min_approvers,
        "internal_comms_ar": level.internal_comms_ar,
        "internal_comms_en": level.internal_comms_en,
        "holding_statement_ar": "",
        "holding_statement_en": "We are looking into it.",
    }
    return {**data, **changes}


def test_policy_admins_edit_a_levels_chains_as_checkboxes(cast):
    level = SeverityLevel.objects.for_org(cast.org).get(rank=2)
    url = f"/ar/o/{cast.org.slug}/crisis/levels/{level.pk}/"
    client = cast.client("policy_admin")
    html = client.get(url).content.decode()
    assert 'type="checkbox" name="approval_roles" value="executive"' in html

    for bad in ({"approval_roles": []}, {"approval_roles": ["nonsense"]}, {"notify_roles": ["x"]}):
        assert client.post(url, level_data(level, **bad)).status_code == 400
    response = client.post(url, level_data(level, approval_roles=[LEGAL, SOCIAL]))

    assert response.status_code == 302
    level.refresh_from_db()
    assert level.approval_roles == [SOCIAL, LEGAL]  # in the roles' order
    assert level.holding_statement_en == "We are looking into it."
    assert cast.client("editor").post(url, level_data(level)).status_code == 403


def test_a_level_with_incidents_cannot_be_deleted(cast):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("siyasa.crisis.services.alerts.queue_level_alerts", lambda *a, **k: [])
        incident = declare(cast.membership("staff"), 2)
    url = f"/en/o/{cast.org.slug}/crisis/levels/{incident.level.pk}/delete/"

    response = cast.client("owner").post(url, follow=True)

    assert SeverityLevel.objects.filter(pk=incident.level.pk).exists()
    assert "Incidents were declared at this level" in response.content.decode()


def playbook_data(playbook, **changes):
    return {
        "kind": playbook.kind,
        "title_ar": playbook.title_ar,
        "title_en": playbook.title_en,
        "steps_ar": playbook.steps_ar,
        "steps_en": playbook.steps_en,
        **changes,
    }


def test_policy_admins_edit_playbooks_but_not_their_kind(cast):
    playbook = Playbook.objects.for_org(cast.org).get(kind="communication")
    url = f"/ar/o/{cast.org.slug}/crisis/playbooks/{playbook.pk}/"

    assert cast.client("staff").get(url).status_code == 403
    assert cast.client("editor").post(url, playbook_data(playbook)).status_code == 403
    response = cast.client("policy_admin").post(
        url, playbook_data(playbook, kind="compromised_account", steps_en="1. **Breathe.**")
    )

    assert response.status_code == 302
    playbook.refresh_from_db()
    assert (playbook.kind, playbook.steps_en) == ("communication", "1. **Breathe.**")
    html = cast.client("staff").get(f"/en/o/{cast.org.slug}/crisis/").content.decode()
    assert "<strong>Breathe.</strong>" in html


def test_a_second_playbook_of_the_same_kind_is_refused(cast):
    playbook = Playbook.objects.for_org(cast.org).get(kind="communication")
    response = cast.client("owner").post(
        f"/ar/o/{cast.org.slug}/crisis/playbooks/new/", playbook_data(playbook)
    )
    assert response.status_code == 400
    assert Playbook.objects.for_org(cast.org).count() == 2


def test_playbook_steps_are_rendered_safely(cast):
    Playbook.objects.for_org(cast.org).filter(kind="communication").update(
        steps_en="1. <script>alert(1)</script> **Call**"
    )
    html = cast.client("staff").get(f"/en/o/{cast.org.slug}/crisis/").content.decode()
    assert "<script>alert" not in html and "<strong>Call</strong>" in html


def test_organisations_from_before_the_crisis_room_get_the_defaults(cast):
    """The data migration fills empty plans and adds missing playbooks, never overwriting."""
    SeverityLevel.objects.for_org(cast.org).update(
        notify_roles=[], approval_roles=[], internal_comms_ar="", internal_comms_en=""
    )
    SeverityLevel.objects.for_org(cast.org).filter(rank=1).update(internal_comms_en="Our own")
    Playbook.objects.for_org(cast.org).filter(kind="compromised_account").delete()
    migration = importlib.import_module(
        "siyasa.crisis.migrations.0004_plan_for_existing_organisations"
    )

    migration.forwards(apps, None)

    levels = list(SeverityLevel.objects.for_org(cast.org))
    assert levels[3].approval_roles == [SOCIAL, PR, EXEC, LEGAL, BOARD]
    assert levels[0].internal_comms_en == "Our own" and levels[0].internal_comms_ar
    assert Playbook.objects.for_org(cast.org).count() == 2


def test_emergency_contacts_may_name_the_executive_director(cast):
    person = PersonFactory(organization=cast.org)
    response = cast.client("owner").post(
        f"/ar/o/{cast.org.slug}/crisis/contacts/new/", {"role": "executive", "person": person.pk}
    )
    assert response.status_code == 302


def test_a_task_owner_is_not_called_the_owner_of_the_organisation():
    """The glossary: «المسؤول عن المهمة» for a task, «مالك» only for the members' role."""
    with translation.override("ar"):
        assert str(Task._meta.get_field("owner").verbose_name) == "المسؤول عن المهمة"
        assert str(TaskForm.base_fields["owner"].label) == "المسؤول عن المهمة"
        assert str(Role.OWNER.label) == "مالك"
