import tempfile
from pathlib import Path

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "tests-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="lsv-test-media-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Whitenoise wants an existing STATIC_ROOT; tests serve static files from the finders.
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="lsv-test-static-"))
WHITENOISE_USE_FINDERS = True

# One process: local memory is shared by the test client and live_server.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Off unless a test turns it on, so tests that change data behind Wagtail's
# back (queryset updates) are not served cached pages.
LSV_PAGE_CACHE = False
# The same for the per-process memo of cards and pictures (fastpath.fragments).
LSV_FRAGMENT_MEMO = False
# Off, so tests that log in with force_login() reach the admin; the tests of
# two-factor authentication, and every browser test (tests/conftest.py), turn
# it on as production has it.
LSV_REQUIRE_2FA = False
