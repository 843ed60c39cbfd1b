# playnet: every command a user needs. `make demo` and `make test` set up everything on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
N_WORKERS ?= 2

.PHONY: install demo test test-fast test-slow sync-check names-check docs docs-test browser-check readme readme-check export clean help

help:
	@echo "make demo   - set up, then build game data, fine-tune, and write the HTML report"
	@echo "make test   - set up, then run every notebook as a test while building the docs site with its outputs; check export, cleanliness, site (also in Chromium) and README"
	@echo "make docs   - build the docs site under site/ (executes the notebooks for their outputs)"
	@echo "make readme - regenerate README.md and index_files/ from nbs/index.ipynb, executed"
	@echo "make test-fast - nbdev_test over every notebook, without the docs site"

# One stamp per install: re-run when the package metadata changes.
$(BIN)/.playnet-installed: settings.ini setup.py
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip wheel setuptools
	$(PY) -m pip install -q "torch>=2.4,<3" "torchvision>=0.19"
	$(PY) -m pip install -q -e ".[dev]"
	touch $@

install: $(BIN)/.playnet-installed

demo: install
	$(BIN)/playnet_demo

export: install
	$(BIN)/nbdev_export

# The notebooks and the library are in sync, and the notebooks are committed clean.
sync-check: install
	$(BIN)/nbdev_export
	$(BIN)/nbdev_clean
	@changed=$$(git status --porcelain -- playnet nbs); \
	if [ -n "$$changed" ]; then echo "nbdev_export/nbdev_clean changed these files (run them and commit):"; echo "$$changed"; git diff --stat -- playnet nbs; exit 1; fi
	@echo "export and notebooks are in sync and clean"

# Exported code refers to no undefined name (notebook cells can hide a missing import: the notebook defines it, the module does not).
names-check: install
	@out=$$($(PY) -m pyflakes playnet/*.py playnet/*/*.py | grep -E 'undefined name|undefined local' || true); \
	if [ -n "$$out" ]; then echo "$$out"; exit 1; fi; echo "no undefined names in playnet/"

# One torch/OpenMP thread per notebook worker: N_WORKERS notebooks share the cores, and oversubscribed threads slow every step several times.
test-fast: install
	OMP_NUM_THREADS=1 $(BIN)/nbdev_test --n_workers $(N_WORKERS) --timing

test-slow: install
	$(BIN)/nbdev_test --n_workers 1 --timing --flags slow

# The docs site, built from executed notebooks: each notebook runs once, as nbdev_test runs it (a failing cell fails the build),
# and its page shows what its cells display; the check fails on a page without its outputs.
docs-test: install
	OMP_NUM_THREADS=1 $(PY) tools/build_docs.py --execute --check

# The built site as a reader sees it, in headless Chromium: pages render, images load, screenshots in _proc/screenshots/.
browser-check: install
	$(PY) tools/check_site_browser.py

readme: install
	$(PY) tools/build_readme.py

readme-check: install
	$(PY) tools/build_readme.py --check

test: sync-check names-check docs-test browser-check readme-check
	@echo "notebooks: $$(ls nbs/*.ipynb | wc -l) passed, 0 failed"

docs: install
	OMP_NUM_THREADS=1 $(PY) tools/build_docs.py --execute

clean:
	rm -rf _proc _docs site build dist *.egg-info
