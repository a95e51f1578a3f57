"""Photograph a card: background, hand, perspective, light, blur, noise, screenshots."""

import math

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from .fonts import font
from .drawing import gradient_v, smooth_noise


def make_background(rng, nrng, w, h, kind):
    """Background at half resolution (surfaces are slightly out of focus anyway), upscaled."""
    W2, H2 = max(8, w // 2), max(8, h // 2)
    if kind == "wood":
        base = np.array([rng.randint(110, 185), rng.randint(70, 115), rng.randint(35, 70)], np.float32)
        vertical = rng.random() < 0.5
        gw, gh = (H2, W2) if vertical else (W2, H2)
        n = smooth_noise(nrng, gh, gw, max(gw, gh) / 3, 2)
        n2 = smooth_noise(nrng, gh, max(4, gw // 12), 6, 2)
        n2 = cv2.resize(n2, (gw, gh), interpolation=cv2.INTER_LINEAR)
        yy = np.linspace(0, 1, gh, dtype=np.float32)[:, None]
        grain = np.sin((yy * rng.uniform(40, 90) + n * 0.8) * math.pi) * 0.5 + 0.5 * n2
        planks = (np.floor(yy * rng.uniform(2, 5) + 0.0) % 2).astype(np.float32) * rng.uniform(-0.08, 0.08)
        g = grain * 0.09 + planks
        if vertical:
            g = g.T
        arr = base[None, None] * (1 + g[..., None])
    elif kind == "sheet":
        base = np.array(rng.choice([(235, 235, 238), (200, 215, 235), (235, 212, 215), (212, 228, 210), (240, 230, 205)]), np.float32)
        n = smooth_noise(nrng, H2, W2, max(W2, H2) / 5, 3)
        folds = np.abs(smooth_noise(nrng, H2, W2, max(W2, H2) / 8, 2))
        arr = base[None, None] * (0.93 + 0.06 * n[..., None] - 0.12 * folds[..., None])
    elif kind == "cloth":
        c1 = np.array([rng.randint(60, 230) for _ in range(3)], np.float32)
        c2 = c1 * rng.uniform(0.55, 0.85) + np.array([rng.randint(0, 60) for _ in range(3)], np.float32)
        yy, xx = np.mgrid[0:H2, 0:W2].astype(np.float32)
        p = rng.uniform(12, 45) * max(W2, H2) / 750
        a = rng.uniform(0, math.pi)
        u = xx * math.cos(a) + yy * math.sin(a)
        v = -xx * math.sin(a) + yy * math.cos(a)
        pat = rng.choice(["checks", "stripes", "dots"])
        if pat == "checks":
            m = ((np.floor(u / p) % 2) * 0.5 + (np.floor(v / p) % 2) * 0.5).astype(np.float32)
        elif pat == "stripes":
            m = (np.sin(u / p * math.pi) > 0.2).astype(np.float32)
        else:
            m = ((((u % p) - p / 2) ** 2 + ((v % p) - p / 2) ** 2) < (p * 0.22) ** 2).astype(np.float32)
        m = cv2.GaussianBlur(m, (0, 0), 0.8)
        arr = c1[None, None] * (1 - m[..., None]) + c2[None, None] * m[..., None]
        arr *= (0.92 + 0.08 * smooth_noise(nrng, H2, W2, max(W2, H2) / 4, 2))[..., None]
    elif kind == "room":
        arr = gradient_v(W2, H2, tuple(rng.randint(90, 220) for _ in range(3)), tuple(rng.randint(40, 170) for _ in range(3)))
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        d = ImageDraw.Draw(im)
        for _ in range(rng.randint(3, 8)):
            x, y = rng.uniform(0, W2), rng.uniform(0, H2)
            d.rectangle([x, y, x + rng.uniform(0.1, 0.5) * W2, y + rng.uniform(0.1, 0.6) * H2],
                        fill=tuple(rng.randint(40, 220) for _ in range(3)))
        arr = np.asarray(im.filter(ImageFilter.GaussianBlur(max(W2, H2) / 60)), np.float32)
    else:  # plain table top: muted colours
        hue = np.array([rng.randint(60, 240) for _ in range(3)], np.float32)
        grey = hue.mean()
        base = grey + (hue - grey) * rng.uniform(0.2, 0.6)
        arr = base[None, None] * (0.93 + 0.07 * smooth_noise(nrng, H2, W2, max(W2, H2) / 3, 3)[..., None])
    arr = cv2.resize(np.ascontiguousarray(arr, dtype=np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    return np.clip(arr, 0, 255)


def skin_color(rng):
    return np.array(rng.choice([(225, 180, 150), (200, 150, 115), (175, 125, 90), (140, 95, 65), (235, 195, 165)]), np.float32)


def lowres_layer(w, h, q, draw_fn, blur):
    """Draw a soft mask at 1/q resolution (coordinates given in full-res px), return full-res HxWx1."""
    wl, hl = max(2, w // q), max(2, h // q)
    m = Image.new("L", (wl, hl), 0)
    draw_fn(ImageDraw.Draw(m), 1.0 / q)
    if blur > 0:
        m = m.filter(ImageFilter.GaussianBlur(float(blur) / q))
    a = cv2.resize(np.asarray(m, np.float32) / 255.0, (w, h), interpolation=cv2.INTER_LINEAR)
    return a[..., None]


def photograph(rng, nrng, render_fn, aspect_hint=None, allow_hand=True, min_card_px=640):
    """render_fn(card_width_px) -> (RGBA card PIL, info dict, cap height px). Returns PIL RGB, effects."""
    eff = {}
    asp = rng.choice([4 / 3, 4 / 3, 16 / 9, 3 / 4, 3 / 4, 9 / 16, 1.0])
    frac = rng.uniform(0.3, 0.9)
    card_ratio = aspect_hint or (54 / 85.6)
    # card height must fit the frame: frac*FW*card_ratio <= 0.85*FH
    frac = min(frac, 0.85 / (asp * card_ratio) * 0.92)
    long_factor = max(1.0, 1 / asp)   # L = FW * long_factor
    minL = min_card_px / frac * long_factor
    if minL > 3000:
        frac = min_card_px * long_factor / 3000.0
        minL = 3000
    L = int(rng.uniform(max(800, minL), 3000))
    if asp >= 1:
        FW, FH = L, int(L / asp)
    else:
        FH, FW = L, int(L * asp)
    cw = frac * FW
    eff["frame"] = [FW, FH]
    eff["card_fill"] = round(frac, 3)

    # cards are drawn at most ~1700 px wide (a phone lens/sensor would not resolve more detail)
    card, info, cap = render_fn(int(min(cw * rng.uniform(1.0, 1.12), rng.uniform(1500, 1800))))
    cw0, ch0 = card.size
    s = cw / cw0
    cap *= s
    eff.update(info)

    held = allow_hand and rng.random() < 0.22
    bgk = "room" if held and rng.random() < 0.7 else rng.choice(["wood", "wood", "sheet", "sheet", "cloth", "table", "table"])
    eff["background"] = bgk
    img = make_background(rng, nrng, FW, FH, bgk)

    # --- geometry: 3D rotation + in-plane tilt
    tilt = rng.uniform(-15, 15)
    ax, ay = math.radians(rng.uniform(-22, 22)), math.radians(rng.uniform(-22, 22))
    if rng.random() < 0.3:
        ax, ay = ax * 0.2, ay * 0.2
    eff["tilt"] = round(tilt, 2)
    eff["perspective"] = [round(math.degrees(ax), 1), round(math.degrees(ay), 1)]
    f = 1.3 * max(FW, FH)
    hw, hh = cw / 2, cw * ch0 / cw0 / 2
    corners = []
    ct, st = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    for (x, y) in [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]:
        # proper rotation of the card plane: Ry(ay) @ Rx(ax)
        x1 = x * math.cos(ay) + y * math.sin(ax) * math.sin(ay)
        y1 = y * math.cos(ax)
        z = -x * math.sin(ay) + y * math.sin(ax) * math.cos(ay)
        px, py = x1 * f / (f + z), y1 * f / (f + z)
        corners.append((px * ct - py * st, px * st + py * ct))
    cs = np.array(corners)
    minx, miny = cs.min(0)
    maxx, maxy = cs.max(0)
    sc = float(min(1.0, 0.94 * FW / (maxx - minx), 0.94 * FH / (maxy - miny)))
    cs *= sc
    cap *= sc
    minx, miny = cs.min(0)
    maxx, maxy = cs.max(0)
    lo, hi = -minx + 0.02 * FW, FW - maxx - 0.02 * FW
    cx = rng.uniform(lo, hi) if hi > lo else FW / 2
    lo, hi = -miny + 0.02 * FH, FH - maxy - 0.02 * FH
    cy = rng.uniform(lo, hi) if hi > lo else FH / 2
    dst = (cs + np.array([cx, cy])).astype(np.float32)
    src = np.array([[0, 0], [cw0, 0], [cw0, ch0], [0, ch0]], np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(np.asarray(card), M, (FW, FH), flags=cv2.INTER_AREA if s < 0.8 else cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    alpha = warped[..., 3:4].astype(np.float32) * (1 / 255.0)
    col = warped[..., :3].astype(np.float32)
    eff["cap_height_px"] = round(cap, 1)

    def card_pt(u, v):
        p = M @ np.array([u * cw0, v * ch0, 1.0])
        return p[0] / p[2], p[1] / p[2]

    q = 4
    big = max(FW, FH)
    # --- drop shadow (low res)
    off = np.array([rng.uniform(-1, 1), rng.uniform(0.2, 1)]) * big * 0.008
    quad = [tuple(p) for p in dst]
    shadow = lowres_layer(FW, FH, q, lambda d, r: d.polygon([((x + off[0]) * r, (y + off[1]) * r) for x, y in quad], fill=255),
                          big * 0.006 + 2)
    shadow *= -rng.uniform(0.3, 0.55)
    shadow += 1.0
    img *= shadow
    del shadow

    # --- hand: palm behind card, thumb over an edge
    skin = skin_color(rng)
    thumb = None
    if held:
        side = rng.choice(["right", "bottom", "left_bottom", "bottom_right"])
        eff["hand"] = side
        if side == "right":
            tip = (1.0 - rng.uniform(0.04, 0.1), rng.uniform(0.55, 0.85)); base = (1.3, tip[1] + 0.2)
        elif side == "bottom":
            tip = (rng.uniform(0.5, 0.7), 1.0 - rng.uniform(0.05, 0.1)); base = (tip[0] + 0.08, 1.5)
        elif side == "left_bottom":
            tip = (rng.uniform(0.05, 0.1), rng.uniform(0.88, 0.94)); base = (-0.3, 1.2)
        else:
            tip = (rng.uniform(0.88, 0.95), rng.uniform(0.86, 0.93)); base = (1.25, 1.25)
        tx, ty = map(float, card_pt(*tip))
        bx, by = map(float, card_pt(*base))
        tr = cw * sc * 0.06
        vx, vy = bx - tx, by - ty
        nv = math.hypot(vx, vy) + 1e-6
        ccx, ccy = tx + vx / nv * tr, ty + vy / nv * tr      # centre of the round thumb end
        pr = cw * sc * 0.33
        palm = lowres_layer(FW, FH, q, lambda d, r: d.ellipse([(bx - pr) * r, (by - pr * 0.8) * r, (bx + pr) * r, (by + pr * 0.8) * r], fill=255), pr * 0.1)
        img = img * (1 - palm) + (skin * 0.85)[None, None] * palm
        thumb = lowres_layer(FW, FH, 2, lambda d, r: (d.line([(bx * r, by * r), (ccx * r, ccy * r)], fill=255, width=max(1, int(tr * 2 * r))),
                                                     d.ellipse([(ccx - tr) * r, (ccy - tr) * r, (ccx + tr) * r, (ccy + tr) * r], fill=255)), tr * 0.12)
        tshade = lowres_layer(FW, FH, q, lambda d, r: (d.line([(bx * r, by * r), (ccx * r, ccy * r)], fill=255, width=max(1, int(tr * 2 * r))),
                                                      d.ellipse([(ccx - tr) * r, (ccy - tr) * r, (ccx + tr) * r, (ccy + tr) * r], fill=255)), tr * 0.9)

    col -= img
    col *= alpha
    img += col
    del col, warped
    if thumb is not None:
        img *= (1 - 0.4 * np.clip(tshade - thumb, 0, 1))          # soft shadow of the thumb on the card
        shade = skin[None, None] * (0.62 + 0.45 * tshade)        # rounded look
        img = img * (1 - thumb) + shade * thumb
        # nail
        nail = lowres_layer(FW, FH, 2, lambda d, r: d.ellipse([(ccx - tr * 0.5) * r, (ccy - tr * 0.55) * r, (ccx + tr * 0.5) * r, (ccy + tr * 0.55) * r], fill=255), tr * 0.2)
        img = img * (1 - 0.35 * nail) + 240 * 0.35 * nail

    # --- low-frequency light map: lamp fall-off, vignette, phone shadow, glare
    ql = 8
    wl, hl = max(2, FW // ql), max(2, FH // ql)
    yy, xx = np.mgrid[0:hl, 0:wl].astype(np.float32)
    xx *= ql
    yy *= ql
    lx_, ly_ = rng.uniform(-0.3, 1.3) * FW, rng.uniform(-0.3, 1.3) * FH
    dd = np.sqrt((xx - lx_) ** 2 + (yy - ly_) ** 2) / big
    light = 1.0 - rng.uniform(0.05, 0.35) * np.clip(dd, 0, 1.5)
    vr2 = ((xx - FW / 2) / FW) ** 2 + ((yy - FH / 2) / FH) ** 2
    light *= 1 - rng.uniform(0, 0.35) * vr2 * 2
    if rng.random() < 0.3:
        strength = rng.uniform(0.2, 0.55)
        ang = rng.uniform(0, 2 * math.pi)
        ex, ey = card_pt(rng.uniform(0.15, 0.85), rng.uniform(0.15, 0.85))
        pw_, ph_ = big * rng.uniform(0.35, 0.6), big * rng.uniform(0.7, 1.1)
        ox, oy = ex + math.cos(ang) * pw_ * 0.55, ey + math.sin(ang) * pw_ * 0.55
        rect = cv2.boxPoints(((ox / ql, oy / ql), (pw_ / ql, ph_ / ql), math.degrees(ang) + rng.uniform(-20, 20)))
        m = Image.new("L", (wl, hl), 0)
        ImageDraw.Draw(m).polygon([tuple(p) for p in rect], fill=255)
        m = m.filter(ImageFilter.GaussianBlur(big * rng.uniform(0.006, 0.03) / ql))
        light *= 1 - strength * np.asarray(m, np.float32) / 255.0
        eff["phone_shadow"] = round(strength, 2)
    glare = None
    if rng.random() < 0.4:
        peak = rng.uniform(0.35, 0.7)
        gx, gy = card_pt(rng.uniform(0, 1), rng.uniform(0, 1))
        gr = cw * sc * rng.uniform(0.05, 0.22)
        asp_g = rng.uniform(1, 3)
        a = rng.uniform(0, math.pi)
        u = (xx - gx) * math.cos(a) + (yy - gy) * math.sin(a)
        v = -(xx - gx) * math.sin(a) + (yy - gy) * math.cos(a)
        glare = np.clip(np.exp(-((u / (gr * asp_g)) ** 2 + (v / gr) ** 2)) * 1.3, 0, 1) * peak
        eff["glare"] = round(peak, 2)

    # exposure and colour cast folded into the light map
    r = rng.random()
    if r < 0.15:
        gain = rng.uniform(0.4, 0.7); eff["exposure"] = "dim"
    elif r < 0.27:
        gain = rng.uniform(1.25, 1.6); eff["exposure"] = "over"
    else:
        gain = rng.uniform(0.85, 1.12)
    eff["gain"] = round(gain, 2)
    cast = np.array([rng.uniform(0.9, 1.1), rng.uniform(0.95, 1.05), rng.uniform(0.85, 1.1)], np.float32)
    lm = cv2.resize(light.astype(np.float32), (FW, FH), interpolation=cv2.INTER_LINEAR)[..., None]
    img *= lm * (gain * cast)[None, None]
    if glare is not None:
        gl = cv2.resize(glare.astype(np.float32), (FW, FH), interpolation=cv2.INTER_LINEAR)[..., None]
        gl *= (alpha * 0.8 + 0.2)
        img = img * (1 - gl) + 255 * gl
    # noise (luma full res, chroma at half res)
    ns = rng.uniform(1.5, 4) * (2.2 if gain < 0.75 else 1.0)
    # sensor noise: a random 509x509 tile (luma + half-res chroma), tiled with a random offset
    T = 509
    tile = nrng.standard_normal((T, T, 1), dtype=np.float32) * ns + \
        cv2.resize(nrng.standard_normal((T // 2, T // 2, 3), dtype=np.float32), (T, T)) * (ns * 0.6)
    reps = (FH // T + 2, FW // T + 2, 1)
    oy, ox = rng.randrange(T), rng.randrange(T)
    img += np.tile(tile, reps)[oy:oy + FH, ox:ox + FW]
    eff["noise"] = round(ns, 2)
    out = np.clip(img, 0, 255).astype(np.uint8)
    del img
    gamma = rng.uniform(0.8, 1.25)
    lut = np.clip(255.0 * (np.arange(256) / 255.0) ** gamma, 0, 255).astype(np.uint8)
    out = cv2.LUT(out, lut)
    eff["gamma"] = round(gamma, 2)

    # --- blur (after noise the camera would blur before; noise is small so order matters little)
    if rng.random() < 0.45:
        sig = max(0.4, cap * rng.uniform(0.04, 0.16))
        out = cv2.GaussianBlur(out, (0, 0), sig)
        eff["blur"] = round(sig, 2)
    if rng.random() < 0.2:
        ln = max(3, int(cap * rng.uniform(0.2, 0.6)))
        ker = np.zeros((ln, ln), np.float32)
        ker[ln // 2, :] = 1
        rot = cv2.getRotationMatrix2D((ln / 2 - 0.5, ln / 2 - 0.5), rng.uniform(0, 180), 1)
        ker = cv2.warpAffine(ker, rot, (ln, ln))
        ker /= ker.sum()
        out = cv2.filter2D(out, -1, ker)
        eff["motion_blur"] = ln

    # --- turns
    turn = 0
    if rng.random() < 0.2:
        turn = rng.choice([90, 180, 270])
        out = np.ascontiguousarray(np.rot90(out, k=turn // 90))   # counter-clockwise
    eff["rotation"] = turn
    im = Image.fromarray(out, "RGB")

    # --- screenshot chrome
    if rng.random() < 0.05:
        im = screenshot_chrome(rng, im)
        eff["screenshot"] = True
    return im, eff


def screenshot_chrome(rng, im):
    w, h = im.size
    sw = int(w * 1.0)
    bar = int(sw * 0.07)
    app = int(sw * 0.12)
    H = h + bar + 2 * app
    dark = rng.random() < 0.6
    bgc = (0, 0, 0) if dark else (250, 250, 250)
    fg = (240, 240, 240) if dark else (20, 20, 20)
    canvas = Image.new("RGB", (sw, H), bgc)
    canvas.paste(im, (0, bar + app))
    d = ImageDraw.Draw(canvas)
    f = font("roboto", "medium", bar * 0.5)
    d.text((bar * 0.6, bar * 0.7), "%02d:%02d" % (rng.randint(6, 22), rng.randint(0, 59)), font=f, fill=fg, anchor="ls")
    d.rounded_rectangle([sw - bar * 1.6, bar * 0.3, sw - bar * 0.6, bar * 0.7], radius=bar * 0.08, outline=fg, width=2)
    d.rectangle([sw - bar * 1.55, bar * 0.35, sw - bar * (1.55 - rng.uniform(0.2, 0.9)), bar * 0.65], fill=fg)
    for i in range(4):
        d.rectangle([sw - bar * 2.6 + i * bar * 0.18, bar * (0.65 - 0.08 * (i + 1)), sw - bar * 2.5 + i * bar * 0.18, bar * 0.65], fill=fg)
    d.line([(app * 0.3, bar + app * 0.5), (app * 0.55, bar + app * 0.3)], fill=fg, width=4)
    d.line([(app * 0.3, bar + app * 0.5), (app * 0.55, bar + app * 0.7)], fill=fg, width=4)
    for i in range(4):
        cx = sw * (0.15 + 0.23 * i)
        d.ellipse([cx - app * 0.15, H - app * 0.65, cx + app * 0.15, H - app * 0.35], outline=fg, width=3)
    return canvas
