"""What use does to a card: wear, stickers, a laminated sleeve."""

import math

import cv2
import numpy as np
from PIL import Image, ImageDraw

from .identity import wchoice
from .drawing import lowfreq_noise, rounded_mask


def apply_wear(r, nrng, card, mm, hard, eff):
    H, W = card.shape[:2]
    wear = wchoice(r, [("none", 55), ("light", 30), ("heavy", 15 if not hard else 40)])
    eff["wear"] = wear
    if wear == "none":
        return card
    n = r.randint(5, 25) if wear == "light" else r.randint(25, 90)
    lines = np.zeros((H, W), np.uint8)
    for _ in range(n):
        x, y = r.uniform(0, W), r.uniform(0, H)
        ang = r.uniform(0, math.pi)
        ln = r.uniform(2, 30) * mm
        pts = []
        for k in range(8):
            t = k / 7
            pts.append((x + math.cos(ang) * ln * t + r.uniform(-1, 1) * mm * 0.3,
                        y + math.sin(ang) * ln * t + r.uniform(-1, 1) * mm * 0.3))
        cv2.polylines(lines, [np.array(pts, np.int32)], False, int(r.uniform(120, 255)), 1, cv2.LINE_AA)
    sc = lines.astype(np.float32)[..., None] / 255.0
    card = card * (1 - 0.5 * sc) + 245 * 0.5 * sc
    # scuffs: patchy fading towards the card colour / white
    k = 0.25 if wear == "light" else 0.5
    nz = lowfreq_noise(nrng, H, W, r.uniform(4, 10))
    fade = np.clip((nz - 0.55) * 3, 0, 1)[..., None] * k
    card = card * (1 - fade) + 230 * fade
    # dirt near the edges
    if wear == "heavy":
        dirt = lowfreq_noise(nrng, H, W, 14)
        yy, xx = np.mgrid[0:H, 0:W]
        edge = np.minimum(np.minimum(xx, W - xx), np.minimum(yy, H - yy)).astype(np.float32) / (4 * mm)
        d = np.clip(1 - edge, 0, 1) * np.clip(dirt - 0.3, 0, 1) * 0.5
        card = card * (1 - d[..., None]) + np.array([110, 95, 75], np.float32) * d[..., None]
    return card


def apply_stickers(r, nrng, card, mm, hard, eff, ph_box):
    H, W = card.shape[:2]
    if r.random() > (0.12 if not hard else 0.3):
        return card
    n = r.randint(1, 2)
    kinds = []
    im = Image.fromarray(np.clip(card, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for _ in range(n):
        kind = r.choice(["round_dot", "label", "tape"])
        over_text = hard and r.random() < 0.25
        if over_text:
            cx, cy = r.uniform(5, 55) * mm, r.uniform(15, 50) * mm
        else:
            spot = r.choice(["top_left", "top_right", "photo", "bottom_right"])
            cx, cy = {"top_left": (r.uniform(3, 9) * mm, r.uniform(2, 4) * mm),
                      "top_right": (r.uniform(76, 83) * mm, r.uniform(2, 5) * mm),
                      "photo": (ph_box[0] + r.uniform(0.2, 0.8) * ph_box[2], ph_box[1] + r.uniform(0.1, 0.6) * ph_box[3]),
                      "bottom_right": (r.uniform(78, 84) * mm, r.uniform(50, 53) * mm)}[spot]
        if kind == "round_dot":
            rad = r.uniform(2, 4) * mm * (0.6 if not over_text else 1)
            col = r.choice([(250, 210, 40), (230, 60, 60), (60, 170, 80), (250, 250, 250)])
            d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=col)
        elif kind == "label":
            w, h = r.uniform(8, 14) * mm, r.uniform(3, 5) * mm
            if not over_text:
                w, h = w * 0.6, h * 0.7
            d.rectangle([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], fill=(248, 248, 242), outline=(200, 200, 200))
            for k in range(int(w / (0.5 * mm))):
                if r.random() < 0.6:
                    xk = cx - w / 2 + (k + 0.5) * 0.5 * mm
                    d.line([xk, cy - h / 4, xk, cy + h / 4], fill=(20, 20, 20), width=max(1, int(r.uniform(0.5, 1.5) * mm * 0.15)))
        else:
            w, h = r.uniform(10, 20) * mm, r.uniform(3, 5) * mm
            tape = Image.new("L", im.size, 0)
            ImageDraw.Draw(tape).rectangle([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], fill=int(r.uniform(40, 80)))
            tape = tape.rotate(r.uniform(-40, 40), center=(cx, cy))
            im = Image.composite(Image.new("RGB", im.size, (250, 248, 230)), im, tape)
            d = ImageDraw.Draw(im)
        kinds.append(kind + ("_over_text" if over_text else ""))
    eff["stickers"] = kinds
    return np.asarray(im).astype(np.float32)


def laminate(r, nrng, card, mask, mm, eff, hard):
    """Wrap the card in a clear plastic sleeve: returns bigger rgb, alpha (0..1), offset."""
    H, W = card.shape[:2]
    m = int(r.uniform(1.5, 4.0) * mm)
    H2, W2 = H + 2 * m, W + 2 * m
    rgb = np.zeros((H2, W2, 3), np.float32)
    rgb[m:m + H, m:m + W] = card
    alpha = np.zeros((H2, W2), np.float32)
    alpha[m:m + H, m:m + W] = mask.astype(np.float32) / 255.0
    sleeve = rounded_mask(H2, W2, r.uniform(1, 3) * mm).astype(np.float32) / 255.0
    # plastic margin: faintly whitish/ translucent
    marg = sleeve * (1 - alpha)
    rgb = rgb * (1 - marg[..., None]) + 235 * marg[..., None]
    alpha = np.maximum(alpha, marg * r.uniform(0.12, 0.3))
    # sleeve seal line
    cv2.rectangle(rgb, (m // 3, m // 3), (W2 - m // 3, H2 - m // 3), (225, 225, 225), max(1, int(mm * 0.15)))
    # specular streak
    yy, xx = np.mgrid[0:H2, 0:W2].astype(np.float32)
    ang = r.uniform(0, math.pi)
    d = xx * math.cos(ang) + yy * math.sin(ang)
    c = r.uniform(d.min(), d.max())
    width = r.uniform(3, 15) * mm
    streak = np.exp(-((d - c) / width) ** 2) * (r.uniform(0.25, 0.55) if not hard else r.uniform(0.45, 0.8))
    streak *= sleeve
    rgb = rgb * (1 - streak[..., None]) + 255 * streak[..., None]
    # fine plastic scratches/texture
    tex = (lowfreq_noise(nrng, H2, W2, 30) - 0.5) * 8
    rgb += tex[..., None] * sleeve[..., None]
    eff["laminated"] = {"streak": round(float(streak.max()), 2)}
    return np.clip(rgb, 0, 255), alpha, m
