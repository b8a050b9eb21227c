import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from accounts.models import Preferences
from accounts.services import preferences_for


def _preferences_of(user) -> Preferences:
    # accounts.auth_backends loads them with the user, in the same query; a person
    # without a row yet (or a user loaded another way) gets one read or made here.
    if get_user_model().preferences.is_cached(user):
        try:
            return user.preferences
        except Preferences.DoesNotExist:
            pass
    return preferences_for(user)


class UserPreferencesMiddleware:
    """Loads the signed-in user's preferences once per request and shows every time in
    their time zone, in their language if they chose one (over the browser's)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.preferences = None
        if request.user.is_authenticated:
            request.preferences = _preferences_of(request.user)
            # The same object for code that reads user.preferences (the selectors), so
            # a page does not load the row a second time.
            request.user.preferences = request.preferences
            try:
                timezone.activate(zoneinfo.ZoneInfo(request.preferences.time_zone))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
            # LocaleMiddleware has already picked the cookie's or the browser's language;
            # the person's own setting wins. Left active after the response, so that
            # LocaleMiddleware's Content-Language header says the same.
            if request.preferences.language:
                translation.activate(request.preferences.language)
                request.LANGUAGE_CODE = translation.get_language()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
