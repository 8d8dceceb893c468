"""Run by tests/front_server through `manage.py shell`: after the demo content,
one white paper behind a password, one back to draft, and prints what the test
needs as JSON (document URLs and files, an original's file)."""

import json
import sys

from wagtail.models import PageViewRestriction

from core.document_privacy import used_on_public_page
from core.models import SiteImage
from whitepapers.models import WhitePaperPage

papers = list(WhitePaperPage.objects.live().order_by("pk"))
public, private, draft = papers[0], papers[1], papers[2]
PageViewRestriction.objects.create(
    page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt-ord-123"
)
draft.unpublish()
assert used_on_public_page(public.pdf)
assert not used_on_public_page(private.pdf), "the private paper's PDF is used elsewhere"
assert not used_on_public_page(draft.pdf), "the draft paper's PDF is used elsewhere"
sys.stdout.write(
    json.dumps(
        {
            name: {"url": paper.pdf.url, "file": paper.pdf.file.name}
            for name, paper in (("public", public), ("private", private), ("draft", draft))
        }
        | {"original": SiteImage.objects.order_by("pk").first().file.name}
    )
    + "\n"
)
