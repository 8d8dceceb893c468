"""The admin speaks Swedish unless the editor picks English in their account."""

from wagtail.users.models import UserProfile

import lxml.html
import pytest

pytestmark = pytest.mark.django_db


def _form_data(html: str, form_xpath: str) -> dict:
    """The fields of a form as the browser would submit them unchanged."""
    form = lxml.html.fromstring(html).xpath(form_xpath)[0]
    data = {}
    for element in form.xpath(".//input | .//select | .//textarea"):
        name = element.get("name")
        kind = element.get("type", "")
        if not name or kind in {"file", "submit"}:
            continue
        if kind in {"checkbox", "radio"}:
            if element.get("checked") is not None:
                data[name] = element.get("value", "on")
        elif element.tag == "select":
            selected = element.xpath(".//option[@selected]")
            data[name] = selected[0].get("value") if selected else ""
        else:
            data[name] = element.value or ""
    return data


def test_admin_is_swedish_by_default(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert '<html lang="sv"' in html
    assert "Instrumentpanel" in html


def test_editor_switches_to_english_in_account_settings(client, editor):
    client.force_login(editor)
    account = client.get("/admin/account/")
    data = _form_data(account.content.decode(), "//form[@id='w-editor-form']")
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
