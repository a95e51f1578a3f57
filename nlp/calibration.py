"""Setting the matcher's weights and out-of-scope threshold on the calibration split.

The calibration questions are those of the `calibration:` sets in the corpus file, scored by
the model, and those of each `training:` set, scored by a model fitted without that set (a new
writer's questions score lower than the ones a model learnt from; a threshold set on the latter
rejects too many). In-scope questions have an intent, out-of-scope ones none. `calibrate`
searches the fusion weights, the coverage settings and the off-topic exponent, and for each
combination the threshold with the best in-scope top-1 accuracy among those that reject at least
`MIN_REJECTION` of the out-of-scope questions (the targets are 93% top-1 and 90% rejected; the
weighted objective 0.6 * accuracy + 0.4 * rejection only when no threshold rejects enough).
"""
from __future__ import annotations

import itertools
from typing import Any

import numpy as np

ALPHAS = (0.0, 0.5, 1.0, 1.5, 2.0)  # exponent of the coverage factor
UNKNOWN_WEIGHTS = (1.0, 2.0, 3.0)  # how much an unknown topic word weighs against known ones
BETAS = (0.0, 0.5, 1.0, 2.0)  # exponent of (1 - P(off-topic))
CANDIDATES = 6  # per intent and component, the phrasings the weight search looks at
# The targets are 93% top-1 and 90% of out-of-scope questions rejected: the most accurate
# threshold that rejects MIN_REJECTION of the calibration's out-of-scope questions (a margin over
# 90% for writers whose off-topic questions are nearer the intents)
MIN_REJECTION = 0.94
ACCURACY_WEIGHT = 0.6  # in-scope accuracy against out-of-scope rejection (issue 20 asks 93% and 90%)


def best_threshold(scores: np.ndarray, predicted: np.ndarray, gold: list[str | None],
                   accuracy_weight: float = 0.5, min_rejection: float | None = None) -> tuple[float, float, float, float]:
    """Threshold maximising w * in-scope top-1 accuracy + (1 - w) * out-of-scope rejection
    (w = `accuracy_weight`, 0.5 by default: their mean). With `min_rejection`, the threshold that
    maximises accuracy among those rejecting at least that share of out-of-scope questions
    (the weighted objective only when none does).

    Returns (threshold, objective, accuracy, rejection). A threshold sits halfway between two
    neighbouring scores; among equally good ones the middle one is taken.
    """
    gold_arr = np.array(gold, dtype=object)
    in_scope = np.array([g is not None for g in gold])
    correct = in_scope & (np.asarray(predicted, dtype=object) == gold_arr)
    return _best_threshold(scores, correct, in_scope, accuracy_weight, min_rejection)


def _best_threshold(scores: np.ndarray, correct: np.ndarray, in_scope: np.ndarray, accuracy_weight: float,
                    min_rejection: float | None) -> tuple[float, float, float, float]:
    """`best_threshold` with the right answers and the in-scope questions as boolean arrays
    (the calibration search computes them once per weight combination, not once per threshold)."""
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
    if min_rejection is not None and (rej >= min_rejection).any():
        obj = np.where(rej >= min_rejection, acc + 1e-3 * rej, obj - 10.0)
    best = np.flatnonzero(obj >= obj.max() - 1e-12)
    i = best[len(best) // 2]
    k = ks[i]
    upper = s[k - 1] if k > 0 else 1.0 + 1e-6
    lower = s[k] if k < len(s) else 0.0
    t = (upper + lower) / 2 if 0 < k < len(s) else (upper + 1e-6 if k == 0 else lower / 2)
    return float(t), float(obj[i]), float(acc[i]), float(rej[i])


def calibrate(model: Any, rows: list[tuple[str, str | None]], held_out=()) -> None:
    """Choose weights, coverage settings, off-topic exponent and threshold, and set them on
    `model` (an nlp.matcher.FittedModel, which calls this from fit: typed loosely here so that
    this module does not import the one that imports it).

    `rows` are scored by `model` itself (sets it was not fitted on); `held_out` is a list of
    (model fitted without these rows, rows): a training set scored as a new writer's would be.
    All of them are pooled into one objective."""
    if model.normalizer is None:
        raise ValueError("calibrate() needs a fitted model (its normalizer is built by fit)")
    groups = [_Group(m, r) for m, r in [(model, rows), *held_out] if r]
    if not groups:
        raise ValueError("nothing to calibrate on")
    gold = [g for group in groups for g in group.gold]
    gold_arr = np.array(gold, dtype=object)
    in_scope = np.array([g is not None for g in gold])
    tenths = range(1, 10)
    best = None
    for i_word, i_char, i_fuzz in itertools.product(tenths, tenths, tenths):
        rest = 10 - i_word - i_char - i_fuzz
        if rest < 0:
            continue
        for group in groups:
            group.nearest(0.1 * i_word, 0.1 * i_char, 0.1 * i_fuzz)
        for i_intent in range(rest + 1):
            weights = tuple(round(0.1 * i, 1) for i in (i_word, i_char, i_fuzz, i_intent, rest - i_intent))
            tops = [group.top(weights[3], weights[4]) for group in groups]
            predicted = np.concatenate([p for p, _ in tops])
            correct = in_scope & (predicted == gold_arr)
            for factor_key in groups[0].factors:
                scores = np.concatenate([top * group.factors[factor_key] for group, (_, top) in zip(groups, tops)])
                t, obj, acc, rej = _best_threshold(scores, correct, in_scope, ACCURACY_WEIGHT, MIN_REJECTION)
                if best is None or obj > best[0] + 1e-9:
                    best = (obj, weights, *factor_key, t, acc, rej)
    if best is None:
        raise ValueError("no weight combination to calibrate")
    obj, weights, alpha, unknown, beta, t, acc, rej = best
    model.weights, model.alpha, model.unknown_weight, model.off_topic_power, model.threshold = weights, alpha, unknown, beta, t
    model.calibration = {
        "questions": len(gold),
        "in_scope": sum(g is not None for g in gold),
        "out_of_scope": sum(g is None for g in gold),
        "accuracy": acc,
        "rejection": rej,
    }


class _Group:
    """Calibration questions and the components of the model that scores them."""

    def __init__(self, model: Any, rows: list[tuple[str, str | None]]) -> None:
        self.model = model
        self.gold = [g for _, g in rows]
        analyses = [model.content(model.normalizer.analyze(q)) for q, _ in rows]
        self.word, self.char, self.fz, self.intent, self.proba, off, cov_parts = model.components(analyses)
        # per-question factors: they scale every intent of a question alike, so never change its argmax
        self.factors = {}
        for alpha, unknown, beta in itertools.product(ALPHAS, UNKNOWN_WEIGHTS, BETAS):
            if alpha == 0.0 and unknown != 1.0 or beta > 0.0 and not model.has_off_topic:
                continue
            self.factors[(alpha, unknown, beta)] = model.coverage(cov_parts, unknown) ** alpha * (1.0 - off) ** beta
        # An intent's nearest phrasing under any weights is, in practice, among its few best by
        # each component: keep those (the search is then ~100 times faster with the writers' phrasings).
        bounds = list(model.starts) + [self.word.shape[1]]
        picked = []
        for a, b in zip(bounds, bounds[1:]):
            k = min(CANDIDATES, b - a)
            idx = np.concatenate([np.argpartition(-m[:, a:b], k - 1, axis=1)[:, :k] + a
                                  for m in (self.word, self.char, self.fz)], axis=1)
            picked.append(idx)
        idx = np.stack(picked, axis=1)  # (questions, intents, 3 * CANDIDATES)
        question = np.arange(len(rows))[:, None, None]
        self.cand = [m[question, idx] for m in (self.word, self.char, self.fz)]
        self._nearest = self.cand[0].max(axis=2)

    def nearest(self, w_word: float, w_char: float, w_fuzz: float) -> None:
        word, char, fz = self.cand
        self._nearest = (w_word * word + w_char * char + w_fuzz * fz).max(axis=2)

    def top(self, w_intent: float, w_clf: float) -> tuple[np.ndarray, np.ndarray]:
        base = self._nearest + w_intent * self.intent + w_clf * self.proba
        top = base.argmax(axis=1)
        return np.array(self.model.intent_ids, dtype=object)[top], base[np.arange(len(top)), top]
