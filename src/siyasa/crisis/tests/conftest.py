"""Fixtures for the crisis room: an emergency contact list with sign-ins, mail and jobs at once."""

from dataclasses import dataclass, field

import pytest
from django.test import Client

from siyasa.core.tests.factories import (
    EmergencyContactFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)
from siyasa.crisis.models import CrisisRole, SeverityLevel
from siyasa.crisis.services import incidents


@pytest.fixture
def mail_now(settings):
    """E-mails into `mail.outbox`, and jobs run at once instead of by the worker."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@dataclass
class Crew:
    """Organisation A's emergency contacts: one person per crisis role, most with a sign-in.

    social (staff sign-in, Arabic) + backup social2 (no sign-in); pr (sign-in, English) + backup
    agency (no sign-in); executive (sign-in), also the legal expert's backup; lawyer (sign-in);
    board (sign-in); tech (no sign-in). Their e-mails are <key>@crisis.example.
    """

    org: object
    people: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)

    def membership(self, key: str):
        return self.users[key].memberships.get(organization=self.org)

    def client(self, key: str) -> Client:
        client = Client()
        client.force_login(self.users[key])
        return client

    def email(self, key: str) -> str:
        return f"{key}@crisis.example"

    def emails(self, *keys: str) -> set[str]:
        return {self.email(k) for k in keys}


# key, has a sign-in, language
CREW_PEOPLE = [
    ("social", True, "ar"),
    ("social2", False, "ar"),
    ("pr", True, "en"),
    ("agency", False, "en"),
    ("executive", True, "ar"),
    ("lawyer", True, "ar"),
    ("board", True, "ar"),
    ("tech", False, "ar"),
]
# role, person, backup
CREW_CONTACTS = [
    (CrisisRole.SOCIAL_TEAM, "social", "social2"),
    (CrisisRole.PUBLIC_RELATIONS, "pr", "agency"),
    (CrisisRole.EXECUTIVE, "executive", None),
    (CrisisRole.LEGAL, "lawyer", "executive"),
    (CrisisRole.BOARD_DELEGATE, "board", None),
    (CrisisRole.TECHNICAL, "tech", None),
]


@pytest.fixture
def crew(cast) -> Crew:
    crew = Crew(cast.org)
    for key, signs_in, language in CREW_PEOPLE:
        user = None
        if signs_in:
            user = UserFactory(username=f"{key}-crew")
            MembershipFactory(user=user, organization=cast.org, role="staff")
            crew.users[key] = user
        crew.people[key] = PersonFactory(
            organization=cast.org,
            user=user,
            name=f"{key} (ar)",
            name_en=key.title(),
            email=crew.email(key),
            language=language,
        )
    for role, person, backup in CREW_CONTACTS:
        EmergencyContactFactory(
            organization=cast.org,
            role=role,
            person=crew.people[person],
            backup=crew.people[backup] if backup else None,
        )
    return crew


def level(org, rank: int) -> SeverityLevel:
    return SeverityLevel.objects.for_org(org).get(rank=rank)


# Scope answers that suggest each default rank.
ANSWERS = {
    1: {},
    2: {"reach": "spreading"},
    3: {"media": "asking"},
    4: {"people": "danger"},
}


def declare(membership, rank: int = 1, *, kind="communication", lead=None, **extra):
    """Declare at a default level with answers that suggest it (no reason needed)."""
    org = membership.organization
    if lead is None:
        lead = PersonFactory(organization=org)
    return incidents.declare(
        membership=membership,
        kind=kind,
        level=level(org, rank),
        summary=extra.pop("summary", "Something is spreading"),
        lead=lead,
        answers=ANSWERS[rank],
        **extra,
    )


def declare_data(level, lead, *, summary="x", kind="communication", **answers) -> dict:
    """The declaration form's fields: the lowest answer to every question unless given."""
    from siyasa.crisis.assessment import QUESTIONS

    return {
        "kind": kind,
        "summary": summary,
        "level": level.pk,
        "lead": lead.pk,
        **{f"q_{q.key}": answers.get(q.key, q.answers[0].key) for q in QUESTIONS},
    }
