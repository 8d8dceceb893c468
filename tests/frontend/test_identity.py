"""The visual identity: one set of design tokens, a wordmark with a name."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "site.css"
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\b(?:rgb|rgba|hsl|hsla|oklch)\(")


def rules(css: str) -> list[tuple[str, str]]:
    """(selector, declarations) for every innermost rule, at-rules flattened."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [(sel.strip(), body) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def test_colours_are_named_only_in_the_design_tokens():
    found = []
    for selector, body in rules(CSS.read_text()):
        if selector == ":root":
            continue
        for declaration in body.split(";"):
            if COLOUR.search(declaration) and not declaration.strip().startswith("--"):
                found.append(f"{selector} {{{declaration.strip()}}}")
    assert found == []


def test_font_sizes_come_from_the_type_scale():
    found = []
    for _selector, body in rules(CSS.read_text()):
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip() == "font-size" and "var(--step" not in value:
                found.append(value.strip())
    # Print sets its own sizes in points, and a link's address is relative (em).
    assert found and all(value.endswith(("pt", "em")) for value in found), found


def test_tokens_have_dark_contrast_and_forced_colour_variants():
    css = CSS.read_text()
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media (prefers-contrast: more)" in css
    assert "@media (forced-colors: active)" in css


@pytest.mark.django_db
def test_the_wordmark_is_an_inline_svg_with_an_accessible_name(client, site_tree):
    html = client.get("/").content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    logo = re.search(r'<a class="site-logo" href="/">(.*?)</a>', header, re.S).group(1)
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="site-logo-title"', logo)
    assert '<title id="site-logo-title">LSV – startsida</title>' in logo
    assert "<img" not in logo
