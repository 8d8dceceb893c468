"""A warning that is logged at most once in a while.

During an outage every request meets the same error: one line a request (the
request log has it) and a traceback each would bury everything else in the
log. This logs the first, then nothing for `seconds`, then one line saying how
many were held back.
"""

import logging
import threading
import time


class ThrottledWarning:
    def __init__(self, logger: logging.Logger, seconds: float = 30.0):
        self.logger = logger
        self.seconds = seconds
        self._lock = threading.Lock()
        self._next_at = 0.0
        self._held = 0

    def __call__(self, message: str, *args) -> None:
        now = time.monotonic()
        with self._lock:
            if now < self._next_at:
                self._held += 1
                return
            held, self._held = self._held, 0
            self._next_at = now + self.seconds
        if held:
            message += " (and %d more times since the last warning)"
            args = (*args, held)
        self.logger.warning(message, *args)
