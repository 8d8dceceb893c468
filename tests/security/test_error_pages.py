"""Swedish error pages that leak nothing, and the health endpoints."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.test import Client
from django.urls import path

import pytest

from lsv_site.urls import urlpatterns as site_urlpatterns


def raising(exception: Exception):
    def view(request):
        raise exception

    return view


# This module doubles as the URLconf of its tests: the site's URLs plus views
# that fail in each way an error page has to cover.
urlpatterns = [
    path("boom/", raising(RuntimeError("secret-detail-from-the-traceback"))),
    path("forbidden/", raising(PermissionDenied("secret-detail-from-the-check"))),
    path("bad/", raising(SuspiciousOperation("secret-detail-from-the-request"))),
    path("db-down/", raising(OperationalError("connection to 10.0.0.7 port 5432 failed"))),
    *site_urlpatterns,
]
handler500 = "ops.errors.server_error"

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, status, heading",
    [
        ("/finns-inte/", 404, "Sidan finns inte"),
        ("/forbidden/", 403, "Åtkomst nekad"),
        ("/bad/", 400, "Felaktig begäran"),
        ("/boom/", 500, "Något gick fel"),
    ],
)
def test_error_pages_are_swedish_and_leak_nothing(visitor, home, url, status, heading):
    response = visitor.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<html lang="sv">' in html
    assert "secret-detail" not in html
    assert "Traceback" not in html and "settings" not in html.lower()


@pytest.mark.django_db
def test_csrf_failure_page_is_swedish(home):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "a", "password": "b"})
    assert response.status_code == 403
    assert "Formuläret har gått ut" in response.content.decode()


@pytest.mark.django_db
def test_server_error_page_needs_no_database(visitor, home, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = visitor.get("/boom/")
    assert response.status_code == 500


@pytest.mark.django_db
def test_database_error_in_a_view_gives_the_maintenance_page(visitor, home):
    response = visitor.get("/db-down/")
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Tillfälligt otillgänglig" in html
    assert "10.0.0.7" not in html and "5432" not in html
    # The security headers still apply to it.
    assert "Content-Security-Policy" in response.headers


def test_healthz_answers_without_the_database(visitor):
    # No django_db mark: any query here would fail the test.
    response = visitor.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_checks_database_and_migrations(visitor, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    from ops import health

    monkeypatch.setattr(health, "_migrated", False)
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: ["pending"])
    response = visitor.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"

    monkeypatch.undo()
    monkeypatch.setattr(health, "_migrated", False)
    response = visitor.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok"}


@pytest.mark.django_db
def test_readyz_is_one_trivial_query_once_migrated(visitor, monkeypatch):
    """The migration graph is loaded until everything is applied, then never
    again: a probe every second must not cost a migration-graph build."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.test.utils import CaptureQueriesContext

    assert visitor.get("/readyz").status_code == 200

    def no_graph(*args, **kwargs):
        raise AssertionError("the migration graph was loaded again")

    monkeypatch.setattr(MigrationLoader, "build_graph", no_graph)
    with CaptureQueriesContext(connection) as queries:
        assert visitor.get("/readyz").status_code == 200
    assert [q["sql"] for q in queries.captured_queries] == ["SELECT 1"]


def test_health_endpoints_are_exempt_from_the_https_redirect(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301
