"""One organisation's change history (R2.6), read from django-simple-history's tables.

Every tracked model has a historical twin (`Model.history.model`) holding one row per create,
change and delete, with the user and the time. A page of the history is read in a fixed number
of queries whatever its length: one UNION for the page's keys, then per model on the page one
query for its rows together with their predecessors (what `diff_against` compares with), one per
many-to-many field, and one or two per kind of object the changes name.
"""

import datetime
import os
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from siyasa.audit.models import REMOVED, Purge
from siyasa.consent.models import Consent, TakedownTask
from siyasa.crisis.models import EmergencyContact, SeverityLevel
from siyasa.orgs import selectors as org_selectors
from siyasa.orgs.models import Invitation, Membership, Organization, Person
from siyasa.policy.catalogue import BLOCKS
from siyasa.policy.models import PolicySettings, PolicyText
from siyasa.postcheck.models import Lexicon
from siyasa.registry.models import (
    AccessGrant,
    AccountRequest,
    ConnectedApp,
    Custody,
    Device,
    ModerationDecision,
    ResponsibilityAssignment,
    SocialAccount,
)
from siyasa.training.models import CustomQuestion, TrainingSettings

TRACKED: tuple[type[models.Model], ...] = (
    Organization,
    Membership,
    Person,
    Invitation,
    SocialAccount,
    ResponsibilityAssignment,
    AccessGrant,
    Custody,
    ConnectedApp,
    Device,
    AccountRequest,
    ModerationDecision,
    EmergencyContact,
    SeverityLevel,
    PolicyText,
    PolicySettings,
    Consent,
    TakedownTask,
    Lexicon,
    CustomQuestion,
    TrainingSettings,
)
MODELS: dict[str, type[models.Model]] = {m._meta.label_lower: m for m in TRACKED}

ACTIONS = {
    "+": gettext_lazy("Created"),
    "~": gettext_lazy("Changed"),
    "-": gettext_lazy("Deleted"),
}

# A page shows long texts around what changed: this many characters of context either side.
EXCERPT, CONTEXT = 300, 80

# Bookkeeping that says nothing the row's "when" and "who" do not already say.
# `to_review` and `to_translate` are Siyasa's own marks on a policy text (policy.models.PolicyText).
NOT_SHOWN = {
    "id",
    "organization",
    "created_at",
    "updated_at",
    "updated_by",
    "to_review",
    "to_translate",
}


@dataclass(frozen=True)
class Filters:
    model: str = ""  # a key of MODELS, or "" for all
    user_id: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    object_id: int | None = None


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str
    # "en" or "ar" for one language's version of a bilingual text (`summary_en`), so the page
    # can mark it: English text on an Arabic page is content, not an untranslated label.
    lang: str = ""

    @property
    def excerpt(self) -> tuple[str, str]:
        """Long texts cut to the part that changed, with some context either side (for pages)."""
        if not (self.before and self.after) or max(len(self.before), len(self.after)) <= EXCERPT:
            return self.before, self.after
        start = len(os.path.commonprefix([self.before, self.after]))
        end = len(os.path.commonprefix([self.before[start:][::-1], self.after[start:][::-1]]))

        def cut(text: str) -> str:
            first, last = max(start - CONTEXT, 0), min(len(text) - end + CONTEXT, len(text))
            return ("…" if first else "") + text[first:last] + ("…" if last < len(text) else "")

        return cut(self.before), cut(self.after)


@dataclass
class Entry:
    when: datetime.datetime
    who: str
    action: str  # "+", "~" or "-"
    model: str  # the key in MODELS
    object_id: int
    model_name: str = ""
    object_label: str = ""
    changes: list[Change] = field(default_factory=list)
    # A change whose earlier state was never recorded (data from before history was kept).
    no_earlier_record: bool = False

    @property
    def action_label(self) -> str:
        return str(ACTIONS[self.action])


def _history_model(model):
    return model.history.model


def _scope(model, org) -> Q:
    """Only this organisation's rows: by `organization_id`, or by id for the organisation itself."""
    if model is Organization:
        return Q(id=org.pk)
    return Q(organization_id=org.pk)


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _filtered(model, org, filters: Filters):
    rows = _history_model(model)._default_manager.filter(_scope(model, org))
    if filters.user_id is not None:
        rows = rows.filter(history_user_id=filters.user_id)
    if filters.since is not None:
        rows = rows.filter(history_date__gte=_day_start(filters.since))
    if filters.until is not None:
        rows = rows.filter(history_date__lt=_day_start(filters.until + datetime.timedelta(days=1)))
    if filters.object_id is not None:
        rows = rows.filter(id=filters.object_id)
    return rows


def _models(filters: Filters) -> list[tuple[str, type[models.Model]]]:
    if filters.model:
        return [(filters.model, MODELS[filters.model])]
    return list(MODELS.items())


def history_keys(org, filters: Filters):
    """(when, history id, model key) of every matching record, newest first: one query.

    Sliceable and countable, so a `Paginator` takes it as it is.
    """
    parts = [
        _filtered(model, org, filters)
        .annotate(audit_model=Value(key, output_field=CharField()))
        .values_list("history_date", "history_id", "audit_model")
        .order_by()  # the historical models' own ordering is not allowed inside a UNION
        for key, model in _models(filters)
    ]
    keys = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return keys.order_by("-history_date", "-history_id", "audit_model")


def object_history(org, model, object_id: int):
    """Every recorded state of one of this organisation's records, oldest first."""
    return (
        _history_model(model)
        ._default_manager.filter(_scope(model, org), id=object_id)
        .order_by("history_date", "history_id")
    )


def live_row(org, model, object_id: int):
    """The record as it is now, or None once deleted (or when it is not this organisation's)."""
    return model._default_manager.filter(_scope(model, org), id=object_id).first()


@dataclass(frozen=True)
class Removal:
    """A purge with the names a reader knows its kind of record and its fields by."""

    purge: Purge
    kind_name: str
    field_labels: str


def purges(org) -> list[Removal]:
    """What owners took out of this organisation's history, newest first (R2.8)."""
    removals = []
    for purge in Purge.objects.for_org(org).select_related("purged_by"):
        model: Any = MODELS.get(purge.kind)
        names = [n for n in purge.field_names.split(", ") if n]
        removals.append(
            Removal(
                purge,
                str(model._meta.verbose_name) if model else purge.kind,
                ", ".join(
                    str(model._meta.get_field(n).verbose_name) if model else n for n in names
                ),
            )
        )
    return removals


def history_users(org) -> list[tuple[int, str]]:
    """(user id, name) of those who changed something in this organisation, by name, for the
    filter (three queries)."""
    parts = [
        _history_model(model)
        ._default_manager.filter(_scope(model, org))
        .values_list("history_user_id", flat=True)
        .order_by()
        for model in TRACKED
    ]
    ids = {pk for pk in parts[0].union(*parts[1:]) if pk is not None}
    users = get_user_model()._default_manager.filter(pk__in=ids)
    names = org_selectors.names_of(org, users)
    return sorted(names.items(), key=lambda item: (item[1].casefold(), item[0]))


def entries(org, keys: Iterable[tuple]) -> list[Entry]:
    """The history records behind `keys`, each with what changed, in the order of `keys`."""
    keys = list(keys)
    wanted: dict[str, list[int]] = defaultdict(list)
    for _when, history_id, key in keys:
        wanted[key].append(history_id)
    pages = {key: _ModelPage(org, MODELS[key], ids) for key, ids in wanted.items()}
    refs = _References(org)
    for page in pages.values():
        page.ask(refs)
    refs.resolve()
    return [pages[key].entry(history_id, refs) for _when, history_id, key in keys]


def all_entries(org, filters: Filters, chunk: int = 500) -> Iterator[Entry]:
    """Every matching entry, newest first, read `chunk` records at a time (for the CSV)."""
    batch: list[tuple] = []
    for key in history_keys(org, filters).iterator(chunk_size=chunk):
        batch.append(key)
        if len(batch) == chunk:
            yield from entries(org, batch)
            batch = []
    if batch:
        yield from entries(org, batch)


class _ModelPage:
    """The records of one model on a page, with their predecessors: one query (+1 per M2M field)."""

    def __init__(self, org, model, history_ids: list[int]):
        self.org = org
        self.model = model
        self.history = _history_model(model)
        self.m2m_fields = list(self.history._history_m2m_fields)
        manager = self.history._default_manager
        # The record just before each one of the same object: (date, history id) is the order.
        predecessor = (
            manager.filter(id=OuterRef("id"))
            .filter(
                Q(history_date__lt=OuterRef("history_date"))
                | Q(history_date=OuterRef("history_date"), history_id__lt=OuterRef("history_id"))
            )
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        predecessors = (
            manager.filter(history_id__in=history_ids)
            .annotate(previous=Subquery(predecessor))
            .values("previous")
        )
        rows = manager.filter(_scope(model, org)).filter(
            Q(history_id__in=history_ids) | Q(history_id__in=predecessors)
        )
        self.records = {row.history_id: row for row in rows}
        self.previous: dict[int, object] = {}
        by_object = defaultdict(list)
        for row in self.records.values():
            by_object[row.id].append(row)
        for versions in by_object.values():
            versions.sort(key=lambda r: (r.history_date, r.history_id))
            for before, after in zip([None, *versions], versions, strict=False):
                self.previous[after.history_id] = before
        self.links = self._m2m_links()

    def _m2m_links(self) -> dict[str, dict[int, frozenset[int]]]:
        """For each many-to-many field: history id -> the ids it linked to at that time."""
        links = {}
        for m2m in self.m2m_fields:
            snapshot = getattr(self.history, m2m.name).model
            target = m2m.m2m_reverse_name()
            found = defaultdict(set)
            for history_id, target_id in snapshot._default_manager.filter(
                history_id__in=list(self.records)
            ).values_list("history_id", target):
                found[history_id].add(target_id)
            links[m2m.name] = {pk: frozenset(found[pk]) for pk in self.records}
        return links

    def _fields(self):
        # The fields the history records hold (a model may leave some out, e.g. an invitation's
        # delivery state), as people edit them.
        tracked = {f.name for f in _history_model(self.model).tracked_fields}
        return [
            f
            for f in self.model._meta.fields
            if f.editable
            and f.name in tracked
            and f.name not in NOT_SHOWN
            and f.name != self.model._meta.pk.name
        ]

    def ask(self, refs: "_References") -> None:
        """Tell `refs` which related objects the labels and changes on this page name."""
        for record in self.records.values():
            refs.want(get_user_model(), record.history_user_id)
            for f in self.model._meta.fields:
                if f.is_relation and f.name != "organization":
                    refs.want(f.related_model, getattr(record, f.attname))
        for m2m in self.m2m_fields:
            for ids in self.links[m2m.name].values():
                for pk in ids:
                    refs.want(m2m.related_model, pk)

    def entry(self, history_id: int, refs: "_References") -> Entry:
        record = self.records[history_id]
        previous = self.previous.get(history_id)
        entry = Entry(
            when=record.history_date,
            who=refs.label(get_user_model(), record.history_user_id)
            if record.history_user_id
            else "",
            action=record.history_type,
            model=self.model._meta.label_lower,
            object_id=record.id,
            model_name=str(self.model._meta.verbose_name),
            object_label=self._label(record, refs),
        )
        if record.history_type == "~" and previous is not None:
            entry.changes = self._diff(previous, record, refs)
        elif record.history_type == "-":
            entry.changes = self._snapshot(record, previous, refs, deleted=True)
        else:
            entry.changes = self._snapshot(record, None, refs, deleted=False)
            entry.no_earlier_record = record.history_type == "~"
        return entry

    def _diff(self, previous, record, refs) -> list[Change]:
        m2m_names = [m.name for m in self.m2m_fields]
        delta = record.diff_against(
            previous,
            included_fields=[f.name for f in self._fields()],
            excluded_fields=m2m_names,
        )
        changes = [
            Change(
                self._verbose(change.field),
                refs.show(self.model._meta.get_field(change.field), change.old),
                refs.show(self.model._meta.get_field(change.field), change.new),
                _lang_of(change.field),
            )
            for change in delta.changes
        ]
        for m2m in self.m2m_fields:
            old = self.links[m2m.name][previous.history_id]
            new = self.links[m2m.name][record.history_id]
            if old != new:
                changes.append(
                    Change(
                        str(m2m.verbose_name),
                        refs.show_many(m2m.related_model, old),
                        refs.show_many(m2m.related_model, new),
                    )
                )
        return changes

    def _snapshot(self, record, previous, refs, *, deleted: bool) -> list[Change]:
        """A created row's values as "after", a deleted row's as "before"; empty ones left out."""
        changes = []
        for f in self._fields():
            value = getattr(record, f.attname)
            if value in (None, "", False):
                continue
            shown = refs.show(f, value)
            changes.append(
                Change(str(f.verbose_name), shown, "", _lang_of(f.name))
                if deleted
                else Change(str(f.verbose_name), "", shown, _lang_of(f.name))
            )
        for m2m in self.m2m_fields:
            # The links are gone before the deletion is recorded: show the last ones known.
            source = previous if deleted and previous is not None else record
            ids = self.links[m2m.name].get(source.history_id, frozenset())
            if ids:
                shown = refs.show_many(m2m.related_model, ids)
                changes.append(
                    Change(str(m2m.verbose_name), shown, "")
                    if deleted
                    else Change(str(m2m.verbose_name), "", shown)
                )
        return changes

    def _verbose(self, name: str) -> str:
        return str(self.model._meta.get_field(name).verbose_name)

    def _label(self, record, refs) -> str:
        """The object as the rest of Siyasa names it, without a query of its own."""
        if self.model is PolicySettings:
            return str(self.model._meta.verbose_name)
        if self.model is PolicyText:
            block = BLOCKS.get(record.key)
            return str(block.title) if block else record.key
        if self.model is Membership:
            return refs.label(get_user_model(), record.user_id)
        obj = record.history_object
        for f in self.model._meta.fields:
            if not f.is_relation or getattr(record, f.attname) is None:
                continue
            found = (
                self.org
                if f.name == "organization"
                else refs.get(f.related_model, getattr(record, f.attname))
            )
            if found is None:  # named something never recorded: do not let __str__ query for it
                return f"{self.model._meta.verbose_name} #{record.id}"
            f.set_cached_value(obj, found)
        return str(obj)


class _References:
    """The related objects a page names, fetched per model in one or two queries: the live row,
    or for a deleted one its last recorded state."""

    def __init__(self, org):
        self.org = org
        self.wanted: dict[type[models.Model], set[int]] = defaultdict(set)
        self.found: dict[tuple[type[models.Model], int], object] = {}
        self.deleted: set[tuple[type[models.Model], int]] = set()
        self.user_names: dict[int, str] = {}

    def want(self, model, pk) -> None:
        if pk is not None:
            self.wanted[model].add(pk)

    def resolve(self) -> None:
        User = get_user_model()
        for model, ids in self.wanted.items():
            live = model._default_manager.filter(pk__in=ids)
            if model in TRACKED:
                live = live.filter(_scope(model, self.org))
            for obj in live:
                self.found[(model, obj.pk)] = obj
            if model is User:
                self.user_names = org_selectors.names_of(self.org, live)
            missing = {pk for pk in ids if (model, pk) not in self.found}
            if missing and model in TRACKED:
                last_known = (
                    _history_model(model)
                    ._default_manager.filter(_scope(model, self.org), id__in=missing)
                    .order_by("id", "-history_date", "-history_id")
                )
                for record in last_known:
                    if (model, record.id) not in self.found:
                        self.found[(model, record.id)] = record.history_object
                        self.deleted.add((model, record.id))

    def get(self, model, pk):
        return self.found.get((model, pk))

    def label(self, model, pk) -> str:
        obj = self.get(model, pk)
        if obj is None:
            return f"#{pk}"
        if pk in self.user_names and model is get_user_model():
            return self.user_names[pk]  # people by their names, never their user names
        if (model, pk) in self.deleted:
            return _("%(name)s (deleted)") % {"name": obj}
        return str(obj)

    def show(self, f, value) -> str:
        """A field's value as a reader would say it, in the current language."""
        if value is None or value == "":
            return ""
        if f.is_relation:
            return self.label(f.related_model, value)
        if hasattr(value, "code") and hasattr(value, "name"):  # a country
            return str(value.name)
        if f.choices:
            return str(dict(f.flatchoices).get(value, value))
        if isinstance(value, bool):
            return _("Yes") if value else _("No")
        if isinstance(value, datetime.datetime):
            return timezone.localtime(value).replace(microsecond=0).isoformat()
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(value).replace(REMOVED, _("[removed]"))

    def show_many(self, model, ids: Iterable[int]) -> str:
        return "; ".join(sorted(self.label(model, pk) for pk in ids))


def _lang_of(field_name: str) -> str:
    """The language of a bilingual field's half, from its name's suffix (`text_en` -> "en")."""
    suffix = field_name.rpartition("_")[2]
    return suffix if suffix in ("ar", "en") else ""
