"""Two-factor authentication in the admin (ops.two_factor), through the
real login form: who must enrol, the code step, recovery codes."""

import re
import time

from django.test import Client

import pytest
from django_otp.plugins.otp_static.models import StaticToken

from tests import two_factor
from tests.editorial.conftest import PASSWORD
from tests.factories import DocumentFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.LSV_REQUIRE_2FA = True


def password_login(user) -> Client:
    client = Client()
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def test_publisher_must_enrol_before_anything_else(publisher):
    client = password_login(publisher)
    for url in ("/admin/", "/admin/pages/", "/admin/documents/", "/admin/account/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == "/admin/tvafaktor/aktivera/", url
    page = client.get("/admin/tvafaktor/aktivera/").content.decode()
    assert "Din roll kräver tvåfaktorsautentisering" in page
    assert "<svg" in page  # the QR code, inline


def test_superuser_must_enrol_too(django_user_model):
    django_user_model.objects.create_superuser("chef", "c@example.org", PASSWORD)
    client = Client()
    client.post("/admin/login/", {"username": "chef", "password": PASSWORD})
    assert client.get("/admin/")["Location"] == "/admin/tvafaktor/aktivera/"


def test_editor_may_work_without_it(editor):
    client = password_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/documents/").status_code == 200


def enrol(client) -> tuple[bytes, list[str]]:
    page = client.get("/admin/tvafaktor/aktivera/").content.decode()
    secret = re.search(r'data-testid="secret">([A-Z2-7 ]+)<', page).group(1)
    key = two_factor.key_from_secret(secret)
    response = client.post("/admin/tvafaktor/aktivera/", {"token": two_factor.code_for_key(key)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    return key, codes


def test_enrolment_refuses_a_wrong_code(publisher):
    client = password_login(publisher)
    client.get("/admin/tvafaktor/aktivera/")
    wrong = client.post("/admin/tvafaktor/aktivera/", {"token": "abcdef"})
    assert wrong.status_code == 400
    assert "Koden är fel" in wrong.content.decode()
    assert client.get("/admin/")["Location"] == "/admin/tvafaktor/aktivera/"


def test_enrolment_gives_ten_recovery_codes_and_opens_the_admin(publisher):
    client = password_login(publisher)
    _key, codes = enrol(client)
    assert len(codes) == 10
    assert client.get("/admin/").status_code == 200
    # Shown once: the page now says it is set up, without the codes.
    again = client.get("/admin/tvafaktor/aktivera/", follow=True).content.decode()
    assert codes[0] not in again


def test_login_needs_the_code_after_the_password(publisher):
    device = two_factor.enrol_device(publisher)
    client = password_login(publisher)
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/tvafaktor/?next=%2Fadmin%2Fpages%2F"
    wrong = client.post("/admin/tvafaktor/", {"token": "12345x", "next": "/admin/pages/"})
    assert wrong.status_code == 400
    assert client.get("/admin/pages/").status_code == 302
    time.sleep(1.1)  # django-otp makes a device wait a second after a wrong code
    right = client.post(
        "/admin/tvafaktor/", {"token": two_factor.code_for(device), "next": "/admin/pages/"}
    )
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_an_editor_who_enrolled_must_verify_too(editor):
    two_factor.enrol_device(editor)
    client = password_login(editor)
    assert client.get("/admin/")["Location"].startswith("/admin/tvafaktor/")


def test_recovery_code_works_once(publisher):
    _key, codes = enrol(password_login(publisher))
    first = password_login(publisher)
    response = first.post("/admin/tvafaktor/", {"token": codes[0]})
    assert response.status_code == 302
    assert first.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=publisher).count() == 9
    second = password_login(publisher)
    assert second.post("/admin/tvafaktor/", {"token": codes[0]}).status_code == 400
    assert second.get("/admin/")["Location"].startswith("/admin/tvafaktor/")


def test_next_cannot_leave_the_site(publisher):
    device = two_factor.enrol_device(publisher)
    client = password_login(publisher)
    response = client.post(
        "/admin/tvafaktor/", {"token": two_factor.code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_off_only_when_switched_off(publisher, settings):
    settings.LSV_REQUIRE_2FA = False
    assert password_login(publisher).get("/admin/").status_code == 200


def test_draft_documents_need_the_second_factor_too(publisher, site_tree):
    """Editors get documents only drafts use; a password alone is not enough."""
    document = DocumentFactory(
        title="Utkast", file__filename="utkast.pdf", file__data=b"%PDF-1.4\n%%EOF\n"
    )
    WhitePaperPageFactory(parent=site_tree.papers, pdf=document, live=False)
    device = two_factor.enrol_device(publisher)
    client = password_login(publisher)
    assert client.get(document.url).status_code == 404
    client.post("/admin/tvafaktor/", {"token": two_factor.code_for(device)})
    assert client.get(document.url).status_code == 200
