"""An SMTP server on loopback that accepts and counts every message, for
`make bench-mail`: `python bench/smtp_sink.py PORT COUNT_FILE`. It writes the
count to COUNT_FILE after every message (the benchmark reads it at the end)."""

import signal
import sys
import threading
from pathlib import Path

from aiosmtpd.controller import Controller


class Counter:
    def __init__(self, path: Path):
        self.path = path
        self.count = 0
        self.recipients: set[str] = set()

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        self.recipients.update(envelope.rcpt_tos)
        self.path.write_text(f"{self.count} {len(self.recipients)}")
        return "250 OK"


def main() -> None:
    port, path = int(sys.argv[1]), Path(sys.argv[2])
    controller = Controller(Counter(path), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
