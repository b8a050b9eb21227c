"""The derived cache's file backend (pct_journal/sealed_file_cache.py)."""

import os
import pickle
from pathlib import Path

import pytest
from django.core.cache.backends.filebased import FileBasedCache

from pct_journal.sealed_file_cache import SealedFileCache


@pytest.fixture
def cache(tmp_path):
    return SealedFileCache(str(tmp_path / "derived"), {"OPTIONS": {"MAX_ENTRIES": 50}})


def _files(cache) -> list[str]:
    return [name for name in os.listdir(cache._dir) if name.endswith(".djcache")]


def test_a_value_comes_back_as_it_was_stored(cache):
    sealed = os.urandom(4096)

    cache.set("chart", sealed, 60)

    assert cache.get("chart") == sealed
    assert cache.get("another") is None
    assert cache.get("another", "fallback") == "fallback"


def test_it_stores_the_value_without_compressing_it(cache):
    sealed = os.urandom(4096)
    cache.set("chart", sealed, 60)

    (name,) = _files(cache)
    content = (Path(cache._dir) / name).read_bytes()

    assert pickle.dumps(sealed, pickle.HIGHEST_PROTOCOL) in content


def test_an_expired_value_is_gone(cache):
    cache.set("chart", b"sealed", 60)
    cache.touch("chart", -1)

    assert cache.get("chart") is None


def test_touch_keeps_the_value_for_longer(cache):
    cache.set("chart", b"sealed", 1)

    assert cache.touch("chart", 3600) is True
    assert cache.get("chart") == b"sealed"
    assert cache.touch("missing", 3600) is False


def test_a_file_left_by_djangos_compressing_cache_reads_as_a_miss(tmp_path):
    location = str(tmp_path / "derived")
    FileBasedCache(location, {}).set("chart", b"sealed", 60)

    assert SealedFileCache(location, {}).get("chart") is None
