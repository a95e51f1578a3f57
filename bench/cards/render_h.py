#!/usr/bin/env python3
"""Renderer "h": synthetic phone photos of Indonesian e-KTP cards, with ground truth (written
2026-12-07 by a helper given only a description of a KTP, the truth file's format and the region
code list, without the reader or the other renderers; held out).

    python render_h.py --n N --seed S --out DIR [--negatives] [--start I]
"""
import argparse
import json
import os

import cv2
import numpy as np

cv2.setNumThreads(1)

from renderh_parts import camera as C  # noqa: E402
from renderh_parts.card import draw_card  # noqa: E402
from renderh_parts.data import make_identity  # noqa: E402
from renderh_parts.photo import make_photo  # noqa: E402
from renderh_parts.negatives import make_negative  # noqa: E402


def rng_for(seed, i, neg):
    return np.random.default_rng(np.random.SeedSequence([int(seed), int(i), 1 if neg else 0, 0x4B5450]))


def render_one(seed, i, neg):
    rng = rng_for(seed, i, neg)
    if neg:
        img, q, eff = make_negative(rng)
        fields = None
    else:
        fields, extra = make_identity(rng)
        img, q, eff = make_photo(rng, lambda r, p: draw_card(r, fields, extra, p), (85.6, 54.0))
    return C.encode(img, q), fields, eff


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true")
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    for i in range(a.start, a.start + a.n):
        name = "h_%d_%s%04d.jpg" % (a.seed, "neg_" if a.negatives else "", i)
        data, fields, eff = render_one(a.seed, i, a.negatives)
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(data)
        rec = {"image": name, "renderer": "h", "fields": fields, "effects": eff}
        with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as f:
            f.write(json.dumps(rec, ensure_ascii=False, default=_conv) + "\n")


def _conv(o):
    if isinstance(o, (np.integer,)):
        return int(o)
    if isinstance(o, (np.floating,)):
        return float(o)
    if isinstance(o, np.bool_):
        return bool(o)
    if isinstance(o, np.ndarray):
        return o.tolist()
    return str(o)


if __name__ == "__main__":
    main()
