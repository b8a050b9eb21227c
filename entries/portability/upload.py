"""The size limit of the import, enforced while the upload streams in."""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class UploadSizeLimit(FileUploadHandler):
    """Drops the upload as soon as the files of one request pass `max_bytes` together,
    instead of storing all of it.

    The count covers every file field of the request, not each file on its own: many
    files just under the limit add up to one request far over it. Put it first in
    request.upload_handlers before anything reads request.POST; the rest of an
    oversized upload is read from the connection and thrown away, and `exceeded` tells
    the view to answer with a clear message. (The view also refuses a request whose
    Content-Length is over the limit before reading any of it: see request_too_large.)
    """

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.exceeded = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        # The handlers after this one build the uploaded file.
        return None


# Room for what travels with the file: the multipart boundaries and headers, the CSRF
# token and the settings checkbox. A few kilobytes in practice.
FORM_OVERHEAD_BYTES = 64 * 1024


def request_too_large(request, *, max_bytes: int) -> bool:
    """True when the request says it is larger than `max_bytes` of files could make it."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > max_bytes + FORM_OVERHEAD_BYTES
