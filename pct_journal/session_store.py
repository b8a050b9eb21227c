"""Sessions kept in the database and read through the cache (SESSION_ENGINE).

Django's cached_db engine saves a database query on every request, but it names the
cached copy after the session key itself: anyone who can list the keys of a shared
Redis would hold every live session cookie. Here the cached copy is named after a
SHA-256 of the session key, so the cache reveals no cookie. The database row stays the
truth, and every way a session ends (logout, expiry, "log out everywhere else",
account deletion) goes through delete() here, which removes both.

Django's class builds the cache name in several places (the cache_key property, and
`prefix + key` in exists() and delete()); each is overridden to use the digest.
"""

import hashlib
from typing import TYPE_CHECKING

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDBStore
from django.core.cache.backends.base import BaseCache

KEY_PREFIX = "session-sha256:"


def cache_name(session_key: str) -> str:
    return KEY_PREFIX + hashlib.sha256(session_key.encode()).hexdigest()


class SessionStore(CachedDBStore):
    # Django's private members this class builds on, which django-stubs leaves out.
    _cache: BaseCache
    if TYPE_CHECKING:

        def _get_or_create_session_key(self) -> str: ...
        async def _aget_or_create_session_key(self) -> str: ...

    @property
    def cache_key(self) -> str:
        return cache_name(self._get_or_create_session_key())

    async def acache_key(self) -> str:
        return cache_name(await self._aget_or_create_session_key())

    def exists(self, session_key) -> bool:
        if session_key and cache_name(session_key) in self._cache:
            return True
        return super(CachedDBStore, self).exists(session_key)

    async def aexists(self, session_key) -> bool:
        if session_key and await self._cache.ahas_key(cache_name(session_key)):
            return True
        return await super(CachedDBStore, self).aexists(session_key)

    def delete(self, session_key=None) -> None:
        session_key = session_key or self.session_key
        super(CachedDBStore, self).delete(session_key)
        if session_key:
            self._cache.delete(cache_name(session_key))

    async def adelete(self, session_key=None) -> None:
        session_key = session_key or self.session_key
        await super(CachedDBStore, self).adelete(session_key)
        if session_key:
            await self._cache.adelete(cache_name(session_key))
