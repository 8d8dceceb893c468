"""Admin login throttling (django-axes) and password rules."""

import datetime as dt

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client, RequestFactory
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from ops.login_throttle import client_ip

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


@pytest.fixture
def attacker(db, django_user_model):
    """Someone with an account of their own (any account will do)."""
    return django_user_model.objects.create_superuser("inkraktare", "i@example.org", PASSWORD)


def test_account_is_locked_for_an_address_after_repeated_failures_from_it(editor, settings):
    assert set(fail(settings.AXES_FAILURE_LIMIT - 1)) == {200}
    assert attempt("redaktor", PASSWORD, "198.51.100.1").status_code == 302
    # A success resets the count; a full series of failures locks the account there.
    assert fail(settings.AXES_FAILURE_LIMIT)[-2:] == [200, 429]
    locked = attempt("redaktor", PASSWORD, "198.51.100.1")  # right password, same address
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "För många inloggningsförsök" in html
    assert '<html lang="sv">' in html


def test_logging_in_as_oneself_does_not_reset_guesses_at_another_account(
    editor, attacker, settings
):
    """4 wrong for the victim, 1 right as oneself, again: the victim's count keeps growing."""
    statuses = []
    for _round in range(6):
        statuses += fail(settings.AXES_FAILURE_LIMIT - 1, address="192.0.2.66")
        attempt("inkraktare", PASSWORD, "192.0.2.66")
    assert 429 in statuses
    # Locked after the limit, however many own logins came between the guesses.
    assert statuses.index(429) == settings.AXES_FAILURE_LIMIT - 1
    assert attempt("redaktor", PASSWORD, "192.0.2.66").status_code == 429


def test_locking_an_editor_from_one_address_leaves_their_own_address_open(editor, settings):
    assert attempt("redaktor", PASSWORD, "198.51.100.8").status_code == 302
    assert fail(settings.AXES_FAILURE_LIMIT, address="203.0.113.9")[-1] == 429
    assert attempt("redaktor", PASSWORD, "203.0.113.9").status_code == 429
    assert attempt("redaktor", PASSWORD, "198.51.100.8").status_code == 302
    # And from any other address not yet used against the account.
    assert attempt("redaktor", PASSWORD, "198.51.100.9").status_code == 302


def test_many_addresses_guessing_one_account_throttle_it_from_new_addresses(editor, settings):
    """The slower limit per account, across addresses, for guessing spread out."""
    assert attempt("redaktor", PASSWORD, "198.51.100.8").status_code == 302  # their own
    per_address = settings.AXES_FAILURE_LIMIT - 1  # each address stays under its own lock
    statuses = []
    address = 0
    while len(statuses) < settings.LSV_LOGIN_ACCOUNT_FAILURE_LIMIT:
        address += 1
        statuses += fail(per_address, address=f"203.0.113.{address}")
    # The failure that reaches the account's limit is the first refused.
    assert statuses.index(429) == settings.LSV_LOGIN_ACCOUNT_FAILURE_LIMIT - 1
    # The account is throttled for an address it was never used from, right password or not ...
    locked = attempt("redaktor", PASSWORD, "192.0.2.200")
    assert locked.status_code == 429
    assert "För många inloggningsförsök" in locked.content.decode()
    # ... but its owner still gets in from where they logged in before.
    assert attempt("redaktor", PASSWORD, "198.51.100.8").status_code == 302


def test_account_throttle_ends_after_its_window(editor, settings):
    settings.LSV_LOGIN_ACCOUNT_FAILURE_LIMIT = 2 * (settings.AXES_FAILURE_LIMIT - 1)
    for address in (1, 2):
        fail(settings.AXES_FAILURE_LIMIT - 1, address=f"203.0.113.{address}")
    assert attempt("redaktor", PASSWORD, "192.0.2.200").status_code == 429
    # The failures age out of the window (the clock moved by editing their times).
    earlier = timezone.now() - settings.LSV_LOGIN_THROTTLE_WINDOW - dt.timedelta(seconds=1)
    AccessAttempt.objects.update(attempt_time=earlier)
    assert attempt("redaktor", PASSWORD, "192.0.2.200").status_code == 302


def test_address_is_locked_after_failures_on_many_accounts(editor, settings):
    # Below the pair limit for each account, but many accounts: password spraying.
    per_account = settings.AXES_FAILURE_LIMIT - 1
    for number in range(settings.LSV_LOGIN_ADDRESS_FAILURE_LIMIT // per_account + 1):
        fail(per_account, username=f"gissning{number}", address="192.0.2.50")
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
