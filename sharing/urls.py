from django.urls import path

from sharing import views

app_name = "sharing"

urlpatterns = [
    path("share/", views.share_link_list, name="list"),
    path("share/new/", views.share_link_create_view, name="create"),
    path("share/<uuid:pk>/end/", views.share_link_revoke_view, name="revoke"),
    # The public page: no login, the token is the only key (see SECURITY.md).
    path("s/<str:token>/", views.shared_summary, name="view"),
    path("s/<str:token>/summary.pdf", views.shared_summary_pdf, name="view_pdf"),
]
