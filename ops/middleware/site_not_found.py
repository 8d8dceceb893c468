"""The site's own 404 page while DEBUG is on (development settings only).

With DEBUG, Django answers a 404 with its technical page, so a developer
never sees the page visitors get. This renders the site's page instead, for
everything outside the admin (where Wagtail's own 404s stay as they are).
It sits first in MIDDLEWARE so it also sees 404s for URLs no pattern matches.
"""

from django.views.defaults import page_not_found

from ops.middleware.security_headers import is_admin_path


class SiteNotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and not is_admin_path(request.path_info):
            return page_not_found(request, None)
        return response
