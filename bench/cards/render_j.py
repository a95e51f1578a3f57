#!/usr/bin/env python3
"""Renderer "j": synthetic phone photos of Indonesian e-KTP cards with ground truth (written
2026-12-07 by a helper given only a description of a KTP and of the photos, the truth file's
format and the region code list, without the reader or the other renderers; held out).

python render_j.py --n N --seed S --out DIR [--negatives] [--start I]
"""
# Debian packages that provide the fonts used (every font under /usr/share/fonts that draws Latin
# capitals and digits; found with `dpkg -S`).
FONT_PACKAGES = [
    "fonts-arkpandora", "fonts-b612", "fonts-cantarell", "fonts-croscore", "fonts-crosextra-carlito",
    "fonts-dejavu-core", "fonts-dejavu-extra", "fonts-freefont-ttf", "fonts-go", "fonts-hack",
    "fonts-jetbrains-mono", "fonts-lato", "fonts-liberation", "fonts-liberation2", "fonts-noto-core",
    "fonts-ocr-b", "fonts-open-sans", "fonts-opendin", "fonts-oxygen", "fonts-roboto-unhinted",
    "fonts-urw-base35",
]

import argparse
import json
import os
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from renderj_parts import card, data, negatives, photo, scene  # noqa: E402

CARD_ASPECT = 85.6 / 54
HARD_MODE_P = 0.08


def encode(rng, out, eff, hard_mode):
    if rng.random() < 0.07:
        out, e = scene.screenshot(rng, out)
        eff["screenshot"] = e["screen"]
    q = int(rng.integers(30, 91))
    if hard_mode == "jpeg":
        q = int(rng.integers(30, 36))
    eff["jpeg_quality"] = q
    ok, buf = cv2.imencode(".jpg", out[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, q])
    return buf.tobytes(), q


def render_one(seed, index):
    rng = np.random.default_rng([seed, index, 0])
    fields, extra = data.make_fields(rng)
    hard_mode = rng.random() < HARD_MODE_P
    p = photo.plan(rng, hard_mode, CARD_ASPECT)
    cw = int(np.clip(p["doc_w_px"] * p["final"][0] / p["work"][0] * 1.1, 420, 2000))
    rgb, alpha, info = card.render_card(rng, fields, extra, cw)
    caps = {"nama": info["value_cap"], "nik": info["nik_cap"]}
    out, eff, leg = photo.shoot(rng, p, rgb, alpha, info["boxes"], caps)
    effects = dict(info["effects"])
    effects.update(eff)
    if p["hard_mode"]:
        effects["hard_mode"] = p["hard_mode"]
    jpg, q = encode(rng, out, effects, p["hard_mode"])
    hard, reasons = photo.judge_hard(leg)
    if q < 36 and min(leg["cap_px"].values()) < 7.5:
        hard, reasons = True, reasons + ["jpeg"]
    effects["name_cap_px"] = round(leg["cap_px"]["nama"], 1)
    effects["nik_cap_px"] = round(leg["cap_px"]["nik"], 1)
    effects["hard"] = bool(hard)
    if reasons:
        effects["hard_reasons"] = reasons
    return jpg, fields, effects


def render_negative(seed, index):
    rng = np.random.default_rng([seed, index, 1])
    kind = negatives.KINDS[(index + seed) % len(negatives.KINDS)]
    if kind in ("pet", "room", "wall"):
        p = photo.plan(rng, False, 1.0)
        p["hand"] = False
        wf, hf = p["work"]
        surf = np.clip(negatives.scene_img(rng, kind, hf, wf), 0, 1).astype(np.float32)
        layer, alpha = np.zeros((8, 8, 3), np.uint8), np.zeros((8, 8), np.uint8)
        out, eff, _ = photo.shoot(rng, p, layer, alpha, surface=surf)
    else:
        if kind in ("sim", "atm", "student", "bpjs"):
            aspect = CARD_ASPECT
        else:
            aspect = {"receipt": 0.4, "letter": 1 / 1.414, "kk": 1.414}[kind]
        p = photo.plan(rng, False, aspect)
        if kind not in ("sim", "atm", "student", "bpjs"):
            p["hand"] = False
        w = int(np.clip(p["doc_w_px"] * p["final"][0] / p["work"][0] * 1.1, 420, 2000))
        if kind in ("sim", "atm", "student", "bpjs"):
            layer, alpha = negatives.card_doc(rng, kind, w)
        else:
            layer, alpha = negatives.paper_doc(rng, kind, w if kind != "receipt" else int(w / 0.45))
        # keep the planned size consistent with the actual layer aspect
        asp = layer.shape[1] / layer.shape[0]
        p["doc_w_px"] = p["doc_h_px"] * asp
        out, eff, _ = photo.shoot(rng, p, layer, alpha)
    eff["negative_kind"] = kind
    jpg, q = encode(rng, out, eff, None)
    eff["hard"] = False
    return jpg, eff


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true")
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    truth = os.path.join(a.out, "truth.jsonl")
    for i in range(a.start, a.start + a.n):
        if a.negatives:
            name = f"j_{a.seed}_neg_{i:04d}.jpg"
            jpg, eff = render_negative(a.seed, i)
            fields = None
        else:
            name = f"j_{a.seed}_{i:04d}.jpg"
            jpg, fields, eff = render_one(a.seed, i)
        with open(os.path.join(a.out, name), "wb") as fh:
            fh.write(jpg)
        with open(truth, "a") as fh:
            fh.write(json.dumps({"image": name, "renderer": "j", "fields": fields, "effects": eff}) + "\n")


if __name__ == "__main__":
    main()
