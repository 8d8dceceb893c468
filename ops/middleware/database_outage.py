"""A maintenance page, not a 500, while the database is unreachable.

Nothing is kept between requests: Django drops a broken connection at the end
of the request (CONN_HEALTH_CHECKS is on), so the first request after the
database returns is served normally, without a restart.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

from ops.throttled_log import ThrottledWarning

logger = logging.getLogger(__name__)

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

warn_outage = ThrottledWarning(logger, seconds=30)


def note_outage(exception: BaseException) -> None:
    """One warning now and then, no traceback: each request is in the request log."""
    warn_outage("Database unavailable (%s): answering 503", type(exception).__name__)


class WithoutOutageTracebacks(logging.Filter):
    """For Django's request logger: a database error answered with the
    maintenance page (a 503) has been noted already, and the request log has
    a line for each request: no traceback, no second line for each."""

    def filter(self, record: logging.LogRecord) -> bool:
        exception = record.exc_info[1] if record.exc_info else None
        if isinstance(exception, DATABASE_ERRORS):
            return False
        return getattr(record, "status_code", None) != 503


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
            note_outage(exception)
            return maintenance_response()
        return None
