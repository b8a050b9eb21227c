from django.contrib.auth.models import User
from django.db.models import QuerySet

from audit.models import SecurityEvent

LOG_PAGE_SIZE = 100


def security_events_for(user: User, *, limit: int = LOG_PAGE_SIZE) -> QuerySet:
    return SecurityEvent.objects.filter(user=user)[:limit]
