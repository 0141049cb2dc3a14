"""The database cache the rate limits count in: every increment counts, even at the same instant."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite's test database serialises every writer: the race needs PostgreSQL",
)
def test_concurrent_increments_are_all_counted(transactional_db):
    cache.set("requests", 0)
    start = threading.Barrier(8)

    def count(_):
        start.wait()
        try:
            for _ in range(25):
                cache.incr("requests")
        finally:
            connection.close()

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(count, range(8)))

    assert cache.get("requests") == 200
    cache.clear()  # committed: the flush after this test leaves the cache's table alone


def test_a_count_lives_in_the_database_table_made_by_migrate(db):
    assert cache.add("address", 1) and cache.incr("address") == 2
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM siyasa_cache")
        assert cursor.fetchone()[0] == 1
