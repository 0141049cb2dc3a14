"""CACHE_URL picks the cache an operator runs: the database by default, or one shared server."""

import pytest

from siyasa.core.cache_url import parse


def test_without_cache_url_the_cache_is_the_database_table():
    assert parse("") == {"BACKEND": "siyasa.core.cache.DatabaseCache", "LOCATION": "siyasa_cache"}
    assert parse("db://other_table")["LOCATION"] == "other_table"


def test_redis_memcached_and_local_memory_use_djangos_own_backends():
    assert parse("redis://cache.internal:6379/2") == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.internal:6379/2",
    }
    assert parse("memcached://a:11211,b:11211") == {
        "BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache",
        "LOCATION": ["a:11211", "b:11211"],
    }
    assert parse("locmem://")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


def test_an_unknown_scheme_stops_the_start_with_its_name():
    with pytest.raises(ValueError, match="'mongodb'"):
        parse("mongodb://x")
