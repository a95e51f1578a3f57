"""Full-frame negatives: a pet, a room, a wall (with the odd calendar or poster)."""
import numpy as np
import cv2
from .util import font, draw_text, composite_ink, pick, chance
from .scene import surface, WALLS, THINGS
from .wear import lowfreq


def _col(c, rng, j=0.08):
    return tuple(float(np.clip(x / 255 * (1 + rng.normal(0, j)), 0, 1)) for x in c)


def pet(rng, h=900, w=1200):
    img, _ = surface(h, w, rng, False)
    cat = chance(rng, 0.6)
    fur = _col(pick(rng, [(230, 150, 60), (60, 55, 50), (240, 240, 235), (150, 130, 110), (200, 170, 120), (110, 80, 50)]), rng)
    cx, cy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.45, 0.65)
    bw, bh = w * rng.uniform(0.2, 0.32), h * rng.uniform(0.18, 0.28)
    ang = rng.uniform(-30, 30)
    lay = np.zeros((h, w, 3), np.float32)
    a = np.zeros((h, w), np.float32)
    def ell(c, ax, an, col):
        cv2.ellipse(lay, (int(c[0]), int(c[1])), (int(ax[0]), int(ax[1])), an, 0, 360, col, -1, cv2.LINE_AA)
        cv2.ellipse(a, (int(c[0]), int(c[1])), (int(ax[0]), int(ax[1])), an, 0, 360, 1.0, -1, cv2.LINE_AA)
    ell((cx, cy), (bw, bh), ang, fur)
    # tail
    t0 = np.array([cx - bw * np.cos(np.radians(ang)), cy - bw * np.sin(np.radians(ang))])
    pts = np.array([t0 + [-k * bw * 0.08, -np.sin(k / 3) * bh * 0.6] for k in range(10)], np.int32)
    cv2.polylines(lay, [pts], False, fur, int(bh * (0.18 if cat else 0.25)), cv2.LINE_AA)
    cv2.polylines(a, [pts], False, 1.0, int(bh * (0.18 if cat else 0.25)), cv2.LINE_AA)
    hx, hy = cx + bw * 0.85 * np.cos(np.radians(ang)), cy + bw * 0.85 * np.sin(np.radians(ang)) - bh * 0.6
    hr = bh * rng.uniform(0.6, 0.8)
    for side in (-1, 1):  # ears
        if cat:
            tri = np.array([[hx + side * hr * 0.9, hy - hr * 0.2], [hx + side * hr * 0.7, hy - hr * 1.4], [hx + side * hr * 0.1, hy - hr * 0.8]], np.int32)
            cv2.fillPoly(lay, [tri], fur, cv2.LINE_AA)
            cv2.fillPoly(a, [tri], 1.0, cv2.LINE_AA)
        else:
            ell((hx + side * hr * 0.95, hy + hr * 0.2), (hr * 0.3, hr * 0.7), side * 15, tuple(c * 0.7 for c in fur))
    ell((hx, hy), (hr, hr * 0.9), 0, fur)
    if not cat:
        ell((hx, hy + hr * 0.45), (hr * 0.55, hr * 0.4), 0, tuple(min(1, c * 1.1) for c in fur))
    for side in (-1, 1):  # eyes
        e = (hx + side * hr * 0.38, hy - hr * 0.1)
        cv2.ellipse(lay, (int(e[0]), int(e[1])), (int(hr * 0.15), int(hr * 0.12)), 0, 0, 360, (0.7, 0.75, 0.2) if cat else (0.25, 0.15, 0.1), -1, cv2.LINE_AA)
        cv2.ellipse(lay, (int(e[0]), int(e[1])), (int(hr * (0.04 if cat else 0.08)), int(hr * 0.11)), 0, 0, 360, (0.02, 0.02, 0.02), -1, cv2.LINE_AA)
    cv2.circle(lay, (int(hx), int(hy + hr * 0.3)), int(hr * 0.1), (0.3, 0.15, 0.15), -1, cv2.LINE_AA)
    # fur strokes
    n = 3000
    ys, xs = np.nonzero(a[::4, ::4] > 0.5)
    if len(xs):
        idx = rng.integers(0, len(xs), n)
        for i in idx:
            x, y = xs[i] * 4, ys[i] * 4
            L = rng.uniform(3, 12)
            t = rng.uniform(0, np.pi)
            c = tuple(float(np.clip(v * rng.uniform(0.6, 1.3), 0, 1)) for v in fur)
            cv2.line(lay, (x, y), (int(x + L * np.cos(t)), int(y + L * np.sin(t))), c, 1, cv2.LINE_AA)
    shade = 0.75 + 0.35 * lowfreq(h, w, rng, 3)
    lay *= shade[..., None]
    lay = cv2.GaussianBlur(lay, (0, 0), 1.0)
    a = cv2.GaussianBlur(a, (0, 0), 1.5)[..., None]
    img = img * (1 - a) + lay * a
    return img, {"negative": "pet", "animal": "cat" if cat else "dog"}


def room(rng, h=900, w=1200):
    wall = np.array(_col(pick(rng, WALLS), rng), np.float32)
    img = np.ones((h, w, 3), np.float32) * wall
    vx, vy = w * rng.uniform(0.35, 0.65), h * rng.uniform(0.35, 0.55)
    bx0, bx1 = int(w * rng.uniform(0.1, 0.3)), int(w * rng.uniform(0.7, 0.9))
    by0, by1 = int(h * rng.uniform(0.05, 0.2)), int(h * rng.uniform(0.6, 0.75))
    floor = _col(pick(rng, [(200, 190, 170), (150, 140, 130), (180, 160, 130), (220, 220, 215)]), rng)
    cv2.fillPoly(img, [np.array([[0, h], [bx0, by1], [bx1, by1], [w, h]], np.int32)], floor, cv2.LINE_AA)
    for side, xb in ((0, bx0), (w, bx1)):  # side walls, darker
        cv2.fillPoly(img, [np.array([[side, 0], [xb, by0], [xb, by1], [side, h]], np.int32)], tuple(float(c * 0.8) for c in wall), cv2.LINE_AA)
    cv2.fillPoly(img, [np.array([[0, 0], [bx0, by0], [bx1, by0], [w, 0]], np.int32)], tuple(float(min(1, c * 1.05)) for c in wall), cv2.LINE_AA)
    # door, window, furniture on the back wall
    for _ in range(int(rng.integers(2, 5))):
        x0 = int(rng.uniform(bx0, bx1 - 50))
        ww, hh = int(rng.uniform(0.08, 0.25) * w), int(rng.uniform(0.15, 0.45) * h)
        kind = pick(rng, ["door", "window", "cabinet", "sofa", "tv"])
        y1 = by1 if kind in ("door", "cabinet", "sofa") else int(by0 + rng.uniform(0.1, 0.3) * (by1 - by0)) + hh
        col = (0.95, 0.97, 1.0) if kind == "window" else (0.05, 0.05, 0.06) if kind == "tv" else _col(pick(rng, THINGS), rng)
        cv2.rectangle(img, (x0, y1 - hh), (x0 + ww, y1), col, -1, cv2.LINE_AA)
        if kind == "window":
            cv2.line(img, (x0 + ww // 2, y1 - hh), (x0 + ww // 2, y1), (0.3, 0.25, 0.2), 4)
            cv2.rectangle(img, (x0, y1 - hh), (x0 + ww, y1), (0.3, 0.25, 0.2), 4)
    light = 0.6 + 0.6 * lowfreq(h, w, rng, 2)
    img *= light[..., None]
    return cv2.GaussianBlur(img, (0, 0), rng.uniform(0.8, 2.5)), {"negative": "room"}


def wall(rng, h=900, w=1200):
    base = np.array(_col(pick(rng, WALLS), rng), np.float32)
    img = np.ones((h, w, 3), np.float32) * base
    img *= (0.85 + 0.25 * lowfreq(h, w, rng, 3) + 0.04 * lowfreq(h, w, rng, 60))[..., None]
    info = {"negative": "wall"}
    if chance(rng, 0.5):  # calendar or poster with text
        x0, y0 = int(w * rng.uniform(0.2, 0.5)), int(h * rng.uniform(0.1, 0.3))
        pw, ph = int(w * rng.uniform(0.25, 0.4)), int(h * rng.uniform(0.4, 0.6))
        cv2.rectangle(img, (x0, y0), (x0 + pw, y0 + ph), (0.97, 0.97, 0.95), -1)
        mask = np.zeros((h, w), np.uint8)
        f = font("liberation", max(10, pw // 12), True)
        draw_text(mask, (x0 + pw // 2, y0 + pw // 8), pick(rng, ["KALENDER 2025", "JADWAL POSYANDU", "APOTEK SEHAT"]), f, anchor="ms",
                  sx=min(1.0, pw * 0.9 / max(1, f.getlength("KALENDER 2025"))))
        fs = font("liberation", max(8, pw // 20))
        for i in range(30):
            draw_text(mask, (x0 + pw * (0.1 + 0.13 * (i % 7)), y0 + pw * 0.3 + (i // 7) * pw * 0.12), str(i + 1), fs)
        img = composite_ink(img, mask, (30, 30, 40), 0.9)
        info["poster"] = True
    if chance(rng, 0.5):  # light switch plate
        x, y = int(w * rng.uniform(0.1, 0.9)), int(h * rng.uniform(0.3, 0.8))
        cv2.rectangle(img, (x, y), (x + w // 18, y + w // 14), (0.95, 0.95, 0.93), -1, cv2.LINE_AA)
        cv2.rectangle(img, (x + w // 60, y + w // 50), (x + w // 18 - w // 60, y + w // 14 - w // 50), (0.8, 0.8, 0.78), -1)
    if chance(rng, 0.4):  # crack
        p = np.array([w * rng.uniform(0, 1), 0.0])
        pts = [p.copy()]
        for _ in range(30):
            p += [rng.normal(0, 8), rng.uniform(5, 25)]
            pts.append(p.copy())
        cv2.polylines(img, [np.array(pts, np.int32)], False, tuple(float(c * 0.6) for c in base), 1, cv2.LINE_AA)
    return img, info


SCENE_NEGS = {"pet": pet, "room": room, "wall": wall}
