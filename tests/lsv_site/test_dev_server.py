"""`make run`'s server (bin/serve-dev) stops cleanly on Ctrl-C: the
development server and the task worker beside it both end, with status 0."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def group_members(group: int) -> list[str]:
    found = subprocess.run(["pgrep", "-g", str(group), "-a"], capture_output=True, text=True)
    return [line for line in found.stdout.splitlines() if "<defunct>" not in line]


def test_ctrl_c_stops_server_and_scheduler(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    # A session of its own, as a terminal gives `make run`: Ctrl-C reaches the group.
    server = subprocess.Popen(
        ["bash", "bin/serve-dev", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline, "the development server never answered"
                assert server.poll() is None, server.stdout.read().decode()
                time.sleep(0.5)
        assert any("db_worker" in line for line in group_members(server.pid))

        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=30)[0].decode()
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)
    assert server.returncode == 0, output
    assert "Segmentation fault" not in output
    assert group_members(server.pid) == []
