"""The name reading with and without the deconvolution (ocr/deblur.py), on the same crops.

    python bench/ocr_names.py [--seeds 44,45] [--n 250]

Reads each generated card with the full pipeline to get the name crops it cuts, then reads those
crops with the deconvolution and with it switched off, and builds the name as `ocr.fields` does
from the row's readings (a card whose name row was not found counts as wrong both ways); prints
the names right both ways, split by the blur the photo was given. The first two rows of the tuning table in docs/benchmarks.md
("KTP reading", session 5) are this script on seeds 44+45 and 46+47.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ocr import deblur, names  # noqa: E402
from ocr.fields import FRAGMENT_CONF, MIN_CONF, _clean_words, _strip_colon  # noqa: E402


def name_from(readings: list[tuple[str, float]]) -> str | None:
    """The name field as `ocr.fields` builds it from the row's readings."""
    kept = [t for t in readings if len(t[0].replace(" ", "")) >= 3 or t[1] >= FRAGMENT_CONF]
    kept = [t for t in (kept if any(t[0] for t in kept) else readings) if t[0].strip()]
    if not kept or min(c for _, c in kept) < MIN_CONF["nama"]:
        return None
    return _clean_words(_strip_colon(" ".join(t.strip() for t, _ in kept)))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seeds", default="44,45")
    p.add_argument("--n", type=int, default=250, help="cards a seed")
    args = p.parse_args(argv)
    from ocr.engine import load_reader, read_bytes
    from ocr.synthetic import make_card

    reader = load_reader(threads=1)
    crops: list = []
    read_name = names.read_name

    def keep_crop(reader, gray, box, names_=None):
        x0, x1, y0, y1 = box
        crops.append(gray[max(0, y0):max(0, y1), max(0, x0):max(0, x1)].copy())
        return read_name(reader, gray, box, names_)

    names.read_name = keep_crop
    right = {"with": {}, "without": {}}
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    for seed in (int(s) for s in args.seeds.split(",")):
        for i in range(args.n):
            jpeg, truth = make_card(seed * 1_000_003 + i)
            crops.clear()
            read_bytes(reader, jpeg, "card.jpg")
            blur, want = truth["photo"]["blur"], truth["fields"]["nama"]
            boxes = [[0, c.shape[1], 0, c.shape[0]] for c in crops]
            with_ = name_from([read_name(reader, c, b) for c, b in zip(crops, boxes)]) if crops else None
            sharp_only, deblur.MIN_SIGMA = deblur.MIN_SIGMA, float("inf")
            try:
                without = name_from([read_name(reader, c, b) for c, b in zip(crops, boxes)]) if crops else None
            finally:
                deblur.MIN_SIGMA = sharp_only
            for key, got in (("with", with_), ("without", without)):
                ok, n = right[key].get(blur, (0, 0))
                right[key][blur] = (ok + (got == want), n + 1)
    total = sum(n for _, n in right["with"].values())
    print(f"name crops of {total} cards (seeds {args.seeds}), {time.perf_counter() - t0:.0f} s, "
          f"load {load0:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"{'photo blur':>10s} {'cards':>6s} {'without':>8s} {'with':>6s}")
    for blur in sorted(right["with"]):
        n = right["with"][blur][1]
        print(f"{blur:>10} {n:>6d} {right['without'][blur][0]:>8d} {right['with'][blur][0]:>6d}")
    print(f"{'all':>10s} {total:>6d} {sum(ok for ok, _ in right['without'].values()):>8d} "
          f"{sum(ok for ok, _ in right['with'].values()):>6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
