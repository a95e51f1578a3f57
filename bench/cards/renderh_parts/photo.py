"""Whole-photo pipeline shared by KTP photos and negatives."""
import cv2
import numpy as np

from . import camera as C
from .scene import place, hand, cast_shadow, glare


def frame_size(rng, shot):
    if shot:
        return None
    L = int(np.exp(rng.uniform(np.log(640), np.log(4000))))
    asp = [4 / 3, 16 / 9, 1.0, 3 / 2][int(rng.choice(4, p=[0.5, 0.25, 0.1, 0.15]))]
    S = int(L / asp)
    return (L, S) if rng.random() < 0.62 else (S, L)


def make_photo(rng, draw_flat, size_mm, allow_hand=True, min_ppmm=8.0):
    """draw_flat(rng, ppmm) -> (rgba uint8, info). Returns (rgb float image, effects dict)."""
    eff = {}
    hard = bool(rng.random() < 0.34)
    eff["hard"] = hard
    shot = bool(rng.random() < 0.07)
    wmm, hmm = size_mm
    if shot:
        W, H = (1600, 1200) if rng.random() < 0.8 else (1600, 900)
        cover = rng.uniform(0.5, 0.75)
    else:
        W, H = frame_size(rng, shot)
        cover = rng.uniform(0.25, 0.95)
    r = rng.random()
    if shot:
        angle = float(rng.normal(0, 5))
    elif r < 0.15:
        angle = float(rng.choice([90, 180, 270]) + rng.normal(0, 4 if not hard else 8))
    else:
        angle = float(np.clip(rng.normal(0, 8 if not hard else 16), -40, 40))
    tilt = rng.uniform(0.0, 0.06) if not hard else rng.uniform(0.04, 0.12)
    # make sure the print stays readable: enough pixels per millimetre on the card
    need = min_ppmm * (1.2 if hard else 1.0) * (1.8 if shot else 1.0)
    mm_w, mm_h = wmm + 8, hmm + 8          # allow for a sleeve and for the tilt

    def eff_ppmm(W, H, cover):
        p = np.sqrt(cover * W * H / (mm_w * mm_h))
        c, s_ = abs(np.cos(np.deg2rad(angle))), abs(np.sin(np.deg2rad(angle)))
        bw, bh = p * (mm_w * c + mm_h * s_), p * (mm_w * s_ + mm_h * c)
        return p * min(1.0, 0.95 * W / bw, 0.95 * H / bh) * (1 - tilt)

    for _ in range(60):
        if eff_ppmm(W, H, cover) >= need:
            break
        if cover < 0.9:
            cover = min(0.9, cover * 1.1)
        elif max(W, H) < 4000:
            k = min(1.08, 4000.0 / max(W, H))
            W, H = int(W * k), int(H * k)
        else:
            break
    ppmm_f = eff_ppmm(W, H, cover)
    target = ppmm_f * 1.3
    rend = float(np.clip(target, 8, 26))
    flat, info = draw_flat(rng, rend)
    if rend > target * 1.2:
        k = target / rend
        flat = cv2.resize(flat, (int(flat.shape[1] * k), int(flat.shape[0] * k)),
                          interpolation=cv2.INTER_AREA)
        rend = rend * k
    eff.update({"card": info, "size_before": [W, H], "cover": round(float(cover), 2),
                "rotation": round(angle, 1), "tilt": round(float(tilt), 3)})
    in_hand = allow_hand and rng.random() < (0.3 if not hard else 0.45)
    bg = None
    if in_hand and rng.random() < 0.6:
        bg = ["room", "dark", "cloth"][int(rng.integers(3))]
    if info.get("tint") == "grey-photocopy" and rng.random() < 0.6:
        bg = "paper"
    img, quad, Mmm = place(rng, flat, rend, W, H, cover, angle, tilt, eff, hard, bg)
    scale = max(W, H)
    if in_hand:
        img, edge = hand(rng, img, Mmm, W, H, np.ptp(quad[:, 0]))
        eff["hand"] = edge
    if rng.random() < (0.15 if not hard else 0.45):
        img, k = cast_shadow(rng, img, W, H)
        eff["shadow"] = k
    if rng.random() < (0.2 if not hard else 0.5):
        s = float(rng.uniform(0.3, 0.6 if not hard else 0.68))
        img = glare(rng, img, quad, s)
        eff["glare"] = round(s, 2)
    level = rng.uniform(0, 0.45) if not hard else rng.uniform(0.4, 1.0)
    if rng.random() < 0.4 and not hard:
        level = 0.0
    img = C.lighting(rng, img, eff, 0.9 if hard else 0.3)
    img = C.blur(rng, img, ppmm_f, eff, level)
    img = C.noise(rng, img, eff, 0.8 if hard else 0.2)
    if rng.random() < 0.4:
        img = C.sharpen(img, rng.uniform(0.3, 0.9))
        eff["sharpen"] = True
    img = np.clip(img, 0, 255)
    if shot:
        img = C.jpeg_roundtrip(img, int(rng.integers(60, 90)))
        img = C.screenshot(rng, img, eff)
    q = int(rng.integers(30, 61)) if hard else int(rng.integers(45, 91))
    eff["jpeg_quality"] = q
    eff["size"] = [int(img.shape[1]), int(img.shape[0])]
    return img, q, eff
