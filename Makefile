# Two commands for a fresh machine: `make run` and `make test` (see README).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run demo test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# install and run the bot on the bundled schedules: SQLite in ./nhacviec.db, messages on the console
run: $(VENV)/.installed
	$(BIN)/nhacviec check schedules
	$(BIN)/nhacviec run schedules

# the bundled plans' first weeks in seconds (a throwaway database and a simulated clock)
demo: $(VENV)/.installed
	$(BIN)/nhacviec simulate schedules --from 2018-06-25 --to 2018-07-31

# install and run every check: ruff, mypy, the test suite
test: $(VENV)/.installed-dev
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check bot tests benchmarks
	$(BIN)/mypy

bench: $(VENV)/.installed-dev
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/bench_periods.py
	$(BIN)/python benchmarks/bench_periods_scaling.py
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_telegram.py
	$(BIN)/python benchmarks/bench_periods_compiled.py  # (last: it needs gcc and the Python headers)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
