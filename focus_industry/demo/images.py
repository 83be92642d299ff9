"""Images drawn locally with Pillow, so the demo needs no downloads."""

import hashlib
import io
import math

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from focus_industry.editors.file_permissions import shared_collection

PALETTES = [
    ((11, 61, 92), (79, 143, 181), (247, 144, 9)),
    ((7, 42, 64), (46, 110, 142), (226, 232, 240)),
    ((38, 70, 83), (42, 157, 143), (233, 196, 106)),
    ((52, 58, 64), (108, 117, 125), (231, 111, 81)),
    ((20, 33, 61), (70, 96, 140), (252, 163, 17)),
    ((29, 53, 87), (69, 123, 157), (168, 218, 220)),
]


def draw_image(key, width=1600, height=900, motif="industry"):
    """A deterministic, abstract industrial landscape for `key` as JPEG bytes."""
    digest = hashlib.sha256(key.encode()).digest()
    dark, mid, accent = PALETTES[digest[0] % len(PALETTES)]
    image = PILImage.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        colour = tuple(int(dark[i] * (1 - t) + mid[i] * t) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    sun_x = int(width * (0.2 + (digest[1] / 255) * 0.6))
    draw.ellipse([sun_x - 90, 120, sun_x + 90, 300], fill=accent)
    # Hills
    for layer in range(3):
        base = int(height * (0.55 + layer * 0.12))
        shade = tuple(max(0, int(c * (0.8 - layer * 0.2))) for c in mid)
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            wave = math.sin((x / width) * math.pi * (2 + layer) + digest[2 + layer] / 40)
            points.append((x, base + int(wave * 40)))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    # Factory silhouettes: chimneys and halls, or stacked timber.
    ground = int(height * 0.78)
    x = int(width * 0.08)
    for i in range(5 + digest[5] % 4):
        hall_w = 120 + digest[(6 + i) % 32] % 140
        hall_h = 80 + digest[(10 + i) % 32] % 120
        if motif == "wood":
            for row in range(4):
                draw.rectangle([x, ground - (row + 1) * 28, x + hall_w, ground - row * 28 - 4], fill=(92, 64, 51))
        else:
            draw.rectangle([x, ground - hall_h, x + hall_w, ground], fill=(15, 23, 32))
            if i % 2 == 0:
                draw.rectangle([x + 20, ground - hall_h - 160, x + 44, ground - hall_h], fill=(15, 23, 32))
        x += hall_w + 30
        if x > width * 0.92:
            break
    draw.rectangle([0, ground, width, height], fill=tuple(int(c * 0.5) for c in dark))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def get_or_create_image(title, key=None, width=1600, height=900, motif="industry", collection=None):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_image(key or title, width, height, motif)
    slug = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:10]
    image = Image(title=title, width=width, height=height)
    # Shared images go where every role may choose them.
    image.collection = collection if collection is not None else shared_collection()
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{slug}.jpg")
    image.save()
    return image
