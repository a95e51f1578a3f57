"""A hand holding the card: palm and fingertips behind it, a thumb over one edge."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick, soft_blur

SKINS = [(225, 185, 150), (205, 160, 125), (185, 140, 105), (160, 115, 80), (135, 95, 65)]


def _capsule(p_far, p_tip, width, n=24):
    """Outline of a finger from p_far to p_tip (rounded tip) in the same coordinates."""
    p_far, p_tip = np.asarray(p_far, float), np.asarray(p_tip, float)
    d = p_tip - p_far
    L = np.linalg.norm(d) + 1e-9
    d /= L
    nrm = np.array([-d[1], d[0]])
    r = width / 2
    pts = [p_far + nrm * r, p_tip + nrm * r]
    for a in np.linspace(0, np.pi, n):
        pts.append(p_tip + nrm * r * np.cos(a) + d * r * np.sin(a) * 1.15)
    pts += [p_tip - nrm * r, p_far - nrm * r]
    return np.array(pts)


def _paint(img, poly_out, skin, rng, shadow_on=None):
    """Fills a finger polygon with rounded shading; returns its mask (float32)."""
    H, W = img.shape[:2]
    m = np.zeros((H, W), np.uint8)
    cv2.fillPoly(m, [np.round(poly_out).astype(np.int32)], 255, cv2.LINE_AA)
    ys, xs = np.nonzero(m)
    if len(xs) == 0:
        return m.astype(np.float32) / 255
    x0, x1, y0, y1 = xs.min(), xs.max() + 1, ys.min(), ys.max() + 1
    sub = m[y0:y1, x0:x1]
    dist = cv2.distanceTransform((sub > 127).astype(np.uint8), cv2.DIST_L2, 3)
    mx = max(float(dist.max()), 1.0)
    shade = 0.62 + 0.45 * np.sqrt(np.clip(dist / mx, 0, 1))
    col = np.array(skin, np.float32) / 255.0
    a = sub.astype(np.float32)[..., None] / 255.0
    if shadow_on is not None:  # soft shadow of the finger on what is below it
        sh = soft_blur(m.astype(np.float32) / 255.0, max(2.0, mx * 0.5))
        off = int(mx * 0.3)
        sh = np.roll(np.roll(sh, off, 0), off, 1)
        img *= (1 - 0.35 * sh)[..., None]
    img[y0:y1, x0:x1] = img[y0:y1, x0:x1] * (1 - a) + (col * shade[..., None]) * a
    return m.astype(np.float32) / 255.0


# thumb positions on the card in normalised card coordinates: (edge, along-range, depth-range)
SAFE = [("right", (0.25, 0.85), (0.02, 0.12)), ("left", (0.3, 0.9), (-0.01, 0.015)),
        ("bottom", (0.78, 0.95), (0.0, 0.05)), ("top", (0.06, 0.16), (0.0, 0.06)),
        ("top", (0.85, 0.95), (0.0, 0.1))]
COVER = [("left", (0.3, 0.5), (0.12, 0.35)), ("top", (0.2, 0.5), (0.22, 0.35)),
         ("left", (0.18, 0.3), (0.15, 0.3))]


def thumb_geometry(rng, covering, aspect):
    """Returns (far point, tip point, width) of the thumb in normalised card coords (u,v)."""
    edge, (a0, a1), (d0, d1) = pick(rng, COVER if covering else SAFE)
    t, dep = uni(rng, a0, a1), uni(rng, d0, d1)
    wid = uni(rng, 0.17, 0.23)  # of card width
    if edge == "right":
        tip, far = (1 - dep, t), (1.6, t + uni(rng, -0.3, 0.3))
    elif edge == "left":
        tip, far = (dep, t), (-0.6, t + uni(rng, -0.3, 0.3))
    elif edge == "bottom":
        tip, far = (t, 1 - dep / aspect), (t + uni(rng, -0.3, 0.3), 1.9)
    else:
        tip, far = (t, dep / aspect), (t + uni(rng, -0.3, 0.3), -0.9)
    return edge, np.array(far), np.array(tip), wid


def draw_behind(rng, img, to_out, edge, aspect, skin):
    """Palm and fingertips behind the card (drawn before the card)."""
    opp = {"right": "left", "left": "right", "bottom": "top", "top": "bottom"}[edge]
    for k in range(int(rng.integers(2, 4))):
        t = 0.3 + 0.2 * k + uni(rng, -0.05, 0.05)
        out = uni(rng, 0.03, 0.08)
        if opp == "left":
            far, tip = (0.4, t), (-out, t + 0.02)
        elif opp == "right":
            far, tip = (0.6, t), (1 + out, t + 0.02)
        elif opp == "top":
            far, tip = (t, 0.6), (t + 0.02, -out / aspect)
        else:
            far, tip = (t, 0.4), (t + 0.02, 1 + out / aspect)
        poly = _capsule(far, tip, 0.13)
        _paint(img, to_out(poly), tuple(c * 0.95 for c in skin), rng)
    # palm extending out of the frame on the thumb side
    cx, cy = {"right": (1.1, 0.7), "left": (-0.1, 0.7), "bottom": (0.8, 1.2), "top": (0.5, -0.2)}[edge]
    ang = np.linspace(0, 2 * np.pi, 40)
    poly = np.stack([cx + 0.45 * np.cos(ang), cy + 0.5 * np.sin(ang)], 1)
    _paint(img, to_out(poly), skin, rng)
    # wrist and forearm running out of the frame
    d = np.array([cx - 0.5, cy - 0.5])
    d = d / (np.linalg.norm(d) + 1e-9)
    arm = _capsule(np.array([cx, cy]) + d * 2.5, np.array([cx, cy]) - d * 0.1, 0.55)
    _paint(img, to_out(arm), tuple(c * 0.97 for c in skin), rng)


def draw_thumb(rng, img, to_out, far, tip, wid, skin):
    poly = _capsule(far, tip, wid)
    m = _paint(img, to_out(poly), skin, rng, shadow_on=True)
    # nail
    d = (tip - far) / (np.linalg.norm(tip - far) + 1e-9)
    c = tip - d * wid * 0.25
    nail = np.array([c + np.array([np.cos(a) * wid * 0.28, np.sin(a) * wid * 0.28]) for a in np.linspace(0, 2 * np.pi, 20)])
    no = np.round(to_out(nail)).astype(np.int32)
    overlay = img.copy()
    cv2.fillPoly(overlay, [no], tuple(float(min(1.0, v / 255 * 1.12 + 0.05)) for v in skin), cv2.LINE_AA)
    img[:] = img * 0.6 + overlay * 0.4
    return m


def pick_skin(rng):
    return pick(rng, SKINS)
