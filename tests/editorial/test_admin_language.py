"""The admin speaks Swedish unless the editor picks English in their account."""

from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

import lxml.html
import pytest

pytestmark = pytest.mark.django_db


def test_admin_is_swedish_by_default(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert '<html lang="sv"' in html
    assert "Instrumentpanel" in html


def test_editor_switches_to_english_in_account_settings(client, editor):
    client.force_login(editor)
    account = client.get("/admin/account/")
    data = querydict_from_html(account.content.decode(), form_id="w-editor-form")
    assert "locale-preferred_language" in data
    data["locale-preferred_language"] = "en"
    response = client.post("/admin/account/", data)
    assert response.status_code == 302
    assert UserProfile.get_for_user(editor).preferred_language == "en"

    html = client.get("/admin/").content.decode()
    assert '<html lang="en"' in html
    assert "Dashboard" in html


def test_only_swedish_and_english_are_offered(client, editor):
    client.force_login(editor)
    html = client.get("/admin/account/").content.decode()
    options = lxml.html.fromstring(html).xpath("//select[@name='locale-preferred_language']/option")
    assert {o.get("value") for o in options} - {""} == {"sv", "en"}
