# 复工助手 — every set-up step is a file target, so `make run` and `make test` on a fresh clone
# build exactly what is missing or stale: venv → knowledge base, venv → model. The model does not depend on
# the articles: a new article needs a KB rebuild (the running bot picks it up), never retraining.
SHELL := /bin/bash
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export TF_CPP_MIN_LOG_LEVEL := 2
.DEFAULT_GOAL := help

VENV    := .venv
BIN     := $(VENV)/bin
PY      := $(BIN)/python
RASA    := $(BIN)/rasa
MODEL   := models/current.tar.gz
KB_DB   := build/kb.sqlite
KB_OUT  := build/kb.stamp
CHARTS  := admin/node_modules/chart.js/dist/chart.umd.min.js
RASA_PORT   ?= 5005
ACTION_PORT ?= 5055

# Rasa 3.6 needs Python 3.10; pyenv keeps one even when its global version is newer.
PYTHON310 ?= $(firstword $(wildcard $(shell pyenv root 2>/dev/null)/versions/3.10.*/bin/python3.10) \
                         $(wildcard /usr/bin/python3.10 /usr/local/bin/python3.10))

KB_SOURCES  := $(wildcard kb/*.py kb/*/*.py kb/*.yml kb/articles/*.txt)
NLU_SOURCES := config.yml domain.yml $(shell find data -name '*.yml' 2>/dev/null) $(wildcard nlu_components/*.py)
ACTIONS     := $(wildcard actions/*.py)

.PHONY: help setup kb model charts run shell cluster cluster-stop lint test validate test-fast test-deps bench bench-nlu lock clean

help:
	@echo "make run     set everything up and serve the bot on http://localhost:$(RASA_PORT)"
	@echo "make shell   chat with the bot in the terminal (rasa shell)"
	@echo "make cluster N=2 [CLUSTER_PORT=8080]   PostgreSQL, Redis, HAProxy and N replicas (docs/deploy.md)"
	@echo "make cluster-stop                      stop them"
	@echo "make test    set everything up, lint, and run every test      make test-fast  no live bot, under a minute"
	@echo "make lint    ruff and mypy (pyproject.toml)"
	@echo "make bench   benchmarks (reports/)        make bench-nlu  held-out accuracy only"
	@echo "make lock    re-resolve requirements.in into requirements.lock"

# --- set-up -------------------------------------------------------------------------------
# uv installs the lock in about a third of pip's time (58 s with its cache empty against pip's 168 s, the same
# packages); its own pin is in the lock. A machine that reaches the index only through pip's settings gets pip.
$(VENV)/.installed: requirements.lock
	@if [ -z "$(PYTHON310)" ] || ! "$(PYTHON310)" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then \
	  echo "error: Python 3.10 is required (Rasa 3.6 does not run on 3.11+)."; \
	  echo "       Looked in \$$(pyenv root)/versions/3.10.*/bin and /usr/bin. Install it with 'pyenv install 3.10'"; \
	  echo "       or pass PYTHON310=/path/to/python3.10."; exit 1; fi
	rm -rf $(VENV)
	$(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check "pip==24.0" "$$(grep '^uv==' requirements.lock)"
	$(BIN)/uv pip install -q --python $(PY) --compile-bytecode -r requirements.lock \
	  || { echo "uv could not install requirements.lock (it reads no pip.conf): pip installs it"; \
	       $(BIN)/pip install -q --disable-pip-version-check -r requirements.lock; }
	$(BIN)/pip check
	touch $@

setup: $(VENV)/.installed

$(KB_OUT): $(VENV)/.installed $(KB_SOURCES)
	$(PY) -m kb build --contacts build/contacts.json
	touch $@

kb: $(KB_OUT)

$(MODEL): $(VENV)/.installed $(NLU_SOURCES)
	$(RASA) train --fixed-model-name current --out models --data data --config config.yml --domain domain.yml
	touch $@

model: $(MODEL)

# The /admin page's chart library, from the npm registry at the version admin/package-lock.json pins (no CDN).
$(CHARTS): admin/package-lock.json
	npm ci --prefix admin --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

charts: $(CHARTS)

# --- serving --------------------------------------------------------------------------------
run: $(MODEL) $(KB_OUT) $(CHARTS)
	@$(PY) -m tools.serve --rasa-port $(RASA_PORT) --action-port $(ACTION_PORT)

shell: $(MODEL) $(KB_OUT)
	@$(PY) -m tools.serve --rasa-port $(RASA_PORT) --action-port $(ACTION_PORT) --shell

# A real deployment on this machine: PostgreSQL, Redis, HAProxy and N replicas (tools/cluster.py, docs/deploy.md).
N ?= 2
CLUSTER_PORT ?= 8080
cluster: $(MODEL) $(KB_OUT) test-deps
	@$(PY) -m tools.cluster start --replicas $(N) --port $(CLUSTER_PORT)

cluster-stop:
	@$(PY) -m tools.cluster stop

# --- tests ----------------------------------------------------------------------------------
# Debian packages the tests drive: Chromium (widget), PostgreSQL, Redis and HAProxy (endpoints.production.yml,
# make cluster).
test-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v haproxy >/dev/null || missing="$$missing haproxy"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	if [ -n "$$missing" ]; then echo "installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/mypy

# Training takes one core: lint, the knowledge base and the data validation run beside it (-j2). The test stories
# run while pytest collects (one core too); their output follows pytest's, and either failing fails `make test`.
test: $(VENV)/.installed
	@$(MAKE) --no-print-directory -j2 --output-sync=target lint $(MODEL) $(KB_OUT) $(CHARTS) test-deps validate
	@mkdir -p results
	@$(RASA) test core --stories tests/stories --model $(MODEL) --endpoints endpoints.yml --out results/core \
	  --fail-on-prediction-errors --no-plot > results/core.log 2>&1 & stories=$$!; \
	echo "$(PY) -m pytest -q tests  (rasa test core --stories tests/stories meanwhile: results/core.log)"; \
	$(PY) -m pytest -q tests; tests=$$?; \
	wait $$stories; stories=$$?; cat results/core.log; \
	if [ $$stories -ne 0 ]; then echo "rasa test core failed (exit $$stories)"; fi; \
	[ $$tests -eq 0 ] && [ $$stories -eq 0 ]

validate: $(VENV)/.installed
	$(RASA) data validate --data data --domain domain.yml --config config.yml --fail-on-warnings

test-fast: $(KB_OUT) $(CHARTS) test-deps
	$(PY) -m pytest -q tests -m "not slow"

bench-nlu: $(MODEL) $(KB_OUT)
	$(PY) -m bench.heldout --model $(MODEL)

bench: $(MODEL) $(KB_OUT) $(CHARTS) test-deps  # the cluster step needs PostgreSQL, Redis and HAProxy
	$(PY) -m bench

# --- maintenance ----------------------------------------------------------------------------
lock: $(VENV)/.installed
	$(BIN)/pip install -q -r requirements.in
	$(BIN)/pip freeze --exclude-editable | grep -v '^pkg_resources' > requirements.lock

clean:
	rm -rf build models results .pytest_cache admin/node_modules
