"""Blank e-KTP card stock: blue gradient, guilloche waves, rosettes, faint map and Garuda."""
import numpy as np
import cv2
from .util import uni, chance, pick, smooth_noise

BLUES = [((140, 196, 232), (214, 236, 244), (150, 206, 214)),
         ((160, 205, 236), (225, 240, 246), (170, 214, 226)),
         ((125, 185, 225), (200, 228, 238), (135, 196, 200)),
         ((170, 214, 238), (232, 243, 245), (188, 224, 222)),
         ((150, 200, 222), (218, 238, 236), (160, 214, 204))]


def _stops(h, w, rng, palette=None):
    top, mid, bot = palette or pick(rng, BLUES)
    jit = lambda c: np.clip(np.array(c, np.float32) + rng.normal(0, 8, 3), 0, 255) / 255.0
    top, mid, bot = jit(top), jit(mid), jit(bot)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = yy / h + uni(rng, -0.25, 0.25) * (xx / w - 0.5)
    mpos = uni(rng, 0.4, 0.6)
    a = np.clip(t / mpos, 0, 1)[..., None]
    b = np.clip((t - mpos) / (1 - mpos), 0, 1)[..., None]
    img = np.where(t[..., None] < mpos, top * (1 - a) + mid * a, mid * (1 - b) + bot * b)
    # soft bright patch, as on the real card behind the text block
    cx, cy = uni(rng, 0.3, 0.6) * w, uni(rng, 0.45, 0.7) * h
    g = np.exp(-(((xx - cx) / (0.45 * w)) ** 2 + ((yy - cy) / (0.45 * h)) ** 2))
    img = img + (1 - img) * g[..., None] * uni(rng, 0.1, 0.35)
    return img.astype(np.float32)


def _wave_lines(rng, h, w, layer):
    n = int(rng.integers(30, 70))
    xs = np.linspace(-0.05 * w, 1.05 * w, 220).astype(np.float32)
    l1, l2 = uni(rng, 0.25, 0.6) * w, uni(rng, 0.08, 0.2) * w
    a1, a2 = uni(rng, 0.03, 0.09) * h, uni(rng, 0.01, 0.03) * h
    ph2 = uni(rng, 0, 6.28)
    pts = []
    for k in range(n):
        y0 = (k / n) * 1.2 * h - 0.1 * h
        ys = y0 + a1 * np.sin(2 * np.pi * xs / l1 + k * 0.35) + a2 * np.sin(2 * np.pi * xs / l2 + ph2 + k * 0.9)
        pts.append(np.stack([xs, ys], 1).astype(np.int32))
    th = max(1, int(round(w / 900)))
    cv2.polylines(layer, pts, False, 255, th, lineType=cv2.LINE_AA)


def _rosette(rng, h, w, layer):
    cx, cy = uni(rng, 0.15, 0.85) * w, uni(rng, 0.3, 0.8) * h
    R = uni(rng, 0.18, 0.4) * h
    th = np.linspace(0, 2 * np.pi, 720).astype(np.float32)
    petals = int(rng.integers(8, 24))
    pts = []
    for k in range(int(rng.integers(8, 20))):
        r = R * (0.55 + 0.45 * k / 20) + R * 0.12 * np.sin(petals * th + k * 0.4)
        pts.append(np.stack([cx + r * np.cos(th), cy + r * np.sin(th)], 1).astype(np.int32))
    cv2.polylines(layer, pts, True, 255, max(1, int(round(w / 1000))), lineType=cv2.LINE_AA)


def _map(rng, h, w, layer):
    """A faint archipelago: a chain of irregular islands across the card."""
    for i in range(int(rng.integers(6, 14))):
        cx = (i + rng.random()) / 14 * w * 1.1
        cy = h * (0.35 + 0.35 * np.sin(i * 0.7) * 0.5 + uni(rng, -0.08, 0.08))
        rx, ry = uni(rng, 0.02, 0.1) * w, uni(rng, 0.02, 0.07) * h
        ang = np.linspace(0, 2 * np.pi, 40)
        rad = 1 + 0.35 * np.sin(ang * int(rng.integers(2, 6)) + uni(rng, 0, 6)) + rng.normal(0, 0.08, 40)
        poly = np.stack([cx + rx * rad * np.cos(ang), cy + ry * rad * np.sin(ang)], 1).astype(np.int32)
        cv2.fillPoly(layer, [poly], 255, lineType=cv2.LINE_AA)


def _garuda(rng, h, w, layer):
    """A stylised Garuda emblem: shield, wings as fans of feathers, tail and head."""
    cx, cy = uni(rng, 0.3, 0.55) * w, uni(rng, 0.45, 0.65) * h
    s = uni(rng, 0.22, 0.35) * h
    for side in (-1, 1):
        for k in range(9):
            ang = np.deg2rad(-70 + k * 12)
            x2 = cx + side * (0.25 * s + s * np.cos(ang) * 0.95)
            y2 = cy - s * 0.1 + s * np.sin(ang) * 0.8
            cv2.line(layer, (int(cx + side * 0.2 * s), int(cy)), (int(x2), int(y2)), 255,
                     max(2, int(s * 0.08)), lineType=cv2.LINE_AA)
    shield = np.array([[cx - 0.28 * s, cy - 0.3 * s], [cx + 0.28 * s, cy - 0.3 * s],
                       [cx + 0.28 * s, cy + 0.1 * s], [cx, cy + 0.4 * s], [cx - 0.28 * s, cy + 0.1 * s]], np.int32)
    cv2.fillPoly(layer, [shield], 255, lineType=cv2.LINE_AA)
    cv2.circle(layer, (int(cx), int(cy - 0.55 * s)), int(0.16 * s), 255, -1, lineType=cv2.LINE_AA)
    tail = np.array([[cx - 0.2 * s, cy + 0.45 * s], [cx + 0.2 * s, cy + 0.45 * s], [cx, cy + 0.85 * s]], np.int32)
    cv2.fillPoly(layer, [tail], 255, lineType=cv2.LINE_AA)


def card_stock(rng, h, w, palette=None, emblems=True):
    """Returns float32 (h,w,3) background of an e-KTP (or of another card with palette) and a dict."""
    img = _stops(h, w, rng, palette)
    info = {"guilloche": True}
    lines = np.zeros((h, w), np.uint8)
    _wave_lines(rng, h, w, lines)
    for _ in range(int(rng.integers(0, 3))):
        _rosette(rng, h, w, lines)
    dark = np.clip(img * uni(rng, 0.72, 0.9) - np.array([0.02, 0.0, 0.0], np.float32), 0, 1)
    a = (lines.astype(np.float32) / 255.0 * uni(rng, 0.25, 0.6))[..., None]
    img = img * (1 - a) + dark * a
    if emblems and chance(rng, 0.6):
        m = np.zeros((h, w), np.uint8)
        _map(rng, h, w, m)
        m = cv2.GaussianBlur(m, (0, 0), max(1.0, w / 600)).astype(np.float32)[..., None] / 255.0
        img = img * (1 - m * uni(rng, 0.04, 0.1)) + m * uni(rng, 0.0, 0.05)
        info["map"] = True
    if emblems and chance(rng, 0.55):
        m = np.zeros((h, w), np.uint8)
        _garuda(rng, h, w, m)
        m = cv2.GaussianBlur(m, (0, 0), max(1.0, w / 500)).astype(np.float32)[..., None] / 255.0
        img = img * (1 - m * uni(rng, 0.05, 0.12))
        info["garuda"] = True
    # fine print grain
    n = smooth_noise(rng, h // 4 + 2, w // 4 + 2, 3, 2)
    n = cv2.resize(n, (w, h))[..., None]
    img = np.clip(img * (0.97 + 0.06 * n), 0, 1)
    return img.astype(np.float32), info
