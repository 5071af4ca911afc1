# Short verbs for everyday work. `make run` and `make test` set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

DEMO_DATABASE ?= sqlite:///data/demo.db
SERVE = $(BIN)/streamlit run app.py --server.port $(PORT) --server.address localhost \
		--server.headless true --browser.gatherUsageStats false

.PHONY: run demo test lint format check bench clean browser

run: $(VENV)/.runtime browser  ## set up, migrate, serve on localhost:$(PORT); the first screen makes the first admin
	$(BIN)/python -m tracker init
	$(SERVE)

# The demo's accounts have published passwords: it lives in a database of its own.
demo: $(VENV)/.runtime browser  ## the Senja demo (example measures, demo accounts) in data/demo.db
	TRACKER_DATABASE_URL=$(DEMO_DATABASE) $(BIN)/python -m tracker init
	TRACKER_DATABASE_URL=$(DEMO_DATABASE) $(BIN)/python -m tracker demo
	TRACKER_DATABASE_URL=$(DEMO_DATABASE) $(SERVE)

test: $(VENV)/.dev browser  ## set up, lint, run every test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check: lint  ## ruff, then the type checker on the app (mypy with pandas-stubs; pyproject.toml)
	$(BIN)/mypy

bench: $(VENV)/.dev  ## the page timings of docs/BENCHMARKS.md (demo, 10x and 100x data)
	$(BIN)/python -m benchmarks.pages

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache .hypothesis

# Debian's Chromium draws the charts of the PDF/DOCX summary (kaleido) and runs the
# browser tests (a tool's own browser download does not work here); DejaVu fonts set
# the PDF; pdftoppm lets a test look at its first page. Installed when missing and we
# may (root with apt-get); else PDF/DOCX export says what to install and the tests skip.
DEBIAN_PACKAGES := chromium fonts-dejavu-core poppler-utils
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 \
		|| [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && apt-get install -y -qq $(DEBIAN_PACKAGES) >/dev/null; \
		else \
			echo "missing some of: $(DEBIAN_PACKAGES) (apt-get install -y $(DEBIAN_PACKAGES));"; \
			echo "PDF/DOCX export and the browser tests need them"; \
		fi; fi

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@
