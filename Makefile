# Two commands for a newcomer: `make demo` and `make test`. Everything else is optional.
VENV   ?= .venv
PYTHON ?= python3
BIN     = $(VENV)/bin
PIP     = $(BIN)/pip --quiet --disable-pip-version-check
ADDR   ?= 127.0.0.1:8000
NEEDS   = run

.PHONY: setup system-packages demo build test bench lock clean

## setup: what the tests need: missing Debian packages (.ci/debian-packages), .venv from the lock, node_modules
setup: NEEDS = run test
setup: system-packages $(VENV)/.installed node_modules/.installed

system-packages:
	@.ci/system-packages $(NEEDS)

# Rebuilt from scratch when the lock or pyproject.toml changes, so .venv holds exactly the lock.
$(VENV)/.installed: requirements/lock.txt pyproject.toml | system-packages
	$(PYTHON) -m venv --clear $(VENV)
	$(PIP) install --require-hashes -r requirements/lock.txt
	$(PIP) install --no-deps --no-build-isolation -e .
	touch $@

node_modules/.installed: package.json package-lock.json | system-packages
	npm ci --no-audit --no-fund --silent
	touch $@

## demo: import the demo reports, build, and serve the archive at http://$(ADDR)
demo: build
	$(BIN)/archive serve --dev-addr $(ADDR)

## build: import the demo reports and build the site into site/
build: $(VENV)/.installed
	$(BIN)/archive add demo/reports
	$(BIN)/archive build

## test: the whole test suite, browser tests included
test: setup
	$(BIN)/python -m pytest; status=$$?; [ $$status -eq 5 ] && exit 0 || exit $$status

## bench: speed and size tables (not part of the tests; needs ../shared)
bench: NEEDS = run test
bench: system-packages $(VENV)/.installed
	$(PIP) install --require-hashes -r requirements/bench-lock.txt
	$(BIN)/python bench/run.py

## lock: recompile requirements/*.txt after a change to pyproject.toml's ranges or extras (see .ci/lock)
lock:
	.ci/lock

clean:
	rm -rf site docs/reports .archive
