"""The opaque mark a phone stores with each entry it keeps offline.

A queued entry or a draft must only ever reach the account that wrote it, even when
somebody else logs in on the same phone before it is sent. The phone cannot be given
the user's id (it would tell a stranger holding the phone whose journal this is), so it
gets this keyed hash of it instead: stable for one account, meaningless to anyone else.
"""

from django.contrib.auth.models import User
from django.utils.crypto import salted_hmac

OWNER_SALT = "accounts.offline_owner"


def offline_owner(user: User) -> str:
    if not user.is_authenticated:
        return ""
    return salted_hmac(OWNER_SALT, str(user.pk), algorithm="sha256").hexdigest()[:32]
