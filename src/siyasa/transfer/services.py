"""Importing a registry from a table: a preview that judges every row with the registry's own form
and writes nothing, then a confirmation that writes every row or none."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from siyasa.core.permissions import edit_capability, require
from siyasa.orgs.models import Membership
from siyasa.orgs.rows import save_with_relations, touch
from siyasa.transfer.files import Table
from siyasa.transfer.resources import RegistryResource, resource_for


class Status(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    ERROR = "error"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.NEW: pgettext_lazy("row of an import", "New"),
    Status.CHANGED: pgettext_lazy("row of an import", "Changed"),
    Status.UNCHANGED: pgettext_lazy("row of an import", "Unchanged"),
    Status.ERROR: pgettext_lazy("row of an import", "Error"),
}


@dataclass(frozen=True)
class Change:
    column: str
    before: str
    after: str


@dataclass
class RowResult:
    number: int
    # The cells that say which record the row is, for a person to recognise it.
    label: str
    status: Status
    errors: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    form: Any = field(default=None, repr=False)
    key: object = None


@dataclass
class Preview:
    title: str
    table: Table
    rows: list[RowResult]

    def count(self, status: Status) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> list[tuple[Status, int]]:
        return [(status, self.count(status)) for status in Status]

    @property
    def has_errors(self) -> bool:
        return any(row.status == Status.ERROR for row in self.rows)

    @property
    def writes(self) -> int:
        return self.count(Status.NEW) + self.count(Status.CHANGED)


class ImportRefused(Exception):
    """A row has an error (the data changed since the preview, say): nothing was written."""

    def __init__(self, preview: Preview):
        super().__init__(preview)
        self.preview = preview


def preview_import(*, membership: Membership, registry: str, table: Table) -> Preview:
    """Every row of `table` as new, changed, unchanged or an error; nothing is written."""
    resource = resource_for(registry, membership.organization)
    require(membership, edit_capability(resource.model))
    return _judge(resource, table)


def confirm_import(*, membership: Membership, registry: str, table: Table) -> Preview:
    """Write every new and changed row of `table` in one transaction, recorded in the history as
    the member's; with any row in error, raise ImportRefused and write nothing."""
    resource = resource_for(registry, membership.organization)
    require(membership, edit_capability(resource.model))
    with transaction.atomic():
        # Judged again inside the transaction: the registry may have changed since the preview.
        preview = _judge(resource, table)
        if preview.has_errors:
            raise ImportRefused(preview)
        reason = f"import {table.filename}"[:100]
        for row in preview.rows:
            if row.status in (Status.NEW, Status.CHANGED):
                record = row.form.save(commit=False)
                record.organization = membership.organization
                # R2.6: django-simple-history records who imported, and from which file.
                record._history_user = membership.user
                record._change_reason = reason
                save_with_relations(row.form, record)
        if preview.writes:
            touch(membership.organization, resource.model.policy_part)
    return preview


def _judge(resource: RegistryResource, table: Table) -> Preview:
    rows: list[RowResult] = []
    seen: dict[object, int] = {}
    for number, cells in table.rows:
        row = _judge_row(resource, dict(zip(table.columns, cells, strict=True)), number)
        if row.key is not None and row.key in seen and row.status != Status.ERROR:
            row.status, row.form = Status.ERROR, None
            row.errors.append(
                _("Row %(row)s already describes this record.") % {"row": seen[row.key]}
            )
        if row.key is not None:
            seen.setdefault(row.key, number)
        rows.append(row)
    return Preview(resource.get_title(), table, rows)


def _judge_row(resource: RegistryResource, cells: dict[str, str], number: int) -> RowResult:
    label = " · ".join(cells[name] for name in resource.required if cells.get(name))
    row = RowResult(number, label, Status.ERROR)
    values = {}
    for name, text in cells.items():
        try:
            values[name] = resource.fields[name].widget.clean(text)
        except ValidationError as error:
            row.errors.extend(_in_column(resource.header(name), error.messages))
    if row.errors:
        return row
    try:
        values = resource.resolve(values)
        instance = resource.find(values)
    except ValidationError as error:
        row.errors.extend(error.messages)
        return row
    # Two rows are the same record when they find it (a person by name in one row, by e-mail in
    # another), or when they would create it twice.
    row.key = ("record", instance.pk) if instance is not None else resource.key(values)
    form = resource.bound_form(values, instance)
    # Read before validating: a valid form writes its values onto the instance.
    before = (
        {name: resource.export_field(resource.fields[name], instance) for name in cells}
        if instance is not None
        else {}
    )
    if not form.is_valid():
        for name, messages in form.errors.items():
            if name == "__all__":
                row.errors.extend(messages)
            else:
                header = resource.header(name) if name in resource.fields else form[name].label
                row.errors.extend(_in_column(header, messages))
        return row
    row.form = form
    if instance is None:
        row.status = Status.NEW
    elif form.has_changed():
        row.status = Status.CHANGED
        row.changes = [
            Change(
                resource.header(name),
                before.get(name, ""),
                resource.fields[name].widget.render(form.cleaned_data.get(name)),
            )
            for name in form.changed_data
        ]
    else:
        row.status = Status.UNCHANGED
    return row


def _in_column(header: str, messages) -> list[str]:
    return [
        _("%(column)s: %(error)s") % {"column": header, "error": message} for message in messages
    ]
