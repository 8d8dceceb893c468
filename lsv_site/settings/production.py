import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # Refuse to start rather than run with a guessable key.
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

LSV_INDEXABLE = env_bool("LSV_INDEXABLE", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names and pre-compressed copies, served with far-future caching.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploaded media in S3-compatible object storage, so that any number of app
# instances share them (ops.storage). Credentials come from boto3's usual
# sources: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or the instance's role.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "ops.storage.MediaStorage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None
    # A CDN in front of the bucket: media URLs point at it instead.
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_URL_PROTOCOL = os.environ.get("AWS_S3_URL_PROTOCOL", "https:")
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "")
    # Public renditions get plain, cacheable URLs; signed ones would change on
    # every render and expire inside cached pages.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    # None: objects are private unless a bucket policy publishes them (the
    # README's policy publishes renditions only). Documents and originals stay
    # private even with "public-read" (ops.storage).
    AWS_DEFAULT_ACL = os.environ.get("AWS_DEFAULT_ACL") or None
    # Never replace a file under a name a page, a rendition or a CDN refers to.
    AWS_S3_FILE_OVERWRITE = False
    # Renditions never change under their name (AWS_S3_FILE_OVERWRITE is off).
    AWS_S3_OBJECT_PARAMETERS = {
        "CacheControl": os.environ.get("AWS_S3_CACHE_CONTROL", "public, max-age=31536000")
    }

    from ops.media_origin import media_origin

    _media = media_origin(
        AWS_STORAGE_BUCKET_NAME,
        custom_domain=AWS_S3_CUSTOM_DOMAIN or "",
        url_protocol=AWS_S3_URL_PROTOCOL,
        endpoint_url=AWS_S3_ENDPOINT_URL or "",
        addressing_style=AWS_S3_ADDRESSING_STYLE or "",
        region=AWS_S3_REGION_NAME or "",
    )
    # Pages and the admin show images from there.
    for _policy in (CONTENT_SECURITY_POLICY["DIRECTIVES"], LSV_ADMIN_CONTENT_SECURITY_POLICY):  # noqa: F405
        for _directive in ("img-src", "media-src"):
            if _media not in _policy[_directive]:
                _policy[_directive] = [*_policy[_directive], _media]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Preloading HSTS is a commitment for every subdomain that is hard to undo, so it
# stays an explicit choice (SECURE_HSTS_PRELOAD=true), not a deploy-check default.
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]

if os.environ.get("WAGTAILADMIN_BASE_URL") is None and ALLOWED_HOSTS:
    WAGTAILADMIN_BASE_URL = f"https://{ALLOWED_HOSTS[0]}"

# Logs: one JSON object per line on stdout (requests, errors with tracebacks).
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {"json": {"()": "ops.log_format.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "loggers": {**LOGGING["loggers"], "lsv.request": {"level": "INFO"}},  # noqa: F405
}
