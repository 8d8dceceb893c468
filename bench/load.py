"""`make bench-load`: the site under steady load, then through a database restart.

Starts a throwaway PostgreSQL cluster (initdb into a temporary directory, its own
port; the machine's shared server is never touched), builds the demo content in
it and serves it as production does: production settings, gunicorn as
gunicorn.conf.py sets it (2 gthread workers), the full-page cache on (in files
under a temporary CACHE_DIR, production's default without REDIS_URL). Then, over
one mix of home, listings, articles, white papers, people, feeds and searches:

1. steady load: wrk, LOAD_CONNECTIONS (32) connections for LOAD_SECONDS (60):
   requests/s, p50/p99 latency, socket errors and every status seen;
2. a restart: the same load from a small asyncio client that timestamps every
   request, while PostgreSQL is restarted (`pg_ctl restart -m fast`)
   LOAD_RESTART_AT (20) seconds in: how many requests failed, which, and how
   long after the restart every request succeeded again, with a per-second
   timeline around it.

A request fails if it gets no complete response within LOAD_TIMEOUT (10) s or
its status is not 2xx/3xx; the 503 maintenance page counts as a failure.

Environment: LOAD_SECONDS, LOAD_CONNECTIONS, LOAD_RESTART_AT, LOAD_TIMEOUT,
LOAD_PG_PORT (55432, or a free one), PG_BIN_DIR (the newest
/usr/lib/postgresql/*/bin), BENCH_PORT (gunicorn, 8701), REDIS_URL (the page
cache in Redis instead of files, under a key prefix of this run's own).
"""

import asyncio
import json
import math
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pages  # bench/pages.py: gunicorn, wrk and environment helpers (run as a script)
import psycopg

ROOT = pages.ROOT
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "32"))
RESTART_AT = float(os.environ.get("LOAD_RESTART_AT", "20"))
TIMEOUT = float(os.environ.get("LOAD_TIMEOUT", "10"))
PORT = pages.PORT
WORK = Path(tempfile.mkdtemp(prefix="lsv-load-"))
say = pages.say
# As in production: Redis when REDIS_URL is set, otherwise files shared by the workers.
CACHE = "Redis" if os.environ.get("REDIS_URL") else "file cache"

# Share of requests per kind, in percent. Searches (query strings are not
# cacheable) and feeds (rendered each time to answer their ETag) never come
# from the page cache: they are the part of the mix that needs the database on
# every request.
MIX = {"home": 15, "listing": 20, "article": 35, "white paper": 5, "person": 5, "feed": 10}
MIX["search"] = 100 - sum(MIX.values())
SEARCHES = ["innovation", "välfärd", "effektmätning", "social innovation", "rapport"]

URLS_SCRIPT = """
import json
from taggit.models import Tag
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, PersonPage
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage

news = NewsIndexPage.objects.get().url
topic = Tag.objects.filter(core_pagetopic_items__isnull=False).order_by("id").first()
print(json.dumps({
    "home": ["/"],
    "listing": [news, news + "?page=2", news + "amne/" + topic.slug + "/",
                WhitePaperIndexPage.objects.get().url, PeopleIndexPage.objects.get().url],
    "article": [p.url for p in NewsArticlePage.objects.live()],
    "white paper": [p.url for p in WhitePaperPage.objects.live()],
    "person": [p.url for p in PersonPage.objects.live()],
    "feed": ["/feeds/rss/", "/feeds/nyheter/atom/", "/feeds/json/", "/feeds/white-papers/rss/"],
}))
"""


# PostgreSQL of our own ---------------------------------------------------------


def pg_bin_dir() -> Path:
    if os.environ.get("PG_BIN_DIR"):
        return Path(os.environ["PG_BIN_DIR"])
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"), key=lambda path: int(path.parent.name)
    )
    if not versions:
        raise SystemExit("no PostgreSQL server binaries: apt-get install postgresql")
    return versions[-1]


def free_port(preferred: int) -> int:
    for port in [preferred, 0]:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return probe.getsockname()[1]
    raise SystemExit("no free port")


class Cluster:
    """A PostgreSQL server in a temporary directory, trust authentication,
    listening on 127.0.0.1 only. Root cannot run PostgreSQL, so as root it runs
    as the `postgres` user."""

    def __init__(self):
        self.bin = pg_bin_dir()
        self.port = free_port(int(os.environ.get("LOAD_PG_PORT", "55432")))
        self.dir = Path(tempfile.mkdtemp(prefix="lsv-load-pg-"))
        self.data = self.dir / "data"
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        self.run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"), "-w",
            "-o", f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1",
            "start",
        )  # fmt: skip
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/lsv_load"

    def run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        # Output to a file, never a pipe: the server pg_ctl starts inherits it
        # and would hold a pipe open for as long as it runs.
        with open(self.dir / "pg_ctl.out", "a") as output:
            result = subprocess.run(command, stdout=output, stderr=output, cwd=self.dir)
        if result.returncode:
            raise SystemExit(f"{tool} failed:\n" + (self.dir / "pg_ctl.out").read_text()[-2000:])

    def restart(self) -> None:
        # Fast: open sessions are cut off at once, as in a failover or an
        # upgrade. -w returns once the server accepts connections again.
        self.run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.dir / "server.log"),
            "-m", "fast", "-w", "restart",
        )  # fmt: skip

    def remove(self) -> None:
        try:
            self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
        except SystemExit:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)


# The site ------------------------------------------------------------------------


def site_environment(cluster: Cluster) -> dict[str, str]:
    return {
        "DATABASE_URL": cluster.url,
        "STATIC_ROOT": str(WORK / "static"),
        "MEDIA_ROOT": str(WORK / "media"),
        "CACHE_DIR": str(WORK / "cache"),
        # Only used with REDIS_URL set: nothing from an earlier run is served.
        "CACHE_KEY_PREFIX": f"lsv-load-{WORK.name}",
        "LSV_PAGE_CACHE": "true",
    }


def manage(cluster: Cluster, *args: str) -> str:
    return subprocess.run(
        [str(pages.BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=pages.environment(**site_environment(cluster)),
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def build_site(cluster: Cluster) -> dict[str, list[str]]:
    with psycopg.connect(cluster.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE lsv_load")
    manage(cluster, "migrate", "--noinput")
    manage(cluster, "load_demo_content", "--no-admin")
    manage(cluster, "extract_document_text")
    manage(cluster, "generate_renditions")
    manage(cluster, "collectstatic", "--noinput")
    urls = json.loads(manage(cluster, "shell", "-c", URLS_SCRIPT).strip().splitlines()[-1])
    urls["search"] = [f"/sok/?q={quote(words)}" for words in SEARCHES]
    return urls


def request_mix(urls: dict[str, list[str]]) -> list[tuple[str, str]]:
    """100 (kind, path) pairs in the MIX shares, each kind cycling through its
    URLs, in a fixed shuffled order."""
    mix = []
    for kind, share in MIX.items():
        mix += [(kind, urls[kind][i % len(urls[kind])]) for i in range(share)]
    random.Random(6).shuffle(mix)
    return mix


# Phase 1: wrk ------------------------------------------------------------------

WRK_SCRIPT = """
paths = {%s}
local threads = {}
function setup(thread)
  thread:set("offset", #threads * 37)
  table.insert(threads, thread)
end
function init(args)
  counter = offset
  statuses = {}
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("STATUS %%d %%d\\n", status, count))
  end
end
"""


def run_wrk(server: pages.Gunicorn, mix: list[tuple[str, str]]) -> dict:
    script = WORK / "mix.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(path) for _, path in mix))
    before = server.cpu_seconds()
    out = subprocess.run(
        [
            "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", f"--timeout={TIMEOUT:g}s",
            "--latency", "-s", str(script), f"http://127.0.0.1:{PORT}",
        ],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    cpu = server.cpu_seconds() - before
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    sockets = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    statuses = Counter({int(s): int(n) for s, n in re.findall(r"^STATUS (\d+) (\d+)$", out, re.M)})
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": pages.to_ms(re.search(r"^\s*50%\s+(\S+)\s*$", out, re.M).group(1)),
        "p99": pages.to_ms(re.search(r"^\s*99%\s+(\S+)\s*$", out, re.M).group(1)),
        "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
        "statuses": statuses,
        "cpu_ms": cpu * 1000 / max(requests, 1),
    }


# Phase 2: timestamped requests through a restart ---------------------------------


@dataclass
class Result:
    kind: str
    start: float
    end: float
    outcome: int | str  # the status, or what went wrong

    @property
    def ok(self) -> bool:
        return isinstance(self.outcome, int) and 200 <= self.outcome < 400


async def fetch(path: str) -> int | str:
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        raw = await reader.read()  # to the end: gunicorn's sync workers close
    finally:
        writer.close()
    head, _, body = raw.partition(b"\r\n\r\n")
    if not head.startswith(b"HTTP/1."):
        return "no response"
    length = re.search(rb"^content-length:\s*(\d+)", head, re.I | re.M)
    if length and int(length.group(1)) != len(body):
        return "truncated"
    return int(head.split(None, 2)[1])


async def client(number: int, mix, started: float, results: list[Result]) -> None:
    step = number * 37
    while time.monotonic() - started < SECONDS:
        kind, path = mix[step % len(mix)]
        step += 1
        begin = time.monotonic()
        try:
            outcome = await asyncio.wait_for(fetch(path), TIMEOUT)
        except TimeoutError:
            outcome = "timeout"
        except OSError as error:
            outcome = type(error).__name__
        results.append(Result(kind, begin - started, time.monotonic() - started, outcome))


async def restart_under_load(cluster: Cluster, mix) -> tuple[list[Result], float, float]:
    results: list[Result] = []
    started = time.monotonic()
    clients = [asyncio.create_task(client(n, mix, started, results)) for n in range(CONNECTIONS)]
    await asyncio.sleep(RESTART_AT)
    restart_at = time.monotonic() - started
    await asyncio.to_thread(cluster.restart)
    back_at = time.monotonic() - started
    await asyncio.gather(*clients)
    return results, restart_at, back_at


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else 0.0


def report_restart(results: list[Result], restart_at: float, back_at: float) -> None:
    duration = max(result.end for result in results)
    failed = [result for result in results if not result.ok]
    latencies = [(result.end - result.start) * 1000 for result in results]
    say(
        f"{len(results):,} requests in {duration:.0f} s ({len(results) / duration:,.0f}/s), "
        f"p50 {statistics.median(latencies):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms"
    )
    say(
        f"PostgreSQL restart issued at {restart_at:.2f} s; accepting connections again "
        f"{back_at - restart_at:.2f} s later"
    )
    say("")
    say("| kind | requests | failed | p50 ms | p99 ms |")
    say("|---|---:|---:|---:|---:|")
    for kind in MIX:
        mine = [result for result in results if result.kind == kind]
        times = [(result.end - result.start) * 1000 for result in mine]
        say(
            f"| {kind} | {len(mine):,} | {sum(not r.ok for r in mine)} "
            f"| {statistics.median(times):.0f} | {percentile(times, 0.99):.0f} |"
        )
    say("")
    if not failed:
        say("failed requests: 0")
        return
    outcomes = Counter(str(result.outcome) for result in failed)
    kinds = Counter(result.kind for result in failed)
    say(
        f"failed requests: {len(failed)} of {len(results):,} "
        f"({', '.join(f'{n} × {o}' for o, n in outcomes.most_common())}; "
        f"by kind: {', '.join(f'{n} {k}' for k, n in kinds.most_common())})"
    )
    first = min(result.start for result in failed) - restart_at
    last = max(result.end for result in failed) - restart_at
    before = sum(result.start < restart_at for result in failed)
    after = sum(result.start >= back_at for result in failed)
    say(
        f"of these, {before} were sent before the restart was issued, "
        f"{len(failed) - before - after} while PostgreSQL was down, {after} after it was back"
    )
    say(
        f"failures from {first:+.2f} s (sent) to {last:+.2f} s (answered) after the restart "
        f"was issued; every request answered after {last:+.2f} s succeeded "
        f"(full recovery {last:.2f} s after the restart was issued, "
        f"{last - (back_at - restart_at):+.2f} s after PostgreSQL was back)"
    )
    say("")
    say("| second (from restart) | succeeded | failed |")
    say("|---:|---:|---:|")
    for second in range(-2, math.ceil(last) + 3):
        start = restart_at + second
        bucket = [result for result in results if start <= result.end < start + 1]
        bad = sum(not result.ok for result in bucket)
        say(f"| {second:+d} | {len(bucket) - bad} | {bad} |")


# Main ----------------------------------------------------------------------------


def warm(mix: list[tuple[str, str]]) -> None:
    for _, path in sorted(set(mix)):
        urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60).read()


def main() -> None:
    pages.ensure_wrk()
    say(f"starting a PostgreSQL cluster of its own ({pg_bin_dir()}) …")
    cluster = Cluster()
    try:
        say(f"building the demo site in {cluster.url} …")
        urls = build_site(cluster)
        mix = request_mix(urls)
        server = pages.Gunicorn(**site_environment(cluster))
        try:
            warm(mix)
            say(f"phase 1: wrk, {CONNECTIONS} connections, {SECONDS} s …")
            steady = run_wrk(server, mix)
            say(f"phase 2: {CONNECTIONS} connections, {SECONDS} s, restart at {RESTART_AT:g} s …")
            results, restart_at, back_at = asyncio.run(restart_under_load(cluster, mix))
        finally:
            server.stop()
    finally:
        cluster.remove()

    say("")
    say(
        f"{os.cpu_count()} cores, {pages.platform()}; gunicorn 2 gthread workers × "
        f"{pages.THREADS} threads, production "
        f"settings, page cache on ({CACHE}); demo content; mix: "
        + ", ".join(f"{kind} {share} %" for kind, share in MIX.items())
    )
    say("")
    say("Phase 1: steady load (wrk)")
    failures = steady["socket_errors"] + sum(
        n for status, n in steady["statuses"].items() if not 200 <= status < 400
    )
    statuses = ", ".join(f"{s}: {n:,}" for s, n in sorted(steady["statuses"].items()))
    say(
        f"{steady['requests']:,} requests, {steady['rps']:,.0f} requests/s, "
        f"p50 {steady['p50']:.1f} ms, p99 {steady['p99']:.1f} ms, "
        f"server CPU {steady['cpu_ms']:.1f} ms/request"
    )
    say(
        f"statuses: {statuses}; socket errors: {steady['socket_errors']}; "
        f"errors (socket errors + non-2xx/3xx): {failures}; "
        f"5xx: {sum(n for s, n in steady['statuses'].items() if s >= 500)}"
    )
    say("")
    say("Phase 2: the same load, PostgreSQL restarted (asyncio client)")
    report_restart(results, restart_at, back_at)


if __name__ == "__main__":
    # A SIGTERM (make interrupted, a CI timeout) still stops the servers it started.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
        shutil.rmtree(pages.WORK, ignore_errors=True)
