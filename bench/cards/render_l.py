#!/usr/bin/env python
"""Synthetic phone photos of Indonesian e-KTP cards, with ground truth (renderer "l").

usage: python render_l.py --n N --seed S --out DIR [--negatives] [--start I] [--workers K]

Each photo is drawn from its own random stream seeded by (seed, index, kind), so the same seed
and index always give the same photo whatever --n, --start or --workers are.
Writes DIR/l_<seed>_<index:04d>.jpg (negatives: DIR/l_<seed>_neg_<index:04d>.jpg) and appends one
JSON line per photo to DIR/truth.jsonl.
"""
FONT_PACKAGES = [
    "fonts-liberation", "fonts-croscore", "fonts-urw-base35", "fonts-arkpandora", "fonts-freefont-ttf",
    "fonts-dejavu-core", "fonts-dejavu-extra", "fonts-roboto-unhinted", "fonts-open-sans", "fonts-noto-core",
    "fonts-lato", "fonts-crosextra-carlito", "fonts-oxygen", "fonts-go", "fonts-ocr-b",
]

import argparse
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from renderl_parts.values import make_fields  # noqa: E402
from renderl_parts.card import render_card  # noqa: E402
from renderl_parts.wear import age_card, rounded_mask  # noqa: E402
from renderl_parts.pipeline import shoot, choose_hard  # noqa: E402
from renderl_parts.negatives import render_negative  # noqa: E402

X = "l"
KEYS = ["nik", "nama", "tempat_lahir", "tanggal_lahir", "jenis_kelamin", "golongan_darah", "alamat", "rt_rw",
        "kel_desa", "kecamatan", "agama", "status_perkawinan", "pekerjaan", "kewarganegaraan", "berlaku_hingga",
        "provinsi", "kabupaten_kota"]


def rng_for(seed, index, kind):
    return np.random.default_rng(np.random.SeedSequence([int(seed), int(index), kind, 7291]))


def render_one_card(seed, index):
    rng = rng_for(seed, index, 0)
    fields, meta = make_fields(rng)
    hard = choose_hard(rng, 0.1)
    wear = float(rng.uniform(0, 0.25)) if rng.random() < 0.7 else float(rng.uniform(0.25, 0.9))
    def make_obj(s):
        img, info = render_card(fields, meta, rng, s)
        img, weff = age_card(img, rng, s, wear)
        info.update(weff)
        alpha = rounded_mask(img.shape[0], img.shape[1], s).astype(np.float32) / 255
        return img.astype(np.float32), alpha, info

    data, eff, info = shoot(make_obj, 54.0 / 85.6, rng, "card", hard)
    eff["card"] = info
    name = "%s_%d_%04d.jpg" % (X, seed, index)
    assert list(fields) == KEYS
    return name, data, {"image": name, "renderer": X, "fields": fields, "effects": eff}


def render_one_negative(seed, index):
    rng = rng_for(seed, index, 1)
    data, eff = render_negative(rng)
    name = "%s_%d_neg_%04d.jpg" % (X, seed, index)
    return name, data, {"image": name, "renderer": X, "fields": None, "effects": eff}


def _init_worker():
    import cv2
    cv2.setNumThreads(1)


def _job(args):
    seed, index, neg = args
    return (render_one_negative if neg else render_one_card)(seed, index)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="render non-KTP photos (fields: null)")
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1),
                    help="parallel processes (output is identical for any value)")
    a = ap.parse_args(argv)
    os.makedirs(a.out, exist_ok=True)
    jobs = [(a.seed, i, a.negatives) for i in range(a.start, a.start + a.n)]
    t0 = time.time()
    truth_path = os.path.join(a.out, "truth.jsonl")
    if a.workers > 1 and len(jobs) > 1:
        import multiprocessing as mp
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        with mp.get_context("fork").Pool(a.workers, initializer=_init_worker) as pool:
            results = pool.imap(_job, jobs)
            _write(results, a.out, truth_path)
    else:
        _write(map(_job, jobs), a.out, truth_path)
    print("rendered %d %s in %.1fs -> %s" % (len(jobs), "negatives" if a.negatives else "cards", time.time() - t0, a.out))


def _write(results, out, truth_path):
    with open(truth_path, "a", encoding="utf-8") as tf:
        for name, data, rec in results:
            with open(os.path.join(out, name), "wb") as f:
                f.write(data)
            tf.write(json.dumps(rec, ensure_ascii=False) + "\n")
            tf.flush()


if __name__ == "__main__":
    main()
