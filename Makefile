# Two commands do all the set-up on a fresh machine:
#   make demo   - install into .venv, ingest the bundled example pages into warta.db, serve the UI
#   make test   - install into .venv and run the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	$(BIN)/warta ingest examples/pages --db warta.db
	$(BIN)/warta serve --db warta.db

test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/parse.py

clean:
	rm -rf $(VENV) build *.egg-info
