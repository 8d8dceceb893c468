import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lsv_site.settings.production")

application = get_wsgi_application()

# Cached pages are answered before Django (fastpath.front).
from fastpath.front import wrap  # noqa: E402 - needs the settings loaded above

application = wrap(application)
