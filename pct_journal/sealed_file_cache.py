"""The file cache of derived data, without compression.

Everything in the "derived" cache is AES-GCM ciphertext (pct_journal.chart_cache), which
looks random and does not compress, so Django's FileBasedCache spent its zlib time for
nothing: for a journal of 20,000 entries, compressing the sealed entry frame and report
was a tenth of the time of the insights page. This stores the same pickled value
without zlib; everything else (expiry, culling, atomic writes) is Django's.
"""

# Django's own file cache format, read back only from files this app wrote.
import pickle  # nosec B403
from typing import TYPE_CHECKING, BinaryIO

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks


class SealedFileCache(FileBasedCache):
    if TYPE_CHECKING:  # Django's private helpers, which django-stubs leaves out

        def _key_to_file(self, key: str, version: int | None = None) -> str: ...
        def _is_expired(self, f: BinaryIO) -> bool: ...

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return self._read_value(file, default)
        except FileNotFoundError:
            pass
        return default

    def _read_value(self, file, default):
        try:
            return pickle.loads(file.read())  # noqa: S301  # nosec B301
        except Exception:
            # A damaged file, or one written by Django's own compressing backend, is a
            # miss: reading the cache never fails a request.
            return default

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        missing = object()
        try:
            with open(self._key_to_file(key, version), "r+b") as file:
                try:
                    locks.lock(file, locks.LOCK_EX)
                    if self._is_expired(file):
                        return False
                    value = self._read_value(file, missing)
                    if value is missing:
                        return False
                    file.seek(0)
                    self._write_content(file, timeout, value)
                    file.truncate()
                    return True
                finally:
                    locks.unlock(file)
        except FileNotFoundError:
            return False
