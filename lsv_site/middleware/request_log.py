"""One log line per request: method, path, status and duration.

With the JSON formatter of production settings each line is one JSON object
on stdout, which container platforms collect and index as is.
"""

import logging
import time

logger = logging.getLogger("lsv.request")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response
