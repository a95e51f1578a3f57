"""Card background (guilloche, map, emblem), passport photo and signature."""
import cv2
import numpy as np


def smooth_noise(rng, h, w, scale):
    """Low-frequency noise in [0,1] of shape (h,w)."""
    sh, sw = max(2, int(h / scale) + 2), max(2, int(w / scale) + 2)
    n = rng.random((sh, sw)).astype(np.float32)
    n = cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)
    n -= n.min()
    return n / max(1e-6, n.max())


def background(rng, w, h):
    """Light blue / blue-green card with a fine wave security pattern. Returns float32 RGB 0..1, info."""
    hue = rng.uniform(0, 1)  # 0 blue .. 1 blue-green
    base = np.array([0.80 - 0.05 * hue, 0.88 + 0.02 * hue, 0.95 - 0.08 * hue], np.float32)
    base += rng.normal(0, 0.015, 3).astype(np.float32)
    img = np.ones((h, w, 3), np.float32) * base
    # soft gradient: centre lighter, edges more saturated blue
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    g = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2)
    img -= (g[..., None] * np.array([0.20, 0.10, 0.02], np.float32) * rng.uniform(0.3, 1.0))
    # guilloche: families of sine waves
    lay = np.zeros((h, w, 3), np.uint8)
    th = max(1, int(round(w / 900)))
    xs = np.arange(0, w, max(1, w // 300), dtype=np.float32)
    for fam in range(int(rng.integers(2, 4))):
        col = tuple(int(c) for c in rng.integers(60, 200, 3))
        lam = w * rng.uniform(0.08, 0.3)
        amp = h * rng.uniform(0.02, 0.08)
        n = int(rng.integers(25, 60))
        ph0 = rng.uniform(0, 6.3)
        for k in range(n):
            y0 = -0.1 * h + 1.2 * h * k / n
            ys = y0 + amp * np.sin(2 * np.pi * xs / lam + ph0 + k * 0.35) + 0.5 * amp * np.sin(2 * np.pi * xs / (lam * 2.7) + k * 0.11)
            pts = np.stack([xs, ys], 1).astype(np.int32)
            cv2.polylines(lay, [pts], False, col, th, cv2.LINE_AA)
    # rosette circles
    cx, cy = w * rng.uniform(0.3, 0.7), h * rng.uniform(0.3, 0.7)
    for k in range(int(rng.integers(10, 30))):
        r = int(h * (0.05 + 0.03 * k))
        cv2.ellipse(lay, (int(cx), int(cy)), (r, int(r * rng.uniform(0.6, 1.0))), float(k * 7), 0, 360, (90, 150, 190), th, cv2.LINE_AA)
    a = lay.astype(np.float32) / 255.0
    strength = rng.uniform(0.08, 0.22)
    mask = (lay.max(2) > 0).astype(np.float32)[..., None] * strength
    img = img * (1 - mask) + (img * 0.75 + a * 0.25) * mask
    info = {"bg_hue": round(float(hue), 2), "guilloche": round(float(strength), 2)}
    # faint map of the archipelago (blobs)
    if rng.random() < 0.5:
        n = smooth_noise(rng, h, w, h / 6)
        band = np.exp(-((yy / h - rng.uniform(0.4, 0.6)) ** 2) / 0.03)
        m = ((n * band) > 0.45).astype(np.float32)
        m = cv2.GaussianBlur(m, (0, 0), max(1, w / 400))[..., None]
        img -= m * np.array([0.05, 0.03, 0.0], np.float32)
        info["map"] = True
    if rng.random() < 0.6:
        emblem(img, rng, w, h)
        info["emblem"] = True
    return np.clip(img, 0, 1), info


def emblem(img, rng, w, h):
    """Faint Garuda-like watermark: wings, body and shield."""
    m = np.zeros((h, w), np.uint8)
    cx, cy, s = int(w * rng.uniform(0.38, 0.55)), int(h * rng.uniform(0.45, 0.6)), h * rng.uniform(0.22, 0.32)
    for side in (-1, 1):
        for k in range(6):
            p = np.array([[cx + side * s * 0.15, cy - s * 0.1 + k * s * 0.06],
                          [cx + side * s * (1.0 - k * 0.1), cy - s * (0.6 - k * 0.12)],
                          [cx + side * s * (0.95 - k * 0.1), cy - s * (0.45 - k * 0.12)]], np.int32)
            cv2.fillConvexPoly(m, p, 255, cv2.LINE_AA)
    cv2.ellipse(m, (cx, int(cy - s * 0.55)), (int(s * 0.12), int(s * 0.15)), 0, 0, 360, 255, -1, cv2.LINE_AA)
    cv2.ellipse(m, (cx, int(cy + s * 0.05)), (int(s * 0.22), int(s * 0.45)), 0, 0, 360, 255, -1, cv2.LINE_AA)
    sh = np.array([[cx - s * 0.3, cy - s * 0.2], [cx + s * 0.3, cy - s * 0.2], [cx + s * 0.3, cy + s * 0.15],
                   [cx, cy + s * 0.4], [cx - s * 0.3, cy + s * 0.15]], np.int32)
    cv2.fillConvexPoly(m, sh, 120, cv2.LINE_AA)
    a = cv2.GaussianBlur(m.astype(np.float32) / 255, (0, 0), max(1, w / 500))[..., None] * rng.uniform(0.04, 0.1)
    img -= a * np.array([0.5, 0.3, 0.1], np.float32)


SKIN = [(224, 188, 160), (205, 160, 125), (180, 135, 100), (150, 105, 75), (235, 200, 175), (120, 85, 60)]


def face(rng, w, h, female):
    """Passport photo: head and shoulders on red or blue. Returns uint8 RGB."""
    bg = (200, 30, 40) if rng.random() < 0.55 else (30, 90, 190)
    if rng.random() < 0.15:
        bg = (180, 35, 50) if bg[0] > 100 else (50, 120, 200)
    im = np.zeros((h, w, 3), np.uint8)
    im[:] = bg
    skin = np.array(SKIN[int(rng.integers(len(SKIN)))]) + rng.integers(-12, 12, 3)
    skin = tuple(int(c) for c in np.clip(skin, 0, 255))
    cx, cy = w // 2 + int(rng.integers(-w // 20, w // 20 + 1)), int(h * rng.uniform(0.38, 0.46))
    hw, hh = int(w * rng.uniform(0.22, 0.28)), int(h * rng.uniform(0.2, 0.25))
    shirt = tuple(int(c) for c in rng.integers(0, 255, 3)) if rng.random() < 0.5 else (int(rng.integers(10, 60)),) * 3
    cv2.ellipse(im, (cx, h + int(h * 0.05)), (int(w * 0.55), int(h * 0.35)), 0, 180, 360, shirt, -1, cv2.LINE_AA)
    hijab = female and rng.random() < 0.55
    if hijab:
        hc = tuple(int(c) for c in rng.integers(20, 240, 3))
        cv2.ellipse(im, (cx, cy + hh // 3), (int(hw * 1.45), int(hh * 1.5)), 0, 0, 360, hc, -1, cv2.LINE_AA)
        cv2.ellipse(im, (cx, h), (int(w * 0.5), int(h * 0.35)), 0, 180, 360, hc, -1, cv2.LINE_AA)
    else:
        cv2.rectangle(im, (cx - hw // 3, cy + hh // 2), (cx + hw // 3, cy + int(hh * 1.5)), skin, -1)
    hair = (int(rng.integers(10, 45)),) * 3 if rng.random() < 0.85 else (170, 170, 170)
    if not hijab:
        cv2.ellipse(im, (cx, cy - hh // 5), (int(hw * 1.08), int(hh * 1.0)), 0, 180, 360, hair, -1, cv2.LINE_AA)
        if female and rng.random() < 0.6:
            cv2.ellipse(im, (cx, cy + hh // 3), (int(hw * 1.2), int(hh * 1.25)), 0, 0, 360, hair, -1, cv2.LINE_AA)
    cv2.ellipse(im, (cx, cy), (hw, hh), 0, 0, 360, skin, -1, cv2.LINE_AA)
    if not hijab:
        cv2.ellipse(im, (cx, cy - int(hh * 0.55)), (int(hw * 0.98), int(hh * 0.5)), 0, 180, 360, hair, -1, cv2.LINE_AA)
    dark = tuple(int(c * 0.35) for c in skin)
    ey = cy - hh // 8
    for sx in (-1, 1):
        ex = cx + sx * int(hw * 0.42)
        cv2.ellipse(im, (ex, ey), (max(1, hw // 6), max(1, hh // 14)), 0, 0, 360, (245, 245, 245), -1, cv2.LINE_AA)
        cv2.circle(im, (ex, ey), max(1, hh // 14), (30, 20, 15), -1, cv2.LINE_AA)
        cv2.line(im, (ex - hw // 5, ey - hh // 5), (ex + hw // 5, ey - hh // 5 - sx * 0), dark, max(1, hh // 25), cv2.LINE_AA)
    cv2.line(im, (cx, ey + hh // 8), (cx - hw // 12, cy + hh // 3), dark, max(1, hh // 30), cv2.LINE_AA)
    cv2.ellipse(im, (cx, cy + int(hh * 0.55)), (hw // 3, max(1, hh // 12)), 0, 0, 180, (150, 70, 70), max(1, hh // 25), cv2.LINE_AA)
    if not female and rng.random() < 0.2:  # peci / songkok
        cv2.rectangle(im, (cx - int(hw * 0.95), cy - int(hh * 1.25)), (cx + int(hw * 0.95), cy - int(hh * 0.6)), (15, 15, 20), -1)
    im = cv2.GaussianBlur(im, (0, 0), max(0.6, w / 160))
    return im


def signature(rng, w, h):
    """Random scribble as an ink mask (uint8)."""
    m = np.zeros((h, w), np.uint8)
    n = int(rng.integers(5, 12))
    x = np.linspace(0.1 * w, 0.9 * w, n) + rng.normal(0, w * 0.05, n)
    y = h * 0.5 + rng.normal(0, h * 0.25, n)
    t = np.linspace(0, 1, n)
    tt = np.linspace(0, 1, 120)
    xs, ys = np.interp(tt, t, x), np.interp(tt, t, y)
    xs += np.sin(tt * rng.uniform(10, 30)) * w * 0.04
    ys += np.cos(tt * rng.uniform(10, 30)) * h * 0.2
    pts = np.stack([xs, ys], 1).astype(np.int32)
    cv2.polylines(m, [pts], False, 255, max(1, int(h / 25)), cv2.LINE_AA)
    if rng.random() < 0.6:
        cv2.line(m, (int(w * 0.15), int(h * 0.8)), (int(w * 0.85), int(h * rng.uniform(0.6, 0.9))), 255, max(1, int(h / 30)), cv2.LINE_AA)
    return m
