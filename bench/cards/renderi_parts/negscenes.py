"""Full-frame scenes that are not documents at all: a pet, a room, a plain wall."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick, smooth_noise, gradient, soft_blur
from . import scene

FUR = [(200, 120, 50), (30, 28, 26), (235, 230, 220), (120, 120, 125), (150, 100, 60), (210, 180, 130), (90, 60, 40)]
WALLS = [(235, 230, 215), (220, 235, 225), (240, 225, 200), (200, 215, 235), (245, 245, 240), (230, 200, 200),
         (210, 220, 180), (250, 240, 210)]


def _c(col, k=1.0):
    return tuple(float(np.clip(v * k / 255.0, 0, 1)) for v in col)


def pet(rng, H, W):
    img, _ = scene.background(rng, H, W, kind=pick(rng, ["floor", "cloth", "desk", "wood"]))
    img = np.ascontiguousarray(img)
    fur = pick(rng, FUR)
    cat = chance(rng, 0.6)
    s = min(H, W) * uni(rng, 0.25, 0.45)
    cx, cy = W * uni(rng, 0.35, 0.65), H * uni(rng, 0.4, 0.65)
    layer = np.zeros((H, W), np.float32)
    lw = max(1, int(s * 0.04))
    cv2.ellipse(layer, (int(cx), int(cy)), (int(s * 1.0), int(s * 0.6)), uni(rng, -20, 20), 0, 360, 1.0, -1, cv2.LINE_AA)
    hx, hy = cx + s * uni(rng, -1.0, 1.0), cy - s * uni(rng, 0.5, 0.8)
    hr = s * (0.42 if cat else 0.5)
    cv2.circle(layer, (int(hx), int(hy)), int(hr), 1.0, -1, cv2.LINE_AA)
    if cat:
        for sx in (-1, 1):
            ear = np.array([[hx + sx * hr * 0.9, hy - hr * 0.1], [hx + sx * hr * 0.2, hy - hr * 0.8], [hx + sx * hr * 0.8, hy - hr * 1.3]], np.int32)
            cv2.fillPoly(layer, [ear], 1.0, cv2.LINE_AA)
    else:
        cv2.ellipse(layer, (int(hx), int(hy + hr * 0.5)), (int(hr * 0.55), int(hr * 0.45)), 0, 0, 360, 1.0, -1, cv2.LINE_AA)
    tail = np.array([[cx - s * 0.9, cy], [cx - s * 1.3, cy - s * 0.3], [cx - s * 1.5, cy - s * 0.1]], np.int32)
    cv2.polylines(layer, [tail], False, 1.0, max(2, int(s * 0.12)), cv2.LINE_AA)
    layer = cv2.GaussianBlur(layer, (0, 0), max(1.0, s * 0.01))
    tex = smooth_noise(rng, H, W, s * 0.03, 3)
    stripes = 0.0
    if chance(rng, 0.4):
        stripes = (np.sin(np.arange(W, dtype=np.float32)[None, :] / (s * 0.06) + tex * 6) > 0.3).astype(np.float32) * 0.25
    shade = 0.75 + 0.35 * tex - stripes
    col = np.array(_c(fur), np.float32)
    sh = soft_blur(np.roll(layer, int(s * 0.08), 0), s * 0.08)
    img = img * (1 - 0.4 * sh)[..., None]
    img = img * (1 - layer[..., None]) + (col * shade[..., None]) * layer[..., None]
    for sx in (-1, 1):
        ex, ey = int(hx + sx * hr * 0.4), int(hy - hr * 0.05)
        cv2.ellipse(img, (ex, ey), (int(hr * 0.14), int(hr * 0.1)), 0, 0, 360, _c((120, 160, 60) if cat else (50, 35, 20)), -1, cv2.LINE_AA)
        cv2.circle(img, (ex, ey), max(1, int(hr * 0.05)), (0.02, 0.02, 0.02), -1, cv2.LINE_AA)
    cv2.circle(img, (int(hx), int(hy + hr * (0.3 if cat else 0.55))), max(1, int(hr * 0.08)), _c((60, 30, 30)), -1, cv2.LINE_AA)
    return img, {"scene": "cat" if cat else "dog"}


def room(rng, H, W):
    wall = np.array(_c(pick(rng, WALLS)), np.float32)
    img = np.ones((H, W, 3), np.float32) * wall
    hz = H * uni(rng, 0.45, 0.7)
    vx = W * uni(rng, 0.3, 0.7)
    floor = pick(rng, ["tiles", "wood"])
    fl = scene.background(rng, H, W, kind="floor" if floor == "tiles" else "wood")[0]
    yy = np.arange(H, dtype=np.float32)[:, None]
    fm = np.clip((yy - hz) / 3, 0, 1) * np.ones((1, W), np.float32)
    img = img * (1 - fm[..., None]) + fl * fm[..., None]
    for k in range(-8, 9):  # floor lines converging to the vanishing point
        x_bot = vx + k * W * 0.18
        cv2.line(img, (int(vx + (x_bot - vx) * 0.02), int(hz)), (int(x_bot), H), (0.3, 0.3, 0.3), max(1, W // 800), cv2.LINE_AA)
    # side wall in perspective
    side = np.array([[0, 0], [int(vx * 0.35), int(H * 0.1)], [int(vx * 0.35), int(hz)], [0, int(hz + H * 0.2)]], np.int32)
    cv2.fillPoly(img, [side], tuple(float(v) for v in wall * 0.85), cv2.LINE_AA)
    # door and window
    dx = W * uni(rng, 0.45, 0.8)
    cv2.rectangle(img, (int(dx), int(hz - H * 0.45)), (int(dx + W * 0.13), int(hz)), _c(pick(rng, [(120, 80, 50), (230, 230, 230), (90, 60, 40)])), -1)
    cv2.circle(img, (int(dx + W * 0.115), int(hz - H * 0.22)), max(2, W // 200), (0.8, 0.7, 0.3), -1)
    wx = W * uni(rng, 0.05, 0.35)
    cv2.rectangle(img, (int(wx), int(hz - H * 0.4)), (int(wx + W * 0.2), int(hz - H * 0.15)), (1.0, 1.0, 0.98), -1)
    cv2.rectangle(img, (int(wx), int(hz - H * 0.4)), (int(wx + W * 0.2), int(hz - H * 0.15)), (0.4, 0.3, 0.2), max(2, W // 150))
    cv2.line(img, (int(wx + W * 0.1), int(hz - H * 0.4)), (int(wx + W * 0.1), int(hz - H * 0.15)), (0.4, 0.3, 0.2), max(2, W // 200))
    # furniture blocks
    for _ in range(int(rng.integers(1, 4))):
        fx, fw = W * uni(rng, 0.0, 0.8), W * uni(rng, 0.12, 0.35)
        fh = H * uni(rng, 0.1, 0.35)
        fy = hz + H * uni(rng, 0.0, 0.2)
        colf = np.array(_c(pick(rng, [(120, 80, 50), (60, 60, 70), (200, 190, 170), (150, 40, 40), (80, 100, 140)])), np.float32)
        cv2.rectangle(img, (int(fx), int(fy - fh)), (int(fx + fw), int(fy)), tuple(float(v) for v in colf), -1)
        cv2.rectangle(img, (int(fx), int(fy - fh)), (int(fx + fw), int(fy - fh + fh * 0.15)), tuple(float(v) for v in colf * 1.2), -1)
    if chance(rng, 0.5):  # a picture frame
        px, py = W * uni(rng, 0.2, 0.8), H * uni(rng, 0.1, 0.25)
        cv2.rectangle(img, (int(px), int(py)), (int(px + W * 0.1), int(py + H * 0.1)), (0.25, 0.2, 0.15), max(2, W // 150))
    img = img * gradient(H, W, (255, 255, 255), tuple([uni(rng, 120, 220)] * 3), uni(rng, 0, 6.28))
    return np.clip(img, 0, 1), {"scene": "room"}


def wall(rng, H, W):
    col = np.array(_c(pick(rng, WALLS)), np.float32)
    n = smooth_noise(rng, H // 2 + 1, W // 2 + 1, 2, 2)
    n = cv2.resize(n, (W, H))
    low = smooth_noise(rng, H, W, max(H, W) * 0.3, 2)
    img = col[None, None] * (0.93 + 0.05 * n + 0.06 * (low - 0.5))[..., None]
    if chance(rng, 0.5):  # light switch plate
        x, y, s = W * uni(rng, 0.2, 0.8), H * uni(rng, 0.2, 0.8), min(H, W) * uni(rng, 0.05, 0.12)
        cv2.rectangle(img, (int(x), int(y)), (int(x + s), int(y + s * 1.5)), (0.95, 0.95, 0.93), -1, cv2.LINE_AA)
        cv2.rectangle(img, (int(x + s * 0.35), int(y + s * 0.45)), (int(x + s * 0.65), int(y + s * 1.05)), (0.85, 0.85, 0.82), -1)
    if chance(rng, 0.4):  # a crack
        pts = [(W * uni(rng, 0, 1), H * uni(rng, 0, 0.3))]
        for _ in range(20):
            pts.append((pts[-1][0] + rng.normal(0, W * 0.02), pts[-1][1] + H * 0.03))
        cv2.polylines(img, [np.array(pts, np.int32)], False, tuple(float(v) for v in col * 0.6), max(1, W // 900), cv2.LINE_AA)
    if chance(rng, 0.3):  # damp stain
        st = soft_blur((smooth_noise(rng, H, W, max(H, W) * 0.1, 3) > 0.7).astype(np.float32), W * 0.01)
        img = img * (1 - 0.2 * st)[..., None]
    img = img * gradient(H, W, (255, 255, 255), tuple([uni(rng, 150, 235)] * 3), uni(rng, 0, 6.28))
    return np.clip(img, 0, 1), {"scene": "wall"}


SCENES = {"pet": pet, "room": room, "wall": wall}
