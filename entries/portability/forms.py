from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from entries.portability.spec import MAX_IMPORT_BYTES, BackupInvalid
from entries.portability.validate import load_backup_json

MAX_IMPORT_MB = MAX_IMPORT_BYTES // (1024 * 1024)
TOO_LARGE = _(
    "This file is larger than %(mb)s MB, more than any journal backup should be. "
    "Check that you chose the backup.json file."
) % {"mb": MAX_IMPORT_MB}


class BackupImportForm(forms.Form):
    backup = forms.FileField(
        label=_("Backup file"),
        help_text=_("The backup.json file from “Download a full backup”, at most %(mb)s MB.")
        % {"mb": MAX_IMPORT_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )
    restore_preferences = forms.BooleanField(
        label=_("Also use the settings saved in the file"),
        required=False,
        initial=True,
        help_text=_("Time zone, episode threshold, discreet mode and check-ins."),
    )

    def __init__(self, *args, too_large: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.document: object = None
        if too_large:
            # The upload handler dropped the file, so the field sees no file at all.
            self.fields["backup"].error_messages["required"] = TOO_LARGE

    def clean_backup(self):
        upload = self.cleaned_data["backup"]
        # A second lock behind UploadSizeLimit: never read a file this large.
        if upload.size > MAX_IMPORT_BYTES:
            raise ValidationError(TOO_LARGE, code="too_large")
        try:
            self.document = load_backup_json(upload.read())
        except BackupInvalid as invalid:
            raise ValidationError(invalid.messages, code="not_json") from None
        return upload
