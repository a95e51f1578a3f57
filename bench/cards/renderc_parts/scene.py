"""The scene around the card: background, fingers, motion blur, screenshots."""

import math

import numpy as np
import cv2
from PIL import Image, ImageDraw

from .fonts import FONT_FILES, font
from .drawing import fnormal


# ----------------------------------------------------------------------------- scene
def make_background(rng, Hs, Ws, nrng):
    t = rng.random()
    yy = np.arange(Hs, dtype=np.float32)[:, None]
    xx = np.arange(Ws, dtype=np.float32)[None, :]
    if t < 0.28:
        kind = "plain"
        c = np.array(rng.choice([(235, 235, 232), (60, 60, 65), (120, 85, 60), (200, 190, 175), (30, 30, 32),
                                 (170, 40, 40), (40, 70, 120), (210, 210, 215), (90, 110, 90),
                                 (250, 250, 250)]), np.float32)
        c = c * rng.uniform(0.85, 1.1)
        bg = np.broadcast_to(c, (Hs, Ws, 3)).copy()
        bg += fnormal(nrng, 3, (Hs, Ws, 1))
    elif t < 0.43:
        kind = "paper"
        c = np.array([rng.uniform(225, 250), rng.uniform(222, 245), rng.uniform(210, 235)], np.float32)
        bg = np.broadcast_to(c, (Hs, Ws, 3)).copy()
        n = cv2.GaussianBlur(fnormal(nrng, 1, (Hs, Ws)), (0, 0), 1.2) * 8
        bg += n[..., None]
        if rng.random() < 0.5:  # ruled lines or printed text lines
            sp = rng.randint(25, 45)
            for y in range(rng.randint(0, sp), Hs, sp):
                cv2.line(bg, (0, y), (Ws, y), (170, 190, 215), 1, cv2.LINE_AA)
    elif t < 0.60:
        kind = "wood"
        c = np.array(rng.choice([(150, 100, 60), (120, 75, 45), (185, 140, 95), (90, 60, 40)]), np.float32)
        ang = rng.uniform(0, np.pi)
        u = xx * np.cos(ang) + yy * np.sin(ang)
        v = -xx * np.sin(ang) + yy * np.cos(ang)
        warp = 10 * np.sin(u / rng.uniform(80, 200)) + 5 * np.sin(u / 37.0 + 1)
        grain = np.sin((v + warp) / rng.uniform(3, 7)) * 0.5 + np.sin((v + warp * 2) / 17.0) * 0.5
        bg = c[None, None, :] * (1 + 0.12 * grain[..., None])
        bg += fnormal(nrng, 4, (Hs, Ws, 1))
    elif t < 0.80:
        kind = "cloth"
        c1 = np.array([rng.uniform(60, 240) for _ in range(3)], np.float32)
        c2 = np.array([rng.uniform(40, 240) for _ in range(3)], np.float32)
        p = rng.random()
        per = rng.uniform(12, 40)
        if p < 0.33:  # checks
            m = ((np.sin(xx / per * np.pi) > 0) ^ (np.sin(yy / per * np.pi) > 0)).astype(np.float32)
        elif p < 0.66:  # stripes
            ang = rng.uniform(0, np.pi)
            m = (np.sin((xx * np.cos(ang) + yy * np.sin(ang)) / per * np.pi) > 0.2).astype(np.float32)
        else:  # floral/dots bed sheet
            m = np.zeros((Hs, Ws), np.float32)
            for _ in range(int(Hs * Ws / (per * per * 6))):
                cx, cy = rng.randrange(Ws), rng.randrange(Hs)
                r = int(per * rng.uniform(0.3, 0.7))
                for k in range(5):
                    a = k * 2 * np.pi / 5
                    cv2.circle(m, (int(cx + r * np.cos(a)), int(cy + r * np.sin(a))), max(2, r // 2), 1.0, -1)
        m = cv2.GaussianBlur(m, (0, 0), 1.2)
        bg = c1[None, None, :] * (1 - m[..., None]) + c2[None, None, :] * m[..., None]
        # folds
        fold = np.sin((xx * rng.uniform(-1, 1) + yy) / rng.uniform(60, 160)) * 0.08
        bg *= (1 + fold[..., None])
        bg += fnormal(nrng, 4, (Hs, Ws, 1))
    else:
        kind = "handheld"
        base = np.array(rng.choice([(200, 190, 175), (120, 110, 100), (70, 65, 60), (180, 185, 190),
                                    (150, 130, 110), (90, 100, 110), (210, 205, 200)]), np.float32)
        small = base[None, None, :] + nrng.uniform(-60, 60, (5, 6, 1)).astype(np.float32) + \
            nrng.uniform(-25, 25, (5, 6, 3)).astype(np.float32)
        small = np.clip(small, 10, 245)
        small = cv2.resize(small, (60, 50), interpolation=cv2.INTER_CUBIC)
        small = cv2.GaussianBlur(small, (0, 0), 2.0)
        bg = cv2.resize(small, (Ws, Hs), interpolation=cv2.INTER_LINEAR)
        bg += fnormal(nrng, 3, (Hs, Ws, 1))
    # lighting gradient
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1 + rng.uniform(0.05, 0.25) * ((xx / Ws - 0.5) * gx + (yy / Hs - 0.5) * gy)
    bg = bg * light[..., None]
    return np.clip(bg, 0, 255).astype(np.float32), kind


SKINS = [(228, 182, 150), (212, 160, 125), (196, 140, 105), (172, 120, 88), (145, 100, 70), (115, 78, 55)]


def draw_finger(rng, scene, tip, direction, r, Hs, Ws, nail=True, skin=None, shadow=True):
    """Capsule finger from tip (scene px) running along -direction out of frame."""
    d = np.array(direction, np.float32)
    d /= np.linalg.norm(d) + 1e-6
    L = (Hs + Ws) * 1.5
    base = np.array(tip, np.float32) - d * L
    skin = np.array(skin if skin is not None else rng.choice(SKINS), np.float32)
    # bounding box
    x0 = int(max(0, min(tip[0], base[0]) - 2 * r)); x1 = int(min(Ws, max(tip[0], base[0]) + 2 * r))
    y0 = int(max(0, min(tip[1], base[1]) - 2 * r)); y1 = int(min(Hs, max(tip[1], base[1]) + 2 * r))
    if x1 <= x0 or y1 <= y0:
        return None
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    px, py = xx - tip[0], yy - tip[1]
    u = -(px * d[0] + py * d[1])  # distance back along finger from tip
    v = px * (-d[1]) + py * d[0]
    rad = r * (1 + 0.35 * np.clip(u / (6 * r), 0, 1))
    uc = np.maximum(u, 0)
    dist = np.sqrt(v * v + np.where(u < 0, u * u, 0))
    # tip slightly elliptical
    m = np.clip((rad - dist) / 1.5, 0, 1)
    # shadow first (offset)
    sh_off = np.array([rng.uniform(-0.3, 0.3), rng.uniform(0.2, 0.5)]) * r
    if shadow:
        M = np.float32([[1, 0, sh_off[0]], [0, 1, sh_off[1]]])
        msh = cv2.warpAffine(m, M, (x1 - x0, y1 - y0))
        ds = max(1, int(r * 0.15))
        sm_ = cv2.resize(msh, (max(1, (x1 - x0) // ds), max(1, (y1 - y0) // ds)), interpolation=cv2.INTER_AREA)
        sm_ = cv2.GaussianBlur(sm_, (0, 0), (r * 0.35 + 1) / ds)
        msh = cv2.resize(sm_, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR)
        scene[y0:y1, x0:x1] *= (1 - 0.45 * msh)[..., None]
    # shading: cylinder across, darker at tip rim
    cyl = np.sqrt(np.clip(1 - (v / rad) ** 2, 0, 1))
    li = 0.55 + 0.5 * cyl + 0.08 * (v / rad)
    col = skin[None, None, :] * li[..., None]
    # creases near the knuckle
    for k in (2.2, 2.45):
        crease = np.exp(-((uc - k * r) ** 2) / (0.02 * r * r + 1)) * 0.18
        col *= (1 - crease[..., None])
    if nail:
        nu, nv = u - r * 0.75, v
        nm = ((nu / (r * 0.65)) ** 2 + (nv / (r * 0.55)) ** 2) < 1
        nm = cv2.GaussianBlur(nm.astype(np.float32), (0, 0), 1.0)
        ncol = np.clip(skin * 1.06 + np.array([14, 2, 6]), 0, 255)
        col = col * (1 - 0.55 * nm[..., None]) + ncol[None, None, :] * li[..., None] * 0.55 * nm[..., None]
        # nail highlight
        col += (nm * np.exp(-((v + r * 0.2) ** 2) / (0.05 * r * r + 1)) * 40)[..., None]
    sub = scene[y0:y1, x0:x1]
    sub[:] = sub * (1 - m[..., None]) + col * m[..., None]
    return True


def rect_hits(mask_poly_fn, rects):
    return any(mask_poly_fn(r) for r in rects)


def motion_kernel(length, angle):
    k = int(math.ceil(length)) | 1
    ker = np.zeros((k, k), np.float32)
    c = k // 2
    dx, dy = math.cos(angle), math.sin(angle)
    for t in np.linspace(-length / 2, length / 2, int(length * 3) + 1):
        x, y = c + t * dx, c + t * dy
        xi, yi = int(round(x)), int(round(y))
        if 0 <= xi < k and 0 <= yi < k:
            ker[yi, xi] += 1
    return ker / ker.sum()


def screenshot(rng, photo, L, nrng):
    """Place photo (uint8 RGB) into a phone screenshot of height L (portrait)."""
    Hs = L
    Ws = int(round(L * rng.choice([9 / 19.5, 9 / 20, 9 / 16, 9 / 18])))
    scr = np.zeros((Hs, Ws, 3), np.uint8)
    dark = rng.random() < 0.8
    bgc = (0, 0, 0) if dark else (245, 245, 245)
    scr[:] = bgc
    sb = int(Hs * rng.uniform(0.028, 0.04))
    ab = int(Hs * rng.uniform(0.05, 0.07))
    nb = int(Hs * rng.uniform(0.04, 0.07))
    appc = rng.choice([(32, 33, 36), (18, 18, 18), (38, 50, 56), (20, 40, 45), (40, 40, 48)])
    scr[:sb + ab] = appc
    # photo area
    area_h = Hs - sb - ab - nb
    ph, pw = photo.shape[:2]
    s = min(Ws / pw, area_h / ph) * rng.uniform(0.97, 1.0)
    nw, nh = max(1, int(pw * s)), max(1, int(ph * s))
    # moire-like resampling: nearest down to odd size then linear up/down
    f2 = rng.uniform(0.8, 0.95)
    tmp = cv2.resize(photo, (max(1, int(nw * f2)), max(1, int(nh * f2))), interpolation=cv2.INTER_NEAREST)
    tmp = cv2.resize(tmp, (nw, nh), interpolation=cv2.INTER_LINEAR)
    oy = sb + ab + (area_h - nh) // 2
    ox = (Ws - nw) // 2
    scr[oy:oy + nh, ox:ox + nw] = tmp
    im = Image.fromarray(scr)
    dr = ImageDraw.Draw(im)
    fc = (240, 240, 240)
    f1 = font(FONT_FILES["NotoSans"][1], sb * 0.55)
    tm = "%d:%02d" % (rng.randint(6, 23), rng.randint(0, 59))
    dr.text((Ws * 0.05, sb * 0.5), tm, font=f1, fill=fc, anchor="lm")
    # battery
    bw, bh = sb * 0.95, sb * 0.45
    bx1 = Ws * 0.95 - bw
    by = sb * 0.5 - bh / 2
    dr.rounded_rectangle((bx1, by, bx1 + bw, by + bh), radius=bh * 0.25, outline=fc, width=max(1, int(sb * 0.06)))
    lvl = rng.uniform(0.1, 1.0)
    dr.rectangle((bx1 + 3, by + 3, bx1 + 3 + (bw - 6) * lvl, by + bh - 3),
                 fill=fc if lvl > 0.2 else (230, 60, 50))
    dr.rectangle((bx1 + bw, by + bh * 0.3, bx1 + bw + 2, by + bh * 0.7), fill=fc)
    if rng.random() < 0.6:
        dr.text((bx1 - sb * 0.2, sb * 0.5), "%d%%" % int(lvl * 100), font=font(FONT_FILES["NotoSans"][0],
                sb * 0.45), fill=fc, anchor="rm")
        sx0 = bx1 - sb * 1.9
    else:
        sx0 = bx1 - sb * 0.9
    for k in range(4):  # signal bars
        hh = bh * (0.35 + 0.22 * k)
        dr.rectangle((sx0 + k * sb * 0.16, by + bh - hh, sx0 + k * sb * 0.16 + sb * 0.1, by + bh), fill=fc)
    # app bar: back arrow, title, menu dots
    ay = sb + ab / 2
    aw = max(2, int(ab * 0.05))
    x0 = Ws * 0.05
    dr.line((x0, ay, x0 + ab * 0.35, ay), fill=fc, width=aw)
    dr.line((x0, ay, x0 + ab * 0.17, ay - ab * 0.17), fill=fc, width=aw)
    dr.line((x0, ay, x0 + ab * 0.17, ay + ab * 0.17), fill=fc, width=aw)
    title = rng.choice(["Foto", "Galeri", "IMG_%d%02d%02d_%06d" % (rng.randint(2019, 2024), rng.randint(1, 12),
                        rng.randint(1, 28), rng.randint(0, 235959)), "Ibu", "Bapak", "Kakak", "Pasien",
                        "%d foto" % rng.randint(1, 5)])
    dr.text((x0 + ab * 0.7, ay), title, font=font(FONT_FILES["NotoSans"][0], ab * 0.33), fill=fc, anchor="lm")
    for k in range(3):
        dr.ellipse((Ws * 0.94 - 3, ay - ab * 0.2 + k * ab * 0.2 - 3, Ws * 0.94 + 3, ay - ab * 0.2 + k * ab * 0.2 + 3),
                   fill=fc)
    # bottom: nav / icons
    by0 = Hs - nb
    if rng.random() < 0.5:
        dr.rounded_rectangle((Ws * 0.35, Hs - nb * 0.35, Ws * 0.65, Hs - nb * 0.35 + 5), radius=3,
                             fill=(200, 200, 200) if dark else (60, 60, 60))
    else:
        ic = (220, 220, 220) if dark else (50, 50, 50)
        for k in range(4):
            cx = Ws * (0.15 + 0.23 * k)
            cy = by0 + nb * 0.45
            rr = nb * 0.16
            if k % 2 == 0:
                dr.rectangle((cx - rr, cy - rr, cx + rr, cy + rr), outline=ic, width=2)
            else:
                dr.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=ic, width=2)
    return np.asarray(im).astype(np.float32), {"screen_w": Ws, "screen_h": Hs, "photo_scale": round(s, 3)}
