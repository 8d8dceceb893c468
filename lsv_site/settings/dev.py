from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE, env_bool, env_list

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
# E-mail goes to the console unless EMAIL_HOST names an SMTP server (a local
# Mailpit, say): base.py decides.

# An edited template or stylesheet shows on the next reload: no stored pages,
# no remembered cards. (LSV_PAGE_CACHE=true etc. to try them out locally.)
LSV_PAGE_CACHE = env_bool("LSV_PAGE_CACHE", False)
LSV_PAGE_CACHE_FRONT = env_bool("LSV_PAGE_CACHE_FRONT", False)
LSV_FRAGMENT_MEMO = env_bool("LSV_FRAGMENT_MEMO", False)

# Visitors' 404 is the site's Swedish page here too, not Django's debug page
# (which LSV_DEBUG_404=true brings back).
if not env_bool("LSV_DEBUG_404", False):
    MIDDLEWARE = ["ops.middleware.site_not_found.SiteNotFoundMiddleware", *MIDDLEWARE]

# `make run` lets the demo admin (admin/admin) in without a phone;
# LSV_REQUIRE_2FA=true tries two-factor authentication locally.
LSV_REQUIRE_2FA = env_bool("LSV_REQUIRE_2FA", False)
