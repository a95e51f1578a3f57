"""Procedural surfaces a card lies on: table, wood, cloth, paper, room blur."""
import cv2
import numpy as np


def _noise(rng, h, w, scale):
    sh, sw = max(2, int(h / scale)), max(2, int(w / scale))
    n = rng.normal(0, 1, (sh, sw)).astype(np.float32)
    return cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)


def surface(rng, h, w, kind=None):
    kinds = ["table", "wood", "cloth", "paper", "dark", "room"]
    if kind is None:
        kind = kinds[int(rng.choice(len(kinds), p=[0.2, 0.25, 0.2, 0.12, 0.1, 0.13]))]
    sh, sw = max(64, h // 3), max(64, w // 3)
    if kind == "wood":
        base = np.array(rng.choice([[150, 100, 60], [190, 140, 90], [110, 70, 40], [205, 170, 120]]),
                        np.float32)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        warp = _noise(rng, sh, sw, 40) * 8
        f = rng.uniform(0.05, 0.25)
        ang = rng.uniform(0, np.pi)
        u = xx * np.cos(ang) + yy * np.sin(ang)
        g = np.sin((u + warp) * f) * 0.5 + 0.3 * _noise(rng, sh, sw, 3)
        img = base * (1 + 0.12 * g[..., None])
        if rng.random() < 0.5:  # plank seams
            per = rng.uniform(60, 160)
            v = -xx * np.sin(ang) + yy * np.cos(ang)
            seam = (np.mod(v, per) < 1.5).astype(np.float32)
            img *= (1 - 0.4 * seam[..., None])
    elif kind == "cloth":
        base = np.array(rng.uniform(30, 230, 3), np.float32)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        p = rng.uniform(2.0, 4.0)
        weave = (np.sin(xx * np.pi / p) * np.sin(yy * np.pi / p)) * 0.06
        folds = _noise(rng, sh, sw, 50) * 0.12
        img = base * (1 + weave + folds)[..., None]
        if rng.random() < 0.4:  # pattern stripes / batik-ish
            c2 = np.array(rng.uniform(20, 230, 3), np.float32)
            m = (np.sin(xx * rng.uniform(0.05, 0.2) + 3 * np.sin(yy * 0.05)) > 0.6)
            img[m] = img[m] * 0.4 + c2 * 0.6
    elif kind == "paper":
        base = np.array([238, 236, 228], np.float32) + rng.normal(0, 6, 3)
        img = np.ones((sh, sw, 3), np.float32) * base
        img *= (1 + 0.02 * _noise(rng, sh, sw, 4))[..., None]
        if rng.random() < 0.5:  # printed lines of a document underneath
            for y in range(int(rng.uniform(5, 20)), sh, int(rng.uniform(8, 14))):
                x1 = int(rng.uniform(sw * 0.4, sw))
                cv2.line(img, (int(sw * 0.08), y), (x1, y), (120, 120, 120), 1)
    elif kind == "dark":
        base = np.array(rng.uniform(10, 60, 3), np.float32)
        img = np.ones((sh, sw, 3), np.float32) * base
        img *= (1 + 0.15 * _noise(rng, sh, sw, 6))[..., None]
    elif kind == "room":
        img = np.zeros((sh, sw, 3), np.float32)
        img[:] = np.array(rng.uniform(90, 220, 3), np.float32)
        for _ in range(8):
            c = tuple(float(v) for v in rng.uniform(20, 240, 3))
            x, y = int(rng.uniform(0, sw)), int(rng.uniform(0, sh))
            cv2.rectangle(img, (x, y), (x + int(rng.uniform(20, sw / 2)), y + int(rng.uniform(20, sh / 2))),
                          c, -1)
        img = cv2.GaussianBlur(img, (0, 0), sw / 40)
    else:  # table: plain laminate / plastic
        base = np.array(rng.choice([[230, 230, 225], [200, 200, 205], [90, 90, 95], [240, 240, 240],
                                    [160, 200, 220], [60, 40, 30]]), np.float32) + rng.normal(0, 10, 3)
        img = np.ones((sh, sw, 3), np.float32) * base
        img *= (1 + 0.04 * _noise(rng, sh, sw, 30) + 0.02 * _noise(rng, sh, sw, 2))[..., None]
    img = cv2.resize(np.clip(img, 0, 255), (w, h), interpolation=cv2.INTER_LINEAR)
    return img.astype(np.float32), kind
