"""The rendered policy page in force, kept in the cache under a key made of everything it shows."""

import datetime
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from siyasa.orgs.models import Organization
from siyasa.policy import selectors

log = logging.getLogger(__name__)

# A day at most: the members' page shows "overdue since" against today, so its key changes daily
# anyway, and an entry nobody asks for again leaves a shared cache by itself.
TIMEOUT = 24 * 60 * 60

T = TypeVar("T")


def _release() -> str:
    """The code, templates and compiled catalogues this process renders with: after an upgrade, a
    cache that outlives the processes (the database, Redis) never hands out the old markup, words
    or shape of an entry."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(
        [
            *root.glob("**/*.py"),
            *root.glob("*/templates/**/*.html"),
            *root.glob("locale/*/LC_MESSAGES/*.mo"),
        ]
    )
    stamp = "|".join(
        f"{f.relative_to(root)}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files
    )
    return hashlib.sha256(stamp.encode()).hexdigest()[:12]


RELEASE = _release()


def key(
    org: Organization,
    audience: selectors.Audience,
    today: datetime.date | None = None,
    *,
    requirement_ids: bool = False,
) -> str:
    """Changes whenever anything the page shows may change, from the organisation row alone (which
    the door to the organisation has read already): no query of its own.

    `org.updated_at` moves with the organisation itself and with every write to a live part of
    the directory and every publication (`orgs.rows.touch`, in the write's transaction); the day
    brings a version dated for it into force and moves rotation "overdue since". Then the
    language, the audience (so the public is never handed the members' rendering), whether the
    reader is shown the requirement ids (`permissions.can_read_requirement_ids`) and the release
    of the templates and catalogues."""
    parts = [
        RELEASE,
        str(org.pk),
        str(org.updated_at),
        get_language(),
        str(audience),
        "ids" if requirement_ids else "",
        str(today or timezone.localdate()),
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:40]


# What a key holds never changes (the key is made of everything the page shows), so each process
# may keep the latest few in memory in front of the shared cache without ever serving a stale page:
# a hit then costs no round trip and no unpickling of a page of a few hundred kilobytes.
LOCAL_ENTRIES = 32
_local: OrderedDict[str, object] = OrderedDict()
_local_lock = threading.Lock()


def fetch(page_key: str, kind: str, make: Callable[[], T]) -> T:
    """The value stored as `kind` under `page_key`, made and stored on a miss (unless `make`
    gives None: nothing to keep). With the cache switched off (`SIYASA_PAGE_CACHE`) or
    unreachable, the page is made as if there were none: a Redis outage slows the policy page
    down, it does not take it away."""
    if not settings.SIYASA_PAGE_CACHE:
        return make()
    name = f"policy-page:{kind}:{page_key}"
    with _local_lock:
        if name in _local:
            _local.move_to_end(name)
            return _local[name]  # type: ignore[return-value]
    try:
        value = cache.get(name)
    except Exception:  # noqa: BLE001 - any backend's failure; the page is made without it
        log.warning("page cache unreachable; rendering the policy page", exc_info=True)
        return make()
    if value is None:
        value = make()
        kept = value is not None
        if not kept:
            return value  # nothing to keep
        try:
            cache.set(name, value, TIMEOUT)
        except Exception:  # noqa: BLE001
            log.warning("page cache unreachable; not storing the policy page", exc_info=True)
    with _local_lock:
        _local[name] = value
        if len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)
    return value


def forget() -> None:
    """Drop this process's copies (the tests, whose ids and frozen clocks repeat)."""
    with _local_lock:
        _local.clear()
