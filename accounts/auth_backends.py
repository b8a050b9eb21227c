"""Loading the logged-in person on every request, with their preferences in the same query."""

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def _user_with_preferences(backend: ModelBackend, user_id):
    # Every page needs the preferences (time zone, threshold, data version): one join
    # instead of a second query (accounts.middleware reads user.preferences).
    # get() rather than first(): first() orders by the key, which every request then
    # compiled into its SQL for nothing.
    model = get_user_model()
    try:
        user = model._default_manager.select_related("preferences").get(pk=user_id)
    except model.DoesNotExist:
        return None
    return user if backend.user_can_authenticate(user) else None


class JournalModelBackend(ModelBackend):
    def get_user(self, user_id):
        return _user_with_preferences(self, user_id)


class JournalAllauthBackend(AuthenticationBackend):
    def get_user(self, user_id):
        return _user_with_preferences(self, user_id)
