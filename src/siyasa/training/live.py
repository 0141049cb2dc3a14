"""Questions built from the organisation's own registries, so their answers stay true (R1.3 i).

Each builder reads the data as it is now and returns a `bank.Question` — the right answers drawn
from the registry, the wrong ones from other people and values — or None when the registry does
not hold enough to ask it. A change to the registry changes the next draw's right answer.
"""

import random
from collections.abc import Callable

from django.utils import timezone

from siyasa.crisis.models import CrisisRole
from siyasa.crisis.selectors import emergency_contacts, severity_levels
from siyasa.orgs.models import Organization, Person
from siyasa.registry.models import Device
from siyasa.training.bank import MULTIPLE, SINGLE, Question

WRONG = 3  # wrong answers offered beside the right ones, when there are that many
INTERVALS = (30, 60, 90, 180, 365)


def _names(person: Person) -> tuple[str, str]:
    return person.name, person.name_en or person.name


def _other_people(org: Organization, exclude: set[int], rng: random.Random) -> list[Person]:
    people = list(
        Person.objects.for_org(org).filter(status=Person.Status.ACTIVE).exclude(pk__in=exclude)
    )
    rng.shuffle(people)
    return people[:WRONG]


def first_crisis_contact(org: Organization, rng: random.Random) -> Question | None:
    contact = next((c for c in emergency_contacts(org) if c.role == CrisisRole.SOCIAL_TEAM), None)
    # A contact who has left is a stale plan (the doctor says so), not an answer to teach.
    if contact is None or contact.person.status != Person.Status.ACTIVE:
        return None
    wrong = _other_people(org, {contact.person_id, contact.backup_id or 0}, rng)
    if not wrong:
        return None
    return Question(
        "live.crisis_contact",
        "crisis",
        SINGLE,
        ("بمن تتصل أولًا في أزمة تواصل؟", "Whom do you contact first in a communication crisis?"),
        ((*_names(contact.person), True), *((*_names(p), False) for p in wrong)),
        (
            "جهة الاتصال الأولى هي المسؤول عن فريق التواصل الاجتماعي في خطة الأزمات.",
            "The first contact is the social media team's emergency contact in the crisis plan.",
        ),
    )


def allowed_devices(org: Organization, rng: random.Random) -> Question | None:
    devices = list(Device.objects.for_org(org).prefetch_related("accounts"))
    right = [d for d in devices if d.org_owned and d.accounts.all()]
    wrong = [d for d in devices if not (d.org_owned and d.accounts.all())]
    if not right:
        return None
    rng.shuffle(wrong)
    answers = [(d.name, d.name, True) for d in right[:4]]
    answers += [(d.name, d.name, False) for d in wrong[:WRONG]]
    if not wrong:
        answers.append(("هاتفي الشخصي", "My personal phone", False))
    return Question(
        "live.devices",
        "security",
        MULTIPLE,
        (
            "أيٌّ من هذه الأجهزة مسموح له بالوصول إلى الحسابات الرسمية؟",
            "Which of these devices may reach the official accounts?",
        ),
        tuple(answers),
        (
            "الأجهزة المسموح بها هي الأجهزة المسجّلة التي تملكها الجمعية وسُمح لها بالحسابات.",
            "The devices allowed are the registered, organisation-owned ones given the accounts.",
        ),
    )


def rotation_interval(org: Organization, rng: random.Random) -> Question | None:
    days = org.rotation_interval(timezone.localdate())
    others = [n for n in INTERVALS if n != days]
    rng.shuffle(others)

    def answer(n: int) -> tuple[str, str, bool]:
        return (f"كل {n} يومًا", f"Every {n} days", n == days)

    return Question(
        "live.rotation",
        "security",
        SINGLE,
        (
            "كم مرة تُغيَّر كلمات مرور الحسابات الرسمية؟",
            "How often are the official accounts' passwords changed?",
        ),
        (answer(days), *(answer(n) for n in others[:WRONG])),
        (
            f"تنص السياسة السارية على تغييرها كل {days} يومًا على الأقل.",
            f"The policy in force says at least every {days} days.",
        ),
    )


def critical_approvers(org: Organization, rng: random.Random) -> Question | None:
    levels = list(severity_levels(org).order_by("-rank"))
    if not levels or not levels[0].approval_roles:
        return None
    roles = set(levels[0].approval_roles)
    holders = {
        c.person_id: c.person
        for c in emergency_contacts(org)
        if c.role in roles and c.person.status == Person.Status.ACTIVE
    }
    if not holders:
        return None
    wrong = _other_people(org, set(holders), rng)
    if not wrong:
        return None
    level = levels[0]
    return Question(
        "live.critical_approvers",
        "crisis",
        MULTIPLE if len(holders) > 1 else SINGLE,
        (
            f"من يعتمد البيان في مستوى «{level.name_ar}»؟",
            f"Who approves a statement at the “{level.name_en or level.name_ar}” level?",
        ),
        (
            *((*_names(p), True) for p in holders.values()),
            *((*_names(p), False) for p in wrong),
        ),
        (
            "يعتمد البيان في أعلى المستويات من تسمّيهم خطة الأزمات لأدوار الموافقة فيه.",
            "At the highest level the people the crisis plan names for its approval roles approve.",
        ),
    )


BUILDERS: tuple[Callable[[Organization, random.Random], Question | None], ...] = (
    first_crisis_contact,
    allowed_devices,
    rotation_interval,
    critical_approvers,
)


def live_questions(org: Organization, rng: random.Random) -> list[Question]:
    return [q for q in (build(org, rng) for build in BUILDERS) if q is not None]
