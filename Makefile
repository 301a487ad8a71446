# PHT Desktop — `make run` starts the app, `make test` runs the whole suite.
PYTHON ?= python3
VENV ?= .venv
REFVENV ?= .refvenv
AIRFLOWVENV ?= .airflowvenv
BIN := $(VENV)/bin

.PHONY: run test lint fuzz system-deps package clean screenshots translations

system-deps:
	scripts/install-system-deps

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# The reference station library pins pydantic 1: it lives in its own venv, used as an oracle.
$(REFVENV)/.installed:
	$(PYTHON) -m venv $(REFVENV)
	$(REFVENV)/bin/python -m pip install -q --upgrade pip
	$(REFVENV)/bin/python -m pip install -q pht-train-container-library==2.0.5
	touch $@

# A real Airflow 3 for the DAG run_train's tests, in its own venv (its pins are not the app's),
# with this project installed into it as a station would: pinned by our own constraints file.
$(AIRFLOWVENV)/.installed: pyproject.toml requirements/airflow-constraints.txt
	$(PYTHON) -m venv $(AIRFLOWVENV)
	$(AIRFLOWVENV)/bin/python -m pip install -q --upgrade pip
	$(AIRFLOWVENV)/bin/python -m pip install -q -c requirements/airflow-constraints.txt -e '.[airflow]'
	touch $@

# The GUI's German and English words (.ts → .qm) and the core's sentences (.po → .mo).
translations: $(BIN)/.installed
	$(BIN)/python scripts/build_translations.py

run: system-deps $(BIN)/.installed translations
	$(BIN)/pht-desktop

lint: $(BIN)/.installed
	$(BIN)/ruff check desktop_app tests benchmarks packaging scripts
	$(BIN)/lint-imports

test: system-deps $(BIN)/.installed $(REFVENV)/.installed $(AIRFLOWVENV)/.installed lint translations
	PHT_REFERENCE_PYTHON=$(abspath $(REFVENV))/bin/python PHT_AIRFLOW_BIN=$(abspath $(AIRFLOWVENV))/bin \
		scripts/with-test-services $(BIN)/pytest

# The README's and docs' pictures, of the real window under a virtual screen: English, a dark
# palette, 200 % scaling (hence the large screen) and German (docs/de/).
screenshots: system-deps $(BIN)/.installed translations
	scripts/with-test-services env -u QT_QPA_PLATFORM xvfb-run -a -s "-screen 0 2560x1440x24" \
	  $(BIN)/python scripts/screenshot.py docs

# The parsers' fuzz harnesses (tests/fuzz), for as long as asked: FUZZ_SECONDS per harness, with
# fresh seeds each round (FUZZ_SEED=N replays from round N). `make test` runs them briefly with a
# fixed seed. The executions each harness ran are printed at the end.
FUZZ_SECONDS ?= 300
fuzz: $(BIN)/.installed
	FUZZ_SECONDS=$(FUZZ_SECONDS) $(BIN)/pytest tests/fuzz -q -p no:cacheprovider -o timeout=0

# The frozen app, .deb and tar.gz in dist/, smoke-tested (not part of `make test`: CI time).
# build.sh freezes from its own venv installed from requirements/frozen.lock; .venv runs the
# smoke test's helpers and the source app it is compared with.
package: system-deps $(BIN)/.installed translations
	PYTHON=$(PYTHON) packaging/build.sh

clean:
	rm -rf $(VENV) $(REFVENV) $(AIRFLOWVENV) build dist .pytest_cache .ruff_cache
