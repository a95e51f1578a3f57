"""Negatives: photos of things that are not an e-KTP, under the same photo conditions."""
import numpy as np
from .util import wpick
from .pipeline import shoot, shoot_scene, choose_hard
from .neg_cards import card_negative
from .neg_docs import DOC_NEGS
from .neg_scenes import SCENE_NEGS

KINDS = [("sim", 2), ("atm", 2), ("student_card", 1.5), ("bpjs_card", 2), ("receipt", 1.5), ("letter", 1.5),
         ("kartu_keluarga", 2), ("pet", 1), ("room", 1), ("wall", 1)]


def render_negative(rng, kind=None):
    """Return (jpeg bytes, effects)."""
    kind = kind or wpick(rng, KINDS)
    hard = choose_hard(rng, 0.08)
    if kind in ("sim", "atm", "student_card", "bpjs_card"):
        def make(s):
            return card_negative(rng, s, kind)
        data, eff, info = shoot(make, 54.0 / 85.6, rng, "card", hard)
    elif kind in DOC_NEGS:
        fn = DOC_NEGS[kind]
        if kind == "receipt":
            w_mm, h_mm = float(rng.uniform(57, 80)), float(rng.uniform(110, 200))
            make = lambda s: _paper_obj(fn(rng, s, w_mm, h_mm))
        elif kind == "letter":
            w_mm, h_mm = 210.0, 297.0
            make = lambda s: _paper_obj(fn(rng, s))
        else:
            w_mm, h_mm = 297.0, 210.0
            make = lambda s: _paper_obj(fn(rng, s))
        data, eff, info = shoot(make, h_mm / w_mm, rng, "paper", hard, edge_col=(0.85, 0.85, 0.83), mm_w=w_mm)
    else:
        img, info = SCENE_NEGS[kind](rng)
        data, eff = shoot_scene(img, rng, hard)
    eff["object"] = info
    eff["negative_kind"] = kind
    return data, eff


def _paper_obj(res):
    img, info = res
    img = np.clip(img, 0, 1).astype(np.float32)
    return img, np.ones(img.shape[:2], np.float32), info
