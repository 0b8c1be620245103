# Every target sets itself up on a fresh machine: the virtual environment and the pinned
# dependencies are installed on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= eventcoder.duckdb

.PHONY: demo lint test eval bench bench-quick train clean

$(BIN)/eventcoder: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(BIN)/eventcoder

## demo: code the bundled example articles into the embedded DuckDB store and summarise them
demo: $(BIN)/eventcoder
	$(BIN)/eventcoder code examples/ --db $(DB) --format jsonl --output out/examples.jsonl
	$(BIN)/eventcoder summary --db $(DB)

## lint: ruff (lint rules and formatting) over src and tests, mypy over src
lint: $(BIN)/eventcoder
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

## test: the whole test suite (pytest's exit 5, "no tests ran", fails like any other error)
test: $(BIN)/eventcoder
	$(BIN)/python -m pytest -q

## eval: every accuracy evaluation against the gold data in ../shared/data
eval: $(BIN)/eventcoder
	$(BIN)/eventcoder eval model
	$(BIN)/eventcoder eval actors
	$(BIN)/eventcoder eval time
	$(BIN)/eventcoder eval claims
	$(BIN)/eventcoder eval petrarch
	$(BIN)/eventcoder eval plover

## bench: speed and memory benchmarks (results in benchmarks/results/)
bench: $(BIN)/eventcoder
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_store.py
	$(BIN)/python benchmarks/eval_linking.py
	$(BIN)/python benchmarks/bench_scale.py
	$(BIN)/python benchmarks/bench_stages.py

## bench-quick: a smoke run of the scale benchmark (small corpus, one round)
bench-quick: $(BIN)/eventcoder
	$(BIN)/python benchmarks/bench_scale.py --quick

## train: rebuild src/eventcoder/models/en_eventcoder from the UD treebanks (about an hour on 2 cores)
train: $(BIN)/eventcoder
	$(BIN)/eventcoder model train

clean:
	rm -rf out $(DB) $(DB).wal training
