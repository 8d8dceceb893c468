from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_env(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "chef")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "chef@example.org")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "ett-långt-hemligt-lösenord")
    return monkeypatch


def test_creates_the_superuser_from_the_environment(superuser_env):
    call_command("ensure_superuser")
    user = get_user_model().objects.get(username="chef")
    assert user.is_superuser and user.is_staff
    assert user.email == "chef@example.org"
    assert user.check_password("ett-långt-hemligt-lösenord")


def test_running_again_changes_nothing(superuser_env):
    call_command("ensure_superuser")
    user = get_user_model().objects.get(username="chef")
    user.set_password("ändrat-i-admin-sedan-dess")
    user.save()
    superuser_env.setenv("DJANGO_SUPERUSER_PASSWORD", "ett-annat-lösenord-helt")
    call_command("ensure_superuser")
    assert get_user_model().objects.filter(username="chef").count() == 1
    assert get_user_model().objects.get(username="chef").check_password("ändrat-i-admin-sedan-dess")


def test_missing_variables_are_an_error_not_a_prompt(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_SUPERUSER_USERNAME"):
        call_command("ensure_superuser")
    assert not get_user_model().objects.exists()


def test_a_weak_password_is_refused(superuser_env):
    superuser_env.setenv("DJANGO_SUPERUSER_PASSWORD", "1234")
    with pytest.raises(CommandError, match="Password rejected"):
        call_command("ensure_superuser")
    assert not get_user_model().objects.exists()
