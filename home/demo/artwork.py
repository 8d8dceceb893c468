"""Generated artwork for the demo content: abstract illustrations, drawn
head-and-shoulders portraits and PDF reports, all made locally so the demo needs no network."""

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


# Where a portrait's face is, as fractions of its width and height: the
# centre and the size of the face (forehead to chin). Head and shoulders on
# a 4:5 ground, the face in the upper half, as photographers frame them.
PORTRAIT_SIZE = (800, 1000)
FACE = (0.5, 0.34, 0.34, 0.34)


def face_box(size: tuple[int, int] = PORTRAIT_SIZE) -> tuple[int, int, int, int]:
    """The face of a `portrait` of this size in pixels, as Wagtail's focal
    point wants it: centre x, centre y, width, height."""
    width, height = size
    x, y, w, h = FACE
    return round(x * width), round(y * height), round(w * width), round(h * height)


def portrait(seed: str, colour: str, size: tuple[int, int] = PORTRAIT_SIZE) -> bytes:
    """A friendly drawn head-and-shoulders portrait on a coloured ground:
    shoulders, neck, hair and a face with eyes, brows and a smile, the face
    where `face_box` says."""
    rng = random.Random(seed)
    width, height = size
    ground = _hex(colour)
    image = Image.new("RGB", size, ground)
    draw = ImageDraw.Draw(image, "RGBA")
    light = tuple(min(255, c + 60) for c in ground)
    draw.ellipse([-width * 0.3, height * 0.05, width * 1.3, height * 1.1], fill=(*light, 90))
    skin = rng.choice(["#f1c7a5", "#d9a47e", "#a8734f", "#7a4f33", "#e8b894"])
    hair = rng.choice(["#2b1d14", "#5a3b22", "#c9a15d", "#1b1b1b", "#8b4a2b", "#b8b2a7"])
    shirt = rng.choice(["#f4f1de", "#1d3557", "#e07a5f", "#81b29a", "#3d405b"])
    dark = (40, 30, 28)
    fx, fy, fw, fh = face_box(size)
    left, top, right, bottom = fx - fw / 2, fy - fh / 2, fx + fw / 2, fy + fh / 2
    long_hair = rng.random() < 0.5
    if long_hair:  # behind the shoulders and the face
        draw.rounded_rectangle(
            [left - fw * 0.12, top - fh * 0.1, right + fw * 0.12, bottom + fh * 0.45],
            radius=fw * 0.3,
            fill=hair,
        )
    # Shoulders and a collar, then the neck.
    shoulders = bottom + fh * 0.14
    draw.ellipse([fx - width * 0.44, shoulders, fx + width * 0.44, height * 1.6], fill=shirt)
    draw.rectangle(
        [fx - fw * 0.17, bottom - fh * 0.15, fx + fw * 0.17, shoulders + fh * 0.08], fill=skin
    )
    draw.polygon(
        [
            (fx - fw * 0.3, shoulders + fh * 0.04),
            (fx, shoulders + fh * 0.3),
            (fx + fw * 0.3, shoulders + fh * 0.04),
        ],
        fill=skin,
    )
    # Hair behind the head, ears, the face, a fringe.
    draw.ellipse([left - fw * 0.07, top - fh * 0.13, right + fw * 0.07, fy + fh * 0.2], fill=hair)
    for side in (-1, 1):
        ex = fx + side * fw * 0.5
        draw.ellipse([ex - fw * 0.07, fy - fh * 0.05, ex + fw * 0.07, fy + fh * 0.15], fill=skin)
    draw.ellipse([left, top, right, bottom], fill=skin)
    fringe = rng.choice([(200, 340), (180, 320), (190, 360)])
    draw.chord(
        [left - fw * 0.02, top - fh * 0.08, right + fw * 0.02, top + fh * 0.5], *fringe, fill=hair
    )
    # Eyes and brows, a nose, a smile.
    for side in (-1, 1):
        ex, ey = fx + side * fw * 0.2, fy + fh * 0.02
        draw.ellipse(
            [ex - fw * 0.045, ey - fh * 0.035, ex + fw * 0.045, ey + fh * 0.035], fill=dark
        )
        draw.line(
            [(ex - fw * 0.08, ey - fh * 0.1), (ex + fw * 0.08, ey - fh * 0.11)],
            fill=hair,
            width=max(2, round(fw * 0.03)),
        )
    draw.line(
        [(fx, fy + fh * 0.06), (fx - fw * 0.04, fy + fh * 0.2), (fx + fw * 0.02, fy + fh * 0.21)],
        fill=(*dark, 120),
        width=max(2, round(fw * 0.015)),
    )
    draw.arc(
        [fx - fw * 0.18, fy + fh * 0.16, fx + fw * 0.18, fy + fh * 0.36],
        20,
        160,
        fill=(150, 60, 60),
        width=max(2, round(fw * 0.025)),
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
