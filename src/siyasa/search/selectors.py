"""Search one organisation's people, contacts, accounts, devices, incidents and policy text.

Each kind is one query over the organisation's own rows (`for_org`), bounded by `PER_KIND`.
The data is compared through `core.arabic.normalise`, as the query is: on PostgreSQL with
full-text search ('simple' configuration: there is no Arabic dictionary) over the folded text
(`translate()` does the folding in SQL), on SQLite with a substring match over the same Python
function registered on the connection (`apps.register_sqlite_normalise`). Either way the database
filters and stops at the bound: nothing loads an organisation's 1,500 people to look through
them. The policy text lives in a version's JSON snapshot, a dozen blocks, searched in Python.
"""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from siyasa.core.arabic import normalise, sql_translate_arguments
from siyasa.core.permissions import can, edit_capability
from siyasa.crisis.models import Incident
from siyasa.orgs.models import Membership, Organization, Person
from siyasa.policy.catalogue import BLOCKS, SECTIONS
from siyasa.policy.models import PolicyText
from siyasa.policy.rules import Rules, draft_rules
from siyasa.policy.selectors import rules_in_force
from siyasa.registry.models import Device, SocialAccount

MAX_QUERY = 100  # characters
MAX_TERMS = 6
PER_KIND = 10


def terms_of(query: str) -> list[str]:
    """The normalised words of a query, at most `MAX_TERMS`, each kept once."""
    return list(dict.fromkeys(normalise(query).split()))[:MAX_TERMS]


@dataclass(frozen=True)
class Hit:
    title: str
    url: str
    detail: str = ""
    # A longer text shown as a snippet around the match (a policy block, an incident summary).
    excerpt: str = ""


@dataclass(frozen=True)
class Group:
    key: str
    title: Promise
    hits: list[Hit]
    more: bool  # there are more than `PER_KIND`


@dataclass
class Results:
    query: str
    terms: list[str]
    groups: list[Group] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(g.hits) for g in self.groups)


def _haystack(fields: tuple[str, ...]):
    parts = []
    for name in fields:
        parts += [F(name), Value(" ")]
    return Concat(*parts, output_field=TextField())


def matching(qs: QuerySet, fields: tuple[str, ...], terms: list[str]) -> QuerySet:
    """The rows of `qs` whose `fields`, normalised, contain every term, best first."""
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        folded = Func(
            _haystack(fields),
            *map(Value, sql_translate_arguments()),
            function="translate",
            output_field=TextField(),
        )
        # Whole words of the query as prefixes ("نور" finds "نوره"); only word characters reach
        # the raw tsquery, so its operators cannot be injected.
        words = [w for t in terms for w in re.split(r"[\W_]+", t) if w]
        if not words:
            return qs.none()
        query = SearchQuery(" & ".join(f"{w}:*" for w in words), config="simple", search_type="raw")
        vector = SearchVector(folded, config="simple")
        return (
            qs.annotate(search_vector=vector, search_rank=SearchRank(vector, query))
            .filter(search_vector=query)
            .order_by("-search_rank", "pk")
        )
    folded = Func(_haystack(fields), function="siyasa_normalise", output_field=TextField())
    return qs.annotate(search_text=folded).filter(
        *(Q(search_text__contains=term) for term in terms)
    )


def _bounded(qs: QuerySet) -> tuple[list, bool]:
    rows = list(qs[: PER_KIND + 1])
    return rows[:PER_KIND], len(rows) > PER_KIND


def _url(name: str, org: Organization, query: str = "", **kwargs) -> str:
    return reverse(name, kwargs={"slug": org.slug, **kwargs}) + query


def _people(org, membership, terms, *, contacts: bool) -> Group:
    qs = Person.objects.for_org(org)
    qs = qs.filter(kind=Person.Kind.CONTACT) if contacts else qs.exclude(kind=Person.Kind.CONTACT)
    fields = ("name", "name_en", "job_title", "affiliation", "email", "phone")
    rows, more = _bounded(matching(qs, fields, terms))
    may_edit = can(membership, edit_capability(Person))
    listing = _url("person_list", org, "?kind=contacts" if contacts else "?kind=team")
    hits = [
        Hit(
            person.display_name,
            _url("person_edit", org, pk=person.pk) if may_edit else listing,
            " · ".join(
                p for p in (person.job_title, person.affiliation, person.email, person.phone) if p
            ),
        )
        for person in rows
    ]
    if contacts:
        return Group("contacts", _("Outside contacts"), hits, more)
    return Group("people", _("People"), hits, more)


def _accounts(org, membership, terms) -> Group:
    qs = SocialAccount.objects.for_org(org)
    rows, more = _bounded(matching(qs, ("handle", "platform", "purpose_ar", "purpose_en"), terms))
    hits = [Hit(str(a), _url("account_detail", org, pk=a.pk), a.purpose) for a in rows]
    return Group("accounts", _("Accounts"), hits, more)


def _devices(org, membership, terms) -> Group:
    qs = Device.objects.for_org(org).select_related("assignee")
    rows, more = _bounded(matching(qs, ("name", "assignee__name", "assignee__name_en"), terms))
    may_edit = can(membership, edit_capability(Device))
    hits = [
        Hit(
            d.name,
            _url("device_edit", org, pk=d.pk) if may_edit else _url("device_list", org),
            " · ".join(p for p in (d.get_kind_display(), str(d.assignee or "")) if p),
        )
        for d in rows
    ]
    return Group("devices", _("Devices"), hits, more)


def _incidents(org, membership, terms) -> Group:
    qs = Incident.objects.for_org(org).select_related("level")
    fields = ("summary", "level_reason", "review_happened", "review_worked", "review_changes")
    rows, more = _bounded(matching(qs, fields, terms))
    hits = [
        Hit(
            str(i),
            _url("incident_detail", org, number=i.number),
            i.get_status_display(),
            excerpt=next(
                (
                    getattr(i, f)
                    for f in fields
                    if all(t in normalise(getattr(i, f)) for t in terms)
                ),
                i.summary,
            ),
        )
        for i in rows
    ]
    return Group("incidents", _("Incidents"), hits, more)


# Markdown's emphasis, heading and quote marks: a snippet is read as text.
MARKUP = re.compile(r"[*_#>`]+")

_SECTION_OF = {block.key: section.key for section in SECTIONS for block in section.blocks} | {
    "preamble": "preamble"
}


def _policy_hits(org, rules: Rules, terms, *, edit: bool, label: Promise) -> list[Hit]:
    hits = []
    for key, block in BLOCKS.items():
        text = next((t for t in rules.text(key) if all(term in normalise(t) for term in terms)), "")
        if text:  # one hit per block, in whichever language matched first
            url = (
                _url("policy_text_edit", org, key=key)
                if edit
                else _url("policy", org, f"#{_SECTION_OF[key]}")
            )
            hits.append(Hit(str(block.title), url, str(label), excerpt=MARKUP.sub("", text)))
    return hits


def _policy(org, membership, terms) -> Group:
    """The version in force, and the draft for those who edit it (for everyone while nothing is
    published: the policy page shows the draft then)."""
    edit = can(membership, edit_capability(PolicyText))
    in_force = rules_in_force(org)
    hits = []
    if in_force is not None:
        hits += _policy_hits(org, in_force, terms, edit=False, label=_("In force"))
    if edit or in_force is None:
        hits += _policy_hits(org, draft_rules(org), terms, edit=edit, label=_("Draft"))
    return Group("policy", _("Policy text"), hits[:PER_KIND], len(hits) > PER_KIND)


def search(org: Organization, membership: Membership, query: str) -> Results:
    """Every kind, in a fixed number of queries; groups with no hit are left out."""
    terms = terms_of(query)
    results = Results(query=query, terms=terms)
    if not terms:
        return results
    groups = [
        _people(org, membership, terms, contacts=False),
        _people(org, membership, terms, contacts=True),
        _accounts(org, membership, terms),
        _devices(org, membership, terms),
        _incidents(org, membership, terms),
        _policy(org, membership, terms),
    ]
    results.groups = [g for g in groups if g.hits]
    return results
