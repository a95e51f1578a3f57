"""Surfaces the card lies on: wood, cloth, paper, tiles, a palm, a cluttered desk."""
import cv2
import numpy as np

KINDS = ["wood", "wood", "cloth", "paper", "tiles", "palm", "clutter"]


def _noise(h, w, rng, scale):
    small = rng.normal(0, 1, (max(2, h // scale), max(2, w // scale))).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def wood(h, w, rng):
    base = np.array([150, 105, 65], np.float32) * rng.uniform(0.6, 1.25)
    yy = np.arange(h, dtype=np.float32)[:, None]
    warp = _noise(h, w, rng, 400) * rng.uniform(15, 40)
    grain = np.sin((yy + warp) / rng.uniform(3, 9)) * 0.5 + 0.5
    streak = cv2.resize(rng.normal(0, 1, (max(2, h // 2), max(2, w // 80))).astype(np.float32), (w, h),
                        interpolation=cv2.INTER_LINEAR)
    grain = grain * 0.45 + streak * 0.12 + _noise(h, w, rng, 4) * 0.08
    img = base[None, None, :] * (0.8 + 0.25 * grain[..., None])
    if rng.random() < 0.5:  # planks
        pw = int(w / rng.uniform(2, 5))
        for x in range(pw, w, pw):
            img[:, x:x + 3] *= 0.55
    return img


def cloth(h, w, rng):
    col = rng.uniform(40, 220, 3).astype(np.float32)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    p = rng.uniform(3, 7)
    weave = (np.sin(xx / p * np.pi) * np.sin(yy / p * np.pi)) * 0.06
    folds = _noise(h, w, rng, 150) * 0.12
    return col[None, None, :] * (1 + weave[..., None] + folds[..., None])


def paper(h, w, rng):
    col = np.array([238, 236, 228], np.float32) - rng.uniform(0, 30)
    img = np.ones((h, w, 3), np.float32) * col
    img *= (1 + _noise(h, w, rng, 3)[..., None] * 0.02 + _noise(h, w, rng, 200)[..., None] * 0.05)
    if rng.random() < 0.5:  # ruled lines
        step = int(rng.uniform(25, 60))
        img[int(rng.uniform(0, step))::step, :, :] *= np.array([0.85, 0.88, 0.98], np.float32)
    return img


def tiles(h, w, rng):
    col = rng.uniform(150, 235, 3).astype(np.float32)
    img = np.ones((h, w, 3), np.float32) * col
    img *= (1 + _noise(h, w, rng, 30)[..., None] * 0.05)
    step = int(min(h, w) / rng.uniform(2.5, 6))
    grout = col * 0.6
    for v in range(int(rng.uniform(0, step)), h, step):
        img[v:v + 4] = grout
    for u in range(int(rng.uniform(0, step)), w, step):
        img[:, u:u + 4] = grout
    return img


def palm(h, w, rng):
    bg = cloth(h, w, rng) * 0.6
    skin = np.array([200, 150, 115], np.float32) * rng.uniform(0.6, 1.05)
    mask = np.zeros((h, w), np.float32)
    cx, cy = w * rng.uniform(0.45, 0.55), h * rng.uniform(0.5, 0.62)
    cv2.ellipse(mask, (int(cx), int(cy)), (int(w * 0.42), int(h * 0.38)), float(rng.uniform(-20, 20)), 0, 360, 1.0, -1)
    cv2.rectangle(mask, (int(cx - w * 0.2), int(cy)), (int(cx + w * 0.2), h), 1.0, -1)
    mask = cv2.GaussianBlur(mask, (0, 0), min(h, w) * 0.02)
    shade = 1 + _noise(h, w, rng, 120) * 0.08
    hand = skin[None, None, :] * shade[..., None]
    return bg * (1 - mask[..., None]) + hand * mask[..., None]


def clutter(h, w, rng):
    img = rng.choice([wood, paper, cloth])(h, w, rng)
    for _ in range(int(rng.integers(3, 9))):
        col = tuple(float(c) for c in rng.uniform(20, 240, 3))
        x, y = int(rng.uniform(0, w)), int(rng.uniform(0, h))
        s = int(min(h, w) * rng.uniform(0.08, 0.3))
        if rng.random() < 0.5:
            cv2.circle(img, (x, y), s // 2, col, -1)
        else:
            box = cv2.boxPoints(((x, y), (s, s * rng.uniform(0.3, 1.5)), float(rng.uniform(0, 180))))
            cv2.fillPoly(img, [box.astype(np.int32)], col)
        if rng.random() < 0.3:  # a pen
            cv2.line(img, (x, y), (x + int(s * 1.5), y + int(s * 0.4)), (20, 40, 150), max(3, s // 12))
    return img


def make_background(h, w, rng):
    kind = KINDS[int(rng.integers(len(KINDS)))]
    # build at reduced size and upscale: cheap and still textured
    f = max(1.0, max(h, w) / 1600)
    sh, sw = int(h / f), int(w / f)
    img = globals()[kind](sh, sw, rng)
    if f > 1:
        img = cv2.resize(img, (w, h), interpolation=cv2.INTER_LINEAR)
    return np.clip(img, 0, 255).astype(np.float32), kind
