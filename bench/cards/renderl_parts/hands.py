"""Hands: a thumb over the card, fingers/palm behind a held card, shadows of a hand or phone."""
import numpy as np
import cv2
from .util import pick, chance

SKIN = [(0.86, 0.67, 0.55), (0.78, 0.58, 0.45), (0.7, 0.5, 0.38), (0.6, 0.42, 0.3), (0.5, 0.35, 0.25)]


def _map(Hm, p):
    q = Hm @ np.array([p[0], p[1], 1.0])
    return q[:2] / q[2]


def _finger(img, base, tip, w_base, w_tip, col, rng, nail=True, blur=1.0):
    """Shaded finger polygon from base to a rounded tip, composited onto img in place."""
    H, W = img.shape[:2]
    base, tip = np.asarray(base, float), np.asarray(tip, float)
    d = tip - base
    L = np.linalg.norm(d) + 1e-6
    u = d / L
    n = np.array([-u[1], u[0]])
    arc = [tip - u * w_tip * 0.5 + (n * np.cos(a) + u * np.sin(a)) * w_tip / 2 for a in np.linspace(0, np.pi, 14)]
    poly = [base + n * w_base / 2] + arc[:1] + arc + [base - n * w_base / 2]
    poly = np.array(poly)
    pad = int(3 * blur + 4)
    x0, y0 = np.floor(poly.min(0)).astype(int) - pad
    x1, y1 = np.ceil(poly.max(0)).astype(int) + pad
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return
    m = np.zeros((y1 - y0, x1 - x0), np.uint8)
    cv2.fillPoly(m, [np.round(poly - [x0, y0]).astype(np.int32)], 255, cv2.LINE_AA)
    dist = cv2.distanceTransform((m > 127).astype(np.uint8), cv2.DIST_L2, 3) / max(1.0, w_tip / 2)
    shade = 0.62 + 0.38 * np.sqrt(np.clip(dist, 0, 1))
    side = rng.uniform(-0.15, 0.15)
    layer = np.ones((y1 - y0, x1 - x0, 3), np.float32) * np.array(col, np.float32) * (shade * (1 + side))[..., None]
    if nail:
        c = tip - u * w_tip * 0.42 - [x0, y0]
        ang = float(np.degrees(np.arctan2(u[1], u[0])))
        nm = np.zeros_like(m)
        cv2.ellipse(nm, (int(c[0]), int(c[1])), (int(w_tip * 0.34), int(w_tip * 0.3)), ang, 0, 360, 255, -1, cv2.LINE_AA)
        nm = (nm.astype(np.float32) / 255 * (m > 0))[..., None]
        ncol = np.clip(np.array(col, np.float32) * 1.08 + np.array([0.1, 0.04, 0.06], np.float32), 0, 1)
        layer = layer * (1 - nm) + ncol * nm * (0.9 + 0.1 * shade[..., None])
    a = m.astype(np.float32) / 255
    if blur > 0.4:
        layer = cv2.GaussianBlur(layer, (0, 0), blur)
        a = cv2.GaussianBlur(a, (0, 0), blur)
    roi = img[y0:y1, x0:x1]
    roi[:] = roi * (1 - a[..., None]) + layer * a[..., None]


def thumb_over(img, Hm, cw, ch, s, rng, where=None):
    """Thumb pressing on an edge or corner of the object (cw x ch px, s px/mm). Returns an effects dict."""
    H, W = img.shape[:2]
    where = where or pick(rng, ["bl", "br", "tl", "tr", "left", "bottom", "right", "top"])
    depth = rng.uniform(3, 11) * s
    width_mm = rng.uniform(14, 19)
    pos = {"bl": (0, ch), "br": (cw, ch), "tl": (0, 0), "tr": (cw, 0),
           "left": (0, rng.uniform(0.3, 0.8) * ch), "right": (cw, rng.uniform(0.3, 0.8) * ch),
           "bottom": (rng.uniform(0.15, 0.85) * cw, ch), "top": (rng.uniform(0.15, 0.85) * cw, 0)}[where]
    centre = np.array([cw / 2, ch / 2])
    inward = centre - np.array(pos)
    if where in ("left", "right"):
        inward = np.array([inward[0], rng.normal(0, 0.3) * abs(inward[0])])
    elif where in ("top", "bottom"):
        inward = np.array([rng.normal(0, 0.3) * abs(inward[1]), inward[1]])
    inward /= np.linalg.norm(inward)
    tip = np.array(pos) + inward * depth
    base = tip - inward * rng.uniform(35, 55) * s
    t_o, b_o = _map(Hm, tip), _map(Hm, base)
    side_o = _map(Hm, tip + np.array([-inward[1], inward[0]]) * width_mm * s)
    wpx = np.linalg.norm(side_o - t_o)
    if not np.all(np.isfinite([*t_o, *b_o, wpx])) or wpx < 3:
        return {}
    col = pick(rng, SKIN)
    col = tuple(float(np.clip(c * rng.uniform(0.9, 1.1), 0, 1)) for c in col)
    _finger(img, b_o, t_o, wpx * rng.uniform(1.15, 1.4), wpx, col, rng, True, rng.uniform(0.3, 2.0) * wpx / 60)
    return {"finger": where, "finger_depth_mm": round(float(depth / s), 1)}


def hand_behind(img, quad, rng):
    """Palm and fingers of the hand holding the card, drawn before the card is composited."""
    H, W = img.shape[:2]
    col = pick(rng, SKIN)
    col = tuple(float(np.clip(c * rng.uniform(0.9, 1.1), 0, 1)) for c in col)
    q = quad
    cw = float(np.linalg.norm(q[1] - q[0]))
    side = pick(rng, ["bottom", "left", "right"])
    if side == "bottom":
        edge = (q[2] + q[3]) / 2 + (q[2] - q[3]) * rng.uniform(-0.25, 0.25)
    elif side == "left":
        edge = (q[0] + q[3]) / 2
    else:
        edge = (q[1] + q[2]) / 2
    centre = q.mean(0)
    out = (edge - centre) / (np.linalg.norm(edge - centre) + 1e-6)
    palm = edge - out * cw * rng.uniform(0.05, 0.2)
    # forearm from the frame border to the palm, which is mostly hidden behind the card
    arm_end = palm + out * max(W, H) + np.array([-out[1], out[0]]) * rng.normal(0, 0.3) * cw
    blur = 1.0 + 0.012 * cw
    _finger(img, arm_end, palm, cw * 0.6, cw * 0.85, tuple(c * 0.92 for c in col), rng, nail=False, blur=blur)
    # fingers behind the card, their tips showing past the opposite or neighbouring edge
    perp = np.array([-out[1], out[0]])
    for k in range(int(rng.integers(2, 5))):
        off = (k - 1.5) * cw * 0.1 + rng.normal(0, cw * 0.02)
        tip = centre - out * cw * rng.uniform(0.35, 0.55) * (0.63 if side == "bottom" else 1.0) + perp * off
        if side == "bottom":
            tip = centre - out * (np.linalg.norm(edge - centre) + cw * rng.uniform(0.02, 0.08)) + perp * off
        else:
            tip = tip + perp * cw * 0.3
        _finger(img, palm + perp * off * 0.5, tip, cw * 0.13, cw * 0.11, col, rng, nail=False, blur=blur)
    return {"hand_behind": side}


def cast_shadow(img, rng, quad, strength):
    """Soft shadow of a hand or of the phone falling across part of the card."""
    H, W = img.shape[:2]
    f = 0.25
    h, w = max(4, int(H * f)), max(4, int(W * f))
    m = np.zeros((h, w), np.float32)
    kind = pick(rng, ["phone", "hand", "head"])
    c = quad.mean(0) * f + rng.normal(0, 0.25, 2) * np.ptp(quad, 0) * f
    size = np.ptp(quad[:, 0]) * f
    ang = rng.uniform(0, 180)
    if kind == "phone":
        box = cv2.boxPoints(((float(c[0]), float(c[1] - size * 0.4)), (float(size * 0.45), float(size * 1.3)), float(ang)))
        cv2.fillPoly(m, [box.astype(np.int32)], 1.0)
    else:
        cv2.ellipse(m, (int(c[0]), int(c[1] - size * 0.5)), (int(size * 0.35), int(size * 0.6)), ang, 0, 360, 1.0, -1)
        if kind == "hand":
            for k in range(4):
                a = np.deg2rad(ang + 60 + k * 20)
                p = (int(c[0] + np.cos(a) * size * 0.7), int(c[1] - size * 0.5 + np.sin(a) * size * 0.7))
                cv2.line(m, (int(c[0]), int(c[1] - size * 0.5)), p, 1.0, max(1, int(size * 0.09)))
    m = cv2.GaussianBlur(m, (0, 0), max(1.0, size * rng.uniform(0.04, 0.15)))
    m = cv2.resize(m, (W, H), interpolation=cv2.INTER_LINEAR)
    img *= (1 - strength * m)[..., None]
    return {"shadow": kind, "shadow_strength": round(float(strength), 2)}
