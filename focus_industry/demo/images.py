"""Pictures drawn locally with Pillow, so the demo needs no downloads.

Each picture shows its subject as a flat illustration: steel, paper, wood, people, digital tools,
energy, research, export, parts, circular flows, or the region's industrial landscape (the home page).
The subject sets the drawing and its colours; the key only varies the details, so two stories on
different subjects never look alike, and the same key always gives the same picture.
"""

import hashlib
import io
import math

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from focus_industry.editors.file_permissions import shared_collection

# Colours from the site's palette and a few of the subjects' own (rust, timber, forest, paper white).
INK, BRAND, BRAND_DARK, TINT = (27, 36, 48), (11, 61, 92), (7, 42, 64), (238, 243, 247)
ACCENT, GLOW, SKY, SEA = (181, 71, 8), (247, 144, 9), (196, 222, 238), (46, 110, 142)
TIMBER, BARK, FOREST, GRASS = (196, 140, 82), (120, 78, 44), (38, 86, 62), (120, 168, 110)
PAPER, CYAN, PLUM, STEEL = (250, 248, 242), (64, 196, 214), (88, 58, 110), (120, 132, 146)

# A picture for the subject of each action area (by its key): what a story in it is about.
AREA_MOTIFS = {
    "innovation": "people",
    "skills": "people",
    "internationalisation": "export",
    "low-carbon": "circular",
    "research": "research",
    "supply-chains": "parts",
}
# The generated stories' small pool: six more subjects, none of the demo stories' own.
POOL_MOTIFS = ("digital", "wood", "steel", "industry", "paper", "energy")


def subject_motif(motif, area_keys=()):
    """The story's own motif, or (when it names none more precise than "industry") its first area's."""
    if motif and motif != "industry":
        return motif
    for key in area_keys:
        if key in AREA_MOTIFS:
            return AREA_MOTIFS[key]
    return motif or "industry"


def _sky(draw, width, height, top, bottom, horizon=1.0):
    limit = int(height * horizon)
    for y in range(limit):
        t = y / max(1, limit)
        draw.line([(0, y), (width, y)], fill=tuple(int(top[i] * (1 - t) + bottom[i] * t) for i in range(3)))


def _steel(draw, w, h, d, s):
    _sky(draw, w, h, INK, BRAND_DARK)
    # A ladle pouring: a glowing stream into a mould, sparks around it.
    draw.polygon([(w * 0.18, h * 0.18), (w * 0.5, h * 0.18), (w * 0.45, h * 0.45), (w * 0.23, h * 0.45)], fill=STEEL)
    draw.rectangle([w * 0.42, h * 0.3, w * 0.46, h * 0.8], fill=GLOW)
    draw.rectangle([w * 0.3, h * 0.78, w * 0.8, h], fill=(52, 58, 64))
    draw.rectangle([w * 0.33, h * 0.8, w * 0.77, h * 0.86], fill=ACCENT)
    for i in range(28):
        x = w * 0.44 + math.cos(i + d[i % 32]) * (60 + d[(i + 3) % 32]) * s * 1.6
        y = h * 0.76 - abs(math.sin(i * 1.7)) * (40 + d[(i + 7) % 32] % 120) * s
        draw.ellipse([x - 5 * s, y - 5 * s, x + 5 * s, y + 5 * s], fill=GLOW)
    draw.rectangle([w * 0.82, h * 0.1, w * 0.9, h], fill=(52, 58, 64))


def _paper(draw, w, h, d, s):
    _sky(draw, w, h, TINT, SKY)
    # Paper rolls, seen from their ends, stacked on the floor.
    radius = 150 * s
    for row, count in ((0, 4), (1, 3)):
        for i in range(count):
            cx = w * 0.22 + i * radius * 2.05 + row * radius
            cy = h - radius - row * radius * 1.75
            draw.ellipse(
                [cx - radius, cy - radius, cx + radius, cy + radius], fill=PAPER, outline=STEEL, width=int(6 * s)
            )
            draw.ellipse([cx - radius * 0.22, cy - radius * 0.22, cx + radius * 0.22, cy + radius * 0.22], fill=BARK)
    draw.rectangle([0, h * 0.97, w, h], fill=BRAND)


def _wood(draw, w, h, d, s):
    _sky(draw, w, h, SKY, TINT, 0.5)
    draw.rectangle([0, h * 0.5, w, h], fill=FOREST)
    # Spruce tops behind a stack of logs, seen from their cut ends.
    for i in range(14):
        x = i * w / 13
        top = h * (0.18 + (d[i % 32] % 40) / 200)
        draw.polygon([(x - 70 * s, h * 0.52), (x, top), (x + 70 * s, h * 0.52)], fill=(28, 66, 48))
    r = 62 * s
    for row in range(4):
        for i in range(9 - row):
            cx = w * 0.14 + i * r * 2.05 + row * r
            cy = h * 0.9 - row * r * 1.8
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=TIMBER, outline=BARK, width=int(8 * s))
            draw.ellipse([cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3], outline=BARK, width=int(3 * s))


def _people(draw, w, h, d, s):
    draw.rectangle([0, 0, w, h], fill=(244, 226, 204))
    draw.rectangle([0, h * 0.78, w, h], fill=(214, 186, 160))
    # A workbench with a machine, and people around it in conversation.
    draw.rectangle([w * 0.36, h * 0.48, w * 0.66, h * 0.78], fill=BRAND)
    draw.rectangle([w * 0.4, h * 0.54, w * 0.5, h * 0.64], fill=SKY)
    for i, x in enumerate((0.16, 0.27, 0.76, 0.87)):
        cx, tall = w * x, (300 + d[i] % 60) * s
        colour = (ACCENT, BRAND_DARK, SEA, PLUM)[i]
        draw.rounded_rectangle(
            [cx - 70 * s, h * 0.78 - tall, cx + 70 * s, h * 0.78 + 40 * s], radius=60 * s, fill=colour
        )
        draw.ellipse(
            [cx - 48 * s, h * 0.78 - tall - 110 * s, cx + 48 * s, h * 0.78 - tall - 14 * s], fill=(150, 100, 70)
        )
    draw.rounded_rectangle([w * 0.3, h * 0.1, w * 0.7, h * 0.3], radius=40 * s, fill=PAPER)
    draw.polygon([(w * 0.4, h * 0.3), (w * 0.36, h * 0.38), (w * 0.46, h * 0.3)], fill=PAPER)


def _digital(draw, w, h, d, s):
    _sky(draw, w, h, BRAND_DARK, INK)
    # A circuit: traces and nodes over a grid, one large screen in the middle.
    for x in range(0, w, int(80 * s)):
        draw.line([(x, 0), (x, h)], fill=(20, 60, 84), width=1)
    for y in range(0, h, int(80 * s)):
        draw.line([(0, y), (w, y)], fill=(20, 60, 84), width=1)
    for i in range(16):
        y = int((i + 0.5) * h / 16)
        x1 = w * (0.05 + (d[i] % 30) / 100)
        x2 = w * (0.6 + (d[i + 8] % 35) / 100)
        draw.line([(x1, y), (x2, y)], fill=CYAN, width=int(5 * s))
        draw.ellipse([x2 - 12 * s, y - 12 * s, x2 + 12 * s, y + 12 * s], fill=CYAN)
    draw.rounded_rectangle(
        [w * 0.3, h * 0.25, w * 0.7, h * 0.72], radius=20 * s, fill=INK, outline=CYAN, width=int(8 * s)
    )
    for i in range(4):
        top = h * (0.62 - (d[i + 20] % 60) / 200)
        draw.rectangle([w * (0.36 + i * 0.08), top, w * (0.41 + i * 0.08), h * 0.66], fill=GLOW if i == 3 else CYAN)


def _energy(draw, w, h, d, s):
    _sky(draw, w, h, (120, 178, 214), TINT, 0.7)
    draw.rectangle([0, h * 0.7, w, h], fill=GRASS)
    # Wind turbines over a field of solar panels.
    for i, (x, tall) in enumerate(((0.2, 0.62), (0.48, 0.5), (0.78, 0.58))):
        cx, top = w * x, h * (0.72 - tall)
        draw.polygon(
            [(cx - 10 * s, h * 0.72), (cx - 4 * s, top), (cx + 4 * s, top), (cx + 10 * s, h * 0.72)], fill=PAPER
        )
        for blade in range(3):
            angle = blade * 2 * math.pi / 3 + d[i] / 40
            draw.line(
                [(cx, top), (cx + math.cos(angle) * 170 * s, top + math.sin(angle) * 170 * s)],
                fill=PAPER,
                width=int(14 * s),
            )
    for i in range(7):
        x = w * 0.05 + i * w * 0.135
        draw.polygon(
            [(x, h * 0.92), (x + w * 0.11, h * 0.92), (x + w * 0.09, h * 0.8), (x - w * 0.01, h * 0.8)], fill=BRAND
        )


def _research(draw, w, h, d, s):
    draw.rectangle([0, 0, w, h], fill=(236, 232, 244))
    # A flask and molecules: dark shapes on a light ground, the liquid in the accent colour.
    cx = w * 0.34
    draw.rectangle([cx - 45 * s, h * 0.12, cx + 45 * s, h * 0.42], fill=PLUM)
    draw.polygon(
        [(cx - 45 * s, h * 0.42), (cx + 45 * s, h * 0.42), (cx + 230 * s, h * 0.9), (cx - 230 * s, h * 0.9)], fill=PLUM
    )
    draw.polygon(
        [(cx - 150 * s, h * 0.7), (cx + 150 * s, h * 0.7), (cx + 205 * s, h * 0.86), (cx - 205 * s, h * 0.86)],
        fill=GLOW,
    )
    atoms = [(0.62, 0.3), (0.76, 0.22), (0.86, 0.42), (0.72, 0.56), (0.6, 0.7), (0.84, 0.74)]
    for (x1, y1), (x2, y2) in zip(atoms, atoms[1:], strict=False):
        draw.line([(w * x1, h * y1), (w * x2, h * y2)], fill=BRAND, width=int(12 * s))
    for i, (x, y) in enumerate(atoms):
        r = (40 + d[i] % 30) * s
        draw.ellipse([w * x - r, h * y - r, w * x + r, h * y + r], fill=(BRAND, SEA, ACCENT)[i % 3])


def _export(draw, w, h, d, s):
    _sky(draw, w, h, SKY, TINT, 0.6)
    draw.rectangle([0, h * 0.6, w, h], fill=SEA)
    # A cargo ship with containers, a crane on the quay.
    draw.polygon([(w * 0.08, h * 0.62), (w * 0.68, h * 0.62), (w * 0.62, h * 0.78), (w * 0.13, h * 0.78)], fill=INK)
    colours = (ACCENT, BRAND, GLOW, FOREST, PLUM)
    for row in range(3):
        for i in range(8 - row):
            x = w * 0.13 + i * w * 0.062 + row * w * 0.03
            y = h * 0.62 - (row + 1) * h * 0.075
            draw.rectangle([x, y, x + w * 0.058, y + h * 0.07], fill=colours[(i + row + d[i]) % len(colours)])
    draw.rectangle([w * 0.8, h * 0.12, w * 0.83, h * 0.62], fill=ACCENT)
    draw.rectangle([w * 0.58, h * 0.12, w * 0.95, h * 0.15], fill=ACCENT)
    draw.line([(w * 0.64, h * 0.15), (w * 0.64, h * 0.32)], fill=INK, width=int(4 * s))


def _parts(draw, w, h, d, s):
    draw.rectangle([0, 0, w, h], fill=(214, 222, 230))
    # Gears and bolts: the parts a machine cannot run without.
    for i, (x, y, r) in enumerate(((0.32, 0.52, 260), (0.64, 0.36, 170), (0.78, 0.74, 120))):
        cx, cy, r = w * x, h * y, r * s
        teeth = 10 + i * 2
        points = []
        for t in range(teeth * 2):
            angle = t * math.pi / teeth + d[i] / 50
            rr = r if t % 2 == 0 else r * 0.82
            points.append((cx + math.cos(angle) * rr, cy + math.sin(angle) * rr))
        draw.polygon(points, fill=(BRAND, STEEL, ACCENT)[i])
        draw.ellipse([cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3], fill=(214, 222, 230))
    for i in range(5):
        x = w * (0.06 + i * 0.035)
        draw.rectangle([x, h * 0.12, x + 14 * s, h * 0.3], fill=INK)
        draw.rectangle([x - 10 * s, h * 0.1, x + 24 * s, h * 0.14], fill=INK)


def _circular(draw, w, h, d, s):
    draw.rectangle([0, 0, w, h], fill=(226, 240, 230))
    # A closed loop of arrows around a leaf: materials used again, less carbon.
    cx, cy, r = w * 0.5, h * 0.5, 300 * s
    for part in range(3):
        start = part * 120 + 10
        draw.arc([cx - r, cy - r, cx + r, cy + r], start, start + 95, fill=FOREST, width=int(56 * s))
        angle = math.radians(start + 95)
        ahead = math.radians(start + 112)
        draw.polygon(
            [
                (cx + math.cos(angle) * (r - 70 * s), cy + math.sin(angle) * (r - 70 * s)),
                (cx + math.cos(angle) * (r + 70 * s), cy + math.sin(angle) * (r + 70 * s)),
                (cx + math.cos(ahead) * r, cy + math.sin(ahead) * r),
            ],
            fill=FOREST,
        )
    draw.ellipse([cx - 120 * s, cy - 70 * s, cx + 120 * s, cy + 70 * s], fill=GRASS)
    draw.line([(cx - 110 * s, cy), (cx + 110 * s, cy)], fill=FOREST, width=int(6 * s))


def _industry(draw, w, h, d, s):
    # The region's industrial landscape: hills, a river, halls and a paper mill's stacks, low sun.
    _sky(draw, w, h, (245, 214, 170), SKY, 0.62)
    # The sun stays near the middle: a hero crops the picture's sides.
    draw.ellipse([w * 0.52, h * 0.16, w * 0.52 + 150 * s, h * 0.16 + 150 * s], fill=GLOW)
    for layer, colour in enumerate(((92, 130, 112), FOREST)):
        base = h * (0.5 + layer * 0.1)
        points = [(0, h)]
        for x in range(0, w + 40, 40):
            points.append((x, base + math.sin((x / w) * math.pi * (2 + layer) + d[layer] / 40) * 30 * s))
        points.append((w, h))
        draw.polygon(points, fill=colour)
    draw.rectangle([0, h * 0.84, w, h], fill=SEA)
    x = w * 0.08
    for i in range(5):
        hall_w, hall_h = (140 + d[6 + i] % 120) * s, (90 + d[10 + i] % 110) * s
        draw.rectangle([x, h * 0.8 - hall_h, x + hall_w, h * 0.84], fill=BRAND_DARK)
        if i % 2 == 0:
            draw.rectangle([x + 20 * s, h * 0.8 - hall_h - 150 * s, x + 46 * s, h * 0.8 - hall_h], fill=BRAND_DARK)
        x += hall_w + 40 * s
        if x > w * 0.62:
            break


MOTIFS = {
    "steel": _steel,
    "paper": _paper,
    "wood": _wood,
    "people": _people,
    "digital": _digital,
    "energy": _energy,
    "research": _research,
    "export": _export,
    "parts": _parts,
    "circular": _circular,
    "industry": _industry,
}


def draw_image(key, width=1600, height=900, motif="industry"):
    """A deterministic illustration of `motif` (varied by `key`) as JPEG bytes."""
    digest = hashlib.sha256(key.encode()).digest()
    image = PILImage.new("RGB", (width, height), TINT)
    draw = ImageDraw.Draw(image)
    MOTIFS.get(motif, _industry)(draw, width, height, digest, width / 1600)
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
