"""Holder's pas-photo (head and shoulders on red or blue) and a signature scribble."""
import numpy as np
import cv2
from .util import chance, pick

SKIN = [(224, 180, 140), (205, 160, 120), (190, 140, 100), (170, 120, 85), (150, 100, 70), (120, 80, 55), (235, 200, 170)]
SHIRTS = [(245, 245, 245), (30, 30, 35), (40, 50, 90), (120, 30, 30), (200, 200, 210), (60, 90, 60),
          (150, 110, 60), (90, 60, 120), (230, 230, 200)]
HIJAB = [(20, 20, 25), (240, 240, 240), (120, 60, 80), (40, 60, 120), (150, 120, 90), (60, 100, 90), (200, 150, 160)]


def _c(col, rng, j=12):
    common = rng.normal(0, j)
    return tuple(int(np.clip(c + common + rng.normal(0, j / 4), 0, 255)) for c in col)


def portrait(w, h, rng, male, age):
    """Return uint8 HxWx3 RGB image of a pas-photo."""
    red = chance(rng, 0.55)
    bg = (int(rng.uniform(170, 215)), int(rng.uniform(20, 45)), int(rng.uniform(25, 50))) if red else \
         (int(rng.uniform(20, 60)), int(rng.uniform(70, 120)), int(rng.uniform(170, 220)))
    S = 4  # draw at 4x then downsample for smooth edges
    W, H = w * S, h * S
    img = np.zeros((H, W, 3), np.uint8)
    img[:] = bg
    g = np.linspace(1.08, 0.9, H)[:, None, None]
    img = np.clip(img.astype(np.float32) * g, 0, 255).astype(np.uint8)
    skin = _c(pick(rng, SKIN), rng)
    cx = int(W * rng.uniform(0.45, 0.55))
    hw, hh = int(W * rng.uniform(0.2, 0.25)), int(H * rng.uniform(0.2, 0.24))
    cy = int(H * rng.uniform(0.38, 0.46))
    hijab = (not male) and chance(rng, 0.55)
    shirt = _c(pick(rng, SHIRTS), rng)
    # shoulders / torso
    cv2.ellipse(img, (cx, H + int(H * 0.05)), (int(W * rng.uniform(0.5, 0.62)), int(H * 0.33)), 0, 180, 360, shirt, -1, cv2.LINE_AA)
    if hijab:
        hc = _c(pick(rng, HIJAB), rng)
        cv2.ellipse(img, (cx, cy + int(hh * 0.25)), (int(hw * 1.45), int(hh * 1.55)), 0, 0, 360, hc, -1, cv2.LINE_AA)
        cv2.ellipse(img, (cx, H), (int(W * 0.45), int(H * 0.38)), 0, 180, 360, hc, -1, cv2.LINE_AA)
    else:
        cv2.rectangle(img, (cx - int(hw * 0.45), cy + int(hh * 0.6)), (cx + int(hw * 0.45), cy + int(hh * 1.45)), skin, -1)
        if chance(rng, 0.6):  # collar
            col = (245, 245, 245) if chance(rng, 0.5) else shirt
            pts = np.array([[cx - int(hw * 0.9), cy + int(hh * 1.35)], [cx, cy + int(hh * 1.75)], [cx + int(hw * 0.9), cy + int(hh * 1.35)],
                            [cx + int(hw * 0.6), cy + int(hh * 1.2)], [cx, cy + int(hh * 1.5)], [cx - int(hw * 0.6), cy + int(hh * 1.2)]], np.int32)
            cv2.fillPoly(img, [pts], col, cv2.LINE_AA)
    # face
    cv2.ellipse(img, (cx, cy), (hw, hh), 0, 0, 360, skin, -1, cv2.LINE_AA)
    for side in (-1, 1):  # ears
        if not hijab:
            cv2.ellipse(img, (cx + side * hw, cy + int(hh * 0.05)), (int(hw * 0.14), int(hh * 0.22)), 0, 0, 360, skin, -1, cv2.LINE_AA)
    if not hijab:
        hair = _c((25, 20, 18), rng, 8) if age < 55 or chance(rng, 0.5) else _c((150, 150, 150), rng, 15)
        if male:
            cv2.ellipse(img, (cx, cy - int(hh * 0.35)), (int(hw * 1.05), int(hh * 0.75)), 0, 180, 360, hair, -1, cv2.LINE_AA)
            if chance(rng, 0.15):  # peci
                cv2.rectangle(img, (cx - int(hw * 1.0), cy - int(hh * 1.25)), (cx + int(hw * 1.0), cy - int(hh * 0.6)), (15, 15, 15), -1)
        else:
            cv2.ellipse(img, (cx, cy - int(hh * 0.1)), (int(hw * 1.25), int(hh * 1.05)), 0, 180, 360, hair, -1, cv2.LINE_AA)
            cv2.rectangle(img, (cx - int(hw * 1.25), cy - int(hh * 0.1)), (cx - int(hw * 0.9), cy + int(hh * 1.2)), hair, -1)
            cv2.rectangle(img, (cx + int(hw * 0.9), cy - int(hh * 0.1)), (cx + int(hw * 1.25), cy + int(hh * 1.2)), hair, -1)
            cv2.ellipse(img, (cx, cy + int(hh * 0.1)), (hw, int(hh * 0.95)), 0, 0, 360, skin, -1, cv2.LINE_AA)
    else:
        cv2.ellipse(img, (cx, cy + int(hh * 0.05)), (int(hw * 0.98), int(hh * 1.0)), 0, 0, 360, skin, -1, cv2.LINE_AA)
        hc2 = tuple(int(c * 0.85) for c in hc)
        cv2.ellipse(img, (cx, cy - int(hh * 0.15)), (int(hw * 1.05), int(hh * 0.95)), 0, 180, 360, hc2, int(hh * 0.12), cv2.LINE_AA)
    # features
    dark = tuple(int(c * 0.35) for c in skin)
    ey = cy - int(hh * 0.05)
    for side in (-1, 1):
        ex = cx + side * int(hw * 0.42)
        cv2.ellipse(img, (ex, ey), (int(hw * 0.16), int(hh * 0.06)), 0, 0, 360, (245, 240, 235), -1, cv2.LINE_AA)
        cv2.circle(img, (ex, ey), int(hh * 0.055), (30, 22, 18), -1, cv2.LINE_AA)
        cv2.ellipse(img, (ex, ey - int(hh * 0.2)), (int(hw * 0.2), int(hh * 0.05)), 0, 190, 350, dark, max(2, S * 2), cv2.LINE_AA)
    cv2.ellipse(img, (cx, cy + int(hh * 0.28)), (int(hw * 0.13), int(hh * 0.07)), 0, 0, 180, dark, max(2, S), cv2.LINE_AA)
    cv2.ellipse(img, (cx, cy + int(hh * 0.55)), (int(hw * 0.3), int(hh * 0.08)), 0, 10, 170,
                tuple(int(c * 0.55) for c in skin), max(2, S * 2), cv2.LINE_AA)
    if male and age > 25 and chance(rng, 0.2):  # moustache
        cv2.ellipse(img, (cx, cy + int(hh * 0.43)), (int(hw * 0.32), int(hh * 0.06)), 0, 180, 360, (30, 25, 20), max(3, S * 3), cv2.LINE_AA)
    if chance(rng, 0.12):  # glasses
        for side in (-1, 1):
            cv2.ellipse(img, (cx + side * int(hw * 0.42), ey), (int(hw * 0.3), int(hh * 0.16)), 0, 0, 360, (30, 30, 30), max(2, S), cv2.LINE_AA)
    # soft shading on the face side
    img = img.astype(np.float32)
    xs = np.linspace(-1, 1, W)[None, :, None]
    img *= 1 - 0.12 * np.clip(xs * rng.choice([-1, 1]), 0, 1)
    img = cv2.resize(np.clip(img, 0, 255).astype(np.uint8), (w, h), interpolation=cv2.INTER_AREA)
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.4, 1.0))
    return img, ("red" if red else "blue")


def signature(w, h, rng, thick=2):
    """Return a uint8 mask (h, w) with a pen scribble."""
    S = 3
    m = np.zeros((h * S, w * S), np.uint8)
    n = int(rng.integers(2, 5))
    x = rng.uniform(0.05, 0.2) * w * S
    for _ in range(n):
        k = int(rng.integers(5, 12))
        t = np.linspace(0, 1, 60 * k)
        xs = x + t * rng.uniform(0.2, 0.45) * w * S
        freq = rng.uniform(2, 5) * k / 3
        ys = h * S * (0.5 + 0.3 * np.sin(2 * np.pi * freq * t + rng.uniform(0, 6)) * rng.uniform(0.6, 1.0)
                      + 0.1 * np.sin(2 * np.pi * 0.7 * t + rng.uniform(0, 6)))
        xs = xs + 0.06 * w * S * np.cos(2 * np.pi * freq * t)
        pts = np.stack([xs, ys], 1).astype(np.int32)
        cv2.polylines(m, [pts], False, 255, max(1, thick * S), cv2.LINE_AA)
        x = xs[-1] - rng.uniform(0, 0.05) * w * S
    if chance(rng, 0.6):  # underline stroke
        y = int(h * S * rng.uniform(0.7, 0.9))
        cv2.line(m, (int(0.05 * w * S), y + int(rng.integers(-6, 6))), (int(rng.uniform(0.6, 0.95) * w * S), y), 255, max(1, thick * S), cv2.LINE_AA)
    return cv2.resize(m, (w, h), interpolation=cv2.INTER_AREA)
