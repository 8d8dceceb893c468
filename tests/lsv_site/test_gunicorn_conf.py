"""gunicorn.conf.py, the settings the image and the front-server test run with."""

import runpy
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def settings(monkeypatch, **env) -> dict:
    for name in ("GUNICORN_MAX_REQUESTS", "GUNICORN_WORKERS", "GUNICORN_THREADS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_workers_are_recycled_rarely_enough_for_cached_traffic(monkeypatch):
    # A new worker imports Django and Wagtail again, about 1.5 s of CPU, and a
    # cached page costs about 0.5 ms: recycling must stay a small share of that.
    config = settings(monkeypatch)
    import_cpu_ms, cached_page_cpu_ms = 1500, 0.5
    assert import_cpu_ms / config["max_requests"] < 0.1 * cached_page_cpu_ms
    assert 0 < config["max_requests_jitter"] < config["max_requests"]


def test_the_environment_sets_processes_threads_and_recycling(monkeypatch):
    config = settings(
        monkeypatch, GUNICORN_WORKERS="3", GUNICORN_THREADS="2", GUNICORN_MAX_REQUESTS="500"
    )
    assert (config["workers"], config["threads"], config["max_requests"]) == (3, 2, 500)
    assert config["worker_class"] == "gthread"
