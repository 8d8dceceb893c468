"""Security headers on public pages, the admin, static files and error pages."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client

import pytest

from tests.factories import NewsArticlePageFactory

ROOT = Path(__file__).resolve().parents[2]


def csp_directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def public_urls(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Rubrik")
    return [
        "/",
        site_tree.news.url,
        article.url,
        "/feeds/nyheter/rss/",
        "/finns-inte/",
    ]


@pytest.mark.django_db
def test_public_csp_forbids_inline_and_eval_scripts(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        directives = csp_directives(response)
        assert directives["script-src"] == ["'self'"], url
        assert directives["object-src"] == ["'none'"]
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["base-uri"] == ["'self'"]
        assert "'unsafe-inline'" not in directives["style-src"]
        assert not any("unsafe-eval" in v for values in directives.values() for v in values)


@pytest.mark.django_db
def test_public_pages_carry_every_security_header(client, public_urls):
    for url in public_urls:
        headers = client.get(url).headers
        assert headers["X-Content-Type-Options"] == "nosniff", url
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "DENY"
        permissions = headers["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
            assert feature in permissions


@pytest.mark.django_db
def test_admin_gets_its_own_policy(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_hsts_is_sent_over_https_and_configurable(client, settings, home):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
    settings.SECURE_HSTS_SECONDS = 0
    # SecurityMiddleware reads its settings once, when a client's handler starts.
    assert "Strict-Transport-Security" not in Client().get("/", secure=True).headers


def run_production(args: list[str], **env) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lsv_site.settings.production",
        "SECRET_KEY": "a-long-random-production-test-key-" + "k" * 40,
        "ALLOWED_HOSTS": "www.example.org",
        **env,
    }
    # The browser fixture sets this for the test process; a deployment never has it.
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_check_deploy_is_clean_under_production_settings():
    result = run_production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_httponly_samesite():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE, "
        "s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    )
    result = run_production(["-c", code], SECURE_HSTS_SECONDS="600")
    assert result.returncode == 0, result.stderr
    # The last line: production logs (JSON lines) go to stdout too.
    values = result.stdout.strip().splitlines()[-1].split()
    assert values == ["True", "True", "Lax", "True", "True", "Lax", "600", "True"]


@pytest.mark.django_db
def test_session_cookie_flags_on_the_wire(client, settings, django_user_model):
    settings.SESSION_COOKIE_SECURE = True
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(user)
    response = client.get("/admin/", secure=True)
    assert response.status_code == 200
    # force_login set the cookie; a fresh login through the form shows the flags.
    client.logout()
    response = client.post("/admin/login/", {"username": "chef", "password": "x" * 16}, secure=True)
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_logged_in_responses_are_private_and_not_stored(client, site_tree, django_user_model):
    article = NewsArticlePageFactory(parent=site_tree.news)
    public = Client().get(article.url).headers.get("Cache-Control", "")
    assert "private" not in public and "no-store" not in public

    client.force_login(django_user_model.objects.create_user("medlem", "m@example.org", "x" * 16))
    for url in (article.url, site_tree.news.url, "/feeds/rss/", "/sok/?q=nyhet", "/admin/"):
        words = {w.strip() for w in client.get(url).headers.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= words and "public" not in words, url
