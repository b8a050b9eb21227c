"""The size limit of the import, enforced while the upload streams in."""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile


class UploadSizeLimit(FileUploadHandler):
    """Drops a file as soon as it passes `max_bytes`, instead of storing all of it.

    Put it first in request.upload_handlers before anything reads request.POST; the
    rest of an oversized file is read from the connection and thrown away, and
    `exceeded` tells the view to answer with a clear message.
    """

    def __init__(self, request=None, *, max_bytes: int):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.received = 0
        self.exceeded = False

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.max_bytes:
            self.exceeded = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size: int) -> None:
        # The handlers after this one build the uploaded file.
        return None
