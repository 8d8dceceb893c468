"""WordPress's query-string addresses (`/?p=123`, `/?page_id=4`,
`/?attachment_id=5`) answer with their imported redirect.

Wagtail's RedirectMiddleware only looks at requests that would be a 404, and
`/?p=123` is the home page to Wagtail; so these few parameters are looked up
here, before the home page is served.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect

from wagtail.contrib.redirects.models import Redirect

PARAMETERS = ("p", "page_id", "attachment_id")


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and any(p in request.GET for p in PARAMETERS):
            response = self.redirect(request)
            if response is not None:
                return response
        return self.get_response(request)

    def redirect(self, request):
        # Only the WordPress parameter counts: /?p=12&utm_source=x is post 12.
        name = next(p for p in PARAMETERS if p in request.GET)
        path = Redirect.normalise_path(f"{request.path}?{name}={request.GET[name]}")
        # Imported redirects belong to every site (site=None): the old domain
        # may point at this one under any host name.
        redirect = (
            Redirect.objects.filter(old_path=path, site=None)
            .select_related("redirect_page")
            .first()
        )
        if redirect is None:
            return None
        link = redirect.link
        if not link:
            return None
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(link)
        return HttpResponseRedirect(link)
