"""A passport-style portrait (face on red or blue) and a signature scribble."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick

SKIN = [(224, 184, 150), (205, 160, 122), (190, 142, 105), (170, 122, 88), (145, 100, 70), (120, 82, 58)]
CLOTH = [(30, 30, 35), (240, 240, 240), (40, 60, 110), (120, 30, 40), (60, 90, 60), (200, 190, 170),
         (90, 60, 40), (150, 150, 155), (20, 20, 80)]
HIJAB = [(20, 20, 25), (240, 240, 240), (120, 40, 60), (40, 60, 120), (200, 170, 150), (90, 110, 90),
         (160, 120, 170), (60, 40, 40)]


def _c(col, s=1.0):
    return tuple(int(np.clip(v * s, 0, 255)) for v in col[::-1])  # RGB -> BGR for cv2


def portrait(rng, w, h, sex, age):
    """Returns float32 RGB (h,w,3) portrait."""
    ss = 2
    W, H = w * ss, h * ss
    bgc = pick(rng, [(200, 30, 40), (185, 25, 35), (215, 45, 50)]) if chance(rng, 0.5) else \
        pick(rng, [(40, 90, 190), (30, 70, 160), (60, 120, 210)])
    yy = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    img = (np.array(bgc[::-1], np.float32)[None, None] * (1.05 - 0.15 * yy)) * np.ones((H, W, 1), np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    skin = pick(rng, SKIN)
    cx = W * uni(rng, 0.46, 0.54)
    fy = H * uni(rng, 0.38, 0.44)
    fw, fh = W * uni(rng, 0.21, 0.26), H * uni(rng, 0.2, 0.24)
    hijab = sex == "F" and chance(rng, 0.55)
    cloth = pick(rng, CLOTH)
    # shoulders
    cv2.ellipse(img, (int(cx), int(H * 1.02)), (int(W * 0.55), int(H * 0.3)), 0, 180, 360, _c(cloth), -1, cv2.LINE_AA)
    if chance(rng, 0.5) and not hijab:  # collar
        pts = np.array([[cx - W * 0.12, H * 0.76], [cx, H * 0.9], [cx + W * 0.12, H * 0.76]], np.int32)
        cv2.polylines(img, [pts], False, _c((235, 235, 235)), max(2, W // 40), cv2.LINE_AA)
    # neck
    cv2.rectangle(img, (int(cx - fw * 0.45), int(fy + fh * 0.6)), (int(cx + fw * 0.45), int(H * 0.8)),
                  _c(skin, 0.85), -1)
    if hijab:
        hc = pick(rng, HIJAB)
        cv2.ellipse(img, (int(cx), int(fy + fh * 0.1)), (int(fw * 1.45), int(fh * 1.45)), 0, 0, 360, _c(hc), -1, cv2.LINE_AA)
        cv2.ellipse(img, (int(cx), int(H * 0.95)), (int(W * 0.42), int(H * 0.3)), 0, 180, 360, _c(hc), -1, cv2.LINE_AA)
    else:
        hair = (25, 22, 20) if age < 55 or chance(rng, 0.5) else (150, 150, 150)
        top = fh * (1.15 if sex == "F" else 1.08)
        cv2.ellipse(img, (int(cx), int(fy - fh * 0.05)), (int(fw * 1.12), int(top)), 0, 180, 360, _c(hair), -1, cv2.LINE_AA)
        if sex == "F":
            cv2.rectangle(img, (int(cx - fw * 1.15), int(fy - fh * 0.1)), (int(cx + fw * 1.15), int(fy + fh * 1.1)), _c(hair), -1)
    # face and ears
    for sx in (-1, 1):
        if not hijab:
            cv2.ellipse(img, (int(cx + sx * fw * 0.98), int(fy + fh * 0.05)), (int(fw * 0.16), int(fh * 0.22)), 0, 0, 360, _c(skin, 0.9), -1, cv2.LINE_AA)
    cv2.ellipse(img, (int(cx), int(fy)), (int(fw), int(fh * 1.08)), 0, 0, 360, _c(skin), -1, cv2.LINE_AA)
    if not hijab and sex == "M":
        cv2.ellipse(img, (int(cx), int(fy - fh * 0.62)), (int(fw * 1.02), int(fh * 0.5)), 0, 180, 360, _c((25, 22, 20)), -1, cv2.LINE_AA)
    # eyes, brows, nose, mouth
    ey = fy - fh * 0.1
    for sx in (-1, 1):
        ex = cx + sx * fw * 0.42
        cv2.ellipse(img, (int(ex), int(ey)), (int(fw * 0.17), int(fh * 0.07)), 0, 0, 360, _c((245, 245, 240)), -1, cv2.LINE_AA)
        cv2.circle(img, (int(ex), int(ey)), int(fh * 0.06), _c((40, 28, 20)), -1, cv2.LINE_AA)
        cv2.line(img, (int(ex - fw * 0.2), int(ey - fh * 0.17)), (int(ex + fw * 0.2), int(ey - fh * 0.2)),
                 _c((35, 28, 22)), max(2, int(fh * 0.05)), cv2.LINE_AA)
        if chance(rng, 0.15) and sx == 1:  # glasses
            for gx in (-1, 1):
                cv2.circle(img, (int(cx + gx * fw * 0.42), int(ey)), int(fw * 0.28), _c((30, 30, 30)), max(1, W // 80), cv2.LINE_AA)
    cv2.line(img, (int(cx), int(ey + fh * 0.1)), (int(cx - fw * 0.08), int(fy + fh * 0.35)), _c(skin, 0.7), max(2, W // 60), cv2.LINE_AA)
    cv2.ellipse(img, (int(cx), int(fy + fh * 0.6)), (int(fw * 0.3), int(fh * 0.08)), 0, 0, 180, _c((140, 70, 70)), max(2, W // 50), cv2.LINE_AA)
    if sex == "M" and chance(rng, 0.25):
        cv2.ellipse(img, (int(cx), int(fy + fh * 0.48)), (int(fw * 0.35), int(fh * 0.07)), 0, 180, 360, _c((30, 25, 20)), max(2, W // 40), cv2.LINE_AA)
    img = cv2.GaussianBlur(img, (0, 0), ss * uni(rng, 0.6, 1.4))
    img = cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA)
    img = img[..., ::-1].astype(np.float32) / 255.0
    shade = np.linspace(1.05, 0.9, w, dtype=np.float32)[None, :, None]
    return np.clip(img * (shade if chance(rng, 0.5) else shade[:, ::-1]), 0, 1)


def signature(rng, w, h, thickness):
    """Returns uint8 mask (h,w) with a scribbled signature."""
    m = np.zeros((h, w), np.uint8)
    n = int(rng.integers(40, 90))
    t = np.linspace(0, 1, n)
    x = 0.08 * w + t * 0.84 * w + np.cumsum(rng.normal(0, w * 0.015, n))
    freq = uni(rng, 3, 9)
    y = h * 0.5 + h * 0.32 * np.sin(2 * np.pi * freq * t + uni(rng, 0, 6)) * (0.5 + rng.random(n) * 0.6)
    y += np.cumsum(rng.normal(0, h * 0.02, n))
    pts = np.stack([x, np.clip(y, 2, h - 3)], 1).astype(np.int32)
    k = max(1, int(thickness))
    cv2.polylines(m, [pts], False, 255, k, cv2.LINE_AA)
    if chance(rng, 0.6):
        yy = int(h * uni(rng, 0.6, 0.85))
        cv2.line(m, (int(w * uni(rng, 0.05, 0.3)), yy), (int(w * uni(rng, 0.6, 0.95)), yy - int(h * uni(rng, -0.1, 0.1))), 255, k, cv2.LINE_AA)
    return m
