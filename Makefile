# Set-up, checks and tests. On a fresh machine `make run` and `make test` install everything
# they need first (shared/design/ci.md §7); `.ci/run` is just `make test`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
# `make test` must stop at the first failing step, in order, even under `make -j`.
.NOTPARALLEL:

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# pip runs again only when one of these is newer than the stamp.
STAMP := $(VENV)/.deps-stamp
PIP := $(BIN)/python -m pip --disable-pip-version-check
#: Extra pytest arguments, e.g. `make test-quick PYTEST_ARGS="-k tickets -x"`.
PYTEST_ARGS ?=

# shared/design/ci.md §1: Qt offscreen and xcb, fonts, Xvfb, and the servers the tests start.
APT_PACKAGES := make \
	libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3 \
	fonts-dejavu-core fonts-droid-fallback \
	xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	postgresql openssh-server poppler-utils xrdp freerdp2-x11
# Only when `python3 -m venv` cannot work yet (ci.md §1: Debian's python3 lacks ensurepip).
APT_PYTHON := python3 python3-venv ca-certificates

.PHONY: help deps system-deps venv run resources resources-check lint typecheck imports test \
	test-quick bench screenshots clean

help:
	@echo "make run          install, fill the demo database if empty, open the app"
	@echo "make test         install, then lint, typecheck, imports and the whole test suite"
	@echo "make test-quick   pytest without the PostgreSQL backend (PYTEST_ARGS=... passes options)"
	@echo "make deps | venv  system packages and the venv | the venv only"
	@echo "make lint | typecheck | imports | resources | bench | screenshots | clean"

deps: system-deps venv

# As root on Debian/Ubuntu: always run apt (about 1 s when all is present), so a reused machine
# cannot hide a missing install step. Otherwise: only check, and print the one command to run.
system-deps:
	@if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
		py_pkgs=""; \
		$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || py_pkgs="$(APT_PYTHON)"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -q; \
		apt-get install -y -q --no-install-recommends $(APT_PACKAGES) $$py_pkgs; \
	elif command -v dpkg >/dev/null; then \
		missing=""; \
		for p in $(APT_PACKAGES); do \
			dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; \
		done; \
		if [ -n "$$missing" ]; then \
			echo "Missing system packages. Install them, then run make again:" >&2; \
			echo "  sudo apt-get install -y --no-install-recommends$$missing" >&2; \
			exit 1; \
		fi; \
	else \
		echo "Not Debian/Ubuntu: install the equivalents of these yourself:" >&2; \
		echo "  $(APT_PACKAGES)" >&2; \
	fi

venv: $(STAMP)

# A fresh clone has no .venv (it is never committed); an existing one is kept.
$(BIN)/python:
	test -x $@ || $(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml requirements-dev.txt | $(BIN)/python
	$(PIP) install -q -r requirements-dev.txt
	$(PIP) install -q --no-deps -e .
	touch $@

run: deps
	$(BIN)/helpdesk demo --if-empty
	$(BIN)/helpdesk

# rcc embeds file times unless told not to; without the override the committed file never matches.
RCC := QT_RCC_SOURCE_DATE_OVERRIDE=1 $(BIN)/pyside6-rcc
RESOURCES_PY := app/views/resources_rc.py

resources: venv
	$(RCC) resources/resources.qrc -o $(RESOURCES_PY)

# The committed resources_rc.py must be what resources.qrc compiles to (an icon added but not
# recompiled would silently be missing from the app).
resources-check: venv
	@tmp=$$(mktemp); trap 'rm -f "$$tmp"' EXIT; \
	$(RCC) resources/resources.qrc -o "$$tmp"; \
	if ! diff -q "$$tmp" $(RESOURCES_PY) >/dev/null; then \
		echo "$(RESOURCES_PY) is out of date: run 'make resources' and commit it" >&2; exit 1; \
	fi

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: venv
	$(BIN)/mypy

imports: venv
	$(BIN)/lint-imports

# pytest exits 5 when it collected nothing: that means collection broke, never "all good".
define pytest
	@rc=0; $(1) $(BIN)/pytest $(PYTEST_ARGS) $(2) || rc=$$?; \
	if [ $$rc -eq 5 ]; then \
		echo "pytest collected no tests: test collection is broken" >&2; exit 1; \
	fi; \
	exit $$rc
endef

# CI=true: a test server (PostgreSQL, sshd) that cannot start fails its tests instead of skipping.
test: deps resources-check lint typecheck imports
	$(call pytest,CI=true,)

test-quick: venv
	$(call pytest,,-m "not postgresql")

bench: venv
	$(PIP) install -q -r requirements-bench.txt
	$(BIN)/python -m benchmarks.queue
	$(BIN)/python -m benchmarks.sla
	$(BIN)/python -m benchmarks.probes
	$(BIN)/python -m benchmarks.intake
	$(BIN)/python -m benchmarks.report

screenshots: deps
	xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb $(BIN)/helpdesk demo \
		--if-empty --db out/screenshots.sqlite --data-dir out/screenshots-data --screenshots out/screenshots/

# Leaves .venv alone: rebuilding it costs a download; delete it by hand if it is broken.
clean:
	rm -rf build dist out .pytest_cache .mypy_cache .ruff_cache .hypothesis .import_linter_cache
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +
