"""Two-factor authentication in Chromium: a publisher is made to enrol, reads
the secret (scans nothing), confirms with a code computed from it, sees the
recovery codes; then logs in with password and code, and once with a recovery
code, which then no longer works."""

import re

from django.contrib.auth.models import Group

import pytest

from editorial.roles import PUBLISHER_GROUP
from tests import two_factor

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "lång-lösen-för-utgivare-1"


def password_step(tab, base_url):
    tab.goto(base_url + "/admin/login/")
    tab.fill("input[name=username]", "utgivare")
    tab.fill("input[name=password]", PASSWORD)
    tab.get_by_role("button", name="Logga in").click()


def test_publisher_enrols_and_logs_in_with_code_and_recovery_code(
    new_tab, live_server, django_user_model, steps
):
    user = django_user_model.objects.create_user("utgivare", "u@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=PUBLISHER_GROUP))
    tab = new_tab("utgivare")
    tab.set_default_timeout(30_000)

    with steps("is made to enrol after the password", tab):
        password_step(tab, live_server.url)
        tab.wait_for_url(re.compile(r"/admin/tvafaktor/aktivera/$"))
        assert tab.get_by_role("heading", name="Aktivera tvåfaktorsautentisering").is_visible()
        assert tab.locator(".lsv-2fa-qr svg").is_visible()
        # Anything else in the admin leads back here.
        tab.goto(live_server.url + "/admin/pages/")
        tab.wait_for_url(re.compile(r"/admin/tvafaktor/aktivera/$"))

    with steps("types a code computed from the secret", tab):
        key = two_factor.key_from_secret(tab.get_by_test_id("secret").inner_text())
        tab.get_by_label("Kod").fill(two_factor.code_for_key(key))
        tab.get_by_role("button", name="Aktivera tvåfaktorsautentisering").click()
        tab.get_by_role("heading", name="Tvåfaktorsautentisering är aktiverad").wait_for()
        codes = tab.get_by_test_id("recovery-codes").locator("code").all_inner_texts()
        assert len(codes) == 10

    with steps("continues to the admin", tab):
        tab.get_by_role("link", name=re.compile("fortsätt till administrationen")).click()
        tab.wait_for_url(re.compile(r"/admin/$"))

    device = user.totpdevice_set.get(confirmed=True)
    with steps("logs out and in with password and code", tab):
        tab.context.clear_cookies()
        password_step(tab, live_server.url)
        tab.wait_for_url(re.compile(r"/admin/tvafaktor/"))
        tab.get_by_label("Kod").fill(two_factor.code_for(device))
        tab.get_by_role("button", name="Verifiera").click()
        tab.wait_for_url(re.compile(r"/admin/$"))

    with steps("logs in once with a recovery code", tab):
        tab.context.clear_cookies()
        password_step(tab, live_server.url)
        tab.wait_for_url(re.compile(r"/admin/tvafaktor/"))
        tab.get_by_label("Kod").fill(codes[0])
        tab.get_by_role("button", name="Verifiera").click()
        tab.wait_for_url(re.compile(r"/admin/$"))
        assert tab.get_by_text("Du loggade in med en reservkod").is_visible()

    with steps("the used recovery code no longer works", tab):
        tab.context.clear_cookies()
        password_step(tab, live_server.url)
        tab.wait_for_url(re.compile(r"/admin/tvafaktor/"))
        tab.get_by_label("Kod").fill(codes[0])
        tab.get_by_role("button", name="Verifiera").click()
        tab.get_by_role("alert").get_by_text("Koden är fel eller har redan använts").wait_for()
        assert "/admin/tvafaktor/" in tab.url
