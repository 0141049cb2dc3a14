# The single entry point: `make demo` serves the demo organisation, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MO := src/siyasa/locale/ar/LC_MESSAGES/django.mo src/siyasa/locale/en/LC_MESSAGES/django.mo

.PHONY: demo test browser lint messages compilemessages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Compiled catalogues for a checkout; a wheel build compiles its own with Babel (setup.py says why).
src/siyasa/locale/%/LC_MESSAGES/django.mo: src/siyasa/locale/%/LC_MESSAGES/django.po
	msgfmt --check -o $@ $<

compilemessages: $(MO)

demo: $(STAMP) compilemessages
	$(BIN)/siyasa demo

test: $(STAMP) compilemessages browser
	SECRET_KEY=test-only-secret SECURE_SSL_REDIRECT=0 SECURE_HSTS_SECONDS=0 $(BIN)/pytest

# Browser tests drive Debian's Chromium with Playwright. Install it when we can (root with
# apt-get, as on CI); otherwise those tests are skipped and say why.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
		|| echo "Debian's chromium is not installed: the browser tests will be skipped."

lint: $(STAMP) compilemessages
	$(BIN)/ruff check src bench
	$(BIN)/ruff format --check src bench
	$(BIN)/lint-imports
	$(BIN)/mypy src/siyasa
	SECRET_KEY=lint-only $(BIN)/siyasa makemigrations --check --dry-run
	SECRET_KEY=lint-only $(BIN)/siyasa check

# Extract new interface strings into both catalogues (then translate locale/ar by hand).
messages: $(STAMP)
	cd src/siyasa && SECRET_KEY=x ../../$(BIN)/django-admin makemessages --settings=siyasa.settings -l ar -l en --no-obsolete --add-location=file

clean:
	rm -rf $(VENV) var
