"""A maintenance page, not a 500, while the database is unreachable.

Nothing is kept between requests: Django drops a broken connection at the end
of the request (CONN_HEALTH_CHECKS is on), so the first request after the
database returns is served normally, without a restart.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def maintenance_response() -> HttpResponse:
    # Rendered without the request, so no context processor touches the database.
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Caches in front of the site must not keep serving the outage afterwards.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_ERRORS):
            logger.error(
                "Database unavailable: %s %s", request.method, request.path, exc_info=exception
            )
            return maintenance_response()
        return None
