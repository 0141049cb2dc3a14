"""Reading one organisation into the moving document (`document.py` says what it carries)."""

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from siyasa.archive import document
from siyasa.archive.document import ORGANIZATION, SECTIONS, Section
from siyasa.archive.models import Carried
from siyasa.archive.snapshot import read_snapshot, siyasa_version
from siyasa.orgs.models import Invitation, Membership, Organization, Person
from siyasa.policy.models import Acknowledgement, PolicyVersion


class _Reader:
    """Loads every section's rows and their history once, numbers them, then writes them out."""

    def __init__(self, org: Organization):
        self.org = org
        self.rows: dict[str, list[dict]] = {}
        self.m2m: dict[tuple[str, str], dict[int, list[int]]] = {}
        self.history: dict[str, list[dict]] = {}
        self.history_m2m: dict[tuple[str, str], dict[int, list[int]]] = {}
        self.refs: dict[str, dict[int, int]] = {}
        self.user_ids: set[int] = set()

    def load(self) -> None:
        for section in [ORGANIZATION, *SECTIONS]:
            self._load(section)
        self.emails = dict(
            get_user_model().objects.filter(pk__in=self.user_ids).values_list("pk", "email")
        )

    def _load(self, section: Section) -> None:
        model = section.model
        own: dict[str, Any] = (
            {"pk": self.org.pk} if section is ORGANIZATION else {"organization": self.org}
        )
        attnames = [f.attname for f in section.fields if not f.many_to_many]
        self.rows[section.name] = list(
            model.objects.filter(**own).order_by("pk").values("pk", *attnames)
        )
        for field in section.fields:
            if field.many_to_many:
                through = field.remote_field.through
                pairs = through.objects.filter(
                    **{f"{field.m2m_field_name()}__in": [r["pk"] for r in self.rows[section.name]]}
                ).values_list(field.m2m_column_name(), field.m2m_reverse_name())
                self.m2m[section.name, field.name] = _grouped(pairs)
        self._note_users(section.fields, self.rows[section.name])
        live = [r["pk"] for r in self.rows[section.name]]
        gone: list[int] = []
        if section.history_model is not None:
            owner = (
                {"id": self.org.pk} if section is ORGANIZATION else {"organization_id": self.org.pk}
            )
            attnames = [f.attname for f in section.history_fields if not f.many_to_many]
            rows = list(
                section.history_model.objects.filter(**owner)
                .order_by("history_date", "history_id")
                .values("id", "history_id", "history_date", "history_type",
                        "history_change_reason", "history_user_id", *attnames)
            )  # fmt: skip
            self.history[section.name] = rows
            self.user_ids |= {r["history_user_id"] for r in rows if r["history_user_id"]}
            self._note_users(section.history_fields, rows)
            for field in section.history_fields:
                if field.many_to_many:
                    through, own_column, _row, target = section.history_m2m_through(field)
                    pairs = through.objects.filter(
                        **{f"{own_column}__in": [r["history_id"] for r in rows]}
                    ).values_list(own_column, target)
                    self.history_m2m[section.name, field.name] = _grouped(pairs)
            gone = sorted({r["id"] for r in rows} - set(live))
        self.refs[section.name] = {pk: n for n, pk in enumerate([*live, *gone], start=1)}

    def _note_users(self, fields: list[Any], rows: list[dict]) -> None:
        for field in fields:
            if document.is_user(field):
                self.user_ids |= {r[field.attname] for r in rows if r[field.attname]}

    def email(self, user_id: int | None) -> str | None:
        """A sign-in is named by its e-mail address (None when it has none)."""
        return (self.emails.get(user_id) or None) if user_id else None

    def ref(self, model: Any, pk: int | None) -> int | None:
        section = document.section_of_model(model)
        return self.refs[section.name].get(pk) if section and pk is not None else None

    def values(self, section: Section, fields: list[Any], row: dict, m2m) -> dict:
        out: dict[str, Any] = {}
        for field in fields:
            if field.many_to_many:
                key = row.get("history_id", row.get("pk"))
                refs = [
                    self.ref(field.related_model, pk)
                    for pk in m2m[section.name, field.name].get(key, [])
                ]
                out[field.name] = sorted(r for r in refs if r is not None)  # fmt: skip
            elif document.is_user(field):
                out[field.name] = self.email(row[field.attname])
            elif field.is_relation:
                out[field.name] = self.ref(field.related_model, row[field.attname])
            else:
                out[field.name] = document.dump(field, row[field.attname])
        if section.generic:
            label, id_field = section.generic
            target = document.section_of_label(row[label] or "")
            out[id_field] = self.refs[target.name].get(row[id_field]) if target else None
        return out

    def section(self, section: Section) -> list[dict]:
        refs = self.refs[section.name]
        return [
            {"ref": refs[row["pk"]], **self.values(section, section.fields, row, self.m2m)}
            for row in self.rows[section.name]
        ]

    def section_history(self, section: Section) -> list[dict]:
        refs = self.refs[section.name]
        return [
            {
                "ref": refs[row["id"]],
                "history_date": row["history_date"].isoformat(),
                "history_type": row["history_type"],
                "history_change_reason": row["history_change_reason"],
                "history_user": self.email(row["history_user_id"]),
                "fields": self.values(section, section.history_fields, row, self.history_m2m),
            }
            for row in self.history[section.name]
        ]


def _grouped(pairs) -> dict[int, list[int]]:
    grouped: dict[int, list[int]] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def _members(org: Organization, reader: _Reader) -> list[dict]:
    """Who signs in, or is invited to, and with which role: a member's directory entry is the
    person linked to their sign-in; an open invitation's is its person."""
    people = dict(Person.objects.for_org(org).exclude(user=None).values_list("user_id", "pk"))
    members = [
        {"email": m.user.email, "role": m.role, "person": reader.ref(Person, people.get(m.user_id))}
        for m in Membership.objects.filter(organization=org).select_related("user")
    ]
    members += [
        {"email": i.email, "role": i.role, "person": reader.ref(Person, i.person_id)}
        for i in Invitation.objects.for_org(org).filter(accepted_at=None, revoked_at=None)
    ]
    members += [c.data for c in Carried.objects.for_org(org).filter(kind=Carried.Kind.MEMBER)]
    return sorted(members, key=lambda m: (m["email"].lower(), m["role"], m["person"] or 0))


def _acknowledgements(org: Organization, reader: _Reader) -> list[dict]:
    acks = [
        {
            "version": reader.ref(PolicyVersion, a.version_id),
            "user": a.user.email,
            "created_at": a.created_at.isoformat(),
            "updated_at": a.updated_at.isoformat(),
        }
        for a in Acknowledgement.objects.for_org(org).select_related("user")
    ]
    for carried in Carried.objects.for_org(org).filter(kind=Carried.Kind.ACKNOWLEDGEMENT):
        acks.append({**carried.data, "version": reader.ref(PolicyVersion, carried.data["version"])})
    return sorted(acks, key=lambda a: (a["created_at"], a["version"], a["user"].lower()))


def export_org(org: Organization) -> dict:
    """The organisation as one JSON-ready document, every table read from the same snapshot."""
    with read_snapshot():
        reader = _Reader(org)
        reader.load()
        org_row = reader.rows[ORGANIZATION.name][0]
        doc = {
            "schema_version": document.SCHEMA_VERSION,
            "siyasa_version": siyasa_version(),
            "exported_at": timezone.now().isoformat(),
            "organization": reader.values(ORGANIZATION, ORGANIZATION.fields, org_row, {}),
            "members": _members(org, reader),
            "acknowledgements": _acknowledgements(org, reader),
            **{s.name: reader.section(s) for s in SECTIONS},
            "history": {
                s.name: reader.section_history(s)
                for s in [ORGANIZATION, *SECTIONS]
                if s.history_model is not None
            },
        }
    return doc
