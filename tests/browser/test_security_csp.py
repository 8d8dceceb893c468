"""The Content-Security-Policy breaks nothing the site or the admin needs."""

from django.core.management import call_command

from wagtail.models import Page

import pytest

from tests import two_factor

# serialized_rollback: each test starts from the migrated database (site, home
# page) even after an earlier transactional test flushed it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def collect_csp_violations(tab) -> list[str]:
    violations = []
    tab.on(
        "console",
        lambda message: (
            violations.append(f"{tab.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def test_public_pages_and_admin_run_without_csp_violations(
    browser_page, live_server, django_user_model
):
    call_command("load_demo_content", "--no-admin", verbosity=0)
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", "lång-lösen-123")
    violations = collect_csp_violations(browser_page)
    pages = Page.objects.live().public().specific()
    urls = {"/"} | {page.url for page in pages if page.depth in (3, 4)}
    for url in sorted(urls)[:12]:
        response = browser_page.goto(live_server.url + url)
        assert response.status == 200, url
    assert violations == [], "\n".join(violations)

    # A superuser logs in with two-factor authentication (its page runs without violations too).
    device = two_factor.enrol_device(user)
    two_factor.log_in(browser_page, live_server.url, "redaktor", "lång-lösen-123", device)
    article = pages.filter(depth=4).first()
    browser_page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    browser_page.wait_for_load_state("networkidle")
    # The admin's own JavaScript ran: the editor form is interactive.
    assert browser_page.locator("[data-controller~='w-tabs']").count() > 0
    # An editor browsing the site sees Wagtail's user bar, whose scripts load too.
    browser_page.goto(live_server.url + article.url)
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("wagtail-userbar").count() == 1
    assert violations == [], "\n".join(violations)
