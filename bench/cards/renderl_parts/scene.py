"""Surfaces the card lies on (or the blurred room behind a hand-held card)."""
import numpy as np
import cv2
from .util import pick, chance, wpick
from .wear import lowfreq


def _rgb(rng, lo=0, hi=255):
    return np.array([rng.uniform(lo, hi) for _ in range(3)], np.float32) / 255


def wood(h, w, rng):
    base = np.array(pick(rng, [(150, 100, 60), (110, 70, 40), (190, 150, 100), (90, 55, 35), (170, 120, 80), (200, 170, 130)]), np.float32) / 255
    tr = chance(rng, 0.4)
    if tr:
        h, w = w, h
    yy = np.mgrid[0:h, 0:w][0].astype(np.float32)
    streak = cv2.resize(rng.random((h, max(2, w // 80))).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    warp = lowfreq(h, w, rng, 3) * rng.uniform(20, 90) + lowfreq(h, w, rng, 12) * rng.uniform(2, 8)
    rings = 0.5 + 0.5 * np.sin((yy + warp) * rng.uniform(0.08, 0.3))
    g = 0.55 * streak + 0.45 * rings ** rng.uniform(1.5, 4)
    img = base * (0.72 + 0.45 * g[..., None])
    plank = max(20, int(h * rng.uniform(0.18, 0.5)))
    for y in range(int(rng.integers(0, plank)), h, plank):
        img[y:y + plank] *= rng.uniform(0.85, 1.12)
        img[y:y + max(1, h // 400)] *= 0.45
    if tr:
        img = np.ascontiguousarray(img.transpose(1, 0, 2))
    return img


def cloth(h, w, rng):
    col = _rgb(rng, 30, 230)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    p = rng.uniform(2.0, 4.0)
    weave = 0.5 + 0.25 * np.sin(xx * np.pi / p) * np.sin(yy * np.pi / p) + 0.25 * np.sin((xx + yy) * 0.9)
    folds = lowfreq(h, w, rng, 4)
    img = col * (0.85 + 0.15 * weave[..., None]) * (0.7 + 0.45 * folds[..., None])
    if chance(rng, 0.4):  # checked tablecloth / sarung pattern
        c2 = _rgb(rng, 30, 230)
        cell = rng.uniform(0.04, 0.12) * w
        chk = ((xx // cell + yy // cell) % 2)[..., None]
        img = img * (1 - 0.5 * chk) + c2 * weave[..., None] * 0.5 * chk
    return img


def bedsheet(h, w, rng):
    base = _rgb(rng, 150, 250)
    img = np.ones((h, w, 3), np.float32) * base
    kind = pick(rng, ["floral", "stripes", "dots", "plain"])
    if kind == "stripes":
        xx = np.arange(w, dtype=np.float32)
        per = rng.uniform(0.03, 0.1) * w
        s = ((xx % per) < per * rng.uniform(0.2, 0.5)).astype(np.float32)
        img = img * (1 - 0.35 * s[None, :, None]) + _rgb(rng, 40, 200) * 0.35 * s[None, :, None]
    elif kind in ("floral", "dots"):
        lay = np.zeros((h, w, 3), np.float32)
        cols = [tuple(float(c) for c in _rgb(rng, 30, 220)) for _ in range(3)]
        step = int(max(8, rng.uniform(0.05, 0.15) * w))
        for y in range(0, h + step, step):
            for x in range(0, w + step, step):
                cx, cy = x + int(rng.integers(-step // 4, step // 4 + 1)), y + int(rng.integers(-step // 4, step // 4 + 1))
                c = pick(rng, cols)
                r = max(2, int(step * rng.uniform(0.12, 0.3)))
                if kind == "dots":
                    cv2.circle(lay, (cx, cy), r, c, -1, cv2.LINE_AA)
                else:
                    for a in range(5):
                        ang = a * 2 * np.pi / 5
                        cv2.circle(lay, (int(cx + r * np.cos(ang)), int(cy + r * np.sin(ang))), max(2, r * 2 // 3), c, -1, cv2.LINE_AA)
                    cv2.circle(lay, (cx, cy), max(1, r // 2), (0.95, 0.85, 0.3), -1, cv2.LINE_AA)
        m = (lay.sum(2, keepdims=True) > 0).astype(np.float32)
        img = img * (1 - m) + lay * m
    wr = lowfreq(h, w, rng, 8) - 0.5
    wr2 = np.abs(lowfreq(h, w, rng, 16) - 0.5)
    return img * (0.9 + 0.35 * wr[..., None] - 0.3 * wr2[..., None])


def tiles(h, w, rng):
    base = _rgb(rng, 120, 240)
    img = np.ones((h, w, 3), np.float32) * base
    cell = int(max(10, rng.uniform(0.15, 0.5) * w))
    img *= (0.9 + 0.15 * lowfreq(h, w, rng, 20))[..., None]
    lw = max(1, cell // 40)
    img[:, ::cell] *= 0.6
    img[::cell, :] *= 0.6
    for k in range(1, lw):
        img[:, k::cell] *= 0.75
        img[k::cell, :] *= 0.75
    return img


def plain_table(h, w, rng):
    base = pick(rng, [(235, 235, 230), (60, 60, 65), (200, 200, 205), (220, 210, 190), (40, 35, 30), (245, 245, 248)])
    img = np.ones((h, w, 3), np.float32) * (np.array(base, np.float32) / 255)
    img *= (0.92 + 0.12 * lowfreq(h, w, rng, 6))[..., None]
    img += rng.normal(0, 0.01, (h, w, 1)).astype(np.float32)
    return img


def batik(h, w, rng):
    c1, c2 = _rgb(rng, 60, 200), _rgb(rng, 10, 90)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    per = rng.uniform(0.06, 0.14) * w
    u, v = (xx % per) / per - 0.5, (yy % per) / per - 0.5
    r = np.sqrt(u * u + v * v)
    pat = ((np.abs(np.sin(r * 18)) > 0.6) | (np.abs(u * v) < 0.003)).astype(np.float32)
    img = c1 * (1 - pat[..., None]) + c2 * pat[..., None]
    return img * (0.75 + 0.35 * lowfreq(h, w, rng, 5))[..., None]


WALLS = [(235, 230, 215), (245, 245, 240), (200, 225, 200), (205, 220, 235), (240, 215, 215), (230, 220, 180), (180, 180, 185)]
THINGS = [(120, 80, 50), (60, 45, 35), (40, 40, 45), (150, 150, 155), (200, 200, 200), (90, 110, 140), (160, 60, 60),
          (220, 200, 160), (70, 100, 70)]


def room_blur(h, w, rng):
    """Out-of-focus room behind a hand-held card."""
    jit = lambda c: tuple(float(np.clip(x / 255 * rng.uniform(0.85, 1.1), 0, 1)) for x in c)
    img = np.ones((h, w, 3), np.float32) * np.array(jit(pick(rng, WALLS)), np.float32)
    split = int(h * rng.uniform(0.45, 0.95))
    img[split:] = jit(pick(rng, THINGS + [(200, 190, 170), (150, 140, 130)]))
    for _ in range(int(rng.integers(2, 8))):
        x0, y0 = int(rng.uniform(-0.2, 1) * w), int(rng.uniform(-0.1, 1) * h)
        cv2.rectangle(img, (x0, y0), (x0 + int(rng.uniform(0.05, 0.45) * w), y0 + int(rng.uniform(0.05, 0.7) * h)),
                      jit(pick(rng, THINGS)), -1)
    if chance(rng, 0.5):  # bright window or lamp
        x0, y0 = int(rng.uniform(0, 0.8) * w), int(rng.uniform(0, 0.4) * h)
        cv2.rectangle(img, (x0, y0), (x0 + int(rng.uniform(0.15, 0.35) * w), y0 + int(rng.uniform(0.2, 0.45) * h)), (1.0, 1.0, 0.97), -1)
    light = 0.7 + 0.5 * lowfreq(h, w, rng, 2)
    img = img * light[..., None]
    return cv2.GaussianBlur(img, (0, 0), max(3, w / rng.uniform(25, 60)))


SURFACES = [("wood", wood, 5), ("cloth", cloth, 3), ("bedsheet", bedsheet, 3), ("tiles", tiles, 2),
            ("table", plain_table, 4), ("batik", batik, 1.5)]


def surface(h, w, rng, held):
    """Return (float32 RGB image h x w, name). Built at reduced size, then upscaled."""
    f = min(1.0, 900.0 / max(h, w))
    sh, sw = max(8, int(h * f)), max(8, int(w * f))
    if held:
        name, img = "room_blur", room_blur(sh, sw, rng)
    else:
        name, fn = wpick(rng, [((n, f_), wt) for n, f_, wt in SURFACES])
        img = fn(sh, sw, rng)
        if chance(rng, 0.3):  # shallow depth of field
            img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.8, 3))
    img = cv2.resize(np.clip(img, 0, 1).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    return img, name
