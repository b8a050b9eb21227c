"""Loading the logged-in person on every request, with their preferences in the same query."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def _user_with_preferences(backend: ModelBackend, user_id):
    # Every page needs the preferences (time zone, threshold, data version): one join
    # instead of a second query (accounts.middleware reads user.preferences).
    users = get_user_model()._default_manager.select_related("preferences")
    user = users.filter(pk=user_id).first()
    return user if user is not None and backend.user_can_authenticate(user) else None


class JournalModelBackend(ModelBackend):
    def get_user(self, user_id):
        return _user_with_preferences(self, user_id)


class JournalAllauthBackend(AuthenticationBackend):
    def get_user(self, user_id):
        return _user_with_preferences(self, user_id)
