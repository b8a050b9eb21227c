"""Ending a user's sessions, wherever they are logged in."""

from importlib import import_module

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.utils import timezone


def sessions_end_all(*, user_id: int) -> int:
    """End every session of the user; returns how many ended.

    allauth tracks the sessions it logged in; the sweep over Django's session table
    also catches any it does not know about (a login from before usersessions was
    installed, or from a test client). Decoding every live session is linear in their
    number, which is fine for the rare moment an account is deleted.
    """
    ended = 0
    for user_session in UserSession.objects.filter(user_id=user_id):
        user_session.end()
        ended += 1
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        data = session.get_decoded()
        if data.get(SESSION_KEY) == str(user_id):
            # Through the session engine, so a cached copy goes too, not just the row.
            store(session_key=session.session_key).delete()
            ended += 1
    return ended
