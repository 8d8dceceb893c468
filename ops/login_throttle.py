"""Admin login throttling (django-axes) as this site uses it."""

import datetime

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessLog


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check, for logins that come with a request.

    Every login over the web (the Wagtail admin's login form, password
    resets) passes the request. Authentication without one happens only in
    code that no visitor reaches (the test client's login(), the shell), so it
    falls through to ModelBackend instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str | None:
    """The visitor's address, which lockouts are counted against.

    Behind LSV_TRUSTED_PROXIES reverse proxies, each appends the address it saw
    to X-Forwarded-For, so the visitor's is that many entries from the right;
    anything further left was written by the client and cannot be trusted.
    """
    proxies = settings.LSV_TRUSTED_PROXIES
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [address for address in forwarded if address]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")


class LoginThrottleHandler(AxesDatabaseHandler):
    """Axes' lock per username and address pair, plus two slower limits.

    Axes counts failures per pair (AXES_LOCKOUT_PARAMETERS) and, on a success,
    deletes only that pair's count. On top of it, and never reset by a
    success, an account is throttled for unknown addresses once it has had
    LSV_LOGIN_ACCOUNT_FAILURE_LIMIT failures from anywhere in the window, and
    an address once LSV_LOGIN_ADDRESS_FAILURE_LIMIT failures on any accounts
    came from it. Reporting the limit as the failure count makes Axes refuse
    the login and answer with its lockout page, as for a locked pair.
    """

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        if failures >= settings.AXES_FAILURE_LIMIT:
            return failures
        if self._throttled(request, credentials):
            return settings.AXES_FAILURE_LIMIT
        return failures

    def _throttled(self, request, credentials) -> bool:
        since = timezone.now() - settings.LSV_LOGIN_THROTTLE_WINDOW
        recent = AccessAttempt.objects.filter(attempt_time__gte=since)
        address = request.axes_ip_address
        if _failures(recent.filter(ip_address=address)) >= settings.LSV_LOGIN_ADDRESS_FAILURE_LIMIT:
            return True
        username = get_client_username(request, credentials)
        if not username:
            return False
        if _failures(recent.filter(username=username)) < settings.LSV_LOGIN_ACCOUNT_FAILURE_LIMIT:
            return False
        # The account's owner still gets in from where they logged in before.
        known_days = settings.LSV_LOGIN_KNOWN_ADDRESS_DAYS
        known_since = timezone.now() - datetime.timedelta(days=known_days)
        return not AccessLog.objects.filter(
            username=username, ip_address=address, attempt_time__gte=known_since
        ).exists()


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
