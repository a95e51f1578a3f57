"""Ageing of the physical card: fading, yellowing, scratches on the laminate, dirt, edge wear."""
import numpy as np
import cv2
from .util import chance


def lowfreq(h, w, rng, cells=6):
    n = rng.random((cells, int(cells * w / max(h, 1)) + 2)).astype(np.float32)
    return cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)


def age_card(img, rng, s, level):
    """img float32 RGB 0..1 (card space). level 0..1. Returns new image and effects dict."""
    H, W = img.shape[:2]
    eff = {"wear": round(float(level), 2)}
    if level <= 0.02:
        return img, eff
    # fading: lower contrast, lift blacks, slight desaturation
    fade = level * rng.uniform(0.2, 0.5)
    mean = img.mean(axis=(0, 1), keepdims=True)
    img = img * (1 - fade) + (mean * 0.4 + 0.6 * np.float32(0.85)) * fade
    gray = img.mean(axis=2, keepdims=True)
    img = img * (1 - 0.4 * level) + gray * 0.4 * level
    if chance(rng, 0.5):  # yellowing of the laminate
        y = level * rng.uniform(0.04, 0.12)
        img = img * np.array([1.0, 1.0 - y * 0.3, 1.0 - y], np.float32)
        eff["yellowed"] = True
    # dirt / grime
    dirt = lowfreq(H, W, rng, 5) * lowfreq(H, W, rng, 14)
    img = img * (1 - level * 0.18 * dirt[..., None])
    # scratches: short bright lines on the laminate
    lay = np.zeros((H, W), np.uint8)
    n = int(level * rng.uniform(20, 120))
    for _ in range(n):
        x, y = rng.uniform(0, W), rng.uniform(0, H)
        ang, L = rng.uniform(0, np.pi), rng.uniform(0.02, 0.3) * W
        pts = []
        for t in np.linspace(0, 1, 8):
            pts.append([x + np.cos(ang) * L * t, y + np.sin(ang) * L * t + rng.normal(0, s * 0.05)])
        cv2.polylines(lay, [np.array(pts, np.int32)], False, int(rng.uniform(60, 200)), 1, cv2.LINE_AA)
    img = img + (1 - img) * (lay.astype(np.float32)[..., None] / 255 * 0.5)
    eff["scratches"] = n
    # tiny specks where ink or laminate is damaged
    specks = (rng.random((H // 3, W // 3)) < level * 0.004).astype(np.float32)
    specks = cv2.resize(specks, (W, H), interpolation=cv2.INTER_NEAREST)
    img = img * (1 - specks[..., None] * 0.6) + specks[..., None] * 0.6 * 0.92
    # edge wear: border darkened (dirt) in a narrow band
    h4, w4 = H // 4, W // 4
    yy, xx = np.mgrid[0:h4, 0:w4].astype(np.float32) * 4
    d = np.minimum(np.minimum(xx, W - 1 - xx), np.minimum(yy, H - 1 - yy)) / s
    edge = cv2.resize(np.exp(-d / rng.uniform(0.5, 1.5)) * level * 0.25, (W, H), interpolation=cv2.INTER_LINEAR)
    img = img * (1 - edge[..., None])
    return np.clip(img, 0, 1), eff


def rounded_mask(H, W, s):
    """Alpha of an ID-1 card with 3.18 mm corner radius."""
    m = np.zeros((H, W), np.uint8)
    r = int(3.18 * s)
    cv2.rectangle(m, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(m, (0, r), (W - 1, H - 1 - r), 255, -1)
    for cx, cy in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(m, (cx, cy), r, 255, -1, cv2.LINE_AA)
    return m
