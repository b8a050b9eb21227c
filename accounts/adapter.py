from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        # DJANGO_ALLOW_SIGNUP=False closes sign-up on a single-person install.
        return settings.ALLOW_SIGNUP
