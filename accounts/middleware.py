import zoneinfo

from django.utils import timezone

from accounts.services import preferences_for


class UserPreferencesMiddleware:
    """Loads the signed-in user's preferences once per request and shows every time in
    their time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.preferences = None
        if request.user.is_authenticated:
            request.preferences = preferences_for(request.user)
            # The same object for code that reads user.preferences (the selectors), so
            # a page does not load the row a second time.
            request.user.preferences = request.preferences
            try:
                timezone.activate(zoneinfo.ZoneInfo(request.preferences.time_zone))
            except zoneinfo.ZoneInfoNotFoundError:
                timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
