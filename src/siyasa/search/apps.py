from django.apps import AppConfig
from django.db.backends.signals import connection_created

from siyasa.core.arabic import normalise


def _normalise_or_null(text):
    return None if text is None else normalise(str(text))


def register_sqlite_normalise(sender, connection, **kwargs) -> None:
    """SQLite has no `translate()`: give each new connection `siyasa_normalise(text)`, the same
    Python function the query goes through, so a search filters in the database there too."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "siyasa_normalise", 1, _normalise_or_null, deterministic=True
        )


class SearchConfig(AppConfig):
    name = "siyasa.search"

    def ready(self) -> None:
        connection_created.connect(register_sqlite_normalise)
