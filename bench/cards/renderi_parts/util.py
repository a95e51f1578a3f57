"""Small helpers shared by all modules: random choices, colour and image utilities."""
import numpy as np
import cv2

cv2.setNumThreads(1)  # keep results independent of the machine's thread count


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def wpick(rng, pairs):
    """pairs: list of (item, weight)."""
    items = [p[0] for p in pairs]
    w = np.array([p[1] for p in pairs], dtype=float)
    return items[int(rng.choice(len(items), p=w / w.sum()))]


def chance(rng, p):
    return bool(rng.random() < p)


def uni(rng, a, b):
    return float(rng.uniform(a, b))


def clamp(x, a, b):
    return max(a, min(b, x))


def smooth_noise(rng, h, w, scale, octaves=3):
    """Value noise in [0,1] of size (h,w); scale = feature size in pixels."""
    out = np.zeros((h, w), np.float32)
    amp, tot = 1.0, 0.0
    for o in range(octaves):
        s = max(1.0, scale / (2 ** o))
        gh, gw = max(2, int(h / s) + 2), max(2, int(w / s) + 2)
        g = rng.random((gh, gw)).astype(np.float32)
        out += amp * cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
        tot += amp
        amp *= 0.5
    out /= tot
    lo, hi = float(out.min()), float(out.max())
    return (out - lo) / max(hi - lo, 1e-6)


def to_f32(img):
    return img.astype(np.float32) / 255.0


def to_u8(img):
    return np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)


def rounded_mask(h, w, r, ss=4):
    """Anti-aliased rounded rectangle alpha (float32 0..1)."""
    big = np.zeros((h * ss, w * ss), np.uint8)
    R = int(r * ss)
    cv2.rectangle(big, (R, 0), (w * ss - 1 - R, h * ss - 1), 255, -1)
    cv2.rectangle(big, (0, R), (w * ss - 1, h * ss - 1 - R), 255, -1)
    for cx, cy in ((R, R), (w * ss - 1 - R, R), (R, h * ss - 1 - R), (w * ss - 1 - R, h * ss - 1 - R)):
        cv2.circle(big, (cx, cy), R, 255, -1, lineType=cv2.LINE_AA)
    m = cv2.resize(big, (w, h), interpolation=cv2.INTER_AREA)
    return m.astype(np.float32) / 255.0


def lerp_color(c1, c2, t):
    return tuple(float(a + (b - a) * t) for a, b in zip(c1, c2))


def gradient(h, w, c1, c2, angle):
    """Linear gradient image float32 (h,w,3) in 0..1 from colour c1 to c2 (0..255 tuples)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.cos(angle) * xx / max(w, 1) + np.sin(angle) * yy / max(h, 1)
    d = (d - d.min()) / max(float(d.max() - d.min()), 1e-6)
    c1 = np.array(c1, np.float32) / 255.0
    c2 = np.array(c2, np.float32) / 255.0
    return c1[None, None, :] * (1 - d[..., None]) + c2[None, None, :] * d[..., None]


def paste_rgba(dst, src, alpha, x, y):
    """Alpha-blend float src (h,w,3) with alpha (h,w) into float dst at (x,y), clipped."""
    h, w = alpha.shape
    H, W = dst.shape[:2]
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, W), min(y + h, H)
    if x1 <= x0 or y1 <= y0:
        return
    s = src[y0 - y:y1 - y, x0 - x:x1 - x]
    a = alpha[y0 - y:y1 - y, x0 - x:x1 - x, None]
    dst[y0:y1, x0:x1] = dst[y0:y1, x0:x1] * (1 - a) + s * a


def soft_blur(img, sigma):
    """Gaussian blur; large sigmas are done on a reduced copy (fast, visually the same)."""
    if sigma <= 4:
        return cv2.GaussianBlur(img, (0, 0), max(sigma, 0.1))
    h, w = img.shape[:2]
    f = sigma / 2.0
    sw, sh = max(2, int(round(w / f))), max(2, int(round(h / f)))
    small = cv2.resize(img, (sw, sh), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (0, 0), 2.0)
    return cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
