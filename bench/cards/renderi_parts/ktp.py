"""One e-KTP photo: identity, card, wear, then the phone photo; returns JPEG bytes and the truth."""
import numpy as np
from .util import uni, chance, wpick
from . import identity, card, wear, pipeline

CARD_ASPECT = 54.0 / 85.6
BOX_TO_FIELDS = {"ttl": ["tempat_lahir", "tanggal_lahir"]}


def _renorm(boxes, w, h, ox, oy, W2, H2):
    return {k: [((b[0] * w + ox) / W2, (b[1] * h + oy) / H2, (b[2] * w + ox) / W2, (b[3] * h + oy) / H2)
                for b in bl] for k, bl in boxes.items()}


def make(rng):
    fields, extra = identity.make_identity(rng)
    hard_cause = wpick(rng, pipeline.HARD_CAUSES) if chance(rng, 0.15) else None
    variant = wpick(rng, [("card", 0.87), ("laminated", 0.06), ("photocopy", 0.07)])
    if hard_cause in ("glare",) and variant == "photocopy":
        variant = "card"
    mxf = myf = 0.0
    if variant == "laminated":
        mxf = myf = uni(rng, 0.025, 0.05)
    elif variant == "photocopy":
        mxf, myf = uni(rng, 0.06, 0.25), uni(rng, 0.06, 0.3)
    aspect = (CARD_ASPECT + 2 * myf) / (1 + 2 * mxf)
    worn_strong = chance(rng, 0.15)
    info_box = {}

    def make_object(width):
        cw = max(300, int(round(width / (1 + 2 * mxf))))
        img, alpha, boxes, info = card.render_card(rng, fields, extra, cw)
        winfo = {}
        if chance(rng, 0.6) or worn_strong:
            img, winfo = wear.age_card(rng, img, alpha, strong=worn_strong)
        h, w = alpha.shape
        if variant == "laminated":
            img, alpha, ox, oy = wear.laminate(rng, img, alpha, mxf)
        elif variant == "photocopy":
            img, alpha, ox, oy = wear.photocopy(rng, img, alpha, mxf, myf)
        else:
            ox = oy = 0
        if ox or oy:
            boxes = _renorm(boxes, w, h, ox, oy, alpha.shape[1], alpha.shape[0])
        info_box.update(info)
        info_box["wear"] = winfo
        return img, alpha, boxes, info

    u8, eff, _ = pipeline.shoot(rng, make_object, aspect, hard_cause=hard_cause, allow_hand=variant != "photocopy")
    unread = []
    for k in eff.get("unreadable_fields", []):
        unread += BOX_TO_FIELDS.get(k, [k])
    eff["unreadable_fields"] = unread
    effects = {"variant": variant, "fonts": info_box.get("fonts"), "labels_caps": info_box.get("labels_caps"),
               "card_render_px": info_box.get("card_px"), "nik_font_px_card": info_box.get("nik_font_px_card"),
               "body_font_px_card": info_box.get("body_font_px_card"), "stock": info_box.get("stock"),
               "wear": info_box.get("wear")}
    effects.update(eff)
    return u8, fields, effects
