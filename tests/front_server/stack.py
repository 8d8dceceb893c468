"""Debian's nginx, configured by deploy/nginx, in front of gunicorn
(gunicorn.conf.py) under production settings, on loopback ports, with the demo
content in an SQLite database of its own. Every process it starts is stopped
by `close()`."""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.scale_out.stack import free_port, manage, spawn

BASE_DIR = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
TEMPLATE = BASE_DIR / "deploy" / "nginx" / "default.conf.template"
BROTLI_CONF = BASE_DIR / "deploy" / "nginx" / "brotli.conf"
NGINX = os.environ.get("NGINX_PATH", "/usr/sbin/nginx")
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
RENDER = BASE_DIR / "deploy" / "nginx" / "render-config"


@dataclass
class FrontStack:
    work: Path
    app_port: int = field(default_factory=free_port)
    port: int = field(default_factory=free_port)
    processes: list[subprocess.Popen] = field(default_factory=list)
    documents: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def app_url(self) -> str:
        return f"http://127.0.0.1:{self.app_port}"

    @property
    def access_log(self) -> Path:
        return self.work / "gunicorn-access.log"

    @property
    def media_root(self) -> Path:
        return self.work / "media"

    def environment(self) -> dict[str, str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "AWS_", "LSV_", "REDIS_", "CACHE_", "GUNICORN_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="lsv_site.settings.production",
            SECRET_KEY="front-server-" + secrets.token_hex(24),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=f"sqlite:///{self.work / 'db.sqlite3'}",
            STATIC_ROOT=str(self.work / "static"),
            MEDIA_ROOT=str(self.media_root),
            CACHE_DIR=str(self.work / "cache"),
            LSV_PAGE_CACHE="true",
            LSV_X_ACCEL_REDIRECT="true",
            LSV_TRUSTED_PROXIES="1",
            GUNICORN_BIND=f"127.0.0.1:{self.app_port}",
            GUNICORN_WORKERS="2",
            GUNICORN_THREADS="4",
            GUNICORN_ACCESS_LOG=str(self.access_log),
            PYTHONUNBUFFERED="1",
        )
        return env

    def manage(self, *args: str) -> str:
        return manage(self.environment(), *args, timeout=300)

    def start(self) -> None:
        self.media_root.mkdir()
        # Side by side where nothing depends on it: static files while the
        # database is migrated, the servers starting while the content loads.
        with (self.work / "collectstatic.log").open("wb") as out:
            collectstatic = subprocess.Popen(
                [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                cwd=BASE_DIR,
                env=self.environment(),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        self.manage("migrate", "--noinput", "-v0")
        if collectstatic.wait(timeout=300):
            raise RuntimeError(f"collectstatic failed:\n{self.logs()}")
        self._spawn(
            [str(BIN / "gunicorn"), "-c", str(BASE_DIR / "gunicorn.conf.py"), "lsv_site.wsgi"],
            "gunicorn",
            env=self.environment(),
        )
        self._start_nginx()
        self.manage("load_demo_content", "--no-admin")
        script = (Path(__file__).parent / "setup_private.py").read_text()
        self.documents = json.loads(self.manage("shell", "-c", script).strip().splitlines()[-1])
        self._wait(f"{self.app_url}/healthz")
        self._wait(f"{self.url}/healthz")

    def _start_nginx(self) -> None:
        extra = self.work / "nginx-extra"
        extra.mkdir()
        shutil.copy(BROTLI_CONF, extra / "brotli.conf")
        for temp in ("client_body", "proxy"):
            (self.work / f"nginx-{temp}").mkdir()
        # The front image's own renderer (deploy/nginx/render-config), with
        # this test's values in the environment.
        values = {
            "LSV_LISTEN": f"127.0.0.1:{self.port}",
            "LSV_APP": f"127.0.0.1:{self.app_port}",
            "LSV_STATIC_ROOT": str(self.work / "static"),
            "LSV_MEDIA_ROOT": str(self.media_root),
            "LSV_ADMIN_PATH": "admin",
            "LSV_NGINX_EXTRA": str(extra),
        }
        environment = {k: v for k, v in os.environ.items() if not k.startswith("LSV_")}
        subprocess.run(
            [str(RENDER), str(TEMPLATE), str(self.work / "site.conf")],
            env={**environment, **values},
            check=True,
        )
        # The main file: what Debian's nginx.conf and modules-enabled give in
        # the front image, with this test's paths.
        user = "user root root;\n" if os.geteuid() == 0 else ""
        (self.work / "nginx.conf").write_text(
            f"""{user}load_module {BROTLI_MODULE};
worker_processes 1;
daemon off;
pid {self.work}/nginx.pid;
error_log {self.work}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {self.work}/nginx-access.log;
    client_body_temp_path {self.work}/nginx-client_body;
    proxy_temp_path {self.work}/nginx-proxy;
    include {self.work}/site.conf;
}}
"""
        )
        conf = str(self.work / "nginx.conf")
        check = subprocess.run([NGINX, "-t", "-c", conf], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
        self._spawn([NGINX, "-c", conf], "nginx")

    def _spawn(self, command: list[str], name: str, env=None) -> None:
        self.processes.append(spawn(command, self.work / f"{name}.log", env))

    def _wait(self, url: str) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(process.poll() is not None for process in self.processes):
                raise RuntimeError(f"a process exited:\n{self.logs()}")
            try:
                if requests.get(url, timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass  # not listening yet, or its workers are still starting
            time.sleep(0.2)
        raise RuntimeError(f"{url} did not answer within 60 s:\n{self.logs()}")

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-2000:]}"
            for path in sorted(self.work.glob("*.log"))
        )

    def app_log(self) -> str:
        """gunicorn's access log, once it holds every request sent before:
        a request sent now through nginx is waited for, as the line is
        written after the response."""
        sentinel = f"sentinel-{secrets.token_hex(4)}"
        requests.get(f"{self.url}/healthz?{sentinel}", timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            text = self.access_log.read_text() if self.access_log.exists() else ""
            if sentinel in text:
                return text
            time.sleep(0.05)
        raise RuntimeError(f"gunicorn did not log {sentinel}:\n{self.logs()}")

    def close(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
        self.processes.clear()
