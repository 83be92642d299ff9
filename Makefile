# Focus Industry — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432
PG_TEST_DB ?= focus_industry_test
PYTEST_ARGS ?=

.PHONY: help install run serve test test-slow test-all test-postgres test-browser lint format messages demo backup restore bench bench-scaleout bench-search clean

help: ## List the targets with what they do
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[1m%-15s\033[0m %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv, install the project with its dev tools, compile messages, get Chromium
$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	@# Not editable: the project installs no package of its own (code runs from this folder), and
	@# setuptools warns about every editable mode.
	$(VENV)/bin/pip install --quiet ".[dev]"
	@bin/compile-messages $(PY)
	@bin/install-chromium || true
	@bin/install-vnu || true
	@touch $(STAMP)

# The addresses, logins and keys come last, just before the server's own start-up lines.
run: install ## Migrate, load the bilingual demo content and serve on http://127.0.0.1:8000 (SQLite)
	@mkdir -p var
	@echo "Preparing the database and the demo content (the first time takes a few minutes) ..."
	@$(PY) manage.py migrate --noinput -v 0 > /dev/null
	@$(PY) manage.py update_translation_fields > /dev/null
	@demo=$$($(PY) manage.py load_demo_content --accounts) || { echo "$$demo"; exit 1; }; \
	echo ""; \
	echo "  Site: http://$(HOST):$(PORT)/   English: http://$(HOST):$(PORT)/en/   Admin: http://$(HOST):$(PORT)/admin/"; \
	echo "$$demo" | grep -E "demo (login|2FA key) created|demo logins exist" || true; \
	echo ""
	@# migrate has run the system checks; Django's development-server warning is for the public internet.
	@WAGTAILADMIN_BASE_URL="$${WAGTAILADMIN_BASE_URL:-http://$(HOST):$(PORT)}" DJANGO_RUNSERVER_HIDE_WARNING=true \
		$(PY) manage.py runserver --skip-checks $(HOST):$(PORT)

# The tiers: tests/conftest.py marks the slow one (servers, browsers, crawls, scale-out). A `-m` in
# PYTEST_ARGS comes last and wins, e.g. `make test-postgres PYTEST_ARGS='-m slow'`.
FAST := -m "not slow"
SLOW := -m slow

test: install ## The fast tier on SQLite (everything but the slow tier; a few minutes)
	$(VENV)/bin/pytest $(FAST) $(PYTEST_ARGS)

test-slow: install ## The slow tier on SQLite: browsers, servers, crawls, scale-out
	$(VENV)/bin/pytest $(SLOW) $(PYTEST_ARGS)

test-all: install ## Both tiers on SQLite
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install ## The fast tier on PostgreSQL (DATABASE_URL, default: a database it creates)
	@bin/ensure-postgres-db "$(or $(DATABASE_URL),$(PG_URL)/$(PG_TEST_DB))"
	DATABASE_URL="$(or $(DATABASE_URL),$(PG_URL)/$(PG_TEST_DB))" $(VENV)/bin/pytest $(FAST) $(PYTEST_ARGS)

lint: install ## ruff, manage.py check, makemigrations --check, hadolint
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=focus_industry.settings.test $(PY) manage.py check
	@mkdir -p var  # makemigrations reads the migration history of the (SQLite) database there
	DJANGO_SETTINGS_MODULE=focus_industry.settings.test $(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/hadolint Dockerfile

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

messages: install ## Collect UI strings into locale/sv/LC_MESSAGES/django.po and compile them
	$(PY) manage.py makemessages --locale sv --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*' --ignore 'tests/*' --ignore 'var/*'
	@bin/compile-messages $(PY)

bench: install ## Load-test home, listings, a story, toolbox and search (cached, uncached, cold) under gunicorn with production settings (BENCH_SECONDS=20 BENCH_ROUNDS=3 for the long run)
	@bin/install-bench-tools || true
	$(PY) bench/run.py

backup: install ## Back up the database and media into var/backups/ (BACKUP_DIR=… for elsewhere)
	PYTHON=$(PY) bin/backup $(if $(BACKUP_DIR),--output-dir "$(BACKUP_DIR)")

restore: install ## Restore ARCHIVE=… into an empty database (FORCE=1 replaces what is there)
	@test -n "$(ARCHIVE)" || { echo "usage: make restore ARCHIVE=var/backups/focus-industry-….tar.gz [FORCE=1]"; exit 2; }
	PYTHON=$(PY) bin/restore "$(ARCHIVE)" $(if $(FORCE),--force)

demo: install ## Load (or complete) the demo content without serving
	$(PY) manage.py migrate --noinput
	$(PY) manage.py update_translation_fields > /dev/null
	$(PY) manage.py load_demo_content

bench-scaleout: install ## Requests/s through HAProxy with one and two app instances and through Varnish (needs bin/install-scaleout-tools, PostgreSQL, Redis)
	@bin/install-scaleout-tools
	@bin/install-bench-tools || true
	$(PY) bench/scaleout.py

bench-search: install ## Search latency (median, p95) and indexing time over 100,000 stories on PostgreSQL (DATABASE_URL) and SQLite (BENCH_DB=postgres or sqlite for one; BENCH_SCALE=… for another count)
	@if [ "$(BENCH_DB)" != "sqlite" ]; then \
		bin/ensure-postgres-db "$(or $(DATABASE_URL),$(PG_URL)/focus_bench_search)" && \
		DATABASE_URL="$(or $(DATABASE_URL),$(PG_URL)/focus_bench_search)" $(PY) bench/search.py --scale $(or $(BENCH_SCALE),100000); \
	fi
	@if [ "$(BENCH_DB)" != "postgres" ]; then \
		env -u DATABASE_URL $(PY) bench/search.py --scale $(or $(BENCH_SCALE),100000) --sqlite-dir var/bench-search; \
	fi

clean: ## Remove the virtualenv, the local database and test artifacts
	rm -rf $(VENV) var staticfiles test-artifacts .pytest_cache .ruff_cache
