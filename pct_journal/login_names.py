"""Which account a login names: a username or one of the account's email addresses."""

from django.contrib.auth import get_user_model
from django.db.models import Q


def user_for_login(login: str):
    """The account `login` names (case does not matter), or None. The same lookup
    allauth's login does: the username, the account's email, or any of its addresses."""
    login = (login or "").strip()
    if not login:
        return None
    users = get_user_model().objects.filter(
        Q(username__iexact=login) | Q(email__iexact=login) | Q(emailaddress__email__iexact=login)
    )
    return users.distinct().order_by("pk").first()


def lockout_key(login: str) -> str:
    """What the login lockout counts wrong passwords against.

    The account, however it is named (username, any email address, any casing), so
    five guesses at one name leave none for another. A login that names no account is
    counted on its own, under the name as typed, and is locked the same way after the
    same number of guesses: the lockout looks the same whether the account exists.
    """
    user = user_for_login(login)
    if user is not None:
        return f"account:{user.pk}"
    return f"login:{(login or '').strip().lower()}"
