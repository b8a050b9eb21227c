from django.urls import path

from checkins import views

app_name = "checkins"

# No edit view on purpose: a check-in records how the last two weeks felt at the time.
urlpatterns = [
    path("", views.checkin_list, name="list"),
    path("new/", views.checkin_create, name="create"),
    path("support/", views.support, name="support"),
    path("<uuid:pk>/", views.checkin_detail, name="detail"),
    path("<uuid:pk>/delete/", views.checkin_delete, name="delete"),
]
