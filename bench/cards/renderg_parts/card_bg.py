"""Card background (tint, guilloche, emblem), portrait, signature, wear masks."""
import numpy as np
import cv2

TINTS = ["fresh", "faded", "photocopy", "yellowed", "greenish"]


def smooth_noise(rng, h, w, scale):
    """Low-frequency noise in [0,1] with feature size ~scale pixels."""
    sh, sw = max(2, int(h / scale) + 2), max(2, int(w / scale) + 2)
    small = rng.random((sh, sw)).astype(np.float32)
    big = cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)
    return np.clip(big, 0, 1)


def card_background(rng, h, w, ppm, tint):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    base_a = np.array([200, 226, 240], np.float32) + rng.uniform(-12, 8, 3)   # light blue
    base_b = np.array([160, 208, 222], np.float32) + rng.uniform(-12, 8, 3)   # blue-green
    t = (xx / w * rng.uniform(0.3, 0.8) + yy / h * rng.uniform(0.3, 0.8))
    t = np.clip(t / t.max(), 0, 1)[..., None]
    img = base_a * (1 - t) + base_b * t
    # central lighter band typical of the card
    band = np.exp(-((yy / h - rng.uniform(0.35, 0.6)) ** 2) / 0.05)[..., None]
    img = img + band * rng.uniform(5, 18)
    lines = np.zeros((h, w), np.uint8)
    th = max(1, int(round(ppm * 0.08)))
    n = int(rng.integers(18, 34))
    f1, f2 = rng.uniform(1.5, 4.0), rng.uniform(4.0, 9.0)
    ph = rng.uniform(0, 6.28)
    xs = np.linspace(0, w, max(60, w // 6)).astype(np.float32)
    for k in range(n):
        y0 = (k + 0.5) * h / n
        amp = h / n * rng.uniform(0.6, 1.6)
        ys = y0 + amp * np.sin(xs / w * 6.283 * f1 + ph + k * 0.35) + 0.3 * amp * np.sin(xs / w * 6.283 * f2 + k)
        pts = np.stack([xs, ys], 1).astype(np.int32)
        cv2.polylines(lines, [pts], False, 255, th, cv2.LINE_AA)
    # rosette / emblem faint circle pattern
    cx, cy = w * rng.uniform(0.35, 0.55), h * rng.uniform(0.45, 0.65)
    rr = h * rng.uniform(0.22, 0.32)
    for k in range(36):
        a = k * np.pi / 18
        cv2.circle(lines, (int(cx + 0.45 * rr * np.cos(a)), int(cy + 0.45 * rr * np.sin(a))),
                   int(rr * 0.55), 255, th, cv2.LINE_AA)
    em = np.zeros((h, w), np.uint8)
    cv2.circle(em, (int(cx), int(cy)), int(rr * 1.05), 255, -1, cv2.LINE_AA)
    pts = []
    for k in range(10):
        r = rr * (0.9 if k % 2 == 0 else 0.4)
        a = -np.pi / 2 + k * np.pi / 5
        pts.append((cx + r * np.cos(a), cy + r * np.sin(a)))
    cv2.fillPoly(em, [np.array(pts, np.int32)], 0, cv2.LINE_AA)
    linef = cv2.GaussianBlur(lines, (0, 0), 0.6).astype(np.float32)[..., None] / 255.0
    lc = np.array([120, 170, 205], np.float32) + rng.uniform(-15, 15, 3)
    la = rng.uniform(0.18, 0.4)
    img = img * (1 - la * linef) + lc * la * linef
    emf = cv2.GaussianBlur(em, (0, 0), 2).astype(np.float32)[..., None] / 255.0
    img = img * (1 - 0.06 * emf) + np.array([230, 240, 250], np.float32) * 0.06 * emf
    img += (smooth_noise(rng, h, w, 8 * ppm)[..., None] - 0.5) * 10
    return apply_tint(rng, img, tint)


def apply_tint(rng, img, tint):
    if tint == "faded":
        g = img.mean(2, keepdims=True)
        img = img * 0.55 + g * 0.45
        img = img * 0.8 + 255 * 0.2
    elif tint == "photocopy":
        g = img.mean(2, keepdims=True)
        img = np.repeat(g, 3, 2) * rng.uniform(0.85, 1.0) + rng.uniform(-10, 25)
        img = img + np.array([0, 2, 6], np.float32) * rng.random()
    elif tint == "yellowed":
        img = img * np.array([1.0, 0.97, 0.80], np.float32) + np.array([20, 14, 0], np.float32)
    elif tint == "greenish":
        img = img * np.array([0.92, 1.0, 0.93], np.float32)
    return np.clip(img, 0, 255)


def portrait(rng, h, w, red_bg, female):
    """Simple passport-style portrait (HxWx3 float)."""
    bg = np.array([200, 40, 45], np.float32) if red_bg else np.array([40, 90, 190], np.float32)
    bg = bg + rng.uniform(-20, 20, 3)
    img = np.ones((h, w, 3), np.float32) * bg
    yy = np.mgrid[0:h, 0:w][0].astype(np.float32)
    img *= (0.9 + 0.2 * (yy / h))[..., None]
    m = np.zeros((h, w), np.uint8)
    skin = np.array([205, 160, 125], np.float32) * rng.uniform(0.7, 1.08)
    shirt = rng.uniform(20, 240, 3).astype(np.float32)
    hair = np.array([25, 20, 18], np.float32) * rng.uniform(0.8, 1.6)
    cx = w // 2 + int(rng.integers(-w // 20, w // 20 + 1))

    def paint(mask, col):
        a = cv2.GaussianBlur(mask, (0, 0), 1.2).astype(np.float32)[..., None] / 255
        return img * (1 - a) + col * a
    m[:] = 0
    cv2.ellipse(m, (cx, int(h * 1.02)), (int(w * 0.55), int(h * 0.3)), 0, 0, 360, 255, -1)
    img = paint(m, shirt)
    m[:] = 0
    cv2.rectangle(m, (cx - w // 9, int(h * 0.55)), (cx + w // 9, int(h * 0.78)), 255, -1)
    img = paint(m, skin * 0.9)
    if female and rng.random() < 0.6:   # hijab
        m[:] = 0
        cv2.ellipse(m, (cx, int(h * 0.45)), (int(w * 0.3), int(h * 0.33)), 0, 0, 360, 255, -1)
        cv2.ellipse(m, (cx, int(h * 0.85)), (int(w * 0.45), int(h * 0.22)), 0, 0, 360, 255, -1)
        img = paint(m, rng.uniform(20, 230, 3).astype(np.float32))
    else:
        m[:] = 0
        cv2.ellipse(m, (cx, int(h * 0.38)), (int(w * 0.25), int(h * 0.23 if female else 0.19)), 0, 0, 360, 255, -1)
        if female:
            cv2.rectangle(m, (cx - int(w * 0.26), int(h * 0.38)), (cx + int(w * 0.26), int(h * 0.68)), 255, -1)
        img = paint(m, hair)
    m[:] = 0
    cv2.ellipse(m, (cx, int(h * 0.45)), (int(w * 0.19), int(h * 0.21)), 0, 0, 360, 255, -1)
    img = paint(m, skin)
    for dx in (-1, 1):
        cv2.circle(img, (cx + dx * int(w * 0.075), int(h * 0.42)), max(1, w // 40), (30, 25, 20), -1, cv2.LINE_AA)
    cv2.ellipse(img, (cx, int(h * 0.53)), (int(w * 0.06), max(1, h // 60)), 0, 0, 180, (120, 60, 60), max(1, w // 70))
    return np.clip(img, 0, 255)


def signature(rng, h, w, thick):
    """Returns an L mask (uint8) with a scribbled signature."""
    m = np.zeros((h, w), np.uint8)
    n = int(rng.integers(2, 5))
    x = rng.uniform(0.05, 0.2) * w
    for s in range(n):
        t = np.linspace(0, 1, 80)
        span = rng.uniform(0.2, 0.45) * w
        xs = x + t * span
        ys = h * 0.5 + h * 0.3 * np.sin(t * rng.uniform(6, 18) + rng.uniform(0, 6)) * rng.uniform(0.4, 1.0) \
            + (t - 0.5) * rng.uniform(-0.4, 0.4) * h
        pts = np.stack([xs, ys], 1).astype(np.int32)
        cv2.polylines(m, [pts], False, 255, thick, cv2.LINE_AA)
        x = xs[-1] - rng.uniform(0, 0.1) * w
    if rng.random() < 0.6:
        y = int(h * rng.uniform(0.55, 0.85))
        cv2.line(m, (int(w * 0.1), y), (int(min(w - 2, x + 10)), y - int(rng.integers(-5, 6))), 255, thick, cv2.LINE_AA)
    return m


def wear_mask(rng, h, w, ppm, level):
    """Float mask in [0,1]: fraction of ink removed per pixel."""
    if level <= 0:
        return None
    n1 = smooth_noise(rng, h, w, 3 * ppm)
    n2 = smooth_noise(rng, h, w, 0.6 * ppm)
    thr = 1.0 - 0.45 * level
    m = np.clip((n1 * 0.7 + n2 * 0.3 - thr) / 0.12, 0, 1) * min(1.0, 0.5 + level)
    speck = (rng.random((h, w)) < 0.02 * level).astype(np.float32)
    speck = cv2.dilate(speck, np.ones((2, 2), np.uint8))
    m = np.maximum(m, speck * 0.9)
    for _ in range(int(rng.integers(0, 4 + 6 * level))):   # scratches
        p0 = (int(rng.integers(w)), int(rng.integers(h)))
        p1 = (p0[0] + int(rng.integers(-w // 3, w // 3)), p0[1] + int(rng.integers(-h // 6, h // 6)))
        cv2.line(m, p0, p1, float(rng.uniform(0.5, 1)), max(1, int(ppm * 0.12)), cv2.LINE_AA)
    return np.clip(m, 0, 1)
