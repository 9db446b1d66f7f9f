# The two commands of README.md. Both create .venv from the lock file when it is missing or stale.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# `make run` is the demo on this machine over plain HTTP; production sets its own environment.
run: export NALTRACK_DEBUG ?= 1
run: export NALTRACK_DEMO ?= 1

.PHONY: run test lint typecheck pytest install

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/naltrack migrate --noinput
	$(BIN)/naltrack load_articles
	$(BIN)/naltrack demo --if-empty
	$(BIN)/naltrack collectstatic --noinput --verbosity 0
	$(BIN)/naltrack up

test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench manage.py
	$(BIN)/ruff format --check src tests bench manage.py

typecheck: $(STAMP)
	$(BIN)/mypy src/naltrack
	$(BIN)/mypy --strict src/naltrack/clinical

pytest: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)
