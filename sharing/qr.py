"""The QR code of a new share link, drawn on the server as inline SVG (segno): a phone
shows it and the therapist's phone camera opens the link. Nothing is fetched from
anywhere, no image file is written, and inline <svg> is markup, not script or style,
so the Content-Security-Policy needs no change."""

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# "M" recovers from about 15% damage: enough for a screen with a glare or a crack,
# while a link of ~60 characters stays a small, easily scanned code.
ERROR_CORRECTION = "m"
LABEL = "QR code of the share link"


def share_link_qr(url: str) -> segno.QRCode:
    return segno.make(url, error=ERROR_CORRECTION, micro=False)


def share_link_qr_svg(url: str) -> SafeString:
    """Black on white whatever the colour mode (scanners expect dark modules on light),
    sized by CSS through its viewBox."""
    svg = share_link_qr(url).svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="share-qr"
    )
    # segno writes only path data and the attributes above; the label is escaped here.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(LABEL)}" ', 1))  # noqa: S308  # nosec B308 B703
