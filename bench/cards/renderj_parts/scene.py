"""Backgrounds, the holding hand and phone screenshot chrome."""
import cv2
import numpy as np

from .card_bg import smooth_noise


def background(rng, h, w):
    """float32 RGB 0..1 surface the card lies on. Returns (img, kind)."""
    kind = ["table", "cloth", "paper", "pattern", "plain", "dark"][int(rng.choice(6, p=[0.3, 0.18, 0.12, 0.12, 0.18, 0.1]))]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "table":
        base = np.array(rng.choice([[0.55, 0.38, 0.22], [0.72, 0.58, 0.42], [0.35, 0.24, 0.15], [0.85, 0.82, 0.78], [0.9, 0.9, 0.88]]), np.float32)
        ang = rng.uniform(0, np.pi)
        u = xx * np.cos(ang) + yy * np.sin(ang)
        n = smooth_noise(rng, h, w, max(h, w) / 12)
        grain = np.sin(u / max(2, w / 200) + n * rng.uniform(6, 20)) * 0.5 + 0.5
        img = base * (0.85 + 0.2 * grain[..., None])
    elif kind == "cloth":
        base = rng.uniform(0.1, 0.9, 3).astype(np.float32)
        p = max(2.0, w / rng.uniform(150, 400))
        weave = (np.sin(xx / p * np.pi) * np.sin(yy / p * np.pi)) * 0.5 + 0.5
        fold = smooth_noise(rng, h, w, max(h, w) / 4)
        img = base * (0.75 + 0.15 * weave[..., None] + 0.25 * fold[..., None])
    elif kind == "paper":
        img = np.ones((h, w, 3), np.float32) * rng.uniform(0.82, 0.97)
        img *= np.array([1.0, 0.99, 0.95], np.float32)
        if rng.random() < 0.5:  # printed lines of a form
            for y in range(int(rng.integers(0, h // 8)), h, max(8, h // 30)):
                img[y:y + max(1, h // 600)] *= 0.7
    elif kind == "pattern":
        c1, c2 = rng.uniform(0.1, 0.95, 3).astype(np.float32), rng.uniform(0.1, 0.95, 3).astype(np.float32)
        p = max(4, int(min(h, w) / rng.uniform(6, 30)))
        if rng.random() < 0.5:
            m = (((xx // p) + (yy // p)) % 2)[..., None]
        else:
            m = ((np.sin(xx / p * 3) + np.sin(yy / p * 3) + np.sin((xx + yy) / p * 2)) > 0.5).astype(np.float32)[..., None]
        img = c1 * m + c2 * (1 - m)
        img = cv2.GaussianBlur(img, (0, 0), max(0.5, w / 1500))
    elif kind == "plain":
        c = rng.uniform(0.2, 0.95, 3).astype(np.float32)
        img = np.ones((h, w, 3), np.float32) * c
    else:
        img = np.ones((h, w, 3), np.float32) * rng.uniform(0.03, 0.2, 3).astype(np.float32)
    g = smooth_noise(rng, h, w, max(h, w) / 2)
    img = img * (0.85 + 0.3 * g[..., None])
    return np.clip(img, 0, 1).astype(np.float32), kind


SKIN = [(0.87, 0.70, 0.58), (0.80, 0.60, 0.46), (0.70, 0.50, 0.37), (0.56, 0.40, 0.28), (0.45, 0.31, 0.22)]


def hand(rng, img, quad, card_h_px, card_alpha, deep=False):
    """Draw a thumb over one card edge and fingers/palm outside. Returns (img, thumb polyline in frame px, thickness)."""
    h, w = img.shape[:2]
    e = int(rng.integers(4))
    p0, p1 = quad[e], quad[(e + 1) % 4]
    centre = quad.mean(0)
    t = rng.uniform(0.15, 0.85)
    pe = p0 + (p1 - p0) * t
    normal = pe - centre
    along = (p1 - p0) / (np.linalg.norm(p1 - p0) + 1e-6)
    nrm = np.array([-along[1], along[0]])
    if np.dot(nrm, normal) < 0:
        nrm = -nrm
    thick = card_h_px * rng.uniform(0.16, 0.24)
    depth = card_h_px * (rng.uniform(0.2, 0.45) if deep else rng.uniform(0.02, 0.1))
    tip = pe - nrm * depth
    base = pe + nrm * card_h_px * 0.7
    skin = np.array(SKIN[int(rng.integers(len(SKIN)))], np.float32) * rng.uniform(0.9, 1.05)
    mask = np.zeros((h, w), np.float32)
    # palm outside the card, towards the frame edge
    palm_c = pe + nrm * card_h_px * 0.9 + along * card_h_px * rng.uniform(-0.3, 0.3)
    cv2.ellipse(mask, tuple(int(v) for v in palm_c), (int(card_h_px * 0.42), int(card_h_px * 0.32)),
                float(np.degrees(np.arctan2(along[1], along[0]))), 0, 360, 1.0, -1, cv2.LINE_AA)
    far = pe + nrm * max(h, w)
    cv2.line(mask, tuple(int(v) for v in palm_c), tuple(int(v) for v in far), 1.0, int(card_h_px * 0.62))
    cv2.line(mask, tuple(int(v) for v in base), tuple(int(v) for v in tip), 1.0, int(thick), cv2.LINE_AA)
    cv2.circle(mask, tuple(int(v) for v in tip), int(thick / 2), 1.0, -1, cv2.LINE_AA)
    # fingers behind the card peeking out of the opposite edge
    if rng.random() < 0.5:
        q0, q1 = quad[(e + 2) % 4], quad[(e + 3) % 4]
        fm = np.zeros((h, w), np.float32)
        t0 = rng.uniform(0.25, 0.6)
        d = -nrm
        for k in range(int(rng.integers(2, 5))):
            pt = q0 + (q1 - q0) * (t0 + k * thick * 0.9 / (np.linalg.norm(q1 - q0) + 1e-6))
            ang = float(np.degrees(np.arctan2(d[1], d[0])))
            cv2.ellipse(fm, tuple(int(v) for v in pt + d * thick * 0.1), (int(thick * 0.75), int(thick * 0.4)), ang, 0, 360, 1.0, -1, cv2.LINE_AA)
        mask = np.maximum(mask, fm * (1 - card_alpha))
    mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, thick / 25))[..., None]
    shade = smooth_noise(rng, h, w, max(h, w) / 5)[..., None]
    col = skin * (0.8 + 0.3 * shade)
    nail = np.zeros((h, w), np.float32)
    nc = tip + nrm * thick * 0.35
    cv2.ellipse(nail, tuple(int(v) for v in nc), (int(thick * 0.28), int(thick * 0.36)),
                float(np.degrees(np.arctan2(nrm[1], nrm[0]))), 0, 360, 1.0, -1, cv2.LINE_AA)
    col = col * (1 - 0.35 * nail[..., None]) + 0.35 * nail[..., None] * np.array([0.95, 0.85, 0.8], np.float32)
    # a soft shadow of the thumb on the card
    sh = cv2.GaussianBlur(np.roll(mask[..., 0], (int(thick * 0.15), int(thick * 0.1)), (0, 1)), (0, 0), thick / 6)[..., None]
    img = img * (1 - 0.35 * sh)
    img = img * (1 - mask) + col * mask
    pts = np.array([tip + (base - tip) * s for s in np.linspace(0, 0.5, 8)])
    return img, pts, thick, ["top", "right", "bottom", "left"][e]


def screenshot(rng, img):
    """Put a (uint8 RGB) photo into a phone screenshot with status and navigation bars."""
    import PIL.Image as Image
    import PIL.ImageDraw as ImageDraw
    from . import fonts
    W, H = [(1080, 2400), (720, 1600), (1080, 2340), (1170, 2532), (1440, 3200)][int(rng.integers(5))]
    dark = rng.random() < 0.7
    canvas = np.full((H, W, 3), 0 if dark else 250, np.uint8)
    ih, iw = img.shape[:2]
    s = min(W / iw, (H * 0.8) / ih)
    nw, nh = int(iw * s), int(ih * s)
    small = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_LINEAR)
    y0 = (H - nh) // 2 + int(rng.integers(-H // 30, H // 30))
    canvas[y0:y0 + nh, (W - nw) // 2:(W - nw) // 2 + nw] = small
    pil = Image.fromarray(canvas)
    d = ImageDraw.Draw(pil)
    fg = 235 if dark else 20
    sans = [f for f in fonts.all_fonts() if not f["mono"] and not f["serif"] and not f["italic"] and not f["odd"]]
    f = fonts.load(sans[int(rng.integers(len(sans)))]["path"], H * 0.018)
    sb = int(H * 0.035)
    d.text((W * 0.06, sb * 0.2), f"{int(rng.integers(6, 23)):02d}:{int(rng.integers(0, 60)):02d}", font=f, fill=(fg,) * 3)
    bx = W * 0.86
    d.rectangle([bx, sb * 0.3, bx + W * 0.06, sb * 0.75], outline=(fg,) * 3, width=2)
    d.rectangle([bx + 3, sb * 0.3 + 3, bx + W * 0.06 * rng.uniform(0.2, 0.95), sb * 0.75 - 3], fill=(fg,) * 3)
    d.text((bx - W * 0.12, sb * 0.2), f"{int(rng.integers(5, 100))}%", font=f, fill=(fg,) * 3)
    for k in range(4):  # signal bars
        d.rectangle([W * 0.7 + k * W * 0.012, sb * (0.75 - 0.12 * (k + 1)), W * 0.7 + k * W * 0.012 + W * 0.007, sb * 0.75], fill=(fg,) * 3)
    # gallery top bar and bottom toolbar
    tb = int(H * 0.06)
    d.text((W * 0.05, sb + tb * 0.25), "<", font=fonts.load(sans[0]["path"], H * 0.03), fill=(fg,) * 3)
    nb = H - int(H * 0.1)
    for k, lab in enumerate(["Bagikan", "Edit", "Favorit", "Hapus"]):
        cx = W * (0.125 + 0.25 * k)
        d.ellipse([cx - W * 0.025, nb, cx + W * 0.025, nb + W * 0.05], outline=(fg,) * 3, width=3)
        d.text((cx - f.getlength(lab) / 2, nb + W * 0.06), lab, font=f, fill=(fg,) * 3)
    d.rectangle([W * 0.35, H - H * 0.012, W * 0.65, H - H * 0.008], fill=(fg,) * 3)
    return np.asarray(pil), {"screen": [W, H]}
