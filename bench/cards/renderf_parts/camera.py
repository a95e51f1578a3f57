"""Light and optics of a phone camera: uneven light, cast shadows, glare, colour cast,
exposure, defocus, motion blur, sensor noise; and the JPEG encoder."""
import io

import cv2
import numpy as np
from PIL import Image


def _smooth_field(h, w, rng, cells=4):
    small = rng.normal(0, 1, (cells, cells)).astype(np.float32)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_CUBIC)


def camera_effects(img, rng, hard, card_px):
    h, w = img.shape[:2]
    eff = {}
    k = card_px / 1012.0  # card pixels per card-design pixel

    # uneven light: linear ramp + low-frequency field
    un = float(rng.uniform(0.0, 0.55 if hard else 0.3))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * np.pi)
    ramp = ((xx / w - 0.5) * np.cos(ang) + (yy / h - 0.5) * np.sin(ang))
    field = 1 + un * (ramp + 0.3 * _smooth_field(h, w, rng))
    img = img * np.clip(field, 0.2, 1.6)[..., None]
    eff["uneven_light"] = round(un, 3)

    # a cast shadow (phone / hand) with soft edge
    eff["cast_shadow"] = None
    if rng.random() < (0.45 if hard else 0.2):
        pts = np.array([[rng.uniform(-0.2, 1.2) * w, rng.uniform(-0.2, 1.2) * h] for _ in range(4)], np.int32)
        pts = cv2.convexHull(pts)
        m = np.zeros((h, w), np.float32)
        cv2.fillPoly(m, [pts], 1.0)
        m = cv2.GaussianBlur(m, (0, 0), max(2.0, 0.03 * max(h, w)))
        depth = float(rng.uniform(0.3, 0.6) if hard else rng.uniform(0.15, 0.35))
        img = img * (1 - depth * m[..., None])
        eff["cast_shadow"] = round(depth, 2)
    del yy, xx

    # glare spots
    eff["glare"] = []
    for _ in range(int(rng.integers(0, 3 if hard else 2)) if rng.random() < 0.5 else 0):
        cx, cy = rng.uniform(0.1, 0.9) * w, rng.uniform(0.1, 0.9) * h
        r = rng.uniform(0.02, 0.1) * max(h, w)
        strength = float(rng.uniform(120, 260) if hard else rng.uniform(50, 140))
        m = np.zeros((h, w), np.float32)
        cv2.ellipse(m, (int(cx), int(cy)), (int(r), int(r * rng.uniform(0.3, 1.0))),
                    float(rng.uniform(0, 180)), 0, 360, 1.0, -1)
        m = cv2.GaussianBlur(m, (0, 0), r * 0.5)
        img = img + strength * m[..., None]
        eff["glare"].append({"center": [int(cx), int(cy)], "radius": int(r), "strength": round(strength)})

    # colour cast and exposure
    cast = rng.normal(0, 0.07 if hard else 0.04, 3)
    kind = ["neutral", "warm", "cool", "green"][int(rng.integers(4))]
    cast += {"neutral": [0, 0, 0], "warm": [0.06, 0.0, -0.08], "cool": [-0.06, 0.0, 0.08],
             "green": [-0.03, 0.05, -0.03]}[kind]
    img = img * (1 + cast).astype(np.float32)[None, None, :]
    r = rng.random()
    if r < (0.25 if hard else 0.12):
        expo, gain = "dim", float(rng.uniform(0.3, 0.5) if hard else rng.uniform(0.5, 0.72))
    elif r < (0.45 if hard else 0.22):
        expo, gain = "over", float(rng.uniform(1.4, 1.9) if hard else rng.uniform(1.15, 1.4))
    else:
        expo, gain = "normal", float(rng.uniform(0.88, 1.1))
    gamma = float(rng.uniform(0.85, 1.15))
    img = 255.0 * (np.clip(img * gain, 0, 255) / 255.0) ** gamma
    eff.update({"colour_cast": kind, "cast_rgb": [round(float(c), 3) for c in cast], "exposure": expo,
                "gain": round(gain, 2), "gamma": round(gamma, 2)})

    # defocus and motion blur, relative to card scale
    sig = float(rng.uniform(1.2, 2.6) if hard and rng.random() < 0.6 else rng.uniform(0.0, 0.9)) * k
    if sig > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sig)
    eff["defocus_sigma_px"] = round(sig, 2)
    eff["motion_blur"] = None
    if rng.random() < (0.5 if hard else 0.2):
        length = float(rng.uniform(4, 11) if hard else rng.uniform(1.5, 4)) * k
        n = max(3, int(length) | 1)
        ker = np.zeros((n, n), np.float32)
        ker[n // 2, :] = 1.0
        ang = float(rng.uniform(0, 180))
        R = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), ang, 1.0)
        ker = cv2.warpAffine(ker, R, (n, n))
        ker /= max(ker.sum(), 1e-6)
        img = cv2.filter2D(img, -1, ker)
        eff["motion_blur"] = {"length_px": round(length, 1), "angle_deg": round(ang, 1)}

    # sensor noise (stronger when dim), luminance + chroma
    ns = float(rng.uniform(6, 16) if hard else rng.uniform(1, 6))
    if eff["exposure"] == "dim":
        ns *= 1.4
    lum = rng.normal(0, ns, (h, w, 1)).astype(np.float32)
    chroma = rng.normal(0, ns * 0.4, (h, w, 3)).astype(np.float32)
    img = img + lum + chroma
    eff["noise_sigma"] = round(ns, 2)
    return np.clip(img, 0, 255), eff


def encode_jpeg(img_u8, rng, hard):
    q = int(rng.integers(30, 61)) if hard else int(rng.integers(55, 91))
    buf = io.BytesIO()
    Image.fromarray(img_u8, "RGB").save(buf, "JPEG", quality=q)
    return buf.getvalue(), q
