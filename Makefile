# Two commands for a newcomer: `make demo` and `make test`. Everything else is optional.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
ADDR   ?= 127.0.0.1:8000

.PHONY: setup demo build test bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

## demo: import the demo reports, build, and serve the archive at http://$(ADDR)
demo: build
	$(BIN)/archive serve --dev-addr $(ADDR)

## build: import the demo reports and build the site into site/
build: $(VENV)/.installed
	$(BIN)/archive add demo/reports
	$(BIN)/archive build

## test: the whole test suite, browser tests included (needs Debian's chromium)
test: setup
	$(BIN)/python -m pytest; status=$$?; [ $$status -eq 5 ] && exit 0 || exit $$status

## bench: speed and size tables (not part of the tests; needs ../shared)
bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/run.py

clean:
	rm -rf site docs/reports .archive
