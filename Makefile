# Two commands do everything on a fresh machine with Python 3.11+ and pip:
#   make build   set up .venv, then run the main job on seeds/ (glossary/, exports/, locales/)
#   make test    set up .venv, then run the test suite
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: build test clean bench

$(BIN)/termbank: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	@touch $@

build: $(BIN)/termbank
	$(BIN)/termbank build

test: $(BIN)/termbank
	$(BIN)/pytest

clean:
	rm -rf $(VENV) glossary/.index.sqlite* glossary/.tm.sqlite*
