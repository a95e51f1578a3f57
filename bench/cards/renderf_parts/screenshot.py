"""Put a finished photo inside a phone screenshot: a chat app or a gallery viewer."""
import numpy as np
from PIL import Image, ImageDraw

from . import fonts


def in_phone_ui(photo_u8, rng):
    sw = int(rng.choice([720, 1080, 1080, 1170]))
    shh = int(sw * rng.uniform(2.0, 2.2))
    style = "chat" if rng.random() < 0.6 else "gallery"
    fam = "carlito" if rng.random() < 0.5 else "cantarell"
    u = sw / 1080
    photo = Image.fromarray(photo_u8)
    status_h, bar_h = int(70 * u), int(150 * u)
    if style == "chat":
        dark = rng.random() < 0.3
        wall = (11, 20, 26) if dark else (236, 229, 221)
        bar = [(7, 94, 84), (32, 44, 51), (81, 130, 180)][int(rng.integers(3))]
        ui = Image.new("RGB", (sw, shh), wall)
        d = ImageDraw.Draw(ui)
        d.rectangle([0, 0, sw, status_h + bar_h], fill=bar)
        d.text((int(40 * u), int(18 * u)), f"{int(rng.integers(6, 23)):02d}:{int(rng.integers(0, 60)):02d}",
               font=fonts.font(fam, 36 * u), fill=(255, 255, 255))
        d.ellipse([int(110 * u), status_h + int(30 * u), int(200 * u), status_h + int(120 * u)], fill=(200, 200, 200))
        name = ["Ibu", "Pak RT", "Admin Koperasi", "Rina", "CS Pinjaman", "Kak Dewi"][int(rng.integers(6))]
        d.text((int(230 * u), status_h + int(40 * u)), name, font=fonts.font(fam, 46 * u, True), fill=(255, 255, 255))
        d.text((int(30 * u), status_h + int(45 * u)), "<", font=fonts.font(fam, 50 * u), fill=(255, 255, 255))
        bw = int(sw * rng.uniform(0.7, 0.8))
        bh = int(bw * photo.height / photo.width)
        bx = sw - bw - int(40 * u) if rng.random() < 0.5 else int(40 * u)
        by = status_h + bar_h + int(rng.uniform(0.15, 0.35) * shh)
        bubble = (0, 92, 75) if dark else (220, 248, 198)
        d.rounded_rectangle([bx - 8, by - 8, bx + bw + 8, by + bh + 60 * u], radius=int(20 * u), fill=bubble)
        ui.paste(photo.resize((bw, bh), Image.LANCZOS), (bx, by))
        d.text((bx + bw - int(120 * u), by + bh + int(10 * u)), "10:4" + str(int(rng.integers(10))),
               font=fonts.font(fam, 30 * u), fill=(120, 120, 120))
        d.rectangle([0, shh - int(130 * u), sw, shh], fill=(30, 30, 30) if dark else (245, 245, 245))
        d.rounded_rectangle([int(30 * u), shh - int(110 * u), sw - int(160 * u), shh - int(30 * u)],
                            radius=int(40 * u), fill=(60, 60, 60) if dark else (255, 255, 255))
        d.text((int(70 * u), shh - int(95 * u)), "Ketik pesan", font=fonts.font(fam, 38 * u), fill=(150, 150, 150))
        eff = {"style": "chat", "dark": bool(dark)}
    else:
        ui = Image.new("RGB", (sw, shh), (0, 0, 0))
        d = ImageDraw.Draw(ui)
        bw = sw
        bh = int(bw * photo.height / photo.width)
        by = (shh - bh) // 2
        ui.paste(photo.resize((bw, bh), Image.LANCZOS), (0, by))
        d.text((int(40 * u), int(18 * u)), "09:1" + str(int(rng.integers(10))), font=fonts.font(fam, 36 * u),
               fill=(255, 255, 255))
        d.text((int(40 * u), status_h + int(40 * u)), "<", font=fonts.font(fam, 56 * u), fill=(255, 255, 255))
        d.text((int(120 * u), status_h + int(45 * u)), f"IMG_2024{int(rng.integers(1000, 9999))}",
               font=fonts.font(fam, 40 * u), fill=(230, 230, 230))
        for k in range(4):
            cx = int(sw * (0.15 + 0.233 * k))
            d.ellipse([cx - int(28 * u), shh - int(140 * u), cx + int(28 * u), shh - int(84 * u)],
                      outline=(230, 230, 230), width=max(2, int(4 * u)))
        eff = {"style": "gallery"}
    eff.update({"screen": [sw, shh], "photo_box": [int(bx if style == "chat" else 0), int(by), bw, bh]})
    return np.asarray(ui), eff
