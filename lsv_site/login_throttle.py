"""Admin login throttling (django-axes) as this site uses it."""

from django.conf import settings

from axes.backends import AxesStandaloneBackend


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
