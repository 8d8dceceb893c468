"""The identity in a real Chromium: contrast in light and dark, visible edges
in forced colours (Windows high contrast), images as wide as their column,
and home page grids with no card alone on a row."""

import pytest

from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The WCAG relative luminance and contrast ratio of two computed colours, with
# the background taken from the nearest ancestor that paints one.
CONTRAST = """selector => {
    const parse = (c) => c.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => {
        const f = (v) => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
        for (; el; el = el.parentElement) {
            const c = parse(getComputedStyle(el).backgroundColor);
            if (c.length < 4 || c[3] > 0) return c;
        }
        return [255, 255, 255];
    };
    const shown = [...document.querySelectorAll(selector)]
        .filter((el) => el.getClientRects().length);
    return shown.map((el) => {
        const fg = lum(parse(getComputedStyle(el).color)), bg = lum(background(el));
        return {
            what: el.tagName + '.' + el.className,
            ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05),
            background: bg,
        };
    });
}"""
TEXT = (
    "main p, main li, .card__title a, .card__date, .card__kind, .article__meta, "
    ".site-nav a, .site-footer p, .site-footer a, .site-footer address"
)
EDGES = """selector => [...document.querySelectorAll(selector)].map((el) => {
    const s = getComputedStyle(el);
    return {
        what: el.tagName + '.' + el.className,
        width: parseFloat(s.borderTopWidth),
        style: s.borderTopStyle,
        colour: s.borderTopColor,
        background: s.backgroundColor,
    };
})"""


def big_photo():
    # Large enough for every rendition of a body image (480, 800 and 1200 px).
    return ImageFactory(file__width=1600, file__height=1000)


@pytest.fixture
def pages(site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Sara Lind")
    paper = WhitePaperPageFactory(
        parent=site_tree.papers,
        authors=[person],
        pdf=DocumentFactory(title="Rapport", file__filename="rapport.pdf"),
    )
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Ny modell för samverkan",
        authors=[person],
        topics=["Tillit"],
        body=[
            {"type": "paragraph", "value": "<p>Inledning.</p>"},
            {"type": "image", "value": {"image": big_photo().pk, "alt_text": "Ett diagram"}},
        ],
        read_more=[paper],
    )
    return {
        "home": "/",
        "article": article.url,
        "white paper": paper.url,
        "news": site_tree.news.url,
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_body_text_keeps_aa_contrast(browser, live_server, pages, scheme):
    context = browser.new_context(locale="sv-SE", color_scheme=scheme)
    tab = context.new_page()
    low = []
    for name, path in pages.items():
        tab.goto(live_server.url + path)
        found = tab.evaluate(CONTRAST, TEXT)
        assert len(found) > 5, name
        low += [f"{name}: {f['what']} {f['ratio']:.2f}" for f in found if f["ratio"] < 4.5]
        page_background = tab.evaluate(CONTRAST, "body")[0]["background"]
        assert (page_background < 0.05) == (scheme == "dark"), f"{name} is not {scheme}"
    context.close()
    assert low == []


def test_forced_colours_keep_edges_and_focus_visible(browser_page, live_server, pages):
    tab = browser_page
    tab.emulate_media(forced_colors="active")
    # Buttons and button-like links are drawn with a background in the palette;
    # forced colours drop it, so they need an edge of their own.
    edges = []
    for name in ("white paper", "article"):
        tab.goto(live_server.url + pages[name])
        assert tab.evaluate("matchMedia('(forced-colors: active)').matches")
        edges += tab.evaluate(EDGES, ".site-search button, .download__link, .card, .topics__list a")
    kinds = {e["what"] for e in edges}
    assert {"BUTTON.", "A.download__link", "ARTICLE.card card--whitepaperpage"} <= kinds
    assert [e for e in edges if e["style"] == "none" or e["width"] < 1] == []
    assert [e for e in edges if e["colour"] == e["background"]] == []

    tab.keyboard.press("Tab")
    outline = tab.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2

    # The wordmark follows the system's link colour rather than the palette.
    fills = tab.evaluate(
        "[...document.querySelectorAll('.site-logo__mark, .site-logo__word')]"
        ".map((el) => getComputedStyle(el).fill)"
    )
    link = tab.evaluate("getComputedStyle(document.querySelector('.site-logo')).color")
    assert fills and all(fill == link for fill in fills), (fills, link)


def test_a_body_image_fills_its_column(browser_page, live_server, pages):
    tab = browser_page  # 1280 × 900, device pixel ratio 1
    tab.goto(live_server.url + pages["article"])
    image = tab.locator(".article__body .figure img")
    image.scroll_into_view_if_needed()
    tab.wait_for_function(
        "() => { const i = document.querySelector('.article__body .figure img');"
        " return i.complete && i.currentSrc; }"
    )
    rendered = image.evaluate("(img) => img.getBoundingClientRect().width")
    column = tab.evaluate("document.querySelector('.article__body').clientWidth")
    assert 680 <= column <= 700
    assert abs(rendered - column) <= 2, (rendered, column)
    # The file the browser chose is at least as wide as what it shows.
    chosen = image.evaluate(
        """async (img) => {
            const file = new Image();
            file.src = img.currentSrc;
            await file.decode();
            return file.naturalWidth;
        }"""
    )
    dpr = tab.evaluate("devicePixelRatio")
    assert chosen >= rendered * dpr


# Each grid's rows: how wide the cards on each row are together.
ROWS = """() => [...document.querySelectorAll('.card-grid')].map((grid) => {
    const rows = {};
    for (const li of grid.children) {
        const box = li.getBoundingClientRect();
        rows[Math.round(box.top)] = (rows[Math.round(box.top)] || 0) + box.width;
    }
    const columns = getComputedStyle(grid).gridTemplateColumns.split(' ').length;
    return {
        cards: grid.children.length,
        columns,
        width: grid.getBoundingClientRect().width,
        rows: Object.values(rows),
    };
})"""


@pytest.mark.parametrize("width", [390, 800, 1280])
def test_no_card_sits_alone_on_a_row(browser_page, live_server, site_tree, width):
    for n in range(9):
        NewsArticlePageFactory(parent=site_tree.news, title=f"Nyhet {n}")
    for n in range(3):
        WhitePaperPageFactory(parent=site_tree.papers, title=f"Rapport {n}")
    for n in range(5):
        PersonPageFactory(parent=site_tree.people, title=f"Person {n}")
    browser_page.set_viewport_size({"width": width, "height": 900})
    seen = {}
    # Home: lead + 6 news, 3 white papers, 4 people; listings of 9, 3 and 5.
    for path in ("/", site_tree.news.url, site_tree.papers.url, site_tree.people.url):
        browser_page.goto(live_server.url + path)
        for grid in browser_page.evaluate(ROWS):
            seen[(path, grid["cards"])] = grid["columns"]
            # A card alone on its row is one column wide; a lone last card spans the row.
            alone = [r for r in grid["rows"] if r < grid["width"] / grid["columns"] + 2]
            assert not (grid["columns"] > 1 and alone), (path, grid)
    assert ("/", 4) in seen and ("/", 6) in seen and ("/", 3) in seen
    if width == 1280:
        assert seen[("/", 4)] == 4 and seen[("/", 6)] == 3
    if width == 390:
        assert set(seen.values()) == {1}
