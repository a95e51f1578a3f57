"""Place a flat card (RGBA) into a photo: pose, perspective, bend, hand, shadow, glare."""
import cv2
import numpy as np

from .surfaces import surface

SKIN = [[224, 172, 138], [198, 140, 105], [160, 110, 80], [120, 80, 55], [236, 190, 160]]


def sleeve(rng, rgba, ppmm):
    """Put the card in a clear laminated plastic sleeve (bigger, glossy, slightly milky)."""
    m = int(rng.uniform(1.5, 4.0) * ppmm)
    H, W = rgba.shape[:2]
    out = np.zeros((H + 2 * m, W + 2 * m, 4), np.float32)
    out[m:m + H, m:m + W] = rgba
    a = out[..., 3:] / 255.0
    milky = np.array([235, 240, 240], np.float32)
    col = out[..., :3] * a + milky * (1 - a)
    al = np.maximum(a[..., 0], 0.22)
    cv2.rectangle(al, (0, 0), (W + 2 * m - 1, H + 2 * m - 1), 0.6, max(1, int(0.3 * ppmm)))
    col = col * 0.93 + milky * 0.07
    return np.dstack([col, al * 255]).astype(np.float32), m


def bend(rng, rgba, amount):
    """Cylindrical bend: shift rows by a smooth profile along x, shading as it curves."""
    H, W = rgba.shape[:2]
    xs = np.arange(W, dtype=np.float32)
    prof = np.sin(np.pi * xs / W) * amount * H
    if rng.random() < 0.5:
        prof = prof - prof.max() / 2
    pad = int(abs(amount) * H) + 2
    src = np.zeros((H + 2 * pad, W, 4), np.float32)
    src[pad:pad + H] = rgba
    yy2, xx2 = np.mgrid[0:H + 2 * pad, 0:W].astype(np.float32)
    out = cv2.remap(src, xx2, yy2 - prof[None, :], cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    shade = 1 + 0.08 * np.cos(np.pi * xs / W * 2 + rng.uniform(0, 3))[None, :, None]
    out[..., :3] *= shade
    return out, pad


def pose(rng, cw, ch, W, H, cover, angle, tilt):
    """Destination quad for the card rectangle (cw x ch) inside a W x H frame."""
    area = cover * W * H
    s = np.sqrt(area / (cw * ch))
    rad = np.deg2rad(angle)
    for _ in range(40):
        w, h = cw * s, ch * s
        pts = np.array([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]])
        pts += rng.uniform(-tilt, tilt, (4, 2)) * np.array([w, h])
        # perspective-like: shrink one side
        k = rng.uniform(-tilt, tilt)
        pts[[0, 1], 0] *= (1 - k)
        pts[[2, 3], 0] *= (1 + k * 0.5)
        R = np.array([[np.cos(rad), -np.sin(rad)], [np.sin(rad), np.cos(rad)]])
        pts = pts @ R.T
        bw, bh = np.ptp(pts[:, 0]), np.ptp(pts[:, 1])
        if bw <= W * 0.97 and bh <= H * 0.97:
            break
        s *= 0.95
    mx = (W - bw) / 2 * 0.9
    my = (H - bh) / 2 * 0.9
    c = np.array([W / 2 + rng.uniform(-mx, mx), H / 2 + rng.uniform(-my, my)])
    return (pts - pts.mean(0) + c).astype(np.float32)


def composite(dst, rgba, M, W, H):
    warped = cv2.warpPerspective(rgba, M, (W, H), flags=cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    a = warped[..., 3:] / 255.0
    return dst * (1 - a) + warped[..., :3] * a, a[..., 0]


def drop_shadow(dst, alpha, W, H, rng, scale):
    sh = cv2.GaussianBlur(alpha, (0, 0), max(1, scale * 0.01))
    dx, dy = int(rng.uniform(-1, 1) * scale * 0.01), int(rng.uniform(0, 1) * scale * 0.015)
    sh = np.roll(np.roll(sh, dy, 0), dx, 1)
    return dst * (1 - 0.35 * sh[..., None])


def hand(rng, dst, Mmm, W, H, scale):
    """A thumb over an edge of the card and the palm beyond it. Mmm maps card mm to pixels."""
    skin = np.array(SKIN[int(rng.integers(len(SKIN)))], np.float32) + rng.normal(0, 8, 3)
    edge = ["left", "right", "bottom", "left_bottom"][int(rng.integers(4))]
    mask = np.zeros((H, W), np.float32)
    nails = np.zeros((H, W), np.float32)
    fingers = []   # (tip point in mm, direction pointing outwards, width mm)
    wmm = rng.uniform(13, 17)
    if edge in ("left", "left_bottom"):
        fingers.append(((rng.uniform(0.5, 2.4), rng.uniform(24, 46)), (-1.0, rng.uniform(0.1, 0.6)), wmm))
    if edge == "right":
        y0 = rng.uniform(36, 48)
        fingers.append(((85.6 - rng.uniform(0.8, 3.5), y0), (1.0, rng.uniform(-0.2, 0.5)), wmm))
    if edge in ("bottom", "left_bottom"):
        fingers.append(((rng.uniform(10, 55), 54 - rng.uniform(0.3, 1.0)), (rng.uniform(-0.3, 0.4), 1.0), wmm))
    to_px = lambda pts: cv2.perspectiveTransform(np.array([pts], np.float32), Mmm)[0]
    for tip, d, w in fingers:
        d = np.array(d) / np.linalg.norm(d)
        n = np.array([-d[1], d[0]])
        tip = np.array(tip)
        # thumb outline in mm: rounded tip, widening towards the palm
        ang = np.linspace(np.pi / 2, 3 * np.pi / 2, 12)
        c = tip + d * (w / 2)
        tipcurve = [c + (w / 2) * (np.cos(a) * d + np.sin(a) * n) for a in ang]
        far = 55.0
        side1 = [tip + d * (w / 2) + n * (w / 2) * (1 + t * 0.5) + d * far * t for t in np.linspace(1, 0, 6)]
        side2 = [tip + d * (w / 2) - n * (w / 2) * (1 + t * 0.5) + d * far * t for t in np.linspace(0, 1, 6)]
        outline = side1 + tipcurve[::-1] + side2
        palm_c = tip + d * (far + 30)
        palm = [palm_c + 45 * np.array([np.cos(a), np.sin(a)]) for a in np.linspace(0, 2 * np.pi, 24)]
        cv2.fillPoly(mask, [to_px(outline).astype(np.int32)], 1.0, cv2.LINE_AA)
        cv2.fillPoly(mask, [to_px(palm).astype(np.int32)], 1.0, cv2.LINE_AA)
        nc = tip + d * (w * 0.32)
        nail = [nc + (w * 0.28) * np.cos(a) * n + (w * 0.22) * np.sin(a) * d for a in np.linspace(0, 2 * np.pi, 16)]
        cv2.fillPoly(nails, [to_px(nail).astype(np.int32)], 1.0, cv2.LINE_AA)
    shadow = cv2.GaussianBlur(mask, (0, 0), max(2, scale * 0.012))
    shadow = np.roll(shadow, int(scale * 0.01), 1)
    dst = dst * (1 - 0.45 * shadow[..., None])
    shade = cv2.GaussianBlur(mask, (0, 0), max(2, scale * 0.015))
    col = skin * (0.65 + 0.4 * shade[..., None])
    col = col * (1 - 0.35 * nails[..., None]) + np.array([235, 200, 190], np.float32) * 0.35 * nails[..., None]
    m = cv2.GaussianBlur(mask, (0, 0), 1.0)[..., None]
    return dst * (1 - m) + col * m, edge


def cast_shadow(rng, dst, W, H):
    """A soft shadow of a hand or phone across part of the frame."""
    mask = np.zeros((H, W), np.float32)
    side = int(rng.integers(4))
    pts = rng.uniform(0, 1, (5, 2)) * np.array([W, H])
    if side == 0:
        pts[:2, 0] = 0
    elif side == 1:
        pts[:2, 0] = W
    elif side == 2:
        pts[:2, 1] = 0
    else:
        pts[:2, 1] = H
    hull = cv2.convexHull(pts.astype(np.float32)).astype(np.int32)
    cv2.fillPoly(mask, [hull], 1.0)
    mask = cv2.GaussianBlur(mask, (0, 0), max(W, H) * rng.uniform(0.01, 0.05))
    k = rng.uniform(0.25, 0.5)
    return dst * (1 - k * mask[..., None]), round(float(k), 2)


def glare(rng, dst, quad, strength):
    H, W = dst.shape[:2]
    c = quad.mean(0) + rng.uniform(-0.35, 0.35, 2) * np.ptp(quad, 0)
    r = rng.uniform(0.05, 0.2) * np.ptp(quad[:, 0])
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    sx, sy = r * rng.uniform(0.6, 1.6), r * rng.uniform(0.6, 1.6)
    g = np.exp(-(((xx - c[0]) / sx) ** 2 + ((yy - c[1]) / sy) ** 2))
    g = g * strength
    return dst * (1 - g[..., None]) + 252 * g[..., None]


def place(rng, card, ppmm, W, H, cover, angle, tilt, eff, hard, bg_kind=None):
    bgimg, kind = surface(rng, H, W, bg_kind)
    eff["background"] = kind
    rgba = card.astype(np.float32)
    off = 0
    if rng.random() < 0.2:
        rgba, off = sleeve(rng, rgba, ppmm)
        eff["sleeve"] = True
    b = rng.uniform(-0.012, 0.012) if rng.random() < 0.4 else 0.0
    pad = 0
    if b:
        rgba, pad = bend(rng, rgba, b)
        eff["bend"] = round(float(b), 3)
    ch, cw = rgba.shape[:2]
    quad = pose(rng, cw, ch, W, H, cover, angle, tilt)
    src = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float32)
    M = cv2.getPerspectiveTransform(src, quad)
    dst = bgimg
    a0 = cv2.warpPerspective(rgba[..., 3], M, (W, H)) / 255.0
    dst = drop_shadow(dst, a0, W, H, rng, max(W, H))
    dst, alpha = composite(dst, rgba, M, W, H)
    # millimetre frame of the card in destination pixels
    S = np.array([[ppmm, 0, off], [0, ppmm, off + pad], [0, 0, 1]], np.float64)
    Mmm = (M @ S).astype(np.float64)
    return dst, quad, Mmm
