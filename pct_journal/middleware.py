"""Response headers that protect every page."""

from django.utils.cache import add_never_cache_headers

# Features the app never uses; a page (or anything injected into one) cannot ask for them.
DENIED_FEATURES = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# Passkeys: the app's own pages may make and use them, a frame from elsewhere never.
PASSKEY_FEATURES = "publickey-credentials-create=(self), publickey-credentials-get=(self)"
PERMISSIONS_POLICY = f"{DENIED_FEATURES}, {PASSKEY_FEATURES}"


class SecurityHeadersMiddleware:
    """Adds Permissions-Policy to every response and keeps pages out of caches.

    Every response Django renders (static files are served before this runs) gets
    `Cache-Control: no-store`, unless the view chose its own Cache-Control: journal
    pages must not survive in a shared computer's browser cache or in a proxy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
