"""Production logs: one JSON line per request on stdout, errors with tracebacks."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ops.log_format import JsonFormatter

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django
django.setup()
from django.test import Client
Client().get("/healthz", HTTP_HOST="www.example.org", secure=True)
"""


@pytest.mark.slow
def test_production_logs_one_json_line_per_request():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lsv_site.settings.production",
        "SECRET_KEY": "a-long-random-production-test-key-" + "k" * 40,
        "ALLOWED_HOSTS": "www.example.org",
        "LOG_LEVEL": "INFO",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    requests = [line for line in lines if line["logger"] == "lsv.request"]
    assert len(requests) == 1
    entry = requests[0]
    assert entry["method"] == "GET" and entry["path"] == "/healthz" and entry["status"] == 200
    assert isinstance(entry["duration_ms"], float) and entry["duration_ms"] >= 0
    assert entry["level"] == "INFO" and entry["time"]


def test_errors_are_logged_with_their_traceback():
    try:
        raise ValueError("broken")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/x",),
            sys.exc_info(),
            extra={"status_code": 500},
        )
    line = JsonFormatter().format(record)
    assert "\n" not in line  # one line, however long the traceback
    entry = json.loads(line)
    assert entry["message"] == "Internal Server Error: /x"
    assert entry["status_code"] == 500
    assert "ValueError: broken" in entry["traceback"]
