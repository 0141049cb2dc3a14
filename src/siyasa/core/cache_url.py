"""Turns `CACHE_URL` into Django's `CACHES` entry: the database (default), local memory, Redis
or Memcached, all through backends that ship with Django."""

from urllib.parse import urlsplit

# The default: the database table a migration makes (core/migrations), shared by every process.
DATABASE_CACHE = {"BACKEND": "siyasa.core.cache.DatabaseCache", "LOCATION": "siyasa_cache"}


def parse(url: str) -> dict:
    """`""` or `db://[table]`, `locmem://[name]`, `redis://…` / `rediss://…` (the whole URL goes
    to redis-py), `memcached://host:port[,host:port…]` (pymemcache).

    Parsed here rather than with django-cache-url, whose `redis://` means the third-party
    django-redis backend and which has had no release since Django gained its own Redis backend.
    """
    if not url:
        return dict(DATABASE_CACHE)
    parts = urlsplit(url)
    name = parts.netloc + parts.path
    if parts.scheme == "db":
        return {**DATABASE_CACHE, "LOCATION": name.strip("/") or DATABASE_CACHE["LOCATION"]}
    if parts.scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
    if parts.scheme in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if parts.scheme == "memcached":
        return {
            "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
            "LOCATION": parts.netloc.split(","),
        }
    raise ValueError(f"CACHE_URL: unknown scheme {parts.scheme!r} (db, locmem, redis, memcached)")
