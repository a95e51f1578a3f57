"""Photographic effects: light, shadows, glare, colour cast, blur, noise, JPEG, re-sends."""
import cv2
import numpy as np
from PIL import Image, ImageDraw

from .util import FAMILIES, font


def light_field(rng, h, w, eff):
    """Smooth multiplicative illumination (h, w) computed at low resolution."""
    sh, sw = max(8, h // 16), max(8, w // 16)
    yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
    xx, yy = xx / sw - 0.5, yy / sh - 0.5
    a = rng.u(0, 2 * np.pi)
    g = rng.u(0.0, 0.45)
    v = rng.u(0.0, 0.5)
    L = (1 + g * (np.cos(a) * xx + np.sin(a) * yy) * 2) * (1 - v * (xx ** 2 + yy ** 2) * 2)
    eff["light_gradient"], eff["vignette"] = round(g, 2), round(v, 2)
    if rng.p(0.28):  # shadow of a hand or the phone
        m = np.zeros((sh, sw), np.float32)
        kind = rng.ch(["hand", "phone"])
        c = (rng.u(0, sw), rng.u(0, sh))
        if kind == "phone":
            box = ((c[0], c[1]), (rng.u(0.3, 0.6) * sw, rng.u(0.5, 1.0) * sh), rng.u(0, 180))
            cv2.fillPoly(m, [cv2.boxPoints(box).astype(np.int32)], 1.0)
        else:
            cv2.ellipse(m, (int(c[0]), int(c[1])), (int(rng.u(0.2, 0.45) * sw), int(rng.u(0.15, 0.35) * sh)),
                        rng.u(0, 180), 0, 360, 1.0, -1)
            cv2.line(m, (int(c[0]), int(c[1])), (int(c[0] + rng.u(-1, 1) * sw), int(sh * 1.2)), 1.0, max(2, int(0.2 * sw)))
        m = cv2.GaussianBlur(m, (0, 0), rng.u(1.0, 4.0))
        k = rng.u(0.25, 0.6)
        L = L * (1 - k * m)
        eff["shadow"] = {"kind": kind, "strength": round(k, 2)}
    return cv2.resize(L, (w, h), interpolation=cv2.INTER_LINEAR)


def glare(rng, img, obj_alpha, quad, eff, flash):
    """Specular spots and streaks on the laminate (only where obj_alpha>0)."""
    h, w = img.shape[:2]
    x0, y0 = quad.min(0)
    x1, y1 = quad.max(0)
    cw = max(8.0, float(np.linalg.norm(quad[1] - quad[0])))
    bx0, by0, bx1, by1 = max(0, int(x0)), max(0, int(y0)), min(w, int(x1) + 1), min(h, int(y1) + 1)
    if bx1 <= bx0 or by1 <= by0:
        return
    ds = max(1, int(cw / 300))  # the glare field is smooth: compute it at low resolution
    yy, xx = np.mgrid[by0:by1:ds, bx0:bx1:ds].astype(np.float32)
    G = np.zeros_like(xx)
    spots = []
    n = 1 + (rng.p(0.3))
    for _ in range(n):
        t = rng.g.uniform(0.1, 0.9, 2)
        c = quad[0] + (quad[1] - quad[0]) * t[0] + (quad[3] - quad[0]) * t[1]
        if flash:
            c = np.array([w / 2, h / 2]) + (c - [w / 2, h / 2]) * 0.3
        sig = cw * rng.u(0.03, 0.12)
        ang = rng.u(0, np.pi)
        el = rng.u(1.0, 3.0)
        dx, dy = xx - c[0], yy - c[1]
        u = (dx * np.cos(ang) + dy * np.sin(ang)) / el
        v = -dx * np.sin(ang) + dy * np.cos(ang)
        amp = rng.u(0.5, 1.4) if flash else rng.u(0.25, 1.0)
        G += amp * np.exp(-(u * u + v * v) / (2 * sig * sig))
        spots.append({"x": round(float(c[0]) / w, 3), "y": round(float(c[1]) / h, 3),
                      "size": round(sig / cw, 3), "amp": round(amp, 2)})
    streak = None
    if rng.p(0.45):
        ang = rng.u(0, np.pi)
        t = rng.g.uniform(0.1, 0.9, 2)
        c = quad[0] + (quad[1] - quad[0]) * t[0] + (quad[3] - quad[0]) * t[1]
        d = (xx - c[0]) * -np.sin(ang) + (yy - c[1]) * np.cos(ang)
        wd = cw * rng.u(0.01, 0.06)
        amp = rng.u(0.15, 0.6)
        G += amp * np.exp(-d * d / (2 * wd * wd))
        if rng.p(0.5):
            G += amp * 0.6 * np.exp(-(d - wd * 4) ** 2 / (2 * (wd * 0.7) ** 2))
        streak = {"angle": round(float(np.degrees(ang)), 1), "width": round(wd / cw, 3), "amp": round(amp, 2)}
    haze = rng.u(0.0, 0.12)
    G += haze
    if ds > 1:
        G = cv2.resize(G, (bx1 - bx0, by1 - by0), interpolation=cv2.INTER_LINEAR)
    a = obj_alpha[by0:by1, bx0:bx1]
    tint = np.array([1.0, rng.u(0.95, 1.0), rng.u(0.9, 1.05)], np.float32)
    roi = img[by0:by1, bx0:bx1]
    Ga = cv2.multiply(G, a)
    roi *= (1.0 - 0.5 * Ga)[..., None]
    roi += Ga[..., None] * (1.15 * tint)
    eff["glare"] = {"spots": spots, "streak": streak, "haze": round(haze, 3)}


def color_cast(rng, img, eff):
    kind = rng.ch(["none", "warm", "cool", "green", "magenta"], [4, 4, 3, 1, 0.5])
    k = rng.u(0.05, 0.25)
    m = {"none": (1, 1, 1), "warm": (1 + k, 1 + k * 0.3, 1 - k), "cool": (1 - k * 0.7, 1, 1 + k),
         "green": (1 - k * 0.4, 1 + k * 0.3, 1 - k * 0.4), "magenta": (1 + k * 0.3, 1 - k * 0.4, 1 + k * 0.3)}[kind]
    img *= np.array(m, np.float32)
    eff["cast"] = {"kind": kind, "strength": round(k, 2) if kind != "none" else 0}


def disk(r):
    k = int(np.ceil(r))
    yy, xx = np.mgrid[-k:k + 1, -k:k + 1]
    d = (xx ** 2 + yy ** 2 <= r * r + 0.5).astype(np.float32)
    return d / d.sum()


def blur(rng, img, scale, eff, hard_blur=False, cap_px=None):
    """Defocus and motion blur; scale = frame long side / 1000; cap_px limits blur to keep text legible."""
    if hard_blur:
        r = rng.u(3.0, 5.0) * scale
    else:
        r = rng.ch([0, rng.u(0.3, 1.2), rng.u(1.2, 2.4)], [3, 5, 2]) * scale
        if cap_px:
            r = min(r, 0.12 * cap_px)
    if r > 0.3:
        img = cv2.filter2D(img, -1, disk(r)) if r > 1.2 else cv2.GaussianBlur(img, (0, 0), r * 0.7)
    eff["defocus_px"] = round(r, 2)
    if rng.p(0.28) or hard_blur and rng.p(0.5):
        L = (rng.u(2, 12) if not hard_blur else rng.u(8, 20)) * scale
        if cap_px and not hard_blur:
            L = min(L, 0.45 * cap_px)
        ang = rng.u(0, 180)
        n = int(np.ceil(L)) | 1
        k = np.zeros((n, n), np.float32)
        c = n // 2
        dx, dy = np.cos(np.deg2rad(ang)) * L / 2, np.sin(np.deg2rad(ang)) * L / 2
        cv2.line(k, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1, cv2.LINE_AA)
        img = cv2.filter2D(img, -1, k / k.sum())
        eff["motion_blur"] = {"length_px": round(L, 1), "angle": round(ang, 1)}
    return img


def noise(rng, img, sigma, eff):
    h, w = img.shape[:2]
    n = rng.g.standard_normal((h, w), dtype=np.float32) * sigma
    img += n[..., None]
    cs, cw = max(2, h // 3), max(2, w // 3)
    cn = rng.g.standard_normal((cs, cw, 3), dtype=np.float32) * sigma * 0.8
    img += cv2.resize(cn, (w, h), interpolation=cv2.INTER_LINEAR)
    eff["noise_sigma"] = round(float(sigma), 4)
    return img


def sharpen(img, amount, sigma):
    b = cv2.GaussianBlur(img, (0, 0), sigma)
    return cv2.addWeighted(img, 1 + amount, b, -amount, 0)


def jpeg(img_u8, q):
    ok, buf = cv2.imencode(".jpg", img_u8, [cv2.IMWRITE_JPEG_QUALITY, int(q)])
    return buf


def screenshot(rng, bgr, eff):
    """Put the photo inside a phone screenshot (gallery or chat viewer)."""
    W, H = rng.ch([(720, 1600), (1080, 2400), (1080, 2340), (720, 1520)])
    dark = rng.p(0.7)
    canvas = Image.new("RGB", (W, H), (0, 0, 0) if dark else (236, 229, 221))
    ph, pw = bgr.shape[:2]
    k = min(W / pw, (H * 0.8) / ph)
    im = cv2.resize(bgr, (int(pw * k), int(ph * k)), interpolation=cv2.INTER_AREA)
    y0 = (H - im.shape[0]) // 2 + rng.i(-40, 40)
    canvas.paste(Image.fromarray(im[..., ::-1]), ((W - im.shape[1]) // 2, y0))
    d = ImageDraw.Draw(canvas)
    fg = (255, 255, 255) if dark else (20, 20, 20)
    f = font(FAMILIES["roboto"][0], W * 0.035)
    d.text((W * 0.05, H * 0.012), f"{rng.i(6, 22):02d}:{rng.i(0, 59):02d}", font=f, fill=fg)
    d.text((W * 0.78, H * 0.012), f"{rng.i(8, 99)}%", font=f, fill=fg)
    d.rectangle([W * 0.88, H * 0.016, W * 0.94, H * 0.03], outline=fg, width=2)
    d.text((W * 0.05, H * 0.05), "<  " + rng.ch(["Foto", "Photo", "IMG_%04d" % rng.i(1, 9999), "Anda"]), font=f, fill=fg)
    eff["screenshot"] = {"size": [W, H], "scale": round(k, 3)}
    return np.asarray(canvas)[..., ::-1].copy()
