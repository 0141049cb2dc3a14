"""One consistent view of the database for a long read (an export, a backup's row counts)."""

import contextlib
import importlib.metadata
from collections.abc import Iterator

from django.db import connection, transaction


@contextlib.contextmanager
def read_snapshot() -> Iterator[None]:
    """A transaction in which every query sees the same committed state. SQLite gives it to any
    transaction (WAL); PostgreSQL's default isolation takes a new snapshot per statement, so the
    transaction asks for REPEATABLE READ, read-only, before its first query. Inside a transaction
    already begun (a test's), that transaction's own isolation applies."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def siyasa_version() -> str:
    try:
        return importlib.metadata.version("siyasa")
    except importlib.metadata.PackageNotFoundError:  # running from a source tree
        return "unknown"
