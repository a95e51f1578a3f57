"""Photograph one card: render_one(seed, i) gives the image, the fields and the effects."""

import math
import random

import numpy as np
import cv2

from .identity import gen_fields
from .drawing import fnormal
from .card import render_card
from .scene import SKINS, draw_finger, make_background, motion_kernel, screenshot


def render_one(seed, idx):
    rng = random.Random((seed * 1000003 + idx) * 7919 + 17)
    nrng = np.random.default_rng(rng.randrange(1 << 62))
    f, extra = gen_fields(rng)
    card, calpha, prot, cmeta, vs = render_card(rng, f, extra)
    H, W = card.shape[:2]
    eff = {}
    eff.update(cmeta)

    is_shot = rng.random() < 0.10
    rot_r = rng.random()
    rot = 0 if rot_r >= 0.35 else rng.choice([90, 90, 270, 270, 180])
    eff["rotation"] = rot
    # frame aspect (of the frame before final rotation: landscape for the card's own orientation)
    aspect = rng.choice([4 / 3, 4 / 3, 16 / 9, 3 / 2, 1.0, 3 / 4, 9 / 16])
    L = rng.randint(640, 2000)
    fill = rng.uniform(0.25, 0.95)
    if is_shot:
        L = rng.randint(1700, 2000)
        fill = rng.uniform(0.6, 0.95)

    # bend of the card
    bend = 0.0
    if rng.random() < 0.7:
        bend = rng.uniform(-0.018, 0.018)
        xs = np.arange(W, dtype=np.float32)
        pad = int(abs(bend) * H) + 3
        rgba = np.dstack([card, calpha * 255])
        rgba = cv2.copyMakeBorder(rgba, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=0)
        mx2, my2 = np.meshgrid(xs, np.arange(H + 2 * pad, dtype=np.float32))
        off2 = bend * H * (1 - ((2 * mx2 / W - 1) ** 2))
        warped = cv2.remap(rgba, mx2, (my2 - off2).astype(np.float32), cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_CONSTANT, borderValue=0)
        card, calpha = warped[..., :3], warped[..., 3] / 255.0
        prot = [(a, b + pad - abs(bend) * H, c, d + pad + abs(bend) * H) for a, b, c, d in prot]
        H = card.shape[0]
        # lighting across the bend
        card = card * (1 + 0.06 * np.sign(bend) * np.linspace(-1, 1, W, dtype=np.float32) ** 2)[None, :, None]
    eff["bend"] = round(bend, 4)

    # scene size (before rotation)
    if aspect >= 1:
        Ws, Hs = L, int(round(L / aspect))
    else:
        Hs, Ws = L, int(round(L * aspect))
    cardH0 = W * 54 / 85.6
    max_fill = min((Ws * 0.96) ** 2 / (W * W) , (Hs * 0.96) ** 2 / (cardH0 * cardH0)) * (W * cardH0) / (Ws * Hs)
    tilt = rng.gauss(0, 5) if rng.random() < 0.8 else rng.uniform(-20, 20)
    tilt = max(-20, min(20, tilt))
    # account for tilt bounding box
    th = math.radians(abs(tilt))
    bw_f = math.cos(th) + (cardH0 / W) * math.sin(th)
    bh_f = (cardH0 / W) * math.cos(th) + math.sin(th)
    sc_max = min(Ws * 0.96 / (W * bw_f), Hs * 0.96 / (W * bh_f))
    # minimum legible card width (px)
    min_cw = 600 if not is_shot else 1000
    sc_fill = math.sqrt(fill * Ws * Hs / (W * cardH0))
    sc = min(sc_fill, sc_max)
    if W * sc < min_cw:
        need = min_cw / (W * sc)
        sc = min(sc * need, sc_max)
        if W * sc < min_cw:  # enlarge frame
            g = min_cw / (W * sc)
            Ws, Hs = int(Ws * g), int(Hs * g)
            sc *= g
            sc_max *= g
    eff["fill"] = round((W * sc) * (cardH0 * sc) / (Ws * Hs), 3)
    eff["tilt_deg"] = round(tilt, 2)
    cw = W * sc
    # card corner positions
    ca, sa = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    bbw, bbh = cw * bw_f, cw * bh_f
    cx = rng.triangular(bbw / 2 + 0.02 * Ws, Ws - bbw / 2 - 0.02 * Ws) if Ws - bbw > 0.04 * Ws else Ws / 2
    cy = rng.triangular(bbh / 2 + 0.02 * Hs, Hs - bbh / 2 - 0.02 * Hs) if Hs - bbh > 0.04 * Hs else Hs / 2
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    pts = []
    persp = rng.uniform(0, 0.06)
    for (x, y) in src:
        dx, dy = (x - W / 2) * sc, (y - H / 2) * sc
        px = cx + dx * ca - dy * sa
        py = cy + dx * sa + dy * ca
        pts.append([px + rng.uniform(-persp, persp) * cw * 0.5, py + rng.uniform(-persp, persp) * cw * 0.5])
    dst = np.float32(pts)
    eff["perspective"] = round(persp, 3)
    Mh = cv2.getPerspectiveTransform(src, dst)

    bg, bgkind = make_background(rng, Hs, Ws, nrng)
    eff["background"] = bgkind
    # pre-shrink card to avoid aliasing
    pre = min(1.0, sc * 1.3)
    if pre < 0.95:
        cs = cv2.resize(np.dstack([card, calpha]), (int(W * pre), int(H * pre)), interpolation=cv2.INTER_AREA)
        S = np.float32([[1 / pre, 0, 0], [0, 1 / pre, 0], [0, 0, 1]])
        Mw = Mh @ S
    else:
        cs = np.dstack([card, calpha])
        Mw = Mh
    warped = cv2.warpPerspective(cs, Mw, (Ws, Hs), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                                 borderValue=0)
    wcard, walpha = warped[..., :3], np.clip(warped[..., 3], 0, 1)
    # drop shadow / thickness under card
    sw4, sh4 = max(8, Ws // 4), max(8, Hs // 4)
    sh = cv2.resize(walpha, (sw4, sh4), interpolation=cv2.INTER_AREA)
    sh = cv2.GaussianBlur(sh, (0, 0), max(0.6, cw * 0.01 / 4))
    sh = cv2.warpAffine(sh, np.float32([[1, 0, cw * 0.006 / 4], [0, 1, cw * 0.01 / 4]]), (sw4, sh4))
    sh = cv2.resize(sh, (Ws, Hs), interpolation=cv2.INTER_LINEAR)
    scene = bg * (1 - rng.uniform(0.2, 0.45) * sh)[..., None]

    # hand-held: palm behind the card
    skin = rng.choice(SKINS)
    if bgkind == "handheld":
        side = rng.choice(["bottom", "left", "right", "bottom"])
        ccen = dst.mean(axis=0)
        if side == "bottom":
            edge_mid = (dst[2] + dst[3]) / 2 + (dst[2] - dst[3]) * rng.uniform(-0.25, 0.25)
        elif side == "left":
            edge_mid = (dst[0] + dst[3]) / 2
        else:
            edge_mid = (dst[1] + dst[2]) / 2
        out = edge_mid - ccen
        out /= np.linalg.norm(out) + 1e-6
        tipp = edge_mid - out * cw * rng.uniform(0.05, 0.2)
        draw_finger(rng, scene, tipp, -out, cw * rng.uniform(0.2, 0.28), Hs, Ws, nail=False, skin=skin,
                    shadow=False)
        eff["hand_side"] = side
    scene = scene * (1 - walpha[..., None]) + wcard * walpha[..., None]

    # glare
    if rng.random() < 0.4:
        gx = rng.uniform(0.1, 0.9)
        gy = rng.uniform(0.1, 0.9)
        gp = cv2.perspectiveTransform(np.float32([[[gx * W, gy * H]]]), Mh)[0, 0]
        yy = np.arange(Hs, dtype=np.float32)[:, None]
        xx = np.arange(Ws, dtype=np.float32)[None, :]
        r1, r2 = cw * rng.uniform(0.06, 0.25), cw * rng.uniform(0.04, 0.15)
        ang = rng.uniform(0, np.pi)
        u = (xx - gp[0]) * math.cos(ang) + (yy - gp[1]) * math.sin(ang)
        v = -(xx - gp[0]) * math.sin(ang) + (yy - gp[1]) * math.cos(ang)
        gl = np.exp(-(u * u / (2 * r1 * r1) + v * v / (2 * r2 * r2)))
        gs = rng.uniform(0.3, 0.62)
        gl = gl * gs * walpha
        scene = scene * (1 - gl[..., None]) + 255 * gl[..., None]
        eff["glare"] = round(gs, 2)

    # finger / thumb over an edge or a corner
    if rng.random() < (0.45 if bgkind == "handheld" else 0.17):
        prot_rects = [(a - 0.01 * W, b - 0.01 * H, c + 0.01 * W, d + 0.01 * H) for a, b, c, d in prot]
        Hc = H
        for attempt in range(12):
            r_card = rng.uniform(0.10, 0.17) * cardH0
            where = rng.choice(["corner", "edge", "edge"])
            if where == "corner":
                k = rng.randrange(4)
                corner = [(0, 0), (W, 0), (W, Hc), (0, Hc)][k]
                inward = np.array([W / 2 - corner[0], Hc / 2 - corner[1]], np.float32)
                inward /= np.linalg.norm(inward)
                a = math.radians(rng.uniform(-20, 20))
                inward = np.array([inward[0] * math.cos(a) - inward[1] * math.sin(a),
                                   inward[0] * math.sin(a) + inward[1] * math.cos(a)])
                depth = rng.uniform(0.12, 0.3) * cardH0
                tip = np.array(corner, np.float32) + inward * depth
            else:
                side = rng.randrange(4)
                tpos = rng.uniform(0.08, 0.92)
                if side == 0:
                    p, inward = (tpos * W, 0), np.array([0, 1.0])
                elif side == 1:
                    p, inward = (W, tpos * Hc), np.array([-1.0, 0])
                elif side == 2:
                    p, inward = (tpos * W, Hc), np.array([0, -1.0])
                else:
                    p, inward = (0, tpos * Hc), np.array([1.0, 0])
                a = math.radians(rng.uniform(-30, 30))
                inward = np.array([inward[0] * math.cos(a) - inward[1] * math.sin(a),
                                   inward[0] * math.sin(a) + inward[1] * math.cos(a)])
                depth = rng.uniform(0.05, 0.2) * cardH0
                tip = np.array(p, np.float32) + inward * depth
            # test overlap with protected rects: sample along the finger within card
            ok = True
            for tt in np.linspace(0, depth + r_card * 2, 25):
                c = tip - inward * tt + inward * 0  # along axis
                for off in np.linspace(-1.35, 1.35, 9):
                    q = c + np.array([-inward[1], inward[0]]) * off * r_card
                    if tt == 0:
                        q = q + inward * r_card * (1 - abs(off) / 1.35)
                    for (a0, b0, a1, b1) in prot_rects:
                        if a0 <= q[0] <= a1 and b0 <= q[1] <= b1:
                            ok = False
                            break
                    if not ok:
                        break
                if not ok:
                    break
            if not ok:
                continue
            tp = cv2.perspectiveTransform(np.float32([[tip]]), Mh)[0, 0]
            tp2 = cv2.perspectiveTransform(np.float32([[tip - inward * 50]]), Mh)[0, 0]
            draw_finger(rng, scene, tp, tp - tp2, r_card * sc, Hs, Ws, nail=rng.random() < 0.6, skin=skin)
            eff["finger"] = where
            break

    # shadow of phone / hand
    if rng.random() < 0.3:
        sw, shh = max(8, Ws // 8), max(8, Hs // 8)
        sm = np.zeros((shh, sw), np.float32)
        poly = np.array([[rng.uniform(-0.2, 1.2) * sw, rng.uniform(-0.2, 1.2) * shh] for _ in range(4)], np.int32)
        cv2.fillConvexPoly(sm, cv2.convexHull(poly), 1.0)
        sm = cv2.GaussianBlur(sm, (0, 0), max(sw, shh) * rng.uniform(0.02, 0.06))
        sm = cv2.resize(sm, (Ws, Hs), interpolation=cv2.INTER_LINEAR)
        ss = rng.uniform(0.2, 0.45)
        scene *= (1 - ss * sm)[..., None]
        eff["shadow"] = round(ss, 2)

    # value-text cap height in scene px (for limiting blur)
    cap = vs * 0.72 * sc
    # defocus
    blur_r = rng.random()
    if blur_r < 0.2:
        sg = min(rng.uniform(0.4, 1.6), 0.12 * cap)
        if sg > 0.3:
            scene = cv2.GaussianBlur(scene, (0, 0), sg)
            eff["defocus_sigma"] = round(sg, 2)
    # motion blur
    elif blur_r < 0.45:
        ln = min(rng.uniform(3, 12), max(3.0, 0.4 * cap))
        ang = rng.uniform(0, np.pi)
        scene = cv2.filter2D(scene, -1, motion_kernel(ln, ang))
        eff["motion_blur"] = {"length_px": round(ln, 1), "angle_deg": round(math.degrees(ang), 1)}

    # exposure, white balance, vignette, noise
    er = rng.random()
    wb = np.array([rng.uniform(0.9, 1.12), 1.0, rng.uniform(0.85, 1.1)], np.float32)
    yy = np.arange(Hs, dtype=np.float32)[:, None]
    xx = np.arange(Ws, dtype=np.float32)[None, :]
    vig = 1 - rng.uniform(0.05, 0.35) * (((xx / Ws - 0.5) ** 2 + (yy / Hs - 0.5) ** 2) * 2)
    lgx, lgy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    vig = vig * (1 + lgx * (xx / Ws - 0.5) + lgy * (yy / Hs - 0.5))
    noise_s = rng.uniform(1.5, 4.0)
    g0 = 1.0
    if er < 0.2:
        g0 = gain = rng.uniform(0.35, 0.6)
    scene *= vig[..., None] * (wb * np.float32(g0))[None, None, :]
    if er < 0.2:
        noise_s = rng.uniform(4.5, 10)
        eff["exposure"] = {"kind": "dim", "gain": round(gain, 2)}
    elif er < 0.35:
        gain = rng.uniform(1.2, 1.5)
        scene = 255 * (1 - np.exp(-scene * gain / 255 * 1.6)) / (1 - math.exp(-1.6)) if rng.random() < 0.4 \
            else scene * gain
        eff["exposure"] = {"kind": "over", "gain": round(gain, 2)}
    else:
        eff["exposure"] = {"kind": "normal"}
    n = fnormal(nrng, noise_s * 0.5, (Hs, Ws, 3))
    n += fnormal(nrng, noise_s, (Hs, Ws, 1))
    if noise_s > 4:
        n = cv2.GaussianBlur(n, (0, 0), 0.7)
    scene += n
    eff["noise_sigma"] = round(noise_s, 1)
    img = np.clip(scene, 0, 255).astype(np.uint8)

    if rot:
        k = {90: 3, 180: 2, 270: 1}[rot]  # np.rot90 is counter-clockwise; rot is clockwise
        img = np.ascontiguousarray(np.rot90(img, k))

    if is_shot:
        q0 = rng.randint(55, 90)
        ok, enc = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, q0])
        img = cv2.imdecode(enc, cv2.IMREAD_COLOR)[..., ::-1]
        shot, smeta = screenshot(rng, img, L, nrng)
        img = np.clip(shot, 0, 255).astype(np.uint8)
        eff["screenshot"] = smeta
        eff["screenshot"]["first_jpeg_quality"] = q0
    else:
        eff["screenshot"] = False
        # output long side
        lcur = max(img.shape[:2])
        if lcur > 2000:
            s = 2000 / lcur
            img = cv2.resize(img, (int(img.shape[1] * s), int(img.shape[0] * s)), interpolation=cv2.INTER_AREA)
    q = rng.randint(30, 90)
    if max(img.shape[:2]) < 900 and q < 40:
        q = rng.randint(40, 90)
    eff["jpeg_quality"] = q
    eff["out_size"] = [int(img.shape[1]), int(img.shape[0])]
    return img, f, eff
