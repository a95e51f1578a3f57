"""Drawing helpers: text, fonts, masks, gradients, noise, guilloche, watermark, portrait, ink."""

import math

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .fonts import font


def lerp(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(len(a)))


def text_w(f, s):
    b = f.getbbox(s)
    return b[2] - b[0]


def fit_font(family, weight, size, s, maxw, minsize):
    f = font(family, weight, size)
    while text_w(f, s) > maxw and size > minsize:
        size -= 1
        f = font(family, weight, size)
    return f


def rounded_mask(w, h, r, ss=2):
    m = Image.new("L", (w * ss, h * ss), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, w * ss - 1, h * ss - 1], radius=r * ss, fill=255)
    return m.resize((w, h), Image.LANCZOS)


def gradient_v(w, h, c0, c1, mid=None):
    t = np.linspace(0, 1, h)[:, None, None]
    c0 = np.array(c0, np.float32)[None, None]
    c1 = np.array(c1, np.float32)[None, None]
    if mid is not None:
        t = np.clip(t ** mid, 0, 1)
    g = c0 + (c1 - c0) * t
    return np.repeat(g, w, axis=1)


def smooth_noise(nrng, h, w, cell, octaves=3):
    out = np.zeros((h, w), np.float32)
    amp = 1.0
    tot = 0
    for o in range(octaves):
        c = max(2, int(cell / (2 ** o)))
        sh, sw = max(2, h // c + 2), max(2, w // c + 2)
        n = nrng.standard_normal((sh, sw)).astype(np.float32)
        out += amp * cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)
        tot += amp
        amp *= 0.5
    return out / tot


def draw_guilloche(img, rng, k, color, alpha, kind):
    """Thin wavy security lines on an RGBA overlay."""
    w, h = img.size
    ov = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    lw = max(1, int(round(0.9 * k)))
    col = color + (alpha,)
    if kind == "waves":
        n = rng.randint(14, 30)
        lam = rng.uniform(120, 260) * k
        amp = rng.uniform(6, 22) * k
        for j in range(n):
            y0 = (j + 0.5) * h / n
            ph = j * rng.uniform(0.2, 0.5)
            pts = [(x, y0 + amp * math.sin(2 * math.pi * x / lam + ph) +
                    0.4 * amp * math.sin(2 * math.pi * x / (lam * 0.37) + 2 * ph))
                   for x in range(0, w + 8, max(3, int(4 * k)))]
            d.line(pts, fill=col, width=lw)
    else:  # rosette rings
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.35, 0.65) * h
        for j in range(rng.randint(10, 22)):
            r0 = (20 + j * rng.uniform(9, 14)) * k
            lobes = rng.choice([7, 9, 11, 13])
            pts = []
            for t in np.linspace(0, 2 * math.pi, 360):
                r = r0 * (1 + 0.12 * math.sin(lobes * t + j * 0.3))
                pts.append((cx + r * math.cos(t) * 1.6, cy + r * math.sin(t)))
            d.line(pts, fill=col, width=lw)
    img.alpha_composite(ov)


def draw_map_watermark(d, rng, box, col):
    x0, y0, x1, y1 = box
    W, H = x1 - x0, y1 - y0

    def blob(cx, cy, rx, ry, ang, n=18, jit=0.18):
        pts = []
        for t in np.linspace(0, 2 * math.pi, n, endpoint=False):
            r = 1 + rng.uniform(-jit, jit)
            px, py = rx * r * math.cos(t), ry * r * math.sin(t)
            ca, sa = math.cos(ang), math.sin(ang)
            pts.append((x0 + (cx + px * ca - py * sa) * W, y0 + (cy + px * sa + py * ca) * H))
        d.polygon(pts, fill=col)

    blob(0.13, 0.36, 0.15, 0.05, 0.75)              # Sumatra
    blob(0.37, 0.74, 0.12, 0.028, 0.08)             # Java
    blob(0.42, 0.33, 0.10, 0.17, 0.1, jit=0.25)     # Kalimantan
    for cx, cy, rx, ry, a in [(0.60, 0.30, 0.06, 0.018, 0.1), (0.57, 0.42, 0.018, 0.12, 0.1),
                              (0.62, 0.47, 0.04, 0.016, 0.4), (0.62, 0.58, 0.02, 0.07, -0.3)]:
        blob(cx, cy, rx, ry, a, n=10, jit=0.1)      # Sulawesi arms
    blob(0.88, 0.52, 0.11, 0.09, 0.2, jit=0.25)     # Papua
    for i in range(7):                               # Bali..Timor chain
        blob(0.50 + i * 0.035, 0.78 + rng.uniform(-0.02, 0.02), 0.016, 0.012, 0, n=8)
    for i in range(6):                               # Maluku
        blob(0.70 + rng.uniform(-0.03, 0.06), 0.3 + i * 0.08, 0.012, 0.025, 0, n=8)


def draw_garuda(d, rng, cx, cy, s, col):
    """Very simplified symmetric eagle with shield."""
    for sign in (-1, 1):
        feathers = []
        for i in range(9):
            a = math.radians(-70 + i * 13)
            L = s * (0.95 - 0.04 * abs(i - 3))
            feathers.append((cx + sign * (0.12 * s + L * math.cos(a) * 0.9), cy - L * math.sin(a) * 0.75 - 0.1 * s))
        pts = [(cx + sign * 0.1 * s, cy - 0.25 * s)] + feathers + [(cx + sign * 0.12 * s, cy + 0.15 * s)]
        d.polygon(pts, fill=col)
    d.ellipse([cx - 0.26 * s, cy - 0.45 * s, cx + 0.26 * s, cy + 0.5 * s], fill=col)    # body
    d.ellipse([cx - 0.12 * s, cy - 0.78 * s, cx + 0.12 * s, cy - 0.5 * s], fill=col)    # head
    d.polygon([(cx - 0.3 * s, cy + 0.45 * s), (cx + 0.3 * s, cy + 0.45 * s), (cx, cy + 0.95 * s)], fill=col)  # tail


def draw_portrait(rng, w, h, female):
    red = rng.random() < 0.85
    if red:
        c0 = (rng.randint(190, 235), rng.randint(20, 60), rng.randint(25, 60))
    else:
        c0 = (rng.randint(20, 60), rng.randint(70, 120), rng.randint(170, 225))
    c1 = tuple(max(0, c - rng.randint(10, 40)) for c in c0)
    im = Image.fromarray(gradient_v(w, h, c0, c1).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im)
    skin = rng.choice([(224, 180, 140), (200, 150, 110), (170, 120, 85), (140, 95, 65), (235, 200, 165)])
    shirt = rng.choice([(240, 240, 240), (30, 30, 40), (40, 60, 110), (120, 30, 40), (200, 190, 160),
                        (60, 90, 60), (250, 250, 250)])
    hx = w * rng.uniform(0.46, 0.54)
    hr = w * rng.uniform(0.2, 0.25)
    hy = h * rng.uniform(0.36, 0.42)
    # shoulders
    d.ellipse([w * -0.1, h * 0.72, w * 1.1, h * 1.45], fill=shirt)
    hijab = female and rng.random() < 0.55
    if hijab:
        hc = rng.choice([(30, 30, 35), (240, 240, 240), (110, 70, 90), (50, 70, 120), (200, 180, 150), (90, 110, 80)])
        d.ellipse([hx - hr * 1.45, hy - hr * 1.5, hx + hr * 1.45, hy + hr * 1.9], fill=hc)
        d.polygon([(hx - hr * 1.6, h * 1.0), (hx + hr * 1.6, h * 1.0), (hx + hr * 1.2, hy + hr), (hx - hr * 1.2, hy + hr)], fill=hc)
    else:
        d.rectangle([hx - hr * 0.45, hy + hr * 0.7, hx + hr * 0.45, h * 0.8], fill=lerp(skin, (0, 0, 0), 0.12))
        if shirt[0] > 200:
            d.polygon([(hx - hr * 0.5, h * 0.74), (hx, h * 0.9), (hx + hr * 0.5, h * 0.74)], fill=lerp(skin, (0, 0, 0), 0.12))
    d.ellipse([hx - hr, hy - hr * 1.22, hx + hr, hy + hr * 1.22], fill=skin)
    if not hijab:
        hair = rng.choice([(20, 18, 18), (35, 28, 22), (60, 50, 40), (120, 120, 120)])
        d.chord([hx - hr * 1.08, hy - hr * 1.4, hx + hr * 1.08, hy + hr * 0.5], 180, 360, fill=hair)
        if female and rng.random() < 0.7:
            d.rectangle([hx - hr * 1.08, hy - hr * 0.5, hx - hr * 0.8, hy + hr * 1.5], fill=hair)
            d.rectangle([hx + hr * 0.8, hy - hr * 0.5, hx + hr * 1.08, hy + hr * 1.5], fill=hair)
    ey = hy - hr * 0.1
    for sx in (-1, 1):
        d.ellipse([hx + sx * hr * 0.38 - hr * 0.12, ey - hr * 0.06, hx + sx * hr * 0.38 + hr * 0.12, ey + hr * 0.06], fill=(40, 30, 30))
        d.line([hx + sx * hr * 0.38 - hr * 0.16, ey - hr * 0.22, hx + sx * hr * 0.38 + hr * 0.16, ey - hr * 0.24], fill=(50, 40, 35), width=max(1, int(hr * 0.06)))
    d.line([hx, ey + hr * 0.1, hx - hr * 0.06, ey + hr * 0.45], fill=lerp(skin, (0, 0, 0), 0.3), width=max(1, int(hr * 0.05)))
    d.arc([hx - hr * 0.3, ey + hr * 0.45, hx + hr * 0.3, ey + hr * 0.8], 20, 160, fill=(120, 60, 60), width=max(1, int(hr * 0.06)))
    return im.filter(ImageFilter.GaussianBlur(max(0.5, w / 220)))


def signature(d, rng, x, y, w, h, col, lw):
    n = rng.randint(3, 6)
    pts = []
    for i in range(n * 10):
        t = i / (n * 10 - 1)
        px = x + w * t + w * 0.08 * math.sin(t * n * 2 * math.pi + 1.3)
        py = y + h * 0.5 + h * 0.42 * math.sin(t * n * math.pi * rng.uniform(1.8, 2.2)) * (1 - 0.4 * t)
        pts.append((px, py))
    d.line(pts, fill=col, width=lw, joint="curve")
    if rng.random() < 0.6:
        d.line([(x + w * 0.1, y + h * 0.85), (x + w * 0.95, y + h * 0.7)], fill=col, width=lw)


def apply_ink(card, mask, color, blur):
    """Composite a text mask onto card in color with print softness."""
    if blur > 0.2:
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    layer = Image.new("RGBA", card.size, color + (255,))
    layer.putalpha(mask)
    card.alpha_composite(layer)
