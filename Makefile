# PressLens: two commands on a fresh machine.
#   make run    set up the virtual environment and start the dashboard
#   make test   set up the virtual environment (and Chromium, where it can) and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test bench bench-cleaning bench-quotes bench-search setup setup-dev chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@ $(VENV)/.runtime

setup: $(VENV)/.runtime
setup-dev: $(VENV)/.dev

run: setup
	$(BIN)/python -m presslens.serve --server.port $(PORT) $(if $(CORPUS),-- --corpus $(CORPUS))

# Chromium draws PNG/SVG exports and runs the browser tests. Installed with apt where we are
# root (CI); elsewhere the browser tests skip and say why.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium not installed (sudo apt install chromium): browser tests will skip"; fi; }

test: setup-dev chromium
	$(BIN)/python -m pytest

# Speed and memory against the plain approach, on synthetic corpora: make bench N="1000 10000"
N ?= 1000
bench: setup-dev
	$(BIN)/python -m presslens bench --articles $(N)

# Article text kept from 181 real pages (HTML and plain visible text), against hand-marked bodies
bench-cleaning: setup-dev
	$(BIN)/python -m presslens bench-cleaning

# Quotations and their speakers on 44 real news articles annotated by hand
bench-quotes: setup-dev
	$(BIN)/python -m presslens bench-quotes

# The Search page's server time per query on a synthetic corpus: make bench-search ARTICLES=50000
ARTICLES ?= 50000
bench-search: setup-dev
	$(BIN)/python -m presslens bench-search --articles $(ARTICLES)

clean:
	rm -rf $(VENV) .pytest_cache artifacts
