"""Generated artwork for the demo content: abstract illustrations, portraits
and PDF reports, all made locally so the demo needs no network."""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

PALETTES = [
    ["#0b5e73", "#f2c14e", "#f78154", "#4d9078", "#b4436c"],
    ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"],
    ["#3d405b", "#81b29a", "#f2cc8f", "#e07a5f", "#f4f1de"],
    ["#1d3557", "#457b9d", "#a8dadc", "#f1faee", "#e63946"],
]


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def illustration(seed: str, size: tuple[int, int] = (1600, 900)) -> bytes:
    """An abstract composition of soft shapes, different for every seed."""
    rng = random.Random(seed)
    palette = rng.choice(PALETTES)
    width, height = size
    image = Image.new("RGB", size, _hex(palette[0]))
    draw = ImageDraw.Draw(image, "RGBA")
    # Vertical gradient as the ground.
    top, bottom = _hex(palette[0]), _hex(rng.choice(palette[1:]))
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(top[i] + (bottom[i] - top[i]) * t * 0.6) for i in range(3)),
        )
    for _ in range(rng.randint(6, 11)):
        colour = _hex(rng.choice(palette))
        alpha = rng.randint(90, 200)
        x, y = rng.randint(-200, width), rng.randint(-200, height)
        r = rng.randint(width // 12, width // 3)
        if rng.random() < 0.6:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(*colour, alpha))
        else:
            points = [
                (x + r * math.cos(a), y + r * math.sin(a))
                for a in sorted(rng.uniform(0, 2 * math.pi) for _ in range(rng.randint(3, 6)))
            ]
            draw.polygon(points, fill=(*colour, alpha))
    return _jpeg(image.filter(ImageFilter.GaussianBlur(2)))


def portrait(seed: str, colour: str, size: int = 800) -> bytes:
    """A friendly stylised head-and-shoulders silhouette on a coloured ground."""
    rng = random.Random(seed)
    ground = _hex(colour)
    image = Image.new("RGB", (size, size), ground)
    draw = ImageDraw.Draw(image, "RGBA")
    light = tuple(min(255, c + 70) for c in ground)
    draw.ellipse([-size // 4, size // 2, size + size // 4, size * 2], fill=(*light, 140))
    skin = rng.choice(["#f1c7a5", "#d9a47e", "#a8734f", "#7a4f33", "#e8b894"])
    hair = rng.choice(["#2b1d14", "#5a3b22", "#c9a15d", "#1b1b1b", "#8b4a2b", "#b8b2a7"])
    shirt = rng.choice(["#f4f1de", "#1d3557", "#e07a5f", "#81b29a", "#3d405b"])
    cx = size // 2
    draw.ellipse([cx - size * 0.36, size * 0.68, cx + size * 0.36, size * 1.3], fill=shirt)
    draw.rectangle([cx - size * 0.07, size * 0.52, cx + size * 0.07, size * 0.72], fill=skin)
    draw.ellipse([cx - size * 0.2, size * 0.18, cx + size * 0.2, size * 0.64], fill=hair)
    draw.ellipse([cx - size * 0.17, size * 0.24, cx + size * 0.17, size * 0.62], fill=skin)
    if rng.random() < 0.5:
        draw.pieslice(
            [cx - size * 0.2, size * 0.15, cx + size * 0.2, size * 0.5], 180, 360, fill=hair
        )
    return _jpeg(image)


def report_pdf(title: str, subtitle: str, authors: list[str], sections: list) -> bytes:
    """A small but real report: title page and text sections (Latin-1 core font)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_title(title)
    pdf.set_author(", ".join(authors))
    pdf.set_creator("LSV")
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_fill_color(11, 94, 115)
    pdf.rect(0, 0, 210, 90, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_xy(20, 30)
    pdf.set_font("Helvetica", "B", 24)
    pdf.multi_cell(170, 11, title)
    pdf.set_text_color(27, 31, 36)
    pdf.set_xy(20, 105)
    pdf.set_font("Helvetica", "", 13)
    pdf.multi_cell(170, 7, subtitle)
    pdf.ln(6)
    pdf.set_x(20)
    pdf.set_font("Helvetica", "I", 11)
    pdf.multi_cell(170, 6, "LSV - " + ", ".join(authors))
    for heading, paragraphs in sections:
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 16)
        pdf.set_x(20)
        pdf.multi_cell(170, 9, heading)
        pdf.ln(2)
        pdf.set_font("Helvetica", "", 11)
        for paragraph in paragraphs:
            pdf.set_x(20)
            pdf.multi_cell(170, 6, paragraph)
            pdf.ln(3)
    return bytes(pdf.output())
