"""Content-Security-Policy and Permissions-Policy on every response.

Django's SecurityMiddleware already sends HSTS, nosniff, Referrer-Policy and
Cross-Origin-Opener-Policy, and XFrameOptionsMiddleware the frame protection;
this adds the two headers Django has no setting for, from settings too, so all
security headers are configured in one place (settings.base / production).
"""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts


def is_admin_path(path: str) -> bool:
    return path.startswith(f"/{settings.LSV_ADMIN_PATH}")


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # The Wagtail admin still ships inline scripts and styles; public pages
        # must not, so only the admin gets the looser policy.
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = settings.LSV_ADMIN_CONTENT_SECURITY_POLICY
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if settings.LSV_PERMISSIONS_POLICY:
            response.headers.setdefault("Permissions-Policy", settings.LSV_PERMISSIONS_POLICY)
        return response
