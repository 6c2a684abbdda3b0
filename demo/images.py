"""Pictures for the demo shop, drawn with Pillow in memory.

Nothing is downloaded and no system font is assumed: a fresh machine may have no
CJK font at all, so pictures carry shapes and ASCII text only, set in Pillow's
built-in scalable font. Each function returns PNG bytes; the loader wraps them in
Wagtail images.
"""

import math
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

WHITE = (255, 255, 255)
INK = (34, 40, 49)
MUTED = (120, 128, 140)
LINE = (222, 226, 232)
PAPER = (248, 249, 251)

_fonts: dict[int, ImageFont.FreeTypeFont] = {}


def font(size: int):
    """Pillow's embedded font at ``size`` pixels, cached (loading it is the slow part)."""
    if size not in _fonts:
        _fonts[size] = ImageFont.load_default(size=size)
    return _fonts[size]


def hex_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def mix(a, b, share: float) -> tuple[int, int, int]:
    """``share`` of colour ``b`` blended into colour ``a``."""
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def png_bytes(image: Image.Image) -> bytes:
    buffer = BytesIO()
    image.save(buffer, "PNG", compress_level=6)
    return buffer.getvalue()


def _canvas(size, colour=WHITE):
    image = Image.new("RGB", size, colour)
    return image, ImageDraw.Draw(image)


def gradient(size, start, end, horizontal=False) -> Image.Image:
    """A linear gradient, drawn as a 1-pixel strip and stretched (fast)."""
    steps = size[0] if horizontal else size[1]
    strip = Image.new("RGB", (steps, 1) if horizontal else (1, steps))
    strip.putdata([mix(start, end, i / max(steps - 1, 1)) for i in range(steps)])
    return strip.resize(size)


def _text_centered(draw, centre, text, size, fill):
    draw.text(centre, text, font=font(size), fill=fill, anchor="mm")


def _wrap(text: str, size: int, width: int) -> list[str]:
    """Greedy word wrap measured in pixels of the built-in font."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and font(size).getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current] if current else lines


def _polygon(centre, radius, sides, rotation=0.0):
    cx, cy = centre
    return [
        (
            cx + radius * math.cos(rotation + 2 * math.pi * i / sides),
            cy + radius * math.sin(rotation + 2 * math.pi * i / sides),
        )
        for i in range(sides)
    ]


def _leaf(centre, radius, tilt=-math.pi / 4):
    """A leaf outline: two arcs meeting at the tips, tilted up to the right."""
    cx, cy = centre
    outline = [
        (-radius + 2 * radius * t / 20, 0.5 * radius * math.sin(math.pi * t / 20))
        for t in range(21)
    ]
    outline += [(x, -y) for x, y in reversed(outline)]
    cos, sin = math.cos(tilt), math.sin(tilt)
    return [(cx + x * cos - y * sin, cy + x * sin + y * cos) for x, y in outline]


def _mark(draw, shape: str, centre, radius, colour, accent):
    """A simple geometric brand mark; each brand uses a different one."""
    cx, cy = centre
    box = (cx - radius, cy - radius, cx + radius, cy + radius)
    if shape == "circle":
        draw.ellipse(box, fill=colour)
        draw.arc(box, 200, 340, fill=accent, width=max(radius // 8, 4))
    elif shape == "hexagon":
        draw.polygon(_polygon(centre, radius, 6, math.pi / 6), fill=colour)
    elif shape == "diamond":
        draw.polygon(_polygon(centre, radius, 4), fill=colour)
        draw.polygon(_polygon((cx, cy - radius * 0.78), radius * 0.2, 4), fill=accent)
    elif shape == "leaf":
        draw.polygon(_leaf(centre, radius), fill=colour)
        draw.line(
            (cx + radius * 0.62, cy - radius * 0.62, cx + radius * 0.95, cy - radius * 0.95),
            fill=accent,
            width=12,
        )
    elif shape == "triangle":
        draw.polygon(
            _polygon((cx, cy + radius * 0.15), radius * 1.1, 3, -math.pi / 2), fill=colour
        )
    elif shape == "rounded":
        draw.rounded_rectangle(box, radius=radius // 3, fill=colour)
        draw.rounded_rectangle(
            (cx - radius * 0.7, cy + radius * 0.55, cx + radius * 0.7, cy + radius * 0.7),
            radius=6,
            fill=accent,
        )
    elif shape == "ring":
        draw.ellipse(box, outline=colour, width=max(radius // 5, 8))
        draw.ellipse(
            (cx - radius * 0.62, cy - radius * 0.62, cx + radius * 0.62, cy + radius * 0.62),
            fill=colour,
        )
        draw.ellipse(
            (cx + radius * 0.6, cy - radius * 0.95, cx + radius * 0.95, cy - radius * 0.6),
            fill=accent,
        )
    else:  # "star"
        points = []
        for i in range(10):
            r = radius if i % 2 == 0 else radius * 0.48
            angle = -math.pi / 2 + math.pi * i / 5
            points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
        draw.polygon(points, fill=colour)


def draw_logo(*, name: str, initials: str, shape: str, colour: str, accent: str) -> bytes:
    """A square brand logo: a coloured mark with the initials and the Latin name under it."""
    main, second = hex_rgb(colour), hex_rgb(accent)
    image, draw = _canvas((480, 480), mix(WHITE, main, 0.06))
    _mark(draw, shape, (240, 200), 130, main, second)
    _text_centered(
        draw,
        (240, 205 if shape != "triangle" else 225),
        initials,
        96 if len(initials) < 3 else 72,
        WHITE,
    )
    _text_centered(draw, (240, 400), name, 44, INK)
    draw.rectangle((200, 440, 280, 446), fill=second)
    return png_bytes(image)


def draw_motif(draw, motif: str, area, colour, accent):
    """Decorative shapes hinting at a topic (sound waves, a coffee cup, a book …)."""
    x0, y0, x1, y1 = area
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    r = min(x1 - x0, y1 - y0) / 2
    if motif == "waves":
        for i in range(5):
            draw.arc(
                (cx - r + i * r / 5, cy - r + i * r / 5, cx + r - i * r / 5, cy + r - i * r / 5),
                300,
                60,
                fill=accent if i % 2 else WHITE,
                width=10,
            )
        draw.ellipse((cx - r / 4, cy - r / 4, cx + r / 4, cy + r / 4), fill=WHITE)
    elif motif == "cup":
        draw.rounded_rectangle(
            (cx - r * 0.55, cy - r * 0.3, cx + r * 0.45, cy + r * 0.6), radius=24, fill=WHITE
        )
        draw.arc(
            (cx + r * 0.25, cy - r * 0.1, cx + r * 0.8, cy + r * 0.4),
            270,
            90,
            fill=WHITE,
            width=16,
        )
        for dx in (-0.3, 0, 0.3):
            draw.arc(
                (cx + dx * r - 20, cy - r * 0.85, cx + dx * r + 20, cy - r * 0.4),
                90,
                270,
                fill=accent,
                width=8,
            )
    elif motif == "book":
        draw.polygon(
            [
                (cx, cy - r * 0.4),
                (cx - r, cy - r * 0.6),
                (cx - r, cy + r * 0.5),
                (cx, cy + r * 0.7),
            ],
            fill=WHITE,
        )
        draw.polygon(
            [
                (cx, cy - r * 0.4),
                (cx + r, cy - r * 0.6),
                (cx + r, cy + r * 0.5),
                (cx, cy + r * 0.7),
            ],
            fill=mix(WHITE, accent, 0.25),
        )
        for i in range(4):
            y = cy - r * 0.3 + i * r * 0.22
            draw.line((cx - r * 0.8, y - r * 0.1, cx - r * 0.15, y), fill=accent, width=6)
    elif motif == "shoe":
        draw.polygon(
            [
                (cx - r * 0.9, cy + r * 0.2),
                (cx - r * 0.85, cy - r * 0.5),
                (cx - r * 0.45, cy - r * 0.55),
                (cx - r * 0.1, cy - r * 0.15),
                (cx + r * 0.7, cy - r * 0.02),
                (cx + r * 0.95, cy + r * 0.2),
            ],
            fill=WHITE,
        )
        draw.rounded_rectangle(
            (cx - r * 0.95, cy + r * 0.15, cx + r, cy + r * 0.38), radius=14, fill=accent
        )
        for i in range(3):
            x = cx - r * 0.45 + i * r * 0.18
            draw.line(
                (x, cy - r * 0.42 + i * r * 0.1, x + r * 0.14, cy - r * 0.3 + i * r * 0.1),
                fill=accent,
                width=6,
            )
    elif motif == "drop":
        draw.polygon(
            [(cx, cy - r), (cx - r * 0.6, cy + r * 0.1), (cx + r * 0.6, cy + r * 0.1)], fill=WHITE
        )
        draw.ellipse((cx - r * 0.6, cy - r * 0.3, cx + r * 0.6, cy + r * 0.7), fill=WHITE)
        draw.ellipse((cx - r * 0.25, cy + r * 0.05, cx - r * 0.05, cy + r * 0.3), fill=accent)
    elif motif == "house":
        draw.polygon([(cx - r, cy - r * 0.1), (cx, cy - r), (cx + r, cy - r * 0.1)], fill=WHITE)
        draw.rectangle((cx - r * 0.75, cy - r * 0.1, cx + r * 0.75, cy + r * 0.8), fill=WHITE)
        draw.rectangle((cx - r * 0.2, cy + r * 0.25, cx + r * 0.2, cy + r * 0.8), fill=accent)
    elif motif == "bag":
        draw.rounded_rectangle(
            (cx - r * 0.7, cy - r * 0.45, cx + r * 0.7, cy + r * 0.85), radius=30, fill=WHITE
        )
        draw.arc(
            (cx - r * 0.35, cy - r, cx + r * 0.35, cy - r * 0.1), 180, 360, fill=WHITE, width=16
        )
        draw.rectangle((cx - r * 0.7, cy, cx + r * 0.7, cy + r * 0.12), fill=accent)
    else:  # "grid": tidy boxes
        size = r * 0.55
        for row in range(2):
            for col in range(2):
                left, top = cx - size - 8 + col * (size + 16), cy - size - 8 + row * (size + 16)
                fill = WHITE if (row + col) % 2 == 0 else mix(WHITE, accent, 0.4)
                draw.rounded_rectangle((left, top, left + size, top + size), radius=18, fill=fill)


def draw_cover(*, headline: str, kicker: str, motif: str, colour: str, accent: str) -> bytes:
    """A 16:9 guide cover: gradient, a topic motif on the right, the English headline on the
    left."""
    main, second = hex_rgb(colour), hex_rgb(accent)
    image = gradient((1200, 675), mix(main, WHITE, 0.1), mix(main, INK, 0.35))
    draw = ImageDraw.Draw(image)
    draw.ellipse((700, 90, 1180, 570), fill=mix(main, WHITE, 0.22))
    draw_motif(draw, motif, (760, 150, 1120, 510), main, second)
    draw.text((72, 150), kicker.upper(), font=font(30), fill=mix(second, WHITE, 0.3))
    for index, line in enumerate(_wrap(headline, 64, 600)[:4]):
        draw.text((72, 210 + index * 80), line, font=font(64), fill=WHITE)
    draw.rectangle((72, 560, 192, 568), fill=second)
    return png_bytes(image)


def draw_checklist(*, heading: str, items: list[str], colour: str, accent: str) -> bytes:
    """An illustration for a guide body: a card of ticked points to check before buying."""
    main, second = hex_rgb(colour), hex_rgb(accent)
    image, draw = _canvas((1200, 640), mix(WHITE, main, 0.08))
    draw.rounded_rectangle((120, 60, 1080, 580), radius=28, fill=WHITE, outline=LINE, width=3)
    draw.text((180, 105), heading, font=font(46), fill=INK)
    row_height = 380 / max(len(items), 1)
    for index, item in enumerate(items):
        top = 190 + index * row_height
        draw.ellipse((180, top, 236, top + 56), fill=main)
        draw.line([(194, top + 29), (205, top + 40), (224, top + 17)], fill=WHITE, width=7)
        draw.text((266, top + 28), item, font=font(38), fill=INK, anchor="lm")
        draw.rounded_rectangle((720, top + 18, 1020, top + 38), radius=10, fill=LINE)
        draw.rounded_rectangle(
            (720, top + 18, 720 + 300 * (0.95 - 0.17 * index), top + 38), radius=10, fill=second
        )
    return png_bytes(image)


def draw_screenshot(*, number: int, label: str, layout: str, colour: str) -> bytes:
    """A mock screenshot for a help step: a browser window, page blocks and a numbered marker.

    ``layout`` decides which part of the page the marker points at, so the steps
    of one article do not look identical.
    """
    main = hex_rgb(colour)
    image, draw = _canvas((960, 600), PAPER)
    draw.rounded_rectangle((30, 24, 930, 576), radius=16, fill=WHITE, outline=LINE, width=3)
    draw.rectangle((32, 26, 928, 76), fill=(238, 240, 244))
    for i, dot in enumerate([(237, 94, 85), (245, 190, 80), (98, 197, 84)]):
        draw.ellipse((54 + i * 26, 43, 70 + i * 26, 59), fill=dot)
    draw.rounded_rectangle((150, 38, 760, 64), radius=12, fill=WHITE)
    draw.text((166, 51), "shop.example.com", font=font(16), fill=MUTED, anchor="lm")
    draw.rectangle((32, 78, 928, 122), fill=mix(WHITE, main, 0.12))
    draw.text((56, 100), "SHOP", font=font(24), fill=main, anchor="lm")
    for i in range(4):
        draw.rounded_rectangle((560 + i * 90, 92, 636 + i * 90, 108), radius=8, fill=LINE)
    tx0, ty0, tx1, ty1 = _screen_blocks(draw, layout, main)
    # Widen the highlighted box to its label; right-aligned boxes grow to the left.
    needed = font(30).getlength(label) + 56
    if tx1 - tx0 < needed:
        tx0, tx1 = (tx1 - needed, tx1) if layout == "list" else (tx0, tx0 + needed)
    draw.rounded_rectangle(
        (tx0, ty0, tx1, ty1), radius=10, fill=mix(WHITE, main, 0.1), outline=main, width=6
    )
    draw.text(((tx0 + tx1) / 2, (ty0 + ty1) / 2), label, font=font(30), fill=main, anchor="mm")
    cx, cy = tx0 - 8, ty0 - 8
    draw.ellipse((cx - 36, cy - 36, cx + 36, cy + 36), fill=main, outline=WHITE, width=5)
    _text_centered(draw, (cx, cy + 1), str(number), 42, WHITE)
    return png_bytes(image)


def _screen_blocks(draw, layout: str, main):
    """Grey page blocks for a mock screenshot; returns the box the step points at."""
    if layout == "form":
        for i in range(3):
            draw.rounded_rectangle((120, 160 + i * 84, 300, 176 + i * 84), radius=8, fill=LINE)
            draw.rounded_rectangle(
                (120, 186 + i * 84, 620, 222 + i * 84), radius=8, outline=LINE, width=3
            )
        draw.rounded_rectangle((660, 160, 860, 400), radius=12, fill=mix(WHITE, main, 0.06))
        return (120, 440, 420, 500)
    if layout == "list":
        for i in range(3):
            top = 150 + i * 100
            draw.rounded_rectangle((80, top, 160, top + 80), radius=10, fill=mix(WHITE, main, 0.2))
            draw.rounded_rectangle((184, top + 12, 560, top + 30), radius=8, fill=LINE)
            draw.rounded_rectangle((184, top + 46, 420, top + 62), radius=8, fill=LINE)
        return (640, 460, 880, 530)
    # "product": a picture on the left, details and the action on the right
    draw.rounded_rectangle((80, 150, 440, 520), radius=14, fill=mix(WHITE, main, 0.18))
    draw.ellipse((180, 250, 340, 410), fill=WHITE)
    draw.rounded_rectangle((490, 160, 860, 190), radius=8, fill=LINE)
    draw.rounded_rectangle((490, 210, 760, 232), radius=8, fill=LINE)
    draw.rounded_rectangle((490, 262, 640, 300), radius=8, fill=mix(WHITE, main, 0.3))
    for i in range(3):
        draw.rounded_rectangle(
            (490 + i * 110, 330, 586 + i * 110, 370), radius=8, outline=LINE, width=3
        )
    return (490, 420, 860, 490)


def draw_banner(*, headline: str, subline: str, motif: str, colour: str, accent: str) -> bytes:
    """A 1600×500 home-page banner: headline on the left, a large motif on the right."""
    main, second = hex_rgb(colour), hex_rgb(accent)
    image = gradient((1600, 500), mix(main, INK, 0.3), mix(main, WHITE, 0.2), horizontal=True)
    draw = ImageDraw.Draw(image)
    for i in range(6):
        draw.ellipse(
            (1050 + i * 40, -120 + i * 30, 1650 + i * 40, 480 + i * 30),
            outline=mix(main, WHITE, 0.2 + i * 0.05),
            width=3,
        )
    draw.ellipse((1080, 60, 1460, 440), fill=mix(main, WHITE, 0.25))
    draw_motif(draw, motif, (1130, 110, 1410, 390), main, second)
    for index, line in enumerate(_wrap(headline, 78, 900)[:2]):
        draw.text((110, 110 + index * 92), line, font=font(78), fill=WHITE)
    draw.text((112, 318), subline, font=font(34), fill=mix(second, WHITE, 0.45))
    draw.rectangle((112, 376, 232, 384), fill=second)
    return png_bytes(image)


def draw_icon(*, motif: str, colour: str) -> bytes:
    """A small square icon for a help category."""
    main = hex_rgb(colour)
    image, draw = _canvas((240, 240), WHITE)
    draw.rounded_rectangle((10, 10, 230, 230), radius=48, fill=main)
    draw_motif(draw, motif, (50, 50, 190, 190), main, mix(main, INK, 0.3))
    return png_bytes(image)
