"""gunicorn's settings for the image (Dockerfile CMD) and the front-server test.

gthread workers: each process runs GUNICORN_THREADS requests at once, so one
slow request does not stop its process. Slow *clients* never reach gunicorn:
the front server (deploy/nginx) reads whole requests before passing them on
and buffers whole responses, so a thread is only busy while the app works.
"""

import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A request the app has not answered in this time is cut off (the worker restarts).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# nginx talks HTTP/1.0 to the app, one request per connection; keep-alive
# connections from anything else are closed after this many seconds.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so a slow leak cannot grow for ever. Rarely:
# a new worker imports Django and Wagtail again (about 1.5 s of CPU), and a
# worker serving cached pages answers some 800 requests a second, so every
# 2,000 requests doubled the CPU a cached page costs (make bench, 2026-12-07).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
# The app logs each request as one JSON line (lsv.request); gunicorn's access
# log only when asked for (GUNICORN_ACCESS_LOG=-).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
