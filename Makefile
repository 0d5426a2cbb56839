# The two commands of the README: `make build` and `make test`.
# Each one installs what it needs (Debian packages, a virtualenv) and then runs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test test-quick lint setup setup-dev

build: setup
	$(BIN)/gka-docgen build

test: setup-dev lint
	$(BIN)/python -m pytest -q -n auto

# The edit-test loop: no lint, no test marked slow (pyproject.toml). `make test` runs all.
test-quick: setup-dev
	$(BIN)/python -m pytest -q -n auto -m "not slow"

lint: setup-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

setup: $(VENV)/.runtime-installed
	@scripts/setup-system.sh runtime

setup-dev: $(VENV)/.dev-installed
	@scripts/setup-system.sh test

$(VENV)/.runtime-installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.runtime-installed
