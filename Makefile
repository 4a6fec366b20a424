# newswire: `make run` runs the main job on the embedded broker; `make test` runs every test.
# Both set up what they need (a .venv with pinned dependencies) on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run test test-unit test-integration bench lint eval image clean schemas-lock

# The package is installed editable, with the modules services/newswire/native.py lists compiled
# by mypyc beside their sources (setup.py, about a minute). Editing any extractor or cleaner module
# compiles them again; NEWSWIRE_COMPILE=0 make setup installs them interpreted instead.
NATIVE := $(VENV)/.native-$(or $(NEWSWIRE_COMPILE),1)
NATIVE_SOURCES := setup.py services/newswire/native.py $(wildcard services/newswire/extractor/*.py services/newswire/cleaner/*.py)

setup: $(STAMP) $(NATIVE)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	touch $(STAMP)

$(NATIVE): $(STAMP) $(NATIVE_SOURCES)
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.native-*
	touch $(NATIVE)

run: setup
	$(BIN)/newswire run

test: setup
	$(BIN)/pytest -q

test-unit: setup
	$(BIN)/pytest -q -m "not integration"

test-integration: setup
	$(BIN)/pytest -q -m "integration and not slow"

eval: setup
	$(BIN)/newswire eval clean
	$(BIN)/newswire eval claims
	$(BIN)/newswire eval stories

bench: setup
	$(BIN)/newswire bench

lint: setup
	$(BIN)/ruff check services tests
	$(BIN)/mypy

schemas-lock: setup  # record additive schema changes in schemas/contract.lock.json (refuses breaking ones)
	$(BIN)/python -m newswire.core.contract --lock

image:
	docker build -f deploy/Dockerfile -t newswire:dev .

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
	find services -name '*.so' -delete
