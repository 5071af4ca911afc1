# Short verbs for everyday work. `make run` and `make test` set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint format check bench clean browser

run: $(VENV)/.runtime  ## set up, migrate, load the demo on first run, serve on localhost:$(PORT)
	$(BIN)/python -m tracker init
	$(BIN)/python -m tracker demo
	$(BIN)/streamlit run dashboard.py --server.port $(PORT) --server.address localhost \
		--server.headless true --browser.gatherUsageStats false

test: $(VENV)/.dev browser  ## set up, lint, run every test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

# The browser tests drive Debian's Chromium (a tool's own browser download does not
# work here). Installed when missing and we may (root with apt-get); else they skip.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "chromium not found: the browser tests will be skipped"; \
		fi; }

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@
