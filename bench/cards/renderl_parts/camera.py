"""Phone camera: light, laminate glare, optics blur, sensor noise, ISP processing."""
import numpy as np
import cv2
from .util import pick, chance, wpick
from .wear import lowfreq

CASTS = {"none": (1, 1, 1), "warm": (1.12, 1.0, 0.78), "tungsten": (1.2, 0.98, 0.65), "cool": (0.86, 0.97, 1.15),
         "fluorescent_green": (0.93, 1.06, 0.9), "magenta": (1.07, 0.92, 1.05)}


def _screen(img, g):
    return 1 - (1 - img) * (1 - g)


def lighting(img, rng, hard):
    H, W = img.shape[:2]
    eff = {}
    low = hard == "dark" or chance(rng, 0.12)
    e = rng.uniform(0.12, 0.25) if hard == "dark" else (rng.uniform(0.3, 0.55) if low else rng.uniform(0.75, 1.15))
    cast = wpick(rng, [("none", 4), ("warm", 3), ("tungsten", 1.5), ("cool", 2), ("fluorescent_green", 1), ("magenta", 0.4)])
    gains = np.array(CASTS[cast], np.float32) * rng.uniform(0.96, 1.04, 3).astype(np.float32)
    h8, w8 = max(2, H // 8), max(2, W // 8)
    yy, xx = np.mgrid[0:h8, 0:w8].astype(np.float32)
    yy, xx = yy / h8, xx / w8
    ang = rng.uniform(0, 2 * np.pi)
    grad = 1 + rng.uniform(0.05, 0.45) * (((xx - 0.5) * np.cos(ang) + (yy - 0.5) * np.sin(ang)))
    r2 = ((xx - 0.5) ** 2 + (yy - 0.5) ** 2) / 0.5
    vig = 1 - rng.uniform(0.05, 0.45) * r2
    illum = cv2.resize((grad * vig * e).astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    img *= illum[..., None] * gains
    eff.update({"exposure": round(float(e), 2), "low_light": bool(low), "cast": cast})
    return img, eff, e


def glare(img, rng, mask, quad):
    """Flash hotspot and reflections of lamps/windows on the laminate, only where the card is."""
    H, W = img.shape[:2]
    eff = {}
    cw = float(np.ptp(quad[:, 0]))
    x0, y0 = np.floor(quad.min(0)).astype(int)
    x1, y1 = np.ceil(quad.max(0)).astype(int)
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
    if x1 <= x0 or y1 <= y0:
        return img, eff
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    m = mask[y0:y1, x0:x1, None]
    g = np.zeros((y1 - y0, x1 - x0), np.float32)
    if chance(rng, 0.3):  # flash hotspot
        t = rng.uniform(0.1, 0.9, 2)
        c = quad[0] * (1 - t[0]) * (1 - t[1]) + quad[1] * t[0] * (1 - t[1]) + quad[2] * t[0] * t[1] + quad[3] * (1 - t[0]) * t[1]
        r = cw * rng.uniform(0.03, 0.12)
        d2 = ((xx - c[0]) ** 2 + ((yy - c[1]) * rng.uniform(0.8, 1.3)) ** 2) / (r * r)
        peak = rng.uniform(0.6, 1.4)
        g += peak * np.exp(-d2) + 0.25 * peak * np.exp(-d2 / 9)
        eff["flash_glare"] = {"x": round(float(c[0] / W), 3), "y": round(float(c[1] / H), 3), "r_card": round(r / cw, 3)}
    if chance(rng, 0.35):  # reflection streak (tube lamp / window) across the laminate
        ang = rng.uniform(0, np.pi)
        c = quad.mean(0) + rng.normal(0, 0.25, 2) * cw
        dist = (xx - c[0]) * np.sin(ang) - (yy - c[1]) * np.cos(ang)
        wdt = cw * rng.uniform(0.02, 0.15)
        inten = rng.uniform(0.15, 0.6)
        streak = inten * np.exp(-(dist / wdt) ** 2) * (0.6 + 0.4 * lowfreq(y1 - y0, x1 - x0, rng, 3))
        if chance(rng, 0.3):  # window mullions
            along = (xx - c[0]) * np.cos(ang) + (yy - c[1]) * np.sin(ang)
            streak *= (np.cos(along / (cw * 0.08)) > -0.7)
        g += streak
        eff["reflection"] = round(float(inten), 2)
    if chance(rng, 0.5):  # general laminate sheen
        sheen = rng.uniform(0.03, 0.15) * lowfreq(y1 - y0, x1 - x0, rng, 3)
        g += sheen
    if chance(rng, 0.06):  # rainbow interference on the laminate
        ph = (xx * 0.02 + yy * 0.013) * rng.uniform(0.5, 2)
        rb = np.stack([np.sin(ph), np.sin(ph + 2.1), np.sin(ph + 4.2)], -1) * 0.04
        img[y0:y1, x0:x1] += rb * m
        eff["rainbow"] = True
    roi = img[y0:y1, x0:x1]
    roi[:] = roi * (1 - m) + _screen(np.clip(roi, 0, 1), np.clip(g, 0, 1)[..., None]) * m
    return img, eff


def _motion_kernel(length, ang):
    k = int(max(3, np.ceil(length)) // 2 * 2 + 1)
    ker = np.zeros((k, k), np.float32)
    c = k // 2
    dx, dy = np.cos(ang) * length / 2, np.sin(ang) * length / 2
    cv2.line(ker, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1, cv2.LINE_AA)
    return ker / ker.sum()


def optics(img, rng, cap_px, hard):
    """Defocus and hand-shake blur, scaled to the printed text height in pixels."""
    eff = {}
    if hard == "blur":
        sig = cap_px * rng.uniform(0.28, 0.45)
        mot = cap_px * rng.uniform(0.0, 1.0)
    else:
        sig = cap_px * (rng.uniform(0.02, 0.12) if chance(rng, 0.7) else rng.uniform(0.12, 0.22))
        mot = cap_px * rng.uniform(0.3, 0.7) if chance(rng, 0.2) else 0.0
    sig = max(sig, 0.35)
    img = cv2.GaussianBlur(img, (0, 0), sig)
    eff["defocus_sigma_px"] = round(float(sig), 2)
    if mot >= 1.5:
        ang = rng.uniform(0, np.pi)
        img = cv2.filter2D(img, -1, _motion_kernel(mot, ang))
        eff["motion_blur_px"] = round(float(mot), 1)
        eff["motion_angle_deg"] = round(float(np.degrees(ang)), 1)
    eff["blur_rel_text"] = round(float((sig + mot / 3) / max(cap_px, 1e-3)), 3)
    return img, eff


def sensor_isp(img, rng, e):
    """Noise at the sensor, then the phone's gain, denoise, sharpening and tone curve."""
    H, W = img.shape[:2]
    eff = {}
    read = rng.uniform(0.003, 0.012) / max(0.35, e) ** 0.5
    shot = rng.uniform(0.005, 0.02)
    n1 = rng.standard_normal((H, W, 1), dtype=np.float32)
    n3 = rng.standard_normal((H, W, 3), dtype=np.float32)
    n3 *= np.sqrt(np.clip(img, 0, 1)) * np.float32(shot)
    n3 += n1 * np.float32(read)
    cn = rng.standard_normal((max(2, H // 6), max(2, W // 6), 3), dtype=np.float32) * np.float32(read * rng.uniform(0.5, 2))
    n3 += cv2.resize(cn, (W, H), interpolation=cv2.INTER_LINEAR)
    img = img + n3
    gain = 1.0 / max(e, 0.05) ** rng.uniform(0.4, 0.8) if e < 0.7 else 1.0 / e ** 0.5
    img = img * gain
    eff["noise_read"] = round(float(read * gain), 4)
    if chance(rng, 0.5):  # phone noise reduction smears fine detail
        img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.5, 1.0))
        eff["denoise"] = True
    if chance(rng, 0.6):  # oversharpening halos
        amt = rng.uniform(0.3, 1.2)
        bl = cv2.GaussianBlur(img, (0, 0), rng.uniform(1.0, 2.5))
        img = img + amt * (img - bl)
        eff["sharpen"] = round(float(amt), 2)
    gamma = rng.uniform(0.8, 1.2)
    con = rng.uniform(0.0, 0.35)  # S-curve
    x = np.linspace(0, 1, 4096, dtype=np.float32) ** gamma
    lut = np.clip(x + con * x * (1 - x) * (2 * x - 1), 0, 1).astype(np.float32)
    sat = rng.uniform(0.8, 1.35)
    gray = img.mean(2, keepdims=True)
    img = gray + (img - gray) * np.float32(sat)
    np.clip(img, 0, 1, out=img)
    img = lut[(img * 4095).astype(np.uint16)]
    eff.update({"gamma": round(float(gamma), 2), "saturation": round(float(sat), 2)})
    return img, eff
