"""WCAG 2.2 AA in a real Chromium: axe-core on each page type in light and
dark, keyboard use, reflow, text resizing, reduced motion and print."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    StandardPageFactory,
    WhitePaperPageFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHECKS = Path(__file__).resolve().parents[2] / "frontend-checks"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])"
# Numbers the focusable elements in document order; the skip link counts
# although it sits off screen until focused. A field taken out of the tab order
# on purpose (tabindex="-1": the sign-up form's trap for robots) does not.
MARK_ORDER = """selector => {
    const all = [...document.querySelectorAll(selector)].filter(
        (el) => el.tabIndex >= 0
            && (el.getClientRects().length > 0 || el.classList.contains('skip-link')));
    all.forEach((el, i) => { el.dataset.order = i; });
    return all.length;
}"""


@pytest.fixture(scope="session")
def axe_js() -> Path:
    """axe-core from the npm registry, installed by frontend-checks/install."""
    path = CHECKS / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists():
        if not shutil.which("npm"):
            message = "npm is needed to install axe-core (apt-get install npm)"
            if os.environ.get("REQUIRE_BROWSER"):
                pytest.fail(message)
            pytest.skip(message)
        subprocess.run([str(CHECKS / "install")], check=True)
    return path


@pytest.fixture
def pages(site_tree):
    """One page of each kind, with everything that shows on them."""
    person = PersonPageFactory(parent=site_tree.people, title="Sara Lind", photo=photo())
    paper = WhitePaperPageFactory(
        parent=site_tree.papers, cover_image=photo(), authors=[person], topics=["Tillit"]
    )
    older = NewsArticlePageFactory(parent=site_tree.news, hero_image=photo())
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Ny modell för samverkan",
        hero_image=photo(),
        hero_caption="Möte i Umeå",
        authors=[person],
        topics=["Tillit", "Effektmätning"],
        read_more=[paper, older],
    )
    statement = StandardPageFactory(parent=site_tree.home)
    return {
        "home": "/",
        "news": site_tree.news.url,
        "article": article.url,
        "topic": f"{site_tree.news.url}amne/tillit/",
        "white paper": paper.url,
        "person": person.url,
        "people": site_tree.people.url,
        "statement": statement.url,
        "404": "/finns-inte/",
    }


def photo():
    # Small originals: renditions are cropped, never enlarged, and AVIF
    # encoding of large ones would dominate the test's time.
    return ImageFactory(file__width=480, file__height=320)


def test_no_axe_violations_in_light_or_dark(browser, live_server, pages, axe_js):
    found = {}
    for scheme in ("light", "dark"):
        # The site's Content-Security-Policy would block the injected axe script.
        context = browser.new_context(locale="sv-SE", color_scheme=scheme, bypass_csp=True)
        tab = context.new_page()
        for name, path in pages.items():
            tab.goto(live_server.url + path)
            tab.add_script_tag(path=str(axe_js))
            result = tab.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
            )
            for violation in result["violations"]:
                targets = [node["target"] for node in violation["nodes"]]
                found[f"{scheme} {name} {violation['id']}"] = targets
        context.close()
    assert found == {}


def focus_state(tab):
    return tab.evaluate(
        """() => {
            const el = document.activeElement;
            const outlined = (e) => {
                const style = getComputedStyle(e);
                return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            };
            const card = el.closest('.card');
            return {
                order: el.dataset.order === undefined ? null : Number(el.dataset.order),
                visible: outlined(el) || Boolean(card && outlined(card)),
            };
        }"""
    )


def wait_until_focus_in_view(tab) -> None:
    """Focus scrolls the element into view, smoothly unless reduced motion is asked for."""
    tab.wait_for_function(
        """() => {
            const box = document.activeElement.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && box.bottom > 0
                && box.top < window.innerHeight;
        }""",
        timeout=3000,
    )


def test_keyboard_reaches_everything_in_order_with_visible_focus(browser_page, live_server, pages):
    tab = browser_page
    tab.goto(live_server.url + pages["article"])
    count = tab.evaluate(MARK_ORDER, FOCUSABLE)
    assert count > 10

    # The skip link comes first, shows itself and takes focus to the content.
    tab.keyboard.press("Tab")
    first = focus_state(tab)
    assert first["order"] == 0 and first["visible"]
    wait_until_focus_in_view(tab)
    assert tab.evaluate("document.activeElement.classList.contains('skip-link')")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    tab.keyboard.press("Tab")
    after_skip = focus_state(tab)
    first_in_main = tab.evaluate(
        "() => Number(document.querySelector('main').querySelector('[data-order]').dataset.order)"
    )
    assert after_skip["order"] == first_in_main

    # From the top, Tab visits every element once, in document order, visibly,
    # and then leaves the page: nothing traps the keyboard.
    tab.goto(live_server.url + pages["article"])
    tab.evaluate(MARK_ORDER, FOCUSABLE)
    visited = []
    for _ in range(count + 1):
        tab.keyboard.press("Tab")
        state = focus_state(tab)
        if state["order"] is None:
            break
        assert state["visible"], f"no visible focus on element {state['order']}"
        wait_until_focus_in_view(tab)
        visited.append(state["order"])
    assert visited == list(range(count))


@pytest.mark.parametrize(
    "viewport, text_size", [({"width": 320, "height": 640}, "100%"), (None, "200%")]
)
def test_reflows_without_horizontal_scrolling(
    browser_page, live_server, pages, viewport, text_size
):
    if viewport:
        browser_page.set_viewport_size(viewport)
    width = browser_page.viewport_size["width"]
    for name, path in pages.items():
        browser_page.goto(live_server.url + path)
        browser_page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
        scroll_width = browser_page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{name} is {scroll_width} px wide at {width} px"


def test_reduced_motion_turns_off_smooth_scrolling(browser_page, live_server, pages):
    def scroll_behaviour():
        browser_page.goto(live_server.url + pages["article"])
        return browser_page.evaluate("getComputedStyle(document.documentElement).scrollBehavior")

    assert scroll_behaviour() == "smooth"
    browser_page.emulate_media(reduced_motion="reduce")
    assert scroll_behaviour() == "auto"


@pytest.mark.parametrize("kind", ["article", "white paper"])
def test_print_shows_the_text_without_the_site_chrome(browser_page, live_server, pages, kind):
    browser_page.goto(live_server.url + pages[kind])
    browser_page.emulate_media(media="print", color_scheme="dark")
    for hidden in (".site-header", ".site-footer", ".read-more", ".topics"):
        assert not browser_page.locator(hidden).first.is_visible(), hidden
    assert browser_page.locator("h1").is_visible()
    assert browser_page.locator(".article__lead").is_visible()
    colours = browser_page.evaluate(
        "[getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor]"
    )
    assert colours == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
