"""Whatever a logged-in user is shown stays in their own browser.

A page seen by an editor may carry the admin bar, a private page or a draft's
documents: no shared cache (a CDN, a proxy, the front server) may keep it, and
the browser need not keep it either once the tab is closed.
"""

from django.utils.cache import patch_cache_control


class PrivateResponsesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
