"""Renderer "f": synthetic phone photos of Indonesian e-KTP cards with ground truth.

    python bench/cards/render_f.py --n N --seed S --out DIR [--negatives]

Writes DIR/f_<seed>_<i:04d>.jpg (negatives: DIR/f_<seed>_neg_<i:04d>.jpg) and appends one
JSON line per photo to DIR/truth.jsonl. Every photo is a pure function of (seed, i).
The parts live in the sibling package renderf_parts/.
"""
import argparse
import json
import os

import numpy as np

from renderf_parts import fonts
from renderf_parts.card import render_card
from renderf_parts.fields import random_identity
from renderf_parts.negatives import make_negative
from renderf_parts.photo import photograph

# Debian packages of the fonts this renderer draws with (see renderf_parts/fonts.py)
FONT_PACKAGES = ["fonts-crosextra-carlito", "fonts-cantarell", "fonts-b612", "fonts-oxygen",
                 "fonts-hack", "fonts-jetbrains-mono"]


def render_positive(seed, i):
    rng = np.random.default_rng([seed, i, 1])
    fields, extra = random_identity(rng)
    card, boxes, card_eff = render_card(fields, extra, rng)
    data, eff = photograph(np.asarray(card), rng, boxes=boxes)
    eff["card"] = card_eff
    eff["card_design_px"] = [card.width, card.height]  # "corners" map this design onto the photo
    eff["value_boxes_design_px"] = {k: list(b) for k, b in boxes.items()}
    eff["issue_place"] = extra["issue_place"]
    eff["issue_date"] = extra["issue_date"]
    return f"f_{seed}_{i:04d}.jpg", data, {"fields": fields, "effects": eff}


def render_negative(seed, i):
    rng = np.random.default_rng([seed, i, 2])
    kind, obj = make_negative(rng)
    data, eff = photograph(obj, rng, boxes=None, fingers_ok=kind not in ("cat_blob", "plain_scene"))
    return f"f_{seed}_neg_{i:04d}.jpg", data, {"fields": None, "kind": kind, "effects": eff}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="draw photos that are not a KTP")
    args = ap.parse_args()
    fonts.check_fonts()
    os.makedirs(args.out, exist_ok=True)
    render = render_negative if args.negatives else render_positive
    with open(os.path.join(args.out, "truth.jsonl"), "a", encoding="utf-8") as truth:
        for i in range(args.n):
            name, data, rec = render(args.seed, i)
            with open(os.path.join(args.out, name), "wb") as fh:
                fh.write(data)
            row = {"image": name, "renderer": "f", **rec}
            truth.write(json.dumps(row, ensure_ascii=False) + "\n")
            truth.flush()


if __name__ == "__main__":
    main()
