"""Leave-one-writer-out figures for the FAQ matcher and the emergency detector (issue 20).

    python -m bench.faq_writers [--errors] [--only w3]

The corpus's training sets were written independently from the intent descriptions, one a writer
(tests/nlp/data/writer_w1.tsv, writer_w2.tsv, blind_eval3.tsv, blind_eval6.tsv, writer_w7.tsv). For each one, the matcher is
fitted and calibrated exactly as the shipped one is (`nlp.matcher.fit`), but with that set left
out of the corpus's `training:` sets; then the left-out set is scored the way the bot answers
(`nlp.faq.FaqMatcher.match`: emergency detector first, small talk, then the FAQ). So each row
says how the method does on a writer it never saw. Rows come again worst first at the end
(emergencies recognised minus false alarms); `detect` is the detector alone (what alerts staff). The emergency detector's learned model
(`nlp.emergency_model`) is fitted without the left-out set too; its rules are the same in every
fold and were widened on every set after it was first scored (docs/benchmarks.md "Emergency
detector"; `python -m bench.emergency_writers` has the detector's own table).
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import time
from pathlib import Path

from nlp import emergency_model
from nlp.corpus import load_corpus
from nlp.emergency import decide
from nlp.matcher import fit, read_kinds

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "nlp" / "data"
WRITERS = {"w1": DATA / "writer_w1.tsv", "w2": DATA / "writer_w2.tsv", "w3": DATA / "blind_eval3.tsv",
           "w4": DATA / "blind_eval4.tsv", "w5": DATA / "blind_eval5.tsv", "w6": DATA / "blind_eval6.tsv",
           "w7": DATA / "writer_w7.tsv", "w8": DATA / "blind_eval8.tsv", "w9": DATA / "blind_eval9.tsv",
           "w10": DATA / "blind_eval10.tsv", "w11": DATA / "blind_eval11.tsv",
           "w12": DATA / "blind_eval12.tsv", "w13": DATA / "blind_eval13.tsv",
           "w14": DATA / "blind_eval14.tsv", "w15": DATA / "blind_eval15.tsv",
           "w16": DATA / "blind_eval16.tsv", "w17": DATA / "blind_eval17.tsv",
           "w18": DATA / "blind_eval18.tsv", "w19": DATA / "blind_eval19.tsv",
           "w20": DATA / "blind_eval20.tsv", "w21": DATA / "blind_eval21.tsv", "w22": DATA / "blind_eval22.tsv",
           "w23": DATA / "blind_eval23.tsv", "w24": DATA / "blind_eval24.tsv",
           "w25": DATA / "blind_eval25.tsv", "w26": DATA / "blind_eval26.tsv",
           "w27": DATA / "blind_eval27.tsv", "w28": DATA / "blind_eval28.tsv"}


def answer(model, question: str, emergencies=None) -> str | None:
    """The intent `FaqMatcher.match` reports: darurat for an emergency (rules, then the
    `emergencies` model), None for small talk."""
    if decide(question, emergencies) is not None:
        return "darurat"
    analysis = model.normalizer.analyze(question[:500])
    if model.smalltalk_kind(analysis) is not None:
        return None
    return model.score(analysis)[0]


def score_set(model, rows, emergencies=None) -> dict:
    n: dict[str, int] = {}
    right: dict[str, int] = {}
    alarms, errors, times, cpu = 0, [], [], []
    detected = detect_alarms = 0
    for q, gold, kind in rows:
        found = decide(q, emergencies) is not None
        detected += kind == "emergency" and found
        detect_alarms += kind != "emergency" and gold != "darurat" and found
        t0, c0 = time.perf_counter(), time.thread_time()
        got = answer(model, q, emergencies)
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        n[kind] = n.get(kind, 0) + 1
        ok = got == "darurat" if kind == "emergency" else got == gold
        right[kind] = right.get(kind, 0) + ok
        alarms += kind != "emergency" and got == "darurat" and gold != "darurat"
        if not ok:
            errors.append((kind, q, gold, got))
    return {"n": n, "right": right, "alarms": alarms, "errors": errors, "times": times, "cpu": cpu,
            "detected": detected, "detect_alarms": detect_alarms}


def fold(corpus, left_out: Path):
    """The corpus with `left_out` taken out of every labelled set list it has."""
    left_out = left_out.resolve()
    return dataclasses.replace(corpus, training=tuple(p for p in corpus.training if p != left_out),
                               calibration=tuple(p for p in corpus.calibration if p != left_out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "nlp" / "faq_corpus.yaml")
    ap.add_argument("--errors", action="store_true", help="list the misses of every left-out set")
    ap.add_argument("--only", choices=sorted(WRITERS), action="append", help="score only these writers")
    args = ap.parse_args()
    corpus = load_corpus(args.corpus)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    header = (f"{'left out':10} {'FAQ top-1':>16} {'oos rejected':>15} {'match: emerg.':>13} {'false alarms':>13} "
              f"{'detect: emerg.':>14} {'false alerts':>13} {'calm top-1':>11} {'threshold':>9} {'fit s':>6}")
    ranked = []
    lines, all_times, all_cpu, totals = [], [], [], {"faq": [0, 0], "oos": [0, 0], "emergency": [0, 0], "alarms": [0, 0]}
    for name in args.only or sorted(WRITERS):
        path = WRITERS[name]
        t0 = time.perf_counter()
        model = fit(fold(corpus, path), f"lowo-{name}")
        emergencies = emergency_model.fit([p for p in emergency_model.writer_sets() if p.resolve() != path.resolve()])
        fitted = time.perf_counter() - t0
        r = score_set(model, read_kinds(path), emergencies)
        all_times += r["times"]
        all_cpu += r["cpu"]
        n, right = r["n"], r["right"]
        ordinary = n.get("faq", 0) + n.get("oos", 0) + n.get("calm", 0)
        for k in ("faq", "oos", "emergency"):
            totals[k][0] += right.get(k, 0)
            totals[k][1] += n.get(k, 0)
        totals["alarms"][0] += r["alarms"]
        totals["alarms"][1] += ordinary

        def share(k: str, right=right, n=n) -> str:
            return f"{right.get(k, 0)}/{n.get(k, 0)} {right.get(k, 0) / max(n.get(k, 0), 1):6.1%}"

        lines.append(f"{name:10} {share('faq'):>16} {share('oos'):>15} {right.get('emergency', 0):>5}/{n.get('emergency', 0):<7}"
                     f" {r['alarms']:>5}/{ordinary:<7} {r['detected']:>6}/{n.get('emergency', 0):<7}"
                     f" {r['detect_alarms']:>5}/{ordinary:<7} {right.get('calm', 0):>5}/{n.get('calm', 0):<5}"
                     f" {model.threshold:9.3f} {fitted:6.1f}")
        ranked.append((min(right.get("emergency", 0), r["detected"]) / max(n.get("emergency", 0), 1)
                       - max(r["alarms"], r["detect_alarms"]) / max(ordinary, 1), lines[-1]))
        if len(lines) == 1:
            print(header)
        print(lines[-1], flush=True)
        if args.errors:
            for kind, q, gold, got in r["errors"]:
                print(f"    {kind:9} {gold or '-':20} -> {got or '-':20} {q}")

    def pooled(k: str) -> str:
        a, b = totals[k]
        return f"{a}/{b} {a / max(b, 1):6.1%}"

    print("\nworst first\n" + header)
    for _, line in sorted(ranked):
        print(line)
    print(f"{'all':10} {pooled('faq'):>16} {pooled('oos'):>15} {totals['emergency'][0]:>5}/{totals['emergency'][1]:<7}"
          f" {totals['alarms'][0]:>5}/{totals['alarms'][1]:<7}")
    all_times.sort()
    all_cpu.sort()
    print(f"time per question (detector + FAQ, one pass, cold caches per fold): wall p50 "
          f"{statistics.median(all_times):.2f} ms, p99 {all_times[int(0.99 * len(all_times))]:.2f} ms; CPU p50 "
          f"{statistics.median(all_cpu):.2f} ms, p99 {all_cpu[int(0.99 * len(all_cpu))]:.2f} ms; "
          f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
