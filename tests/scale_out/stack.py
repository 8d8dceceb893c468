"""A small production stack on loopback: one PostgreSQL database, one Redis key
prefix, one S3 emulator (moto's server mode) and any number of gunicorn
instances of the app under production settings sharing the three.

Used by tests/scale_out; every process it starts is stopped by `close()`, and
the database, the Redis keys and the emulator's data go with them.
"""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

BASE_DIR = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
BUCKET = "lsv-media"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@dataclass
class Instance:
    name: str
    url: str
    process: subprocess.Popen
    log: Path
    media_root: Path


@dataclass
class Stack:
    work: Path
    server_url: str  # any database on the PostgreSQL server, for CREATE/DROP DATABASE
    redis_url: str
    database: str = field(default_factory=lambda: f"lsv_scale_out_{secrets.token_hex(4)}")
    key_prefix: str = field(default_factory=lambda: f"lsv-scale-out-{secrets.token_hex(4)}")
    s3_port: int = field(default_factory=free_port)
    # One for all instances, as in production: sessions and CSRF tokens are
    # signed with it, so a login on one instance holds on the others.
    secret_key: str = field(default_factory=lambda: "scale-out-" + secrets.token_hex(24))
    instances: list[Instance] = field(default_factory=list)
    _processes: list[subprocess.Popen] = field(default_factory=list)
    _database_created: bool = False

    @property
    def database_url(self) -> str:
        return with_database(self.server_url, self.database)

    @property
    def s3_url(self) -> str:
        return f"http://127.0.0.1:{self.s3_port}"

    def s3(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            aws_access_key_id="scale-out",
            aws_secret_access_key="scale-out",
            region_name="us-east-1",
        )

    def environment(self, media_root: Path) -> dict[str, str]:
        """What every instance gets: production settings, the shared services."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "AWS_", "LSV_", "REDIS_", "CACHE_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="lsv_site.settings.production",
            SECRET_KEY=self.secret_key,
            ALLOWED_HOSTS="127.0.0.1",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            CACHE_KEY_PREFIX=self.key_prefix,
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=self.s3_url,
            AWS_S3_REGION_NAME="us-east-1",
            AWS_ACCESS_KEY_ID="scale-out",
            AWS_SECRET_ACCESS_KEY="scale-out",
            # As with a bucket that still uses ACLs: documents and originals
            # must stay private all the same (ops.storage).
            AWS_DEFAULT_ACL="public-read",
            # Plain HTTP on loopback.
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            STATIC_ROOT=str(self.work / "static"),
            # Each instance's own, and it must stay empty: nothing may depend
            # on the local disk of the instance that received an upload.
            MEDIA_ROOT=str(media_root),
            LSV_PAGE_CACHE="true",
            PYTHONUNBUFFERED="1",
        )
        return env

    # Starting -----------------------------------------------------------------

    def start(self, instances: int = 2) -> None:
        self._create_database()
        self._start_s3()
        setup_env = self.environment(self.work / "media-setup")
        self.manage(setup_env, "collectstatic", "--noinput", "-v0")
        self.manage(setup_env, "migrate", "--noinput", "-v0")
        for index in range(instances):
            self._start_instance(chr(ord("A") + index))

    def manage(self, env: dict[str, str], *args: str) -> str:
        return manage(env, *args)

    def _create_database(self) -> None:
        import psycopg

        with psycopg.connect(self.server_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.database}"')
        self._database_created = True

    def _start_s3(self) -> None:
        log = self.work / "moto.log"
        process = self._spawn(
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.s3_port)], log
        )
        self._wait_until_answering(f"{self.s3_url}/moto-api/", process, log)
        self.s3().create_bucket(Bucket=BUCKET)

    def _start_instance(self, name: str) -> None:
        port = free_port()
        media_root = self.work / f"media-{name}"
        media_root.mkdir()
        log = self.work / f"gunicorn-{name}.log"
        process = self._spawn(
            [
                str(BIN / "gunicorn"),
                "lsv_site.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--timeout",
                "120",
            ],
            log,
            env=self.environment(media_root),
        )
        url = f"http://127.0.0.1:{port}"
        self._wait_until_answering(f"{url}/healthz", process, log)
        self.instances.append(Instance(name, url, process, log, media_root))

    def _spawn(self, command: list[str], log: Path, env=None) -> subprocess.Popen:
        process = spawn(command, log, env)
        self._processes.append(process)
        return process

    @staticmethod
    def _wait_until_answering(url: str, process: subprocess.Popen, log: Path) -> None:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"{url}: the process exited:\n{log.read_text()[-3000:]}")
            try:
                if requests.get(url, timeout=5).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.25)
        raise RuntimeError(f"{url} did not answer within 90 s:\n{log.read_text()[-3000:]}")

    # Stopping -----------------------------------------------------------------

    def close(self) -> None:
        for process in reversed(self._processes):
            _stop(process)
        self._processes.clear()
        self._forget_cache_keys()
        if self._database_created:
            import psycopg

            with psycopg.connect(self.server_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self._database_created = False

    def _forget_cache_keys(self) -> None:
        import redis

        try:
            client = redis.Redis.from_url(self.redis_url)
            keys = list(client.scan_iter(match=f"{self.key_prefix}:*", count=1000))
            if keys:
                client.delete(*keys)
        except redis.RedisError:
            pass


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def spawn(command: list[str], log: Path, env=None) -> subprocess.Popen:
    """`command` in the background, its output in `log`, in a process group of
    its own, so stopping the group stops gunicorn's workers too."""
    with log.open("wb") as out:
        return subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def manage(env: dict[str, str], *args: str, timeout: int = 600) -> str:
    """`manage.py ARGS` in its own process with `env`; its output, or an error
    with the end of what it said."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def log_in(url: str, username: str, password: str, totp_key: bytes = b"") -> requests.Session:
    """A session logged into the admin of the instance at `url`, the way a
    browser does it: the login form's CSRF token and cookie, then the POST,
    then the code an authenticator app shows for `totp_key`."""
    session = requests.Session()
    page = session.get(f"{url}/admin/login/", timeout=30)
    token = CSRF_INPUT.search(page.text).group(1)
    response = session.post(
        f"{url}/admin/login/",
        data={
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password,
            "next": "/admin/",
        },
        timeout=30,
        allow_redirects=False,
    )
    if response.status_code != 302:
        raise RuntimeError(f"login failed: {response.status_code}")
    if totp_key:
        from tests.two_factor import code_for_key

        page = session.get(f"{url}/admin/tvafaktor/", timeout=30)
        response = session.post(
            f"{url}/admin/tvafaktor/",
            data={
                "csrfmiddlewaretoken": CSRF_INPUT.search(page.text).group(1),
                "token": code_for_key(totp_key),
                "next": "/admin/",
            },
            timeout=30,
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"two-factor step failed: {response.status_code}")
    return session
