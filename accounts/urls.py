from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.preferences, name="settings"),
    path("delete-account/", views.account_delete, name="delete"),
    path("time-zone/", views.time_zone_answer, name="time_zone_answer"),
    path("language/", views.language_set, name="language"),
]
