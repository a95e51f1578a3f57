"""Backgrounds the card is photographed on: wood, cloth, tablecloth, desk."""

import math

import numpy as np
import cv2
from PIL import Image, ImageDraw, ImageFilter


def fbm(nrng, h, w, base=4, octaves=4, persistence=0.5):
    out = np.zeros((h, w), np.float32)
    amp, tot = 1.0, 0.0
    aspect = w / max(1, h)
    for o in range(octaves):
        gh = int(base * 2 ** o) + 2
        gw = int(base * 2 ** o * aspect) + 2
        g = nrng.random((gh, gw), dtype=np.float32)
        out += amp * cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
        tot += amp
        amp *= persistence
    return out / tot


def rotate_crop(img, angle, w, h):
    D = img.shape[0]
    M = cv2.getRotationMatrix2D((D / 2, D / 2), angle, 1.0)
    M[0, 2] += w / 2 - D / 2
    M[1, 2] += h / 2 - D / 2
    return cv2.warpAffine(img, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def bg_wood(r, nrng, w, h):
    D = int(math.ceil(math.hypot(w, h))) + 4
    palettes = [((205, 165, 115), (150, 105, 62)), ((122, 80, 52), (72, 46, 29)), ((165, 92, 62), (105, 55, 38)),
                ((182, 172, 160), (128, 118, 108)), ((226, 214, 194), (188, 170, 146)), ((192, 142, 92), (132, 88, 52)),
                ((214, 180, 140), (170, 128, 88))]
    light, dark = [np.array(c, np.float32) for c in r.choice(palettes)]
    k = D / 1000.0
    yy = np.arange(D, dtype=np.float32)[:, None]
    stretch = r.uniform(4, 10)
    sw = max(8, int(D / stretch))
    # slow warp, stretched along the grain (x)
    warp = cv2.resize(fbm(nrng, D, sw, base=3, octaves=4), (D, D), interpolation=cv2.INTER_LINEAR) - 0.5
    period = r.uniform(8, 26) * k
    rings = 0.5 + 0.5 * np.sin(2 * math.pi * (yy + warp * period * r.uniform(3, 9)) / period)
    rings = rings ** r.uniform(1.5, 4)
    # fine pores / streaks: random along y, very smooth along x
    fine = cv2.resize(nrng.random((D, max(3, D // 120)), dtype=np.float32), (D, D), interpolation=cv2.INTER_LINEAR)
    mid = cv2.resize(nrng.random((max(8, D // 6), max(3, D // 200)), dtype=np.float32), (D, D),
                     interpolation=cv2.INTER_CUBIC)
    t = 0.38 * rings + 0.22 * fine + 0.4 * mid
    # planks with end joints
    pw = r.uniform(0.12, 0.4) * D
    plank = np.floor(yy / pw)
    poff = ((np.sin(plank * 12.9898 + r.uniform(0, 100)) * 43758.5453) % 1.0).astype(np.float32)
    t = np.clip(t * 0.85 + (poff - 0.5) * 0.3 + 0.08, 0, 1)
    img = light[None, None, :] * (1 - t[..., None]) + dark[None, None, :] * t[..., None]
    gapw = max(1.0, 1.2 * k)
    gap = np.clip(1.0 - np.abs(((yy + pw / 2) % pw) - pw / 2) / gapw, 0, 1)
    img *= (1 - 0.55 * gap)[..., None] * np.ones((1, D, 1), np.float32)
    if r.random() < 0.6:
        d = ImageDraw.Draw(jm := Image.new("L", (D, D), 0))
        for pi in range(int(D / pw) + 2):
            x = r.uniform(0, D)
            while x < D:
                d.line([(x, pi * pw), (x, (pi + 1) * pw)], fill=150, width=max(1, int(gapw)))
                x += r.uniform(0.6, 1.6) * D
        img *= (1 - np.asarray(jm, np.float32)[..., None] / 255.0 * 0.5)
    img = rotate_crop(img, r.uniform(0, 180), w, h)
    return img, "wood"


def cloth_folds(r, nrng, h, w, strength):
    """Soft elongated folds: a few warped sine ridges plus a gentle low-frequency shading."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = r.uniform(0, math.pi)
    u = (xx * math.cos(ang) + yy * math.sin(ang)) / max(h, w)
    warp = fbm(nrng, h, w, base=1.5, octaves=2)
    lam = r.uniform(0.12, 0.35)
    ridge = np.sin(2 * math.pi * (u / lam + 1.2 * warp))
    env = fbm(nrng, h, w, base=1.5, octaves=2)
    sh = 1.0 + strength * 0.12 * ridge * (0.3 + env) + 0.08 * (fbm(nrng, h, w, base=1.5, octaves=2) - 0.5)
    return np.clip(sh, 0.75, 1.15).astype(np.float32)


def weave(r, h, w, period, angle):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ca, sa = math.cos(angle), math.sin(angle)
    u = xx * ca + yy * sa
    v = -xx * sa + yy * ca
    chk = (np.floor(u / period) + np.floor(v / period)) % 2
    cu = 0.5 + 0.5 * np.cos(2 * math.pi * v / period)
    cv_ = 0.5 + 0.5 * np.cos(2 * math.pi * u / period)
    return (chk * cu + (1 - chk) * cv_).astype(np.float32), u, v


def bg_cloth(r, nrng, w, h):
    col = np.array(r.choice([(236, 236, 230), (235, 205, 210), (190, 210, 235), (175, 175, 180), (45, 55, 95),
                             (120, 35, 45), (225, 210, 180), (150, 180, 150), (240, 230, 200), (90, 90, 95)]), np.float32)
    period = r.uniform(2.5, 6.0)
    wv, u, v = weave(r, h, w, period, r.uniform(0, math.pi))
    img = col[None, None, :] * (0.84 + 0.16 * wv[..., None])
    if r.random() < 0.3:  # printed stripes on the sheet
        sp = r.uniform(30, 120)
        stripe = ((u % sp) < sp * r.uniform(0.2, 0.5)).astype(np.float32)
        sc = np.array([r.randint(60, 230) for _ in range(3)], np.float32)
        stripe = cv2.GaussianBlur(stripe, (0, 0), 1.0)
        img = img * (1 - 0.6 * stripe[..., None]) + sc * 0.6 * stripe[..., None] * (0.84 + 0.16 * wv[..., None])
    img = img * cloth_folds(r, nrng, h, w, r.uniform(0.3, 1.0))[..., None]
    return img, "cloth"


def bg_tablecloth(r, nrng, w, h):
    kind = r.choice(["gingham", "stripes", "dots", "floral", "floral"])
    ang = r.uniform(0, math.pi)
    wv, u, v = weave(r, h, w, r.uniform(2.5, 4.5), ang)
    white = np.array([r.randint(230, 250), r.randint(228, 248), r.randint(220, 240)], np.float32)
    colc = np.array(r.choice([(190, 30, 40), (30, 70, 160), (40, 130, 70), (30, 30, 35), (230, 150, 40),
                              (120, 50, 130), (230, 110, 140)]), np.float32)
    if kind == "gingham":
        q = r.uniform(12, 45)
        sx = ((u % (2 * q)) < q).astype(np.float32)
        sy = ((v % (2 * q)) < q).astype(np.float32)
        m = 0.5 * (sx + sy)
        m = cv2.GaussianBlur(m, (0, 0), 0.8)
        img = white * (1 - m[..., None]) + colc * m[..., None]
        img = img * (0.86 + 0.14 * wv[..., None])
    elif kind == "stripes":
        q = r.uniform(10, 60)
        m = ((u % (2 * q)) < q * r.uniform(0.3, 1.0)).astype(np.float32)
        m = cv2.GaussianBlur(m, (0, 0), 0.8)
        img = white * (1 - m[..., None]) + colc * m[..., None]
        img = img * (0.86 + 0.14 * wv[..., None])
    else:
        bgc = tuple(int(c) for c in (colc if r.random() < 0.5 else white))
        pim = Image.new("RGB", (w, h), bgc)
        d = ImageDraw.Draw(pim)
        if kind == "dots":
            q = r.uniform(25, 70)
            rad = q * r.uniform(0.12, 0.3)
            dc = tuple(int(c) for c in (white if bgc != tuple(int(c) for c in white) else colc))
            for yi in np.arange(-q, h + q, q):
                for xi in np.arange(-q, w + q, q):
                    ox = q / 2 if int(yi / q) % 2 else 0
                    d.ellipse([xi + ox - rad, yi - rad, xi + ox + rad, yi + rad], fill=dc)
        else:
            nfl = int(w * h / r.uniform(5000, 15000))
            pal = [tuple(r.randint(30, 250) for _ in range(3)) for _ in range(4)]
            leaf = (r.randint(20, 80), r.randint(90, 150), r.randint(30, 80))
            for _ in range(nfl):
                x, y = r.uniform(0, w), r.uniform(0, h)
                R = r.uniform(8, 30)
                c = r.choice(pal)
                for k in range(2):
                    a = r.uniform(0, 6.28)
                    d.ellipse([x + math.cos(a) * R * 1.3 - R * 0.5, y + math.sin(a) * R * 1.3 - R * 0.25,
                               x + math.cos(a) * R * 1.3 + R * 0.5, y + math.sin(a) * R * 1.3 + R * 0.25], fill=leaf)
                npet = r.randint(4, 7)
                for k in range(npet):
                    a = k * 2 * math.pi / npet
                    px, py = x + math.cos(a) * R * 0.55, y + math.sin(a) * R * 0.55
                    d.ellipse([px - R * 0.45, py - R * 0.45, px + R * 0.45, py + R * 0.45], fill=c)
                d.ellipse([x - R * 0.25, y - R * 0.25, x + R * 0.25, y + R * 0.25], fill=(240, 210, 60))
        img = np.asarray(pim.filter(ImageFilter.GaussianBlur(0.7))).astype(np.float32)
        if r.random() < 0.5:  # vinyl: no weave, glossy
            img = img * (0.97 + 0.03 * wv[..., None])
        else:
            img = img * (0.87 + 0.13 * wv[..., None])
    img = img * cloth_folds(r, nrng, h, w, r.uniform(0.1, 0.6))[..., None]
    return img, "tablecloth_" + kind


def bg_desk(r, nrng, w, h):
    col = np.array(r.choice([(232, 232, 228), (210, 210, 208), (120, 120, 124), (60, 60, 64), (35, 35, 38),
                             (220, 205, 180), (200, 185, 160), (180, 200, 215), (240, 240, 240), (95, 80, 70)]),
                   np.float32)
    col = col * r.uniform(0.92, 1.05)
    low = fbm(nrng, h, w, base=2, octaves=3)
    img = col[None, None, :] * (0.94 + 0.12 * low[..., None])
    speck = nrng.standard_normal((h, w), dtype=np.float32) * r.uniform(1.5, 5.0)
    speck = cv2.GaussianBlur(speck, (0, 0), r.uniform(0.5, 1.2))
    img = img + speck[..., None]
    return img, "desk"


def make_background(r, nrng, W, H):
    kind = r.choices(["wood", "cloth", "tablecloth", "desk"], [0.3, 0.25, 0.25, 0.2])[0]
    scale = 0.5 if kind in ("cloth", "tablecloth") else 0.33
    w, h = max(64, int(W * scale)), max(64, int(H * scale))
    fn = {"wood": bg_wood, "cloth": bg_cloth, "tablecloth": bg_tablecloth, "desk": bg_desk}[kind]
    img, name = fn(r, nrng, w, h)
    return np.ascontiguousarray(img, dtype=np.float32), name
