import os
import re
from pathlib import Path
from types import SimpleNamespace

from wagtail.models import Site

import pytest

from tests.factories import (
    NewsIndexPageFactory,
    PeopleIndexPageFactory,
    WhitePaperIndexPageFactory,
)


@pytest.fixture
def home(db):
    """The home page the migrations create at the site root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def site_tree(home):
    """Home with the three section listings under it."""
    return SimpleNamespace(
        home=home,
        news=NewsIndexPageFactory(parent=home),
        papers=WhitePaperIndexPageFactory(parent=home),
        people=PeopleIndexPageFactory(parent=home),
    )


# Real-browser tests -------------------------------------------------------
# Marked `browser`; they drive Debian's Chromium through Playwright. Without
# Chromium they are skipped, unless REQUIRE_BROWSER=1 (CI) makes that a failure.

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


def pytest_collection_modifyitems(items):
    # Browser tests are transactional (the live server needs committed data) and
    # each flushes the database when it ends; serialized_rollback makes every one
    # start from the migrated data (site, home page), whatever ran before it.
    # The same for every other transactional test. The marker goes first so it
    # wins over a test's own `django_db(transaction=True)`.
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and (
            marker.kwargs.get("transaction") or (marker.args and marker.args[0])
        )
        if item.get_closest_marker("browser") or transactional:
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls the
    # tests make around it are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_page(browser, request):
    """A fresh Swedish browser tab; a screenshot is saved if the test fails."""
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture(autouse=True)
def fresh_caches():
    """The database rolls back between tests, the cache would not: start each
    test with an empty cache and no remembered site or navigation."""
    from django.core.cache import cache

    from pagecache import memo

    cache.clear()
    memo.clear_process_values()
    yield
