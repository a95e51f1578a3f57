"""KTP reading per card renderer: PusQue's reader beside plain easyocr, and the pre-fill threshold
chosen leaving one renderer out.

    python -m bench.ocr [--renderers a,b,c,d,e,f,g,h,i,j,k,l] [--n 100] [--seed 901] [--naive 10] [--negatives 20]
    python -m bench.ocr --quick            # 8 cards a renderer, 3 naive, 8 negatives

Renderers: bench/card_sets.py. For each renderer the reader's output is cached in
bench/out/ocr/<renderer>_<seed>_<n>.jsonl (delete it to read again). Then:

- per renderer: each field right / pre-filled wrong / left empty (against the truth in the reader's
  format: a validity date printed DD-MM-YYYY is compared as the ISO date the reader gives), the ten main fields all right on
  a card, the share of main fields pre-filled wrong, median and p90 seconds a card;
- leave one out: for each tuning renderer (TUNED: a, b, c, d, e, g, h, i) the pre-fill threshold
  (`ocr.min_confidence`, applied as `ocr.prefill` does: a field read with less confidence is left
  empty and asked) is chosen on the other tuning renderers (the lowest threshold whose wrong
  pre-fills stay <= TARGET_WRONG there) and applied to the one left out; f (and any renderer not
  in TUNED) is reported with the threshold chosen on all the tuning renderers and is never used to
  choose anything;
- plain easyocr (`readtext` on the raw photo with a loaded Reader, NIK = first 16-digit run, name =
  the text after "Nama", birth date = first dd-mm-yyyy) on the first --naive cards of each renderer;
- negatives (render_d, e, g, h, i and j --negatives: driving licences, bank, student and health cards,
  receipts, family-card sheets, letters, scenes): each must come back "not a KTP" or an error,
  never with a NIK.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

from bench.card_sets import cards
from ocr.fields import FIELDS

MAIN = ("nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "alamat", "rt_rw", "kel_desa",
        "kecamatan", "agama")
TUNED = ("a", "b", "c", "d", "e", "g", "h", "i", "k")  # renderers the reader was developed on; the others are held out
NEGATIVES = ("negatives", "negatives_e", "negatives_g", "negatives_h", "negatives_i", "negatives_j", "negatives_k",
             "negatives_l")  # render_d, e, g, h, i, j, k and l: photos of things that are not a KTP
TARGET_WRONG = 0.02  # wrong pre-fills allowed on the tuning renderers when choosing the threshold
THRESHOLDS = [round(0.05 * i, 2) for i in range(0, 19)]
CACHE = Path(__file__).resolve().parent / "out" / "ocr"


def read_all(name: str, seed: int, n: int) -> list[dict]:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{name}_{seed}_{n}.jsonl"
    if path.exists():
        return [json.loads(line) for line in path.read_text().splitlines()]
    from ocr.engine import load_reader, read_bytes

    reader = load_reader(threads=1)
    out = []
    for image, jpeg, truth in cards(name, seed, n):
        res = read_bytes(reader, jpeg, image, max_bytes=30_000_000)
        res["truth"] = truth
        out.append(res)
    path.write_text("".join(json.dumps(r) + "\n" for r in out))
    return out


def truth_of(truth: dict) -> dict:
    """The true fields in the reader's own format: a validity date as an ISO date, like the birth
    date (the renderers write it as printed, DD-MM-YYYY, or as ISO)."""
    until = truth.get("berlaku_hingga")
    m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", until or "")
    return {**truth, "berlaku_hingga": f"{m.group(3)}-{m.group(2)}-{m.group(1)}"} if m else truth


def score(results: list[dict], threshold: float) -> dict:
    """Fields as the patient sees them pre-filled (`ocr.prefill`) against the truth."""
    from ocr.prefill import prefilled

    n = len(results)
    right = {k: 0 for k in FIELDS}
    wrong = {k: 0 for k in FIELDS}
    whole = 0
    for r in results:
        ok = True
        shown = prefilled(r, threshold)
        truth = truth_of(r["truth"])
        for k in FIELDS:
            v = shown[k]
            if v == truth[k]:
                right[k] += 1
            else:
                if k in MAIN:
                    ok = False
                if v is not None:
                    wrong[k] += 1
        whole += ok
    wrong_main = sum(wrong[k] for k in MAIN) / (n * len(MAIN)) if n else 0.0
    return {"n": n, "right": right, "wrong": wrong, "whole": whole / n if n else 0.0, "wrong_main": wrong_main}


def choose_threshold(results: list[dict]) -> float:
    for t in THRESHOLDS:
        if score(results, t)["wrong_main"] <= TARGET_WRONG:
            return t
    return THRESHOLDS[-1]


def pct(x: float) -> str:
    return f"{100 * x:5.1f}%"


def seconds(results: list[dict]) -> tuple[float, float]:
    s = sorted(r["seconds"] for r in results)
    return statistics.median(s), s[int(0.9 * (len(s) - 1))]


def naive_read(reader, jpeg: bytes) -> tuple[dict, float]:
    import cv2
    import numpy as np

    start = time.perf_counter()
    img = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    texts = [t for _, t, _ in reader.readtext(img)]
    secs = time.perf_counter() - start
    joined = " ".join(texts)
    nik = re.search(r"\d{16}", joined.replace(" ", ""))
    name = None
    for i, t in enumerate(texts[:-1]):
        if t.strip(" :").lower() == "nama":
            name = texts[i + 1].strip(" :").upper()
            break
    date = re.search(r"(\d{2})-(\d{2})-(\d{4})", joined)
    return {"nik": nik.group(0) if nik else None, "nama": name,
            "tanggal_lahir": f"{date.group(3)}-{date.group(2)}-{date.group(1)}" if date else None}, secs


def report(name: str, results: list[dict], threshold: float, note: str) -> None:
    s = score(results, threshold)
    med, p90 = seconds(results)
    print(f"\nrenderer {name}: {s['n']} cards, threshold {threshold:.2f} ({note})")
    print(f"  {'field':18s} {'right':>7s} {'wrong':>7s} {'empty':>7s}")
    for k in FIELDS:
        empty = s["n"] - s["right"][k] - s["wrong"][k]
        print(f"  {k:18s} {pct(s['right'][k] / s['n'])} {pct(s['wrong'][k] / s['n'])} {pct(empty / s['n'])}")
    print(f"  ten main fields all right: {pct(s['whole'])}; main fields pre-filled wrong: {pct(s['wrong_main'])}; "
          f"seconds a card: median {med:.2f}, p90 {p90:.2f}")
    print(f"  of the addresses pre-filled wrong, the same letters and digits as printed (only a space or a dot "
          f"differs, as NO.26 / NO. 26): {address_spacing(results, threshold)} of {s['wrong']['alamat']}")


def address_spacing(results: list[dict], threshold: float) -> int:
    """Addresses pre-filled wrong that differ from the card only in spaces and dots: the reader writes
    JL. and NO. one way, cards print them several ways. Reported beside the strict count, never in it."""
    from ocr.prefill import prefilled

    def bare(text: str) -> str:
        return re.sub(r"[\s.]", "", text)

    count = 0
    for r in results:
        shown, truth = prefilled(r, threshold)["alamat"], r["truth"]["alamat"]
        count += shown is not None and shown != truth and bare(shown) == bare(truth)
    return count


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--renderers", default="a,b,c,d,e,f,g,h,i,j,k,l")
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--seed", type=int, default=901)
    p.add_argument("--naive", type=int, default=10, help="cards a renderer for plain easyocr (slow)")
    p.add_argument("--negatives", type=int, default=20)
    p.add_argument("--quick", action="store_true")
    args = p.parse_args(argv)
    if args.quick:
        args.n, args.naive, args.negatives = 8, 3, 8
    names = args.renderers.split(",")
    load0 = os.getloadavg()[0]
    results = {name: read_all(name, args.seed, args.n) for name in names}
    print(f"KTP reading, seed {args.seed}, {args.n} cards a renderer; machine: {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, load average {load0:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    tuned = [x for x in names if x in TUNED]
    summary = []
    for name in names:
        others = [r for x in tuned if x != name for r in results[x]]
        if name not in tuned:
            t, note = choose_threshold(others), f"chosen on {'+'.join(x for x in tuned if x != name)}"
        else:
            t, note = choose_threshold(others), f"chosen on {'+'.join(x for x in tuned if x != name)}, {name} left out"
        report(name, results[name], t, note)
        s = score(results[name], t)
        summary.append((name, t, s, *seconds(results[name])))
    print("\nsummary (each renderer with a threshold not chosen on it), worst whole-card first:")
    print(f"  {'renderer':8s} {'thr':>5s} {'NIK':>7s} {'name':>7s} {'birth':>7s} {'all 10':>7s} {'wrong':>7s} {'p50 s':>6s} {'p90 s':>6s}")
    for name, t, s, med, p90 in sorted(summary, key=lambda x: x[2]["whole"]):
        n = s["n"]
        print(f"  {name:8s} {t:5.2f} {pct(s['right']['nik'] / n)} {pct(s['right']['nama'] / n)} "
              f"{pct(s['right']['tanggal_lahir'] / n)} {pct(s['whole'])} {pct(s['wrong_main'])} {med:6.2f} {p90:6.2f}")
    if args.negatives:
        from ocr.engine import load_reader, read_bytes

        reader = load_reader(threads=1)
        neg = [c for r in NEGATIVES for c in cards(r, args.seed, args.negatives)]
        bad = 0
        for image, jpeg, _ in neg:
            out = read_bytes(reader, jpeg, image, max_bytes=30_000_000)
            refused = "not a KTP" in out["problems"] or "error" in out
            if out["fields"]["nik"] is not None or not refused:
                bad += 1
                print(f"  negative {image}: {out['problems']} nik={out['fields']['nik']}", file=sys.stderr)
        print(f"\nnegatives (not a KTP): {len(neg) - bad} of {len(neg)} refused, {bad} given fields or a NIK")
    if args.naive:
        import warnings

        import easyocr
        import easyocr_en_models

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            plain = easyocr.Reader(["en"], gpu=False, model_storage_directory=easyocr_en_models.model_dir(),
                                   download_enabled=False, verbose=False)
        print("\nplain easyocr (readtext on the raw photo) against PusQue on the same cards:")
        for name in names:
            got = cards(name, args.seed, args.n)[: args.naive]
            k = len(got)
            rows = [naive_read(plain, jpeg) for _, jpeg, _ in got]
            parts = []
            for f in ("nik", "nama", "tanggal_lahir"):
                ok = sum(r[f] == truth[f] for (r, _), (_, _, truth) in zip(rows, got))
                ours = sum(res["fields"][f] == truth[f] for res, (_, _, truth) in zip(results[name][:k], got))
                parts.append(f"{f} {ok}/{k} vs {ours}/{k}")
            print(f"  {name}: " + ", ".join(parts) + f"; s/card {statistics.median(s for _, s in rows):.2f} vs "
                  f"{statistics.median(r['seconds'] for r in results[name][:k]):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
