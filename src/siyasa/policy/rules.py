"""The rules of a policy — texts and stated settings — read from the draft or from a published version.

A published version stores its rules as a JSON snapshot; the draft lives in `PolicyText` and
`PolicySettings`. Both become the same `Rules`, so the page, the exports and the diff never care
which one they show.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from siyasa.orgs.models import Organization, Person
from siyasa.policy.catalogue import BLOCKS
from siyasa.policy.models import PolicySettings, PolicyText, PolicyVersion


@dataclass(frozen=True)
class NamedRef:
    """A person the rules name: the id finds today's contact details, the name survives deletion."""

    id: int | None
    name: str

    # Stand-ins for a Person whose row no longer exists, so templates need no special case.
    name_en = ""
    email = ""
    phone = ""
    job_title = ""

    @property
    def display_name(self) -> str:
        return self.name


@dataclass
class Rules:
    texts: dict[str, tuple[str, str]]
    stance: str = ""
    disclaimer: tuple[str, str] = ("", "")
    spokespeople: list[NamedRef] = field(default_factory=list)
    legal_adviser: NamedRef | None = None
    legal_reviewed_on: datetime.date | None = None
    rotation_interval_days: int = 90
    review_owner: NamedRef | None = None
    next_review_on: datetime.date | None = None
    # None for the draft.
    version: PolicyVersion | None = None

    @property
    def is_draft(self) -> bool:
        return self.version is None

    def text(self, key: str) -> tuple[str, str]:
        return self.texts.get(key, ("", ""))

    def to_content(self) -> dict:
        ref = lambda r: [r.id, r.name] if r else None  # noqa: E731
        day = lambda d: d.isoformat() if d else None  # noqa: E731
        return {
            "texts": {key: list(pair) for key, pair in self.texts.items()},
            "stance": self.stance,
            "disclaimer": list(self.disclaimer),
            "spokespeople": [ref(p) for p in self.spokespeople],
            "legal_adviser": ref(self.legal_adviser),
            "legal_reviewed_on": day(self.legal_reviewed_on),
            "rotation_interval_days": self.rotation_interval_days,
            "review_owner": ref(self.review_owner),
            "next_review_on": day(self.next_review_on),
        }

    @classmethod
    def from_version(cls, version: PolicyVersion) -> "Rules":
        c = version.content
        ref = lambda v: NamedRef(v[0], v[1]) if v else None  # noqa: E731
        day = lambda v: datetime.date.fromisoformat(v) if v else None  # noqa: E731
        return cls(
            texts={key: (pair[0], pair[1]) for key, pair in c.get("texts", {}).items()},
            stance=c.get("stance", ""),
            disclaimer=tuple(c.get("disclaimer", ("", ""))),
            spokespeople=[NamedRef(p[0], p[1]) for p in c.get("spokespeople", [])],
            legal_adviser=ref(c.get("legal_adviser")),
            legal_reviewed_on=day(c.get("legal_reviewed_on")),
            rotation_interval_days=c.get("rotation_interval_days", 90),
            review_owner=ref(c.get("review_owner")),
            next_review_on=day(c.get("next_review_on")),
            version=version,
        )


def draft_rules(org: Organization) -> Rules:
    """The rules as editors have left them, not yet published (3 queries)."""
    texts = PolicyText.objects.for_org(org)
    return _rules_from(texts, draft_settings(org))


def draft_rules_for(org_ids: list[int]) -> dict[int, Rules]:
    """The drafts of many organisations at once (3 queries, whatever their number)."""
    texts: dict[int, list[PolicyText]] = {org_id: [] for org_id in org_ids}
    for text in PolicyText.objects.filter(organization__in=org_ids):
        texts[text.organization_id].append(text)
    settings_rows = (
        PolicySettings.objects.filter(organization__in=org_ids)
        .select_related("legal_adviser", "review_owner")
        .prefetch_related("spokespeople")
    )
    return {
        row.organization_id: _rules_from(texts[row.organization_id], row) for row in settings_rows
    }


def _rules_from(texts, settings_row: PolicySettings) -> Rules:
    ref = lambda p: NamedRef(p.pk, p.name) if p else None  # noqa: E731
    return Rules(
        texts={t.key: (t.body_ar, t.body_en) for t in texts if t.key in BLOCKS},
        stance=settings_row.stance,
        disclaimer=(settings_row.disclaimer_ar, settings_row.disclaimer_en),
        spokespeople=[NamedRef(p.pk, p.name) for p in settings_row.spokespeople.all()],
        legal_adviser=ref(settings_row.legal_adviser),
        legal_reviewed_on=settings_row.legal_reviewed_on,
        rotation_interval_days=settings_row.rotation_interval_days,
        review_owner=ref(settings_row.review_owner),
        next_review_on=settings_row.next_review_on,
    )


def draft_settings(org: Organization) -> PolicySettings:
    """The draft's settings row, made with the organisation (`seed_policy`): reading never writes."""
    return PolicySettings.objects.select_related("legal_adviser", "review_owner").get(
        organization=org
    )


def live_people(org: Organization, refs: Iterable[NamedRef | None]) -> dict[int | None, Person]:
    """Today's directory entries of the people some rules name (1 query); a reference without an
    id (the person's row is gone) finds nothing."""
    ids = {r.id for r in refs if r and r.id}
    return {p.pk: p for p in Person.objects.for_org(org).filter(pk__in=ids)} if ids else {}
