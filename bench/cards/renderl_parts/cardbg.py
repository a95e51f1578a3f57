"""Security-printed background of the e-KTP: gradient, guilloche, faint map and emblem."""
import numpy as np
import cv2
from .util import chance, pick


def _lines_layer(H, W, rng, s, n, kind):
    lay = np.zeros((H, W), np.uint8)
    xs = np.linspace(-10, W + 10, max(64, W // 3))
    th = 1 if s < 20 else 2
    if kind == "waves":
        lam1, lam2 = rng.uniform(0.3, 0.8) * W, rng.uniform(0.08, 0.2) * W
        a1, a2 = rng.uniform(0.02, 0.08) * H, rng.uniform(0.005, 0.02) * H
        ph = rng.uniform(0, 6.28)
        for k in range(n):
            y0 = -0.1 * H + 1.2 * H * k / n
            ys = y0 + a1 * np.sin(2 * np.pi * xs / lam1 + ph + k * 0.15) + a2 * np.sin(2 * np.pi * xs / lam2 + k * 0.4)
            pts = np.stack([xs, ys], 1).astype(np.int32)
            cv2.polylines(lay, [pts], False, 255, th, cv2.LINE_AA)
    else:  # rosette (epitrochoid-like) guilloche
        cx, cy = rng.uniform(0.2, 0.8) * W, rng.uniform(0.3, 0.9) * H
        R = rng.uniform(0.25, 0.5) * H
        t = np.linspace(0, 2 * np.pi, 1500)
        m = int(rng.integers(9, 24))
        for k in range(n):
            r = R * (0.35 + 0.65 * k / n) + 0.12 * R * np.sin(m * t + k * 0.3)
            pts = np.stack([cx + r * np.cos(t) * 1.5, cy + r * np.sin(t)], 1).astype(np.int32)
            cv2.polylines(lay, [pts], True, 255, th, cv2.LINE_AA)
    return lay


def _islands(H, W, rng):
    """A faint band of island blobs (the archipelago map)."""
    lay = np.zeros((H // 4, W // 4), np.uint8)
    h, w = lay.shape
    yc = rng.uniform(0.4, 0.65) * h
    x = rng.uniform(0.02, 0.1) * w
    while x < w * 0.95:
        L = rng.uniform(0.03, 0.12) * w
        ang = rng.uniform(-35, 10) if x < 0.3 * w else rng.uniform(-15, 25)
        cy = yc + rng.normal(0, 0.08 * h)
        cv2.ellipse(lay, (int(x + L / 2), int(cy)), (int(L / 2), int(rng.uniform(0.02, 0.08) * h)),
                    ang, 0, 360, 255, -1, cv2.LINE_AA)
        x += L * rng.uniform(0.6, 1.3)
    lay = cv2.GaussianBlur(lay, (0, 0), 1.2)
    return cv2.resize(lay, (W, H), interpolation=cv2.INTER_LINEAR)


def _emblem(H, W, rng):
    lay = np.zeros((H, W), np.uint8)
    cx, cy, r = int(W * rng.uniform(0.42, 0.55)), int(H * rng.uniform(0.45, 0.6)), int(H * rng.uniform(0.22, 0.32))
    cv2.ellipse(lay, (cx, cy), (int(r * 0.45), int(r * 0.55)), 0, 0, 360, 255, max(1, r // 25), cv2.LINE_AA)
    for side in (-1, 1):  # wings as fans of arcs
        for k in range(7):
            cv2.ellipse(lay, (cx + side * int(r * 0.3), cy - int(r * 0.1)), (int(r * (0.5 + 0.08 * k)), int(r * (0.2 + 0.05 * k))),
                        0, 180 if side < 0 else 270, 270 if side < 0 else 360, 255, max(1, r // 40), cv2.LINE_AA)
    star = np.array([[cx + r * 0.2 * np.cos(a), cy + r * 0.2 * np.sin(a)] for a in np.linspace(-np.pi / 2, 3.5 * np.pi, 6)], np.int32)
    cv2.polylines(lay, [star], True, 255, max(1, r // 30), cv2.LINE_AA)
    return lay


def card_background(H, W, s, rng):
    """Return float32 HxWx3 RGB in 0..1 and a dict describing it."""
    h4, w4 = max(4, H // 4), max(4, W // 4)
    v, u = np.mgrid[0:h4, 0:w4].astype(np.float32)
    u, v = u / w4, v / h4
    base_a = np.array([rng.uniform(0.72, 0.84), rng.uniform(0.86, 0.93), rng.uniform(0.9, 0.98)], np.float32)
    green = rng.uniform(0.0, 0.12)
    base_b = np.array([rng.uniform(0.62, 0.78), rng.uniform(0.84, 0.93), rng.uniform(0.86 - green, 0.97 - green)], np.float32)
    ang = rng.uniform(0, np.pi)
    t = np.clip(0.5 + (u - 0.5) * np.cos(ang) + (v - 0.5) * np.sin(ang), 0, 1)[..., None]
    img = base_a * (1 - t) + base_b * t
    # lighter radial zone and a soft horizontal band near the top
    cx, cy = rng.uniform(0.3, 0.7), rng.uniform(0.3, 0.7)
    rad = np.exp(-(((u - cx) * 1.6) ** 2 + (v - cy) ** 2) * rng.uniform(2, 5))[..., None]
    img = img + (1 - img) * rad * rng.uniform(0.1, 0.35)
    band = np.exp(-((v - rng.uniform(0.05, 0.2)) / 0.08) ** 2)[..., None]
    img = img + (1 - img) * band * rng.uniform(0.0, 0.25)
    img = cv2.resize(img.astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    line_col = np.array([rng.uniform(0.35, 0.6), rng.uniform(0.6, 0.8), rng.uniform(0.75, 0.9)], np.float32)
    for kind, n, a in (("waves", int(rng.integers(30, 70)), rng.uniform(0.12, 0.3)),
                       ("waves", int(rng.integers(15, 40)), rng.uniform(0.08, 0.2)),
                       ("rosette", int(rng.integers(10, 25)), rng.uniform(0.08, 0.22))):
        lay = _lines_layer(H, W, rng, s, n, kind).astype(np.float32)[..., None] / 255 * a
        col = line_col if chance(rng, 0.7) else np.array([0.95, 0.97, 1.0], np.float32)
        img = img * (1 - lay) + col * lay
    if chance(rng, 0.15):  # faint pinkish rosette seen on some cards
        lay = _lines_layer(H, W, rng, s, 12, "rosette").astype(np.float32)[..., None] / 255 * 0.08
        img = img * (1 - lay) + np.array([0.9, 0.7, 0.8], np.float32) * lay
    isl = _islands(H, W, rng).astype(np.float32)[..., None] / 255 * rng.uniform(0.05, 0.14)
    img = img * (1 - isl) + np.array([0.55, 0.75, 0.7], np.float32) * isl
    emb = cv2.GaussianBlur(_emblem(H, W, rng), (0, 0), 0.7).astype(np.float32)[..., None] / 255 * rng.uniform(0.05, 0.12)
    img = img * (1 - emb) + np.array([0.5, 0.65, 0.8], np.float32) * emb
    # fine print texture
    noise = rng.normal(0, 0.012, (H // 2, W // 2)).astype(np.float32)
    img = img + cv2.resize(noise, (W, H))[..., None]
    return np.clip(img, 0, 1), {"bg_tint": [round(float(x), 3) for x in base_b]}

