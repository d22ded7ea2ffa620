# newsledger: `make demo` and `make test` do all set-up on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= newsledger.db

.PHONY: install test test-fast demo eval bench clean browser postgres screenshots

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip>=24"
	$(BIN)/python -m pip install -q -c constraints.txt -e ".[test]"
	touch $(STAMP)

test: install
	$(BIN)/python -m pytest -q -rs -p no:cacheprovider

test-fast: install
	$(BIN)/python -m pytest -q -m "not slow" -p no:cacheprovider

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/newsledger ingest samples/corpus --db $(DB)
	$(BIN)/newsledger stats --db $(DB)
	$(BIN)/newsledger copies --db $(DB)
	$(BIN)/newsledger stories --db $(DB)
	$(BIN)/newsledger conflicts --db $(DB)
	@echo
	@echo 'Next: $(BIN)/newsledger search "dam evacuated" --db $(DB)'
	@echo "      $(BIN)/newsledger claims --db $(DB) --format table"
	@echo "      $(BIN)/newsledger analyze ../shared/seeds/000_cf3f4e080ef5b4cc.txt --format json"
	@echo "      $(BIN)/newsledger serve --db $(DB)   # then open http://127.0.0.1:8000/"

eval: install
	$(BIN)/newsledger eval extraction
	$(BIN)/newsledger eval attribution --split dev
	$(BIN)/newsledger eval quantities

postgres:  ## start a throwaway PostgreSQL server on loopback; prints its URL
	bash scripts/postgres.sh

screenshots: install  ## every page type at 1366x900 and 390x844 into tests/artifacts/ (needs chromium)
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/test_web_lists.py -k every_page
	@ls tests/artifacts/workbench-*.png | wc -l | xargs echo "screenshots in tests/artifacts/:"

browser:  ## Debian's chromium for the browser tests (never `playwright install`)
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

bench: install
	$(BIN)/python benchmarks/link_scale.py --sizes 10000
	$(BIN)/python benchmarks/web_load.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache
