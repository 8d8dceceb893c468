# LSV website. `make run` serves the demo site; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

DEV_STAMP := $(VENV)/.installed-dev-stamp

# What running the site needs; the test tools (browser driver, S3 emulator,
# property testing...) come with `make test` and the other dev targets.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(DEV_STAMP)

.PHONY: install
install: $(STAMP) ## Create .venv and install what running the site needs

.PHONY: install-dev
install-dev: $(DEV_STAMP) ## Also install the test and lint tools

.PHONY: migrate
migrate: install ## Apply database migrations
	$(BIN)/python manage.py migrate --noinput

.PHONY: demo
demo: migrate ## Load the Swedish demo content (safe to run again)
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py extract_document_text

.PHONY: run
run: demo ## Install, migrate, load demo content and serve http://127.0.0.1:8000/ (with the scheduler)
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, admin/admin)"
	@bash bin/serve-dev $(HOST):$(PORT)

.PHONY: test
# Both cores (or all a bigger machine has); a test file's tests share a worker,
# so a module's servers start once. TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto
XDIST = -n $(TEST_WORKERS) --dist loadfile

test: install-dev ## Run the whole test suite (browser tests need /usr/bin/chromium)
	$(BIN)/pytest -m "not transactional" $(XDIST)
	# Tests that commit and flush the database (the live-server browser tests
	# among them) would leave it empty for the tests after them: they run after
	# the parallel run, in one process.
	$(BIN)/pytest -m transactional

.PHONY: test-fast
test-fast: install-dev ## The tests without the real-browser and slow ones (while iterating)
	$(BIN)/pytest -m "not browser and not slow and not front_server and not transactional" -p no:cacheprovider $(XDIST)
	$(BIN)/pytest -m "transactional and not browser and not slow and not front_server" -p no:cacheprovider

# Any database on the PostgreSQL server: the test creates and drops its own.
SCALE_OUT_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: test-scale-out
test-scale-out: install-dev ## Two app instances on one PostgreSQL, Redis and S3 emulator (tests/scale_out)
	DATABASE_URL=$(SCALE_OUT_DATABASE_URL) REQUIRE_SCALE_OUT=1 $(BIN)/pytest -m scale_out -p no:cacheprovider

BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lsv_bench
# Passed to manage.py bench_search, e.g. BENCH_SEARCH_ARGS="--articles 300" for a small run.
BENCH_SEARCH_ARGS ?=

.PHONY: bench-search
bench-search: install-dev ## Search benchmark: 10,000 articles in PostgreSQL database lsv_bench (rebuilt), p50/p95, compound recall, ranking cases
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python manage.py bench_search $(BENCH_SEARCH_ARGS)

BENCH_IMPORT_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lsv_bench_import

.PHONY: bench-import
bench-import: install-dev ## WordPress import benchmark: 5,000 posts and 10,000 attachments into database lsv_bench_import (rebuilt), posts/s and peak RSS
	DATABASE_URL=$(BENCH_IMPORT_DATABASE_URL) $(BIN)/python manage.py bench_import

BENCH_ADMIN_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lsv_bench_admin
BENCH_ADMIN_ARTICLES ?= 3000,50000

.PHONY: bench-admin
bench-admin: install-dev ## Admin benchmark: page listing and choosers with 3,000 and 50,000 articles (database lsv_bench_admin, rebuilt)
	@work=$$(mktemp -d); trap 'rm -rf "$$work"' EXIT; \
	export DJANGO_SETTINGS_MODULE=lsv_site.settings.production SECRET_KEY=bench-admin-only \
		ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING \
		STATIC_ROOT="$$work/static" MEDIA_ROOT="$$work/media" \
		DATABASE_URL=$(BENCH_ADMIN_DATABASE_URL); \
	$(BIN)/python manage.py collectstatic --noinput -v 0 && \
	$(BIN)/python manage.py bench_admin --articles $(BENCH_ADMIN_ARTICLES)

BENCH_MAIL_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/lsv_bench_mail
BENCH_MAIL_SUBSCRIBERS ?= 10000
BENCH_MAIL_WORKERS ?= 1

.PHONY: bench-mail
bench-mail: install-dev ## E-mail benchmark: a digest to 10,000 subscribers through a local SMTP sink (database lsv_bench_mail, rebuilt)
	@work=$$(mktemp -d); trap 'rm -rf "$$work"' EXIT; \
	export DJANGO_SETTINGS_MODULE=lsv_site.settings.production SECRET_KEY=bench-mail-only \
		ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING \
		STATIC_ROOT="$$work/static" MEDIA_ROOT="$$work/media" \
		DATABASE_URL=$(BENCH_MAIL_DATABASE_URL); \
	$(BIN)/python manage.py bench_mail --subscribers $(BENCH_MAIL_SUBSCRIBERS) --workers $(BENCH_MAIL_WORKERS)

.PHONY: lint
lint: install-dev ## Ruff lint and the import contracts (pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

.PHONY: check
check: install-dev ## Django system checks and missing-migration check
	$(BIN)/python manage.py check
	$(BIN)/python manage.py makemigrations --check --dry-run

.PHONY: check-frontend
check-frontend: install-dev ## Serve the demo site and check every page type with axe, vnu and Lighthouse
	bash frontend-checks/run

.PHONY: screenshots
screenshots: install-dev ## PNGs of every page type at 390 and 1280 px (demo site) into docs/screenshots/
	bash bin/screenshots

.PHONY: messages
messages: install-dev ## Refresh and compile the Swedish translation catalogue (needs gettext)
	$(BIN)/python manage.py makemessages -l sv --ignore=.venv --ignore=staticfiles --ignore=media
	$(BIN)/python manage.py compilemessages -l sv --ignore=.venv

.PHONY: bench
bench: install-dev ## Page benchmark: demo + 1,000 articles (and 50,000) in database lsv_bench_pages, gunicorn, wrk
	$(BIN)/python bench/pages.py

.PHONY: bench-load
bench-load: install-dev ## Load (wrk, 32 connections, 60 s), then a PostgreSQL restart under load, on a throwaway cluster
	$(BIN)/python bench/load.py

.PHONY: ci
ci: lint check test ## Lint, checks and the tests (CI runs more: .ci/run)

.PHONY: clean
clean: ## Remove the virtualenv, the SQLite database and media
	rm -rf $(VENV) db.sqlite3 media staticfiles
