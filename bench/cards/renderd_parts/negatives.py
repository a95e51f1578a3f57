"""Things that are not a KTP: driving licence, bank card, receipt, blank card, a scene."""

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .fonts import font
from .names_data import BIRTH_PLACES, STREETS
from .identity import make_address, make_name
from .drawing import draw_guilloche, draw_map_watermark, draw_portrait, fit_font, gradient_v, lerp, rounded_mask, signature, smooth_noise


def plastic_card(CW, top, bot, k, nrng, radius=30):
    CH = int(round(CW * 54 / 85.6))
    arr = gradient_v(CW, CH, top, bot)
    arr += smooth_noise(nrng, CH, CW, 60 * k, 2)[..., None] * 2.5
    card = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    return card, CH


def finish_card(card, k, radius=30):
    card.putalpha(rounded_mask(card.size[0], card.size[1], int(radius * k)))
    return card


def render_sim(rng, nrng, CW):
    k = CW / 1000.0
    card, CH = plastic_card(CW, (rng.randint(235, 250), rng.randint(225, 240), rng.randint(190, 215)),
                            (rng.randint(180, 210), rng.randint(205, 225), rng.randint(225, 245)), k, nrng)
    draw_guilloche(card, rng, k, (150, 120, 90), 40, "rosette")
    wm = Image.new("RGBA", card.size, (0, 0, 0, 0))
    draw_map_watermark(ImageDraw.Draw(wm), rng, (CW * 0.3, CH * 0.35, CW * 0.95, CH * 0.85), (150, 120, 80, 45))
    card.alpha_composite(wm)
    d = ImageDraw.Draw(card)
    band = (rng.randint(20, 60), rng.randint(50, 90), rng.randint(120, 170))
    d.rectangle([0, 0, CW, 95 * k], fill=band + (255,))
    fam = rng.choice(["nimbus", "arimo", "roboto"])
    d.text((500 * k, 42 * k), "SURAT IZIN MENGEMUDI", font=font(fam, "bold", 38 * k), fill=(255, 255, 255), anchor="ms")
    d.text((500 * k, 80 * k), "INDONESIA", font=font(fam, "bold", 26 * k), fill=(250, 220, 120), anchor="ms")
    d.ellipse([30 * k, 12 * k, 100 * k, 82 * k], fill=(230, 190, 60), outline=(120, 90, 20), width=int(3 * k))
    d.ellipse([900 * k, 12 * k, 970 * k, 82 * k], fill=(200, 40, 40), outline=(250, 250, 250), width=int(3 * k))
    cls = rng.choice(["A", "B I", "C", "A UMUM", "B II"])
    d.text((30 * k, 140 * k), "SIM " + cls, font=font(fam, "bold", 40 * k), fill=(180, 30, 30), anchor="ls")
    female = rng.random() < 0.4
    por = draw_portrait(rng, int(200 * k), int(265 * k), female)
    por = Image.fromarray(np.asarray(por)[..., ::-1].copy()) if rng.random() < 0.5 else por
    card.paste(por, (int(30 * k), int(165 * k)))
    num = "".join(str(rng.randint(0, 9)) for _ in range(12))
    numtxt = "%s-%s-%s" % (num[:4], num[4:8], num[8:]) if rng.random() < 0.6 else num
    d.text((250 * k, 140 * k), numtxt, font=font(fam, "bold", 36 * k), fill=(20, 20, 30), anchor="ls")
    year = rng.randint(1960, 2004)
    prov = rng.choice(["METRO JAYA", "JAWA TIMUR", "JAWA BARAT", "JAWA TENGAH", "BALI", "SUMATERA UTARA", "D.I. YOGYAKARTA"])
    rows = ["1. " + make_name(rng, female),
            "2. %s, %02d-%02d-%04d" % (rng.choice(BIRTH_PLACES), rng.randint(1, 28), rng.randint(1, 12), year),
            "3. %s - %s" % (rng.choice(["A", "B", "AB", "O"]), "WANITA" if female else "PRIA"),
            "4. " + make_address(rng),
            "5. " + rng.choice(["SWASTA", "WIRASWASTA", "PNS", "PELAJAR/MHS", "KARYAWAN", "PEDAGANG"]),
            "6. " + prov]
    vf = rng.choice(["nimbus", "arimo", "roboto_cond"])
    y = 200
    fs = rng.uniform(25, 30)
    for r in rows:
        f = fit_font(vf, "medium", fs * k, r, 720 * k, 10)
        d.text((250 * k, y * k), r, font=f, fill=(25, 25, 35), anchor="ls")
        y += fs * 1.55
    d.text((250 * k, (y + 10) * k), "Berlaku s.d. %02d-%02d-%04d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2024, 2030)),
           font=font(vf, "regular", 20 * k), fill=(40, 40, 50), anchor="ls")
    signature(d, rng, 760 * k, (y - 40) * k, 170 * k, 60 * k, (20, 30, 90), max(1, int(2 * k)))
    d.text((60 * k, 610 * k), "Kepala Kepolisian", font=font(vf, "regular", 16 * k), fill=(60, 60, 70), anchor="ls")
    return finish_card(card, k), {"sim_class": cls}, 24 * k * 0.72


def render_atm(rng, nrng, CW):
    k = CW / 1000.0
    scheme = rng.choice([((20, 50, 120), (40, 110, 190)), ((15, 15, 20), (70, 70, 80)),
                         ((170, 130, 40), (230, 200, 110)), ((0, 100, 90), (60, 170, 140)),
                         ((140, 20, 30), (220, 80, 60))])
    card, CH = plastic_card(CW, scheme[0], scheme[1], k, nrng)
    ov = Image.new("RGBA", card.size, (0, 0, 0, 0))
    od = ImageDraw.Draw(ov)
    for i in range(rng.randint(2, 6)):
        x0, y0 = rng.uniform(-300, 700) * k, rng.uniform(-300, 300) * k
        od.ellipse([x0, y0, x0 + rng.uniform(300, 900) * k, y0 + rng.uniform(300, 900) * k],
                   outline=(255, 255, 255, rng.randint(18, 45)), width=int(rng.uniform(10, 60) * k))
    card.alpha_composite(ov)
    d = ImageDraw.Draw(card)
    fam = rng.choice(["nimbus", "arimo", "roboto"])
    bank = rng.choice(["BANK NUSANTARA", "BANK SENTOSA", "BANK RAKYAT MAKMUR", "BANK MITRA SEJAHTERA", "BANK DANA UTAMA"])
    d.text((50 * k, 90 * k), bank, font=font(fam, "bold", 44 * k), fill=(255, 255, 255), anchor="ls")
    d.text((52 * k, 125 * k), rng.choice(["DEBIT", "GOLD", "PLATINUM", "TABUNGANKU"]), font=font(fam, "regular", 24 * k), fill=(235, 235, 235), anchor="ls")
    # chip
    d.rounded_rectangle([90 * k, 200 * k, 210 * k, 290 * k], radius=14 * k, fill=(215, 185, 110), outline=(150, 120, 60), width=int(2 * k))
    for yy in (230, 260):
        d.line([90 * k, yy * k, 210 * k, yy * k], fill=(150, 120, 60), width=int(2 * k))
    d.line([150 * k, 200 * k, 150 * k, 290 * k], fill=(150, 120, 60), width=int(2 * k))
    num = "".join(str(rng.randint(0, 9)) for _ in range(16))
    nt = " ".join(num[i:i + 4] for i in range(0, 16, 4))
    nf = font(rng.choice(["mono", "roboto", "nimbus"]), "bold", 54 * k)
    d.text((62 * k, 392 * k), nt, font=nf, fill=(60, 60, 60), anchor="ls")
    d.text((60 * k, 390 * k), nt, font=nf, fill=(245, 245, 240), anchor="ls")
    d.text((420 * k, 450 * k), "VALID THRU %02d/%02d" % (rng.randint(1, 12), rng.randint(25, 31)), font=font(fam, "bold", 26 * k), fill=(240, 240, 240), anchor="ls")
    d.text((60 * k, 540 * k), make_name(rng, rng.random() < 0.5), font=font(fam, "bold", 32 * k), fill=(245, 245, 245), anchor="ls")
    d.ellipse([770 * k, 470 * k, 870 * k, 570 * k], fill=(230, 30, 40))
    d.ellipse([830 * k, 470 * k, 930 * k, 570 * k], fill=(250, 160, 30))
    return finish_card(card, k), {"bank": bank}, 32 * k * 0.72


def render_receipt(rng, nrng, CW):
    # CW is the paper width in px; long thin paper
    k = CW / 1000.0
    nitems = rng.randint(4, 14)
    lines = []
    store = rng.choice(["SWALAYAN SUMBER REJEKI", "TOSERBA MAKMUR JAYA", "MINIMARKET BERKAH", "SUPERMARKET SEGAR"])
    lines += [("c", store, True), ("c", "JL. %s NO. %d" % (rng.choice(STREETS), rng.randint(1, 200)), False),
              ("c", "TELP. 0341-%06d" % rng.randint(0, 999999), False), ("l", "-" * 32, False),
              ("l", "%02d.%02d.%04d  %02d:%02d   KSR:%02d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2024), rng.randint(7, 21), rng.randint(0, 59), rng.randint(1, 9)), False),
              ("l", "-" * 32, False)]
    goods = ["BERAS 5KG", "GULA PASIR 1KG", "MINYAK GRG 2L", "TELUR 1KG", "MIE INSTAN", "SABUN MANDI", "KOPI SACHET",
             "TEH CELUP", "SUSU UHT 1L", "AIR MINERAL", "ROTI TAWAR", "KECAP 600ML", "DETERJEN 800G", "PASTA GIGI",
             "BISKUIT", "SAMPO 170ML", "TISU 250S", "SARDEN 425G"]
    total = 0
    for _ in range(nitems):
        g = rng.choice(goods)
        q = rng.randint(1, 4)
        p = rng.randint(2, 80) * 500
        total += q * p
        lines.append(("l", g, False))
        lines.append(("l", "  %d X %s %s" % (q, format(p, ",").replace(",", "."), format(q * p, ",").replace(",", ".").rjust(12)), False))
    lines += [("l", "-" * 32, False), ("l", "TOTAL        %s" % format(total, ",").replace(",", ".").rjust(12), True)]
    pay = (total // 10000 + 1) * 10000
    lines += [("l", "TUNAI        %s" % format(pay, ",").replace(",", ".").rjust(12), False),
              ("l", "KEMBALI      %s" % format(pay - total, ",").replace(",", ".").rjust(12), False),
              ("l", "-" * 32, False), ("c", "TERIMA KASIH", True), ("c", "BARANG YANG SUDAH DIBELI", False),
              ("c", "TIDAK DAPAT DITUKAR", False)]
    fs = 44
    lh = fs * 1.25
    CH = int((len(lines) * lh + 120) * k)
    paper = np.full((CH, CW, 3), rng.randint(238, 252), np.float32)
    paper[..., 2] -= rng.randint(0, 12)
    paper += smooth_noise(nrng, CH, CW, 40 * k, 2)[..., None] * 3
    card = Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    d = ImageDraw.Draw(card)
    ink = rng.choice([(40, 40, 50), (70, 60, 90), (30, 30, 30)])
    y = 80
    for al, s, b in lines:
        f = font("mono", "bold" if b else "regular", fs * k)
        if al == "c":
            d.text((500 * k, y * k), s, font=f, fill=ink, anchor="ms")
        else:
            d.text((60 * k, y * k), s, font=f, fill=ink, anchor="ls")
        y += lh
    # torn top/bottom edge zigzag in alpha
    al = Image.new("L", card.size, 255)
    ad = ImageDraw.Draw(al)
    zz = [(x, rng.uniform(0, 12) * k) for x in np.linspace(0, CW, 40)]
    ad.polygon([(0, 0)] + zz + [(CW, 0)], fill=0)
    zz = [(x, CH - rng.uniform(0, 12) * k) for x in np.linspace(0, CW, 40)]
    ad.polygon([(0, CH)] + zz + [(CW, CH)], fill=0)
    card.putalpha(al)
    return card, {"items": nitems}, fs * k * 0.6


def render_blank(rng, nrng, CW):
    k = CW / 1000.0
    top = (rng.randint(170, 205), rng.randint(210, 232), rng.randint(232, 250))
    bot = tuple(max(0, c - rng.randint(5, 25)) for c in top)
    card, CH = plastic_card(CW, top, bot, k, nrng)
    # subtle gloss band
    ov = Image.new("RGBA", card.size, (0, 0, 0, 0))
    ImageDraw.Draw(ov).polygon([(CW * 0.2, 0), (CW * 0.45, 0), (CW * 0.25, CH), (0, CH)], fill=(255, 255, 255, 30))
    card.alpha_composite(ov.filter(ImageFilter.GaussianBlur(20 * k)))
    return finish_card(card, k), {}, 20 * k


def render_scene(rng, nrng, w, h):
    c0 = tuple(rng.randint(30, 230) for _ in range(3))
    c1 = tuple(rng.randint(30, 230) for _ in range(3))
    arr = gradient_v(w, h, c0, c1, mid=rng.uniform(0.5, 2))
    arr += smooth_noise(nrng, h, w, max(w, h) / 6, 3)[..., None] * 18
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im, "RGBA")
    for _ in range(rng.randint(4, 14)):
        col = tuple(rng.randint(0, 255) for _ in range(3)) + (rng.randint(90, 230),)
        x, y = rng.uniform(-0.1, 1.0) * w, rng.uniform(-0.1, 1.0) * h
        s = rng.uniform(0.05, 0.4) * min(w, h)
        t = rng.random()
        if t < 0.4:
            d.ellipse([x, y, x + s, y + s * rng.uniform(0.5, 1.5)], fill=col)
        elif t < 0.7:
            d.rectangle([x, y, x + s * rng.uniform(0.5, 2), y + s], fill=col)
        else:
            d.polygon([(x + rng.uniform(-s, s), y + rng.uniform(-s, s)) for _ in range(3)], fill=col)
    # animal-like blob (cat/dog): body, head, ears, legs, tail
    fur = rng.choice([(120, 80, 40), (60, 55, 50), (200, 170, 120), (230, 230, 225), (160, 110, 60)])
    bx, by = rng.uniform(0.25, 0.65) * w, rng.uniform(0.4, 0.7) * h
    bs = rng.uniform(0.15, 0.3) * min(w, h)
    dk = lerp(fur, (0, 0, 0), 0.3)
    for lx_ in (-0.7, -0.35, 0.4, 0.7):
        d.rounded_rectangle([bx + lx_ * bs - bs * 0.08, by, bx + lx_ * bs + bs * 0.08, by + bs * 0.75], radius=bs * 0.05, fill=dk)
    d.ellipse([bx - bs, by - bs * 0.5, bx + bs, by + bs * 0.5], fill=fur)
    d.line([(bx + bs * 0.9, by - bs * 0.1), (bx + bs * 1.3, by - bs * 0.6), (bx + bs * 1.45, by - bs * 0.9)], fill=fur, width=int(bs * 0.12))
    hx, hy = bx - bs * 1.0, by - bs * 0.55
    d.ellipse([hx - bs * 0.4, hy - bs * 0.35, hx + bs * 0.4, hy + bs * 0.35], fill=fur)
    d.polygon([(hx - bs * 0.35, hy - bs * 0.2), (hx - bs * 0.25, hy - bs * 0.7), (hx - bs * 0.05, hy - bs * 0.3)], fill=dk)
    d.polygon([(hx + bs * 0.35, hy - bs * 0.2), (hx + bs * 0.25, hy - bs * 0.7), (hx + bs * 0.05, hy - bs * 0.3)], fill=dk)
    d.ellipse([hx - bs * 0.18, hy - bs * 0.08, hx - bs * 0.06, hy + bs * 0.04], fill=(20, 20, 20))
    d.ellipse([hx + bs * 0.06, hy - bs * 0.08, hx + bs * 0.18, hy + bs * 0.04], fill=(20, 20, 20))
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.5)))
    return im


def photo_scene(rng, nrng):
    asp = rng.choice([4 / 3, 16 / 9, 3 / 4, 9 / 16, 1.0])
    L = rng.randint(800, 3000)
    w, h = (L, int(L / asp)) if asp >= 1 else (int(L * asp), L)
    im = render_scene(rng, nrng, w, h)
    a = np.asarray(im, np.float32)
    gain = rng.uniform(0.5, 1.4)
    a = a * gain + nrng.normal(0, rng.uniform(1.5, 6), a.shape)
    eff = {"frame": [w, h], "gain": round(gain, 2)}
    if rng.random() < 0.3:
        ln = rng.randint(3, 15)
        ker = np.zeros((ln, ln), np.float32)
        ker[ln // 2, :] = 1.0 / ln
        a = cv2.filter2D(a, -1, ker)
        eff["motion_blur"] = ln
    turn = rng.choice([0, 0, 0, 0, 90, 180, 270])
    out = np.clip(a, 0, 255).astype(np.uint8)
    if turn:
        out = np.ascontiguousarray(np.rot90(out, k=turn // 90))
    eff["rotation"] = turn
    return Image.fromarray(out, "RGB"), eff
