"""Keeps share-link tokens out of the server's logs.

The token is in the link's path (`/s/<token>/`), and paths are logged in more places
than anyone can list: Django's request log notes every 404 ("Not Found: /s/…"), its
CSRF check warns about a refused POST under `django.security.csrf`, runserver and
gunicorn log every request line, and a library may add its own. So the token is
replaced where every record is made (the log record factory) rather than on a list of
loggers or handlers: whichever logger, handler or pytest's caplog sees the record, it
sees `/s/[token]`.
"""

import logging
import re

# A share path's token: 16 or more URL-safe characters after "/s/" (ours are 43).
SHARE_TOKEN_IN_PATH = re.compile(r"/s/[A-Za-z0-9_-]{16,}")
REDACTED = "/s/[token]"


def redact(record: logging.LogRecord) -> logging.LogRecord:
    try:
        message = record.getMessage()
    except (TypeError, ValueError):
        # A record whose arguments do not fit its message: logging reports that itself
        # when a handler formats it; here the message is left as it came.
        return record
    redacted = SHARE_TOKEN_IN_PATH.sub(REDACTED, message)
    if redacted != message:
        # The arguments are merged in, so nothing downstream formats them again.
        record.msg, record.args = redacted, None
    return record


def redact_share_tokens_in_logs() -> None:
    """Wraps the current record factory once (idempotent: `ready()` may run twice)."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "redacts_share_tokens", False):
        return

    def redacting_factory(*args, **kwargs) -> logging.LogRecord:
        return redact(factory(*args, **kwargs))

    redacting_factory.redacts_share_tokens = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacting_factory)
