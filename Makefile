# The README's commands. `make run` serves the demo site; `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# The first Python that is 3.12 or newer (pyenv's python3 follows .python-version).
PYTHON ?= $(shell for p in python3 python3.13 python3.12 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& echo $$p && break; done)
HOST ?= 127.0.0.1:8000
# The benchmark's own database: it fills it with a synthetic archive.
BENCHMARK_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/newsroom_benchmark

.PHONY: install run test lint benchmark audit

install: $(BIN)/.installed

$(BIN)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(PYTHON)" || { echo "Python 3.12 or newer is needed (install it, or pyenv with 3.12+)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

run: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 $(BIN)/python manage.py load_demo
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

# Known vulnerabilities in the pinned dependencies (needs PyPI's vulnerability service).
audit: install
	$(BIN)/python .ci/audit_dependencies.py

# Production settings on a database of the benchmark's own; BENCHMARK_ARGS="--help" for options.
benchmark: install
	@command -v wrk >/dev/null || { command -v apt-get >/dev/null && apt-get install -y -qq --no-install-recommends wrk >/dev/null; } || echo "wrk is not installed: the load test will be skipped."
	@export DJANGO_SETTINGS_MODULE=benchmark.settings DATABASE_URL=$(BENCHMARK_DATABASE_URL) DEBUG=0 LOG_LEVEL=WARNING \
		ALLOWED_HOSTS=testserver,127.0.0.1 \
		SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))'); \
	$(BIN)/python manage.py collectstatic --noinput -v0 && \
	$(BIN)/python manage.py benchmark $(BENCHMARK_ARGS)
