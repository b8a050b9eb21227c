from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.preferences, name="settings"),
    path("delete-account/", views.account_delete, name="delete"),
]
