#!/usr/bin/env python
"""Renderer "i": synthetic phone photos of Indonesian e-KTP cards (and of things that are not e-KTPs),
with ground truth (written 2026-12-07 by a helper given only a description of a KTP and of the
photos, the truth file's format and the region code list, without the reader or the other
renderers; held out).

python render_i.py --n N --seed S --out DIR [--negatives] [--start I]
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from renderi_parts import ktp, negatives, photo  # noqa: E402


# the Debian packages of the fonts it draws with (renderi_parts/fonts.py: a family not installed is
# left out, so another machine would draw other cards): scripts/bench-fonts.sh installs them
FONT_PACKAGES = ["fonts-arkpandora", "fonts-b612", "fonts-cantarell", "fonts-croscore", "fonts-crosextra-carlito",
                 "fonts-dejavu-core", "fonts-dejavu-extra", "fonts-freefont-ttf", "fonts-go", "fonts-hack",
                 "fonts-jetbrains-mono", "fonts-lato", "fonts-liberation", "fonts-noto-core", "fonts-ocr-b",
                 "fonts-open-sans", "fonts-opendin", "fonts-oxygen", "fonts-roboto-unhinted", "fonts-urw-base35"]


def rng_for(seed, index, negative):
    return np.random.default_rng(np.random.SeedSequence([int(seed), int(index), 1 if negative else 0, 0x6B7470]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true")
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    truth_path = os.path.join(a.out, "truth.jsonl")
    for i in range(a.start, a.start + a.n):
        rng = rng_for(a.seed, i, a.negatives)
        if a.negatives:
            name = f"i_{a.seed}_neg_{i:04d}.jpg"
            u8, effects = negatives.make(rng)
            fields = None
        else:
            name = f"i_{a.seed}_{i:04d}.jpg"
            u8, fields, effects = ktp.make(rng)
        data = photo.jpeg_bytes(u8, effects["jpeg_quality"])
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(data)
        line = {"image": name, "renderer": "i", "fields": fields, "effects": effects}
        with open(truth_path, "a") as f:
            f.write(json.dumps(line, ensure_ascii=False, default=_jsonable) + "\n")


def _jsonable(o):
    if isinstance(o, (np.integer,)):
        return int(o)
    if isinstance(o, (np.floating,)):
        return float(o)
    if isinstance(o, np.ndarray):
        return o.tolist()
    if hasattr(o, "isoformat"):
        return o.isoformat()
    return str(o)


if __name__ == "__main__":
    main()
