"""Writing a moving document into this instance as a new organisation, in one transaction.

Nobody is added to the organisation without accepting: the document's members become open
invitations (sent by e-mail, accepted as any invitation), never memberships, and no sign-in is
created. Rows that name a sign-in (who declared an incident, who acknowledged a version) are linked
to the account of this instance with that e-mail address when there is exactly one, and left
empty otherwise — except acknowledgements, kept as `Carried` history when no account matches.
"""

from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, models, transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from siyasa.archive import document, schema
from siyasa.archive.document import ORGANIZATION, SECTIONS, DocumentError, Section
from siyasa.archive.models import Carried
from siyasa.orgs import jobs, tokens
from siyasa.orgs.models import Invitation, Organization, Person
from siyasa.policy.models import Acknowledgement, PolicyVersion

BATCH = 500


@dataclass
class ImportReport:
    org: Organization
    rows: dict[str, int] = field(default_factory=dict)
    history: int = 0
    invitations: list[str] = field(default_factory=list)
    carried: int = 0
    unmatched_sign_ins: set[str] = field(default_factory=set)


class _Writer:
    def __init__(self, org: Organization, report: ImportReport, users: dict[str, int | None]):
        self.org = org
        self.report = report
        self.users = users
        self.ids: dict[str, dict[int, int]] = {ORGANIZATION.name: {}}

    def user(self, email: str | None) -> int | None:
        if not email:
            return None
        user_id = self.users.get(email.lower())
        if user_id is None:
            self.report.unmatched_sign_ins.add(email)
        return user_id

    def pk(self, model: Any, ref: int | None, *, where: str) -> int | None:
        if ref is None:
            return None
        section = document.section_of_model(model)
        assert section is not None, model  # every reference of a section is to a section
        try:
            return self.ids[section.name][ref]
        except KeyError:
            raise DocumentError(
                _("%(where)s names %(section)s #%(ref)s, which the file does not hold.")
                % {"where": where, "section": section.name, "ref": ref}
            ) from None

    def attributes(self, section: Section, fields: list[Any], item: dict, where: str):
        """The column values of one item, references resolved; many-to-many lists apart."""
        values: dict[str, Any] = {}
        m2m: dict[Any, list] = {}
        for f in fields:
            raw = item.get(f.name)
            if f.many_to_many:
                m2m[f] = [self.pk(f.related_model, ref, where=where) for ref in raw or []]
            elif document.is_user(f):
                values[f.attname] = self.user(raw)
            elif f.is_relation:
                values[f.attname] = self.pk(f.related_model, raw, where=where)
            else:
                values[f.attname] = document.load(f, raw)
        if section.generic:
            label, id_field = section.generic
            target = document.section_of_label(values[label] or "")
            ref = item.get(id_field)
            # 0 names no row: the record it was about was gone before the export.
            values[id_field] = self.ids[target.name].get(ref, 0) if target and ref else 0
        return values, m2m

    def rows(self, section: Section, items: list[dict]) -> None:
        model = section.model
        self_refs = [f for f in section.fields if f.is_relation and f.related_model is model]
        objects, m2m_of, later = [], [], []
        self.ids[section.name] = {}
        for n, item in enumerate(items, start=1):
            where = f"{section.name} #{item.get('ref', n)}"
            values, m2m = self.attributes(
                section, [f for f in section.fields if f not in self_refs], item, where
            )
            objects.append(model(organization=self.org, **values))
            m2m_of.append(m2m)
            later.append({f: item.get(f.name) for f in self_refs})
        _insert(model, objects, section.fields)
        for item, obj in zip(items, objects, strict=True):
            if item["ref"] in self.ids[section.name]:
                raise DocumentError(
                    _("%(section)s holds #%(ref)s twice.")
                    % {"section": section.name, "ref": item["ref"]}
                )
            self.ids[section.name][item["ref"]] = obj.pk
        # A row pointing at another of its own table (a correction of a timeline entry) is linked
        # once every row of the table has its id.
        pointing = []
        for obj, refs in zip(objects, later, strict=True):
            for f, ref in refs.items():
                setattr(obj, f.attname, self.pk(model, ref, where=section.name))
            if any(v is not None for v in refs.values()):
                pointing.append(obj)
        if pointing:
            model.objects.bulk_update(pointing, [f.name for f in self_refs], batch_size=BATCH)
        for f in section.fields:
            if f.many_to_many:
                through = f.remote_field.through
                through.objects.bulk_create(
                    [
                        through(**{f.m2m_column_name(): obj.pk, f.m2m_reverse_name(): pk})
                        for obj, m2m in zip(objects, m2m_of, strict=True)
                        for pk in m2m[f]
                    ],
                    batch_size=BATCH,
                )
        self.report.rows[section.name] = len(objects)

    def reserve_gone(self, section: Section, history: list[dict]) -> None:
        """Ids for the rows only the history remembers, taken from the table's own sequence so
        no row made later shares them (and with them another row's history)."""
        gone = sorted({h["ref"] for h in history} - set(self.ids[section.name]))
        for ref, pk in zip(gone, _reserve_ids(section.model, len(gone)), strict=True):
            self.ids[section.name][ref] = pk

    def history(self, section: Section, items: list[dict]) -> None:
        model = section.history_model
        rows, m2m_of = [], []
        for n, item in enumerate(items, start=1):
            where = f"history.{section.name} #{n}"
            values, m2m = self.attributes(section, section.history_fields, item["fields"], where)
            rows.append(
                model(
                    id=self.ids[section.name][item["ref"]],
                    organization_id=self.org.pk,
                    history_date=document.load(models.DateTimeField(), item["history_date"]),
                    history_type=item["history_type"],
                    history_change_reason=item["history_change_reason"],
                    history_user_id=self.user(item["history_user"]),
                    **values,
                )
                if section is not ORGANIZATION
                else model(
                    id=self.org.pk,
                    history_date=document.load(models.DateTimeField(), item["history_date"]),
                    history_type=item["history_type"],
                    history_change_reason=item["history_change_reason"],
                    history_user_id=self.user(item["history_user"]),
                    **values,
                )
            )
            m2m_of.append(m2m)
        model.objects.bulk_create(rows, batch_size=BATCH)
        for f in section.history_fields:
            if f.many_to_many:
                through, own_column, row_column, target = section.history_m2m_through(f)
                # `id` copies the id of the link row of the time, which nothing reads: 0.
                through.objects.bulk_create(
                    [
                        through(**{"id": 0, own_column: row.pk, row_column: row.id, target: pk})
                        for row, m2m in zip(rows, m2m_of, strict=True)
                        for pk in m2m[f]
                    ],
                    batch_size=BATCH,
                )
        self.report.history += len(rows)


def _insert(model, objects: list, fields: list[Any]) -> None:
    """Insert `objects` without signals (so no history of the import itself is recorded), with
    the creation and change times they came with: auto_now(_add) replaces those on insert, so
    they are written again after it."""
    stamped = [
        f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    kept = [[getattr(obj, f.attname) for f in stamped] for obj in objects]
    model.objects.bulk_create(objects, batch_size=BATCH)
    if stamped and objects:
        for obj, values in zip(objects, kept, strict=True):
            for f, value in zip(stamped, values, strict=True):
                setattr(obj, f.attname, value)
        model.objects.bulk_update(objects, [f.name for f in stamped], batch_size=BATCH)


def _reserve_ids(model: Any, count: int) -> list[int]:
    if not count:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, count],
            )
            return [row[0] for row in cursor.fetchall()]
        # SQLite: Django's id columns are AUTOINCREMENT, which never reuses a number at or below
        # the one sqlite_sequence holds for the table.
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        found = cursor.fetchone()
        cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608 (a model's table)
        start = max(found[0] if found else 0, cursor.fetchone()[0])
        if found:
            cursor.execute(
                "UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [start + count, table]
            )
        else:
            cursor.execute(
                "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, start + count]
            )
    return list(range(start + 1, start + count + 1))


def _accounts_by_email() -> dict[str, int | None]:
    """This instance's sign-ins by lower-cased address; an address two accounts share is None
    (which of them acted cannot be told)."""
    found: dict[str, int | None] = {}
    for user_id, email in (
        get_user_model()
        .objects.exclude(email="")
        .annotate(lower=Lower("email"))
        .values_list("pk", "lower")
    ):
        found[email] = None if email in found else user_id
    return found


def _invite_members(writer: _Writer, members: list[dict]) -> None:
    """An open invitation for each member with a directory entry; the others are kept."""
    invited: set[int] = set()
    for member in members:
        person_id = writer.pk(Person, member["person"], where="members")
        person = Person.objects.filter(pk=person_id).first() if person_id else None
        if person is None or not person.is_current or person.pk in invited or not member["email"]:
            Carried.objects.create(organization=writer.org, kind=Carried.Kind.MEMBER, data=member)
            writer.report.carried += 1
            continue
        invitation = Invitation(
            organization=writer.org,
            person=person,
            role=member["role"],
            email=member["email"],
            language=person.preferred_language(writer.org),
            expires_at=timezone.now() + Invitation.LIFETIME,
        )
        tokens.new_link(invitation)
        invitation.save()
        jobs.enqueue(organization_id=writer.org.pk, invitation_id=invitation.pk)
        invited.add(person.pk)
        writer.report.invitations.append(member["email"])


def _acknowledgements(writer: _Writer, items: list[dict]) -> None:
    ack_fields = [Acknowledgement._meta.get_field(n) for n in ("created_at", "updated_at")]
    acks = []
    for item in items:
        version_id = writer.pk(PolicyVersion, item["version"], where="acknowledgements")
        user_id = writer.user(item["user"])
        assert version_id is not None  # the schema requires it
        if user_id is None:
            Carried.objects.create(
                organization=writer.org,
                kind=Carried.Kind.ACKNOWLEDGEMENT,
                data={**item, "version": version_id},
            )
            writer.report.carried += 1
            continue
        acks.append(
            Acknowledgement(
                organization=writer.org,
                version_id=version_id,
                user_id=user_id,
                created_at=document.load(ack_fields[0], item["created_at"]),
                updated_at=document.load(ack_fields[1], item["updated_at"]),
            )
        )
    _insert(Acknowledgement, acks, ack_fields)
    writer.report.rows["acknowledgements"] = len(acks)


def import_org(doc: dict, *, slug: str | None = None) -> ImportReport:
    """Create the organisation of `doc` (under `slug`, else its own) with everything it holds.

    Refuses, changing nothing, a document that does not follow the schema, a slug in use, or
    rows that do not fit together (a reference to a missing row, a broken constraint).
    """
    schema.validate(doc)
    data = dict(doc["organization"])
    data["slug"] = slug or data["slug"]
    if Organization.objects.filter(slug=data["slug"]).exists():
        raise DocumentError(
            _("An organisation with the short name “%(slug)s” already exists here; choose "
              "another with --slug.") % {"slug": data["slug"]}
        )  # fmt: skip
    try:
        with transaction.atomic():
            return _write(doc, data)
    except (DatabaseError, ValueError) as error:
        raise DocumentError(
            _("The file does not fit together: %(error)s") % {"error": error}
        ) from None


def _write(doc: dict, data: dict) -> ImportReport:
    values = {f.attname: document.load(f, data.get(f.name)) for f in ORGANIZATION.fields}
    org = Organization(**values)
    _insert(Organization, [org], ORGANIZATION.fields)
    report = ImportReport(org=org)
    writer = _Writer(org, report, _accounts_by_email())
    writer.ids[ORGANIZATION.name][1] = org.pk
    for section in SECTIONS:
        writer.rows(section, doc[section.name])
    history = doc["history"]
    for section in SECTIONS:
        if section.name in history:
            writer.reserve_gone(section, history[section.name])
    for section in [ORGANIZATION, *SECTIONS]:
        if section.name in history:
            writer.history(section, history[section.name])
    _acknowledgements(writer, doc["acknowledgements"])
    _invite_members(writer, doc["members"])
    return report
