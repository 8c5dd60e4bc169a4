# The two commands of the README. Both create .venv and install what they need themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench eval model clean
DATA ?= ../shared/data

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed-app

demo: $(VENV)/.installed-app
	$(BIN)/verify demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/bench_ingest.py
	$(BIN)/python bench/bench_match.py
	$(BIN)/python bench/bench_fetch.py
	$(BIN)/python bench/bench_worker.py
	$(BIN)/python bench/bench_factchecks.py
	$(BIN)/python bench/bench_capture.py
	$(BIN)/python bench/bench_serve.py
	$(BIN)/python bench/bench_stance.py

# Retrain the stance model shipped in verify/data/ (FNC-1 train + Emergent dev portions).
model: $(VENV)/.installed-dev
	$(BIN)/python -m verify.train $(DATA)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
