"""`make run` (lsv_site.settings.dev) shows a developer's edit on the next
reload, keeps each checkout's cache to itself, and shows the site's own 404."""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def settings_of(module: str, **env) -> dict:
    code = (
        f"import json, {module} as s; print(json.dumps({{"
        "'page_cache': s.LSV_PAGE_CACHE, 'front': s.LSV_PAGE_CACHE_FRONT, "
        "'memo': s.LSV_FRAGMENT_MEMO, 'cache': s.CACHES['default']}))"
    )
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("LSV_", "CACHE", "REDIS"))
    }
    environment.update(env)
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def test_development_serves_every_page_fresh():
    dev = settings_of("lsv_site.settings.dev", DATABASE_URL="sqlite:////tmp/a.sqlite3")
    assert (dev["page_cache"], dev["front"], dev["memo"]) == (False, False, False)
    production = settings_of(
        "lsv_site.settings.production", SECRET_KEY="x" * 50, DATABASE_URL="sqlite:////tmp/a.db"
    )
    assert (production["page_cache"], production["front"], production["memo"]) == (True,) * 3


def test_each_database_has_its_own_cache():
    one = settings_of("lsv_site.settings.dev", DATABASE_URL="sqlite:////tmp/one.sqlite3")
    two = settings_of("lsv_site.settings.dev", DATABASE_URL="sqlite:////tmp/two.sqlite3")
    assert one["cache"]["LOCATION"] != two["cache"]["LOCATION"]
    assert Path(one["cache"]["LOCATION"]).is_relative_to(ROOT)
    redis = {"REDIS_URL": "redis://127.0.0.1:6379/0"}
    one = settings_of("lsv_site.settings.dev", DATABASE_URL="postgres://h/one", **redis)
    two = settings_of("lsv_site.settings.dev", DATABASE_URL="postgres://h/two", **redis)
    assert one["cache"]["KEY_PREFIX"] != two["cache"]["KEY_PREFIX"]


@pytest.mark.django_db
def test_the_404_under_debug_is_the_sites_swedish_page(client, site_tree, settings):
    dev = importlib.import_module("lsv_site.settings.dev")
    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE
    for url in ("/finns-inte/", "/wp-login.php", "/nyheter/finns-inte/"):
        response = client.get(url)
        assert response.status_code == 404, url
        html = response.content.decode()
        assert '<html lang="sv">' in html and "Sidan finns inte" in html, url
        assert "Using the URLconf" not in html
