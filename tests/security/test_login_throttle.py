"""Admin login throttling (django-axes) and password rules."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, RequestFactory

import pytest

from lsv_site.login_throttle import client_ip

PASSWORD = "ett-långt-lösenord-2026"
LOGIN = "/admin/login/"


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser("redaktor", "r@example.org", PASSWORD)


def attempt(username, password, address="198.51.100.1"):
    return Client(REMOTE_ADDR=address).post(LOGIN, {"username": username, "password": password})


def fail(times, username="redaktor", address="198.51.100.1"):
    """The login form again (200) until the limit; the failure that reaches it locks (429)."""
    return [attempt(username, "fel-lösenord", address).status_code for _ in range(times)]


def test_account_is_locked_after_repeated_failures_from_any_address(editor, settings):
    assert set(fail(settings.AXES_FAILURE_LIMIT - 1)) == {200}
    assert attempt("redaktor", PASSWORD, "198.51.100.1").status_code == 302
    # A success resets the count; a full series of failures locks the account.
    assert fail(settings.AXES_FAILURE_LIMIT)[-2:] == [200, 429]
    locked = attempt("redaktor", PASSWORD, "203.0.113.9")  # right password, other address
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "För många inloggningsförsök" in html
    assert '<html lang="sv">' in html


def test_address_is_locked_after_failures_on_many_accounts(editor, settings):
    for number in range(settings.AXES_FAILURE_LIMIT):
        attempt(f"gissning{number}", "fel-lösenord", "192.0.2.50")
    assert attempt("redaktor", PASSWORD, "192.0.2.50").status_code == 429
    # Others are not affected.
    assert attempt("redaktor", PASSWORD, "192.0.2.51").status_code == 302


def test_axes_reset_unlocks(editor, settings):
    fail(settings.AXES_FAILURE_LIMIT)
    assert attempt("redaktor", PASSWORD).status_code == 429
    call_command("axes_reset", verbosity=0)
    assert attempt("redaktor", PASSWORD).status_code == 302


def test_client_address_behind_trusted_proxies(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    settings.LSV_TRUSTED_PROXIES = 0
    assert client_ip(request) == "10.0.0.2"  # the header is ignored without proxies
    settings.LSV_TRUSTED_PROXIES = 1
    assert client_ip(request) == "198.51.100.7"  # the client-written entry is ignored


@pytest.mark.parametrize(
    "password", ["kort-1", "123456789012345", "password1234", "redaktor-redaktor"]
)
def test_weak_passwords_are_rejected(password, django_user_model):
    user = django_user_model(username="redaktor-redaktor", email="r@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)
    validate_password("ett-långt-lösenord-2026", user)
