"""`make bench`: build demo content plus generated articles in a dedicated
PostgreSQL database, serve it with gunicorn (2 workers, production settings) on
127.0.0.1, load every page type with wrk uncached (fragment memo on), from
scratch (memo off) and cached, and print one table, with a bare WSGI app
returning the same bytes as the upper bound and the rows at 50,000 articles.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/lsv_bench_pages;
the database is dropped and recreated), BENCH_ARTICLES (1000), BENCH_SCALE_ARTICLES
(50000; 0 skips the scale rows), BENCH_SECONDS per load run (10), BENCH_CONNECTIONS (8),
BENCH_REUSE_DATABASE=1 to keep the database a previous run built (before its scale step).
"""

import json
import os
import re
import runpy
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/lsv_bench_pages"
)
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "1000"))
SCALE_ARTICLES = int(os.environ.get("BENCH_SCALE_ARTICLES", "50000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
PORT = int(os.environ.get("BENCH_PORT", "8701"))
# What gunicorn.conf.py sets, under this environment.
GUNICORN_CONFIG = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
THREADS = GUNICORN_CONFIG["threads"]
MAX_REQUESTS = GUNICORN_CONFIG["max_requests"]
TICKS = os.sysconf("SC_CLK_TCK")
WORK = Path(tempfile.mkdtemp(prefix="lsv-bench-"))
SCALE_PAGES = ["news listing", "news listing, deep page", "topic listing", "feed (20 items)"]


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def environment(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="lsv_site.settings.production",
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=DATABASE_URL,
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        CACHE_DIR=str(WORK / "cache"),
        LOG_LEVEL="WARNING",
        # The admin probe logs in with force_login, which has no second
        # factor; the two-factor check itself is not part of what is measured.
        LSV_REQUIRE_2FA="false",
    )
    env.update(extra)
    return env


def manage(*args: str) -> str:
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=environment(),
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    say("installing wrk (Debian package)")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)


def recreate_database() -> None:
    *server, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{server[0]}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


class Gunicorn:
    def __init__(self, app: str = "lsv_site.wsgi:application", **env: str):
        self.pidfile = WORK / "gunicorn.pid"
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                app,
                # The production settings (gthread workers, recycling), with
                # two workers and the bench's address.
                "--config",
                str(ROOT / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{PORT}",
                "--workers",
                "2",
                "--pid",
                str(self.pidfile),
                "--chdir",
                str(ROOT),
            ],
            env=environment(**env),
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5)
                break
            except OSError:
                time.sleep(0.2)

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def cpu_seconds(self) -> float:
        """CPU time of the master and its workers, those gone included: gunicorn
        recycles a worker after GUNICORN_MAX_REQUESTS requests, and a worker
        that has exited counts in its parent's cutime and cstime."""
        total = 0
        for pid in [self.process.pid, *self.workers()]:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
            if pid == self.process.pid:
                total += int(fields[13]) + int(fields[14])  # cutime, cstime
        return total / TICKS

    def rss_mb(self) -> list[int]:
        sizes = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) // 1024)
        return sizes

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            # Workers stuck in a slow request must not cost the results so far.
            self.process.kill()
            self.process.wait()


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def cycle_script(paths: list[str]) -> list[str]:
    """wrk options that request `paths` in turn instead of one URL."""
    script = WORK / f"paths-{len(paths)}.lua"
    listed = ",".join(json.dumps(path) for path in paths)
    script.write_text(
        f"local paths = {{{listed}}}\nlocal i = 0\n"
        "request = function()\n  i = i + 1\n"
        "  return wrk.format('GET', paths[(i % #paths) + 1])\nend\n"
    )
    return ["-s", str(script)]


def load(server: Gunicorn, url: str, paths: list[str] | None = None) -> dict:
    target = f"http://127.0.0.1:{PORT}{url}"
    script = cycle_script(paths) if paths else []
    subprocess.run(["wrk", "-t2", "-c2", "-d1s", *script, target], check=True, capture_output=True)
    before = server.cpu_seconds()
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *script, target],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    cpu = server.cpu_seconds() - before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # The latency distribution's lines, not the "+/- Stdev" percentages.
        "p50": to_ms(re.search(r"^\s*50%\s+(\S+)\s*$", out, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s*99%\s+(\S+)\s*$", out, re.M).group(1)),
        "cpu_ms": cpu * 1000 / max(requests, 1),
        "errors": int(errors.group(1)) if errors else 0,
    }


def run_pages(pages: dict, names: list[str], **env: str) -> tuple[dict, list[int]]:
    server = Gunicorn(**env)
    try:
        results = {
            name: load(server, pages[name]["url"], pages[name].get("paths")) for name in names
        }
        return results, server.rss_mb()
    finally:
        server.stop()


def fetch(path: str, **env: str) -> bytes:
    server = Gunicorn(**env)
    try:
        return urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}").read()
    finally:
        server.stop()


def fmt(result: dict | None) -> str:
    if result is None:
        return "| – | – | – | – "
    flag = f" ({result['errors']} errors)" if result["errors"] else ""
    return (
        f"| {result['rps']:,.0f}{flag} | {result['p50']:.1f} | {result['p99']:.1f} "
        f"| {result['cpu_ms']:.2f} "
    )


def main() -> None:
    ensure_wrk()
    say(f"database {DATABASE_URL}, {ARTICLES} generated articles, {SECONDS} s per run")
    if os.environ.get("BENCH_REUSE_DATABASE") != "1":
        recreate_database()
        manage("migrate", "--noinput")
        manage("load_demo_content", "--no-admin")
        manage("bench_articles", str(ARTICLES))
        manage("generate_renditions")
    manage("collectstatic", "--noinput")
    pages = json.loads(manage("bench_probe", "--admin").strip().splitlines()[-1])
    admin_ms = pages.pop("_admin_ms")
    names = list(pages)

    say("loading pages uncached, from scratch, then cached …")
    uncached, rss = run_pages(pages, names, LSV_PAGE_CACHE="false")
    scratch, _ = run_pages(pages, names, LSV_PAGE_CACHE="false", LSV_FRAGMENT_MEMO="false")
    cached, cached_rss = run_pages(pages, names, LSV_PAGE_CACHE="true")

    body = WORK / "article.html"
    body.write_bytes(fetch(pages["article"]["url"]))
    bare_server = Gunicorn("bench.bare_wsgi:application", BENCH_BODY_FILE=str(body))
    try:
        bare = load(bare_server, "/")
    finally:
        bare_server.stop()

    say("")
    say(
        f"{os.cpu_count()} cores, {platform()}, gunicorn 2 gthread workers × {THREADS} threads "
        f"(recycled after {MAX_REQUESTS} requests), wrk {CONNECTIONS} "
        f"connections, {SECONDS} s per run, demo content + {ARTICLES} articles"
    )
    say("")
    say(
        "| page | queries (first / later) | HTML bytes | uncached req/s | p50 ms | p99 ms "
        "| CPU ms/req | from scratch: CPU ms/req | cached req/s | p50 ms | p99 ms | CPU ms/req |"
    )
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        queries = f"{pages[name]['first_queries']} / {pages[name]['queries']}"
        say(
            f"| {name} | {queries} | {pages[name]['bytes']:,} "
            f"{fmt(uncached[name])}| {scratch[name]['cpu_ms']:.2f} {fmt(cached[name])}|"
        )
    size = body.stat().st_size
    say(f"| bare WSGI app, the article's bytes | 0 | {size:,} {fmt(None)}| – {fmt(bare)}|")
    say("")
    ratio = cached["article"]["rps"] / bare["rps"]
    say(f"cached article: {ratio:.0%} of the bare WSGI app's requests/s")
    say(f"worker RSS after the uncached run: {rss} MB; after the cached run: {cached_rss} MB")
    say(f"admin news listing ({ARTICLES} articles): {admin_ms} ms")

    # The table above is printed before the long scale step, so it survives it.
    if SCALE_ARTICLES > ARTICLES:
        say(f"adding articles up to {SCALE_ARTICLES} …")
        started = time.perf_counter()
        manage("bench_articles", str(SCALE_ARTICLES - ARTICLES))
        generation_s = time.perf_counter() - started
        scale_pages = json.loads(manage("bench_probe", "--admin").strip().splitlines()[-1])
        scale_admin_ms = scale_pages.pop("_admin_ms")
        scale, _ = run_pages(scale_pages, SCALE_PAGES, LSV_PAGE_CACHE="false")
        say("")
        say(f"Scale: {SCALE_ARTICLES:,} articles (generated in {generation_s:.0f} s), uncached")
        say("")
        say(
            "| page | queries | p50 ms at 1k | p50 ms at scale | ratio "
            "| CPU ms/req at 1k | at scale | ratio |"
        )
        say("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name in SCALE_PAGES:
            small, large = uncached[name]["p50"], scale[name]["p50"]
            cpu_small, cpu_large = uncached[name]["cpu_ms"], scale[name]["cpu_ms"]
            say(
                f"| {name} | {scale_pages[name]['queries']} | {small:.1f} | {large:.1f} "
                f"| {large / small:.2f} | {cpu_small:.2f} | {cpu_large:.2f} "
                f"| {cpu_large / cpu_small:.2f} |"
            )
        say(f"admin news listing ({SCALE_ARTICLES:,} articles): {scale_admin_ms} ms")


def platform() -> str:
    model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    return model.group(1).strip() if model else "unknown CPU"


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
