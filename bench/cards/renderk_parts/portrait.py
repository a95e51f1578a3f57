"""The holder's head-and-shoulders photo and the signature scribble."""
import cv2
import numpy as np

SKIN = [(224, 188, 160), (205, 160, 125), (185, 140, 105), (160, 115, 85), (130, 92, 65), (235, 200, 175)]
CLOTH = [(245, 245, 245), (30, 30, 35), (40, 50, 90), (120, 20, 30), (200, 200, 205), (60, 90, 60),
         (150, 110, 60), (90, 40, 90), (20, 60, 120), (220, 210, 180)]
HIJAB = [(20, 20, 25), (250, 250, 250), (40, 40, 100), (120, 20, 40), (180, 150, 120), (70, 110, 90),
         (200, 120, 150), (100, 80, 60)]


def _c(c):
    return tuple(int(v) for v in c)


def portrait(rng, h, w, male, hijab, age):
    """RGB uint8 head-and-shoulders on red or blue."""
    if rng.p(0.5):
        bg = np.array([rng.u(170, 225), rng.u(10, 45), rng.u(20, 50)])  # red
    else:
        bg = np.array([rng.u(10, 50), rng.u(60, 120), rng.u(170, 230)])  # blue
    img = np.empty((h, w, 3), np.float32)
    yy = np.linspace(0, 1, h)[:, None, None]
    img[:] = bg * (1.05 - 0.15 * yy)
    img = np.clip(img, 0, 255).astype(np.uint8)
    skin = np.array(rng.ch(SKIN)) * rng.u(0.9, 1.05)
    cloth = np.array(rng.ch(CLOTH))
    cx = w * rng.u(0.45, 0.55)
    hy = h * rng.u(0.36, 0.43)          # head centre
    hw, hh = w * rng.u(0.20, 0.25), h * rng.u(0.20, 0.24)
    # shoulders and clothes
    cv2.ellipse(img, (int(cx), int(h * 1.02)), (int(w * rng.u(0.5, 0.62)), int(h * 0.32)), 0, 180, 360, _c(cloth), -1, cv2.LINE_AA)
    cv2.rectangle(img, (0, int(h * 1.0)), (w, h), _c(cloth), -1)
    if hijab:
        hc = np.array(rng.ch(HIJAB))
        cv2.ellipse(img, (int(cx), int(h * 0.95)), (int(w * 0.48), int(h * 0.42)), 0, 180, 360, _c(hc), -1, cv2.LINE_AA)
        cv2.ellipse(img, (int(cx), int(hy - hh * 0.05)), (int(hw * 1.35), int(hh * 1.35)), 0, 0, 360, _c(hc), -1, cv2.LINE_AA)
        cv2.ellipse(img, (int(cx), int(hy + hh * 0.1)), (int(hw * 0.85), int(hh * 0.95)), 0, 0, 360, _c(skin), -1, cv2.LINE_AA)
    else:
        cv2.rectangle(img, (int(cx - hw * 0.45), int(hy + hh * 0.5)), (int(cx + hw * 0.45), int(hy + hh * 1.6)), _c(skin * 0.9), -1)
        if male and rng.p(0.7):  # collar
            pts = np.array([[cx - hw * 0.9, hy + hh * 1.45], [cx, hy + hh * 2.0], [cx + hw * 0.9, hy + hh * 1.45],
                            [cx + hw * 0.5, hy + hh * 2.3], [cx - hw * 0.5, hy + hh * 2.3]], np.int32)
            cv2.fillPoly(img, [pts], _c(np.minimum(cloth + 40, 255)), cv2.LINE_AA)
        hair = np.array([rng.u(10, 40)] * 3) if age < 55 or rng.p(0.5) else np.array([rng.u(150, 200)] * 3)
        if not male:
            cv2.ellipse(img, (int(cx), int(hy + hh * 0.4)), (int(hw * 1.25), int(hh * 1.4)), 0, 180, 360, _c(hair), -1, cv2.LINE_AA)
            cv2.rectangle(img, (int(cx - hw * 1.25), int(hy + hh * 0.4)), (int(cx + hw * 1.25), int(hy + hh * 1.5)), _c(hair), -1)
        cv2.ellipse(img, (int(cx), int(hy)), (int(hw), int(hh)), 0, 0, 360, _c(skin), -1, cv2.LINE_AA)
        if not (male and age > 60 and rng.p(0.4)):
            cv2.ellipse(img, (int(cx), int(hy - hh * 0.25)), (int(hw * 1.05), int(hh * 0.85)), 0, 180, 360, _c(hair), -1, cv2.LINE_AA)
    # face features
    dk = _c(skin * 0.35)
    ey = int(hy + hh * 0.05)
    for sd in (-1, 1):
        ex = int(cx + sd * hw * 0.4)
        cv2.ellipse(img, (ex, ey), (max(1, int(hw * 0.14)), max(1, int(hh * 0.05))), 0, 0, 360, (25, 20, 20), -1, cv2.LINE_AA)
        cv2.line(img, (ex - int(hw * 0.18), ey - int(hh * 0.18)), (ex + int(hw * 0.18), ey - int(hh * 0.2)), dk, max(1, int(hh * 0.05)), cv2.LINE_AA)
    cv2.line(img, (int(cx), int(hy + hh * 0.15)), (int(cx - hw * 0.08), int(hy + hh * 0.4)), _c(skin * 0.7), max(1, int(hw * 0.05)), cv2.LINE_AA)
    cv2.ellipse(img, (int(cx), int(hy + hh * 0.6)), (int(hw * 0.3), max(1, int(hh * 0.06))), 0, 0, 180, _c(skin * np.array([0.7, 0.5, 0.5])), max(1, int(hh * 0.05)), cv2.LINE_AA)
    if rng.p(0.12):  # glasses
        for sd in (-1, 1):
            cv2.circle(img, (int(cx + sd * hw * 0.4), ey), int(hw * 0.27), (30, 30, 30), max(1, int(hw * 0.04)), cv2.LINE_AA)
    # light from one side
    xx = np.linspace(-1, 1, w)[None, :, None]
    img = np.clip(img.astype(np.float32) * (1 + rng.u(-0.12, 0.12) * xx), 0, 255)
    img = cv2.GaussianBlur(img, (0, 0), max(0.6, w / 160))
    img += rng.g.normal(0, 3, img.shape).astype(np.float32)
    return np.clip(img, 0, 255).astype(np.uint8)


def signature(draw_img, rng, x0, y0, w, h, col, th):
    """Draw a signature-like scribble in the box on an RGB uint8 image (in place)."""
    n = rng.i(5, 12)
    xs = np.sort(rng.g.uniform(0, 1, n)) * w + x0
    ys = rng.g.uniform(0.1, 0.9, n) * h + y0
    pts = []
    for i in range(n - 1):
        for t in np.linspace(0, 1, 14):
            x = xs[i] + (xs[i + 1] - xs[i]) * t
            y = ys[i] + (ys[i + 1] - ys[i]) * t + np.sin(t * np.pi * rng.u(1, 3)) * h * 0.25
            pts.append((x, y))
    if rng.p(0.6):  # a loop
        cx, cy, r = xs[0] + w * 0.1, y0 + h * 0.5, h * rng.u(0.2, 0.4)
        for t in np.linspace(0, 2 * np.pi, 30):
            pts.insert(0, (cx + r * np.cos(t) * 0.7, cy + r * np.sin(t)))
    p = np.array(pts, np.int32)
    cv2.polylines(draw_img, [p], False, col, th, cv2.LINE_AA)
    if rng.p(0.6):
        yl = int(y0 + h * rng.u(0.6, 0.95))
        cv2.line(draw_img, (int(x0 + w * 0.1), yl), (int(x0 + w * rng.u(0.6, 1.0)), yl + rng.i(-3, 3)), col, th, cv2.LINE_AA)
