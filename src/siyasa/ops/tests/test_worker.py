"""`siyasa worker` stops cleanly when told to, even in the middle of claiming a job."""

import signal

import pytest
from django.db import transaction

from siyasa.ops.management.commands.worker import Worker


def make_worker() -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )


@pytest.mark.django_db(transaction=True)
def test_a_stop_signal_during_the_claim_lets_the_claim_commit_then_stops_the_loop():
    worker = make_worker()
    with transaction.atomic():
        worker.shutdown(signal.SIGTERM, None)  # exiting here would cut the COMMIT in two
    assert worker.running is False


@pytest.mark.django_db(transaction=True)
def test_a_stop_signal_while_waiting_exits_at_once_and_cleanly():
    worker = make_worker()
    with pytest.raises(SystemExit) as stopped:
        worker.shutdown(signal.SIGTERM, None)
    assert stopped.value.code == 0
