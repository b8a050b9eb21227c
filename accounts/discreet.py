"""Discreet mode that outlasts the login: a small cookie remembers it for the pages
shown to someone who is not logged in (the login page after a session ends, sign-up,
password reset), so their tab and header say "Journal" too.

The cookie holds "1" and nothing about the person; it is set or removed on a response
to a logged-in request, whenever it no longer matches their setting, and left alone
while nobody is logged in (logging out is exactly when it has to stay).
accounts/context_processors.py reads it.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

DISCREET_COOKIE = "discreet"
DISCREET_COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def discreet_cookie_set(request: HttpRequest) -> bool:
    return request.COOKIES.get(DISCREET_COOKIE) == "1"


def discreet_cookie_update(request: HttpRequest, response: HttpResponse) -> None:
    """Makes the cookie match the logged-in person's discreet mode."""
    user = getattr(request, "user", None)
    preferences = getattr(request, "preferences", None)
    if preferences is None or user is None or not user.is_authenticated:
        return
    if preferences.discreet_mode and not discreet_cookie_set(request):
        response.set_cookie(
            DISCREET_COOKIE,
            "1",
            max_age=DISCREET_COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    elif not preferences.discreet_mode and DISCREET_COOKIE in request.COOKIES:
        response.delete_cookie(DISCREET_COOKIE, samesite="Lax")


class DiscreetCookieMiddleware:
    """Goes after accounts.middleware.UserPreferencesMiddleware, which loads the
    preferences it reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        discreet_cookie_update(request, response)
        return response
