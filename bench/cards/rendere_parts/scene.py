"""The scene around the card: background, placement, bending, fingers, blur kernels, screenshots."""

import math

import cv2
import numpy as np
from PIL import Image, ImageDraw

from .fonts import font
from .identity import wchoice
from .drawing import lowfreq_noise


def scene_background(r, nrng, h, w, eff):
    kind = wchoice(r, [("wood", 25), ("cloth", 15), ("desk", 15), ("paper", 10), ("tiles", 8),
                       ("dark", 8), ("palm", 10), ("clutter", 9)])
    eff["background"] = kind
    sh, sw = max(16, h // 4), max(16, w // 4)
    if kind == "wood":
        base = np.array([r.uniform(90, 190), r.uniform(55, 130), r.uniform(25, 80)], np.float32)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        ang = r.uniform(0, math.pi)
        u = xx * math.cos(ang) + yy * math.sin(ang)
        v = -xx * math.sin(ang) + yy * math.cos(ang)
        warp = lowfreq_noise(nrng, sh, sw, 5) * r.uniform(5, 25)
        grain = np.sin((v + warp * 3) / r.uniform(1.5, 5)) * 0.5 + 0.5
        img = base[None, None] * (0.75 + 0.35 * grain[..., None])
    elif kind == "cloth":
        base = np.array([r.uniform(20, 230) for _ in range(3)], np.float32)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        p = r.uniform(1.2, 3)
        weave = (np.sin(xx * p) * np.sin(yy * p)) * 0.08
        img = base[None, None] * (0.9 + weave[..., None] + 0.15 * lowfreq_noise(nrng, sh, sw, 3)[..., None])
        if r.random() < 0.4:  # batik-ish blobs
            blobs = (lowfreq_noise(nrng, sh, sw, 18) > 0.6).astype(np.float32)
            img = img * (1 - 0.35 * blobs[..., None])
    elif kind == "desk":
        g = r.uniform(120, 235)
        base = np.array([g + r.uniform(-15, 15), g + r.uniform(-15, 15), g + r.uniform(-15, 15)], np.float32)
        img = base[None, None] * (0.9 + 0.15 * lowfreq_noise(nrng, sh, sw, 2)[..., None]) * np.ones((sh, sw, 1), np.float32)
    elif kind == "paper":
        img = np.ones((sh, sw, 3), np.float32) * np.array([245, 243, 235], np.float32)
        step = r.randint(6, 12)
        for yy_ in range(r.randint(0, step), sh, step):
            img[yy_] = img[yy_] * 0.9 + np.array([120, 150, 220]) * 0.1
    elif kind == "tiles":
        base = np.array([r.uniform(150, 230)] * 3, np.float32) + np.array([r.uniform(-20, 20) for _ in range(3)], np.float32)
        img = np.ones((sh, sw, 3), np.float32) * base
        step = r.randint(25, 70)
        img[::step] *= 0.6
        img[:, ::step] *= 0.6
    elif kind == "dark":
        img = np.ones((sh, sw, 3), np.float32) * r.uniform(15, 50) + 10 * lowfreq_noise(nrng, sh, sw, 4)[..., None]
    elif kind == "palm":
        skin = np.array([r.uniform(170, 230), r.uniform(120, 175), r.uniform(90, 140)], np.float32)
        img = np.ones((sh, sw, 3), np.float32) * r.uniform(40, 200)
        m = np.zeros((sh, sw), np.uint8)
        cv2.ellipse(m, (int(sw * r.uniform(0.3, 0.7)), int(sh * r.uniform(0.4, 0.7))),
                    (int(sw * r.uniform(0.35, 0.6)), int(sh * r.uniform(0.35, 0.6))), r.uniform(0, 180), 0, 360, 255, -1)
        m = cv2.GaussianBlur(m, (0, 0), 3).astype(np.float32)[..., None] / 255
        img = img * (1 - m) + skin * (0.85 + 0.2 * lowfreq_noise(nrng, sh, sw, 3)[..., None]) * m
    else:  # clutter
        img = np.ones((sh, sw, 3), np.float32) * np.array([r.uniform(90, 220) for _ in range(3)], np.float32)
        for _ in range(r.randint(4, 12)):
            col = tuple(float(r.uniform(0, 255)) for _ in range(3))
            if r.random() < 0.5:
                x0, y0 = r.uniform(0, sw), r.uniform(0, sh)
                cv2.rectangle(img, (int(x0), int(y0)), (int(x0 + r.uniform(10, sw / 3)), int(y0 + r.uniform(5, sh / 3))), col, -1)
            else:
                cv2.circle(img, (int(r.uniform(0, sw)), int(r.uniform(0, sh))), int(r.uniform(3, sw / 8)), col, -1)
            if r.random() < 0.3:  # a pen
                p0 = (int(r.uniform(0, sw)), int(r.uniform(0, sh)))
                a = r.uniform(0, math.pi)
                p1 = (int(p0[0] + math.cos(a) * sw / 4), int(p0[1] + math.sin(a) * sw / 4))
                cv2.line(img, p0, p1, col, max(2, sw // 80))
    img = cv2.resize(np.clip(img, 0, 255).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    img += nrng.normal(0, r.uniform(1, 4), (h, w, 1)).astype(np.float32)
    return img


def card_quad(r, cw, ch, Wf, Hf, fill, rot_deg, persp):
    """Destination corners (TL, TR, BR, BL) for a cw x ch card."""
    pts = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]], np.float32)
    # perspective: scale one side, shear
    s = persp
    k = r.choice(["lr", "tb", "both"])
    if k in ("lr", "both"):
        f = 1 + r.uniform(-s, s)
        pts[[1, 2], 1] *= f
        pts[[0, 3], 1] /= f
    if k in ("tb", "both"):
        f = 1 + r.uniform(-s, s)
        pts[[2, 3], 0] *= f
        pts[[0, 1], 0] /= f
    pts += np.array([[r.uniform(-s, s) * cw * 0.3, r.uniform(-s, s) * ch * 0.3] for _ in range(4)], np.float32)
    a = math.radians(rot_deg)
    R = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]], np.float32)  # counter-clockwise on screen
    pts = pts @ R.T
    bw = pts[:, 0].max() - pts[:, 0].min()
    bh = pts[:, 1].max() - pts[:, 1].min()
    sc = fill * min(Wf / bw, Hf / bh)
    pts *= sc
    bw, bh = bw * sc, bh * sc
    cx = r.uniform(bw / 2, Wf - bw / 2) if Wf > bw else Wf / 2
    cy = r.uniform(bh / 2, Hf - bh / 2) if Hf > bh else Hf / 2
    pts += np.array([cx - (pts[:, 0].max() + pts[:, 0].min()) / 2, cy - (pts[:, 1].max() + pts[:, 1].min()) / 2], np.float32)
    return pts, sc


def bend(r, rgb, alpha, amt):
    """Slight cylindrical bend of the card texture (amt = fraction of height)."""
    H, W = alpha.shape
    pad = int(abs(amt) * H) + 2
    rgb = cv2.copyMakeBorder(rgb, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0))
    alpha = cv2.copyMakeBorder(alpha, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=0)
    xs = np.arange(W, dtype=np.float32)
    off = (amt * H * (np.sin(np.pi * xs / W) - 0.5)).astype(np.float32)
    mx = np.tile(xs[None, :], (H + 2 * pad, 1))
    my = np.arange(H + 2 * pad, dtype=np.float32)[:, None] + off[None, :]
    rgb = cv2.remap(rgb, mx, my, cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    alpha = cv2.remap(alpha, mx, my, cv2.INTER_LINEAR, borderValue=0)
    return rgb, alpha, pad


def draw_finger(img, r, p, direction, width, length, eff_list):
    """A finger (thumb) entering along `direction` (unit vec pointing into the card) ending at p."""
    h, w = img.shape[:2]
    skin = np.array([r.uniform(150, 225), r.uniform(100, 165), r.uniform(75, 130)], np.float32)
    m = np.zeros((h, w), np.uint8)
    dx, dy = direction
    tip = np.array(p, np.float32)
    base = tip - np.array([dx, dy], np.float32) * length
    cv2.line(m, tuple(int(v) for v in base), tuple(int(v) for v in tip), 255, int(width))
    cv2.circle(m, tuple(int(v) for v in tip), int(width / 2), 255, -1)
    mf = cv2.GaussianBlur(m, (0, 0), max(1, width / 25)).astype(np.float32) / 255
    # shading across the finger
    dist = cv2.distanceTransform((m > 0).astype(np.uint8), cv2.DIST_L2, 3).astype(np.float32)
    shade = np.clip(dist / (width / 2 + 1e-3), 0, 1) ** 0.5
    col = skin[None, None] * (0.6 + 0.45 * shade[..., None])
    # nail near the tip
    nail = np.zeros((h, w), np.uint8)
    nc = tip - np.array([dx, dy], np.float32) * width * 0.35
    cv2.ellipse(nail, tuple(int(v) for v in nc), (int(width * 0.28), int(width * 0.36)),
                math.degrees(math.atan2(dy, dx)) + 90, 0, 360, 255, -1)
    nf = cv2.GaussianBlur(nail, (0, 0), max(1, width / 30)).astype(np.float32)[..., None] / 255 * 0.5
    col = col * (1 - nf) + np.array([235, 200, 190], np.float32) * nf
    # shadow of the finger
    sm = cv2.GaussianBlur(m, (0, 0), width / 4).astype(np.float32) / 255
    sm = np.roll(sm, (int(width * 0.15), int(width * 0.1)), (0, 1))
    img *= (1 - 0.35 * sm[..., None])
    img[:] = img * (1 - mf[..., None]) + col * mf[..., None]
    eff_list.append({"width_px": int(width)})


def motion_kernel(length, ang):
    k = max(3, int(length) | 1)
    ker = np.zeros((k, k), np.float32)
    c = k // 2
    dx, dy = math.cos(ang), math.sin(ang)
    for t in np.linspace(-c, c, k * 2):
        ker[int(round(c + dy * t)), int(round(c + dx * t))] = 1
    return ker / ker.sum()


def disk_kernel(rad):
    k = int(math.ceil(rad)) * 2 + 1
    ker = np.zeros((k, k), np.float32)
    cv2.circle(ker, (k // 2, k // 2), max(1, int(round(rad))), 1.0, -1, cv2.LINE_AA)
    return ker / ker.sum()


def screenshot(r, photo_u8, eff):
    """Put the photo into a phone UI screenshot."""
    sw, sh = r.choice([(1080, 2400), (720, 1600), (1170, 2532), (1080, 2340), (1440, 3200), (828, 1792)])
    style = r.choice(["gallery", "chat"])
    ph, pw = photo_u8.shape[:2]
    if style == "gallery":
        canvas = np.zeros((sh, sw, 3), np.uint8)
        sc = min(sw / pw, (sh * 0.8) / ph)
        nw, nh = int(pw * sc), int(ph * sc)
        x0, y0 = (sw - nw) // 2, (sh - nh) // 2
        bar_col, txt_col = (0, 0, 0), (240, 240, 240)
    else:
        canvas = np.full((sh, sw, 3), (r.randint(215, 236), r.randint(215, 232), r.randint(200, 225)), np.uint8)
        sc = min(sw * 0.72 / pw, (sh * 0.6) / ph)
        nw, nh = int(pw * sc), int(ph * sc)
        x0, y0 = int(sw * r.uniform(0.04, 0.24)), int(sh * r.uniform(0.15, 0.3))
        cv2.rectangle(canvas, (x0 - 8, y0 - 8), (x0 + nw + 8, y0 + nh + 40), (255, 255, 255) if r.random() < 0.5 else (220, 248, 198), -1)
        bar_col, txt_col = (r.randint(0, 40), r.randint(80, 130), r.randint(70, 110)), (255, 255, 255)
    im_small = cv2.resize(photo_u8, (nw, nh), interpolation=cv2.INTER_AREA)
    canvas[y0:y0 + nh, x0:x0 + nw] = im_small
    pil = Image.fromarray(canvas)
    d = ImageDraw.Draw(pil)
    sb = int(sh * 0.035)
    d.rectangle([0, 0, sw, sb], fill=bar_col)
    f = font("opensans_semi", sb * 0.6)
    d.text((sw * 0.05, sb / 2), "%02d:%02d" % (r.randint(6, 23), r.randint(0, 59)), font=f, fill=txt_col, anchor="lm")
    d.rectangle([sw * 0.86, sb * 0.3, sw * 0.93, sb * 0.7], outline=txt_col, width=2)
    d.rectangle([sw * 0.865, sb * 0.35, sw * 0.865 + sw * 0.06 * r.uniform(0.2, 1), sb * 0.65], fill=txt_col)
    if style == "chat":
        d.rectangle([0, sb, sw, sb * 2.6], fill=bar_col)
        d.text((sw * 0.2, sb * 1.8), r.choice(["Ibu", "Pak RT", "Admin Leasing", "Grup Keluarga", "CS Bank"]), font=f, fill=txt_col, anchor="lm")
        d.text((x0 + nw - 10, y0 + nh + 20), "%02d.%02d" % (r.randint(0, 23), r.randint(0, 59)), font=font("opensans", sb * 0.45), fill=(120, 120, 120), anchor="rm")
        d.rectangle([0, sh - sb * 2, sw, sh], fill=(240, 240, 240))
    else:
        for k in range(4):
            cx = sw * (0.15 + 0.23 * k)
            d.ellipse([cx - sb * 0.4, sh - sb * 1.6, cx + sb * 0.4, sh - sb * 0.8], outline=txt_col, width=3)
    eff["screenshot"] = {"style": style, "size": [sw, sh], "photo_scale": round(sc, 3)}
    return np.asarray(pil), sc
