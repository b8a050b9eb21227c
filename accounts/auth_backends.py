"""Authentication backends: who is logging in, and the logged-in person on every request.

allauth's backend alone checks passwords (username or email). Django's ModelBackend
stays listed for loading the user of a session, but authenticates nobody: with both
checking, a login hashed the password once in each, and twice in allauth's for an
email address (it tries the login as an email, then as a username, then the email
again). A real account then cost one or two hashes more than a made-up one, and the
difference (half a second with the production hasher) told anyone timing the login
form which accounts exist. Now every attempt costs exactly one hash: the account's
own, or allauth's stand-in for an unknown login, as ModelBackend does.
"""

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
    """Loads the user of a session; passwords are JournalAllauthBackend's job."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        return None

    def get_user(self, user_id):
        return _user_with_preferences(self, user_id)


class JournalAllauthBackend(AuthenticationBackend):
    """allauth's backend, hashing each account's password at most once per attempt."""

    def authenticate(self, request, **credentials):
        self._checked: dict = {}
        return super().authenticate(request, **credentials)

    def _check_password(self, user, password):
        # allauth may reach the same account twice in one attempt (the login as an
        # email address, then as the email credential): the first answer stands.
        if user is not None and user.pk in self._checked:
            self._did_check_password = True
            return self._checked[user.pk]
        result = super()._check_password(user, password)
        if user is not None:
            self._checked[user.pk] = result
        return result

    def get_user(self, user_id):
        return _user_with_preferences(self, user_id)
