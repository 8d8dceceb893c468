"""Settings shared by every environment.

Everything that differs between machines is read from the environment, so the
same code runs on a laptop (SQLite), in CI (PostgreSQL) and in production.
"""

import datetime
import hashlib
import os
from pathlib import Path

from django.utils.translation import gettext_lazy

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "lsv_site"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


INSTALLED_APPS = [
    # The project's apps, top layer first (docs/architecture.md).
    # manage.py import_wordpress and its admin view (docs/wordpress.md).
    "wordpress_import",
    "home",
    "search",
    "news",
    "whitepapers",
    "people",
    "seo",
    "core",
    "editorial",
    "fastpath",
    "ops",
    # E-mail subscribers, digests and single sends (docs/subscriptions.md).
    "subscriptions",
    # The task queue's table and its worker, `manage.py db_worker`.
    "django_tasks_db",
    # The benchmarks' management commands (make bench*).
    "bench",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# Order matters, and other features slot into it, so each position is explained:
# 0. RequestLogMiddleware outermost, so its duration and status are what the
#    client got, after every other middleware.
# 1. SecurityMiddleware first: HTTPS redirect before any work, and HSTS, nosniff,
#    Referrer-Policy and COOP on every response, including whitenoise's files.
# 2. SecurityHeadersMiddleware next: CSP and Permissions-Policy, also on every
#    response (static files, error pages, cached pages).
# 3. WhiteNoise answers static files before sessions or the database are touched.
# 4. DatabaseOutageMiddleware turns a database outage raised by a view into the
#    503 maintenance page (errors raised elsewhere reach ops.errors).
# The full-page cache (fastpath.page_cache: Store… / Fetch…) sits after WhiteNoise and
# around the rest, so cached pages still get the headers of 1 and 2 and the
# redirect of 1.
# AxesMiddleware stays last, as django-axes requires (it turns lockouts raised by
# the authentication backend into the lockout response).
MIDDLEWARE = [
    "ops.middleware.request_log.RequestLogMiddleware",
    # The full-page cache (fastpath.page_cache): outermost but for the log, so
    # it stores responses with every header set below and a hit skips the rest.
    "fastpath.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "ops.middleware.security_headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Canonical ?page= values only (and no cache entries for any other).
    "fastpath.page_numbers.PageNumberMiddleware",
    "ops.middleware.database_outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ops.middleware.private_responses.PrivateResponsesMiddleware",
    # Two-factor authentication for the admin (ops.two_factor): django-otp
    # marks the verified session, then admin requests wait for verification.
    "django_otp.middleware.OTPMiddleware",
    "ops.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # WordPress's /?p=123 addresses of imported posts (docs/wordpress.md).
    "wordpress_import.middleware.WordPressQueryRedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lsv_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "lsv_site.wsgi.application"

# SQLite is the embedded default so that `make run` needs nothing installed;
# production and CI point DATABASE_URL at PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if DATABASE_IS_POSTGRES and not env_bool("LSV_POSTGRES_JIT"):
    # PostgreSQL compiles a query to machine code when its estimated cost passes
    # jit_above_cost. The admin's page listing (EXISTS sub-queries over every
    # article) is estimated that high at 50,000 articles, and compiling took
    # 0.8 s of a 0.9 s query; a web request's short queries never gain from it.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c jit=off".strip()

# The cache holds whole pages and the site-wide content version, so every
# process must share it: Redis when REDIS_URL is set, otherwise files on this
# machine (several gunicorn workers share them; local memory would not).
# Entries are the database's: two sites (or two checkouts) sharing a Redis or
# a machine must not flush, or serve, each other's pages.
_DATABASE_KEY = hashlib.sha1(
    f"{DATABASES['default'].get('HOST', '')}:{DATABASES['default']['NAME']}".encode(),
    usedforsecurity=False,
).hexdigest()[:8]
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", f"lsv-{_DATABASE_KEY}"),
            "TIMEOUT": 60 * 60 * 24,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            # Under the project (writable by the app in the container too).
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache" / _DATABASE_KEY)),
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
# Wagtail writes every rendition it looks up back to this cache, on every
# request. Pages fetch their renditions from the database in one prefetch
# query anyway (core.cards.prefetch_renditions), so those writes only cost.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# Full-page cache for anonymous visitors (fastpath.page_cache).
LSV_PAGE_CACHE = env_bool("LSV_PAGE_CACHE", True)
# Answer cached pages in the WSGI application, before Django (fastpath.front).
LSV_PAGE_CACHE_FRONT = env_bool("LSV_PAGE_CACHE_FRONT", True)
# Shared pieces (cards, pictures, read-more choices) kept per process until
# content changes (fastpath.fragments); off only to measure pages from scratch.
LSV_FRAGMENT_MEMO = env_bool("LSV_FRAGMENT_MEMO", True)
LSV_FRAGMENT_MEMO_BYTES = int(os.environ.get("LSV_FRAGMENT_MEMO_BYTES", str(4 * 1024 * 1024)))
LSV_PAGE_CACHE_SECONDS = int(os.environ.get("LSV_PAGE_CACHE_SECONDS", str(60 * 60 * 24)))
LSV_PAGE_CACHE_404_SECONDS = int(os.environ.get("LSV_PAGE_CACHE_404_SECONDS", "60"))
# s-maxage for a CDN in front (0: none); only safe when frontend-cache purging is set up.
LSV_CDN_MAX_AGE = int(os.environ.get("LSV_CDN_MAX_AGE", "0"))

# A CDN or Varnish in front (wagtail.contrib.frontend_cache): off unless configured.
# Wagtail purges a page's own URLs when it is published, unpublished or moved;
# other pages showing it (listings, read-more cards, the feed) are refreshed at
# the CDN after LSV_CDN_MAX_AGE seconds, so keep that short.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_VARNISH_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_VARNISH_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address never reaches the password check.
    "ops.login_throttle.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin login throttling (ops.login_throttle; the README's "Admin login"):
# - an account is locked for one address after AXES_FAILURE_LIMIT failures from
#   it (the username+address pair), for the cool-off; a success there resets
#   only that pair, so logging in as oneself never resets guesses at others;
# - an account is throttled for addresses it has never logged in from after
#   LSV_LOGIN_ACCOUNT_FAILURE_LIMIT failures from anywhere within
#   LSV_LOGIN_THROTTLE_WINDOW (guessing spread over many addresses);
# - an address is throttled after LSV_LOGIN_ADDRESS_FAILURE_LIMIT failures on
#   any accounts within the window (one password tried on many accounts).
# `manage.py axes_reset` unlocks everything at once.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "ops.login_throttle.LoginThrottleHandler"
LSV_LOGIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("LSV_LOGIN_ACCOUNT_FAILURE_LIMIT", "20"))
LSV_LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LSV_LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
LSV_LOGIN_THROTTLE_WINDOW = datetime.timedelta(
    minutes=float(os.environ.get("LSV_LOGIN_THROTTLE_WINDOW_MINUTES", "15"))
)
# Addresses an account logged in from within this many days count as its own.
LSV_LOGIN_KNOWN_ADDRESS_DAYS = int(os.environ.get("LSV_LOGIN_KNOWN_ADDRESS_DAYS", "90"))
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_COOLOFF_MESSAGE = gettext_lazy(
    "Too many failed login attempts: logging in is locked for a while. "
    "Try again later, or ask an administrator to unlock the account."
)
AXES_CLIENT_IP_CALLABLE = "ops.login_throttle.client_ip"
# How many reverse proxies in front of the app append to X-Forwarded-For.
LSV_TRUSTED_PROXIES = int(os.environ.get("LSV_TRUSTED_PROXIES", "0"))

# Two-factor authentication (TOTP) in the admin: required for Ansvarig utgivare
# and superusers, optional for Redaktör (ops.two_factor). Only the
# development settings may turn it off.
LSV_REQUIRE_2FA = env_bool("LSV_REQUIRE_2FA", True)
# The dashboard would ask releases.wagtail.org for news on every view: upgrades
# come through pyproject.toml, and the admin makes no calls to other sites.
WAGTAIL_ENABLE_UPDATE_CHECK = False
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "LSV")

# Swedish first: the public site is always Swedish, whatever the browser asks
# for (so no LocaleMiddleware); the admin defaults to Swedish and each editor
# may switch to English in their account settings (Wagtail activates it).
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
LSV_SERVE_MEDIA = env_bool("LSV_SERVE_MEDIA", False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "LSV"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Slugs are ASCII: "Välfärd i förändring" becomes "valfard-i-forandring".
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_I18N_ENABLED = False
# The page kinds as the shared core knows them (core/kinds.py): the kinds
# import the core, never the other way round. Cards in "Läs mer" and on the
# home page, in this order; topic links lead to the listing's topic route.
LSV_CARD_PAGE_TYPES = ["news.NewsArticlePage", "whitepapers.WhitePaperPage", "people.PersonPage"]
LSV_TOPIC_LISTING_PAGE_TYPE = "news.NewsIndexPage"

WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
WAGTAILDOCS_DOCUMENT_MODEL = "core.SiteDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 60_000_000
# A document's content must match its extension (no web page renamed .pdf).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "ops.uploads.DocumentForm"
# Files live pages use are replaced only by the publisher group (also documents).
WAGTAILIMAGES_IMAGE_FORM_BASE = "ops.uploads.ImageForm"
# Documents go through Wagtail's view, never straight from /media/: it applies
# collection privacy, the page-privacy rule in core.document_privacy, and
# sends the type and Content-Disposition below (plus nosniff and a CSP).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Behind the front server (deploy/nginx, LSV_X_ACCEL_REDIRECT=true): once the
# view has allowed a document, it answers with an empty response whose
# X-Accel-Redirect names the file, and nginx sends the file from an
# internal-only location (SENDFILE_URL), so no app worker streams it and no
# outside request can reach that location. Files in object storage have no
# local path; Wagtail streams those itself.
LSV_X_ACCEL_REDIRECT = env_bool("LSV_X_ACCEL_REDIRECT", False)
if LSV_X_ACCEL_REDIRECT:
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT / "documents")
    SENDFILE_URL = "/_lsv_internal/documents"
WAGTAILDOCS_CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "csv": "text/csv",
    "txt": "text/plain",
}
# Only PDFs open in the browser; everything else downloads.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No avatars from gravatar.com: it would tell a third party who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # Only the PostgreSQL backend understands a text-search configuration.
        **({"SEARCH_CONFIG": "swedish"} if DATABASE_IS_POSTGRES else {}),
    }
}

# How many items a listing page shows, and how many the feeds carry.
LSV_LISTING_PAGE_SIZE = 12
LSV_FEED_ITEMS = int(os.environ.get("LSV_FEED_ITEMS", "20"))

# Whether search engines may index this instance: robots.txt disallows
# everything and pages say "noindex" unless it is on. Production turns it on;
# set LSV_INDEXABLE=false on staging and test instances.
LSV_INDEXABLE = env_bool("LSV_INDEXABLE", False)
# The organisation behind the site, as named in structured data and citations.
LSV_PUBLISHER = os.environ.get("LSV_PUBLISHER", "LSV")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "without_outage_tracebacks": {
            "()": "ops.middleware.database_outage.WithoutOutageTracebacks"
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Background-task bookkeeping is noise at INFO.
    # Request lines (ops.middleware.request_log) only in production: the
    # development server prints its own.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "lsv.request": {"level": "WARNING"},
        "django.request": {"filters": ["without_outage_tracebacks"]},
    },
}

# Background tasks (django.tasks API, docs/decisions.md). Wagtail's own tasks
# (search index, reference index) use "default" and run in the request that
# saves, as they always have; the site's background work (scheduled publishing,
# e-mail) goes on the database queue that `manage.py db_worker --backend queue`
# works through, as many workers on as many machines as wanted.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Tasks that re-enqueue themselves (ops.periodic); `manage.py
# run_scheduler` queues their first run.
LSV_PERIODIC_TASKS = [
    "ops.tasks.publish_scheduled",
    "subscriptions.tasks.mail_tick",
]
# Seconds between runs of each periodic task (ops.periodic).
LSV_SCHEDULER_INTERVAL = int(os.environ.get("LSV_SCHEDULER_INTERVAL", "60"))

# Outgoing e-mail, with Django's own setting names from the environment. Any
# SMTP server; without EMAIL_HOST, development prints messages to the console.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
# Or a provider's HTTP API through django-anymail: EMAIL_PROVIDER names it as
# Anymail does (postmark, mailgun, amazon_ses, sendgrid, brevo...) and every
# ANYMAIL_<SETTING> variable becomes ANYMAIL["<SETTING>"], e.g.
# ANYMAIL_POSTMARK_SERVER_TOKEN (subscriptions.checks tells a wrong name).
EMAIL_PROVIDER = os.environ.get("EMAIL_PROVIDER", "").strip().lower()
if EMAIL_PROVIDER:
    EMAIL_BACKEND = f"anymail.backends.{EMAIL_PROVIDER}.EmailBackend"
ANYMAIL = {
    name.removeprefix("ANYMAIL_"): value
    for name, value in os.environ.items()
    if name.startswith("ANYMAIL_")
}
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "LSV <nyhetsbrev@localhost>")
# The domain of Message-IDs and the List-Id.
LSV_MAIL_DOMAIN = os.environ.get(
    "LSV_MAIL_DOMAIN", DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].rstrip(">").strip()
)

# E-mail subscriptions (subscriptions/, docs/subscriptions.md).
# Messages per second at most, per worker sending.
LSV_MAIL_RATE = float(os.environ.get("LSV_MAIL_RATE", "10"))
# Messages per SMTP connection (and per progress save).
LSV_MAIL_BATCH = int(os.environ.get("LSV_MAIL_BATCH", "100"))
# Parts a send is split into, for as many workers to share it.
LSV_MAIL_SHARDS = int(os.environ.get("LSV_MAIL_SHARDS", "1"))
# The weekly digest: ISO weekday (1 = Monday) and local time.
LSV_DIGEST_WEEKDAY = int(os.environ.get("LSV_DIGEST_WEEKDAY", "5"))
LSV_DIGEST_TIME = os.environ.get("LSV_DIGEST_TIME", "08:00")
# How long a confirmation link works.
LSV_CONFIRM_MAX_AGE = datetime.timedelta(
    hours=float(os.environ.get("LSV_CONFIRM_MAX_AGE_HOURS", "72"))
)
# Sign-up requests per address and per client within the window.
LSV_SUBSCRIBE_PER_ADDRESS = int(os.environ.get("LSV_SUBSCRIBE_PER_ADDRESS", "3"))
LSV_SUBSCRIBE_PER_CLIENT = int(os.environ.get("LSV_SUBSCRIBE_PER_CLIENT", "10"))
LSV_SUBSCRIBE_WINDOW = int(os.environ.get("LSV_SUBSCRIBE_WINDOW_SECONDS", "3600"))
# A send whose worker has shown no progress for this long is taken up again.
LSV_MAIL_STALE_SECONDS = int(os.environ.get("LSV_MAIL_STALE_SECONDS", "300"))

# Topic URLs are ASCII like page slugs: "Effektmätning" -> /amne/effektmatning/.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Security headers ------------------------------------------------------------
# Every environment sends them, so tests and development see what production
# sends; production.py adds HTTPS-only parts (HSTS, secure cookies, redirect).

# The admin's URL prefix: moving it off /admin/ cuts down on drive-by login
# attempts. No leading slash, one trailing slash.
LSV_ADMIN_PATH = os.environ.get("LSV_ADMIN_PATH", "admin").strip("/") + "/"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# DENY for the public site; Wagtail's preview views override it with SAMEORIGIN
# for the admin's preview panel.
X_FRAME_OPTIONS = "DENY"
# Load balancers and container health checks probe over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# Video embeds are the only third-party content the site shows.
LSV_EMBED_FRAME_SOURCES = [
    "https://www.youtube-nocookie.com",
    "https://www.youtube.com",
    "https://player.vimeo.com",
]
_MEDIA_ORIGIN = ["/".join(MEDIA_URL.split("/")[:3])] if "://" in MEDIA_URL else []

# Public pages: no inline script, no eval, nothing from other origins except
# embedded videos. Style attributes are allowed (Wagtail's responsive embeds set
# their aspect ratio in one); style elements and stylesheets only from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGIN],
        "media-src": ["'self'", *_MEDIA_ORIGIN],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *LSV_EMBED_FRAME_SOURCES],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (8.0) renders inline scripts and styles and blob: previews
# of uploads; it frames its own preview, hence 'self' ancestors.
LSV_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_MEDIA_ORIGIN],
    "media-src": ["'self'", "blob:", *_MEDIA_ORIGIN],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", "https://releases.wagtail.org"],
    "frame-src": ["'self'", *LSV_EMBED_FRAME_SOURCES],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# Powerful browser features the site never uses are switched off for it and
# for anything it embeds.
LSV_PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
)
