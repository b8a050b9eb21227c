"""Session limits: a login ends after a spell without activity, and after a fixed time
however active it was."""

import time
from datetime import UTC, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext as _

from audit.models import EventKind
from audit.services import audit_record

SESSION_STARTED_KEY = "pct_session_started_at"
SESSION_SEEN_KEY = "pct_session_seen_at"
# Activity is written to the session at most this often, not on every request (each
# write is a database write). The recorded time can therefore lag the last request by
# up to this interval, so the idle check allows for it: a session busy more often than
# SESSION_IDLE_TIMEOUT never ends, and an idle one ends at most one interval later.
# A tenth of the idle limit keeps that lag small for short limits.
ACTIVITY_WRITE_INTERVAL = 60


def activity_write_interval() -> float:
    return min(ACTIVITY_WRITE_INTERVAL, settings.SESSION_IDLE_TIMEOUT / 10)


def _now() -> float:
    return time.time()


@receiver(user_logged_in, dispatch_uid="session_limits_start")
def start_session_clock(sender, request, user, **kwargs):
    # A new login starts the clock, even when the session carries over from before.
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SESSION_STARTED_KEY] = now
        request.session[SESSION_SEEN_KEY] = now


def _expiry_reason(session, now: float) -> str | None:
    started = session.get(SESSION_STARTED_KEY)
    seen = session.get(SESSION_SEEN_KEY)
    if started is None or seen is None:
        return None
    if now - started > settings.SESSION_COOKIE_AGE:
        return "absolute"
    if now - seen > settings.SESSION_IDLE_TIMEOUT + activity_write_interval():
        return "idle"
    return None


class SessionLimitsMiddleware:
    """Ends a login after SESSION_IDLE_TIMEOUT without activity, and SESSION_COOKIE_AGE
    after it began however active it was (activity never pushes that limit out).

    Goes after MessageMiddleware, so the login page can say why the person was logged
    out. Django's own expiry alone is not enough: every save of the session pushes it
    forward, so a busy session would never reach the absolute limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        response = self.get_response(request)
        if request.user.is_authenticated:
            self._cap_cookie(request)
        return response

    def _check(self, request) -> None:
        session = request.session
        now = _now()
        reason = _expiry_reason(session, now)
        if reason:
            audit_record(
                user=request.user, kind=EventKind.SESSION_EXPIRED, request=request, reason=reason
            )
            session.flush()
            request.user = AnonymousUser()
            messages.info(request, _("For your privacy you were logged out. Please log in again."))
            return
        if SESSION_STARTED_KEY not in session:
            # A login from before these limits existed: its clock starts now.
            session[SESSION_STARTED_KEY] = now
            session[SESSION_SEEN_KEY] = now
        elif now - session[SESSION_SEEN_KEY] >= activity_write_interval():
            session[SESSION_SEEN_KEY] = now

    def _cap_cookie(self, request) -> None:
        # Let the cookie and the stored session expire at the absolute limit too, unless
        # the person chose a cookie that ends when the browser closes.
        session = request.session
        started = session.get(SESSION_STARTED_KEY)
        if started is None or session.get_expire_at_browser_close():
            return
        deadline = datetime.fromtimestamp(started + settings.SESSION_COOKIE_AGE, tz=UTC)
        if session.get("_session_expiry") != deadline.isoformat():
            session.set_expiry(deadline)
