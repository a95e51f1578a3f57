"""Camera and phone effects: blur, exposure, colour cast, noise, screenshots, JPEG."""
import datetime as dt

import cv2
import numpy as np

from . import text as T


def motion_kernel(length, angle):
    k = np.zeros((length, length), np.float32)
    c = (length - 1) / 2
    dx, dy = np.cos(np.deg2rad(angle)) * c, np.sin(np.deg2rad(angle)) * c
    cv2.line(k, (int(round(c - dx)), int(round(c - dy))), (int(round(c + dx)), int(round(c + dy))), 1.0, 1,
             cv2.LINE_AA)
    return k / max(k.sum(), 1e-6)


def blur(rng, img, ppmm_frame, eff, level):
    """level 0..1; blur is bounded relative to print size so text stays readable."""
    if level <= 0:
        return img
    if rng.random() < 0.5:
        L = int(max(1, level * 0.35 * ppmm_frame))
        if L >= 2:
            ang = float(rng.uniform(0, 180))
            img = cv2.filter2D(img, -1, motion_kernel(L | 1, ang))
            eff["motion_blur_px"] = L
    else:
        s = level * 0.12 * ppmm_frame
        if s > 0.4:
            img = cv2.GaussianBlur(img, (0, 0), s)
            eff["focus_blur_sigma"] = round(float(s), 2)
    return img


def lighting(rng, img, eff, level):
    H, W = img.shape[:2]
    r = rng.random()
    gain = 1.0
    if r < 0.25 * (0.5 + level):
        gain = rng.uniform(0.4, 0.7)
        eff["exposure"] = "dim"
    elif r < 0.45 * (0.5 + level):
        gain = rng.uniform(1.2, 1.5)
        eff["exposure"] = "bright"
    cast = np.ones(3, np.float32)
    cr = rng.random()
    if cr < 0.5:
        kind = ["warm", "cool", "green", "magenta"][int(rng.integers(4))]
        amt = rng.uniform(0.05, 0.1 + 0.15 * level)
        cast = {"warm": [1 + amt, 1, 1 - amt * 1.3], "cool": [1 - amt, 1, 1 + amt],
                "green": [1 - amt * 0.5, 1 + amt * 0.4, 1 - amt * 0.5],
                "magenta": [1 + amt * 0.4, 1 - amt * 0.5, 1 + amt * 0.4]}[kind]
        cast = np.array(cast, np.float32)
        eff["color_cast"] = kind
    yy, xx = np.mgrid[0:H:8, 0:W:8].astype(np.float32)
    yy /= H
    xx /= W
    vig = 1 - rng.uniform(0.0, 0.35) * (((xx - 0.5) ** 2 + (yy - 0.5) ** 2) * 2)
    grad = 1 + rng.uniform(-0.2, 0.2) * (xx - 0.5) + rng.uniform(-0.2, 0.2) * (yy - 0.5)
    lm = cv2.resize(vig * grad, (W, H), interpolation=cv2.INTER_LINEAR)
    img = img * lm[..., None] * gain * cast
    eff["gain"] = round(float(gain), 2)
    return img


def noise(rng, img, eff, level):
    H, W = img.shape[:2]
    s = rng.uniform(1, 4 + 8 * level)
    if eff.get("exposure") == "dim":
        s *= 1.5
    n = rng.normal(0, s, (H, W, 1)).astype(np.float32)
    cn = cv2.resize(rng.normal(0, s * 0.6, (H // 2 + 1, W // 2 + 1, 3)).astype(np.float32), (W, H))
    eff["noise_sigma"] = round(float(s), 1)
    return img + n + cn


def sharpen(img, amt):
    b = cv2.GaussianBlur(img, (0, 0), 1.2)
    return img + (img - b) * amt


def screenshot(rng, photo, eff):
    """Put the photo into a phone screen with a status bar and (often) a chat frame."""
    SW, SH = [(1080, 2340), (1080, 2400), (1170, 2532), (1440, 3200)][int(rng.integers(4))]
    dark = rng.random() < 0.5
    chat = rng.random() < 0.6
    bgc = (11, 20, 26) if dark else (236, 229, 221)
    scr = np.ones((SH, SW, 3), np.float32) * np.array(bgc if chat else (0, 0, 0), np.float32)
    u = SW / 1080.0
    sb = int(70 * u)
    ink = np.zeros((SH, SW), np.float32)
    fg = 255.0 if (dark or not chat) else 20.0
    if chat:
        cv2.rectangle(scr, (0, 0), (SW, sb + int(150 * u)), (31, 44, 52) if dark else (0, 128, 105), -1)
        fg_top = 255.0
    else:
        fg_top = 255.0
    hh, mm = int(rng.integers(6, 23)), int(rng.integers(0, 60))
    st = T.Style("sans", 28 * u, bold=True)
    T.draw(ink, 40 * u, 52 * u, "%02d:%02d" % (hh, mm), st)
    T.draw(ink, SW - 40 * u, 52 * u, "%d%%" % int(rng.integers(5, 100)), st, align="right")
    for k in range(4):
        x = int(SW - 230 * u + k * 16 * u)
        cv2.rectangle(ink, (x, int((50 - 8 * k) * u)), (x + int(10 * u), int(52 * u)), 1.0, -1)
    if chat:
        name = ["Mama", "Pak RT", "Admin Koperasi", "Budi Kantor", "CS Leasing", "Kak Rina"][int(rng.integers(6))]
        T.draw(ink, 150 * u, sb + 90 * u, name, T.Style("sans", 34 * u, bold=True))
        cv2.line(ink, (int(40 * u), int(sb + 75 * u)), (int(70 * u), int(sb + 50 * u)), 1.0, max(2, int(5 * u)))
        cv2.line(ink, (int(40 * u), int(sb + 75 * u)), (int(70 * u), int(sb + 100 * u)), 1.0, max(2, int(5 * u)))
    scr = scr * (1 - ink[..., None]) + fg_top * ink[..., None]
    ph, pw = photo.shape[:2]
    if chat:
        bw = int(SW * rng.uniform(0.78, 0.86))
        top = sb + int(200 * u) + int(rng.uniform(0, 300) * u)
    else:
        bw = SW
        top = 0
    bh = int(ph * bw / pw)
    maxh = SH - top - int(260 * u)
    if bh > maxh:
        bh = maxh
        bw = int(pw * bh / ph)
    if not chat:
        top = (SH - bh) // 2
    left = (SW - bw) // 2 if not chat else (SW - bw - int(30 * u) if rng.random() < 0.5 else int(30 * u))
    small = cv2.resize(photo, (bw, bh), interpolation=cv2.INTER_AREA)
    if chat:
        bub = (0, 92, 75) if dark else (220, 248, 198)
        p = int(8 * u)
        cv2.rectangle(scr, (left - p, top - p), (left + bw + p, top + bh + int(50 * u)), bub, -1)
    scr[top:top + bh, left:left + bw] = small
    if chat:
        ink2 = np.zeros((SH, SW), np.float32)
        T.draw(ink2, left + bw - 10 * u, top + bh + 38 * u, "%02d.%02d" % (hh, max(0, mm - 2)),
               T.Style("sans", 20 * u), align="right")
        c = 200.0 if dark else 90.0
        scr = scr * (1 - ink2[..., None]) + c * ink2[..., None]
        cv2.rectangle(scr, (int(20 * u), SH - int(130 * u)), (SW - int(140 * u), SH - int(30 * u)),
                      (42, 56, 64) if dark else (255, 255, 255), -1)
        cv2.circle(scr, (SW - int(75 * u), SH - int(80 * u)), int(50 * u), (0, 168, 132), -1)
    eff["screenshot"] = {"screen": [SW, SH], "chat": chat, "dark": dark}
    return scr


def encode(img, q):
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(np.clip(img, 0, 255).astype(np.uint8), cv2.COLOR_RGB2BGR),
                           [cv2.IMWRITE_JPEG_QUALITY, int(q)])
    return buf.tobytes()


def jpeg_roundtrip(img, q):
    b = encode(img, q)
    return cv2.cvtColor(cv2.imdecode(np.frombuffer(b, np.uint8), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB).astype(np.float32)
