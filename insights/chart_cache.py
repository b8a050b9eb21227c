"""Charts and their summaries are drawn once per user, chart, period and data version.

The key holds everything the result depends on: the user (so nothing of one user is ever
served to another), the chart, the period's dates, today's date (open-ended periods
end today) and `Preferences.data_version`, which every write to the journal, its
settings or its check-ins bumps. A change therefore never has to find and delete old
entries: new requests simply ask for a new key, and stale ones age out.
"""

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.cache import cache

from insights.selectors import DateRange

# Bump when a chart's drawing or wording changes, so a shared cache (Redis) that outlives
# a deploy does not keep serving the old pictures.
CHARTS_FORMAT = 1
# A day: a miss costs a fraction of a second, and nothing derived lingers for long.
TIMEOUT = 24 * 60 * 60

T = TypeVar("T")


def chart_cache_key(
    kind: str,
    *,
    user: AbstractBaseUser,
    data_version: int | str,
    name: str,
    dates: DateRange,
    today: dt.date,
) -> str:
    """`kind` says what is stored ("svg", "dashboard") under otherwise equal keys.
    `data_version` is Preferences.data_version, or a digest of the data itself for a
    chart that depends on less than the whole journal (the check-ins chart)."""
    # The id with the moment the account was made: even if a database restore or reset
    # handed an old id to a new account while a shared cache lived on, keys differ.
    owner = f"{user.pk}.{user.date_joined.timestamp():.6f}"
    return (
        f"charts:{CHARTS_FORMAT}:{kind}:user={owner}:v={data_version}:{name}"
        f":{dates.start}:{dates.end}:today={today}"
    )


def etag_for(key: str) -> str:
    """A quoted ETag that changes whenever the cache key does (and never reveals it)."""
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'


def cached(key: str, build: Callable[[], T]) -> T:
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
