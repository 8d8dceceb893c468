"""The upper bound: a WSGI app returning the same bytes as a real page,
served by the same gunicorn settings."""

import os
from pathlib import Path

BODY = Path(os.environ["BENCH_BODY_FILE"]).read_bytes()
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
