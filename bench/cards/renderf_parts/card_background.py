"""Card substrate: tinted gradient, guilloche waves, emblem watermark, portrait, signature."""
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

TINTS = ["blue_green", "blue_green", "blue_green", "faded", "photocopy", "yellowed"]


def gradient(w, h, rng, tint):
    top = np.array([170, 212, 236], float) + rng.normal(0, 8, 3)
    bot = np.array([196, 232, 212], float) + rng.normal(0, 8, 3)
    if tint == "faded":
        top = top * 0.5 + 235 * 0.5
        bot = bot * 0.5 + 235 * 0.5
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0.2, 1.2)
    t = (yy / h * math.sin(ang) + xx / w * math.cos(ang)) / (math.sin(ang) + math.cos(ang))
    img = top[None, None, :] * (1 - t[..., None]) + bot[None, None, :] * t[..., None]
    # soft lighter band, as on the real card
    band = np.exp(-((yy / h - rng.uniform(0.3, 0.7)) ** 2) / 0.05)[..., None]
    img = img + band * rng.uniform(5, 18)
    return np.clip(img, 0, 255)


def guilloche(w, h, rng, strength):
    layer = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(layer)
    n = int(rng.integers(18, 40))
    amp = rng.uniform(10, 30)
    freq = rng.uniform(1.5, 4.0)
    xs = np.linspace(0, w, 160)
    for k in range(n):
        y0 = h * k / n
        ph = rng.uniform(0, 2 * math.pi) if rng.random() < 0.2 else k * 0.35
        ys = y0 + amp * np.sin(xs / w * 2 * math.pi * freq + ph) + amp * 0.4 * np.sin(xs / w * 13 + k)
        d.line(list(zip(xs.tolist(), ys.tolist())), fill=int(255 * strength), width=1)
    # a rosette
    cx, cy, r = w * rng.uniform(0.3, 0.6), h * rng.uniform(0.4, 0.7), h * rng.uniform(0.2, 0.35)
    for k in range(24):
        a = k / 24 * 2 * math.pi
        d.ellipse([cx + r * 0.5 * math.cos(a) - r * 0.5, cy + r * 0.5 * math.sin(a) - r * 0.5,
                   cx + r * 0.5 * math.cos(a) + r * 0.5, cy + r * 0.5 * math.sin(a) + r * 0.5],
                  outline=int(200 * strength))
    return np.asarray(layer, np.float32) / 255.0


def emblem(w, h, rng):
    """A faint eagle-shield-like emblem: shield, star, spread wings."""
    layer = Image.new("L", (w, h), 0)
    d = ImageDraw.Draw(layer)
    cx, cy, s = w * rng.uniform(0.42, 0.55), h * rng.uniform(0.45, 0.6), h * rng.uniform(0.22, 0.3)
    for side in (-1, 1):
        for k in range(6):
            x1 = cx + side * s * (0.3 + 0.12 * k)
            d.line([(cx + side * s * 0.2, cy - s * 0.1), (x1, cy - s * (0.55 - 0.07 * k))], fill=255, width=3)
    d.ellipse([cx - s * 0.3, cy - s * 0.75, cx + s * 0.3, cy - s * 0.35], outline=255, width=3)
    d.polygon([(cx - s * 0.35, cy - s * 0.3), (cx + s * 0.35, cy - s * 0.3), (cx + s * 0.3, cy + s * 0.2),
               (cx, cy + s * 0.45), (cx - s * 0.3, cy + s * 0.2)], outline=255)
    pts = []
    for k in range(10):
        rr = s * (0.15 if k % 2 == 0 else 0.06)
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy - s * 0.05 + rr * math.sin(a)))
    d.polygon(pts, outline=255)
    d.line([(cx - s * 0.3, cy + s * 0.6), (cx + s * 0.3, cy + s * 0.6)], fill=255, width=4)
    return np.asarray(layer.filter(ImageFilter.GaussianBlur(1.0)), np.float32) / 255.0


def substrate(w, h, rng):
    tint = TINTS[int(rng.integers(len(TINTS)))]
    img = gradient(w, h, rng, tint)
    g = guilloche(w, h, rng, rng.uniform(0.5, 1.0))
    ink = np.array([90, 140, 190], float) + rng.normal(0, 10, 3)
    alpha = rng.uniform(0.12, 0.3)
    img = img * (1 - alpha * g[..., None]) + ink * alpha * g[..., None]
    has_emblem = bool(rng.random() < 0.5)
    if has_emblem:
        e = emblem(w, h, rng)
        ea = rng.uniform(0.06, 0.14)
        img = img * (1 - ea * e[..., None]) + np.array([120, 150, 170]) * ea * e[..., None]
    return img, {"tint": tint, "emblem_watermark": has_emblem, "guilloche_alpha": round(float(alpha), 3)}


def finish_tint(arr, tint, rng):
    """Apply the card-wide tint after the text is printed."""
    if tint == "yellowed":
        y = np.array([236, 222, 160], float)
        k = rng.uniform(0.2, 0.4)
        arr = arr * (1 - k) + y * k * (arr / 255.0) ** 0.5 * 1.0
    elif tint == "photocopy":
        g = arr.mean(axis=2, keepdims=True)
        g = np.clip((g - 128) * rng.uniform(1.1, 1.4) + 128 + rng.uniform(-10, 15), 0, 255)
        arr = np.repeat(g, 3, axis=2) * np.array([1.0, 1.0, rng.uniform(0.95, 1.03)])
        arr = arr + rng.normal(0, 6, arr.shape[:2])[..., None]
    elif tint == "faded":
        arr = arr * 0.85 + 255 * 0.15
    return np.clip(arr, 0, 255)


def portrait(w, h, rng, female):
    bg = [(200, 35, 40), (45, 90, 185)][int(rng.integers(2))]
    im = Image.new("RGB", (w, h), bg)
    d = ImageDraw.Draw(im)
    skin = tuple(int(c) for c in np.array([205, 160, 125]) * rng.uniform(0.7, 1.05))
    cloth = [(30, 30, 40), (240, 240, 240), (25, 45, 90), (90, 30, 30), (60, 60, 60)][int(rng.integers(5))]
    cx = w * rng.uniform(0.46, 0.54)
    d.ellipse([cx - w * 0.62, h * 0.72, cx + w * 0.62, h * 1.35], fill=cloth)
    d.rectangle([cx - w * 0.1, h * 0.52, cx + w * 0.1, h * 0.78], fill=skin)
    hr, vr = w * rng.uniform(0.2, 0.25), h * rng.uniform(0.2, 0.24)
    hy = h * 0.4
    hijab = female and rng.random() < 0.45
    if hijab:
        hc = [(240, 240, 240), (30, 30, 30), (120, 60, 90), (40, 70, 120), (180, 150, 110)][int(rng.integers(5))]
        d.ellipse([cx - hr * 1.35, hy - vr * 1.3, cx + hr * 1.35, hy + vr * 1.25], fill=hc)
        d.polygon([(cx - hr * 1.35, hy), (cx + hr * 1.35, hy), (cx + w * 0.55, h), (cx - w * 0.55, h)], fill=hc)
    else:
        d.ellipse([cx - hr * 1.1, hy - vr * 1.15, cx + hr * 1.1, hy + vr * 0.6], fill=(25, 20, 20))
    d.ellipse([cx - hr, hy - vr * (0.85 if hijab else 0.9), cx + hr, hy + vr], fill=skin)
    ey = hy - vr * 0.05
    for s in (-1, 1):
        d.ellipse([cx + s * hr * 0.4 - 3, ey - 2, cx + s * hr * 0.4 + 3, ey + 2], fill=(30, 25, 25))
    d.line([(cx - hr * 0.3, hy + vr * 0.55), (cx + hr * 0.3, hy + vr * 0.55)], fill=(120, 60, 60), width=2)
    return im.filter(ImageFilter.GaussianBlur(0.6)), {"portrait_bg": "red" if bg[0] > 100 else "blue",
                                                      "hijab": bool(hijab)}


def signature(d, box, rng, color):
    x0, y0, x1, y1 = box
    n = int(rng.integers(40, 80))
    t = np.linspace(0, 1, n)
    amp = (y1 - y0) * rng.uniform(0.2, 0.4)
    xs = x0 + (x1 - x0) * (t + 0.06 * np.sin(t * rng.uniform(15, 30)))
    ys = (y0 + y1) / 2 + amp * np.sin(t * rng.uniform(12, 25) + rng.uniform(0, 6)) * (1 - 0.5 * t)
    ys = ys + np.convolve(rng.normal(0, amp * 0.3, n), np.ones(5) / 5, mode="same")
    pts = list(zip(xs.tolist(), ys.tolist()))
    loops = int(rng.integers(1, 4))
    for _ in range(loops):
        cx, cy = rng.uniform(x0, x1), rng.uniform(y0, y1)
        r = (y1 - y0) * rng.uniform(0.2, 0.45)
        pts += [(cx + r * math.cos(a), cy + r * 0.7 * math.sin(a)) for a in np.linspace(0, 6.5, 14)]
    d.line(pts, fill=color, width=int(rng.integers(1, 3)), joint="curve")
