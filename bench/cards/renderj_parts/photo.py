"""Photograph a flat document layer: placement, perspective, curvature, hand, light, blur, noise."""
import cv2
import numpy as np

from . import scene

WORK_MAX = 2400  # processing resolution cap (long side); upscaled to the final size afterwards


def plan(rng, hard_mode, doc_aspect):
    p = {}
    r = rng.random()
    L = int(np.exp(rng.uniform(np.log(640), np.log(1000)))) if r < 0.2 else int(rng.uniform(1000, 2000)) if r < 0.72 else int(rng.uniform(2000, 4000))
    ar = [4 / 3, 16 / 9, 1.0, 3 / 2][int(rng.choice(4, p=[0.6, 0.25, 0.05, 0.1]))]
    portrait = rng.random() < 0.4
    fw, fh = (L, int(L / ar)) if not portrait else (int(L / ar), L)
    p["final"] = [fw, fh]
    s = min(1.0, WORK_MAX / L)
    p["work"] = [int(fw * s), int(fh * s)]
    rr = rng.random()
    if rr < 0.88:
        ang = rng.normal(0, 4) if rng.random() < 0.8 else rng.uniform(-25, 25)
    else:
        ang = float(rng.choice([90, 180, 270])) + rng.normal(0, 4)
    if portrait and rng.random() < 0.2 and rr < 0.88:
        ang += 90 * rng.choice([-1, 1])  # card turned to fill a portrait frame
    p["rotation"] = round(float(ang), 1)
    p["fill"] = round(float(rng.uniform(0.45, 0.95) if rng.random() < 0.85 else rng.uniform(0.25, 0.45)), 2)
    p["perspective"] = round(float(abs(rng.normal(0, 0.05))), 3)
    p["curvature"] = round(float(rng.normal(0, 0.01)) if rng.random() < 0.6 else 0.0, 4)
    p["hand"] = bool(rng.random() < 0.3)
    p["hard_mode"] = None
    if hard_mode:
        m = ["tiny", "blur", "dark", "glare", "thumb", "motion"][int(rng.integers(6))]
        p["hard_mode"] = m
        if m == "tiny":
            p["fill"] = round(float(rng.uniform(0.25, 0.32)), 2)
            p["final"] = [int(v * 640 / max(fw, fh)) for v in (fw, fh)]
            p["work"] = list(p["final"])
        if m == "thumb":
            p["hand"] = True
    # the card's size in working pixels
    wf, hf = p["work"]
    a = np.radians(ang)
    c, s_ = abs(np.cos(a)), abs(np.sin(a))
    bbw, bbh = c * doc_aspect + s_, s_ * doc_aspect + c  # for doc height 1
    k = p["fill"] / max(bbw / wf, bbh / hf)
    p["doc_h_px"] = float(k)
    p["doc_w_px"] = float(k * doc_aspect)
    return p


def quad_for(rng, p):
    wf, hf = p["work"]
    dw, dh = p["doc_w_px"], p["doc_h_px"]
    pts = np.array([[-dw / 2, -dh / 2], [dw / 2, -dh / 2], [dw / 2, dh / 2], [-dw / 2, dh / 2]], np.float32)
    pts += rng.normal(0, p["perspective"] * max(dw, dh), pts.shape).astype(np.float32)
    a = np.radians(p["rotation"])
    R = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]], np.float32)
    pts = pts @ R.T
    lo, hi = pts.min(0), pts.max(0)
    cx = rng.uniform(-lo[0], max(-lo[0] + 1, wf - hi[0])) if hi[0] - lo[0] < wf else wf / 2
    cy = rng.uniform(-lo[1], max(-lo[1] + 1, hf - hi[1])) if hi[1] - lo[1] < hf else hf / 2
    return pts + np.array([cx, cy], np.float32)


def warp_layer(layer, alpha, quad, curv, work):
    """Inverse-map every frame pixel into the layer (homography + gentle bend)."""
    lh, lw = layer.shape[:2]
    src = np.array([[0, 0], [lw, 0], [lw, lh], [0, lh]], np.float32)
    Hm = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    Hi = np.linalg.inv(Hm)
    wf, hf = work
    yy, xx = np.mgrid[0:hf, 0:wf].astype(np.float32)
    den = Hi[2, 0] * xx + Hi[2, 1] * yy + Hi[2, 2]
    u = (Hi[0, 0] * xx + Hi[0, 1] * yy + Hi[0, 2]) / den
    v = (Hi[1, 0] * xx + Hi[1, 1] * yy + Hi[1, 2]) / den
    v = (v - curv * lh * (1 - (2 * u / lw - 1) ** 2)).astype(np.float32)
    u = u.astype(np.float32)
    rgb = cv2.remap(layer, u, v, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    a = cv2.remap(alpha, u, v, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return rgb, a, Hm


def to_frame(Hm, pts):
    p = cv2.perspectiveTransform(np.asarray(pts, np.float32).reshape(-1, 1, 2), Hm)
    return p.reshape(-1, 2)


def shoot(rng, p, layer, alpha, boxes=None, caps=None, surface=None):
    """layer: uint8 RGB document; alpha uint8. Returns (final uint8 RGB, effects, legibility info)."""
    wf, hf = p["work"]
    lh, lw = layer.shape[:2]
    # the layer may be bigger than needed: pre-blur to avoid aliasing
    ratio = lw / max(1.0, p["doc_w_px"])
    if ratio > 1.6:
        layer = cv2.GaussianBlur(layer, (0, 0), 0.35 * ratio)
    if surface is None:
        bg, kind = scene.background(rng, hf, wf)
    else:
        bg, kind = surface, "none"
    quad = quad_for(rng, p)
    rgb, a, Hm = warp_layer(layer, alpha, quad, p["curvature"], (wf, hf))
    a = a.astype(np.float32)[..., None] / 255
    # drop shadow under the document
    sh = cv2.GaussianBlur(a[..., 0], (0, 0), max(2, p["doc_h_px"] * 0.03))
    sh = np.roll(sh, (int(p["doc_h_px"] * 0.02), int(p["doc_h_px"] * 0.015)), (0, 1))[..., None]
    img = bg * (1 - 0.35 * sh)
    img = img * (1 - a) + rgb.astype(np.float32) / 255 * a
    eff = {"image_px": p["final"], "fill": p["fill"], "rotation": p["rotation"], "perspective": p["perspective"],
           "curvature": p["curvature"], "background": kind}
    cover = []
    if p["hand"]:
        img, thumb, thick, edge = scene.hand(rng, img, quad, p["doc_h_px"], a[..., 0], p["hard_mode"] == "thumb")
        eff["hand"] = edge
        if boxes:
            Hi = np.linalg.inv(Hm)
            tp = cv2.perspectiveTransform(thumb.reshape(-1, 1, 2).astype(np.float32), Hi).reshape(-1, 2)
            rad = thick / 2 * lw / p["doc_w_px"]
            for key in ("nik", "nama"):
                if key in boxes:
                    x0, y0, x1, y1 = boxes[key]
                    dx = np.maximum(0, np.maximum(x0 - tp[:, 0], tp[:, 0] - x1))
                    dy = np.maximum(0, np.maximum(y0 - tp[:, 1], tp[:, 1] - y1))
                    if np.any(np.hypot(dx, dy) < rad * 0.9):
                        cover.append(key)
            if cover:
                eff["hand_covers"] = cover
    img, light = lighting(rng, img, p, quad)
    eff.update(light["eff"])
    # glare at the text
    glare_at = {}
    if boxes and "glare_map" in light:
        for key in ("nik", "nama"):
            if key in boxes:
                x0, y0, x1, y1 = boxes[key]
                pts = to_frame(Hm, [[x0 + (x1 - x0) * t, (y0 + y1) / 2] for t in np.linspace(0, 1, 7)])
                vals = [light["glare_map"][int(np.clip(y, 0, hf - 1)), int(np.clip(x, 0, wf - 1))] for x, y in pts]
                glare_at[key] = float(np.max(vals))
    # blur
    sigma, mlen = 0.0, 0.0
    r = rng.random()
    hm = p["hard_mode"]
    if hm == "blur":
        sigma = (caps or {}).get("nama", 10) * p["doc_w_px"] / lw * rng.uniform(0.4, 0.8)
    elif hm == "motion":
        mlen = (caps or {}).get("nama", 10) * p["doc_w_px"] / lw * rng.uniform(1.2, 2.2)
    elif r < 0.3:
        sigma = rng.uniform(0.5, 2.0) * wf / 1500
    elif r < 0.42:
        mlen = rng.uniform(2, 9) * wf / 1500
    if sigma > 0.3:
        img = cv2.GaussianBlur(img, (0, 0), sigma)
        eff["focus_blur"] = round(float(sigma), 2)
    if mlen >= 2:
        n = int(round(mlen)) | 1
        k = np.zeros((n, n), np.float32)
        k[n // 2, :] = 1
        M = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), rng.uniform(0, 180), 1)
        k = cv2.warpAffine(k, M, (n, n))
        img = cv2.filter2D(img, -1, k / max(1e-6, k.sum()))
        eff["motion_blur"] = n
    # sensor noise (stronger when dark)
    nsig = rng.uniform(0.005, 0.03) * (1.8 if light["gain"] < 0.6 else 1.0)
    if hm == "dark":
        nsig *= 2
    img = img + rng.normal(0, nsig, img.shape).astype(np.float32)
    img = cv2.GaussianBlur(img, (0, 0), 0.5)
    eff["noise"] = round(float(nsig), 3)
    out = (np.clip(img, 0, 1) * 255).astype(np.uint8)
    fw, fh = p["final"]
    if (fw, fh) != (wf, hf):
        out = cv2.resize(out, (fw, fh), interpolation=cv2.INTER_CUBIC)
        out = np.clip(out.astype(np.int16) + rng.normal(0, 2.5, out.shape).astype(np.int16), 0, 255).astype(np.uint8)
    # legibility of name / NIK for the hard flag
    scale_final = fw / wf
    px_per_layer = p["doc_w_px"] / lw * scale_final
    leg = {"cover": cover, "glare": glare_at, "gain": light["gain"], "noise": nsig,
           "blur_px": float(np.hypot(2 * sigma, 0.6 * mlen)) * scale_final,
           "cap_px": {k_: v * px_per_layer for k_, v in (caps or {}).items()}}
    return out, eff, leg


def lighting(rng, img, p, quad):
    hf, wf = img.shape[:2]
    eff = {}
    r = rng.random()
    hm = p["hard_mode"]
    gain = 1.0
    if hm == "dark" or r < 0.12:
        gain = rng.uniform(0.12, 0.25) if hm == "dark" else rng.uniform(0.35, 0.65)
        eff["light"] = "dim"
    elif r < 0.22:
        gain = rng.uniform(1.25, 1.7)
        eff["light"] = "overexposed"
    else:
        gain = rng.uniform(0.8, 1.15)
    yy, xx = np.mgrid[0:hf, 0:wf].astype(np.float32)
    ang = rng.uniform(0, 2 * np.pi)
    grad = 1 + rng.uniform(0, 0.3) * ((xx / wf - 0.5) * np.cos(ang) + (yy / hf - 0.5) * np.sin(ang))
    field = gain * grad
    if rng.random() < 0.2:  # shadow across the card (phone or hand)
        c = quad.mean(0)
        a2 = rng.uniform(0, 2 * np.pi)
        d = (xx - c[0]) * np.cos(a2) + (yy - c[1]) * np.sin(a2) - rng.uniform(-0.3, 0.3) * p["doc_w_px"]
        m = 1 / (1 + np.exp(-d / max(2, p["doc_h_px"] * rng.uniform(0.02, 0.1))))
        depth = rng.uniform(0.3, 0.6)
        field = field * (1 - depth * m)
        eff["shadow"] = round(float(depth), 2)
    img = img * field[..., None]
    cast = rng.random()
    if cast < 0.25:
        g = np.array(rng.choice([[1.12, 1.0, 0.78], [0.88, 0.98, 1.15], [0.95, 1.08, 0.9], [1.05, 0.95, 1.05]]), np.float32)
        img = img * g
        eff["colour_cast"] = [round(float(v), 2) for v in g]
    out = {"gain": float(gain), "eff": eff}
    if hm == "glare" or rng.random() < 0.2:
        if hm == "glare":
            cpt = quad.mean(0) + rng.normal(0, 0.1, 2) * p["doc_w_px"] - np.array([p["doc_w_px"] * 0.12, p["doc_h_px"] * 0.15])
            strength, rad = rng.uniform(1.0, 1.6), p["doc_h_px"] * rng.uniform(0.25, 0.4)
        else:
            cpt = quad[int(rng.integers(4))] * 0.4 + quad.mean(0) * 0.6 + rng.normal(0, 0.15, 2) * p["doc_w_px"]
            strength, rad = rng.uniform(0.3, 1.0), p["doc_h_px"] * rng.uniform(0.08, 0.3)
        gmap = strength * np.exp(-((xx - cpt[0]) ** 2 + (yy - cpt[1]) ** 2) / (2 * rad ** 2))
        img = img + gmap[..., None]
        out["glare_map"] = gmap
        eff["glare"] = round(float(strength), 2)
    eff["exposure"] = round(float(gain), 2)
    return img, out


def judge_hard(leg):
    """True if a careful human could not read the name or the NIK."""
    reasons = []
    if leg["cover"]:
        reasons.append("covered:" + ",".join(leg["cover"]))
    for key, g in leg["glare"].items():
        if g > 0.75:
            reasons.append("glare:" + key)
    bl = leg["blur_px"]
    for key, cap in leg["cap_px"].items():
        if cap < 6.0:
            reasons.append(f"small:{key}")
        elif bl > 0.65 * cap:
            reasons.append(f"blur:{key}")
    if leg["gain"] < 0.28:
        reasons.append("dark")
    if leg["noise"] > 0.09 * max(leg["gain"], 0.1) * 2:
        reasons.append("noise")
    return bool(reasons), reasons
