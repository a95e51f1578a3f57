"""Names read with and without the deconvolution (ocr/deblur.py), on the same cards.

    python -m bench.ocr_names [--seeds 44,45] [--n 250]

Reads each generated card twice with the full pipeline (`ocr.engine.read_bytes`), once as it
ships and once with the deconvolution switched off, and prints the names right both ways, split
by the blur the photo was given. The first rows of the tuning table in docs/benchmarks.md ("KTP
reading", session 5) are this script on seeds 44 and 45.
"""
from __future__ import annotations

import argparse
import os
import time

from ocr import deblur


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seeds", default="44,45")
    p.add_argument("--n", type=int, default=250, help="cards a seed")
    args = p.parse_args(argv)
    from ocr.engine import load_reader, read_bytes
    from ocr.synthetic import make_card

    reader = load_reader(threads=1)
    shipped = deblur.MIN_SIGMA
    right: dict[float, list[int]] = {}  # photo blur -> [cards, right without, right with]
    t0, load0 = time.perf_counter(), os.getloadavg()[0]
    for seed in (int(s) for s in args.seeds.split(",")):
        for i in range(args.n):
            jpeg, truth = make_card(seed * 1_000_003 + i)
            counts = right.setdefault(truth["photo"]["blur"], [0, 0, 0])
            counts[0] += 1
            for column, min_sigma in ((1, float("inf")), (2, shipped)):
                deblur.MIN_SIGMA = min_sigma
                counts[column] += read_bytes(reader, jpeg, "card.jpg")["fields"]["nama"] == truth["fields"]["nama"]
    deblur.MIN_SIGMA = shipped
    total = [sum(c[k] for c in right.values()) for k in range(3)]
    print(f"names on {total[0]} cards (seeds {args.seeds}), {time.perf_counter() - t0:.0f} s, "
          f"load {load0:.1f} -> {os.getloadavg()[0]:.1f}")
    print(f"{'photo blur':>10s} {'cards':>6s} {'without':>8s} {'with':>6s}")
    for blur, (n, without, with_) in sorted(right.items()) + [("all", total)]:
        print(f"{blur:>10} {n:>6d} {without:>8d} {with_:>6d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
