from django.urls import path

from entries.views import entries, named, offline, portability, sync

PARTNERS = {"kind": named.PARTNERS}
TAGS = {"kind": named.TAGS}

app_name = "entries"

urlpatterns = [
    path("entries/", entries.entry_list, name="list"),
    path("entries/new/", entries.entry_create, name="create"),
    path("entries/sync/", sync.entry_sync, name="sync"),
    path("offline/log/", offline.offline_form, name="offline_form"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path("privacy/", offline.privacy, name="privacy"),
    path("entries/<uuid:pk>/", entries.entry_detail, name="detail"),
    path("entries/<uuid:pk>/edit/", entries.entry_update, name="update"),
    path("entries/<uuid:pk>/delete/", entries.entry_delete, name="delete"),
    path("entries/deleted/<uuid:pk>/undo/", entries.entry_undo_delete, name="undo_delete"),
    path("partners/", named.named_list, PARTNERS, name="partners"),
    path("partners/<uuid:pk>/", named.named_update, PARTNERS, name="partner_update"),
    path("partners/<uuid:pk>/delete/", named.named_delete, PARTNERS, name="partner_delete"),
    path("tags/", named.named_list, TAGS, name="tags"),
    path("tags/<uuid:pk>/", named.named_update, TAGS, name="tag_update"),
    path("tags/<uuid:pk>/delete/", named.named_delete, TAGS, name="tag_delete"),
    path("export/entries.csv", portability.export_csv, name="export_csv"),
    path("export/backup.json", portability.backup_json, name="backup_json"),
    path("import/", portability.backup_import, name="import"),
    path("import/confirm/", portability.import_confirm, name="import_confirm"),
    path("import/cancel/", portability.import_cancel, name="import_cancel"),
]
