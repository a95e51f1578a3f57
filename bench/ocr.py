"""KTP reading benchmark: PusQue's reader against the naive easyocr use, on generated cards.

    python bench/ocr.py [--n 100] [--seed 7] [--naive 8] [--quick] [--names-without-generator]

Cards come from ocr.synthetic (hard mode: tilt up to 15 deg, 90/180/270 turns, perspective, blur,
glare, JPEG 30-90). PusQue: one easyocr Reader loaded once, `ocr.engine.read_bytes` per card.
Naive (what the first PusQue did): a fresh `easyocr.Reader` per card and default `readtext` on the
raw photo, NIK = first 16-digit run, name = the box after "Nama", date = first dd-mm-yyyy; run on
the first --naive cards only (it takes ~10 s a card here).

Name accuracy is also split by whether every word of the true name is in the name list
(ocr/data/names.txt, partly overlapping the generator's words). --names-without-generator reads
with that list minus every word the generator can draw, so no benchmark name is in the list.
"""
from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr.fields import FIELDS  # noqa: E402
from ocr.synthetic import make_card  # noqa: E402

CORE = ("nik", "nama", "tanggal_lahir", "jenis_kelamin")


def naive_read(jpeg: bytes) -> tuple[dict, float]:
    import warnings

    import cv2
    import easyocr
    import easyocr_en_models
    import numpy as np

    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = easyocr.Reader(["en"], gpu=False, model_storage_directory=easyocr_en_models.model_dir(),
                                download_enabled=False, verbose=False)
    img = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    texts = [t for _, t, _ in reader.readtext(img)]
    seconds = time.perf_counter() - start
    joined = " ".join(texts)
    nik = re.search(r"\d{16}", joined.replace(" ", ""))
    name = None
    for i, t in enumerate(texts[:-1]):
        if t.strip(" :").lower() == "nama":
            name = texts[i + 1].strip(" :").upper()
            break
    date = re.search(r"(\d{2})-(\d{2})-(\d{4})", joined)
    return {"nik": nik.group(0) if nik else None, "nama": name,
            "tanggal_lahir": f"{date.group(3)}-{date.group(2)}-{date.group(1)}" if date else None}, seconds


def pct(a: int, n: int) -> str:
    return f"{100.0 * a / n:5.1f}%" if n else "  n/a"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--naive", type=int, default=8, help="cards for the naive side (slow)")
    p.add_argument("--quick", action="store_true", help="10 cards, 2 naive")
    p.add_argument("--names-without-generator", action="store_true",
                   help="read with the name list minus the generator's name words")
    args = p.parse_args(argv)
    from ocr import lexicon, synthetic

    if args.names_without_generator:
        import tempfile

        kept = sorted(lexicon.load_names() - set(synthetic.FIRST) - set(synthetic.LAST))
        tmp = Path(tempfile.mkdtemp()) / "names.txt"
        tmp.write_text("\n".join(kept) + "\n", encoding="utf-8")
        os.environ["PUSQUE_OCR_NAMES"] = str(tmp)
    names = lexicon.load_names()
    if args.quick:
        args.n, args.naive = 10, 2
    load0 = os.getloadavg()
    cards = [make_card(args.seed * 1_000_003 + i) for i in range(args.n)]

    from ocr.engine import load_reader, read_bytes

    t = time.perf_counter()
    reader = load_reader(threads=1)
    load_s = time.perf_counter() - t
    results, secs, cpus = [], [], []
    for i, (jpeg, truth) in enumerate(cards):
        c0 = time.process_time()
        out = read_bytes(reader, jpeg, f"card_{i:04d}.jpg")
        cpus.append(time.process_time() - c0)
        secs.append(out["seconds"])
        results.append(out)
        bad = {k: (truth["fields"][k], out["fields"][k]) for k in CORE if out["fields"][k] != truth["fields"][k]}
        if bad:
            print(f"  card {i:3d} turn={truth['photo']['turn']:3d} blur={truth['photo']['blur']} "
                  f"q={truth['photo']['quality']} misses {bad}", file=sys.stderr)
    n = len(cards)
    print(f"\nKTP reading on {n} generated cards (seed {args.seed}); machine: {os.cpu_count()} cores, "
          f"{platform.python_version()}, load average {load0[0]:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    print(f"PusQue model load once: {load_s:.1f} s\n")
    print(f"{'field':20s} {'correct':>8s} {'wrong':>7s} {'null':>7s}")
    for k in FIELDS:
        ok = sum(r["fields"][k] == c[1]["fields"][k] for r, c in zip(results, cards))
        null = sum(r["fields"][k] is None for r in results)
        print(f"{k:20s} {pct(ok, n):>8s} {pct(n - ok - null, n):>7s} {pct(null, n):>7s}")
    inside = [all(w in names for w in c[1]["fields"]["nama"].split()) for c in cards]
    for flag, label in ((True, "every word in the name list"), (False, "a word outside the name list")):
        sub = [(r, c) for r, c, f in zip(results, cards, inside) if f == flag]
        ok = sum(r["fields"]["nama"] == c[1]["fields"]["nama"] for r, c in sub)
        wrong = sum(r["fields"]["nama"] not in (None, c[1]["fields"]["nama"]) for r, c in sub)
        print(f"  nama, {label} ({len(sub)} cards): {pct(ok, len(sub))} correct, {pct(wrong, len(sub))} wrong")
    whole = sum(all(r["fields"][k] == c[1]["fields"][k] for k in FIELDS) for r, c in zip(results, cards))
    core = sum(all(r["fields"][k] == c[1]["fields"][k] for k in CORE) for r, c in zip(results, cards))
    valid_wrong = sum(r["nik_valid"] and r["fields"]["nik"] != c[1]["fields"]["nik"] for r, c in zip(results, cards))
    print(f"\nwhole card, all 17 fields exact: {pct(whole, n)}")
    print(f"whole card, NIK+name+birth date+sex exact: {pct(core, n)}")
    print(f"NIK wrong but nik_valid=true: {valid_wrong} of {n}")
    print(f"seconds per card: median {statistics.median(secs):.2f}, p90 {sorted(secs)[int(0.9 * (n - 1))]:.2f}, "
          f"max {max(secs):.2f}; CPU seconds median {statistics.median(cpus):.2f}")
    if args.naive:
        k = min(args.naive, n)
        nres, nsecs = [], []
        for jpeg, _ in cards[:k]:
            fields, s = naive_read(jpeg)
            nres.append(fields)
            nsecs.append(s)
        print(f"\nnaive (fresh Reader + readtext on the raw photo), first {k} cards:")
        for f in ("nik", "nama", "tanggal_lahir"):
            ok = sum(r[f] == c[1]["fields"][f] for r, c in zip(nres, cards))
            ours = sum(r["fields"][f] == c[1]["fields"][f] for r, c in zip(results[:k], cards))
            print(f"  {f:14s} naive {pct(ok, k)}   PusQue on the same cards {pct(ours, k)}")
        print(f"  seconds per card: naive median {statistics.median(nsecs):.2f}, "
              f"PusQue on the same cards {statistics.median(secs[:k]):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
