"""Keeps share-link tokens out of the server's logs.

The token is in the link's path (`/s/<token>/`), and paths are logged: Django's request
log notes every 404 ("Not Found: /s/…"), runserver and gunicorn log every request line.
A filter on those loggers replaces the token before any handler sees the record.
"""

import logging
import re

# A share path's token: 16 or more URL-safe characters after "/s/" (ours are 43).
SHARE_TOKEN_IN_PATH = re.compile(r"/s/[A-Za-z0-9_-]{16,}")
REDACTED = "/s/[token]"
# Loggers that write request paths: Django's 4xx/5xx log, runserver's and gunicorn's.
PATH_LOGGERS = ("django.request", "django.server", "gunicorn.access", "gunicorn.error")


class RedactShareTokens(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = SHARE_TOKEN_IN_PATH.sub(REDACTED, message)
        if redacted != message:
            # The arguments are merged in, so nothing downstream formats them again.
            record.msg, record.args = redacted, None
        return True


def redact_share_tokens_in_logs() -> None:
    for name in PATH_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactShareTokens) for existing in logger.filters):
            logger.addFilter(RedactShareTokens())
