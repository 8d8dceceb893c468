# Production image: slim Python, dependencies before code, static files
# collected at build time, gunicorn as the only command. Migrations run as a
# separate release step (see docker-compose.yml and the README).
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=lsv_site.settings.production \
    PORT=8000

RUN useradd --create-home --uid 1000 lsv

# pg_dump and pg_restore for `manage.py backup_site` / `restore_site` (version 15,
# as the compose file's server); hunspell-sv, the Swedish dictionary search
# splits compounds with (search.compounds). Not pinned: Debian's point releases carry the
# security fixes, and a pinned version disappears from the archive with them.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client hunspell-sv \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so code changes do not reinstall them.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --requirement /tmp/requirements.txt

COPY --chown=lsv:lsv . .

# collectstatic needs a key to import the settings; it is not used at run time.
# The compose file shares STATIC_ROOT (/app/staticfiles) with the front server,
# and the folder where WordPress exports uploaded in the admin wait for the
# worker (owned by lsv, so the named volume created from it is writable).
RUN SECRET_KEY=build-only-not-secret python manage.py collectstatic --noinput -v0 \
    && mkdir -p /app/media /srv/static /app/.wordpress-imports \
    && chown lsv:lsv /app/media /srv/static /app/.wordpress-imports

USER 1000
EXPOSE 8000
# The slim image has no curl. /healthz needs no database, so an outage of the
# database gives 503 pages rather than restarted containers. The request uses
# the first allowed host name, which Django accepts.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0].strip(); u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': host}), timeout=4)"]
# gunicorn.conf.py: gthread workers sized by GUNICORN_WORKERS (2) and
# GUNICORN_THREADS (4), GUNICORN_TIMEOUT (60 s); meant to run behind the front
# server (deploy/nginx), which holds slow clients. No gunicorn access log: the
# app logs each request as JSON (see the README).
CMD ["gunicorn", "--config", "gunicorn.conf.py", "lsv_site.wsgi:application"]
