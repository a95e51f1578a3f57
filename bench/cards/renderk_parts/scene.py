"""Surfaces the card lies on, rooms behind it, and hands holding it (float RGB 0..1)."""
import cv2
import numpy as np

from .util import lowres_noise

SURF_COL = {
    "wood": [(0.55, 0.38, 0.22), (0.72, 0.56, 0.38), (0.35, 0.22, 0.13), (0.62, 0.42, 0.30)],
    "cloth": [(0.15, 0.15, 0.18), (0.55, 0.10, 0.12), (0.20, 0.30, 0.55), (0.75, 0.72, 0.65),
              (0.30, 0.45, 0.30), (0.85, 0.60, 0.70), (0.45, 0.40, 0.35)],
    "desk": [(0.92, 0.92, 0.90), (0.80, 0.80, 0.78), (0.20, 0.20, 0.22), (0.85, 0.83, 0.75), (0.70, 0.78, 0.85)],
    "sheet": [(0.95, 0.95, 0.95), (0.85, 0.90, 0.97), (0.97, 0.88, 0.90), (0.92, 0.95, 0.85), (0.97, 0.93, 0.80)],
}
SKIN = [(0.80, 0.62, 0.50), (0.70, 0.52, 0.40), (0.60, 0.43, 0.32), (0.48, 0.33, 0.24), (0.85, 0.70, 0.60)]


def _small(h, w, m=720):
    k = m / max(h, w)
    return max(8, int(h * k)), max(8, int(w * k))


def surface(rng, h, w):
    """Return (float32 RGB image h x w, kind name)."""
    kind = rng.ch(["wood", "cloth", "sheet", "tiles", "desk", "gingham", "batik", "sofa"],
                  [5, 3, 3, 2, 3, 1.5, 1.5, 1])
    sh, sw = _small(h, w)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    folds = lowres_noise(rng, sh, sw, 3, 2)
    if kind == "wood":
        base = np.array(rng.ch(SURF_COL["wood"]), np.float32) * rng.u(0.85, 1.1)
        n = lowres_noise(rng, sh, sw, 3)
        per = rng.u(3, 9)
        grain = 0.5 + 0.5 * np.sin(2 * np.pi * (yy / per + n * rng.u(4, 12)))
        grain = grain ** rng.u(2, 5)
        streak = cv2.resize(rng.g.random((sh, max(2, sw // 60))).astype(np.float32), (sw, sh))
        fine = cv2.resize(rng.g.random((sh, max(2, sw // 8))).astype(np.float32), (sw, sh))
        v = 0.85 + 0.1 * grain - 0.08 * streak + 0.05 * fine
        pw = rng.u(60, 260)
        v = v * np.where((yy % pw) < 1.2, 0.65, 1.0)
        img = base[None, None, :] * v[..., None]
        sh_ = 0.9 + 0.15 * n
    elif kind in ("cloth", "sofa"):
        base = np.array(rng.ch(SURF_COL["cloth"]), np.float32)
        wv = 0.5 + 0.5 * np.sin(xx * rng.u(1.5, 3.0)) * np.sin(yy * rng.u(1.5, 3.0))
        img = base[None, None, :] * (0.9 + 0.1 * wv)[..., None]
        sh_ = 0.65 + 0.5 * folds
    elif kind == "sheet":
        base = np.array(rng.ch(SURF_COL["sheet"]), np.float32)
        img = np.ones((sh, sw, 3), np.float32) * base
        col = np.array([rng.u(0.2, 0.9) for _ in range(3)], np.float32)
        if rng.p(0.5):  # stripes
            per = rng.u(12, 40)
            m = ((xx * 0.7 + yy * rng.u(-0.7, 0.7)) % per) < per * rng.u(0.2, 0.5)
            img[m] = img[m] * 0.3 + col * 0.7
        else:  # flowers
            for _ in range(rng.i(30, 90)):
                cx, cy, r = rng.u(0, sw), rng.u(0, sh), rng.u(4, 16)
                c = tuple(float(v) for v in (col if rng.p(0.6) else col[::-1]))
                for k in range(5):
                    a = k * 2 * np.pi / 5
                    cv2.circle(img, (int(cx + np.cos(a) * r), int(cy + np.sin(a) * r)), int(r * 0.6), c, -1, cv2.LINE_AA)
                cv2.circle(img, (int(cx), int(cy)), int(r * 0.4), (0.9, 0.8, 0.2), -1, cv2.LINE_AA)
        sh_ = 0.7 + 0.4 * folds
    elif kind == "tiles":
        base = np.array([rng.u(0.6, 0.95)] * 3, np.float32) * np.array([1, rng.u(0.95, 1), rng.u(0.88, 1)])
        t = rng.u(40, 140)
        tid = (xx // t) * 7 + (yy // t) * 13
        var = 0.93 + 0.07 * np.sin(tid * 1.7)
        grout = ((xx % t) < 2) | ((yy % t) < 2)
        img = base[None, None, :] * var[..., None]
        img[grout] *= 0.75
        sh_ = 0.85 + 0.25 * lowres_noise(rng, sh, sw, 2, 1)
    elif kind == "gingham":
        c = np.array([rng.u(0.3, 0.9), rng.u(0.1, 0.6), rng.u(0.1, 0.7)], np.float32)
        t = rng.u(10, 30)
        a = ((xx % (2 * t)) < t).astype(np.float32)
        b = ((yy % (2 * t)) < t).astype(np.float32)
        k = (a + b)[..., None] / 2
        img = (1 - k) * 0.95 + k * c
        sh_ = 0.7 + 0.4 * folds
    elif kind == "batik":
        bg = np.array([rng.u(0.45, 0.7), rng.u(0.3, 0.45), rng.u(0.15, 0.25)], np.float32)
        fg = np.array([rng.u(0.05, 0.2), rng.u(0.05, 0.15), rng.u(0.1, 0.35)], np.float32)
        img = np.ones((sh, sw, 3), np.float32) * bg
        t = int(rng.u(24, 60))
        for y in range(0, sh + t, t):
            for x in range(0, sw + t, t):
                off = t // 2 if (y // t) % 2 else 0
                cv2.circle(img, (x + off, y), t // 3, tuple(float(v) for v in fg), 2, cv2.LINE_AA)
                cv2.circle(img, (x + off, y), t // 8, tuple(float(v) for v in fg), -1, cv2.LINE_AA)
                cv2.line(img, (x + off - t // 2, y), (x + off, y - t // 2), tuple(float(v) for v in fg), 1, cv2.LINE_AA)
        sh_ = 0.7 + 0.4 * folds
    else:  # desk
        base = np.array(rng.ch(SURF_COL["desk"]), np.float32)
        img = np.ones((sh, sw, 3), np.float32) * base
        img *= (0.97 + 0.06 * lowres_noise(rng, sh, sw, 8, 2))[..., None]
        sh_ = 0.9 + 0.15 * folds
    img = img * sh_[..., None]
    if rng.p(0.5):
        img = np.ascontiguousarray(np.rot90(img, rng.i(1, 3)))
    img = np.clip(cv2.GaussianBlur(img.astype(np.float32), (0, 0), 0.7), 0, 1)
    return cv2.resize(img, (w, h), interpolation=cv2.INTER_LINEAR), kind


def room(rng, h, w, sigma=None):
    """A blurred indoor background (for cards held in the hand, or a 'room' negative)."""
    sh, sw = _small(h, w, 480)
    wall = np.array([rng.u(0.6, 0.95), rng.u(0.6, 0.92), rng.u(0.55, 0.9)], np.float32)
    img = np.ones((sh, sw, 3), np.float32) * wall
    fy = int(sh * rng.u(0.55, 0.85))
    floor = np.array(rng.ch([(0.7, 0.7, 0.68), (0.5, 0.35, 0.2), (0.8, 0.75, 0.7)]), np.float32)
    img[fy:] = floor
    for _ in range(rng.i(1, 4)):
        x0, y0 = rng.u(-0.1, 0.9) * sw, rng.u(0.05, 0.7) * sh
        ww, hh = rng.u(0.1, 0.4) * sw, rng.u(0.1, 0.6) * sh
        c = tuple(float(v) for v in rng.g.uniform(0.1, 1.0, 3))
        if rng.p(0.3):
            c = (1.0, 1.0, 0.97)  # window
        cv2.rectangle(img, (int(x0), int(y0)), (int(x0 + ww), int(y0 + hh)), c, -1)
    img *= (0.75 + 0.4 * lowres_noise(rng, sh, sw, 2, 1))[..., None]
    img = cv2.GaussianBlur(img, (0, 0), rng.u(2, 8) if sigma is None else sigma)
    return cv2.resize(np.clip(img, 0, 1), (w, h), interpolation=cv2.INTER_LINEAR)


def draw_blob(img, mask_out, pts_or_line, width, skin, nail=False, taper=0.8):
    """Draw a shaded, slightly tapered finger from p0 (base) to p1 (tip) into img (float RGB)."""
    (x0, y0), (x1, y1) = pts_or_line
    h, w = img.shape[:2]
    r = int(width / 2) + 3
    bx0, by0 = max(0, int(min(x0, x1)) - r), max(0, int(min(y0, y1)) - r)
    bx1, by1 = min(w, int(max(x0, x1)) + r), min(h, int(max(y0, y1)) + r)
    if bx1 <= bx0 or by1 <= by0:
        return
    ds = max(1.0, width / 70.0)  # draw large fingers at reduced resolution
    sw_, sh_ = max(2, int((bx1 - bx0) / ds)), max(2, int((by1 - by0) / ds))
    X0, Y0, X1, Y1, Wd = (x0 - bx0) / ds, (y0 - by0) / ds, (x1 - bx0) / ds, (y1 - by0) / ds, width / ds
    m = np.zeros((sh_, sw_), np.uint8)
    L = np.hypot(X1 - X0, Y1 - Y0) + 1e-6
    ux, uy = (X1 - X0) / L, (Y1 - Y0) / L
    n = max(2, int(L / max(1.5, Wd * 0.15)))
    for t in np.linspace(0, 1, n):
        rad = Wd / 2 * (1 - (1 - taper) * t)
        cv2.circle(m, (int(X0 + (X1 - X0) * t), int(Y0 + (Y1 - Y0) * t)), max(1, int(rad)), 255, -1, cv2.LINE_AA)
    d = cv2.distanceTransform((m > 127).astype(np.uint8), cv2.DIST_L2, 3)
    shade = np.clip(d / (Wd / 2 * taper + 1e-3), 0, 1) ** 0.6
    col = np.array(skin, np.float32)[None, None, :] * (0.62 + 0.45 * shade)[..., None]
    if nail:
        nw = Wd * taper
        cx, cy = X1 - ux * nw * 0.42, Y1 - uy * nw * 0.42
        nm = np.zeros_like(m)
        cv2.ellipse(nm, (int(cx), int(cy)), (max(1, int(nw * 0.36)), max(1, int(nw * 0.28))),
                    float(np.degrees(np.arctan2(uy, ux))), 0, 360, 255, -1, cv2.LINE_AA)
        nmf = cv2.GaussianBlur(nm.astype(np.float32) / 255.0, (0, 0), max(0.5, nw / 40))[..., None] * (m > 0)[..., None]
        ncol = col * 0.55 + np.array([0.93, 0.78, 0.74], np.float32) * 0.5
        col = col * (1 - nmf) + ncol * nmf
    a = cv2.GaussianBlur(m.astype(np.float32) / 255.0, (0, 0), max(0.5, Wd / 80))
    if ds > 1:
        col = cv2.resize(col, (bx1 - bx0, by1 - by0), interpolation=cv2.INTER_LINEAR)
        a = cv2.resize(a, (bx1 - bx0, by1 - by0), interpolation=cv2.INTER_LINEAR)
    a = a[..., None]
    roi = img[by0:by1, bx0:bx1]
    roi[:] = roi * (1 - a) + col * a
    if mask_out is not None:
        mask_out[by0:by1, bx0:bx1] = np.maximum(mask_out[by0:by1, bx0:bx1], a[..., 0])
