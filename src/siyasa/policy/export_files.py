"""Exports as artefacts: a request asks for a file, the job worker makes it once, the database
keeps it, and every later request for the same key is served from there.

The key is (version, kind, language, audience, directory stamp, day): a change of the directory
or of the organisation, a new version in force or a new day asks for a new file; the file of an
earlier stamp or day is deleted when its successor is stored.
"""

import datetime
import hashlib

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from siyasa.mail.tasks import task
from siyasa.orgs.models import Organization
from siyasa.policy import exports, selectors
from siyasa.policy.models import ExportFile, PolicyVersion
from siyasa.policy.rules import Rules

# A file still being prepared this long after its build was queued is queued once more: the
# worker that had it may have died, or the PDF engine may have been installed since.
LEASE = datetime.timedelta(minutes=10)


def directory_stamp(org: Organization) -> datetime.datetime:
    """The last change of anything an export shows besides the version: the directory's parts
    and the organisation itself (its name, its rotation interval)."""
    changed = selectors.directory_changed_at(org)
    return max(changed, org.updated_at) if changed else org.updated_at


def request_file(
    org: Organization, version: PolicyVersion, *, kind: str, language: str, audience: str
) -> ExportFile:
    """The file for this key, without its bytes; its build is queued by the first request that
    finds none, however many ask at once (the key is unique: one insert wins)."""
    key = {
        "organization": org,
        "version": version,
        "kind": kind,
        "language": language,
        "audience": audience,
        "directory_stamp": directory_stamp(org),
        "made_on": timezone.localdate(),
    }
    files = ExportFile.objects.defer("data")
    row = files.filter(**key).first()  # the usual case, without a write lock
    if row is None:
        with transaction.atomic():
            # The job is queued in the same transaction: both are stored, or neither.
            row, created = files.get_or_create(**key, defaults={"queued_at": timezone.now()})
            if created:
                build_export.enqueue(row.pk)
        return row
    if row.status != ExportFile.Status.READY and row.queued_at <= timezone.now() - LEASE:
        _queue_again(row)
    return row


def _queue_again(row: ExportFile) -> None:
    now = timezone.now()
    with transaction.atomic():
        # Conditional on the old time: of the requests that find the lease over, one queues.
        claimed = ExportFile.objects.filter(pk=row.pk, queued_at=row.queued_at).update(
            queued_at=now, status=ExportFile.Status.PENDING
        )
        if claimed:
            build_export.enqueue(row.pk)
    row.queued_at, row.status = now, ExportFile.Status.PENDING


def data_of(row: ExportFile) -> bytes:
    # bytes(): PostgreSQL hands a binary column back as a memoryview.
    return bytes(ExportFile.objects.filter(pk=row.pk).values_list("data", flat=True).get())


@task()
def build_export(export_id: int) -> str:
    """Make one file and keep it (run by the job worker, `siyasa db_worker`)."""
    return build(export_id)


def build(export_id: int) -> str:
    row = (
        ExportFile.objects.select_related("organization", "version")
        .defer("data")
        .filter(pk=export_id)
        .first()
    )
    if row is None or row.status == ExportFile.Status.READY:
        return "skipped"  # superseded and deleted, or made by another worker
    try:
        data = _render(row)
    except exports.ExportUnavailable as error:
        ExportFile.objects.filter(pk=row.pk).update(
            status=ExportFile.Status.UNAVAILABLE, error=str(error)[:300]
        )
        return "unavailable"
    except Exception as error:
        # The job library records the traceback; the row says why it is still not ready.
        ExportFile.objects.filter(pk=row.pk).update(error=f"{type(error).__name__}: {error}"[:300])
        raise
    with transaction.atomic():
        stored = (
            ExportFile.objects.filter(pk=row.pk)
            .exclude(status=ExportFile.Status.READY)
            .update(
                status=ExportFile.Status.READY,
                data=data,
                digest=hashlib.sha256(data).hexdigest(),
                built_at=timezone.now(),
                error="",
            )
        )
        if stored:
            # Every file of an earlier state of the directory, or of an earlier day, is stale.
            ExportFile.objects.for_org(row.organization).filter(
                Q(directory_stamp__lt=row.directory_stamp) | Q(made_on__lt=row.made_on)
            ).delete()
    return "ready" if stored else "skipped"


def _render(row: ExportFile) -> bytes:
    rules = Rules.from_version(row.version)
    with translation.override(row.language):
        page = selectors.policy_page(
            row.organization, rules, audience=selectors.Audience(row.audience)
        )
    if row.kind == ExportFile.Kind.PDF:
        # The base address resolves nothing (only the shipped fonts are ever fetched).
        return exports.render_pdf(page, lang=row.language, base_url=f"{settings.SIYASA_BASE_URL}/")
    return exports.render_docx(page, lang=row.language)
