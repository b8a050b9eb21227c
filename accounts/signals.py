from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation

from accounts.models import Preferences


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_preferences(sender, instance, created, raw=False, **kwargs):
    # Every user has preferences, so user.preferences never needs a fallback.
    if created and not raw:
        Preferences.objects.get_or_create(user=instance)


@receiver(user_logged_in)
def language_at_login(sender, request, user, **kwargs):
    # The rest of the login request (allauth's "You are logged in." note, made now and
    # shown on the next page) is in the person's own language, not the browser's; from
    # the next request on, accounts.middleware activates it.
    language = Preferences.objects.filter(user=user).values_list("language", flat=True).first()
    if language and request is not None:
        translation.activate(language)
        request.LANGUAGE_CODE = language
