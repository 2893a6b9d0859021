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

.PHONY: help deps system-deps venv run resources resources-check translations qm lint typecheck imports test \
	test-quick bench screenshots dist clean

help:
	@echo "make run          install, fill the demo database if empty, open the app"
	@echo "make test         install, then lint, typecheck, imports and the whole test suite"
	@echo "make test-quick   pytest without the PostgreSQL backend (PYTEST_ARGS=... passes options)"
	@echo "make deps | venv  system packages and the venv | the venv only"
	@echo "make dist         the Linux frozen build (PyInstaller) in dist/, and its tarball"
	@echo "make translations  refresh resources/translations/*.ts from the views (lupdate)"
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

# lupdate's Python parser only sees `self.tr("…")`, `tr("…")`, `QCoreApplication.translate("Ctx", "…")`
# and `QT_TR_NOOP`/`QT_TRANSLATE_NOOP`; the views' module-level helpers are taught to it here (their
# strings land in the empty context, which app/views/translations.py falls back to at run time).
TR_ALIASES := tr+=_t,tr+=_tr,tr+=kb_tr,tr+=reports_tr,QT_TR_NOOP+=ui_text
TS_DIR := resources/translations
#: Languages compiled into the resources (English is the source and needs no .qm).
QM_LANGS := pl
QM_FILES := $(foreach lang,$(QM_LANGS),$(TS_DIR)/helpdesk_$(lang).qm)
#: Outside app/views: the composition root, and core modules marking text with `ui_text(…)`.
TR_EXTRA := app/application.py app/selftest.py app/services/onboarding_spec.py app/reports/worklist_pdf.py
TR_SOURCES = $(shell find app/views -name '*.py' ! -name resources_rc.py | LC_ALL=C sort) $(TR_EXTRA)
LUPDATE = $(BIN)/pyside6-lupdate -silent -extensions py -tr-function-alias $(TR_ALIASES) \
	-locations none -sort-messages -no-obsolete -source-language en $(TR_SOURCES)

# helpdesk_en.ts: every source string, untranslated; the other languages keep their translations.
translations: venv
	@$(LUPDATE) -target-language en -ts $(TS_DIR)/helpdesk_en.ts
	@for lang in $(QM_LANGS); do \
		$(LUPDATE) -target-language $$lang -ts $(TS_DIR)/helpdesk_$$lang.ts; \
	done

# .ts → .qm (a pure function of the .ts, so resources-check can rebuild it), then the qrc.
qm: venv
	@for lang in $(QM_LANGS); do \
		$(BIN)/pyside6-lrelease -silent $(TS_DIR)/helpdesk_$$lang.ts -qm $(TS_DIR)/helpdesk_$$lang.qm; \
	done

resources: venv qm
	$(RCC) resources/resources.qrc -o $(RESOURCES_PY)

# The committed resources_rc.py must be what resources.qrc compiles to (an icon added but not
# recompiled would silently be missing from the app).
resources-check: venv qm
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

# The Linux one-folder build (installer/helpdesk.spec) and its tarball; tests/frozen/ runs it.
# The Windows (Inno Setup) and macOS (disk image) builds: installer/README.md.
DIST_STAMP := $(VENV)/.dist-stamp
VERSION = $(shell $(BIN)/python -c 'import app; print(app.__version__)')

$(DIST_STAMP): requirements-dist.txt | $(STAMP)
	$(PIP) install -q -r requirements-dist.txt
	touch $@

dist: venv $(DIST_STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller installer/helpdesk.spec
	tar -C dist -czf dist/helpdesk-$(VERSION)-linux-$$(uname -m).tar.gz helpdesk
	@echo "built dist/helpdesk/ and dist/helpdesk-$(VERSION)-linux-$$(uname -m).tar.gz"

# CI=true: a test server (PostgreSQL, sshd) or the frozen build that cannot start fails its
# tests instead of skipping.
test: deps resources-check lint typecheck imports dist
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
