"""Writes for the quiz: start a draw, hand it in, and what editors and policy admins change."""

import random
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.core.permissions import Capability, require, require_same_org
from siyasa.orgs.models import Membership
from siyasa.policy import selectors as policy_selectors
from siyasa.training import selectors
from siyasa.training.bank import Question
from siyasa.training.models import Attempt, TrainingSettings

# How much more likely a question of a section that concerns the member is to be drawn.
CONCERN_WEIGHT = 3


def _draw(pool: list[Question], count: int, concerns: set[str], rng) -> list[Question]:
    """`count` distinct questions, those of the member's sections weighted up."""
    pool = list(pool)
    chosen: list[Question] = []
    while pool and len(chosen) < count:
        weights = [CONCERN_WEIGHT if q.section in concerns else 1 for q in pool]
        chosen.append(pool.pop(rng.choices(range(len(pool)), weights)[0]))
    return chosen


def _shown(question: Question, rng) -> dict:
    """The question as this draw shows it: answers shuffled, each with an id made for it."""
    answers = list(question.answers)
    rng.shuffle(answers)
    choices = [{"id": secrets.token_urlsafe(6), "text": [ar, en]} for ar, en, _ in answers]
    return {
        "key": question.key,
        "section": question.section,
        "kind": question.kind,
        "text": list(question.text),
        "explanation": list(question.explanation),
        "choices": choices,
        "right": [c["id"] for c, (*_, right) in zip(choices, answers, strict=True) if right],
    }


def start_attempt(*, membership: Membership) -> Attempt:
    """A new draw of the quiz, for the member themself.

    The questions, length and pass mark are those of the bank the version in force carries (an
    editorial version carries the draft bank too); the attempt counts for the version whose
    acknowledgement counts, the latest material one, as passing is per material version."""
    require(membership, Capability.VIEW)
    org = membership.organization
    in_force = policy_selectors.version_in_force(org)
    required = policy_selectors.required_version(org, in_force=in_force)
    if in_force is None or required is None:
        raise ValidationError(_("There is no quiz until a version of the policy is published."))
    rng = random.SystemRandom()
    bank = selectors.bank_of(org, in_force)
    person = selectors.person_of(org, membership.user)
    pool = selectors.pool(org, bank, rng)
    drawn = _draw(pool, bank.question_count, selectors.concerns_of(org, person), rng)
    return Attempt.objects.create(
        organization=org,
        user=membership.user,
        version=required,
        questions=[_shown(q, rng) for q in drawn],
        pass_mark=bank.pass_mark,
    )


def submit_attempt(*, membership: Membership, attempt: Attempt, answers: dict) -> Attempt:
    """Hand in a draw once: its score against its own right answers, passed or not.

    `answers`: question key -> the ids of the answers ticked. Ids not in this draw count for
    nothing, so answers copied from an earlier attempt do not pass a new one."""
    require_same_org(membership, attempt)
    if attempt.user_id != membership.user_id:
        raise PermissionDenied
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.finished_at is not None:
            raise ValidationError(_("This quiz was already handed in. Start a new one to retry."))
        ids = {q["key"]: {c["id"] for c in q["choices"]} for q in attempt.questions}
        attempt.answers = {
            key: sorted(set(answers.get(key, [])) & valid) for key, valid in ids.items()
        }
        right = len(attempt.right_keys)
        attempt.score = 100 * right // len(attempt.questions) if attempt.questions else 0
        attempt.passed = attempt.score >= attempt.pass_mark
        attempt.finished_at = timezone.now()
        attempt.save(update_fields=["answers", "score", "passed", "finished_at", "updated_at"])
    return attempt


def save_settings(
    *, membership: Membership, pass_mark: int, question_count: int, hidden_defaults: list[str]
) -> TrainingSettings:
    """The draft bank's settings: the quiz takes them with the next published version."""
    require(membership, Capability.MANAGE_POLICY)
    org = membership.organization
    row, _created = TrainingSettings.objects.update_or_create(
        organization=org,
        defaults={
            "pass_mark": pass_mark,
            "question_count": question_count,
            "hidden_defaults": sorted(hidden_defaults),
        },
    )
    return row


def certificate_of(*, attempt: Attempt, lang: str, make) -> bytes:
    """The certificate of a passed attempt in `lang`, made once by `make()` and then served as
    kept (until it is asked for in the other language)."""
    if not attempt.passed:
        raise PermissionDenied
    if not attempt.certificate or attempt.certificate_lang != lang:
        attempt.certificate, attempt.certificate_lang = make(), lang
        attempt.save(update_fields=["certificate", "certificate_lang", "updated_at"])
    return bytes(attempt.certificate)
