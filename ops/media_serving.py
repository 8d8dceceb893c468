"""Renditions from this process, for development and single-box setups.

Only the `images/` folder (renditions, which pages link to) is served here.
Documents are served by Wagtail's document view, which checks that a visitor
may have them (core.document_privacy); originals are never public. Behind
the front server (deploy/nginx) the app never sees /media/ at all.
"""

from django.conf import settings
from django.http import Http404
from django.views import static

RENDITIONS = "images/"
# One file name, as storages write them: no folders, no NUL, not "." or "..".
MAX_NAME_BYTES = 255


def serve_rendition(request, path: str):
    if not (settings.DEBUG or settings.LSV_SERVE_MEDIA):
        raise Http404
    if not path.startswith(RENDITIONS):
        raise Http404
    name = path[len(RENDITIONS) :]
    if (
        not name
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or name in {".", ".."}
        or len(name.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES
    ):
        raise Http404
    try:
        response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    except (OSError, ValueError, UnicodeError) as error:
        # Names the file system cannot hold or look up are simply not there.
        raise Http404 from error
    # A rendition never changes under its name (a new focal point is a new name).
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
