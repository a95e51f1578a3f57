"""Cross-validated FAQ figures on the calibration split, for developing the matcher.

    python -m bench.faq_cv [--folds 5] [--seeds 2] [--errors]

The matcher is fitted once on the corpus; then, for each fold, weights and threshold are set on
the other folds of the calibration set (tests/nlp/data/blind_calibration.tsv) and the fold is scored. This estimates top-1 accuracy
and out-of-scope rejection on questions the threshold did not see, without touching the
evaluation set (tests/nlp/data/blind_eval.tsv), which is for bench/faq.py's final figures only.
"""
from __future__ import annotations

import argparse
import copy
import dataclasses
import random
import time
from pathlib import Path

from nlp.calibration import calibrate
from nlp.corpus import load_corpus
from nlp.matcher import fit, read_calibration

ROOT = Path(__file__).resolve().parents[1]


def predict(model, question: str) -> str | None:
    analysis = model.normalizer.analyze(question)
    if model.smalltalk_kind(analysis):
        return None
    return model.score(analysis)[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "nlp" / "faq_corpus.yaml")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", type=int, default=2, help="repetitions with different fold splits")
    ap.add_argument("--errors", action="store_true", help="list the misses of the first repetition")
    args = ap.parse_args()
    corpus = load_corpus(args.corpus)
    rows = read_calibration(corpus)
    t0 = time.perf_counter()
    model = fit(dataclasses.replace(corpus, calibration=()), "cv")
    print(f"fitted in {time.perf_counter() - t0:.1f} s; {len(rows)} calibration questions, "
          f"{args.folds} folds x {args.seeds} seeds")
    hits_in, hits_out, errors = [], [], []
    for seed in range(args.seeds):
        order = list(range(len(rows)))
        random.Random(seed).shuffle(order)
        for k in range(args.folds):
            held = set(order[k::args.folds])
            m = copy.copy(model)
            calibrate(m, [rows[i] for i in order if i not in held])
            for i in sorted(held):
                q, gold = rows[i]
                got = predict(m, q)
                (hits_out if gold is None else hits_in).append(got == gold)
                if got != gold and seed == 0:
                    errors.append((q, gold, got))
    print(f"cross-validated top-1 {sum(hits_in) / len(hits_in):.1%}, "
          f"out-of-scope rejection {sum(hits_out) / len(hits_out):.1%}")
    m = copy.copy(model)
    calibrate(m, rows)
    print(f"on the whole split: weights {m.weights}, alpha {m.alpha}, unknown weight {m.unknown_weight}, "
          f"off-topic power {m.off_topic_power}, threshold {m.threshold:.3f}")
    if args.errors:
        for q, gold, got in errors:
            print(f"  {q!r}: expected {gold}, got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
