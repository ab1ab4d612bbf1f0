# The two commands in the README are `make run` and `make test`; the rest are helpers.
SHELL := /bin/bash
VENV := .venv/bin
RASA := .venv-rasa/bin/rasa
RASA_ARGS := --config bot/config.yml --domain bot/domain.yml
RASA_DATA := data/nlu data/stories
export RASA_TELEMETRY_ENABLED := false
export REHEARSE_ACTIONS_URL ?= http://127.0.0.1:5055/webhook
RASA_PORT ?= 5005
ACTIONS_PORT ?= 5055

.PHONY: setup setup-rasa rasa-train rasa-validate rasa-test rasa-run rasa-actions rasa-unit bot run test lint typecheck unit fit eval bench fit-crisis eval-crisis eval-rewrite eval-fresh

setup:
	@./scripts/setup.sh

setup-rasa:
	@./scripts/setup_rasa.sh

setup-browser:
	@./scripts/setup_browser.sh

# Rasa: the long command lines live here. Training is skipped when nothing changed
# (Rasa compares the inputs' fingerprint with the newest model in models/).
rasa-validate: setup-rasa
	$(RASA) data validate $(RASA_ARGS) --data $(RASA_DATA) --fail-on-warnings

# bot/components and data/coach feed the PolarityGate component; Rasa's own training cache
# cannot see them, so a rebuild is always a full one (--force).
RASA_INPUTS := bot/config.yml bot/domain.yml $(shell find $(RASA_DATA) -name '*.yml' 2>/dev/null) \
	bot/vocabulary.py $(wildcard bot/components/*.py) $(wildcard data/coach/*.jsonl)

rasa-train: setup-rasa models/rehearse.tar.gz

models/rehearse.tar.gz: $(RASA_INPUTS)
	$(RASA) train $(RASA_ARGS) --data $(RASA_DATA) --out models --fixed-model-name rehearse --force
	@touch $@

rasa-test: rasa-train
	$(RASA) test core --model models/rehearse.tar.gz --stories tests/bot/test_stories.yml \
		--out test-artifacts/rasa --fail-on-prediction-errors

rasa-run: rasa-train
	$(RASA) run $(RASA_ARGS) --model models/rehearse.tar.gz --endpoints bot/endpoints.yml \
		--credentials bot/credentials.yml --enable-api --port $(RASA_PORT)

rasa-actions: setup-rasa
	.venv-rasa/bin/python -m rasa_sdk --actions bot.actions --port $(ACTIONS_PORT)

rasa-unit: setup-rasa
	.venv-rasa/bin/python -m pytest -c tests/bot/pytest.ini tests/bot -q

run: setup rasa-train
	@./scripts/run.sh

# Score two example replies from the command line (no servers needed).
demo: setup
	@$(VENV)/rehearse score "I hear you, but you never listen when I talk about work." \
		--context "I feel like you don't care about my job."
	@echo
	@$(VENV)/rehearse score "That sounds exhausting. What was the hardest part for you?" \
		--context "My boss yelled at me in front of everyone today."

test: setup setup-browser lint typecheck rasa-validate rasa-unit rasa-test unit

lint:
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .
	$(VENV)/hadolint Dockerfile

typecheck:
	$(VENV)/mypy coach api

unit:
	$(VENV)/pytest

# Re-fit the score's weights from data/ (writes coach/resources/model/scorer.json).
fit: setup
	$(VENV)/python scripts/fit_scorer.py

# Quality evaluation (installs the sentiment baselines it compares against).
eval: setup
	$(VENV)/python -m pip install --quiet -e '.[eval]'
	$(VENV)/python -m bench.eval_analyzer

bench: setup
	$(VENV)/python -m pip install --quiet -e '.[eval]'
	$(VENV)/python -m bench.speed_analyzer

fit-crisis: setup
	$(VENV)/python scripts/fit_crisis.py

eval-crisis: setup
	$(VENV)/python -m bench.eval_crisis

eval-rewrite: setup
	$(VENV)/python -m bench.eval_rewrite

eval-fresh: setup
	$(VENV)/python -m bench.eval_fresh

# The simulated partner on its own: the action server in the background, Rasa in front.
bot: rasa-train
	@trap 'kill 0' EXIT; $(MAKE) --no-print-directory rasa-actions & $(MAKE) --no-print-directory rasa-run

eval-rasa: setup rasa-train
	$(VENV)/python -m bench.eval_nlu

bench-api: setup rasa-train
	$(VENV)/python -m bench.bench_api

bench-web: setup setup-browser
	$(VENV)/python -m bench.bench_web
