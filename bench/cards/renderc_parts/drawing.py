"""Drawing helpers for the card: tints, text, security print, portrait, signature, noise."""

import numpy as np
import cv2
from PIL import Image, ImageDraw

from .fonts import FONT_FILES, font


# ----------------------------------------------------------------------------- card
def tint_colors(rng, kind):
    if kind == "blue":
        top = np.array([rng.uniform(165, 200), rng.uniform(212, 235), rng.uniform(225, 245)])
        bot = top + np.array([rng.uniform(-5, 25), rng.uniform(-10, 12), rng.uniform(-20, 0)])
    elif kind == "faded":
        top = np.array([rng.uniform(205, 228), rng.uniform(228, 242), rng.uniform(232, 246)])
        bot = top + rng.uniform(-6, 8)
    elif kind == "yellowed":
        top = np.array([rng.uniform(228, 242), rng.uniform(214, 228), rng.uniform(165, 195)])
        bot = top + np.array([rng.uniform(-10, 5), rng.uniform(-12, 3), rng.uniform(-20, 0)])
    else:  # grey photocopy
        g = rng.uniform(200, 238)
        top = np.array([g, g, g])
        bot = top + rng.uniform(-15, 5)
    return np.clip(top, 0, 255), np.clip(bot, 0, 255)


def draw_text(ink, x, y, text, fnt, sx=1.0, stroke=0, anchor="ls", alpha=1.0):
    """Render text into float ink layer (H,W) with horizontal scale sx. anchor 'ls' (left, baseline),
    'ms' (middle, baseline).  Returns (x0, y0, x1, y1) box actually drawn."""
    if not text:
        return (x, y, x, y)
    l, t, r, b = fnt.getbbox(text, stroke_width=stroke, anchor="ls")
    w, h = r - l + 4, b - t + 4
    im = Image.new("L", (w, h), 0)
    ImageDraw.Draw(im).text((2 - l, 2 - t), text, font=fnt, fill=255, anchor="ls", stroke_width=stroke,
                            stroke_fill=255)
    a = np.asarray(im, dtype=np.float32) / 255.0
    nw = max(1, int(round(w * sx)))
    if nw != w:
        a = cv2.resize(a, (nw, h), interpolation=cv2.INTER_AREA)
    if anchor == "ms":
        x0 = int(round(x - nw / 2))
    else:
        x0 = int(round(x + (l - 2) * sx))
    y0 = int(round(y + t - 2))
    H, W = ink.shape
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(W, x0 + nw), min(H, y0 + h)
    if xb > xa and yb > ya:
        sub = a[ya - y0:yb - y0, xa - x0:xb - x0] * alpha
        np.maximum(ink[ya:yb, xa:xb], sub, out=ink[ya:yb, xa:xb])
    return (x0, y0, x0 + nw, y0 + h)


def text_width(fnt, text, sx=1.0, stroke=0):
    l, t, r, b = fnt.getbbox(text, stroke_width=stroke, anchor="ls")
    return (r - l) * sx


def draw_security(rng, img, W, H, kind):
    """Guilloche, rosette, map, emblem, microtext, drawn as faint darker/lighter tint."""
    base = img.copy()
    pat = np.zeros((H, W), np.uint8)
    # guilloche sine bundles
    xs = np.arange(0, W + 8, 6, dtype=np.float32)
    nb = rng.randint(2, 4)
    for _ in range(nb):
        y0 = rng.uniform(0.1, 0.95) * H
        amp = rng.uniform(0.02, 0.09) * H
        lam = rng.uniform(0.25, 0.7) * W
        ph = rng.uniform(0, 6.28)
        nl = rng.randint(6, 14)
        for k in range(nl):
            ys = y0 + amp * np.sin(2 * np.pi * xs / lam + ph + k * 0.22) + k * rng.uniform(2.5, 4.5)
            pts = np.stack([xs, ys], 1).astype(np.int32).reshape(-1, 1, 2)
            cv2.polylines(pat, [pts], False, 255, 1, cv2.LINE_AA)
    # rosette (epitrochoid) somewhere in the middle
    cx, cy = rng.uniform(0.35, 0.65) * W, rng.uniform(0.4, 0.7) * H
    R = rng.uniform(0.18, 0.3) * H
    t = np.linspace(0, 2 * np.pi, 900)
    for j in range(rng.randint(3, 6)):
        k1, k2 = rng.randint(5, 12), rng.uniform(0.2, 0.5)
        rr = R * (1 + k2 * np.cos(k1 * t + j))
        pts = np.stack([cx + rr * np.cos(t), cy + rr * np.sin(t)], 1).astype(np.int32).reshape(-1, 1, 2)
        cv2.polylines(pat, [pts], True, 255, 1, cv2.LINE_AA)
    pat_f = pat.astype(np.float32) / 255.0
    # map of archipelago: a band of irregular blobs
    mp = np.zeros((H // 4, W // 4), np.uint8)
    my = rng.uniform(0.45, 0.7) * H / 4
    x = rng.uniform(0.05, 0.15) * W / 4
    while x < 0.9 * W / 4:
        ax_, ay_ = rng.uniform(4, 22), rng.uniform(2, 7)
        cv2.ellipse(mp, (int(x), int(my + rng.uniform(-10, 10) + (x / W * 4) * 8)), (int(ax_), int(ay_)),
                    rng.uniform(-30, 30), 0, 360, 255, -1)
        x += ax_ * rng.uniform(1.2, 2.2)
    mp = cv2.GaussianBlur(mp, (0, 0), 2.5)
    mp = cv2.resize(mp, (W, H)).astype(np.float32) / 255.0
    # emblem (Garuda-ish): concentric circle + wings
    em = np.zeros((H, W), np.uint8)
    ex, ey, er = int(rng.uniform(0.4, 0.6) * W), int(rng.uniform(0.45, 0.6) * H), int(0.16 * H)
    cv2.circle(em, (ex, ey), er, 255, 3, cv2.LINE_AA)
    for s in (-1, 1):
        for k in range(5):
            cv2.ellipse(em, (ex + s * int(er * 0.9), ey - int(er * 0.1) + k * 8),
                        (int(er * (0.9 - 0.12 * k)), int(er * 0.18)), s * 15, 0, 360, 255, 2, cv2.LINE_AA)
    em = em.astype(np.float32) / 255.0
    # microtext lines
    mt = np.zeros((H, W), np.float32)
    fnt = font(FONT_FILES["DejaVuSansCondensed"][0], max(9, int(H * 0.017)))
    line = ("REPUBLIK INDONESIA " * 14)
    y = rng.uniform(0.0, 0.05) * H
    step = rng.uniform(0.06, 0.1) * H
    while y < H:
        draw_text(mt, -rng.uniform(0, 80), y, line, fnt, 1.0)
        y += step
    if kind == "grey":
        col = np.array([-50.0, -50.0, -50.0])
    elif kind == "yellowed":
        col = np.array([-40.0, -35.0, -15.0])
    else:
        col = np.array([-55.0, -25.0, -10.0])
    strength = pat_f * rng.uniform(0.25, 0.5) + mp * rng.uniform(0.12, 0.25) + em * rng.uniform(0.12, 0.25) \
        + mt * rng.uniform(0.08, 0.16)
    img = base + strength[..., None] * col[None, None, :]
    return img


def make_portrait(rng, w, h, male):
    bgc = rng.choice([(200, 35, 40), (185, 25, 30), (40, 90, 190), (30, 70, 160)])
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = bgc
    # slight background gradient
    g = np.linspace(1.05, 0.9, h)[:, None, None]
    img = np.clip(img * g, 0, 255).astype(np.uint8)
    skin = rng.choice([(225, 180, 150), (205, 150, 115), (180, 130, 95), (150, 105, 75), (120, 85, 60)])
    cx = w // 2 + int(rng.uniform(-0.04, 0.04) * w)
    shirt = rng.choice([(245, 245, 245), (30, 30, 35), (40, 60, 110), (120, 30, 30), (70, 70, 70)])
    # shoulders
    cv2.ellipse(img, (cx, int(h * 1.05)), (int(w * 0.55), int(h * 0.32)), 0, 180, 360, shirt, -1, cv2.LINE_AA)
    hijab = (not male) and rng.random() < 0.55
    # neck
    cv2.rectangle(img, (cx - int(w * 0.1), int(h * 0.52)), (cx + int(w * 0.1), int(h * 0.78)), skin, -1)
    hx, hy = int(w * 0.24), int(h * 0.21)
    hc = (cx, int(h * 0.42))
    hair = rng.choice([(20, 18, 15), (35, 28, 22), (50, 40, 30)])
    if hijab:
        hc2 = rng.choice([(20, 20, 25), (230, 230, 230), (60, 30, 80), (160, 120, 90), (20, 60, 110)])
        cv2.ellipse(img, (cx, int(h * 0.45)), (int(hx * 1.35), int(hy * 1.35)), 0, 0, 360, hc2, -1,
                    cv2.LINE_AA)
        pts = np.array([[cx - int(w * 0.42), h], [cx - int(w * 0.28), int(h * 0.55)],
                        [cx + int(w * 0.28), int(h * 0.55)], [cx + int(w * 0.42), h]], np.int32)
        cv2.fillPoly(img, [pts], hc2, cv2.LINE_AA)
        cv2.ellipse(img, (cx, int(h * 0.45)), (int(hx * 0.85), int(hy * 0.92)), 0, 0, 360, skin, -1,
                    cv2.LINE_AA)
    else:
        cv2.ellipse(img, (hc[0], hc[1] - int(hy * 0.15)), (int(hx * 1.08), int(hy * 1.05)), 0, 180, 360,
                    hair, -1, cv2.LINE_AA)
        cv2.ellipse(img, hc, (hx, hy), 0, 0, 360, skin, -1, cv2.LINE_AA)
        cv2.ellipse(img, (hc[0], hc[1] - int(hy * 0.45)), (int(hx * 1.02), int(hy * 0.6)), 0, 180, 360,
                    hair, -1, cv2.LINE_AA)
        if not male and rng.random() < 0.6:
            for s in (-1, 1):
                cv2.ellipse(img, (cx + s * int(hx * 0.95), int(h * 0.5)), (int(hx * 0.22), int(hy * 0.9)), 0,
                            0, 360, hair, -1, cv2.LINE_AA)
    # eyes, mouth
    ey = int(h * 0.41)
    for s in (-1, 1):
        cv2.ellipse(img, (cx + s * int(hx * 0.38), ey), (max(2, int(hx * 0.12)), max(1, int(hy * 0.05))), 0, 0,
                    360, (30, 25, 25), -1, cv2.LINE_AA)
        cv2.line(img, (cx + s * int(hx * 0.2), ey - int(hy * 0.18)), (cx + s * int(hx * 0.55),
                                                                       ey - int(hy * 0.2)),
                 (40, 30, 25), max(1, int(h * 0.012)), cv2.LINE_AA)
    cv2.ellipse(img, (cx, int(h * 0.53)), (int(hx * 0.28), int(hy * 0.06)), 0, 0, 180, (120, 60, 60),
                max(1, int(h * 0.01)), cv2.LINE_AA)
    shade = np.linspace(0.92, 1.06, w)[None, :, None]
    img = np.clip(img * shade, 0, 255).astype(np.uint8)
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.8, 1.8))
    return img.astype(np.float32)


def draw_signature(rng, ink, x0, y0, w, h):
    n = rng.randint(40, 80)
    t = np.linspace(0, 1, n)
    xs = x0 + t * w + np.cumsum(rng_normal(rng, n)) * w * 0.01
    ys = y0 + h / 2 + np.sin(t * rng.uniform(8, 20) + rng.uniform(0, 6)) * h * 0.35 + \
        np.cumsum(rng_normal(rng, n)) * h * 0.05
    ys = ys - np.linspace(0, 1, n) * (ys[-1] - ys[0]) * 0.8
    ys = np.clip(ys, y0 + h * 0.1, y0 + h * 0.95)
    pts = np.stack([xs, ys], 1)
    pts = cv2.blur(pts.reshape(-1, 1, 2).astype(np.float32), (1, 3)).reshape(-1, 2)
    lay = np.zeros(ink.shape, np.uint8)
    cv2.polylines(lay, [(pts * 4).astype(np.int32).reshape(-1, 1, 2)], False, 255, 2, cv2.LINE_AA, shift=2)
    if rng.random() < 0.6:
        a, b = pts[rng.randint(0, n // 3)], pts[rng.randint(2 * n // 3, n - 1)]
        cv2.line(lay, (int(a[0]), int(min(y0 + h, a[1] + h * 0.3))), (int(b[0]), int(max(y0 + h * 0.15, b[1] - h * 0.2))),
                 255, 2, cv2.LINE_AA)
    np.maximum(ink, lay.astype(np.float32) / 255.0 * 0.9, out=ink)


_NOISE_BANK = None


def fnormal(nrng, sigma, shape):
    """Gaussian noise of the given shape: a random crop of a fixed noise bank (fast, deterministic)."""
    global _NOISE_BANK
    if _NOISE_BANK is None:
        _NOISE_BANK = np.random.default_rng(20240611).standard_normal((2112, 2112), dtype=np.float32)
    h, w = shape[0], shape[1]
    c = shape[2] if len(shape) > 2 else 0
    bank = _NOISE_BANK
    if h > bank.shape[0] - 64 or w > bank.shape[1] - 64:
        bank = np.pad(bank, ((0, max(0, h + 64 - bank.shape[0])), (0, max(0, w + 64 - bank.shape[1]))),
                      mode="wrap")
    outs = []
    for _ in range(max(1, c)):
        oy = int(nrng.integers(0, bank.shape[0] - h + 1))
        ox = int(nrng.integers(0, bank.shape[1] - w + 1))
        a = bank[oy:oy + h, ox:ox + w]
        if nrng.random() < 0.5:
            a = a[::-1]
        if nrng.random() < 0.5:
            a = a[:, ::-1]
        outs.append(a)
    out = (np.stack(outs, axis=2) if c else outs[0]) * np.float32(sigma)
    return out


def rng_normal(rng, n):
    return np.array([rng.gauss(0, 1) for _ in range(n)])
