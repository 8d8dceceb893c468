from .base import *  # noqa: F401,F403
from .base import env_list

DEBUG = True
SECRET_KEY = "django-insecure-development-only-key-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
