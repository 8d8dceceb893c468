"""`fastpath.front` answers cached pages before Django, with the response
the middleware stored: same bytes, same headers, conditional GET, HEAD; and
leaves everything it may not answer to Django."""

import io
from wsgiref.util import setup_testing_defaults

from django.core.handlers.wsgi import WSGIHandler

import pytest

from fastpath.front import PageCacheFront
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.LSV_PAGE_CACHE = True
    settings.ALLOWED_HOSTS = ["testserver"]


class CountingDjango(WSGIHandler):
    calls = 0

    def __call__(self, environ, start_response):
        type(self).calls += 1
        return super().__call__(environ, start_response)


@pytest.fixture
def app():
    # As Django's test client does: the request signals must not close the
    # test's database connection (it holds the test transaction).
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    CountingDjango.calls = 0
    yield PageCacheFront(CountingDjango())
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def call(app, path, method="GET", query="", **headers):
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_HOST": "testserver",
        "wsgi.input": io.BytesIO(b""),
    }
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, response_headers, exc_info=None):
        captured["status"] = int(status.split()[0])
        captured["headers"] = dict(response_headers)

    body = b"".join(app(environ, start_response))
    return captured["status"], captured["headers"], body


def test_a_hit_is_answered_without_django(app, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Snabbt svar")
    status, miss_headers, first = call(app, article.url)
    assert status == 200 and miss_headers["X-Page-Cache"] == "miss"
    assert CountingDjango.calls == 1
    status, headers, second = call(app, article.url)
    assert CountingDjango.calls == 1, "the hit went through Django"
    assert status == 200 and headers["X-Page-Cache"] == "hit"
    assert second == first and "Snabbt svar" in second.decode()
    assert headers["Content-Length"] == str(len(first))
    # Every header the middleware stack set is stored with the page.
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "ETag", "Cache-Control"):
        assert headers[name] == miss_headers[name], name


def test_conditional_get_and_head(app, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    _, headers, body = call(app, article.url)
    status, not_modified, empty = call(app, article.url, if_none_match=headers["ETag"])
    assert status == 304 and empty == b""
    assert not_modified["ETag"] == headers["ETag"]
    assert "Content-Security-Policy" not in not_modified
    status, head, empty = call(app, article.url, method="HEAD")
    assert status == 200 and empty == b"" and head["Content-Length"] == str(len(body))
    assert CountingDjango.calls == 1


def test_visitors_with_a_session_and_other_requests_go_to_django(app, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    call(app, article.url)
    _, headers, _ = call(app, article.url, cookie="sessionid=abc")
    assert headers.get("X-Page-Cache") is None
    call(app, article.url, query="utm_source=x")
    call(app, article.url, method="POST")
    assert CountingDjango.calls == 4


def test_publishing_makes_the_next_request_fresh(app, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Före")
    call(app, article.url)
    article.title = "Efter"
    article.save_revision().publish()
    status, headers, body = call(app, article.url)
    assert headers["X-Page-Cache"] == "miss" and "Efter" in body.decode()


def test_unknown_host_is_left_to_django(app, site_tree):
    status, _, _ = call(app, "/", HOST="evil.example")
    assert status == 400


@pytest.mark.parametrize(
    "environ",
    [
        {"PATH_INFO": "/nyheter/", "QUERY_STRING": "page=2"},
        # UTF-8 bytes of "/ämne/" as a WSGI server passes them (latin-1 str).
        {"PATH_INFO": "/ämne/".encode().decode("latin-1")},
        {"PATH_INFO": "/", "HTTP_X_FORWARDED_PROTO": "https"},
        {"PATH_INFO": "/a/", "SCRIPT_NAME": "/lsv", "HTTP_HOST": "localhost:8000"},
    ],
)
def test_front_and_middleware_agree_on_the_key(settings, environ):
    from django.core.handlers.wsgi import WSGIRequest

    from fastpath.front import request_key
    from fastpath.page_cache import cache_key

    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    environ = {"REQUEST_METHOD": "GET", "HTTP_HOST": "testserver", **environ}
    setup_testing_defaults(environ)
    key, path = request_key(dict(environ))
    request = WSGIRequest(dict(environ))
    assert key == cache_key(request)
    assert path == request.path


def test_recent_entries_stay_within_budget_and_version():
    from fastpath.front import RecentEntries
    from fastpath.page_cache import CachedPage

    recent = RecentEntries(max_bytes=10)
    page = CachedPage(200, [], b"12345", '"e"')
    recent.put("lsv:page:v1:a", page)
    recent.put("lsv:page:v1:b", page)
    assert recent.get("lsv:page:v1:a") is page and recent.size == 10
    recent.put("lsv:page:v1:c", page)  # over budget: start again
    assert recent.get("lsv:page:v1:a") is None and recent.get("lsv:page:v1:c") is page
    recent.put("lsv:page:v2:d", page)  # a new content version: older entries go
    assert recent.get("lsv:page:v1:c") is None and recent.size == 5
    recent.put("lsv:page:v2:big", CachedPage(200, [], b"x" * 11, '"b"'))
    assert recent.get("lsv:page:v2:big") is None
