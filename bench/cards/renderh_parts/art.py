"""Card artwork: background, guilloche, watermark, portrait, signature, tint and wear."""
import cv2
import numpy as np


def rounded_alpha(W, H, r):
    a = np.zeros((H, W), np.uint8)
    r = int(r)
    cv2.rectangle(a, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(a, (0, r), (W - 1, H - 1 - r), 255, -1)
    for cx, cy in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(a, (cx, cy), r, 255, -1, cv2.LINE_AA)
    return a.astype(np.float32) / 255.0


def background(rng, W, H, ppmm):
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    c0 = np.array([192, 222, 238], np.float32) + rng.normal(0, 6, 3)   # light blue (RGB)
    c1 = np.array([200, 234, 214], np.float32) + rng.normal(0, 6, 3)   # light green
    ang = rng.uniform(0, np.pi)
    t = ((xx / W) * np.cos(ang) + (yy / H) * np.sin(ang))
    t = (t - t.min()) / (np.ptp(t) + 1e-6)
    img = c0 * (1 - t[..., None]) + c1 * t[..., None]
    # guilloche: families of wavy lines
    lay = np.zeros((H, W), np.float32)
    th = max(1, int(0.06 * ppmm))
    for fam in range(2):
        f1, f2 = rng.uniform(0.05, 0.2), rng.uniform(0.3, 0.8)
        amp = rng.uniform(1.0, 3.0) * ppmm
        step = rng.uniform(1.2, 2.2) * ppmm
        xs = np.arange(0, W, max(2, W // 300), dtype=np.float32)
        for k in range(int(H / step) + 8):
            y0 = (k - 4) * step
            ys = y0 + amp * np.sin(xs / ppmm * f1 + k * 0.35 + fam) * np.cos(xs / ppmm * f2 * 0.2 + fam)
            pts = np.stack([xs, ys], 1).astype(np.int32)
            cv2.polylines(lay, [pts], False, 1.0, th, cv2.LINE_AA)
    # rosette
    cx, cy = rng.uniform(25, 55) * ppmm, rng.uniform(22, 38) * ppmm
    R = rng.uniform(10, 16) * ppmm
    tt = np.linspace(0, 2 * np.pi, 900)
    for k in range(14):
        r = R * (0.35 + 0.05 * k) * (1 + 0.12 * np.sin(tt * (9 + k % 3) + k))
        pts = np.stack([cx + r * np.cos(tt), cy + r * np.sin(tt)], 1).astype(np.int32)
        cv2.polylines(lay, [pts], True, 1.0, th, cv2.LINE_AA)
    img -= lay[..., None] * rng.uniform(10, 26) * np.array([1.0, 0.6, 0.5], np.float32)
    # faint map of the archipelago / Garuda-ish emblem watermark
    wm = np.zeros((H, W), np.float32)
    if rng.random() < 0.6:
        y0 = rng.uniform(25, 40) * ppmm
        x = rng.uniform(5, 12) * ppmm
        while x < W * 0.9:
            a, b = rng.uniform(2, 8) * ppmm, rng.uniform(1, 3) * ppmm
            cv2.ellipse(wm, (int(x), int(y0 + rng.normal(0, 2) * ppmm)), (int(a), int(b)),
                        float(rng.uniform(-30, 30)), 0, 360, 1.0, -1, cv2.LINE_AA)
            x += a * rng.uniform(1.2, 2.2)
    if rng.random() < 0.6:
        gx, gy = int(rng.uniform(30, 50) * ppmm), int(rng.uniform(25, 35) * ppmm)
        s = rng.uniform(7, 10) * ppmm
        cv2.ellipse(wm, (gx, gy), (int(s * 0.35), int(s * 0.45)), 0, 0, 360, 1.0, -1)
        for sgn in (-1, 1):
            pts = np.array([[gx + sgn * s * 0.2, gy - s * 0.2], [gx + sgn * s * 1.2, gy - s * 0.9],
                            [gx + sgn * s * 1.0, gy + s * 0.1], [gx + sgn * s * 0.3, gy + s * 0.3]])
            cv2.fillPoly(wm, [pts.astype(np.int32)], 1.0, cv2.LINE_AA)
        cv2.circle(wm, (gx, int(gy - s * 0.65)), int(s * 0.16), 1.0, -1, cv2.LINE_AA)
    wm = cv2.GaussianBlur(wm, (0, 0), 0.5 * ppmm)
    img -= wm[..., None] * rng.uniform(6, 16) * np.array([0.8, 0.5, 0.3], np.float32)
    img += rng.normal(0, 1.5, (H, W, 1)).astype(np.float32)
    return np.clip(img, 0, 255)


def passport_photo(rng, w, h, female):
    bg = np.array([200, 30, 40] if rng.random() < 0.5 else [40, 90, 200], np.float32)
    bg += rng.normal(0, 12, 3)
    img = np.ones((h, w, 3), np.float32) * bg
    yy = np.mgrid[0:h, 0:w][0].astype(np.float32) / h
    img *= (1.05 - 0.15 * yy)[..., None]
    skin = np.array([225, 180, 145], np.float32) * rng.uniform(0.6, 1.05)
    cloth = rng.choice([[20, 20, 25], [240, 240, 240], [40, 50, 90], [90, 30, 30]]).astype(np.float32)
    cx = w / 2 + rng.normal(0, w * 0.02)
    def E(c, ax, col, ang=0):
        cv2.ellipse(img, (int(c[0]), int(c[1])), (int(ax[0]), int(ax[1])), ang, 0, 360,
                    tuple(float(v) for v in col), -1, cv2.LINE_AA)
    E((cx, h * 1.02), (w * 0.55, h * 0.3), cloth)
    cv2.rectangle(img, (int(cx - w * 0.09), int(h * 0.55)), (int(cx + w * 0.09), int(h * 0.78)),
                  tuple(float(v) for v in skin * 0.9), -1)
    hijab = female and rng.random() < 0.55
    hair = np.array([25, 20, 18], np.float32) + rng.uniform(0, 25)
    if hijab:
        hc = rng.choice([[230, 230, 230], [30, 30, 35], [120, 40, 60], [60, 80, 120], [200, 170, 140]])
        E((cx, h * 0.45), (w * 0.34, h * 0.33), np.array(hc, np.float32))
        E((cx, h * 0.85), (w * 0.45, h * 0.2), np.array(hc, np.float32))
    else:
        E((cx, h * 0.36), (w * 0.28, h * (0.24 if not female else 0.3)), hair)
        if female:
            cv2.rectangle(img, (int(cx - w * 0.28), int(h * 0.36)), (int(cx + w * 0.28), int(h * 0.66)),
                          tuple(float(v) for v in hair), -1)
    E((cx, h * 0.45), (w * 0.22, h * 0.22), skin)
    if not hijab:
        E((cx, h * 0.29), (w * 0.22, h * 0.08), hair)
    for sx in (-1, 1):
        E((cx + sx * w * 0.085, h * 0.43), (max(1, w * 0.03), max(1, h * 0.012)), [30, 25, 25])
    E((cx, h * 0.57), (w * 0.06, max(1, h * 0.01)), skin * 0.6)
    img = cv2.GaussianBlur(img, (0, 0), max(0.5, w * 0.006))
    return np.clip(img + rng.normal(0, 3, img.shape), 0, 255).astype(np.float32)


def signature(rng, img, cx, cy, ppmm):
    n = int(rng.integers(4, 9))
    pts = np.stack([np.linspace(-7, 7, n) * ppmm + cx, cy + rng.normal(0, 1.6, n) * ppmm], 1)
    t = np.linspace(0, n - 1, 200)
    xs = np.interp(t, np.arange(n), pts[:, 0]) + np.sin(t * 3.1) * ppmm * rng.uniform(0.5, 1.5)
    ys = np.interp(t, np.arange(n), pts[:, 1]) + np.cos(t * 2.3) * ppmm * rng.uniform(0.8, 2.0)
    col = (20, 20, 60) if rng.random() < 0.7 else (15, 15, 15)
    cv2.polylines(img, [np.stack([xs, ys], 1).astype(np.int32)], False, col,
                  max(1, int(0.22 * ppmm)), cv2.LINE_AA)


def tint(rng, img):
    r = rng.random()
    if r < 0.45:
        kind = "blue-green"
    elif r < 0.65:
        kind = "faded"
        img = 255 - (255 - img) * rng.uniform(0.55, 0.8)
    elif r < 0.83:
        kind = "yellowed"
        img = img * np.array([1.0, rng.uniform(0.93, 0.98), rng.uniform(0.78, 0.9)], np.float32)
        img = img * rng.uniform(0.92, 1.0)
    else:
        kind = "grey-photocopy"
        g = img.mean(axis=2, keepdims=True)
        g = np.clip((g - 128) * rng.uniform(1.2, 1.6) + 150, 0, 255)
        img = np.repeat(g, 3, axis=2)
    return img.astype(np.float32), {"tint": kind}


def wear(rng, img, ppmm, info):
    H, W = img.shape[:2]
    lvl = rng.random()
    info["wear"] = round(float(lvl), 2)
    if lvl < 0.3:
        return img
    sc = np.zeros((H, W), np.float32)
    for _ in range(int(lvl * 30)):
        x0, y0 = rng.uniform(0, W), rng.uniform(0, H)
        L = rng.uniform(3, 30) * ppmm
        a = rng.uniform(0, np.pi)
        p1 = (int(x0), int(y0))
        p2 = (int(x0 + L * np.cos(a)), int(y0 + L * np.sin(a)))
        cv2.line(sc, p1, p2, float(rng.uniform(0.2, 0.6)), 1, cv2.LINE_AA)
    for _ in range(int(lvl * 60)):
        cv2.circle(sc, (int(rng.uniform(0, W)), int(rng.uniform(0, H))),
                   int(rng.uniform(0.5, 2.0) * ppmm * 0.3), float(rng.uniform(0.1, 0.4)), -1)
    img = img * (1 - sc[..., None] * 0.5) + 235 * sc[..., None] * 0.5
    # dirt / grime at the edges
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    d = np.minimum(np.minimum(xx, W - xx), np.minimum(yy, H - yy)) / ppmm
    grime = np.exp(-d / 2.0) * lvl * 0.25
    img = img * (1 - grime[..., None] * np.array([0.3, 0.4, 0.55], np.float32))
    return img
