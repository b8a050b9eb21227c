"""The request a signed-in person's view receives, for the type checker.

`login_required` (or a check of `is_authenticated`) guarantees a `User`, and
accounts.middleware.UserPreferencesMiddleware attaches their preferences. A view
annotated with this type may use both without narrowing them again; at run time it
is the same HttpRequest.
"""

from django.contrib.auth.models import User
from django.http import HttpRequest

from accounts.models import Preferences


class AuthenticatedHttpRequest(HttpRequest):
    user: User
    preferences: Preferences
