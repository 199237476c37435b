# wellbeing — the commands a fresh Debian/Ubuntu machine needs.
#
#   make run     create .venv, install wellbeing into it, start the tray app (ARGS="..." passes options)
#   make test    system packages, .venv with test tools, throw-away X/D-Bus/PostgreSQL,
#                pytest (PYTEST_ARGS="..." passes options), then ruff, mypy and import-linter
#   make lint    ruff, mypy and import-linter only
#   make bench   run benchmarks/*.py (with the same services) into bench-results.jsonl
#   make package a one-folder bundle (PyInstaller) in dist/wellbeing, icons in dist/icons;
#                make package-test builds it and starts the bundled program
#   make icons   render the tray icon's PNGs (resources/icons/tray) from the SVG
#   make clean   remove build output and caches (make distclean also removes .venv)

SHELL := /bin/bash
.DEFAULT_GOAL := help
.NOTPARALLEL:

PYTHON ?= python3
export PYTHON
VENV ?= .venv
VPY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.wellbeing-installed
STAMP_TEST := $(VENV)/.wellbeing-installed-test
PYTEST_ARGS ?=
ARGS ?=
BENCH_OUTPUT ?= bench-results.jsonl

# Microseconds since the epoch, for the phase timings make test prints.
NOW_US = $${EPOCHREALTIME//[.,]/}
MS_SINCE = $$(( ($(NOW_US) - $(1)) / 1000 ))

.PHONY: help run test lint bench package package-test translations icons clean distclean

help:
	@sed -n '3,12p' Makefile | sed 's/^# \{0,1\}//'

$(VPY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "wellbeing needs Python 3.11 or newer as '$(PYTHON)' (found: $$($(PYTHON) -V 2>&1))."; \
	  echo "Install it, or name one: make PYTHON=python3.12 ..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install --quiet --upgrade pip

# Re-install only when pyproject.toml changed (the stamps live inside .venv).
$(STAMP_RUN): pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet -e .
	@touch $@

$(STAMP_TEST): pyproject.toml | $(VPY)
	$(VPY) -m pip install --quiet -e ".[test]"
	@touch $@ $(STAMP_RUN)

run:
	@scripts/install-system-deps.sh --runtime
	@$(MAKE) --no-print-directory $(STAMP_RUN)
	$(VENV)/bin/wellbeing $(ARGS)

# Phases: [1] apt packages, [2] venv, [3] services + pytest, [4] lint. The recipe exits with
# pytest's code when pytest fails, else 1 when a linter fails (make then reports 2).
test:
	@t=$(NOW_US); scripts/install-system-deps.sh --test; \
	  echo "make test: [1/4] system packages checked in $(call MS_SINCE,$$t) ms"
	@t=$(NOW_US); $(MAKE) --no-print-directory $(STAMP_TEST) || exit; \
	  echo "make test: [2/4] $(VENV) ready in $(call MS_SINCE,$$t) ms"
	@t=$(NOW_US); rc=0; \
	  scripts/test-services.sh $(VPY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	  echo "make test: [3/4] services + pytest took $(call MS_SINCE,$$t) ms (pytest exit code $$rc)"; \
	  t=$(NOW_US); lint_rc=0; \
	  $(MAKE) --no-print-directory lint || lint_rc=$$?; \
	  echo "make test: [4/4] lint took $(call MS_SINCE,$$t) ms (exit code $$lint_rc)"; \
	  if [ $$rc -eq 0 ] && [ $$lint_rc -ne 0 ]; then rc=1; fi; \
	  exit $$rc

lint: $(STAMP_TEST)
	@rc=0; \
	  echo "lint: ruff"; $(VENV)/bin/ruff check wellbeing tests benchmarks || rc=1; \
	  echo "lint: mypy"; $(VENV)/bin/mypy || rc=1; \
	  echo "lint: import-linter"; $(VENV)/bin/lint-imports --no-cache || rc=1; \
	  exit $$rc

bench: $(STAMP_TEST)
	scripts/test-services.sh $(VPY) scripts/run_benchmarks.py $(BENCH_OUTPUT)

# The strings of the UI, the CLI, services, core, platform and storage -> resources/translations/
# *.ts (new ones unfinished), then the .qm files (the CLI reads them without Qt: wellbeing/core/qm.py).
# lupdate reads our "#:" attribute comments as notes for translators; they are not, so they go.
translations: $(STAMP_TEST)
	for ts in resources/translations/*.ts; do \
	  $(VENV)/bin/pyside6-lupdate -locations none -no-obsolete wellbeing/ui/*.py wellbeing/app/*.py wellbeing/services/*.py wellbeing/core/*.py wellbeing/platform/*.py wellbeing/storage/*.py wellbeing/config.py wellbeing/paths.py wellbeing/cli*.py -ts $$ts || exit; \
	  sed -i '/<extracomment>.*<\/extracomment>/d' $$ts; \
	  $(VENV)/bin/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit; \
	done

# The tray shows these PNGs (committed), so the tray app loads no SVG engine (issue 11).
icons: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(VPY) packaging/render_icons.py --tray

package: $(STAMP_TEST)
	$(VPY) -m pip install --quiet "pyinstaller>=6.10"
	@t=$(NOW_US); $(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/wellbeing.spec || exit; \
	echo "make package: bundle built in $(call MS_SINCE,$$t) ms: dist/wellbeing"
	QT_QPA_PLATFORM=offscreen $(VPY) packaging/render_icons.py dist/icons >/dev/null

package-test: package
	scripts/package-test.sh dist/wellbeing/wellbeing

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .import_linter_cache \
	  .hypothesis test-artifacts $(BENCH_OUTPUT)
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
