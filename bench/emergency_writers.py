"""Leave-one-writer-out figures for the emergency detector: the rules alone, and the rules with the
learned second opinion (`nlp.emergency_model`) fitted without the writer scored (issue 20).

    python -m bench.emergency_writers [--thresholds 0.3,0.5,0.7] [--list]

Each tests/nlp/data/*.tsv is one writer. For each, the classifier is fitted on the other sets and
the corpus, and the left-out set is scored: emergencies alerted (rules OR P(emergency) >=
threshold) and false alarms on its `faq`, `oos` and `calm` lines (a question whose intent is
`darurat`, "nomor ambulans brp", is neither). Rows are worst first. These are cross-validation
figures on tuning data: the rules were widened on every one of these sets after it was first
scored, so the rules' own rows are tuning figures; only the classifier has never seen the writer.
"""
from __future__ import annotations

import argparse
import importlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from nlp import emergency, emergency_model
from nlp.labelled import read_kinds

ROOT = Path(__file__).resolve().parents[1]
# The rules as they were when each writer's set was first scored, before they were widened on it
# (docs/benchmarks.md "Emergency detector", rounds 4 and 5): rules that never saw the writer.
RULES_BEFORE = {"writer_w1": "5429761", "writer_w2": "5429761", "blind_eval3": "5429761",
                "blind_eval4": "aee21c9^", "blind_eval5": "7fb0dff^", "writer_w7": "4f02fe7",
                "blind_eval6": "03e6c3e", "blind_eval8": "bf072e9", "blind_eval9": "af3ea7e", "blind_eval10": "3fe1930", "blind_eval11": "ed6f685", "blind_eval12": "dea7cb6", "blind_eval13": "0514c84", "blind_eval14": "61348c4",
                "blind_eval15": "165fbcb", "blind_eval16": "4cff973",
                "blind_eval17": "62eca75", "blind_eval18": "62eca75",
                "blind_eval19": "c6f758b", "blind_eval20": "e92e0f2",
                "blind_eval21": "50a0237", "blind_eval22": "50a0237", "blind_eval23": "8dddeca", "blind_eval24": "8dddeca",
                "blind_eval25": "087b3a1", "blind_eval26": "087b3a1",
                "blind_eval27": "6d3f26a", "blind_eval28": "6d3f26a"}
_RULE_FILES = ("emergency", "emergency_words", "emergency_context", "slang", "normalize")  # emergency_context: since round 21


def old_rules(commit: str, folder: Path):
    """`nlp.emergency`'s rules function at `commit` (with the word lists, slang and normaliser of then)."""
    sha = subprocess.run(["git", "rev-parse", "--short", commit], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    package = folder / f"rules_{sha}"
    if not package.exists():
        package.mkdir()
        (package / "__init__.py").write_text("")
        for name in _RULE_FILES:
            shown = subprocess.run(["git", "show", f"{sha}:nlp/{name}.py"], cwd=ROOT, capture_output=True, text=True)
            if shown.returncode != 0 and name == "emergency_context":
                continue  # not yet split out of emergency.py at that commit
            shown.check_returncode()
            text = shown.stdout.replace("from nlp.", "from .")
            for own in _RULE_FILES:  # "from nlp import emergency_words as ew": that commit's word lists too
                text = re.sub(rf"from nlp import {own}\b", f"from . import {own}", text)
            (package / f"{name}.py").write_text(text, encoding="utf-8")
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    module = importlib.import_module(f"rules_{sha}.emergency")
    return getattr(module, "rules", None) or module.detect


def fold_rows(path: Path, model, rules=None) -> list[tuple[str, str, bool, float, bool]]:
    """(question, kind, rules fired, P(emergency), calm context) of every line of `path`; kind
    "darurat" for a question about emergencies (intent darurat, not an emergency line)."""
    rules = rules or emergency.rules
    out = []
    for q, intent, kind in read_kinds(path):
        kind = "darurat" if kind != "emergency" and intent == "darurat" else kind
        out.append((q, kind, rules(q) is not None, model.probability(q) if model else 0.0, emergency.calm_context(q)))
    return out


def tally(rows, threshold: float | None, use_rules: bool = True, context: bool = True) -> tuple[int, int, int, int, list, list]:
    """(emergencies alerted, emergencies, false alarms, ordinary lines, missed, alarms); `context`:
    the model's finding is dropped in a calm context (`nlp.emergency.calm_context`), as `detect` does."""
    hit = n_em = alarms = ordinary = 0
    missed, false = [], []
    for q, kind, ruled, p, calm in rows:
        ruled = ruled and use_rules
        fired = ruled or (threshold is not None and p >= threshold and not (context and calm))
        if kind == "emergency":
            n_em += 1
            hit += fired
            if not fired:
                missed.append((p, q))
        elif kind in ("faq", "oos", "calm"):
            ordinary += 1
            alarms += fired
            if fired:
                false.append((kind, "rules" if ruled else f"p={p:.2f}", q))
    return hit, n_em, alarms, ordinary, missed, false


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--thresholds", default=None, help="comma-separated thresholds to compare")
    ap.add_argument("--list", action="store_true", help="list misses and false alarms at the shipped threshold")
    ap.add_argument("--c", type=float, default=emergency_model.C)
    args = ap.parse_args(argv)
    sets = emergency_model.writer_sets()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; C={args.c}")
    folds, before, fit_s = {}, {}, []
    old = Path(tempfile.mkdtemp(prefix="pusque-old-rules-"))
    for path in sets:
        t0 = time.perf_counter()
        model = emergency_model.fit([p for p in sets if p != path], c=args.c)
        fit_s.append(time.perf_counter() - t0)
        folds[path.stem] = fold_rows(path, model)
        if path.stem in RULES_BEFORE:
            before[path.stem] = fold_rows(path, model, old_rules(RULES_BEFORE[path.stem], old))
    shipped = emergency_model.THRESHOLD
    thresholds = [float(x) for x in args.thresholds.split(",")] if args.thresholds else [shipped]
    tables = [("A. today's rules alone (tuned on every set: tuning figures)", folds, None, True, True)]
    tables += [(f"B. the model alone, P >= {t:.2f} (never saw the writer; no context check)", folds, t, False, False)
               for t in thresholds]
    tables += [(f"C. detect: today's rules, else P >= {t:.2f} outside a calm context", folds, t, True, True)
               for t in thresholds]
    tables.append(("D. the rules as first scored on the writer, alone (before they were widened on it)", before, None, True, True))
    tables += [(f"E. the rules as first scored OR P >= {t:.2f}, no context check: no part saw the writer", before, t, True, False)
               for t in thresholds]
    tables += [(f"F. as E at P >= {t:.2f}, with today's context check on the model's finding", before, t, True, True) for t in thresholds]
    for label, data, threshold, use_rules, context in tables:
        print(f"\n{label}")
        print(f"  {'left out':18} {'emergencies':>16} {'false alarms':>18}")
        results = {name: tally(rows, threshold, use_rules, context) for name, rows in data.items()}
        order = sorted(results, key=lambda n: (results[n][0] / results[n][1] if results[n][1] else 1.0)
                       - results[n][2] / max(results[n][3], 1))
        for name in order:
            hit, n_em, alarms, ordinary, missed, false = results[name]
            print(f"  {name:18} {hit:>5}/{n_em:<4} {hit / max(n_em, 1):6.1%} {alarms:>5}/{ordinary:<5} {alarms / max(ordinary, 1):6.2%}")
            if args.list and threshold == shipped and label[0] in "CF":
                for p, q in sorted(missed):
                    print(f"      missed (p={p:.2f}): {q}")
                for kind, by, q in false:
                    print(f"      false alarm ({kind}, {by}): {q}")
        hit, n_em, alarms, ordinary = (sum(r[i] for r in results.values()) for i in range(4))
        print(f"  {'all':18} {hit:>5}/{n_em:<4} {hit / max(n_em, 1):6.1%} {alarms:>5}/{ordinary:<5} {alarms / max(ordinary, 1):6.2%}")
    print(f"\nfit per fold: median {statistics.median(fit_s):.2f} s, max {max(fit_s):.2f} s; "
          f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
