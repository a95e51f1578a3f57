"""Photograph one card: glare, perspective, blur, noise, JPEG; render_one(seed, i)."""

import math
import random

import numpy as np
import cv2
from PIL import Image, ImageDraw, ImageFilter

from .identity import make_fields
from .card import draw_card
from .backgrounds import make_background


def glare_field(w, h, cx, cy, a, b, ang):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ca, sa = math.cos(ang), math.sin(ang)
    dx, dy = xx - cx, yy - cy
    u = (dx * ca + dy * sa) / a
    v = (-dx * sa + dy * ca) / b
    d2 = u * u + v * v
    return d2


def apply_glare(r, card, boxes, s):
    h, w = card.shape[:2]
    for attempt in range(60):
        a = r.uniform(0.1, 0.28) * w * (0.6 if attempt >= 30 else 1.0)
        b = a * r.uniform(0.35, 0.8)
        ang = r.uniform(0, math.pi)
        cx = r.uniform(0.05, 0.95) * w
        cy = r.uniform(0.05, 0.95) * h
        ok = True
        for key in ("nik", "nama", "ttl"):
            x0, y0, x1, y1 = boxes[key]
            gx, gy = np.meshgrid(np.linspace(x0, x1, 24), np.linspace(y0, y1, 5))
            ca, sa = math.cos(ang), math.sin(ang)
            u = ((gx - cx) * ca + (gy - cy) * sa) / a
            v = (-(gx - cx) * sa + (gy - cy) * ca) / b
            if np.min(u * u + v * v) < 1.6:  # intensity there would exceed ~0.25
                ok = False
                break
        if ok:
            break
    else:
        return card, None
    strength = r.uniform(0.75, 1.0)
    d2 = glare_field(w, h, cx, cy, a, b, ang)
    core = np.exp(-d2 * 0.9)
    g = strength * np.clip(core * 1.25, 0, 1) + 0.12 * np.exp(-d2 * 0.12)
    g = np.clip(g, 0, 1)[..., None]
    tint = np.array([255, 255, r.uniform(240, 255)], np.float32)
    out = card.astype(np.float32) * (1 - g) + tint * g
    return out, {"center": [round(cx / w, 3), round(cy / h, 3)], "axes_frac": [round(a / w, 3), round(b / w, 3)],
                 "strength": round(strength, 3)}


def project_card(r, cw, ch, target_w, FW, FH, focal):
    rot = math.radians(r.uniform(-20, 20))
    tx = math.radians(r.uniform(-18, 18))
    ty = math.radians(r.uniform(-18, 18))
    pts = np.array([[-cw / 2, -ch / 2, 0], [cw / 2, -ch / 2, 0], [cw / 2, ch / 2, 0], [-cw / 2, ch / 2, 0]],
                   np.float64)
    Rz = np.array([[math.cos(rot), -math.sin(rot), 0], [math.sin(rot), math.cos(rot), 0], [0, 0, 1]])
    Rx = np.array([[1, 0, 0], [0, math.cos(tx), -math.sin(tx)], [0, math.sin(tx), math.cos(tx)]])
    Ry = np.array([[math.cos(ty), 0, math.sin(ty)], [0, 1, 0], [-math.sin(ty), 0, math.cos(ty)]])
    P = pts @ (Ry @ Rx @ Rz).T
    Z = focal * cw / target_w
    proj = np.stack([focal * P[:, 0] / (Z + P[:, 2]), focal * P[:, 1] / (Z + P[:, 2])], 1)
    return proj, math.degrees(rot), math.degrees(tx), math.degrees(ty)


def disk_kernel(radius):
    R = int(math.ceil(radius)) + 1
    yy, xx = np.mgrid[-R:R + 1, -R:R + 1].astype(np.float32)
    k = np.clip(radius + 0.5 - np.sqrt(xx * xx + yy * yy), 0, 1)
    return k / k.sum()


def render_one(seed, i):
    r = random.Random("ktp-b-%d-%d" % (seed, i))
    nrng = np.random.default_rng([seed, i, 7031])
    fields, extra = make_fields(r)
    card, mask, boxes, s, cinfo = draw_card(r, nrng, fields, extra)
    effects = {"card": cinfo}

    # frame
    L = r.randint(1280, 4000)
    aspect = r.choices([4 / 3, 16 / 9, 3 / 2], [0.6, 0.25, 0.15])[0]
    portrait = r.random() < 0.28
    if portrait:
        FH, FW = L, int(round(L / aspect))
    else:
        FW, FH = L, int(round(L / aspect))
    fill = r.uniform(0.5, 0.95) if portrait else r.uniform(0.3, 0.9)
    min_card = 700
    target_w = max(fill * FW, min_card)
    focal = max(FW, FH) * r.uniform(0.75, 1.3)
    ch, cw = card.shape[:2]
    proj, rot, tx, ty = project_card(r, cw, ch, target_w, FW, FH, focal)
    # fit in frame with margin
    for _ in range(20):
        ext = proj.max(0) - proj.min(0)
        if ext[0] <= FW * 0.97 and ext[1] <= FH * 0.97:
            break
        proj *= 0.93
    ext = proj.max(0) - proj.min(0)
    ox = r.uniform(0, max(0.0, FW - ext[0])) - proj[:, 0].min()
    oy = r.uniform(0, max(0.0, FH - ext[1])) - proj[:, 1].min()
    # bias towards centre
    cxm, cym = FW / 2 - (proj[:, 0].max() + proj[:, 0].min()) / 2, FH / 2 - (proj[:, 1].max() + proj[:, 1].min()) / 2
    k = r.uniform(0.3, 1.0)
    ox, oy = ox * (1 - k) + cxm * k, oy * (1 - k) + cym * k
    dst = proj + np.array([ox, oy])
    card_w_px = float(np.linalg.norm(dst[1] - dst[0]))
    effects.update({"frame": [FW, FH], "fill": round(card_w_px / FW, 3), "rotation": round(rot, 2),
                    "tilt_x": round(tx, 2), "tilt_y": round(ty, 2), "focal_px": int(focal)})

    # pre-scale the card near output size (antialiasing)
    scale = min(1.0, card_w_px * 1.15 / cw)
    if scale < 0.95:
        nw, nh = int(cw * scale), int(ch * scale)
        card_s = cv2.resize(card, (nw, nh), interpolation=cv2.INTER_AREA)
        mask_s = cv2.resize(mask, (nw, nh), interpolation=cv2.INTER_AREA)
        boxes_s = {k: tuple(v * scale for v in b) for k, b in boxes.items()}
    else:
        card_s, mask_s, boxes_s = card, mask, boxes
        scale = 1.0
    card_f = card_s.astype(np.float32)

    # glare on the glossy card
    glare = None
    if r.random() < 0.4:
        card_f, glare = apply_glare(r, card_f, boxes_s, s * scale)
    effects["glare"] = glare

    # card gloss / shading gradient
    hs, ws = card_f.shape[:2]
    gx = np.linspace(-1, 1, ws, dtype=np.float32)[None, :]
    gy = np.linspace(-1, 1, hs, dtype=np.float32)[:, None]
    ga = r.uniform(0, 2 * math.pi)
    shade = 1.0 + r.uniform(0, 0.08) * (gx * math.cos(ga) + gy * math.sin(ga))
    card_f = card_f * shade[..., None]

    src = np.array([[0, 0], [ws, 0], [ws, hs], [0, hs]], np.float32)
    Hm = cv2.getPerspectiveTransform(src, dst.astype(np.float32))

    # ---- lighting field at low resolution: gradient + vignette + optional phone/hand shadow
    lw, lh = max(16, FW // 16), max(16, FH // 16)
    ly, lx = np.mgrid[0:lh, 0:lw].astype(np.float32)
    lx, ly = lx / lw - 0.5, ly / lh - 0.5
    la = r.uniform(0, 2 * math.pi)
    grad_amt = r.uniform(0, 0.35)
    light = 1.0 + grad_amt * (lx * math.cos(la) + ly * math.sin(la))
    vig = r.uniform(0, 0.4)
    light *= 1.0 - vig * (lx * lx + ly * ly) * 2.0
    occ = None
    if r.random() < 0.3:
        om = Image.new("L", (lw, lh), 0)
        od = ImageDraw.Draw(om)
        side = r.choice(["l", "r", "t", "b"])
        depth = r.uniform(0.15, 0.45)
        if side in ("l", "r"):
            xe = depth * lw if side == "l" else (1 - depth) * lw
            xs = -lw if side == "l" else 2 * lw
            od.polygon([(xs, r.uniform(-0.5, 0.3) * lh), (xe, r.uniform(-0.2, 0.4) * lh),
                        (xe + r.uniform(-0.1, 0.1) * lw, r.uniform(0.6, 1.2) * lh), (xs, 1.5 * lh)], fill=255)
        else:
            ye = depth * lh if side == "t" else (1 - depth) * lh
            ys = -lh if side == "t" else 2 * lh
            od.polygon([(r.uniform(-0.5, 0.3) * lw, ys), (r.uniform(-0.2, 0.4) * lw, ye),
                        (r.uniform(0.6, 1.2) * lw, ye + r.uniform(-0.1, 0.1) * lh), (1.5 * lw, ys)], fill=255)
        om = om.filter(ImageFilter.GaussianBlur(max(lw, lh) * r.uniform(0.02, 0.06)))
        ostr = r.uniform(0.2, 0.45)
        light *= 1.0 - ostr * np.asarray(om, np.float32) / 255.0
        occ = {"side": side, "strength": round(ostr, 2)}
    light = light.astype(np.float32)
    effects["lighting"] = {"gradient": round(grad_amt, 3), "vignette": round(vig, 3)}
    effects["occluder_shadow"] = occ

    # ---- background (generated at reduced resolution, lit, upscaled)
    bg_small, bgname = make_background(r, nrng, FW, FH)
    bh, bw = bg_small.shape[:2]
    bg_small *= cv2.resize(light, (bw, bh), interpolation=cv2.INTER_LINEAR)[..., None]
    bg = cv2.resize(np.clip(bg_small, 0, 255).astype(np.uint8), (FW, FH), interpolation=cv2.INTER_LINEAR)
    effects["background"] = bgname

    # ---- composite the card inside its ROI
    pad = int(card_w_px * 0.08) + 8
    x0 = max(0, int(dst[:, 0].min()) - pad)
    y0 = max(0, int(dst[:, 1].min()) - pad)
    x1 = min(FW, int(dst[:, 0].max()) + pad + 1)
    y1 = min(FH, int(dst[:, 1].max()) + pad + 1)
    T = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64)
    Hr = T @ Hm
    rw, rh = x1 - x0, y1 - y0
    wc = cv2.warpPerspective(card_f, Hr, (rw, rh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    wm = cv2.warpPerspective(mask_s, Hr, (rw, rh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    # light field for the ROI (sampled from the low-res field)
    Ml = np.float32([[lw / FW, 0, (x0 + 0.5) * lw / FW - 0.5], [0, lh / FH, (y0 + 0.5) * lh / FH - 0.5]])
    lroi = cv2.warpAffine(light, Ml, (rw, rh), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_REPLICATE)
    # soft contact shadow (blurred at reduced resolution)
    sblur = card_w_px * r.uniform(0.004, 0.015)
    sdx, sdy = card_w_px * r.uniform(-0.01, 0.01), card_w_px * r.uniform(0.0, 0.012)
    f = max(1.0, sblur / 3.0)
    sw, shh = max(4, int(rw / f)), max(4, int(rh / f))
    small = cv2.resize(wm, (sw, shh), interpolation=cv2.INTER_AREA)
    Ms = np.float32([[1, 0, sdx * sw / rw], [0, 1, sdy * shh / rh]])
    small = cv2.warpAffine(small, Ms, (sw, shh))
    small = cv2.GaussianBlur(small, (0, 0), max(0.5, sblur * sw / rw))
    sh = cv2.resize(small, (rw, rh), interpolation=cv2.INTER_LINEAR)
    sstr = r.uniform(0.25, 0.55)
    roi = bg[y0:y1, x0:x1].astype(np.float32)
    roi *= (1 - sstr * sh)[..., None]
    wm3 = wm[..., None]
    roi = roi * (1 - wm3) + wc * (lroi[..., None] * wm3)
    bg[y0:y1, x0:x1] = np.clip(roi, 0, 255).astype(np.uint8)
    effects["shadow"] = {"blur": round(sblur, 1), "strength": round(sstr, 2)}

    # ---- exposure, contrast, white balance, gamma as one per-channel LUT
    bright = r.uniform(0.7, 1.25)
    contrast = r.uniform(0.75, 1.2)
    wb = [r.uniform(0.88, 1.12) for _ in range(3)]
    gamma = r.uniform(0.85, 1.15)
    v = np.arange(256, dtype=np.float32)
    lut = np.zeros((1, 256, 3), np.uint8)
    for c in range(3):
        t = np.clip(v * bright * wb[c], 0, 255)
        t = np.clip((t - 128.0) * contrast + 128.0, 0, 255) / 255.0
        lut[0, :, c] = np.clip(t ** gamma * 255.0 + 0.5, 0, 255).astype(np.uint8)
    img8 = cv2.LUT(bg, lut)
    effects.update({"brightness": round(bright, 3), "contrast": round(contrast, 3),
                    "white_balance": [round(x, 3) for x in wb], "gamma": round(gamma, 3)})

    # ---- blur (capped at card width / 550 px for small cards)
    bmax = min(2.0, card_w_px / 550.0)
    btype = r.choices(["none", "gaussian", "defocus"], [0.2, 0.5, 0.3])[0]
    bval = 0.0
    if btype == "gaussian":
        bval = r.uniform(0.3, bmax)
        img8 = cv2.GaussianBlur(img8, (0, 0), bval)
    elif btype == "defocus":
        bval = r.uniform(0.6, bmax)
        img8 = cv2.filter2D(img8, -1, disk_kernel(bval))
    effects["blur_type"] = btype
    effects["blur"] = round(bval, 2)
    if r.random() < 0.3:
        bl = cv2.GaussianBlur(img8, (0, 0), 1.5)
        amt = r.uniform(0.3, 0.8)
        img8 = cv2.addWeighted(img8, 1 + amt, bl, -amt, 0)
        effects["sharpen"] = round(amt, 2)

    # ---- sensor noise: per-pixel luma + blotchy chroma
    sig = r.uniform(1.0, 7.0)
    # phone pipelines demosaic + denoise, so noise is slightly correlated: luma at 1/2, chroma at 1/3
    n = nrng.standard_normal((FH // 2 + 1, FW // 2 + 1), dtype=np.float32)
    n *= sig * 1.3
    cn = nrng.standard_normal((max(4, FH // 3), max(4, FW // 3), 3), dtype=np.float32) * (sig * 0.5)
    cn = cv2.resize(cn, (FW // 2 + 1, FH // 2 + 1), interpolation=cv2.INTER_LINEAR)
    cn += n[..., None]
    cn = cv2.resize(np.rint(cn).astype(np.int16), (FW, FH), interpolation=cv2.INTER_LINEAR)
    img8 = cv2.add(img8, cn, dtype=cv2.CV_8U)
    effects["noise"] = round(sig, 2)

    q = r.randint(30, 90)
    if card_w_px < 900:
        q = max(q, 45)
    effects["jpeg_quality"] = q
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(img8, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, q])
    assert ok
    return buf.tobytes(), fields, effects
