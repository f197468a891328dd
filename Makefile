# The two Quick-start commands: `make run` and `make test`. Both create .venv when needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint unit slow bench package system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

run: $(STAMP) system-deps
	$(BIN)/rte-desktop

lint: $(STAMP)
	$(BIN)/ruff check rte_desktop tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

unit: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m "not slow"

test: lint unit

slow: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m slow

bench: $(STAMP) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

# The installable one-folder app in dist/rte-desktop/ (PyInstaller; see packaging/).
package: $(STAMP) system-deps
	$(BIN)/python -m pip install -q -e ".[package]"
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/rte-desktop.spec
	@du -sh dist/rte-desktop

clean:
	rm -rf build dist .mypy_cache .ruff_cache
