"""A screenshot of the photo on a phone: status bar, gallery or chat UI, navigation bar."""
import numpy as np
import cv2
from PIL import Image, ImageDraw
from .util import uni, chance, pick, wpick
from . import fonts

SCREENS = [(720, 1600), (1080, 2340), (1080, 2400), (1170, 2532), (1440, 3200), (1080, 1920), (720, 1280)]


def sample_screen(rng):
    w, h = pick(rng, SCREENS)
    return {"screen": [w, h], "ui": pick(rng, ["gallery", "chat", "viewer"]),
            "dark": chance(rng, 0.6), "time": f"{int(rng.integers(0, 24)):02d}.{int(rng.integers(0, 60)):02d}"
            if chance(rng, 0.5) else f"{int(rng.integers(0, 24)):02d}:{int(rng.integers(0, 60)):02d}"}


def inner_box(cfg, photo_aspect):
    """Where the photo goes on the screen (x, y, w, h) for a photo with aspect h/w."""
    W, H = cfg["screen"]
    top = int(H * (0.1 if cfg["ui"] != "viewer" else 0.04))
    bot = int(H * (0.88 if cfg["ui"] != "viewer" else 0.95))
    avail_h = bot - top
    w = W if cfg["ui"] != "chat" else int(W * 0.72)
    h = int(round(w * photo_aspect))
    if h > avail_h:
        h = avail_h
        w = int(round(h / photo_aspect))
    x = (W - w) // 2 if cfg["ui"] != "chat" else int(W * 0.24)
    y = top + (avail_h - h) // 2
    return x, y, w, h


def compose(rng, cfg, photo_u8):
    W, H = cfg["screen"]
    dark = cfg["dark"]
    bg = (0, 0, 0) if dark else (245, 245, 245)
    if cfg["ui"] == "chat":
        bg = (11, 20, 26) if dark else (229, 221, 213)
    fg = (235, 235, 235) if (dark or cfg["ui"] == "chat" and dark) else (30, 30, 30)
    im = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(im)
    x, y, w, h = inner_box(cfg, photo_u8.shape[0] / photo_u8.shape[1])
    ph = cv2.resize(photo_u8, (w, h), interpolation=cv2.INTER_AREA)
    if cfg["ui"] == "chat":
        bub = (0, 92, 75) if dark else (220, 248, 198)
        d.rounded_rectangle((x - 8, y - 8, x + w + 8, y + h + int(H * 0.03)), radius=int(W * 0.02), fill=bub)
        d.rectangle((0, 0, W, int(H * 0.09)), fill=(31, 44, 52) if dark else (0, 128, 105))
        d.text((int(W * 0.2), int(H * 0.045)), pick(rng, ["Ibu", "Klinik Sehat", "Pak RT", "Dina", "Admin"]),
               font=fonts.font("roboto", H * 0.022), fill=(255, 255, 255), anchor="lm")
        d.text((x + w, y + h + int(H * 0.018)), cfg["time"], font=fonts.font("roboto", H * 0.013),
               fill=(200, 200, 200) if dark else (90, 90, 90), anchor="rm")
    im.paste(Image.fromarray(ph), (x, y))
    # status bar
    sb = int(H * 0.03)
    sf = fonts.font(pick(rng, ["roboto", "noto_sans", "open_sans"]), sb * 0.55)
    d.text((int(W * 0.05), sb // 2 + 2), cfg["time"], font=sf, fill=fg if cfg["ui"] != "chat" else (255, 255, 255), anchor="lm")
    bx = int(W * 0.9)
    d.rectangle((bx, int(sb * 0.3), bx + int(W * 0.045), int(sb * 0.75)), outline=fg, width=2)
    d.rectangle((bx + 3, int(sb * 0.3) + 3, bx + int(W * 0.045 * uni(rng, 0.2, 1.0)), int(sb * 0.75) - 3), fill=fg)
    for k in range(4):
        hh = int(sb * 0.15 * (k + 1))
        d.rectangle((int(W * 0.8) + k * int(W * 0.01), int(sb * 0.78) - hh, int(W * 0.8) + k * int(W * 0.01) + int(W * 0.006), int(sb * 0.78)), fill=fg)
    d.text((int(W * 0.74), sb // 2 + 2), pick(rng, ["4G", "LTE", "5G", "H+"]), font=sf, fill=fg, anchor="rm")
    if cfg["ui"] == "gallery":
        yb = int(H * 0.93)
        for k in range(4):
            cx = int(W * (0.15 + 0.23 * k))
            d.rounded_rectangle((cx - int(W * 0.025), yb - int(W * 0.025), cx + int(W * 0.025), yb + int(W * 0.025)),
                                radius=int(W * 0.008), outline=fg, width=max(2, W // 300))
        d.text((int(W * 0.12), int(H * 0.06)), "<", font=fonts.font("roboto", H * 0.03), fill=fg, anchor="lm")
        d.text((int(W * 0.5), int(H * 0.06)), pick(rng, ["Hari ini", "Kemarin", "IMG_2023", "Foto"]),
               font=fonts.font("roboto", H * 0.018), fill=fg, anchor="mm")
    # navigation bar
    ny = int(H * 0.985)
    if chance(rng, 0.5):
        d.rounded_rectangle((int(W * 0.38), ny - 6, int(W * 0.62), ny + 2), radius=4, fill=fg)
    else:
        for k, sym in enumerate(["|||", "O", "<"]):
            d.text((int(W * (0.25 + 0.25 * k)), int(H * 0.975)), sym, font=fonts.font("roboto", H * 0.02), fill=fg, anchor="mm")
    return np.array(im), (x, y, w, h)
