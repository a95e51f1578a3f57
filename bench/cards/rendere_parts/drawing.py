"""Drawing helpers for the card: noise, text, masks, tinted background, portrait, signature, labels."""

import math

import cv2
import numpy as np
from PIL import Image, ImageDraw


def lerp(a, b, t):
    return a + (b - a) * t


def lowfreq_noise(nrng, h, w, cells=4, ch=1):
    """Smooth noise in [0,1] of size (h, w[, ch])."""
    gh, gw = max(2, int(cells * h / max(h, w)) + 2), max(2, int(cells * w / max(h, w)) + 2)
    g = nrng.random((gh, gw, ch)).astype(np.float32)
    out = cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
    if out.ndim == 2:
        out = out[:, :, None]
    out = np.clip(out, 0, 1)
    return out if ch > 1 else out[:, :, 0]


def draw_text(layer, xy, text, fnt, anchor="ls", sx=1.0, stroke=0, fill=255):
    """Draw text onto an 'L' ink layer (PIL).  sx < 1 condenses horizontally."""
    if sx >= 0.999:
        ImageDraw.Draw(layer).text(xy, text, font=fnt, fill=fill, anchor=anchor,
                                   stroke_width=stroke, stroke_fill=fill)
        return
    x0, y0, x1, y1 = fnt.getbbox(text, anchor=anchor, stroke_width=stroke)
    w, h = x1 - x0 + 4, y1 - y0 + 4
    tmp = Image.new("L", (w, h), 0)
    ImageDraw.Draw(tmp).text((2 - x0, 2 - y0), text, font=fnt, fill=fill, anchor=anchor,
                             stroke_width=stroke, stroke_fill=fill)
    nw = max(1, int(round(w * sx)))
    tmp = tmp.resize((nw, h), Image.BILINEAR)
    px = int(round(xy[0] + x0 * sx - 2 * sx))
    py = int(round(xy[1] + y0 - 2))
    layer.paste(255, (px, py, px + nw, py + h), mask=tmp)


def text_w(fnt, text, stroke=0):
    b = fnt.getbbox(text, stroke_width=stroke)
    return b[2] - b[0]


def rounded_mask(h, w, rad):
    m = np.zeros((h, w), np.uint8)
    rad = int(rad)
    cv2.rectangle(m, (rad, 0), (w - 1 - rad, h - 1), 255, -1)
    cv2.rectangle(m, (0, rad), (w - 1, h - 1 - rad), 255, -1)
    for cx, cy in ((rad, rad), (w - 1 - rad, rad), (rad, h - 1 - rad), (w - 1 - rad, h - 1 - rad)):
        cv2.circle(m, (cx, cy), rad, 255, -1, lineType=cv2.LINE_AA)
    return m


TINTS = [("blue_green", 34), ("plain_blue", 14), ("faded", 12), ("greenish", 9), ("purplish", 7),
         ("yellowed", 7), ("photocopy", 9), ("pale_cyan", 8)]


def card_background(r, nrng, W, H, tint, eff):
    mm = W / 85.6
    if tint == "blue_green":
        c1 = np.array([r.uniform(185, 215), r.uniform(215, 235), r.uniform(235, 250)])  # RGB light blue
        c2 = np.array([r.uniform(200, 225), r.uniform(228, 242), r.uniform(215, 232)])  # light green
    elif tint == "plain_blue":
        c1 = np.array([r.uniform(175, 205), r.uniform(205, 228), r.uniform(235, 252)])
        c2 = c1 + r.uniform(5, 20)
    elif tint == "faded":
        c1 = np.array([r.uniform(220, 235), r.uniform(232, 242), r.uniform(238, 248)])
        c2 = np.array([r.uniform(228, 240), r.uniform(236, 246), r.uniform(232, 242)])
    elif tint == "greenish":
        c1 = np.array([r.uniform(195, 215), r.uniform(225, 240), r.uniform(200, 220)])
        c2 = np.array([r.uniform(210, 228), r.uniform(232, 245), r.uniform(215, 230)])
    elif tint == "purplish":
        c1 = np.array([r.uniform(210, 228), r.uniform(200, 218), r.uniform(228, 245)])
        c2 = np.array([r.uniform(200, 220), r.uniform(212, 228), r.uniform(235, 250)])
    elif tint == "yellowed":
        c1 = np.array([r.uniform(220, 238), r.uniform(222, 236), r.uniform(195, 215)])
        c2 = np.array([r.uniform(205, 225), r.uniform(222, 236), r.uniform(215, 230)])
    elif tint == "pale_cyan":
        c1 = np.array([r.uniform(205, 225), r.uniform(235, 248), r.uniform(240, 252)])
        c2 = np.array([r.uniform(225, 240), r.uniform(240, 250), r.uniform(238, 250)])
    else:  # photocopy: grey
        g = r.uniform(205, 240)
        c1 = np.array([g, g, g])
        c2 = np.array([g + r.uniform(-15, 10)] * 3)
    ang = r.uniform(0, math.pi)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = (xx / W * math.cos(ang) + yy / H * math.sin(ang))
    t = (t - t.min()) / max(1e-6, (t.max() - t.min()))
    bg = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    # mottling
    bg += (lowfreq_noise(nrng, H, W, 6, 3) - 0.5) * r.uniform(4, 14)
    bg = bg.astype(np.float32)
    patterns = []
    pat = np.zeros((H, W), np.uint8)
    # guilloche waves
    if r.random() < 0.85:
        patterns.append("waves")
        nlines = r.randint(8, 40)
        amp = r.uniform(1.0, 4.0) * mm
        per = r.uniform(10, 40) * mm
        xs = np.arange(0, W + 8, 4, dtype=np.float32)
        y0 = r.uniform(-5, 20) * mm
        gap = r.uniform(0.6, 2.0) * mm
        for k in range(nlines):
            ys = y0 + k * gap + amp * np.sin(2 * np.pi * xs / per + k * 0.35) + 0.6 * amp * np.sin(2 * np.pi * xs / (per * 0.37) + k)
            pts = np.stack([xs, ys], 1).astype(np.int32)
            cv2.polylines(pat, [pts], False, 255, max(1, int(mm * 0.08)), cv2.LINE_AA)
        if r.random() < 0.6:  # second band at the bottom
            y0 = H - r.uniform(5, 18) * mm
            for k in range(r.randint(5, 18)):
                ys = y0 + k * gap + amp * np.cos(2 * np.pi * xs / per + k * 0.5)
                pts = np.stack([xs, ys], 1).astype(np.int32)
                cv2.polylines(pat, [pts], False, 255, max(1, int(mm * 0.08)), cv2.LINE_AA)
    if r.random() < 0.6:
        patterns.append("rosette")
        cx, cy = r.uniform(25, 55) * mm, r.uniform(22, 38) * mm
        R = r.uniform(8, 16) * mm
        n_p = r.randint(6, 14)
        th = np.linspace(0, 2 * np.pi, 720, dtype=np.float32)
        for k in range(r.randint(4, 10)):
            rr = R * (0.4 + 0.06 * k) * (1 + 0.15 * np.sin(n_p * th + k))
            pts = np.stack([cx + rr * np.cos(th), cy + rr * np.sin(th)], 1).astype(np.int32)
            cv2.polylines(pat, [pts], True, 255, max(1, int(mm * 0.07)), cv2.LINE_AA)
    if r.random() < 0.45:
        patterns.append("map")
        # faint archipelago: chains of blobs across the middle
        y = r.uniform(25, 40) * mm
        x = r.uniform(5, 15) * mm
        m2 = np.zeros((H, W), np.uint8)
        while x < r.uniform(60, 80) * mm:
            ax, ay = r.uniform(1, 6) * mm, r.uniform(0.5, 2.5) * mm
            cv2.ellipse(m2, (int(x), int(y + r.uniform(-4, 4) * mm)), (int(ax), int(ay)), r.uniform(-40, 40), 0, 360, 255, -1)
            x += ax * r.uniform(1.0, 2.2)
        bg -= (m2[..., None].astype(np.float32) / 255.0) * r.uniform(5, 14)
    if r.random() < 0.35:
        patterns.append("microlines")
        step = max(2, int(r.uniform(0.4, 0.9) * mm))
        for yy_ in range(0, H, step):
            cv2.line(pat, (0, yy_), (W, yy_), 110, 1)
    if patterns:
        pcol = np.array([r.uniform(-30, 10), r.uniform(-25, 10), r.uniform(-20, 10)], np.float32)
        if tint == "photocopy":
            pcol = np.array([pcol.mean()] * 3, np.float32)
        bg += (pat[..., None].astype(np.float32) / 255.0) * pcol * r.uniform(0.5, 1.0)
    eff["card_patterns"] = patterns
    return np.clip(bg, 0, 255)


def draw_person(r, h, w, female, even_year):
    """A simple passport photo (RGB uint8, h x w)."""
    if r.random() < 0.85:
        bgc = (200, 30, 35) if even_year else (30, 70, 170)
        bgc = tuple(int(np.clip(c + r.uniform(-25, 25), 0, 255)) for c in bgc)
    else:
        bgc = tuple(int(r.uniform(150, 230)) for _ in range(3))
    im = Image.new("RGB", (w, h), bgc)
    d = ImageDraw.Draw(im)
    skin = tuple(int(c) for c in (r.uniform(150, 225), r.uniform(105, 170), r.uniform(75, 130)))
    shirt = tuple(int(r.uniform(0, 255)) for _ in range(3)) if r.random() < 0.6 else (235, 235, 235)
    cx = w * r.uniform(0.45, 0.55)
    hy = h * r.uniform(0.36, 0.44)
    fw, fh = w * r.uniform(0.22, 0.28), h * r.uniform(0.2, 0.25)
    # shoulders
    d.ellipse([cx - w * 0.55, h * 0.72, cx + w * 0.55, h * 1.45], fill=shirt)
    d.rectangle([cx - fw * 0.35, hy + fh * 0.6, cx + fw * 0.35, h * 0.8], fill=skin)
    hijab = female and r.random() < 0.55
    if hijab:
        hc = tuple(int(r.uniform(10, 240)) for _ in range(3))
        d.ellipse([cx - fw * 1.45, hy - fh * 1.35, cx + fw * 1.45, hy + fh * 1.6], fill=hc)
        d.polygon([(cx - fw * 1.6, h * 1.0), (cx + fw * 1.6, h * 1.0), (cx + fw * 1.2, hy), (cx - fw * 1.2, hy)], fill=hc)
        d.ellipse([cx - fw * 0.85, hy - fh * 0.85, cx + fw * 0.85, hy + fh * 1.05], fill=skin)
    else:
        hair = tuple(int(r.uniform(5, 45)) for _ in range(3))
        d.ellipse([cx - fw * 1.1, hy - fh * 1.3, cx + fw * 1.1, hy + fh * (0.6 if not female else 1.5)], fill=hair)
        d.ellipse([cx - fw, hy - fh * 0.95, cx + fw, hy + fh * 1.1], fill=skin)
    # eyes and mouth
    ey = hy - fh * 0.05
    for s in (-1, 1):
        d.ellipse([cx + s * fw * 0.42 - fw * 0.12, ey - fh * 0.06, cx + s * fw * 0.42 + fw * 0.12, ey + fh * 0.06], fill=(30, 25, 25))
    d.line([cx - fw * 0.3, hy + fh * 0.55, cx + fw * 0.3, hy + fh * 0.55], fill=(120, 50, 50), width=max(1, int(fh * 0.06)))
    a = np.asarray(im).astype(np.float32)
    a = cv2.GaussianBlur(a, (0, 0), max(0.5, w / 150))
    return a


def signature(layer, r, x0, y0, w, h, width):
    d = ImageDraw.Draw(layer)
    n = r.randint(2, 4)
    for _ in range(n):
        pts = []
        x, y = x0 + r.uniform(0, 0.3) * w, y0 + r.uniform(0.2, 0.8) * h
        k = r.randint(5, 12)
        for j in range(k * 6):
            t = j / (k * 6)
            x = x0 + w * (0.05 + 0.9 * t) + math.sin(t * k * 3.1 + r.random()) * w * 0.05
            y = y0 + h * (0.5 + 0.4 * math.sin(t * k * 2.3 + r.random() * 0.5))
            pts.append((x, y))
        d.line(pts, fill=255, width=width, joint="curve")


def label_set(r):
    L = {
        "nik": "NIK", "nama": "Nama",
        "ttl": r.choice(["Tempat/Tgl Lahir"] * 6 + ["Tempat/Tgl. Lahir", "Tempat / Tgl Lahir", "Tempat/Tgl.Lahir"]),
        "jk": r.choice(["Jenis Kelamin"] * 4 + ["Jenis kelamin"] * 2),
        "gol": r.choice(["Gol. Darah"] * 5 + ["Gol.Darah", "Gol Darah"]),
        "alamat": "Alamat", "rtrw": r.choice(["RT/RW"] * 5 + ["RT / RW"]),
        "kel": r.choice(["Kel/Desa"] * 5 + ["Kel / Desa", "Kel./Desa"]),
        "kec": "Kecamatan", "agama": "Agama",
        "status": "Status Perkawinan", "pek": "Pekerjaan", "kwn": "Kewarganegaraan",
        "berlaku": "Berlaku Hingga",
    }
    upper = r.random() < 0.15
    if upper:
        L = {k: v.upper() for k, v in L.items()}
    return L, upper
