"""Fit the score's weights from the project's own training examples and store them as data.

    .venv/bin/python scripts/fit_scorer.py

Training data (written for this project, never the evaluation sets in ../shared/data):
- data/nlu/replies/*.yml: the Rasa assistant's first batch of reply examples; an
  intent's marker kind gives its label (help kinds are safe, harm kinds unsafe). The
  second batch, data/nlu/replies_more/, written for the Rasa classifier, is left out
  here: each example names one kind, so for the one-per-kind models every other kind it
  holds ("you ALWAYS do this, genius" sneers too) counts as a negative. With both
  batches the dev marker micro-F1 fell from 0.753 to 0.742, and dropping those
  negatives did worse still (0.731);
- data/coach/*.jsonl: replies with the partner's context and a safe/unsafe label. A row
  whose "markers" is null (replies_raised.jsonl: complaints raised with no message of the
  partner's, written by a helper who saw none of the evaluation data, with rows sharing
  five words with any evaluation set dropped) teaches the score only, not the per-kind
  models: its kinds were named loosely, and with them the dev marker micro-F1 fell from
  0.766 to 0.759; without them it is 0.762. So do replies_felt_attacked.jsonl (a feeling
  the person names beside an attack: "I feel so left out..., it's pathetic", which the
  "I feel" n-grams and the vulnerability marker had scored safe), replies_felt_safe.jsonl
  (a feeling and a grievance put without one) and replies_felt_plain.jsonl (a feeling or
  a need shared, many of them short), written on 2026-12-02 by helpers who opened no
  file, rows sharing five words with any evaluation set dropped (160 -> 129, 80 -> 49,
  150 -> 115). With the unsafe rows alone the vulnerability marker's weight fell and a
  plain "I just miss you" beside a disclaimer rose to the threshold; the safe rows and
  the disclaimed-harm signal (a harm disclaimed before it is said: "I'm not saying you
  never help") keep it safe.

Two logistic regressions are fitted, stacked:
1. a bag-of-n-grams classifier over the reply's tokens (regularisation chosen by 5-fold
   cross-validation);
2. a combiner over the rule markers (counts per kind), the "but" that erased a help, a
   brief reply after the partner spoke, length, and the classifier's out-of-fold logit.
Weights go to coach/resources/model/scorer.json with the cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, roc_auc_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from coach.analyzer import extract
from coach.result import HARM_KINDS, KINDS

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "coach" / "resources" / "model" / "scorer.json"
SEED = 13


def load_examples() -> list[dict[str, Any]]:
    examples: list[dict[str, Any]] = []
    for path in sorted((ROOT / "data" / "nlu" / "replies").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for block in data.get("nlu", []):
            kind = block["intent"].removeprefix("reply_")
            for line in block["examples"].splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    examples.append(
                        {
                            "reply": text,
                            "context": None,
                            "unsafe": kind in HARM_KINDS,
                            "kinds": {kind},
                        }
                    )
    for path in sorted((ROOT / "data" / "coach").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                examples.append(
                    {
                        "reply": row["reply"],
                        "context": row.get("context") or None,
                        "unsafe": row["label"] == "unsafe",
                        # "markers": null says the row is labelled safe/unsafe only: it
                        # teaches the score, not which kinds of marker it holds
                        "kinds": None if row.get("markers", []) is None else set(row["markers"]),
                    }
                )
    return examples


def fit_kind_models(
    examples: list[dict[str, Any]],
    extractions: list[Any],
    x_text: Any,
    text_vec: DictVectorizer,
    folds: StratifiedKFold,
    predicted_unsafe: Any,
) -> dict[str, Any]:
    """One-vs-rest classifiers per marker kind, for kinds the rules missed.

    Each kind's threshold is chosen on out-of-fold probabilities to maximise the F1 of
    "a rule found it, or the classifier is at least this sure", counting the classifier
    only where its polarity agrees with the (out-of-fold) verdict, as `analyze` does.
    """
    names = text_vec.get_feature_names_out()
    kinds: dict[str, Any] = {}
    # only the rows whose kinds are known (not "markers": null)
    known = [i for i, e in enumerate(examples) if e["kinds"] is not None]
    examples = [examples[i] for i in known]
    extractions = [extractions[i] for i in known]
    x_text = x_text[known]
    predicted_unsafe = predicted_unsafe[known]
    for kind in KINDS:
        y = np.array([kind in e["kinds"] for e in examples], dtype=int)
        by_rule = np.array(
            [any(m.kind == kind for m in ex.markers) for ex in extractions], dtype=bool
        )
        clf = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced")
        oof = cross_val_predict(clf, x_text, y, cv=folds, method="predict_proba")[:, 1]
        agrees = predicted_unsafe if kind in HARM_KINDS else ~predicted_unsafe
        decided = np.array([kind in ex.decided_kinds for ex in extractions], dtype=bool)
        best_t, best_f1 = 1.01, f1_score(y, by_rule)
        rules_f1 = best_f1
        for t in np.arange(0.2, 0.99, 0.02):
            f1 = f1_score(y, by_rule | ((oof >= t) & agrees & ~decided))
            if f1 > best_f1 + 1e-9:
                best_t, best_f1 = float(t), f1
        clf.fit(x_text, y)
        weights = {
            name: round(float(w), 3)
            for name, w in zip(names, clf.coef_[0], strict=True)
            if abs(w) >= 0.05
        }
        kinds[kind] = {
            "threshold": round(best_t, 2),
            "cv_f1_rules": round(float(rules_f1), 4),
            "cv_f1_with_classifier": round(float(best_f1), 4),
            "bias": round(float(clf.intercept_[0]), 4),
            "weights": weights,
        }
        print(f"{kind:18s} rules F1 {rules_f1:.3f} -> {best_f1:.3f} at p >= {best_t:.2f}")
    return kinds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    examples = load_examples()
    y = np.array([e["unsafe"] for e in examples], dtype=int)
    extractions = [extract(e["reply"], e["context"], learned=False) for e in examples]
    text_dicts = [dict.fromkeys(ex.features, 1.0) for ex in extractions]
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)

    text_vec = DictVectorizer()
    x_text = text_vec.fit_transform(text_dicts)
    best_c, best_auc = 1.0, -1.0
    for c in (0.25, 0.5, 1.0, 2.0, 4.0, 8.0):
        clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        oof = cross_val_predict(clf, x_text, y, cv=folds, method="decision_function")
        auc = roc_auc_score(y, oof)
        print(f"classifier C={c}: cross-validated AUC {auc:.4f}")
        if auc > best_auc:
            best_c, best_auc = c, auc
    clf = LogisticRegression(C=best_c, max_iter=5000, class_weight="balanced")
    oof_logit = cross_val_predict(clf, x_text, y, cv=folds, method="decision_function")
    clf.fit(x_text, y)

    signal_dicts = []
    for ex, logit in zip(extractions, oof_logit, strict=True):
        row = dict(ex.signals)
        row["classifier"] = float(logit)
        signal_dicts.append(row)
    comb_vec = DictVectorizer()
    x_comb = comb_vec.fit_transform(signal_dicts)
    comb = LogisticRegression(C=1.0, max_iter=5000, class_weight="balanced")
    comb_oof = cross_val_predict(comb, x_comb, y, cv=folds, method="predict_proba")[:, 1]
    comb.fit(x_comb, y)
    cv_auc = roc_auc_score(y, comb_oof)
    cv_acc = accuracy_score(y, comb_oof >= 0.5)
    rules_only = [{k: v for k, v in d.items() if k != "classifier"} for d in signal_dicts]
    rules_vec = DictVectorizer()
    x_rules = rules_vec.fit_transform(rules_only)
    rules_oof = cross_val_predict(
        LogisticRegression(C=1.0, max_iter=5000), x_rules, y, cv=folds, method="predict_proba"
    )[:, 1]
    print(f"combined: cross-validated AUC {cv_auc:.4f}, accuracy {cv_acc:.4f}")
    print(f"rules alone: cross-validated AUC {roc_auc_score(y, rules_oof):.4f}")

    text_weights = {
        name: round(float(w), 4)
        for name, w in zip(text_vec.get_feature_names_out(), clf.coef_[0], strict=True)
        if abs(w) >= 0.005
    }
    comb_weights = {
        name: round(float(w), 4)
        for name, w in zip(comb_vec.get_feature_names_out(), comb.coef_[0], strict=True)
    }
    model = {
        "note": (
            "Fitted by scripts/fit_scorer.py; do not edit by hand. Stacked logistic "
            "regressions: an n-gram classifier over the reply, then a combiner over rule "
            "marker counts, signals and the classifier's out-of-fold logit. Score = "
            "100 * sigmoid(combiner)."
        ),
        "fitted_on": str(date.today()),
        "training_examples": len(examples),
        "unsafe_share": round(float(y.mean()), 4),
        "cross_validation": {
            "folds": 5,
            "classifier_C": best_c,
            "classifier_auc": round(best_auc, 4),
            "rules_only_auc": round(float(roc_auc_score(y, rules_oof)), 4),
            "combined_auc": round(float(cv_auc), 4),
            "combined_accuracy": round(float(cv_acc), 4),
        },
        "combiner": {"bias": round(float(comb.intercept_[0]), 4), "weights": comb_weights},
        "classifier": {"bias": round(float(clf.intercept_[0]), 4), "weights": text_weights},
    }
    model["kinds"] = fit_kind_models(
        examples, extractions, x_text, text_vec, folds, comb_oof >= 0.5
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(ROOT)} ({len(text_weights)} n-gram weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
