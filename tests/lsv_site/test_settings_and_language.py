import os
import subprocess
import sys
from pathlib import Path

from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


def test_swedish_catalogue_is_compiled_and_complete():
    po = (ROOT / "locale/sv/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    assert (ROOT / "locale/sv/LC_MESSAGES/django.mo").exists()
    # No entry left untranslated (the header is the only empty msgid).
    entries = po.split("\n\n")[1:]
    untranslated = [e for e in entries if 'msgstr ""' in e and '\n"' not in e.split("msgstr")[1]]
    assert untranslated == []
    with translation.override("sv"):
        assert translation.gettext("Read more") == "Läs mer"
        assert translation.gettext("Skip to content") == "Hoppa till innehållet"


def test_production_settings_refuse_to_start_without_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "lsv_site.settings.production"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_public_pages_are_swedish_whatever_the_browser_asks(client, site_tree):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Hoppa till innehållet" in html
    assert "Skip to content" not in html
