"""Setting the matcher's weights and out-of-scope threshold on the calibration split.

The calibration sets (`calibration:` in the corpus file) hold in-scope questions with their
intent and out-of-scope ones with none. `calibrate` searches the fusion weights, the coverage
settings and the off-topic exponent, and for each combination the threshold that maximises
0.6 * in-scope top-1 accuracy + 0.4 * out-of-scope rejection (`ACCURACY_WEIGHT`: the targets are
93% top-1 and 90% rejection, so a lost answer costs a little more than an accepted off-topic
question). The sets figures are reported on are never used here.
"""
from __future__ import annotations

import itertools
from typing import Any

import numpy as np

ALPHAS = (0.0, 0.5, 1.0, 1.5, 2.0)  # exponent of the coverage factor
UNKNOWN_WEIGHTS = (1.0, 2.0, 3.0)  # how much an unknown topic word weighs against known ones
BETAS = (0.0, 0.5, 1.0, 2.0)  # exponent of (1 - P(off-topic))
ACCURACY_WEIGHT = 0.6  # in-scope accuracy against out-of-scope rejection (issue 20 asks 93% and 90%)


def best_threshold(scores: np.ndarray, predicted: np.ndarray, gold: list[str | None],
                   accuracy_weight: float = 0.5) -> tuple[float, float, float, float]:
    """Threshold maximising w * in-scope top-1 accuracy + (1 - w) * out-of-scope rejection
    (w = `accuracy_weight`, 0.5 by default: their mean).

    Returns (threshold, objective, accuracy, rejection). A threshold sits halfway between two
    neighbouring scores; among equally good ones the middle one is taken.
    """
    gold_arr = np.array(gold, dtype=object)
    in_scope = np.array([g is not None for g in gold])
    correct = in_scope & (np.asarray(predicted, dtype=object) == gold_arr)
    n_in, n_out = max(int(in_scope.sum()), 1), max(int((~in_scope).sum()), 1)
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    cum_c = np.concatenate([[0], np.cumsum(correct[order])])
    cum_o = np.concatenate([[0], np.cumsum(~in_scope[order])])
    # accept the top k questions, k = 0..n, only where a threshold can separate k from k + 1
    ks = np.flatnonzero(np.concatenate([[True], s[:-1] > s[1:], [True]])) if len(s) else np.array([0])
    acc = cum_c[ks] / n_in
    rej = (n_out - cum_o[ks]) / n_out
    obj = accuracy_weight * acc + (1.0 - accuracy_weight) * rej
    best = np.flatnonzero(obj >= obj.max() - 1e-12)
    i = best[len(best) // 2]
    k = ks[i]
    upper = s[k - 1] if k > 0 else 1.0 + 1e-6
    lower = s[k] if k < len(s) else 0.0
    t = (upper + lower) / 2 if 0 < k < len(s) else (upper + 1e-6 if k == 0 else lower / 2)
    return float(t), float(obj[i]), float(acc[i]), float(rej[i])


def calibrate(model: Any, rows: list[tuple[str, str | None]]) -> None:
    """Choose weights, coverage settings, off-topic exponent and threshold on `rows`, and set them
    on `model` (an nlp.matcher.FittedModel, which calls this from fit: typed loosely here so that
    this module does not import the one that imports it)."""
    if model.normalizer is None:
        raise ValueError("calibrate() needs a fitted model (its normalizer is built by fit)")
    analyses = [model.content(model.normalizer.analyze(q)) for q, _ in rows]
    gold = [g for _, g in rows]
    word, char, fz, intent, proba, off, cov_parts = model.components(analyses)
    # per-question factors: they scale every intent of a question alike, so never change its argmax
    factors = {}
    for alpha, unknown, beta in itertools.product(ALPHAS, UNKNOWN_WEIGHTS, BETAS):
        if alpha == 0.0 and unknown != 1.0:
            continue
        if beta > 0.0 and not model.has_off_topic:
            continue
        factors[(alpha, unknown, beta)] = model.coverage(cov_parts, unknown) ** alpha * (1.0 - off) ** beta
    tenths = range(1, 10)
    best = None
    for i_word, i_char, i_fuzz in itertools.product(tenths, tenths, tenths):
        rest = 10 - i_word - i_char - i_fuzz
        if rest < 0:
            continue
        nearest = np.maximum.reduceat(0.1 * (i_word * word + i_char * char + i_fuzz * fz), model.starts, axis=1)
        for i_intent in range(rest + 1):
            weights = tuple(round(0.1 * i, 1) for i in (i_word, i_char, i_fuzz, i_intent, rest - i_intent))
            base = nearest + weights[3] * intent + weights[4] * proba
            top = base.argmax(axis=1)
            predicted = np.array([model.intent_ids[i] for i in top], dtype=object)
            top_base = base[np.arange(len(top)), top]
            for (alpha, unknown, beta), factor in factors.items():
                t, obj, acc, rej = best_threshold(top_base * factor, predicted, gold, ACCURACY_WEIGHT)
                if best is None or obj > best[0] + 1e-9:
                    best = (obj, weights, alpha, unknown, beta, t, acc, rej)
    if best is None:
        raise ValueError("no weight combination to calibrate")
    obj, weights, alpha, unknown, beta, t, acc, rej = best
    model.weights, model.alpha, model.unknown_weight, model.off_topic_power, model.threshold = weights, alpha, unknown, beta, t
    model.calibration = {
        "questions": len(rows),
        "in_scope": sum(g is not None for g in gold),
        "out_of_scope": sum(g is None for g in gold),
        "accuracy": acc,
        "rejection": rej,
    }
