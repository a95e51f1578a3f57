"""Photos of things that are not an e-KTP, taken the same way as the cards."""
from .util import uni, chance, wpick
from . import pipeline, negcards, negdocs, negscenes, wear

KINDS = [("sim", 0.11), ("bank_card", 0.11), ("student_card", 0.1), ("bpjs_card", 0.1), ("receipt", 0.1),
         ("letter", 0.11), ("kartu_keluarga", 0.11), ("pet", 0.08), ("room", 0.09), ("wall", 0.09)]


def make(rng):
    kind = wpick(rng, KINDS)
    hard_cause = wpick(rng, pipeline.HARD_CAUSES) if chance(rng, 0.15) else None
    if kind in negscenes.SCENES:
        if hard_cause in ("small", "finger", "cut", "glare", "combo"):
            hard_cause = None
        u8, eff = pipeline.shoot_scene(rng, negscenes.SCENES[kind], hard_cause)
        eff = {"negative_kind": kind, **eff}
        return u8, eff
    if kind in negcards.CARDS:
        fn, aspect, text_ref, hand_ok = negcards.CARDS[kind], negcards.ASPECT, 0.0155, True
    else:
        fn = negdocs.DOCS[kind]
        aspect = negdocs.ASPECTS.get(kind) or uni(rng, 1.8, 3.0)
        text_ref = {"receipt": 0.03, "letter": 0.0125, "kartu_keluarga": 0.0065}[kind]
        hand_ok = False
        if hard_cause == "finger":
            hard_cause = "blur"
    info = {}

    def make_object(width):
        img, alpha, boxes, oinfo = fn(rng, width, aspect)
        winfo = {}
        if kind in negcards.CARDS and chance(rng, 0.5):
            img, winfo = wear.age_card(rng, img, alpha)
        info.update(oinfo)
        info["wear"] = winfo
        return img, alpha, boxes, oinfo

    u8, eff, _ = pipeline.shoot(rng, make_object, aspect, hard_cause=hard_cause, allow_hand=hand_ok, text_ref=text_ref)
    return u8, {"negative_kind": kind, **info, **eff}
