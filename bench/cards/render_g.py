#!/usr/bin/env python
"""Renderer "g": synthetic phone photos of Indonesian e-KTP cards with ground truth (written 2026-12-07 by a
helper given only a description of a KTP, without the reader or the other renderers; held out).

python render_g.py --n N --seed S --out DIR [--negatives]
Every photo is a pure function of (seed, i) (and of --negatives).
"""
import argparse
import json
import os

import numpy as np  # noqa: E402

FONT_PACKAGES = ["fonts-liberation2", "fonts-liberation", "fonts-croscore", "fonts-urw-base35",
                 "fonts-freefont-ttf", "fonts-dejavu-core", "fonts-roboto-unhinted",
                 "fonts-open-sans", "fonts-noto-core"]

from renderg_parts.people import make_person  # noqa: E402
from renderg_parts.card import render_card, CARD_W_MM, CARD_H_MM  # noqa: E402
from renderg_parts.photo import shoot  # noqa: E402


def rng_for(seed, i, kind):
    return np.random.default_rng([int(seed) & 0xFFFFFFFF, int(i), kind, 0x6B7450])


def render_ktp(seed, i):
    rng = rng_for(seed, i, 1)
    hard = bool((i + seed) % 3 == 0)   # exactly a third of the photos are hard
    fields, extra = make_person(rng)
    card_rng = np.random.default_rng(rng.integers(1 << 62))

    def make_obj(px_w):
        ppm = float(np.clip(px_w / CARD_W_MM * 1.15, 7.0, 26.0))
        rgb, alpha, style = render_card(card_rng, fields, extra, ppm, hard)
        return rgb, alpha, {"card_style": style, "card_ppm": round(ppm, 2)}

    img, eff = shoot(rng, make_obj, CARD_W_MM / CARD_H_MM, hard)
    return img, fields, eff


def render_negative(seed, i):
    from renderg_parts.negatives import render_negative as rn
    rng = rng_for(seed, i, 2)
    return rn(rng, shoot, i, seed)


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true")
    ap.add_argument("--start", type=int, default=0, help="first index (default 0)")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    truth = os.path.join(a.out, "truth.jsonl")
    for i in range(a.start, a.start + a.n):
        if a.negatives:
            name = "g_%d_neg_%04d.jpg" % (a.seed, i)
            img, eff = render_negative(a.seed, i)
            fields = None
        else:
            name = "g_%d_%04d.jpg" % (a.seed, i)
            img, fields, eff = render_ktp(a.seed, i)
        q = eff.get("jpeg_quality", 85)
        img.save(os.path.join(a.out, name), "JPEG", quality=q)
        rec = {"image": name, "renderer": "g", "fields": fields, "effects": eff}
        with open(truth, "a") as fh:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(name, flush=True)


if __name__ == "__main__":
    main()
