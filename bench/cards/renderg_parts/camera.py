"""Camera / phone effects: light, blur, noise, JPEG, screenshot UI."""
import numpy as np
import cv2
from PIL import Image, ImageDraw
from . import fonts as F
from .scene import lowres_field


def lighting(rng, img, hard):
    H, W = img.shape[:2]
    eff = {}
    r = rng.random()
    if r < (0.2 if hard else 0.08):
        gain = rng.uniform(0.3, 0.6); eff["exposure"] = "dim"
    elif r < (0.4 if hard else 0.16):
        gain = rng.uniform(1.3, 1.9); eff["exposure"] = "over"
    else:
        gain = rng.uniform(0.85, 1.15); eff["exposure"] = "normal"
    eff["gain"] = round(float(gain), 3)
    wb = np.array([1, 1, 1], np.float32) + rng.normal(0, 0.05, 3).astype(np.float32)
    if rng.random() < 0.25:   # warm indoor light
        wb *= np.array([1.12, 1.0, 0.8], np.float32)
        eff["warm_light"] = True
    va, ga, ang = rng.uniform(0, 0.5), rng.uniform(0, 0.3), rng.uniform(0, 6.28)

    def field(yy, xx):
        rr = ((xx / W - 0.5) ** 2 + (yy / H - 0.5) ** 2)
        return (1 - va * rr * 2) * (1 + ga * ((xx / W - 0.5) * np.cos(ang) + (yy / H - 0.5) * np.sin(ang)))
    lf = lowres_field(H, W, field, 8)
    img *= (gain * lf)[..., None]
    img *= wb
    if rng.random() < 0.5:
        g = rng.uniform(0.85, 1.15)
        img[:] = 255 * (np.clip(img, 0, 255) / 255) ** g
        eff["gamma"] = round(float(g), 3)
    np.clip(img, 0, 255, out=img)
    return eff


def blur(rng, img, hard, scale):
    eff = {}
    r = rng.random()
    p = 0.55 if hard else 0.2
    if r < p / 2:
        L = int(max(3, rng.uniform(3, 14 if hard else 7) * scale))
        ang = rng.uniform(0, 180)
        k = np.zeros((L, L), np.float32)
        k[L // 2, :] = 1
        M = cv2.getRotationMatrix2D((L / 2 - 0.5, L / 2 - 0.5), ang, 1)
        k = cv2.warpAffine(k, M, (L, L))
        k /= k.sum()
        img[:] = cv2.filter2D(img, -1, k)
        eff["motion_blur"] = {"len_px": L, "angle": round(float(ang), 1)}
    elif r < p:
        rad = rng.uniform(1.0, 4.5 if hard else 2.2) * scale
        img[:] = cv2.GaussianBlur(img, (0, 0), rad)
        eff["defocus_sigma_px"] = round(float(rad), 2)
    else:
        s = rng.uniform(0.3, 0.9) * scale
        img[:] = cv2.GaussianBlur(img, (0, 0), s)   # lens softness
        if rng.random() < 0.4:   # phone sharpening
            bl = cv2.GaussianBlur(img, (0, 0), 1.5 * scale)
            img[:] = np.clip(img * 1.6 - bl * 0.6, 0, 255)
            eff["sharpened"] = True
    return eff


def noise(rng, img, hard, dim):
    sig = rng.uniform(1, 6) + (rng.uniform(3, 10) if (hard or dim) else 0)
    H, W = img.shape[:2]
    h, w = (H + 1) // 2, (W + 1) // 2   # demosaiced sensor noise is spatially correlated
    n = rng.standard_normal((h, w, 1), np.float32) * sig + rng.standard_normal((h, w, 3), np.float32) * (sig * 0.4)
    n = cv2.resize(n, (W, H), interpolation=cv2.INTER_LINEAR) * 1.4
    img[:] = np.clip(img + n, 0, 255)
    return {"noise_sigma": round(float(sig), 2)}


def screenshot(rng, photo):
    """Place a photo inside a phone screen with status/navigation bars."""
    SW = int(rng.choice([720, 1080, 1170, 1440]))
    SH = int(SW * rng.uniform(2.0, 2.22))
    dark = rng.random() < 0.7
    bgc = (0, 0, 0) if dark else (250, 250, 250)
    fg = (255, 255, 255) if dark else (20, 20, 20)
    canvas = Image.new("RGB", (SW, SH), bgc)
    ph, pw = photo.shape[:2]
    sc = min(SW / pw, SH * 0.78 / ph)
    im = Image.fromarray(photo).resize((max(1, int(pw * sc)), max(1, int(ph * sc))), Image.BILINEAR)
    canvas.paste(im, ((SW - im.width) // 2, (SH - im.height) // 2))
    d = ImageDraw.Draw(canvas)
    u = SW / 1080
    f = F.font("Roboto", False, 38 * u)
    d.text((50 * u, 30 * u), "%02d:%02d" % (int(rng.integers(6, 23)), int(rng.integers(60))), fill=fg, font=f)
    d.rectangle([SW - 120 * u, 38 * u, SW - 60 * u, 66 * u], outline=fg, width=max(1, int(3 * u)))
    d.rectangle([SW - 116 * u, 42 * u, SW - 116 * u + 50 * u * rng.uniform(0.2, 1), 62 * u], fill=fg)
    d.text((SW - 240 * u, 30 * u), "4G", fill=fg, font=f)
    d.text((40 * u, 140 * u), "<", fill=fg, font=F.font("Roboto", True, 60 * u))
    if rng.random() < 0.6:
        d.text((120 * u, 150 * u), rng.choice(["Foto", "Galeri", "IMG_%04d.jpg" % rng.integers(10000), "WhatsApp"]),
               fill=fg, font=f)
    yb = SH - 150 * u
    for k, lab in enumerate(["Bagikan", "Edit", "Favorit", "Hapus"]):
        d.text(((k + 0.5) * SW / 4, yb), lab, fill=fg, font=F.font("Roboto", False, 30 * u), anchor="ms")
    d.rounded_rectangle([SW / 2 - 140 * u, SH - 40 * u, SW / 2 + 140 * u, SH - 30 * u], 5 * u, fill=fg)
    return np.asarray(canvas)


def finalize(rng, img, long_side, hard):
    """Resize to target long side, JPEG quality; returns PIL image and effects."""
    H, W = img.shape[:2]
    sc = long_side / max(H, W)
    if abs(sc - 1) > 1e-3:
        img = cv2.resize(img, (int(round(W * sc)), int(round(H * sc))),
                         interpolation=cv2.INTER_AREA if sc < 1 else cv2.INTER_CUBIC)
    q = int(rng.integers(30, 60)) if hard and rng.random() < 0.6 else int(rng.integers(50, 91))
    return Image.fromarray(img), {"jpeg_quality": q}
