"""What the phone camera does: light, shadow, glare, colour cast, blur, noise, sharpening, JPEG."""
import io
import numpy as np
import cv2
from PIL import Image
from .util import uni, chance, pick, wpick, smooth_noise, soft_blur


def _lowres_map(rng, H, W, fn):
    s = min(1.0, 256.0 / max(H, W))
    h, w = max(4, int(H * s)), max(4, int(W * s))
    m = fn(h, w)
    return cv2.resize(m.astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)


def lighting(rng, img, card_mask, cfg):
    """Illumination gradient, vignette, a cast shadow and a glare spot. Returns (img, info, glare_map)."""
    H, W = img.shape[:2]
    info = {}

    def illum(h, w):
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        ang = uni(rng, 0, 6.28)
        g = 1 + cfg["grad"] * (np.cos(ang) * (xx / w - 0.5) + np.sin(ang) * (yy / h - 0.5)) * 2
        r2 = ((xx / w - 0.5) ** 2 + (yy / h - 0.5) ** 2) / 0.5
        return g * (1 - cfg["vignette"] * r2)
    L = _lowres_map(rng, H, W, illum)
    info["light_gradient"] = round(cfg["grad"], 3)
    info["vignette"] = round(cfg["vignette"], 3)
    if cfg["shadow"] > 0:
        def shadow(h, w):
            m = np.zeros((h, w), np.float32)
            # a big soft polygon crossing the frame (the phone's or the hand's shadow)
            cx, cy = uni(rng, 0.2, 0.8) * w, uni(rng, 0.2, 0.8) * h
            ang = uni(rng, 0, 6.28)
            d = np.array([np.cos(ang), np.sin(ang)])
            n = np.array([-d[1], d[0]])
            big = 3 * max(h, w)
            wob = uni(rng, -0.3, 0.3)
            pts = np.array([[cx, cy] - d * big + n * 0, [cx, cy] + d * big + n * 0,
                            [cx, cy] + d * big + n * big, [cx, cy] - d * big + n * big * (1 + wob)], np.int32)
            cv2.fillPoly(m, [pts], 1.0)
            return cv2.GaussianBlur(m, (0, 0), max(1.0, cfg["shadow_soft"] * max(h, w)))
        S = _lowres_map(rng, H, W, shadow)
        L = L * (1 - cfg["shadow"] * S)
        info["shadow"] = round(cfg["shadow"], 3)
    img = img * L[..., None]
    glare = None
    if cfg["glare"] > 0:
        gx, gy = cfg["glare_xy"]
        sx, sy = cfg["glare_size"]
        ang = uni(rng, 0, 3.14)

        def gl(h, w):
            yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
            dx, dy = xx / w * W - gx, yy / h * H - gy
            a = np.cos(ang) * dx + np.sin(ang) * dy
            b = -np.sin(ang) * dx + np.cos(ang) * dy
            core = np.exp(-0.5 * ((a / sx) ** 2 + (b / sy) ** 2))
            return np.clip(core * 1.6, 0, 1) ** 0.7
        glare = _lowres_map(rng, H, W, gl) * cfg["glare"]
        gm = glare * (0.25 + 0.75 * card_mask)  # glossy card reflects more than the table
        img = img + gm[..., None] * (1.1 - 0.3 * img)
        info["glare"] = round(cfg["glare"], 3)
    return img, info, glare


def colour_and_exposure(rng, img, cfg):
    gains = np.array(cfg["wb"], np.float32)
    img = img * gains[None, None] * cfg["exposure"]
    img = np.clip(img, 0, None)
    # soft shoulder instead of a hard clip for most phones
    img = np.where(img > 0.85, 0.85 + 0.15 * np.tanh((img - 0.85) / 0.15), img) if cfg["soft_clip"] else img
    img = np.clip(img, 0, 1) ** cfg["gamma"]
    if cfg["saturation"] != 1.0:
        g = img.mean(axis=2, keepdims=True)
        img = np.clip(g + (img - g) * cfg["saturation"], 0, 1)
    return img


def blur(rng, img, cfg):
    if cfg["defocus"] > 0.3:
        img = soft_blur(img, cfg["defocus"])
    L = cfg["motion"]
    if L >= 1.5:
        k = int(np.ceil(L)) | 1
        ker = np.zeros((k, k), np.float32)
        c = k // 2
        a = np.deg2rad(cfg["motion_angle"])
        for t in np.linspace(-L / 2, L / 2, int(L * 3) + 1):
            x, y = c + t * np.cos(a), c + t * np.sin(a)
            xi, yi = int(np.floor(x)), int(np.floor(y))
            fx, fy = x - xi, y - yi
            for dx, dy, wgt in ((0, 0, (1 - fx) * (1 - fy)), (1, 0, fx * (1 - fy)), (0, 1, (1 - fx) * fy), (1, 1, fx * fy)):
                if 0 <= xi + dx < k and 0 <= yi + dy < k:
                    ker[yi + dy, xi + dx] += wgt
        ker /= ker.sum()
        img = cv2.filter2D(img, -1, ker, borderType=cv2.BORDER_REFLECT)
    return img


def noise(rng, img, cfg):
    H, W = img.shape[:2]
    s = cfg["noise"]
    if s <= 0:
        return img
    h2, w2 = max(2, H // 2), max(2, W // 2)
    lum = rng.standard_normal((h2, w2)).astype(np.float32)
    lum = cv2.resize(lum, (W, H), interpolation=cv2.INTER_LINEAR) * 1.6
    h4, w4 = max(2, H // 4), max(2, W // 4)
    chroma = rng.standard_normal((h4, w4, 3)).astype(np.float32)
    chroma = cv2.resize(chroma, (W, H), interpolation=cv2.INTER_LINEAR) * cfg["chroma"]
    amp = s * (0.4 + 0.6 * np.sqrt(np.clip(img.mean(axis=2, keepdims=True), 0.02, 1)))
    return img + amp * (lum[..., None] + chroma)


def sharpen(img, amount, sigma):
    if amount <= 0:
        return img
    b = cv2.GaussianBlur(img, (0, 0), sigma)
    return img + amount * (img - b)


def jpeg_bytes(img_u8, quality, subsampling=2):
    buf = io.BytesIO()
    Image.fromarray(img_u8).save(buf, format="JPEG", quality=int(quality), subsampling=subsampling, optimize=False)
    return buf.getvalue()


def jpeg_roundtrip(img_u8, quality):
    b = jpeg_bytes(img_u8, quality)
    return np.array(Image.open(io.BytesIO(b)).convert("RGB"))


def sample_camera(rng, hard_cause=None):
    """Camera/lighting settings for an ordinary photo, pushed further for a given hard cause."""
    cast = wpick(rng, [((1, 1, 1), 0.45), ((1.08, 1.0, 0.85), 0.18), ((0.92, 1.0, 1.12), 0.14),
                       ((0.96, 1.05, 0.95), 0.1), ((1.05, 0.95, 1.05), 0.05), ((1.15, 1.0, 0.75), 0.08)])
    wb = tuple(float(c * uni(rng, 0.97, 1.03)) for c in cast)
    exposure = wpick(rng, [(uni(rng, 0.85, 1.12), 0.7), (uni(rng, 0.5, 0.85), 0.18), (uni(rng, 1.12, 1.4), 0.12)])
    cfg = {
        "wb": wb, "exposure": exposure, "gamma": uni(rng, 0.85, 1.15), "soft_clip": chance(rng, 0.7),
        "saturation": uni(rng, 0.8, 1.25), "grad": uni(rng, 0.0, 0.35), "vignette": uni(rng, 0.0, 0.35),
        "shadow": uni(rng, 0.25, 0.55) if chance(rng, 0.2) else 0.0, "shadow_soft": uni(rng, 0.01, 0.06),
        "glare": uni(rng, 0.25, 0.7) if chance(rng, 0.25) else 0.0,
        "defocus_rel": uni(rng, 0.0, 0.1) if chance(rng, 0.7) else uni(rng, 0.1, 0.17),
        "motion_rel": 0.0 if chance(rng, 0.75) else uni(rng, 0.15, 0.45), "motion_angle": uni(rng, 0, 180),
        "noise": uni(rng, 0.004, 0.018), "chroma": uni(rng, 0.2, 0.8),
        "sharpen": uni(rng, 0.3, 1.2) if chance(rng, 0.5) else 0.0,
        "jpeg": int(wpick(rng, [(int(rng.integers(60, 91)), 0.72), (int(rng.integers(40, 60)), 0.2),
                                (int(rng.integers(30, 40)), 0.08)])),
    }
    if exposure < 0.7:
        cfg["noise"] *= uni(rng, 1.3, 2.0)
    if hard_cause == "blur":
        cfg["defocus_rel"] = uni(rng, 0.38, 0.7)
    elif hard_cause == "motion":
        cfg["motion_rel"] = uni(rng, 1.3, 2.5)
    elif hard_cause == "dark":
        cfg["exposure"] = uni(rng, 0.08, 0.16)
        cfg["noise"] = uni(rng, 0.05, 0.09)
        cfg["jpeg"] = int(rng.integers(30, 55))
    elif hard_cause == "glare":
        cfg["glare"] = uni(rng, 2.0, 3.5)
    elif hard_cause == "overexposed":
        cfg["exposure"] = uni(rng, 2.4, 3.5)
        cfg["soft_clip"] = False
    return cfg
