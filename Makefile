# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# Django 6 needs Python 3.12+: take the first interpreter of that age found on PATH or under pyenv.
PYTHON ?= $(shell for p in python3.13 python3.12 $(HOME)/.pyenv/versions/3.13*/bin/python3 $(HOME)/.pyenv/versions/3.12*/bin/python3; do \
	$$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)
VENDOR := fazhi/web/static/vendor
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test install vendor system-packages lint bench soak clean lock bundle

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "需要 Python 3.12 或更高版本（Django 6），请先安装。"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed vendor

# Front-end libraries come from the npm registry at set-up and are served from static/vendor.
$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js node_modules/echarts/dist/echarts.min.js $(VENDOR)/
	touch $@

vendor: $(VENDOR)/.installed

# The background worker (big Excel imports) runs beside the web server and stops with it (Ctrl+C).
run: install
	$(BIN)/fazhi migrate --no-input
	$(BIN)/fazhi load_demo
	$(BIN)/fazhi db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(BIN)/fazhi runserver $(HOST)

# Debian packages the tests drive: chromium for the browser tests (Playwright, through executable_path),
# CJK fonts, LibreOffice with pdftotext for the Word → PDF check, and nginx to check deploy/nginx (`nginx -t`).
# Installed when run as root; the tests that need a missing one skip with a message saying which.
BROWSER_PACKAGES := chromium fonts-noto-cjk
OFFICE_PACKAGES := libreoffice-writer-nogui poppler-utils nginx-light
system-packages:
	@missing=""; for cmd in chromium soffice pdftotext nginx; do PATH=$$PATH:/usr/sbin command -v $$cmd >/dev/null || missing="$$missing $$cmd"; done; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && export DEBIAN_FRONTEND=noninteractive && \
			apt-get install -y -qq $(BROWSER_PACKAGES) >/dev/null && \
			apt-get install -y -qq --no-install-recommends $(OFFICE_PACKAGES) >/dev/null; \
		else echo "缺少$$missing：相关测试将跳过（以 root 运行 make test 可自动安装 $(BROWSER_PACKAGES) $(OFFICE_PACKAGES)）。"; fi; fi

test: install system-packages
	$(BIN)/ruff check fazhi tests bench
	$(BIN)/pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check fazhi tests bench
	$(BIN)/ruff format --check fazhi tests bench

bench: install
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var dist

# requirements.lock: every production dependency pinned with its files' hashes, from pyproject.toml.
# pip-tools runs in its own throw-away environment (it follows pip's internals, so it is kept apart).
lock: | $(BIN)/python
	rm -rf var/piptools && $(PYTHON) -m venv var/piptools && var/piptools/bin/pip install --quiet pip-tools==7.6.2
	var/piptools/bin/pip-compile --quiet --generate-hashes --strip-extras --no-header --no-emit-index-url \
		--no-emit-find-links --output-file requirements.lock.new pyproject.toml
	{ sed -n '1,2p' requirements.lock; cat requirements.lock.new; } > requirements.lock.tmp && \
		mv requirements.lock.tmp requirements.lock && rm -f requirements.lock.new && rm -rf var/piptools

# The offline bundle: the locked wheels (hash-checked), the project's wheel with the front-end libraries
# inside, the deploy files and install-offline.sh, for an intranet machine with the same Python and
# architecture (named in the file). See README "Installing in an office".
BUNDLE_NAME = fazhi-bundle-py$(shell $(BIN)/python -c 'import sys, platform; print(f"{sys.version_info[0]}{sys.version_info[1]}-{platform.machine()}")')
bundle: install
	rm -rf dist/fazhi-bundle dist/$(BUNDLE_NAME).tar.gz && mkdir -p dist/fazhi-bundle/wheels
	$(BIN)/pip download --quiet --only-binary=:all: --require-hashes -r requirements.lock -d dist/fazhi-bundle/wheels
	$(BIN)/pip wheel --quiet --no-deps . -w dist/fazhi-bundle/wheels
	cp requirements.lock deploy/install-offline.sh dist/fazhi-bundle/ && cp -r deploy dist/fazhi-bundle/deploy
	$(BIN)/python -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")' > dist/fazhi-bundle/PYTHON_VERSION
	tar -C dist -czf dist/$(BUNDLE_NAME).tar.gz fazhi-bundle && rm -rf dist/fazhi-bundle
	@echo "离线安装包：dist/$(BUNDLE_NAME).tar.gz"

# Longer load run: 60 seconds at 50 concurrent clients (on PostgreSQL when DATABASE_URL points at one).
soak: install
	FAZHI_LOAD_SECONDS=60 FAZHI_LOAD_CLIENTS=50 FAZHI_SQLITE_TEST_FILE=$(CURDIR)/var/soak.sqlite3 \
		$(BIN)/pytest -p no:cacheprovider tests/robustness/test_load.py
