# One task runner for the README and CI. Needs python3 (>= 3.11) with venv; everything else is
# installed into .venv by the first target that needs it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo demo-debug test lint bench bench-quick bench-protocol generate screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	bash scripts/install_browser.sh  # Debian's chromium for tests/e2e (no browser download)
	touch $(STAMP)

setup: $(STAMP)  ## create .venv with ocppkit and its dev tools

demo: $(STAMP)  ## the six-step end-to-end demo
	$(PY) demo.py $(ARGS)

demo-debug: $(STAMP)  ## the demo with every OCPP frame logged
	$(PY) demo_protocol_debug.py $(ARGS)

test: $(STAMP)  ## the whole test suite
	$(PY) -m pytest $(ARGS)

lint: $(STAMP)  ## the fast checks CI runs before the tests: ruff, ruff format, mypy
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

bench: $(STAMP)  ## ocppkit against the ocpp library and the websockets floor (~10 min; docs/performance.md)
	$(PY) bench/compare.py --json bench/last-run.json $(ARGS)

bench-quick: $(STAMP)  ## the short CI version: fails only on a large regression of a ratio
	$(PY) bench/compare.py --quick $(ARGS)

bench-protocol: $(STAMP)  ## the protocol core's micro-benchmarks (print figures)
	$(PY) bench/bench_protocol.py

generate: $(STAMP)  ## regenerate the OCPP 2.0.1 models from the official schemas
	$(PY) scripts/generate_models.py

screenshots: $(STAMP)  ## the dashboard's screenshots in docs/screenshots/
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build src/*.egg-info
