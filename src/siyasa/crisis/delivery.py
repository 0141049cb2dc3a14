"""Sending one incident alert at most once, through the same outbox as the reminders
(`siyasa.mail.outbox`: conditional-update claim, retries with backoff)."""

from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.utils import translation

from siyasa.core.i18n import pick
from siyasa.core.phones import international
from siyasa.crisis.models import Alert, EmergencyContact, role_labels
from siyasa.mail.messages import absolute, make_message, org_path
from siyasa.mail.outbox import Outcome, send_once
from siyasa.orgs.models import Person

Status = Alert.Status


def deliver(
    *, organization_id: int, alert_id: int, lease_check: bool = False, on_claim=None
) -> Outcome:
    """Send a pending alert; one that is sent, failed or being sent elsewhere is left alone
    (`lease_check`, `on_claim`: see `send_once`)."""
    rows = Alert.objects.filter(organization_id=organization_id, pk=alert_id)
    related = ("organization", "person", "incident__lead", "level", "entry", "statement")
    return send_once(
        rows, related=related, build=message, lease_check=lease_check, on_claim=on_claim
    )


def message(alert: Alert) -> EmailMultiAlternatives:
    """The alert as a multipart e-mail in the recipient's language (Arabic right-to-left)."""
    language = alert.language
    incident, org = alert.incident, alert.organization
    path = org_path("incident_detail", org, number=incident.number)
    with translation.override(language):
        lead = incident.lead
        context = {
            "org_name": org.name,
            "person_name": alert.person.display_name,
            "number": incident.number,
            "kind": incident.get_kind_display(),
            "level_name": pick(alert.level.name_ar, alert.level.name_en, language).text,
            "what": alert.entry.describe(),
            "why": alert.entry.text,
            "summary": incident.summary,
            "lead_name": lead.display_name if lead else "",
            "lead_phone": international(lead.phone) if lead and lead.phone else "",
            "comms": pick(
                alert.level.internal_comms_ar, alert.level.internal_comms_en, language
            ).text,
            "url": absolute(path, language),
        }
        name = "crisis-alert"
        if alert.event == Alert.Event.APPROVAL and alert.statement is not None:
            name = "crisis-approval"
            statement = alert.statement
            held = roles_of_person(org, alert.person)
            asked = [r for r in alert.level.approval_roles if r in held]
            context.update(
                statement=statement.number,
                version=statement.version,
                text_ar=statement.text_ar,
                text_en=statement.text_en,
                roles=(", " if language == "en" else "، ").join(role_labels(asked)),
                url=absolute(f"{path}#statement-{statement.number}", language),
            )
    return make_message(name, to=alert.email, context=context, language=language)


def roles_of_person(org, person: Person) -> set[str]:
    """The crisis roles a person holds, as emergency contact or as backup."""
    return set(
        EmergencyContact.objects.for_org(org)
        .filter(Q(person=person) | Q(backup=person))
        .values_list("role", flat=True)
    )
