# Two commands for a newcomer:  make run  (set up + start the bot; local mode without a token)
#                               make test (set up + run the whole test suite)
# make test-loaded: the whole suite while every core is kept busy (a loaded CI machine)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# test-loaded: the burner (default: scripts/cpu_burner.py, one busy process per core; or e.g.
# BURNER="stress-ng --cpu 2") runs for the whole suite and is killed afterwards; every test
# deadline is multiplied by LOAD_SCALE (PUSQUE_TEST_TIMEOUT_SCALE, tests/deadlines.py).
LOAD_SCALE ?= 3
BURNER ?= $(PY) scripts/cpu_burner.py

.PHONY: run test check test-quick test-loaded bench clean-venv

$(STAMP): requirements.txt requirements-dev.txt requirements-nodeps.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "PusQue needs Python 3.11, found " + sys.version' 
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-deps -r requirements-nodeps.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(PY) run_bot.py $(ARGS)

# check: lint (ruff), the import layers (import-linter, pyproject.toml) and types (mypy) of the
# packages without the Telegram framework; .ci/run runs it before the tests.
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: $(STAMP)
	$(PY) -m pytest $(ARGS)

test-loaded: $(STAMP)
	@$(BURNER) & burner=$$!; trap 'kill $$burner 2>/dev/null' EXIT INT TERM; \
	echo "test-loaded: burner pid $$burner, PUSQUE_TEST_TIMEOUT_SCALE=$(LOAD_SCALE)"; \
	PUSQUE_TEST_TIMEOUT_SCALE=$(LOAD_SCALE) $(PY) -m pytest $(ARGS); status=$$?; \
	kill $$burner 2>/dev/null; wait $$burner 2>/dev/null; exit $$status

test-quick: $(STAMP)
	$(PY) -m pytest -m "not slow" $(ARGS)

clean-venv:
	rm -rf $(VENV)
