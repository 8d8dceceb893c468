from .base import *  # noqa: F401,F403
from .base import env_bool, env_list

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` lets the demo admin (admin/admin) in without a phone;
# LSV_REQUIRE_2FA=true tries two-factor authentication locally.
LSV_REQUIRE_2FA = env_bool("LSV_REQUIRE_2FA", False)
