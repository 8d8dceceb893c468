"""Two-factor authentication in tests: a confirmed TOTP device, and the code
an authenticator app would show for it (computed from its key, as the app does)."""

import base64
import re
import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def enrol_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Testtelefon", confirmed=True)


def code_for_key(key: bytes, *, after_t: int = -1, step: int = 30, digits: int = 6) -> str:
    """The app's code for the key: the current one, or the next one if the
    current time step was used already (django-otp refuses a replayed step)."""
    totp = TOTP(key, step=step, digits=digits)
    while totp.t() + 1 <= after_t:  # more than one step ahead: wait for the clock
        time.sleep(1)
    if totp.t() <= after_t:
        totp.drift = after_t + 1 - totp.t()
    return f"{totp.token():0{digits}d}"


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    return code_for_key(
        device.bin_key, after_t=device.last_t, step=device.step, digits=device.digits
    )


def key_from_secret(secret: str) -> bytes:
    """The key from the secret as the enrolment page shows it (base32, grouped)."""
    text = "".join(secret.split()).upper()
    return base64.b32decode(text + "=" * (-len(text) % 8))


def log_in(tab, base_url: str, username: str, password: str, device=None) -> None:
    """The admin's login form, then the two-factor step if the user has a device."""
    tab.goto(base_url + "/admin/login/")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", password)
    tab.get_by_role("button", name="Logga in").click()
    if device is not None:
        tab.wait_for_url(re.compile(r"/admin/tvafaktor/"))
        tab.get_by_label("Kod").fill(code_for(device))
        tab.get_by_role("button", name="Verifiera").click()
    tab.wait_for_url(re.compile(r"/admin/$"))


def enrolled(user):
    """The user's device, enrolled now if their role requires one (as a fixture would)."""
    from ops.two_factor import requires_two_factor

    device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None and requires_two_factor(user):
        device = enrol_device(user)
    return device
