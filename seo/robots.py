"""robots.txt: points crawlers to the sitemap on a production instance and
keeps them out entirely anywhere else (LSV_INDEXABLE)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def robots_txt(request):
    if settings.LSV_INDEXABLE:
        lines = [
            "User-agent: *",
            # Result pages say noindex too; this saves crawlers the requests.
            f"Disallow: {reverse('search')}",
            "",
            f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        ]
    else:
        lines = ["User-agent: *", "Disallow: /"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
