"""`siyasa serve [--addr HOST:PORT] [--workers N] [--web-only]`: the web server (gunicorn), the
job worker and the daily scheduler under one supervisor; Ctrl-C or SIGTERM stops them all."""

import os
import socket

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from siyasa.ops.supervisor import Child, Supervisor, siyasa_command, web_command


def default_workers() -> int:
    """gunicorn's advice, two per core and one more, kept small for a shared machine."""
    return min(2 * (os.cpu_count() or 1) + 1, 8)


def split_addr(addr: str) -> tuple[str, int]:
    host, _, port = addr.rpartition(":") if ":" in addr else ("127.0.0.1", ":", addr)
    try:
        return host.strip("[]") or "127.0.0.1", int(port)
    except ValueError:
        raise CommandError(f"--addr must be HOST:PORT or PORT, not {addr!r}") from None


class Command(BaseCommand):
    help = "Serve Siyasa: the web server, the job worker and the daily scheduler, supervised."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT to serve on.")
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="gunicorn worker processes (default: two per core and one, at most 8).",
        )
        parser.add_argument(
            "--web-only",
            action="store_true",
            help="Only the web server: run `siyasa worker` and `siyasa scheduler` elsewhere.",
        )

    def handle(self, *args, addr: str, workers: int, web_only: bool, **options):
        host, port = split_addr(addr)
        self._refuse_to_start(host, port, workers)
        bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        children = [Child("web", web_command(bind, workers))]
        if not web_only:
            children += [
                Child("worker", siyasa_command("worker")),
                Child("scheduler", siyasa_command("scheduler")),
            ]
        self.stdout.write(
            f"Serving on http://{bind}/ with {workers} web workers"
            + ("" if web_only else ", the job worker and the daily scheduler")
            + " (Ctrl-C stops)."
        )
        self.stdout.flush()
        supervisor = Supervisor(children, settings.DATA_DIR / "serve.pids", log=self._log)
        supervisor.run()
        self.stdout.write("Stopped.")

    def _log(self, line: str) -> None:
        self.stderr.write(f"siyasa serve: {line}")

    def _refuse_to_start(self, host: str, port: int, workers: int) -> None:
        """What would make a child fail at every restart is said once, before anything starts."""
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        try:
            settings.SECRET_KEY  # noqa: B018 - Django refuses an empty one when it is read
        except ImproperlyConfigured:
            raise CommandError("SECRET_KEY is not set (see the README's configuration).") from None
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "The database is not up to date: run `siyasa migrate` first (after a backup)."
            )
        connection.close()
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        with socket.socket(family) as probe:
            try:
                probe.bind((host, port))
            except OSError as error:
                raise CommandError(f"Cannot serve on {host}:{port}: {error.strerror}") from None
