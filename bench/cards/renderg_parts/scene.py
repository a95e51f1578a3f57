"""Backgrounds, card placement (rotation, perspective, bend), hand, finger, glare, shadows."""
import numpy as np
import cv2
from .card_bg import smooth_noise

BACKGROUNDS = ["wood", "cloth", "paper", "hand", "plain", "tile"]


def soft(mask, sigma):
    """Gaussian blur of a float/uint8 2-D mask, done at reduced size for large sigma."""
    mask = mask.astype(np.float32)
    if sigma < 6:
        return cv2.GaussianBlur(mask, (0, 0), max(0.3, sigma))
    H, W = mask.shape
    f = sigma / 3.0
    small = cv2.resize(mask, (max(2, int(W / f)), max(2, int(H / f))), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 3.0)
    return cv2.resize(small, (W, H), interpolation=cv2.INTER_LINEAR)


def lowres_field(H, W, fn, f=8):
    """Evaluate fn(yy, xx) on a coarse grid (full-res coordinates) and upsample."""
    h, w = max(2, H // f), max(2, W // f)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    v = fn(yy * (H / h), xx * (W / w)).astype(np.float32)
    return cv2.resize(v, (W, H), interpolation=cv2.INTER_LINEAR)


def background(rng, H, W, kind):
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    s = max(H, W) / 1000.0
    if kind == "wood":
        base = np.array([150, 100, 60], np.float32) * rng.uniform(0.6, 1.3)
        ang = rng.uniform(0, np.pi)
        u = xx * np.cos(ang) + yy * np.sin(ang)
        v = -xx * np.sin(ang) + yy * np.cos(ang)
        warp = smooth_noise(rng, H, W, 350 * s) * rng.uniform(3, 9)
        f = rng.uniform(0.08, 0.2) / s
        g = 0.5 + 0.5 * np.sin(v * f + warp + 3 * np.sin(u * 0.002 / s))
        g = g ** rng.uniform(1.5, 4)
        plank = rng.uniform(120, 300) * s
        seam = (np.abs(((v + plank * 10) % plank) - plank / 2) > plank / 2 - max(1.0, 1.5 * s)).astype(np.float32)
        grain = smooth_noise(rng, H, W, 2 * s)
        tone = smooth_noise(rng, H, W, 150 * s)
        img = base * (0.8 + 0.25 * tone[..., None]) * (1 - 0.18 * g[..., None]) * (0.93 + 0.1 * grain[..., None])
        img *= (1 - 0.45 * seam)[..., None]
    elif kind == "cloth":
        base = rng.uniform(30, 220, 3).astype(np.float32)
        p = rng.uniform(2, 5) * s
        weave = (np.sin(xx / p * np.pi) * np.sin(yy / p * np.pi))[..., None]
        folds = smooth_noise(rng, H, W, 250 * s)[..., None]
        img = base * (0.85 + 0.06 * weave) * (0.65 + 0.5 * folds)
    elif kind == "paper":
        base = np.array([236, 234, 226], np.float32) + rng.uniform(-20, 10, 3)
        img = np.ones((H, W, 3), np.float32) * base
        img *= (0.96 + 0.06 * smooth_noise(rng, H, W, 4 * s))[..., None]
        if rng.random() < 0.5:   # ruled lines / faint print
            step = int(rng.uniform(25, 40) * s)
            for y in range(int(rng.integers(step)), H, step):
                cv2.line(img, (0, y), (W, y), (170, 180, 215), max(1, int(s)))
    elif kind == "tile":
        base = rng.uniform(150, 235, 3).astype(np.float32)
        img = np.ones((H, W, 3), np.float32) * base
        t = int(rng.uniform(150, 400) * s)
        ox, oy = int(rng.integers(t)), int(rng.integers(t))
        for x in range(ox, W, t):
            cv2.line(img, (x, 0), (x, H), tuple(float(c) * 0.7 for c in base), max(1, int(3 * s)))
        for y in range(oy, H, t):
            cv2.line(img, (0, y), (W, y), tuple(float(c) * 0.7 for c in base), max(1, int(3 * s)))
        img *= (0.9 + 0.15 * smooth_noise(rng, H, W, 300 * s))[..., None]
    else:  # plain / hand backdrop: desk laminate, sofa, bed sheet, floor
        pal = [(200, 200, 195), (235, 235, 230), (90, 90, 95), (40, 40, 45), (25, 30, 50), (200, 185, 160),
               (120, 90, 70), (170, 60, 50), (60, 80, 60), (230, 215, 190), (150, 160, 175)]
        base = np.array(pal[int(rng.integers(len(pal)))], np.float32) * rng.uniform(0.8, 1.15) + rng.uniform(-10, 10, 3)
        img = np.ones((H, W, 3), np.float32) * base
        img *= (0.8 + 0.3 * smooth_noise(rng, H, W, 400 * s))[..., None]
    img += rng.normal(0, 2, (H, W, 1)).astype(np.float32)
    return np.clip(img, 0, 255)


def place(rng, W, H, aspect, frac, angle_deg, persp):
    """Destination quad (TL, TR, BR, BL) of a card with width/height ratio aspect."""
    cw, ch = 1.0, 1.0 / aspect
    pts = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]], np.float64)
    # keystone (camera tilt): shrink one side
    side = int(rng.integers(4))
    k = persp * rng.uniform(0.3, 1.0)
    a, b = side, (side + 1) % 4
    mid = (pts[a] + pts[b]) / 2
    pts[a] = mid + (pts[a] - mid) * (1 - k)
    pts[b] = mid + (pts[b] - mid) * (1 - k)
    pts += rng.normal(0, persp * 0.08, pts.shape)
    t = np.deg2rad(angle_deg)
    R = np.array([[np.cos(t), -np.sin(t)], [np.sin(t), np.cos(t)]])
    pts = pts @ R.T
    ext = pts.max(0) - pts.min(0)
    sc = frac * min(W / ext[0], H / ext[1])
    pts = pts * sc
    ext = ext * sc
    lo = -pts.min(0)
    free = np.array([W, H]) - ext
    off = lo + np.array([rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95)]) * np.maximum(free, 0)
    return (pts + off).astype(np.float32)


def bend_card(rng, rgba, amount):
    """Pad and bend a card (cylindrical-ish). Returns padded rgba, pad."""
    h, w = rgba.shape[:2]
    pad = int(h * 0.08) + 2
    big = cv2.copyMakeBorder(rgba, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=0)
    if amount <= 0:
        return big, pad
    H2, W2 = big.shape[:2]
    yy, xx = np.mgrid[0:H2, 0:W2].astype(np.float32)
    u = (xx - pad) / w * 2 - 1
    dy = amount * h * (1 - np.clip(u, -1, 1) ** 2)
    if rng.random() < 0.5:
        dy = -dy
    out = cv2.remap(big, xx, yy + dy.astype(np.float32), cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    return out, pad


def warp_card(rgba_p, pad, cw, chh, quad, W, H):
    src = np.array([[pad, pad], [pad + cw, pad], [pad + cw, pad + chh], [pad, pad + chh]], np.float32)
    M = cv2.getPerspectiveTransform(src, quad)
    shrink = cw / max(1.0, np.linalg.norm(quad[1] - quad[0]))
    if shrink > 1.6:   # pre-filter against aliasing
        rgba_p = cv2.GaussianBlur(rgba_p, (0, 0), 0.45 * shrink)
    out = cv2.warpPerspective(rgba_p, M, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    return out, M


def capsule_mask(H, W, p0, p1, width):
    m = np.zeros((H, W), np.uint8)
    cv2.line(m, tuple(int(v) for v in p0), tuple(int(v) for v in p1), 255, int(width), cv2.LINE_AA)
    cv2.circle(m, tuple(int(v) for v in p1), int(width / 2), 255, -1, cv2.LINE_AA)
    return m


def paint_skin(rng, img, mask, skin, p0, p1, nail=True, width=10):
    H, W = mask.shape
    sig = max(1.0, width * 0.04)
    a = cv2.GaussianBlur(mask, (0, 0), sig).astype(np.float32) / 255
    dist = cv2.distanceTransform((mask > 127).astype(np.uint8), cv2.DIST_L2, 3)
    shade = np.clip(dist / (width * 0.5 + 1e-3), 0, 1) ** 0.5
    col = skin[None, None, :] * (0.55 + 0.5 * shade[..., None])
    img[:] = img * (1 - a[..., None]) + col * a[..., None]
    if nail:
        d = np.array(p1, np.float32) - np.array(p0, np.float32)
        d /= (np.linalg.norm(d) + 1e-6)
        c = np.array(p1, np.float32) - d * width * 0.15
        nm = np.zeros((H, W), np.uint8)
        ang = float(np.degrees(np.arctan2(d[1], d[0])))
        cv2.ellipse(nm, (int(c[0]), int(c[1])), (int(width * 0.3), int(width * 0.25)), ang, 0, 360, 255, -1, cv2.LINE_AA)
        na = cv2.GaussianBlur(nm, (0, 0), sig).astype(np.float32)[..., None] / 255 * 0.6
        img[:] = img * (1 - na) + np.minimum(skin * 1.25 + 20, 255) * na


def skin_color(rng):
    return np.array([225, 175, 140], np.float32) * rng.uniform(0.55, 1.05) + rng.uniform(-8, 8, 3)


def draw_hand(rng, img, quad, skin):
    """Palm and fingers behind the card (drawn before the card)."""
    H, W = img.shape[:2]
    c = quad.mean(0)
    cw = np.linalg.norm(quad[1] - quad[0])
    m = np.zeros((H, W), np.uint8)
    off = rng.normal(0, 0.25, 2) * cw
    cv2.ellipse(m, (int(c[0] + off[0]), int(c[1] + off[1] + cw * 0.2)), (int(cw * 0.5), int(cw * 0.6)),
                float(rng.uniform(0, 180)), 0, 360, 255, -1, cv2.LINE_AA)
    e = int(rng.integers(4))
    p, q = quad[e], quad[(e + 1) % 4]
    nrm = np.array([-(q - p)[1], (q - p)[0]], np.float32)
    nrm /= np.linalg.norm(nrm) + 1e-6
    if np.dot(nrm, c - p) > 0:
        nrm = -nrm
    for j in range(4):
        t = 0.2 + 0.2 * j + rng.uniform(-0.05, 0.05)
        base = p + (q - p) * t - nrm * cw * 0.1
        tip = base + nrm * cw * rng.uniform(0.12, 0.22)
        cv2.line(m, tuple(int(v) for v in base), tuple(int(v) for v in tip), 255, int(cw * 0.11), cv2.LINE_AA)
        cv2.circle(m, tuple(int(v) for v in tip), int(cw * 0.055), 255, -1, cv2.LINE_AA)
    paint_skin(rng, img, m, skin, c, c, nail=False, width=cw * 0.5)


def draw_finger(rng, img, quad, skin):
    """Thumb/finger coming from outside over one edge of the card."""
    H, W = img.shape[:2]
    c = quad.mean(0)
    e = int(rng.integers(4))
    p, q = quad[e], quad[(e + 1) % 4]
    cw = max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[1]))
    t = rng.uniform(0.1, 0.9)
    edge = p + (q - p) * t
    inward = c - edge
    inward /= np.linalg.norm(inward) + 1e-6
    ang = rng.uniform(-0.5, 0.5)
    Rm = np.array([[np.cos(ang), -np.sin(ang)], [np.sin(ang), np.cos(ang)]], np.float32)
    d = Rm @ inward
    depth = cw * rng.uniform(0.03, 0.12)      # visible overlap into the card
    width = cw * rng.uniform(0.15, 0.22)
    tip = edge + d * (depth - width / 2)
    start = edge - d * cw * 1.5
    m = capsule_mask(H, W, start, tip, width)
    paint_skin(rng, img, m, skin, start, tip, nail=True, width=width)
    return {"edge": int(e), "depth_frac": round(float(depth / cw), 3)}


def glare(rng, img, mask, quad, strength, n):
    H, W = img.shape[:2]
    cw = np.linalg.norm(quad[1] - quad[0])
    f = 4
    h, w = max(2, H // f), max(2, W // f)
    add = np.zeros((h, w), np.float32)
    for _ in range(n):
        u, v = rng.random(), rng.random()
        pt = (quad[0] * (1 - u) * (1 - v) + quad[1] * u * (1 - v) + quad[2] * u * v + quad[3] * (1 - u) * v) / f
        ax = (max(1, int(cw / f * rng.uniform(0.04, 0.25))), max(1, int(cw / f * rng.uniform(0.02, 0.12))))
        spot = np.zeros((h, w), np.uint8)
        cv2.ellipse(spot, (int(pt[0]), int(pt[1])), ax, float(rng.uniform(0, 180)), 0, 360, 255, -1)
        add = np.maximum(add, cv2.GaussianBlur(spot, (0, 0), max(0.7, ax[1] * 0.6)).astype(np.float32) / 255)
    add = cv2.resize(add, (W, H), interpolation=cv2.INTER_LINEAR)
    add *= mask * strength
    img[:] = img + (255 - img) * add[..., None]


def laminate(rng, img, mask, quad, strength):
    H, W = img.shape[:2]
    ang = rng.uniform(0, np.pi)
    c = quad.mean(0) + rng.normal(0, 0.2, 2) * np.linalg.norm(quad[1] - quad[0])
    d = lowres_field(H, W, lambda yy, xx: (xx - c[0]) * np.cos(ang) + (yy - c[1]) * np.sin(ang), 4)
    wdt = np.linalg.norm(quad[1] - quad[0]) * rng.uniform(0.05, 0.2)
    band = np.exp(-(d / wdt) ** 2) * mask * strength
    rainbow = np.stack([np.sin(d / wdt * 3), np.sin(d / wdt * 3 + 2), np.sin(d / wdt * 3 + 4)], -1) * 12
    img[:] = img + ((255 - img) * 0.8 + rainbow) * band[..., None]


def cast_shadow(rng, img, strength):
    H, W = img.shape[:2]
    m = np.zeros((H, W), np.uint8)
    pts = [(rng.uniform(-0.3, 1.3) * W, rng.uniform(-0.3, 1.3) * H) for _ in range(5)]
    side = int(rng.integers(4))
    corner = [(0, 0), (W, 0), (W, H), (0, H)]
    poly = np.array(pts + [corner[side], corner[(side + 1) % 4]], np.int32)
    cv2.fillPoly(m, [cv2.convexHull(poly)], 255)
    a = soft(m, max(H, W) * rng.uniform(0.01, 0.06)) / 255
    img[:] = img * (1 - strength * a[..., None])
