from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("accounts/", include("allauth.urls")),
    path("settings/security-log/", include("audit.urls")),
    path("settings/", include("accounts.urls")),
    path("", include("entries.urls")),
    path("", include("insights.urls")),
    path("checkins/", include("checkins.urls")),
    path("", include("sharing.urls")),
]

if settings.ADMIN_ENABLED:
    urlpatterns.append(path("admin/", admin.site.urls))
