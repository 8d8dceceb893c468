"""The production topology on loopback: Debian's nginx with deploy/nginx's
configuration in front of gunicorn (gunicorn.conf.py, production settings,
the demo content). What it proves:

(a) 50 slowloris connections leave /healthz answering in under a second;
(b) a 100 MB anonymous POST is refused with 413 before it reaches the app;
(c) private and draft documents, originals and the internal location are
    refused; a public document is sent by nginx after the app's
    X-Accel-Redirect, byte for byte;
(d) renditions and static files come from nginx with far-future caching;
(e) pages, feeds and JSON come compressed with gzip and with brotli, cached
    pages (X-Page-Cache: hit) included.

Without nginx and its brotli module the tests are skipped, unless
REQUIRE_FRONT_SERVER=1 (CI) makes that a failure.
"""

import gzip
import os
import re
import secrets
import socket
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.front_server.stack import BROTLI_MODULE, NGINX, FrontStack

pytestmark = pytest.mark.front_server


@pytest.fixture(scope="module")
def stack(request, tmp_path_factory):
    missing = [str(path) for path in (Path(NGINX), BROTLI_MODULE) if not path.exists()]
    if missing:
        reason = (
            f"needs {', '.join(missing)}: apt-get install nginx libnginx-mod-http-brotli-filter"
        )
        if os.environ.get("REQUIRE_FRONT_SERVER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    stack = FrontStack(work=tmp_path_factory.mktemp("front-server"))
    request.addfinalizer(stack.close)
    stack.start()
    return stack


def raw_request(port: int, head: str, body: bytes = b"", head_only: bool = False) -> bytes:
    """Sends a request as written; returns the response's head and, unless
    `head_only`, as much body as its Content-Length announces."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(head.encode() + body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before reading everything
        received = b""
        while True:
            end = received.find(b"\r\n\r\n")
            if end >= 0:
                if head_only:
                    return received[:end]
                length = re.search(rb"(?im)^content-length: *(\d+)", received[:end])
                if length and len(received) >= end + 4 + int(length.group(1)):
                    return received
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                return received
            if not chunk:
                return received
            received += chunk


# (a) Slow clients ------------------------------------------------------------


def test_slowloris_leaves_health_checks_fast(stack):
    marker = f"slow-{secrets.token_hex(4)}"
    connections = []
    try:
        for _ in range(50):
            sock = socket.create_connection(("127.0.0.1", stack.port), timeout=5)
            sock.sendall(f"GET /?{marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode())
            connections.append(sock)
        timings = []
        for round_ in range(5):
            # Each slow client sends one more header line now and then, and
            # never the blank line that ends its request.
            for sock in connections:
                sock.sendall(f"X-Slow-{round_}: {'a' * 10}\r\n".encode())
            started = time.monotonic()
            response = requests.get(f"{stack.url}/healthz", timeout=5)
            timings.append(time.monotonic() - started)
            assert response.status_code == 200
            time.sleep(0.5)
        # Shown with -s, for the README's numbers.
        sys.stdout.write(
            f"\n/healthz with 50 slow connections open: {max(timings) * 1000:.0f} ms at most\n"
        )
        assert max(timings) < 1.0, timings
        # None of them reached the app: nginx holds incomplete requests.
        assert marker not in stack.app_log()
    finally:
        for sock in connections:
            sock.close()


# (b) Request bodies ----------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/", "/admin/login/"])
def test_a_100_mb_post_is_refused_before_the_app(stack, prefix):
    marker = f"too-big-{secrets.token_hex(4)}"
    path = f"{prefix}?{marker}"
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {100 * 1024 * 1024}\r\nConnection: close\r\n\r\n"
    )
    response = raw_request(stack.port, head, b"a" * 65536)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert "För stor förfrågan".encode() in response
    assert marker not in stack.app_log()


def test_a_chunked_body_over_the_limit_is_refused_before_the_app(stack):
    marker = f"too-big-chunked-{secrets.token_hex(4)}"
    chunk = b"a" * 65536
    body = (f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n") * 32  # 2 MB, no end
    head = (
        f"POST /sok/?{marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    )
    response = raw_request(stack.port, head, body)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert marker not in stack.app_log()


def test_a_small_post_reaches_the_app(stack):
    marker = f"small-post-{secrets.token_hex(4)}"
    response = requests.post(f"{stack.url}/sok/?{marker}", data={"q": "a" * 1000}, timeout=10)
    # Django's CSRF check answers; what matters is that the app saw it.
    assert response.status_code in {403, 405}
    assert marker in stack.app_log()


# (c) Documents and originals -------------------------------------------------


def test_private_and_draft_documents_are_refused(stack):
    for name in ("private", "draft"):
        document = stack.documents[name]
        assert requests.get(stack.url + document["url"], timeout=10).status_code == 404, name
        assert (stack.media_root / document["file"]).exists()


def test_nothing_under_media_but_renditions(stack):
    files = [stack.documents[name]["file"] for name in ("public", "private", "draft")]
    paths = [f"/media/{name}" for name in files] + [
        f"/media/{stack.documents['original']}",
        "/_lsv_internal/" + files[0],
        f"/media/images/../{files[0]}",
        f"/media/images/..%2f{files[0].replace('/', '%2f')}",
        f"/media/images/%2e%2e/{stack.documents['original']}",
        "/media/images/" + "a" * 300 + ".jpg",
    ]
    for path in paths:
        response = requests.get(stack.url + path, timeout=10)
        assert response.status_code == 404, path
        assert "Sidan finns inte" in response.text, path
    assert (stack.media_root / stack.documents["original"]).exists()


def test_a_public_document_is_sent_by_nginx_after_the_app_allows_it(stack):
    document = stack.documents["public"]
    # The app answers with the file's internal name...
    # (Asked directly, as nginx asks it; the body stays empty, whatever
    # Content-Length Wagtail's sendfile sets.)
    from_app = raw_request(
        stack.app_port,
        f"GET {document['url']} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n",
        head_only=True,
    ).decode()
    assert re.match(r"HTTP/1\.[01] 200 ", from_app)
    assert f"\r\nX-Accel-Redirect: /_lsv_internal/{document['file']}\r\n" in from_app
    # ...which nginx sends, with the document view's headers.
    response = requests.get(stack.url + document["url"], timeout=10)
    assert response.status_code == 200
    assert response.content == (stack.media_root / document["file"]).read_bytes()
    assert response.content.startswith(b"%PDF-")
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("inline; filename=")
    assert response.headers["Content-Security-Policy"] == "default-src 'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Accel-Redirect" not in response.headers


# (d) Renditions and static files ---------------------------------------------


def test_renditions_and_static_files_come_from_nginx_with_far_future_caching(stack):
    home = requests.get(f"{stack.url}/", timeout=10).text
    renditions = sorted(set(re.findall(r"/media/images/[^\"' ,]+", home)))
    stylesheet = re.search(r"/static/css/site\.[0-9a-f]{12}\.css", home).group(0)
    assert renditions
    for path in [renditions[0], renditions[-1], stylesheet]:
        response = requests.get(stack.url + path, timeout=10)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert response.headers["Server"] == "nginx"
        assert path not in stack.app_log(), path
    assert "original_images" not in home


# (e) Compression -------------------------------------------------------------

COMPRESSED = [
    "/",
    "/nyheter/",
    "/feeds/nyheter/rss/",
    "/feeds/nyheter/atom/",
    "/feeds/nyheter/json/",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", COMPRESSED)
def test_pages_feeds_and_json_are_compressed(stack, path):
    plain = requests.get(stack.url + path, headers={"Accept-Encoding": "identity"}, timeout=10)
    assert plain.status_code == 200
    assert "Content-Encoding" not in plain.headers
    for encoding in ("gzip", "br"):
        response = requests.get(
            stack.url + path, headers={"Accept-Encoding": encoding}, timeout=10, stream=True
        )
        raw = response.raw.read()
        assert response.headers["Content-Encoding"] == encoding, (path, encoding)
        assert "Accept-Encoding" in response.headers["Vary"]
        assert len(raw) < len(plain.content) / 2
        if encoding == "gzip":
            assert gzip.decompress(raw) == plain.content


def test_cached_pages_are_compressed_too(stack):
    for path in ("/", "/feeds/nyheter/json/"):
        requests.get(stack.url + path, timeout=10)
        for encoding in ("gzip", "br"):
            response = requests.get(
                stack.url + path, headers={"Accept-Encoding": encoding}, timeout=10
            )
            assert response.headers["X-Page-Cache"] == "hit", path
            assert response.headers["Content-Encoding"] == encoding, (path, encoding)
