"""One log line per request: method, path, status and duration.

With the JSON formatter of production settings each line is one JSON object
on stdout, which container platforms collect and index as is.
"""

import logging
import time

logger = logging.getLogger("lsv.request")


def log_request(method: str, path: str, status: int, started: float) -> None:
    """The one line per request; `started` is a time.perf_counter() reading."""
    logger.info(
        "%s %s %s",
        method,
        path,
        status,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        log_request(request.method, request.path, response.status_code, started)
        return response
