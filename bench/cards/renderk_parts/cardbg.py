"""Pre-printed e-KTP background: blue/green gradient, guilloche, faint map and emblem."""
import cv2
import numpy as np

from .util import lowres_noise

# very rough outlines of the main islands, in a 0..100 x 0..40 box
ISLANDS = [
    [(2, 4), (8, 6), (16, 14), (22, 20), (26, 25), (24, 28), (18, 24), (12, 17), (5, 10)],  # Sumatra
    [(24, 30), (32, 30), (40, 32), (44, 33), (40, 35), (30, 34), (25, 32)],  # Java
    [(45, 33.5), (49, 33), (53, 34), (56, 34.5), (50, 35.5)],  # Bali/NT
    [(58, 35), (63, 34.5), (66, 36), (60, 36.5)],  # Flores/Timor
    [(30, 12), (36, 6), (44, 4), (48, 8), (46, 16), (44, 22), (36, 24), (32, 20)],  # Kalimantan
    [(52, 8), (58, 7), (55, 12), (60, 14), (56, 16), (57, 23), (54, 22), (53, 16), (50, 20), (51, 13)],  # Sulawesi
    [(66, 10), (69, 9), (68, 14), (66, 13)],  # Halmahera
    [(74, 14), (82, 12), (92, 16), (99, 20), (99, 34), (90, 32), (84, 26), (78, 22), (74, 19)],  # Papua
    [(62, 20), (66, 19.5), (67, 21), (63, 21.5)],  # Seram
]


def guilloche(img, rng, s, col, alpha, spacing_mm, amp_mm, thick):
    h, w = img.shape[:2]
    over = img.copy()
    xs = np.linspace(-5, w + 5, 240)
    k1 = 2 * np.pi / (rng.u(18, 40) * s)
    k2 = 2 * np.pi / (rng.u(6, 14) * s)
    a1, a2 = amp_mm * s, amp_mm * s * rng.u(0.2, 0.5)
    ph1, ph2 = rng.u(0, 6.3), rng.u(0, 6.3)
    dph = rng.u(0.05, 0.25)
    y0 = -a1 * 2
    j = 0
    while y0 < h + a1 * 2:
        ys = y0 + a1 * np.sin(k1 * xs + ph1 + j * dph) + a2 * np.sin(k2 * xs + ph2 - j * dph * 1.7)
        pts = np.stack([xs, ys], 1).astype(np.int32)
        cv2.polylines(over, [pts], False, col, thick, cv2.LINE_AA)
        y0 += spacing_mm * s
        j += 1
    cv2.addWeighted(over, alpha, img, 1 - alpha, 0, dst=img)


def rosette(img, rng, cx, cy, rad, col, alpha, thick):
    over = img.copy()
    t = np.linspace(0, 2 * np.pi, 720)
    n = rng.i(8, 24)
    m = rng.i(3, 9)
    for k in range(rng.i(10, 22)):
        rr = rad * (0.3 + 0.7 * k / 22.0)
        r = rr * (1 + 0.08 * np.sin(n * t + k * 0.3) + 0.04 * np.sin(m * t - k * 0.2))
        pts = np.stack([cx + r * np.cos(t), cy + r * np.sin(t)], 1).astype(np.int32)
        cv2.polylines(over, [pts], True, col, thick, cv2.LINE_AA)
    cv2.addWeighted(over, alpha, img, 1 - alpha, 0, dst=img)


def draw_map(img, rng, s, x0, y0, width_mm, col, alpha):
    over = img.copy()
    sc = width_mm * s / 100.0
    for isl in ISLANDS:
        pts = np.array([(x0 + x * sc, y0 + y * sc) for x, y in isl], np.int32)
        cv2.fillPoly(over, [pts], col, cv2.LINE_AA)
    cv2.addWeighted(over, alpha, img, 1 - alpha, 0, dst=img)


def draw_emblem(img, rng, s, cx, cy, size_mm, col, alpha):
    """A faint stylised Garuda: shield, wings made of feathers, head."""
    over = img.copy()
    r = size_mm * s / 2
    for side in (-1, 1):
        for k in range(9):
            a = np.deg2rad(95 + k * 9) if side < 0 else np.deg2rad(85 - k * 9)
            ln = r * (0.55 + 0.5 * np.sin(np.pi * (k + 1) / 10))
            p1 = (cx + side * 0.2 * r, cy - 0.05 * r)
            p2 = (p1[0] + np.cos(a) * ln, p1[1] - np.sin(a) * ln)
            cv2.line(over, (int(p1[0]), int(p1[1])), (int(p2[0]), int(p2[1])), col,
                     max(1, int(r * 0.06)), cv2.LINE_AA)
    cv2.ellipse(over, (int(cx), int(cy + 0.2 * r)), (int(0.3 * r), int(0.36 * r)), 0, 0, 360, col, -1, cv2.LINE_AA)
    cv2.circle(over, (int(cx), int(cy - 0.55 * r)), max(2, int(0.13 * r)), col, -1, cv2.LINE_AA)
    for k in range(7):
        x = cx + (k - 3) * 0.1 * r
        cv2.line(over, (int(x), int(cy + 0.55 * r)), (int(x * 1.0), int(cy + 0.9 * r)), col, max(1, int(r * 0.05)), cv2.LINE_AA)
    cv2.addWeighted(over, alpha, img, 1 - alpha, 0, dst=img)


def card_background(rng, h, w, s):
    """Return an RGB uint8 card background (h, w, 3)."""
    c1 = np.array([rng.u(165, 205), rng.u(205, 232), rng.u(222, 248)])   # light blue
    c2 = np.array([rng.u(175, 215), rng.u(215, 240), rng.u(200, 235)])   # blue-green
    if rng.p(0.25):  # more saturated blue cards
        c1 = c1 - np.array([rng.u(15, 40), rng.u(5, 20), 0])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.u(0, np.pi)
    t = (np.cos(ang) * xx / w + np.sin(ang) * yy / h)
    t = (t - t.min()) / (t.max() - t.min() + 1e-6)
    img = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    cx, cy = rng.u(0.3, 0.7) * w, rng.u(0.3, 0.7) * h
    rad = np.sqrt(((xx - cx) / w) ** 2 + ((yy - cy) / h) ** 2)
    img += (rng.u(5, 18) * (0.6 - rad))[..., None]
    img += (lowres_noise(rng, h, w, 6) - 0.5)[..., None] * rng.u(6, 16)
    img = np.clip(img, 0, 255).astype(np.uint8)
    th = max(1, int(round(s * 0.08)))
    dark = tuple(int(v) for v in np.clip(c1 - np.array([60, 45, 25]), 0, 255))
    light = (245, 250, 252)
    guilloche(img, rng, s, dark, rng.u(0.16, 0.32), rng.u(0.7, 1.3), rng.u(1.0, 3.5), th)
    guilloche(img, rng, s, light, rng.u(0.15, 0.35), rng.u(0.9, 1.6), rng.u(1.5, 4.0), th)
    for _ in range(rng.i(1, 3)):
        rosette(img, rng, rng.u(0, w), rng.u(0, h), rng.u(8, 22) * s, dark, rng.u(0.12, 0.25), th)
    mcol = tuple(int(v) for v in np.clip(c1 - np.array([35, 25, 5]), 0, 255))
    draw_map(img, rng, s, rng.u(8, 20) * s, rng.u(14, 24) * s, rng.u(45, 65), mcol, rng.u(0.18, 0.35))
    draw_emblem(img, rng, s, rng.u(30, 45) * s, rng.u(25, 35) * s, rng.u(16, 26), mcol, rng.u(0.10, 0.2))
    # fine print noise of the offset print
    n = rng.g.normal(0, rng.u(1.0, 3.0), (h, w, 1)).astype(np.float32)
    return np.clip(img.astype(np.float32) + n, 0, 255).astype(np.uint8)
