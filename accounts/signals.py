from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import Preferences


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def create_preferences(sender, instance, created, raw=False, **kwargs):
    # Every user has preferences, so user.preferences never needs a fallback.
    if created and not raw:
        Preferences.objects.get_or_create(user=instance)
