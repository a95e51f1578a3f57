#!/usr/bin/env python
"""Synthetic phone photos of Indonesian e-KTP cards (renderer k), with ground truth.

python render_k.py --n N --seed S --out DIR [--negatives] [--start I]
Each photo depends only on (seed, index): same seed and index -> same photo.
"""
FONT_PACKAGES = ["fonts-croscore", "fonts-liberation", "fonts-liberation2", "fonts-arkpandora",
                 "fonts-urw-base35", "fonts-dejavu-core", "fonts-dejavu-extra", "fonts-roboto-unhinted",
                 "fonts-open-sans", "fonts-noto-core", "fonts-lato", "fonts-freefont-ttf",
                 "fonts-crosextra-carlito", "fonts-opendin", "fonts-oxygen", "fonts-go", "fonts-ocr-b"]

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from renderk_parts.card import render_card  # noqa: E402
from renderk_parts.geometry import choose_frame  # noqa: E402
from renderk_parts.negatives import render_negative  # noqa: E402
from renderk_parts.pipeline import photograph  # noqa: E402
from renderk_parts.util import R  # noqa: E402
from renderk_parts.values import make_fields  # noqa: E402

RENDERER = "k"


def render_one(seed, index):
    """Return (file name, JPEG bytes, truth record) of card `index`."""
    fields, extra = make_fields(R(seed, index, 1))
    prng = R(seed, index, 3)
    W, H = choose_frame(prng)
    s = min(24.0, max(10.0, max(W, H) * 0.75 / 85.6))
    card, info = render_card(R(seed, index, 2), fields, extra, s)
    buf, eff = photograph(prng, card, "card", frame=(W, H), cap_frac=info["cap"] / 85.6)
    eff["card"] = info
    name = f"{RENDERER}_{seed}_{index:04d}.jpg"
    return name, buf, {"image": name, "renderer": RENDERER, "fields": fields, "effects": eff}


def render_neg(seed, index):
    prng = R(seed, index, 7)
    W, H = choose_frame(prng)
    buf, eff = render_negative(R(seed, index, 6), prng, (W, H))
    name = f"{RENDERER}_{seed}_neg_{index:04d}.jpg"
    return name, buf, {"image": name, "renderer": RENDERER, "fields": None, "effects": eff}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="render non-KTP photos instead")
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    with open(os.path.join(a.out, "truth.jsonl"), "a") as tf:
        for i in range(a.start, a.start + a.n):
            name, buf, rec = (render_neg if a.negatives else render_one)(a.seed, i)
            with open(os.path.join(a.out, name), "wb") as fh:
                fh.write(buf)
            tf.write(json.dumps(rec, ensure_ascii=False) + "\n")
            tf.flush()
    print(f"{a.n} {'negatives' if a.negatives else 'cards'} in {time.time() - t0:.1f}s -> {a.out}")


if __name__ == "__main__":
    main()
