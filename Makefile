# The two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format install install-dev browser-tools migrate demo messages check clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the pinned requirements change.
$(VENV)/.installed: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# What the browser tests run inside the page (axe-core, pinned in package-lock.json). Without
# npm the accessibility checks skip and say why.
browser-tools:
	@if [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then \
		npm ci --silent; fi

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# One test worker per core (pytest-xdist); TEST_WORKERS=0 runs in this process.
TEST_WORKERS ?= auto
test: install-dev browser-tools
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# The house style: ruff's lint rules and formatter (pyproject.toml). CI fails on any finding.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the translation catalogues after changing UI strings.
messages: install
	$(PY) manage.py makemessages -l zh_Hans -i '.venv/*' -i 'bench/*' -i 'tests/*'
	$(PY) manage.py makemessages -d djangojs -l zh_Hans -i '.venv/*' -i 'staticfiles/*'
	$(PY) manage.py compilemessages -i '.venv'

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles media-test .pytest_cache node_modules
