import contextlib
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


def make_site_tree(home) -> SimpleNamespace:
    return SimpleNamespace(
        home=home,
        news=NewsIndexPageFactory(parent=home),
        papers=WhitePaperIndexPageFactory(parent=home),
        people=PeopleIndexPageFactory(parent=home),
    )


@pytest.fixture
def site_tree(home):
    """Home with the three section listings under it."""
    return make_site_tree(home)


# The factories' sequence numbers where the current module's shared data
# left them: tests start from there, so their pages do not take the shared
# pages' slugs.
SEQUENCE_FLOOR: dict = {}


def factories_in_use() -> list:
    import factory

    import tests.factories as factories

    return [
        value
        for value in vars(factories).values()
        if isinstance(value, type) and issubclass(value, factory.Factory)
    ]


def shared_data(django_db_blocker, build):
    """Data a module's tests share, built once instead of once per test (the
    demo site, a tree of many pages), for a module-scoped fixture that asks
    for django_db_setup and does `yield from shared_data(django_db_blocker,
    build)`. `build()` runs in an outer transaction that each test's own
    transaction nests in as a savepoint, so what a test changes still rolls
    back after it, and the whole is rolled back after the module. pytest sets
    up the wider scope first, so the outer transaction begins before any
    test's. Not for transactional tests (they flush the database)."""
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            for made in factories_in_use():
                made.reset_sequence(force=True)
            built = build()
            for made in factories_in_use():
                made._meta._initialize_counter()
                SEQUENCE_FLOOR[made] = made._meta._counter.seq
            yield built
        finally:
            SEQUENCE_FLOOR.clear()
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()


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


def pytest_addoption(parser):
    parser.addoption(
        "--database-tests-only",
        action="store_true",
        help="leave out the tests that use no database (CI's second pass, on SQLite: "
        "the rest gives the same result on any database and ran on PostgreSQL)",
    )


# A test needs the database when it is marked so or asks for one of these,
# directly or through its fixtures (`fixturenames` is the whole closure).
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if config.getoption("--database-tests-only"):
        kept, dropped = [], []
        for item in items:
            (kept if uses_database(item) else dropped).append(item)
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
    # Browser tests are transactional (the live server needs committed data) and
    # each flushes the database when it ends; serialized_rollback makes every one
    # start from the migrated data (site, home page), whatever ran before it.
    # The same for every other transactional test. The marker goes first so it
    # wins over a test's own `django_db(transaction=True)`. A test after one of
    # them would find the database empty: they carry the `transactional` marker
    # and run apart from the parallel run (Makefile), after it. Before `-m`
    # deselects (tryfirst), so `-m transactional` sees the marker.
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = marker is not None and (
            marker.kwargs.get("transaction") or (marker.args and marker.args[0])
        )
        if item.get_closest_marker("browser") or transactional:
            item.add_marker(
                pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False
            )
            item.add_marker(pytest.mark.transactional)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request, tmp_path_factory, django_db_modify_db_settings_parallel_suffix
):
    """On PostgreSQL, the test database is a copy of a migrated template.

    With browser tests, an SQLite test database is a file in WAL mode.

    Django's in-memory test database is one connection that the live server's
    request threads share with the test: when the admin autosaves while another
    request (or the test) runs, SQLite answers "database table is locked" and a
    request fails at random. A file gives every thread its own connection, and
    writers wait for each other (immediate transactions, a busy timeout)."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        # Test databases start as copies of a migrated template (tests/database_template.py).
        from tests import database_template

        database.setdefault("TEST", {})["TEMPLATE"] = database_template.ensure(database)
        return
    browser_tests = any(item.get_closest_marker("browser") for item in request.session.items)
    if not browser_tests or not database["ENGINE"].endswith("sqlite3"):
        return
    database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")
    database.setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=30,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF",
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


def _artifact_name(*parts: str) -> str:
    return "--".join(re.sub(r"[^\w.-]+", "_", part).strip("_") for part in parts)


class Steps:
    """Names the steps of a browser journey and keeps a screenshot of each.

    `with steps("saves a draft", tab, visitor):` takes a screenshot of the
    given tabs when the step ends; a step that raises is photographed as it
    failed. Only when the test fails are they written to test-artifacts/,
    one file per step and tab, numbered in order."""

    def __init__(self, nodeid: str):
        self.nodeid = nodeid
        self.count = 0
        self.shots: list[tuple[str, bytes]] = []

    @contextlib.contextmanager
    def __call__(self, name: str, *tabs):
        self.count += 1
        label = f"{self.count:02d}-{name}"
        try:
            yield
        except BaseException:
            self._shoot(f"{label}-FAILED", tabs)
            raise
        self._shoot(label, tabs)

    def _shoot(self, label: str, tabs) -> None:
        for index, tab in enumerate(tabs):
            with contextlib.suppress(Exception):  # a closed or crashed tab
                self.shots.append(
                    (_artifact_name(label, f"tab{index + 1}"), tab.screenshot(full_page=True))
                )

    def save(self) -> None:
        folder = ARTIFACTS / _artifact_name(self.nodeid)
        folder.mkdir(parents=True, exist_ok=True)
        for name, png in self.shots:
            (folder / f"{name}.png").write_bytes(png)


def _failed(request) -> bool:
    report = getattr(request.node, "report_call", None)
    return report is not None and report.failed


@pytest.fixture
def steps(request):
    journal = Steps(request.node.nodeid)
    yield journal
    if _failed(request):
        journal.save()


@pytest.fixture
def new_tab(browser, request):
    """Opens fresh Swedish browser tabs, each in its own context (cookies, so
    its own login); each is photographed into test-artifacts/ if the test fails."""
    opened = []

    def open_tab(name: str = "tab"):
        context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
        tab = context.new_page()
        opened.append((name, context, tab))
        return tab

    yield open_tab
    for name, context, tab in opened:
        if _failed(request):
            ARTIFACTS.mkdir(exist_ok=True)
            path = ARTIFACTS / f"{_artifact_name(request.node.nodeid, name)}.png"
            with contextlib.suppress(Exception):
                tab.screenshot(path=str(path), full_page=True)
        context.close()


@pytest.fixture
def browser_page(new_tab):
    """A fresh Swedish browser tab; a screenshot is saved if the test fails."""
    return new_tab("page")


@pytest.fixture(autouse=True)
def two_factor_in_browser_tests(request, settings):
    """Browser tests log in through the real forms, so with two-factor
    authentication as production has it (the test settings leave it off for
    tests that use force_login)."""
    if request.node.get_closest_marker("browser"):
        settings.LSV_REQUIRE_2FA = True


@pytest.fixture(autouse=True)
def fresh_factory_sequences():
    """Every test numbers its pages from 0 again, so a page's title, slug and
    publication date (2026-01-01 plus one day per page) do not depend on how
    many pages earlier tests made: after a few hundred, dates would reach the
    future, and a feed's Last-Modified with them."""
    for made in factories_in_use():
        made.reset_sequence(SEQUENCE_FLOOR.get(made), force=True)


@pytest.fixture(autouse=True)
def fresh_caches():
    """The database rolls back between tests, the cache would not: start each
    test with an empty cache and no remembered site or navigation."""
    from django.core.cache import cache

    from fastpath import fragments, version

    cache.clear()
    version.clear_process_values()
    fragments.clear()
    yield
