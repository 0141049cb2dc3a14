"""`siyasa worker`: the job worker (django-tasks-db's `db_worker`, same options) with a heartbeat.

A thread beside the job loop records every 30 seconds that this worker is alive and what it sees
of the outbox (`mail.health.beat`). A thread, not a step of the loop, because the loop belongs
to the library and may spend a while in one job; a worker stuck in a job still shows, as e-mails
that wait too long. The pages and `/healthz` read the newest beat in one query.
"""

import logging
import threading

from django.db import connection
from django_tasks_db.management.commands import db_worker

from siyasa.mail import health
from siyasa.ops.supervisor import watch_parent

logger = logging.getLogger(__name__)


def keep_beating(worker_id: str, stop: threading.Event) -> None:
    while True:
        try:
            health.beat(worker_id)
        except Exception:
            # The database may be away for a moment; the next beat tries again.
            logger.exception("The worker's heartbeat could not be recorded")
            connection.close()
        if stop.wait(health.BEAT_EVERY.total_seconds()):
            connection.close()
            return


class Worker(db_worker.Worker):
    """The library's worker, except that a stop signal during the claim waits for the claim to end.

    The library exits from its signal handler whenever no job is running, which includes the claim
    transaction: a SIGTERM that lands in its COMMIT exits 1 and leaves the job claimed by a dead
    worker (django-tasks-db issue #61, open). Here the loop is told to stop instead; it finishes
    the claim, runs the job it claimed, and returns.
    """

    def shutdown(self, signum, frame) -> None:
        if self.running and not self.running_task and connection.in_atomic_block:
            self.running = False
            return
        super().shutdown(signum, frame)


class Command(db_worker.Command):
    help = "Run the job worker (e-mails, PDF and Word files) and record its heartbeat."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # Under a supervisor, a reloader would only get in the way of its signals.
        parser.set_defaults(reload=False)

    def handle(self, *args, **options):
        stop = threading.Event()
        beating = threading.Thread(
            target=keep_beating, args=(options["worker_id"], stop), name="heartbeat", daemon=True
        )
        beating.start()
        watch_parent()
        # `db_worker.Command.handle` builds the module's `Worker`; this process runs only ours.
        db_worker.Worker = Worker
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
            beating.join(timeout=10)
