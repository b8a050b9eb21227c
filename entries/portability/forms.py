from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from entries.portability.imports import ReadImport, import_read
from entries.portability.spec import MAX_IMPORT_BYTES, BackupInvalid

MAX_IMPORT_MB = MAX_IMPORT_BYTES // (1024 * 1024)
TOO_LARGE = _(
    "This file is larger than %(mb)s MB, more than any journal backup should be. "
    "Check that you chose the backup.json file."
) % {"mb": MAX_IMPORT_MB}


class BackupImportForm(forms.Form):
    """The file to import: a backup, the journal's own CSV or Daylio's CSV. A valid form
    has read and checked the whole file (`read`); nothing is written yet."""

    backup = forms.FileField(
        label=_("File to import"),
        help_text=_(
            "The backup.json file from “Download a full backup”, the spreadsheet from "
            "“Download your entries as a spreadsheet”, or Daylio’s CSV export; at most %(mb)s MB."
        )
        % {"mb": MAX_IMPORT_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv,application/json,text/csv"}),
    )
    restore_preferences = forms.BooleanField(
        label=_("Also use the settings saved in a backup"),
        required=False,
        initial=True,
        help_text=_(
            "Time zone, episode threshold, discreet mode and check-ins. A spreadsheet "
            "holds no settings."
        ),
    )

    def __init__(self, *args, user: User | None = None, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.read: ReadImport | None = None
        if too_large:
            # The upload handler dropped the file, so the field sees no file at all.
            self.fields["backup"].error_messages["required"] = TOO_LARGE

    def clean_backup(self):
        upload = self.cleaned_data["backup"]
        # A second lock behind UploadSizeLimit: never read a file this large.
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(TOO_LARGE, code="too_large")
        return upload

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        upload = cleaned.get("backup")
        if upload is None or self.user is None:
            return cleaned
        try:
            self.read = import_read(
                user=self.user,
                raw=upload.read(),
                restore_preferences=cleaned.get("restore_preferences", False),
            )
        except BackupInvalid as invalid:
            self.add_error("backup", ValidationError(invalid.messages, code="invalid"))
        return cleaned
