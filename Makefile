# PCT Journal. `make run` serves the app on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test lint format demo screenshots clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py runserver $(HOST):$(PORT)

# Production-style server: needs the production environment (see README, "Deployment").
serve: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(BIN)/gunicorn pct_journal.wsgi --config gunicorn.conf.py

demo: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --user demo --entries 200 --seed 7

# bandit: no medium or high findings in the app's code (tests parse their own output
# and run subprocesses on purpose, so they are left out).
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive . --exclude ./.venv,./var,./tests --severity-level medium

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test: $(VENV)/.installed-dev lint
	$(BIN)/pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var/static .pytest_cache .ruff_cache
