"""Plain text out of an uploaded PDF, for the search index.

Anything can be uploaded, so nothing here may raise: a file pypdf cannot read
is reported as "broken", one it cannot decrypt as "encrypted".
"""

import logging
import re
from typing import BinaryIO

from pypdf import PdfReader

logger = logging.getLogger(__name__)

OK = "ok"
EMPTY = "empty"
ENCRYPTED = "encrypted"
BROKEN = "broken"

# A report is a few dozen pages; the cap keeps a 30 MB upload from holding
# the editor's request for minutes.
MAX_PAGES = 300
# PostgreSQL refuses a tsvector over 1 MB; the index only needs the words.
MAX_CHARS = 500_000

_SPACE = re.compile(r"\s+")


def extract_pdf_text(file: BinaryIO) -> tuple[str, str]:
    """(text, status) of a PDF; status is one of OK, EMPTY, ENCRYPTED, BROKEN."""
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            # Many "protected" PDFs only restrict printing and open with an
            # empty password; the others cannot be read.
            try:
                if not reader.decrypt(""):
                    return "", ENCRYPTED
            except Exception:
                return "", ENCRYPTED
        parts = []
        length = 0
        for page in reader.pages[:MAX_PAGES]:
            text = _SPACE.sub(" ", page.extract_text() or "").strip()
            if text:
                parts.append(text)
                length += len(text)
                if length >= MAX_CHARS:
                    break
    except Exception:
        logger.warning("Could not read the text of a PDF", exc_info=True)
        return "", BROKEN
    text = "\n".join(parts)[:MAX_CHARS].replace("\x00", "")
    return (text, OK) if text else ("", EMPTY)
