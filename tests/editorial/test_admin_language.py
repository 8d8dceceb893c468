"""The admin speaks Swedish unless the editor picks English in their account."""

import re

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


def test_only_the_sites_own_roles_are_groups():
    """Wagtail's default "Moderators" and "Editors" are gone (editorial 0002)."""
    from django.contrib.auth.models import Group

    from editorial.roles import EDITOR_GROUP, PUBLISHER_GROUP

    assert set(Group.objects.values_list("name", flat=True)) == {EDITOR_GROUP, PUBLISHER_GROUP}


def test_the_dashboard_asks_no_other_site_for_updates(client, django_user_model):
    chef = django_user_model.objects.create_superuser("chef", "c@example.org", "x" * 16)
    client.force_login(chef)
    html = client.get("/admin/").content.decode()
    assert "releases.wagtail.org" not in html and "w-upgrade" not in html


def test_images_documents_and_author_rows_are_named_in_swedish(client, editor, site_tree):
    from tests.factories import ImageFactory

    ImageFactory.create_batch(2)
    client.force_login(editor)
    chooser = client.get("/admin/images/chooser/").json()["html"]
    assert "site images" not in chooser.lower() and "bilder" in chooser
    add_article = f"/admin/pages/add/news/newsarticlepage/{site_tree.news.pk}/"
    html = client.get(add_article).content.decode()
    # Each author row is "Skribent 1", "Skribent 2" (the count is added in the
    # browser after the label), and the button adds "Skribent", one author.
    assert re.search(r"Skribent<span data-inline-panel-child-count>", html)
    assert "Lägg till Skribent\n" in html
