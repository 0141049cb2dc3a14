"""The crisis room as its readers need it: delivery states in words, a closed incident read-only."""

import pytest

from siyasa.crisis.services import incidents
from siyasa.crisis.tests.conftest import declare


def page(cast, incident, lang="ar"):
    return f"/{lang}/o/{cast.org.slug}/crisis/incidents/{incident.number}/"


def test_who_was_alerted_says_whether_the_email_left(cast, crew):
    # No mail_now: the alerts wait for the worker, as they do after a declaration in real life.
    incident = declare(cast.membership("staff"), 1)
    html = cast.client("staff").get(page(cast, incident, "en")).content.decode()
    alerts = html.split("Alert e-mails", 1)[1].split("</dd>", 1)[0]
    assert "Waiting to be sent" in alerts and 'title="' not in alerts
    incident.alerts.update(status="failed")
    html = cast.client("staff").get(page(cast, incident)).content.decode()
    assert "فشل" in html.split("رسائل التنبيه", 1)[1].split("</dd>", 1)[0]


@pytest.mark.usefixtures("mail_now")
def test_a_closed_incident_offers_only_its_review(cast):
    incident = declare(cast.membership("staff"))
    incidents.add_task(membership=cast.membership("staff"), incident=incident, title="Pause")
    incidents.close(
        membership=cast.membership("owner"), incident=incident, happened="x", worked="", changes=""
    )
    base = page(cast, incident)
    for role in ("staff", "owner"):
        html = cast.client(role).get(base).content.decode()
        for action in ("timeline/", "tasks/", "statements/", "level/", "lead/"):
            assert f'action="{base}{action}' not in html, (role, action)
        assert "/done/" not in html
    owner = cast.client("owner").get(base).content.decode()
    assert f'action="{base}close/"' in owner  # the review can still be completed


@pytest.mark.usefixtures("mail_now")
def test_a_task_done_says_so(cast):
    incident = declare(cast.membership("staff"))
    task = incidents.add_task(membership=cast.membership("staff"), incident=incident, title="Pause")
    response = cast.client("staff").post(
        f"{page(cast, incident)}tasks/{task.pk}/done/", follow=True
    )
    assert "تم وضع علامة الإنجاز: Pause." in response.content.decode()
