"""Scope assessment (R3.2): five questions whose answers each point at a severity rank.

The suggestion is the highest rank any answer reaches, and the answers that reach it are the
reasons given. Ranks follow the four default levels — 1 watch, 2 minor, 3 major, 4 critical:

| question | rank 1 | rank 2 | rank 3 | rank 4 |
|---|---|---|---|---|
| reach and speed | a few people, not spreading | beyond our audience within hours | fast, across platforms or by influential accounts | faster than we can follow |
| media | none | — | a journalist asks, or an influential account shares it | in the news |
| legal exposure | none | — | a complaint or rights claim is possible | an official inquiry or a lawsuit |
| beneficiaries' safety or privacy | not at risk | — | someone's personal data is exposed | someone may be in danger |
| account compromise | none | a suspicious sign-in was blocked | we lost access to an account | someone else is posting as us |

An organisation may have other ranks: the suggestion is then its highest level at or below the
suggested rank (or its lowest level when none is that low). The person declaring may choose
another level, and must then say why (`declare` refuses it otherwise).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Answer:
    key: str
    label: str | Promise  # lazy: rendered in the reader's language
    rank: int


@dataclass(frozen=True)
class Question:
    key: str
    label: str | Promise
    answers: tuple[Answer, ...]

    def answer(self, key: str) -> Answer | None:
        return next((a for a in self.answers if a.key == key), None)


QUESTIONS: tuple[Question, ...] = (
    Question(
        "reach",
        _("How far and how fast is it spreading?"),
        (
            Answer("contained", _("A few people; it is not spreading"), 1),
            Answer("spreading", _("Beyond our usual audience within hours"), 2),
            Answer("fast", _("Fast, across platforms or through influential accounts"), 3),
            Answer("uncontrolled", _("Faster than we can follow"), 4),
        ),
    ),
    Question(
        "media",
        _("Have the media picked it up?"),
        (
            Answer("none", pgettext_lazy("media pick-up", "No"), 1),
            Answer("asking", _("A journalist is asking, or an influential account shares it"), 3),
            Answer("covered", _("It is in the news"), 4),
        ),
    ),
    Question(
        "legal",
        _("Could it expose us to legal action?"),
        (
            Answer("none", pgettext_lazy("legal exposure", "No"), 1),
            Answer("possible", _("Possibly: a complaint, a rights claim, a privacy breach"), 3),
            Answer("inquiry", _("An official inquiry or a lawsuit"), 4),
        ),
    ),
    Question(
        "people",
        _("Is the safety or privacy of beneficiaries (or anyone else) at risk?"),
        (
            Answer("none", pgettext_lazy("risk to people", "No"), 1),
            Answer("privacy", _("Someone's personal data or photo is exposed"), 3),
            Answer("danger", _("Someone may be in danger (identity or whereabouts exposed)"), 4),
        ),
    ),
    Question(
        "account",
        _("Is one of our accounts compromised?"),
        (
            Answer("none", pgettext_lazy("account compromise", "No"), 1),
            Answer("attempt", _("A suspicious sign-in was blocked"), 2),
            Answer("lost", _("We lost access to an account"), 3),
            Answer("posting", _("Someone else is posting from our account"), 4),
        ),
    ),
)
QUESTIONS_BY_KEY = {q.key: q for q in QUESTIONS}


@dataclass(frozen=True)
class Suggestion:
    rank: int
    # (question, answer) pairs that reached `rank`: the reasons shown to the person declaring.
    reasons: tuple[tuple[Question, Answer], ...]
    # An account compromise makes it a technical incident (the compromised-account playbook).
    technical: bool


def suggest(answers: dict[str, str]) -> Suggestion:
    """The suggested rank for the answers ({question key: answer key}); unknown keys count as
    the lowest answer."""
    chosen = [
        (question, question.answer(answers.get(question.key, "")) or question.answers[0])
        for question in QUESTIONS
    ]
    rank = max(answer.rank for _question, answer in chosen)
    reasons = tuple((q, a) for q, a in chosen if a.rank == rank and rank > 1)
    account = dict(chosen)[QUESTIONS_BY_KEY["account"]]
    return Suggestion(rank, reasons, technical=account.rank > 1)


def level_for(rank: int, levels):
    """The organisation's level to suggest for `rank` (see the module docstring)."""
    levels = sorted(levels, key=lambda level: level.rank)
    if not levels:
        return None
    at_or_below = [level for level in levels if level.rank <= rank]
    return at_or_below[-1] if at_or_below else levels[0]
