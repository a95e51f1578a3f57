"""Ageing of the physical card (fading, yellowing, scratches, grease) and photocopies."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick, smooth_noise, soft_blur


def age_card(rng, img, alpha, strong=False):
    h, w = alpha.shape
    info = {}
    if chance(rng, 0.35 + 0.3 * strong):
        a = uni(rng, 0.08, 0.3 + 0.2 * strong)
        grey = img.mean(axis=2, keepdims=True)
        img = img * (1 - a) + (grey * 0.6 + 0.4 * 0.92) * a
        info["faded"] = round(a, 3)
    if chance(rng, 0.25 + 0.2 * strong):
        y = uni(rng, 0.04, 0.16 + 0.1 * strong)
        n = smooth_noise(rng, h, w, w * 0.3, 2)[..., None]
        tint = np.array([1.0, 1 - 0.4 * y, 1 - 1.3 * y], np.float32)
        img = img * (1 - n * 0.5) + img * tint * (n * 0.5) if chance(rng, 0.4) else img * tint
        info["yellowed"] = round(y, 3)
    if chance(rng, 0.45 + 0.3 * strong):
        m = np.zeros((h, w), np.uint8)
        k = int(rng.integers(3, 30 + 40 * strong))
        for _ in range(k):
            x0, y0 = rng.random() * w, rng.random() * h
            ang, ln = uni(rng, 0, np.pi), uni(rng, 0.03, 0.4) * w
            bend = rng.normal(0, 0.05 * ln)
            t = np.linspace(0, 1, 12)
            xs = x0 + np.cos(ang) * ln * t - np.sin(ang) * bend * np.sin(np.pi * t)
            ys = y0 + np.sin(ang) * ln * t + np.cos(ang) * bend * np.sin(np.pi * t)
            cv2.polylines(m, [np.stack([xs, ys], 1).astype(np.int32)], False, int(rng.integers(60, 255)),
                          1, cv2.LINE_AA)
        mf = m.astype(np.float32)[..., None] / 255.0 * uni(rng, 0.2, 0.6)
        img = img * (1 - mf) + mf * (0.95 if chance(rng, 0.7) else 0.35)
        info["scratches"] = k
    if chance(rng, 0.3 + 0.3 * strong):
        g = np.zeros((h, w), np.float32)
        for _ in range(int(rng.integers(1, 5))):
            cx, cy = rng.random() * w, rng.random() * h
            cv2.ellipse(g, (int(cx), int(cy)), (int(uni(rng, 0.05, 0.2) * w), int(uni(rng, 0.05, 0.2) * h)),
                        uni(rng, 0, 180), 0, 360, 1.0, -1)
        g = soft_blur(g, w * 0.03) * smooth_noise(rng, h, w, w * 0.05, 2)
        g = (np.clip(g, 0, 1) * uni(rng, 0.3, 0.7 + 0.3 * strong))[..., None]
        blurred = cv2.GaussianBlur(img, (0, 0), max(1.0, w / 500))
        img = img * (1 - g) + (blurred * 1.04 + 0.03) * g
        info["grease"] = True
    if chance(rng, 0.3):
        n = int(rng.integers(10, 80))
        for _ in range(n):
            cv2.circle(img, (int(rng.random() * w), int(rng.random() * h)), int(rng.integers(1, max(2, w // 400) + 1)),
                       tuple(float(v) for v in np.full(3, uni(rng, 0.2, 0.6))), -1, cv2.LINE_AA)
        info["specks"] = n
    # worn edges: lighten a thin border
    if chance(rng, 0.4):
        e = cv2.erode((alpha > 0.5).astype(np.uint8), np.ones((3, 3), np.uint8), iterations=max(1, w // 250))
        edge = ((alpha > 0.5) & (e == 0)).astype(np.float32)[..., None] * uni(rng, 0.2, 0.6)
        img = img * (1 - edge) + 0.9 * edge
        info["worn_edges"] = True
    return np.clip(img, 0, 1).astype(np.float32), info


def laminate(rng, img, alpha, mf):
    """Card in a clear plastic pouch: wider translucent border, slight haze."""
    h, w = alpha.shape
    m = max(1, int(round(w * mf)))
    H2, W2 = h + 2 * m, w + 2 * m
    from .util import rounded_mask
    a2 = rounded_mask(H2, W2, m * 1.2)
    out = np.ones((H2, W2, 3), np.float32) * np.array([0.85, 0.87, 0.88], np.float32)
    out[m:m + h, m:m + w] = out[m:m + h, m:m + w] * (1 - alpha[..., None]) + img * alpha[..., None]
    out = out * 0.95 + 0.05
    alpha2 = a2 * 0.55
    alpha2[m:m + h, m:m + w] = np.maximum(alpha2[m:m + h, m:m + w], alpha)
    return out, alpha2, m, m


def photocopy(rng, img, alpha, mxf, myf):
    """Grey photocopy of the card on a piece of paper. Returns (rgb, alpha, offset_x, offset_y, scale)."""
    h, w = alpha.shape
    g = img.mean(axis=2)
    lo, hi = uni(rng, 0.15, 0.35), uni(rng, 0.7, 0.92)
    g = np.clip((g - lo) / (hi - lo), 0, 1)
    g = g * uni(rng, 0.55, 0.8) + uni(rng, 0.12, 0.3)
    g = np.where(alpha > 0.5, g, 1.0)
    edge = cv2.Canny((alpha * 255).astype(np.uint8), 50, 150)
    edge = cv2.dilate(edge, np.ones((2, 2), np.uint8))
    g = np.minimum(g, 1 - edge.astype(np.float32) / 255.0 * 0.6)
    toner = rng.random((h, w)).astype(np.float32)
    g = np.where(toner < uni(rng, 0.0, 0.01), g * 0.3, g)
    g = cv2.GaussianBlur(g, (0, 0), max(0.5, w / 1500))
    mx, my = max(2, int(round(w * mxf))), max(2, int(round(w * myf)))
    H2, W2 = h + 2 * my, w + 2 * mx
    paper = np.full((H2, W2), uni(rng, 0.86, 0.97), np.float32)
    paper = paper - smooth_noise(rng, H2, W2, W2 * 0.3, 2) * uni(rng, 0.0, 0.08)
    ox, oy = mx, my
    paper[oy:oy + h, ox:ox + w] = np.minimum(paper[oy:oy + h, ox:ox + w], g)
    rgb = np.repeat(paper[..., None], 3, axis=2) * np.array([1.0, 1.0, uni(rng, 0.96, 1.0)], np.float32)
    return rgb.astype(np.float32), np.ones((H2, W2), np.float32), ox, oy
