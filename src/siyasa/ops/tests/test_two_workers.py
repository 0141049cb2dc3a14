"""Several job workers on one PostgreSQL never send an e-mail twice."""

import collections
import os
import signal
import subprocess
import sys
import time

import pytest
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from siyasa.mail import jobs, outbox
from siyasa.mail.models import Message, WorkerHeartbeat

COUNT = 30


def build(n: int) -> EmailMessage:
    # Each e-mail takes a moment to build, as real ones do, so that while one worker is busy the
    # other claims the next job: on a loaded machine a worker that is never busy takes them all.
    time.sleep(0.05)
    return EmailMessage(f"Message {n}", "body", to=[f"person{n}@example.org"])


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="several workers on one database is what PostgreSQL deployments do",
)
def test_two_workers_on_one_postgresql_send_every_message_once(smtp, settings):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SIYASA_", "DJANGO_"))
    } | {
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "two-workers",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(settings.EMAIL_PORT),
    }
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "siyasa", "worker", "--interval", "0.1", "-v0"], env=env
        )
        for _ in range(2)
    ]
    try:
        # Both workers running before anything is queued, so they compete for every row.
        wait(lambda: WorkerHeartbeat.objects.count() == 2, "both workers to start")
        with transaction.atomic():
            messages = [
                outbox.queue_message(
                    kind="test",
                    to=f"person{n}@example.org",
                    build=f"{__name__}.build",
                    params={"n": n},
                )
                for n in range(COUNT)
            ]
        # A second job for every e-mail, so both workers reach for the same rows at once.
        for message in messages:
            jobs.enqueue_message(message.pk)
        wait(
            lambda: not Message.objects.exclude(status=Message.Status.SENT).exists(),
            "every message to be sent",
        )
        shares = collections.Counter(
            worker
            for ids in DBTaskResult.objects.values_list("worker_ids", flat=True)
            for worker in ids
        )
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            assert worker.wait(timeout=30) == 0

    subjects = collections.Counter(m["Subject"] for m in smtp.messages)
    assert subjects == {f"Message {n}": 1 for n in range(COUNT)}
    assert len({m["Message-ID"] for m in smtp.messages}) == COUNT
    # Both took part (each ran some of the jobs, which came in pairs for the same rows).
    print("jobs per worker:", dict(shares))
    assert len(shares) == 2


def wait(condition, what: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.2)
