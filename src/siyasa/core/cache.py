"""The cache in the database, with an increment that two processes cannot both lose."""

from django.core.cache.backends import db
from django.db import connections, router, transaction


class DatabaseCache(db.DatabaseCache):
    """Django's database cache, whose `incr` (a read, then a write) runs in one transaction that
    holds the row: `SELECT … FOR UPDATE` on PostgreSQL; on SQLite the transaction takes the
    database's write lock as it begins (`transaction_mode` IMMEDIATE in settings). The rate
    limits count with it, so concurrent requests from one address are each counted."""

    def incr(self, key, delta=1, version=None):
        alias = router.db_for_write(self.cache_model_class)
        connection = connections[alias]
        with transaction.atomic(using=alias):
            if connection.features.has_select_for_update:
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"SELECT 1 FROM {connection.ops.quote_name(self._table)} "  # noqa: S608 - our table's name
                        "WHERE cache_key = %s FOR UPDATE",
                        [self.make_and_validate_key(key, version=version)],
                    )
            return super().incr(key, delta, version)
