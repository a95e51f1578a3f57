"""Emergency detector benchmark on a blind question set (question<TAB>intent<TAB>kind).

    python -m bench.emergency tests/nlp/data/blind_calibration.tsv [--config PATH] [--list]

Kinds: faq (an in-scope question), oos (out of scope, no intent), emergency (intent darurat),
calm (an ordinary question that mentions an illness, an accident or a past emergency). Prints,
for `FaqMatcher.match` with the emergency detector (after) and without it (before, the FAQ
alone): emergencies reported as darurat, false alarms (darurat on faq/oos/calm), FAQ top-1 on
kind faq, out-of-scope rejection on kind oos, top-1 on kind calm; and the detector's own time
per message; and the detector alone (its rules, then its learned model), which is what alerts the staff in the bot. `--list` prints
every missed emergency and every false alarm.
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from nlp.emergency import _tag, detect
from nlp.faq import FaqMatcher
from settings import load_settings

ROOT = Path(__file__).resolve().parents[1]


def read_blind(path: Path) -> list[tuple[str, str | None, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, intent, kind = line.split("\t")
        rows.append((question.strip(), intent.strip() or None, kind.strip()))
    return rows


def figures(matcher: FaqMatcher, rows) -> dict:
    out = {"n": {}, "darurat": {}, "top1": {}, "rejected": 0, "missed": [], "alarms": []}
    for q, gold, kind in rows:
        r = matcher.match(q)
        out["n"][kind] = out["n"].get(kind, 0) + 1
        out["darurat"][kind] = out["darurat"].get(kind, 0) + (r.intent == "darurat")
        out["top1"][kind] = out["top1"].get(kind, 0) + (r.intent == gold)
        out["rejected"] += kind == "oos" and r.intent is None
        if kind == "emergency" and r.intent != "darurat":
            out["missed"].append((q, r.intent))
        if kind != "emergency" and r.intent == "darurat" and gold != "darurat":
            out["alarms"].append((kind, q, r.emergency or "FAQ"))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--config", type=Path, default=None)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    rows = read_blind(args.file)
    settings = load_settings(args.config)
    print(f"file: {args.file}")
    for label, on in (("before (FAQ alone)", False), ("after (detector first)", True)):
        f = figures(FaqMatcher(settings, emergencies=on), rows)
        n = f["n"]
        ordinary = sum(n.get(k, 0) for k in ("faq", "oos", "calm"))
        alarms = len(f["alarms"])  # darurat on a question whose intent is not darurat
        print(f"\n{label}")
        print(f"  emergencies reported as darurat: {f['darurat'].get('emergency', 0)}/{n.get('emergency', 0)}")
        print(f"  false alarms (faq/oos/calm):     {alarms}/{ordinary} ({alarms / max(ordinary, 1):.1%}); "
              + ", ".join(f"{k} {f['darurat'].get(k, 0)}/{n.get(k, 0)}" for k in ("faq", "oos", "calm")))
        print(f"  FAQ top-1 on kind faq:           {f['top1'].get('faq', 0)}/{n.get('faq', 0)} "
              f"({f['top1'].get('faq', 0) / max(n.get('faq', 0), 1):.1%})")
        print(f"  out-of-scope rejection (oos):    {f['rejected']}/{n.get('oos', 0)} "
              f"({f['rejected'] / max(n.get('oos', 0), 1):.1%})")
        print(f"  top-1 on kind calm:              {f['top1'].get('calm', 0)}/{n.get('calm', 0)}")
        if args.list:
            for q, got in f["missed"]:
                print(f"    missed: {q!r} -> {got}")
            for kind, q, by in f["alarms"]:
                print(f"    false alarm ({kind}, by {by}): {q!r}")
    # What alerts the staff in the bot (handlers/emergency.py): the detector alone. The FAQ's own
    # `darurat` intent answers with the emergency numbers but alerts no one.
    # a question whose intent is darurat ("nomor ambulans", "anak kejang gmn ini") is no false alarm
    hits = [(kind if kind == "emergency" or gold != "darurat" else "darurat", q, detect(q)) for q, gold, kind in rows]
    n_em = sum(kind == "emergency" for kind, _, _ in hits)
    alerted = sum(kind == "emergency" and d is not None for kind, _, d in hits)
    false_alerts = [(kind, q, d.kind) for kind, q, d in hits if kind not in ("emergency", "darurat") and d is not None]
    ordinary = sum(kind not in ("emergency", "darurat") for kind, _, _ in hits)
    print("\ndetector alone (what alerts the staff)")
    print(f"  emergencies alerted:             {alerted}/{n_em} ({alerted / max(n_em, 1):.1%})")
    print(f"  false alerts (faq/oos/calm):     {len(false_alerts)}/{ordinary} ({len(false_alerts) / max(ordinary, 1):.1%})")
    if args.list:
        for kind, q, d in false_alerts:
            print(f"    false alert ({kind}, {d}): {q!r}")
    times, cpu = [], []
    for _ in range(3):
        _tag.cache_clear()  # each pass starts with an empty per-token cache
        for q, _, _ in rows:
            c0, t0 = time.thread_time(), time.perf_counter()
            detect(q)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    times.sort()
    cpu.sort()
    p50, p99 = statistics.median(times), times[int(len(times) * 0.99)]
    print(f"\ndetector time per message: p50 {p50:.2f} ms, p99 {p99:.2f} ms (wall, includes waiting for a "
          f"busy core); CPU p50 {statistics.median(cpu):.2f} ms, p99 {cpu[int(len(cpu) * 0.99)]:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
