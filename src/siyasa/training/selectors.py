"""Reads for the quiz: the question bank of an organisation, a member's standing, the evidence."""

import random
from collections import Counter
from dataclasses import dataclass

from django.db.models import Q

from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy import selectors as policy_selectors
from siyasa.policy.models import PolicyVersion
from siyasa.registry.models import AccessGrant, Area, Custody, ResponsibilityAssignment
from siyasa.training.bank import DEFAULT_BANK, Question
from siyasa.training.live import live_questions
from siyasa.training.models import Attempt, CustomQuestion, TrainingSettings


def settings_for(org: Organization) -> TrainingSettings:
    """The organisation's draft settings, or the defaults (unsaved) until someone changes them."""
    found = TrainingSettings.objects.for_org(org).first()
    return found or TrainingSettings(organization=org)


def custom_as_question(row: CustomQuestion) -> Question | None:
    """An editor's question in the bank's shape; None when it has no right or no wrong answer."""
    lines_ar = [line.strip() for line in row.answers_ar.splitlines() if line.strip()]
    lines_en = [line.strip() for line in row.answers_en.splitlines() if line.strip()]
    if len(lines_en) != len(lines_ar):
        lines_en = lines_ar
    answers = tuple(
        (ar.lstrip("*").strip(), en.lstrip("*").strip(), ar.startswith("*"))
        for ar, en in zip(lines_ar, lines_en, strict=True)
    )
    rights = sum(1 for *_, right in answers if right)
    if not rights or rights == len(answers):
        return None
    return Question(
        f"custom.{row.id}",
        row.section,
        row.kind,
        (row.text_ar, row.text_en or row.text_ar),
        answers,
        (row.explanation_ar, row.explanation_en or row.explanation_ar),
    )


@dataclass(frozen=True)
class Bank:
    """What a quiz draws from, besides the live questions: the shipped questions not left out,
    the organisation's own, the pass mark and the length. Editors change the draft bank; each
    published version carries the draft bank as it stood when it was published."""

    pass_mark: int
    question_count: int
    hidden: frozenset[str]
    own: tuple[Question, ...]

    @property
    def questions(self) -> list[Question]:
        return [q for q in DEFAULT_BANK if q.key not in self.hidden] + list(self.own)


def _bank(config: TrainingSettings, rows) -> Bank:
    own = (custom_as_question(row) for row in sorted(rows, key=lambda row: (row.section, row.id)))
    return Bank(
        config.pass_mark,
        config.question_count,
        frozenset(config.hidden_defaults),
        tuple(question for question in own if question is not None),
    )


def draft_bank(org: Organization) -> Bank:
    """The bank as editors and policy admins have saved it: the next version's."""
    return _bank(settings_for(org), CustomQuestion.objects.for_org(org))


def bank_of(org: Organization, version: PolicyVersion) -> Bank:
    """The bank a version carries: the draft bank as it stood when the version was published,
    read from the history of the questions and settings (nothing is copied at publication)."""
    # simple-history's `as_of`: the latest record of each row by then, rows deleted by then left out.
    at = version.published_at
    config = TrainingSettings.history.as_of(at).filter(organization=org).first()
    return _bank(
        config or TrainingSettings(organization=org),
        CustomQuestion.history.as_of(at).filter(organization=org),
    )


def pool(org: Organization, bank: Bank, rng: random.Random | None = None) -> list[Question]:
    """Every question a draw may take: the bank's, and those built from the registries now
    (these follow the data, not the versions)."""
    return bank.questions + live_questions(org, rng or random.Random())


@dataclass
class BankChanges:
    """How the draft bank differs from the one the latest version carries."""

    since: PolicyVersion
    added: list[Question]
    changed: list[tuple[Question, Question]]  # (as published, as drafted)
    removed: list[Question]
    left_out: list[Question]  # shipped questions the draft leaves out
    brought_back: list[Question]  # shipped questions the draft asks again
    pass_mark: tuple[int, int] | None  # (as published, as drafted)
    question_count: tuple[int, int] | None

    @property
    def questions(self) -> int:
        """How many questions the next version adds, changes or takes out."""
        lists = (self.added, self.changed, self.removed, self.left_out, self.brought_back)
        return sum(len(changes) for changes in lists)

    @property
    def count(self) -> int:
        """How many changes staff get with the next version: each question, the pass mark, the
        length."""
        return self.questions + bool(self.pass_mark) + bool(self.question_count)

    def __bool__(self) -> bool:
        return bool(self.count)


def bank_changes(org: Organization, draft: Bank | None = None) -> BankChanges | None:
    """What publishing the next version would change in the quiz; None before the first version
    (the draft becomes the quiz with it)."""
    latest = policy_selectors.versions(org).select_related(None).defer("content").first()
    if latest is None:
        return None
    draft = draft or draft_bank(org)
    published = bank_of(org, latest)
    before = {q.key: q for q in published.own}
    after = {q.key: q for q in draft.own}
    return BankChanges(
        since=latest,
        added=[q for key, q in after.items() if key not in before],
        changed=[
            (before[key], q) for key, q in after.items() if key in before and before[key] != q
        ],
        removed=[q for key, q in before.items() if key not in after],
        left_out=[q for q in DEFAULT_BANK if q.key in draft.hidden - published.hidden],
        brought_back=[q for q in DEFAULT_BANK if q.key in published.hidden - draft.hidden],
        pass_mark=_changed(published.pass_mark, draft.pass_mark),
        question_count=_changed(published.question_count, draft.question_count),
    )


def _changed(before: int, after: int) -> tuple[int, int] | None:
    return (before, after) if before != after else None


def concerns_of(org: Organization, person: Person | None) -> set[str]:
    """The policy sections that concern a member most (R1.3 i): a custodian's is security, a
    publisher's the law, conduct and speaking for the organisation."""
    if person is None:
        return set()
    concerns = set()
    if (
        Custody.objects.for_org(org)
        .filter(Q(custodian=person) | Q(backup_custodian=person))
        .exists()
    ):
        concerns.add("security")
    if (
        AccessGrant.objects.for_org(org)
        .filter(Q(can_publish=True) | Q(can_reply=True), person=person)
        .exists()
    ):
        concerns |= {"law", "personal", "speaking"}
    return concerns


def passed_version(org: Organization, user, required: PolicyVersion | None) -> Attempt | None:
    """The member's latest passed attempt that counts for `required`, if any."""
    if required is None:
        return None
    return Attempt.objects.for_org(org).filter(user=user).counting_for(required.number).first()


def is_training_responsible(org: Organization, person: Person | None) -> bool:
    if person is None:
        return False
    return (
        ResponsibilityAssignment.objects.for_org(org)
        .filter(area=Area.TRAINING, person=person)
        .exists()
    )


@dataclass
class MemberRow:
    membership: Membership
    name: str
    acknowledged: bool
    passed: bool
    attempts: int
    last_score: int | None


def evidence(org: Organization) -> tuple[PolicyVersion | None, list[MemberRow]]:
    """For each member: acknowledged, passed, attempts and last score at the version that
    counts (a fixed number of queries)."""
    status = policy_selectors.acknowledgement_status(org)
    required = status.required
    attempts: dict[int, list[Attempt]] = {}
    if required is not None:
        rows = (
            Attempt.objects.for_org(org)
            .filter(version__number__gte=required.number, finished_at__isnull=False)
            .only("user_id", "score", "passed", "started_at")
        )
        for attempt in rows:
            attempts.setdefault(attempt.user_id, []).append(attempt)
    members = []
    for row in status.rows:
        mine = attempts.get(row.membership.user_id, [])
        members.append(
            MemberRow(
                row.membership,
                row.name,
                row.done,
                any(a.passed for a in mine),
                len(mine),
                mine[0].score if mine else None,
            )
        )
    return required, members


@dataclass
class Missed:
    key: str
    text: tuple[str, str]
    missed: int
    asked: int

    @property
    def rate(self) -> int:
        return 100 * self.missed // self.asked if self.asked else 0


def most_missed(org: Organization, limit: int = 10) -> list[Missed]:
    """The questions answered wrong most often, for the people who explain the policy."""
    asked: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    texts: dict[str, tuple[str, str]] = {}
    finished = Attempt.objects.for_org(org).filter(finished_at__isnull=False)
    for attempt in finished.only("questions", "answers"):
        wrong = set(attempt.missed)
        for question in attempt.questions:
            key = question["key"]
            asked[key] += 1
            missed[key] += key in wrong
            texts[key] = tuple(question["text"])  # type: ignore[assignment]
    rows = [Missed(key, texts[key], missed[key], asked[key]) for key in asked if missed[key]]
    rows.sort(key=lambda row: (-row.rate, -row.missed, row.key))
    return rows[:limit]


def person_of(org: Organization, user) -> Person | None:
    return org_selectors.person_for(org, user)


@dataclass
class ShownChoice:
    id: str
    text: str
    right: bool
    ticked: bool


@dataclass
class ShownQuestion:
    field: str  # the form field's name
    text: str
    explanation: str
    section: str
    multiple: bool
    choices: list[ShownChoice]
    answered_right: bool


def shown(attempt: Attempt, lang: str) -> list[ShownQuestion]:
    """An attempt's questions in the reader's language (the other one where a text is empty)."""
    index = 0 if lang == "ar" else 1

    def text(pair) -> str:
        return pair[index] or pair[1 - index]

    right_keys = attempt.right_keys
    return [
        ShownQuestion(
            f"q-{n}",
            text(q["text"]),
            text(q["explanation"]),
            q["section"],
            q["kind"] == "multiple",
            [
                ShownChoice(
                    c["id"],
                    text(c["text"]),
                    c["id"] in q["right"],
                    c["id"] in attempt.answers.get(q["key"], []),
                )
                for c in q["choices"]
            ],
            q["key"] in right_keys,
        )
        for n, q in enumerate(attempt.questions)
    ]
