# The two commands in the README are `make run` and `make test`; the rest are helpers.
SHELL := /bin/bash
VENV := .venv/bin

.PHONY: setup run test lint typecheck unit fit eval bench fit-crisis eval-crisis

setup:
	@./scripts/setup.sh

run: setup
	@$(VENV)/rehearse score "I hear you, but you never listen when I talk about work." \
		--context "I feel like you don't care about my job."
	@echo
	@$(VENV)/rehearse score "That sounds exhausting. What was the hardest part for you?" \
		--context "My boss yelled at me in front of everyone today."

test: setup lint typecheck unit

lint:
	$(VENV)/ruff check .
	$(VENV)/ruff format --check .

typecheck:
	$(VENV)/mypy coach

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
