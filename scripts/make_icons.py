"""Draw the app icons (PNG) that match static/icons/icon.svg. Run once after a change:
.venv/bin/python scripts/make_icons.py"""

from pathlib import Path

from PIL import Image, ImageDraw

ACCENT = (43, 104, 99)
PAPER = (247, 245, 242)
OUT = Path(__file__).resolve().parent.parent / "static" / "icons"


def draw(size: int, *, maskable: bool) -> Image.Image:
    scale = size / 64
    image = Image.new(
        "RGB" if maskable else "RGBA", (size, size), ACCENT if maskable else (0, 0, 0, 0)
    )
    pen = ImageDraw.Draw(image)
    if not maskable:
        pen.rounded_rectangle((0, 0, size - 1, size - 1), radius=int(14 * scale), fill=ACCENT)
    # Maskable icons keep their drawing inside the central safe zone (80%).
    inset = 0.8 if maskable else 1.0
    offset = size * (1 - inset) / 2

    def box(x0, y0, x1, y1):
        return (
            offset + x0 * scale * inset,
            offset + y0 * scale * inset,
            offset + x1 * scale * inset,
            offset + y1 * scale * inset,
        )

    pen.rounded_rectangle(box(20, 16, 46, 48), radius=int(5 * scale * inset), fill=PAPER)
    for y, length in ((24, 16), (31, 16), (38, 10)):
        pen.rounded_rectangle(
            box(24, y - 1.5, 24 + length, y + 1.5), radius=int(1.5 * scale), fill=ACCENT
        )
    return image


for size in (192, 512):
    draw(size, maskable=False).save(OUT / f"icon-{size}.png")
    draw(size, maskable=True).save(OUT / f"icon-maskable-{size}.png")
draw(180, maskable=True).save(OUT / "apple-touch-icon.png")
print("icons written to", OUT)
