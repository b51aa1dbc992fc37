# Two commands: `make run` (set up, open the annotator on the seed article) and `make test` (set up, run every check
# and every test). `make test` is what CI runs: ruff (lint and format), the import
# contracts, mypy, then pytest on both cores.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# label-studio-sdk, a consumer our Label Studio files are read by in the tests, in an environment of its own: in
# .venv it would move our pins (numpy, pandas, lxml). `make test` makes it and names its Python to the tests,
# which then fail, not skip, when it is missing.
SDK_VENV ?= .venv-labelstudio
SDK_REQUIREMENTS := tests/consumers/labelstudio-requirements.txt
SDK_STAMP := $(SDK_VENV)/.installed

.PHONY: run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

$(SDK_STAMP): $(SDK_REQUIREMENTS)
	$(PYTHON) -m venv $(SDK_VENV)
	$(SDK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $(SDK_REQUIREMENTS)
	touch $(SDK_STAMP)

run: $(STAMP)
	$(BIN)/annotator

test: $(STAMP) $(SDK_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	LABELSTUDIO_SDK_PYTHON=$(abspath $(SDK_VENV))/bin/python $(BIN)/python -m pytest -n 2 --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(STAMP)
	for script in benchmarks/*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(SDK_VENV) .pytest_cache .ruff_cache
