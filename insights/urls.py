from django.urls import path

from insights.views import dashboard

app_name = "insights"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
]
