"""Surfaces the card lies on: tables, cloth, paper, patterns, floors. Drawn small, then scaled up."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick, smooth_noise, gradient

WOOD = [(150, 100, 60), (120, 80, 45), (180, 130, 85), (95, 60, 35), (200, 160, 110), (160, 120, 90)]
CLOTHS = [(200, 40, 50), (40, 60, 140), (230, 230, 225), (60, 60, 65), (90, 140, 90), (220, 190, 140),
          (130, 60, 120), (240, 200, 200), (30, 30, 35), (180, 180, 190), (80, 50, 30), (250, 160, 60)]
DESKS = [(235, 235, 230), (200, 200, 195), (40, 40, 42), (220, 210, 190), (150, 150, 155), (250, 250, 248),
         (120, 125, 130), (205, 180, 150)]


def _f(c):
    return np.array(c, np.float32) / 255.0


def wood(rng, h, w):
    base = _f(pick(rng, WOOD))
    ang = uni(rng, 0, np.pi)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    t = np.cos(ang) * xx + np.sin(ang) * yy
    s = -np.sin(ang) * xx + np.cos(ang) * yy
    n = smooth_noise(rng, h, w, max(h, w) * 0.2, 3)
    period = uni(rng, 0.004, 0.015) * max(h, w)
    grain = np.sin(s * 2 * np.pi / period + n * uni(rng, 10, 40)) * 0.5 + 0.5
    grain = 0.6 * grain + 0.4 * smooth_noise(rng, h, w, max(h, w) * 0.05, 2)
    fine = smooth_noise(rng, h, w, 3, 2)
    v = 0.82 + 0.12 * grain + 0.08 * fine
    img = base[None, None] * v[..., None]
    if chance(rng, 0.6):
        pw = uni(rng, 0.15, 0.4) * max(h, w)
        seam = (np.abs(((s / pw) % 1.0) - 0.5) > 0.497).astype(np.float32)
        img *= (1 - 0.4 * seam)[..., None]
    return img


def desk(rng, h, w):
    base = _f(pick(rng, DESKS))
    img = base[None, None] * (0.94 + 0.06 * smooth_noise(rng, h, w, 2, 2))[..., None]
    if chance(rng, 0.3):  # marble-ish veins
        n = smooth_noise(rng, h, w, max(h, w) * 0.15, 4)
        veins = np.exp(-((n - 0.5) ** 2) / 0.0004)
        img *= (1 - uni(rng, 0.04, 0.12) * veins)[..., None]
    return img


def cloth(rng, h, w):
    base = _f(pick(rng, CLOTHS))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    p = uni(rng, 1.5, 4)
    weave = 0.5 + 0.25 * np.sin(xx * np.pi / p) * np.sin(yy * np.pi / p)
    folds = smooth_noise(rng, h, w, max(h, w) * 0.25, 2)
    v = 0.75 + 0.1 * weave + 0.3 * (folds - 0.5)
    return base[None, None] * v[..., None]


def pattern(rng, h, w):
    kind = pick(rng, ["checks", "tiles", "dots", "stripes", "batik"])
    c1, c2 = _f(pick(rng, CLOTHS + DESKS)), _f(pick(rng, CLOTHS + DESKS))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = uni(rng, -0.5, 0.5)
    u = np.cos(ang) * xx + np.sin(ang) * yy
    v = -np.sin(ang) * xx + np.cos(ang) * yy
    p = uni(rng, 0.04, 0.15) * max(h, w)
    if kind == "checks":
        m = 0.5 * (((u / p) % 1 < 0.5).astype(np.float32) + ((v / p) % 1 < 0.5).astype(np.float32))
    elif kind == "tiles":
        m = (((u / p) % 1 < 0.03) | ((v / p) % 1 < 0.03)).astype(np.float32)
        c2 = c1 * 0.7
    elif kind == "dots":
        m = ((((u / p) % 1 - 0.5) ** 2 + ((v / p) % 1 - 0.5) ** 2) < 0.06).astype(np.float32)
    elif kind == "stripes":
        m = ((u / p) % 1 < uni(rng, 0.2, 0.6)).astype(np.float32)
    else:
        m = (np.sin(u / p * 6.28) * np.sin(v / p * 6.28) + 0.5 * np.sin((u + v) / p * 12.5) > 0.3).astype(np.float32)
    m = cv2.GaussianBlur(m, (0, 0), 0.8)
    img = c1[None, None] * (1 - m[..., None]) + c2[None, None] * m[..., None]
    return img * (0.9 + 0.1 * smooth_noise(rng, h, w, 4, 2))[..., None]


def paper(rng, h, w):
    under = pick(rng, [wood, desk, cloth])(rng, h, w)
    img = under.copy()
    pw, ph = int(w * uni(rng, 0.5, 1.2)), int(h * uni(rng, 0.6, 1.3))
    x0, y0 = int(uni(rng, -0.3, 0.5) * w), int(uni(rng, -0.3, 0.5) * h)
    sheet = np.ones((ph, pw, 3), np.float32) * _f(pick(rng, [(248, 248, 245), (240, 238, 228), (250, 250, 250)]))
    if chance(rng, 0.5):  # ruled lines
        for yl in range(int(ph * 0.1), ph, max(4, int(ph / 30))):
            cv2.line(sheet, (0, yl), (pw, yl), tuple(float(c) for c in _f((170, 190, 220))), 1)
    elif chance(rng, 0.4):  # printed text
        for yl in range(int(ph * 0.08), int(ph * 0.9), max(3, int(ph / 40))):
            xs = int(pw * 0.1)
            while xs < pw * 0.9:
                wl = int(rng.integers(3, 18)) * max(1, pw // 300)
                cv2.line(sheet, (xs, yl), (min(xs + wl, int(pw * 0.9)), yl), (0.35, 0.35, 0.35), max(1, ph // 300))
                xs += wl + max(2, pw // 150)
    M = cv2.getRotationMatrix2D((pw / 2, ph / 2), uni(rng, -20, 20), 1.0)
    sh_m = cv2.warpAffine(np.ones((ph, pw), np.float32), M, (pw, ph))
    sheet = cv2.warpAffine(sheet, M, (pw, ph))
    ys0, xs0 = max(0, y0), max(0, x0)
    ys1, xs1 = min(h, y0 + ph), min(w, x0 + pw)
    if ys1 > ys0 and xs1 > xs0:
        a = sh_m[ys0 - y0:ys1 - y0, xs0 - x0:xs1 - x0, None]
        img[ys0:ys1, xs0:xs1] = img[ys0:ys1, xs0:xs1] * (1 - a) + sheet[ys0 - y0:ys1 - y0, xs0 - x0:xs1 - x0] * a
    return img


KINDS = [("wood", 0.24), ("desk", 0.24), ("cloth", 0.18), ("pattern", 0.14), ("paper", 0.12), ("floor", 0.08)]


def background(rng, H, W, kind=None):
    """float32 (H,W,3) surface, drawn at most 720 px long then resized; returns (img, kind)."""
    kind = kind or wpick(rng, KINDS)
    s = min(1.0, 720.0 / max(H, W))
    h, w = max(8, int(H * s)), max(8, int(W * s))
    if kind == "floor":
        img = pattern(rng, h, w) if chance(rng, 0.5) else wood(rng, h, w)
    else:
        img = {"wood": wood, "desk": desk, "cloth": cloth, "pattern": pattern, "paper": paper}[kind](rng, h, w)
    # uneven room light on the surface
    img = img * gradient(h, w, (255, 255, 255), tuple([uni(rng, 150, 255)] * 3), uni(rng, 0, 6.28))
    img = cv2.resize(img.astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    return np.clip(img, 0, 1), kind
