"""Exports are artefacts, not requests: each file is built once by the job worker, stored, and
served with its ETag; a request for one not built yet is told to wait, never kept waiting."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import sign_in
from siyasa.orgs.models import Membership, Person
from siyasa.orgs.rows import touch
from siyasa.policy import exports
from siyasa.policy.models import ExportFile
from siyasa.policy.services import publish_version
from siyasa.policy.tests.public_org import docx_text, leaks, pdf_text

REFRESH = '<meta http-equiv="refresh" content="5">'


def url(org, kind="pdf", lang="ar", query=""):
    return f"/{lang}/o/{org.slug}/policy/{kind}/{query}"


def build_jobs():
    return DBTaskResult.objects.filter(task_path__endswith="build_export")


def owner_client(public_org) -> Client:
    client = Client()
    sign_in(client, public_org.owner)
    return client


@pytest.fixture
def builds():
    """Counts the files made, wherever they are made; none may be made in a web request."""
    with (
        mock.patch.object(exports, "render_pdf", wraps=exports.render_pdf) as pdf,
        mock.patch.object(exports, "render_docx", wraps=exports.render_docx) as word,
    ):
        yield lambda: pdf.call_count + word.call_count


def test_a_first_request_is_told_the_file_is_being_prepared_and_queues_one_build(
    public_org, builds
):
    client = Client()

    answers = [client.get(url(public_org.org)) for _ in range(3)]

    for response in answers:
        assert response.status_code == 202
        html = response.content.decode()
        assert REFRESH in html and "يُجهَّز" in html  # "being prepared", in Arabic
    assert builds() == 0  # no web request built it
    assert build_jobs().count() == 1
    assert ExportFile.objects.for_org(public_org.org).count() == 1


def test_the_page_says_it_in_english_too(public_org):
    html = Client().get(url(public_org.org, "docx", "en")).content.decode()
    assert "Your Word document is being prepared" in html and REFRESH in html


def test_once_built_the_file_is_served_with_its_etag_and_never_rebuilt(
    public_org, builds, run_worker
):
    client = Client()
    assert client.get(url(public_org.org)).status_code == 202
    run_worker()
    assert builds() == 1

    first = client.get(url(public_org.org))
    again = client.get(url(public_org.org))

    assert first.status_code == 200 and first.content.startswith(b"%PDF")
    assert first["Content-Type"] == "application/pdf"
    assert 'filename="nada-social-media-policy-v1-ar.pdf"' in first["Content-Disposition"]
    assert first["ETag"] and again["ETag"] == first["ETag"]
    assert again.content == first.content
    assert builds() == 1 and build_jobs().count() == 1
    revalidated = client.get(url(public_org.org), HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304 and revalidated.content == b""


def test_a_change_of_the_directory_makes_a_new_file_and_drops_the_old(public_org, run_worker):
    client = Client()
    client.get(url(public_org.org))
    run_worker()
    old = client.get(url(public_org.org))["ETag"]

    # Someone edits the directory, as the registry's forms do.
    Person.objects.filter(organization=public_org.org, name_en="Hala Speaker").update(
        job_title="Spokesperson"
    )
    touch(public_org.org, "roles")
    assert client.get(url(public_org.org)).status_code == 202
    run_worker()

    fresh = client.get(url(public_org.org))
    assert fresh.status_code == 200 and fresh["ETag"] != old
    assert ExportFile.objects.for_org(public_org.org).count() == 1
    assert build_jobs().count() == 2


def test_a_new_version_makes_a_new_file(public_org, run_worker):
    client = Client()
    client.get(url(public_org.org, "docx"))
    run_worker()
    publish_version(
        membership=Membership.objects.get(user=public_org.owner),
        summary="Second",
        kind="editorial",
        effective_on=timezone.localdate(),
    )

    assert client.get(url(public_org.org, "docx")).status_code == 202
    run_worker()

    response = client.get(url(public_org.org, "docx"))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert "-v2-ar.docx" in response["Content-Disposition"]


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_the_public_file_shows_no_private_field_and_members_get_theirs(
    public_org, run_worker, kind
):
    anonymous, owner = Client(), owner_client(public_org)
    anonymous.get(url(public_org.org, kind, "en"))
    owner.get(url(public_org.org, kind, "en"))
    run_worker()

    public = anonymous.get(url(public_org.org, kind, "en")).content
    members = owner.get(url(public_org.org, kind, "en")).content

    read = pdf_text if kind == "pdf" else docx_text
    assert leaks(read(public), public_org.private) == []
    vault = ["Team vault › Social › Nada X"]
    assert leaks(read(members), vault) == vault  # (a table cell may wrap it)
    assert ExportFile.objects.for_org(public_org.org).count() == 2  # one per audience


def test_an_owner_downloads_the_public_file_from_the_preview(public_org, run_worker):
    owner = owner_client(public_org)
    owner.get(url(public_org.org, "docx", "en", "?as=public"))
    run_worker()

    data = owner.get(url(public_org.org, "docx", "en", "?as=public")).content

    assert leaks(docx_text(data), public_org.private) == []


def test_a_file_left_unbuilt_is_queued_again_after_a_while(public_org):
    client = Client()
    morning = timezone.make_aware(datetime.datetime(2030, 3, 1, 9, 0))  # one day throughout
    with time_machine.travel(morning, tick=False):
        client.get(url(public_org.org))
    with time_machine.travel(morning + datetime.timedelta(minutes=11), tick=False):
        assert client.get(url(public_org.org)).status_code == 202
        assert client.get(url(public_org.org)).status_code == 202
    assert build_jobs().count() == 2  # the worker may have died: once more, not once a request
    assert ExportFile.objects.for_org(public_org.org).count() == 1


def test_export_requests_are_limited_per_address(public_org, settings):
    settings.SIYASA_EXPORT_RATE = "3/m"
    client = Client()
    for kind in ("pdf", "docx", "pdf"):
        assert client.get(url(public_org.org, kind)).status_code == 202

    refused = client.get(url(public_org.org, "docx"))

    assert refused.status_code == 429
    assert "طلبات كثيرة" in refused.content.decode()  # "too many requests", in Arabic
    english = client.get(url(public_org.org, "pdf", "en"))
    assert english.status_code == 429 and "Too many requests" in english.content.decode()
    elsewhere = Client(REMOTE_ADDR="192.0.2.7").get(url(public_org.org))
    assert elsewhere.status_code == 202


def test_an_organisation_made_in_the_product_gets_its_file(public_org, run_worker):
    # `public_org` is made with create_organization, as on the /new/ page.
    Person.objects.filter(organization=public_org.org, name_en="Hala Speaker").update(
        job_title="Spokesperson"
    )
    client = Client()
    client.get(url(public_org.org, "pdf", "en"))
    run_worker()
    text = pdf_text(client.get(url(public_org.org, "pdf", "en")).content)
    assert "Hala Speaker" in text and "Spokesperson" in text


ON_POSTGRESQL = pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite's test database serialises every writer: the race needs PostgreSQL",
)


@ON_POSTGRESQL
def test_concurrent_first_requests_queue_one_build(committed, public_org):
    start = threading.Barrier(8)

    def ask(_):
        start.wait()
        try:
            return Client().get(url(public_org.org)).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(ask, range(8)))

    assert statuses == [202] * 8
    assert build_jobs().count() == 1
    assert ExportFile.objects.for_org(public_org.org).count() == 1
