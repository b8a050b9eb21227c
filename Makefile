# PCT Journal. `make run` serves the app on SQLite; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test test-fast lint docs format demo screenshots clean loadtest messages messages-update

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

$(VENV)/.installed-docs: requirements-docs.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-docs.txt
	touch $@

# The Nu HTML Checker (vnu.jar, run with the machine's Java) for tests/test_html_validity.py,
# from the npm registry's vnu-jar package, fetched and checksum-checked by Python.
VNU_VERSION := 26.9.27
VNU_SHA512 := TkQd5DFfOaWC9ebtvozTsrH2Vaod3jYg+vrOeREzIXxBexLz9+rS2DNtjn7+RPUiZhgli0SghgBX6RJRNea0KA==
$(VENV)/vnu/.installed-$(VNU_VERSION): | $(BIN)/activate
	$(PY) scripts/fetch_vnu.py $(VNU_VERSION) $(VNU_SHA512) \
		$(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
	touch $@

# The task worker (`manage.py db_worker`, which works out a person's insights after each
# write: docs/deployment.md, "The worker") runs beside the web server in `make run` and
# `make serve`: started first, and stopped when the server stops, however it stops. It
# looks for new tasks every WORKER_INTERVAL seconds when it has nothing to do, at a lower
# priority (nice 10) than the server: the requests of people waiting for a page go first.
WORKER_INTERVAL ?= 1
WITH_WORKER = nice -n 10 $(PY) manage.py db_worker --interval $(WORKER_INTERVAL) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM;

run: $(VENV)/.installed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(WITH_WORKER) \
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py runserver $(HOST):$(PORT)

# Production-style server: needs the production environment (see README, "Deployment").
serve: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(WITH_WORKER) $(BIN)/gunicorn pct_journal.wsgi --config gunicorn.conf.py

# Load test (benchmarks/loadtest/README.md): 50 people with 1,000 entries each for 60 s
# against `make serve` on 127.0.0.1, three runs on SQLite and then three on PostgreSQL +
# Redis (a redis-server of its own on a free port unless LOADTEST_ARGS names one). The load
# generator (locust) lives in its own virtualenv, away from the app's dependencies.
BENCH_VENV := .venv-bench
LOADTEST_ARGS ?=

$(BENCH_VENV)/.installed: requirements-bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet -r requirements-bench.txt
	touch $@

loadtest: $(VENV)/.installed $(BENCH_VENV)/.installed
	$(PY) benchmarks/loadtest/run.py --db sqlite $(LOADTEST_ARGS)
	$(PY) benchmarks/loadtest/run.py --db postgres $(LOADTEST_ARGS)

demo: $(VENV)/.installed
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-True} $(PY) manage.py seed_demo --user demo --entries 200 --seed 7 --checkins

# mypy checks the app packages (pyproject.toml, [tool.mypy]); its Django plugin loads the
# settings, which need DJANGO_DEBUG=True without a production environment.
# bandit: no medium or high findings in the app's code (tests parse their own output
# and run subprocesses on purpose, so they are left out).
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_DEBUG=True $(BIN)/mypy
	$(BIN)/bandit --quiet --recursive . --exclude ./.venv,./.venv-bench,./var,./tests --severity-level medium

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The documentation site (docs/, mkdocs.yml) into var/site; a broken link or page fails it.
# (Not --quiet: mkdocs then drops the warnings that --strict would count.)
docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

# One test process per core (pytest-xdist); PYTEST_WORKERS=0 runs them in this process.
# The fifteen slowest tests are listed at the end, so a slow one is seen in CI's output.
PYTEST_WORKERS ?= auto
test: $(VENV)/.installed-dev $(VENV)/vnu/.installed-$(VNU_VERSION) lint docs
	$(BIN)/pytest -n $(PYTEST_WORKERS) --durations=15 $(PYTEST_ARGS)

# A quick loop while working: no linters, no browser tests, no HTML checker.
test-fast: $(VENV)/.installed-dev
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not e2e" $(PYTEST_ARGS)

# PNG screenshots of every main page (phone and desktop, light and dark) for the demo
# journal, from a throwaway database; prints the folder (var/screenshots unless OUT=...).
screenshots: $(VENV)/.installed-dev
	$(PY) scripts/screenshots.py $(if $(OUT),--out $(OUT))

clean:
	rm -rf $(VENV) $(BENCH_VENV) var/static .pytest_cache .ruff_cache .mypy_cache

# The translation catalogues (locale/<language>/LC_MESSAGES/django.po, translated by hand):
# `make messages` compiles them into the .mo files Django reads, which are committed too;
# `make messages-update` first gathers newly marked strings from templates and code into
# the .po files (docs/translations.md). Both need GNU gettext (msgfmt).
MAKEMESSAGES_IGNORE := --ignore=.venv --ignore=.venv-bench --ignore=var --ignore=tests --ignore=benchmarks --ignore=docs

messages: $(VENV)/.installed
	DJANGO_DEBUG=True $(PY) manage.py compilemessages $(MAKEMESSAGES_IGNORE)

messages-update: $(VENV)/.installed
	DJANGO_DEBUG=True $(PY) manage.py makemessages -l de -l es --no-obsolete $(MAKEMESSAGES_IGNORE)
	$(MAKE) messages
