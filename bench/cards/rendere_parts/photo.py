"""Photograph a card or paper: light, perspective, blur, noise, exposure."""

import math

import cv2
import numpy as np

from .identity import wchoice
from .drawing import lowfreq_noise
from .wear import laminate
from .scene import bend, card_quad, disk_kernel, draw_finger, motion_kernel, scene_background, screenshot


def photograph(r, nrng, doc_rgb, doc_mask, text_frac, hard, eff, laminated_args=None, rounded=True):
    """Take a phone photo of a document texture.  Returns BGR uint8 image."""
    # frame size
    long_side = int(math.exp(r.uniform(math.log(640), math.log(4000))))
    aspect = wchoice(r, [(4 / 3, 6), (16 / 9, 3), (1.0, 1), (3 / 2, 1)])
    portrait = r.random() < 0.45
    Wf, Hf = (int(long_side / aspect), long_side) if portrait else (long_side, int(long_side / aspect))
    # working resolution
    ws = min(1.0, 2000 / long_side)
    Ww, Hw = int(Wf * ws), int(Hf * ws)
    fill = r.uniform(0.25, 0.95)
    # rotation
    kr = r.random()
    if kr < 0.55:
        base = 0
    elif kr < 0.68:
        base = 90
    elif kr < 0.8:
        base = 270
    elif kr < 0.9:
        base = 180
    else:
        base = None
    if base is None:
        rot = r.uniform(0, 360)
    else:
        rot = base + r.gauss(0, 4 if not hard else 9)
    persp = r.uniform(0.0, 0.12) if not hard else r.uniform(0.05, 0.25)

    dh, dw = doc_mask.shape
    # make sure text is big enough: cap height in final px
    min_cap = 9.0 if not hard else 6.0
    for _ in range(20):
        quad, sc = card_quad(r, dw, dh, Ww, Hw, fill, rot, persp)
        cap_final = text_frac * dw * sc / ws
        if cap_final >= min_cap:
            break
        fill = min(0.95, fill + 0.08)
        if fill >= 0.95:
            long_side = min(4000, int(long_side * 1.25))
            Wf, Hf = (int(long_side / aspect), long_side) if portrait else (long_side, int(long_side / aspect))
            ws = min(1.0, 2000 / long_side)
            Ww, Hw = int(Wf * ws), int(Hf * ws)
    eff.update({"frame": [Wf, Hf], "fill": round(fill, 3), "rotation_deg": round(rot % 360, 1),
                "perspective": round(persp, 3), "text_cap_px": round(cap_final, 1)})

    img = scene_background(r, nrng, Hw, Ww, eff)
    rgb = doc_rgb
    alpha = doc_mask.astype(np.float32) / 255.0
    off = 0
    if laminated_args is not None:
        rgb, alpha, off = laminate(r, nrng, rgb, doc_mask, dw / 85.6, eff, hard)
    bamt = 0.0
    if r.random() < 0.35:
        bamt = r.uniform(-0.02, 0.02) if not hard else r.uniform(-0.05, 0.05)
        rgb, alpha, pad = bend(r, rgb, alpha, bamt)
    else:
        pad = 0
    eff["bend"] = round(bamt, 3)
    # source quad of the document inside the (possibly padded/laminated) texture
    src = np.array([[off, off + pad], [off + dw, off + pad], [off + dw, off + pad + dh], [off, off + pad + dh]], np.float32)
    M = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(np.dstack([rgb, alpha * 255]).astype(np.float32), M, (Ww, Hw),
                                 flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    wa = warped[..., 3:4] / 255.0
    # drop shadow
    if r.random() < 0.8:
        sh = cv2.GaussianBlur(wa[..., 0], (0, 0), max(1.5, Ww * r.uniform(0.003, 0.012)))
        sh = np.roll(sh, (int(r.uniform(-0.01, 0.02) * Hw), int(r.uniform(-0.01, 0.02) * Ww)), (0, 1))
        img *= (1 - r.uniform(0.25, 0.55) * sh[..., None])
    img = img * (1 - wa) + warped[..., :3] * wa
    card_px_w = float(np.linalg.norm(quad[1] - quad[0]))

    # fingers over an edge
    fingers = []
    if r.random() < (0.35 if not hard else 0.55):
        for _ in range(r.choice([1, 1, 2])):
            e = r.randint(0, 3)
            a, b = quad[e], quad[(e + 1) % 4]
            t = r.uniform(0.1, 0.9) if hard else r.choice([r.uniform(0.05, 0.25), r.uniform(0.75, 0.95)])
            p_edge = a + (b - a) * t
            centre = quad.mean(axis=0)
            inward = centre - p_edge
            inward /= (np.linalg.norm(inward) + 1e-6)
            depth = card_px_w * (r.uniform(0.01, 0.05) if not hard else r.uniform(0.03, 0.12))
            width = card_px_w * r.uniform(0.1, 0.16)
            tip = p_edge + inward * depth
            draw_finger(img, r, tip, inward, width, card_px_w * 0.8, fingers)
    if fingers:
        eff["fingers"] = fingers

    # lighting: smooth illumination + vignette + colour cast
    illum = 0.8 + 0.4 * lowfreq_noise(nrng, Hw, Ww, 2)
    yy, xx = np.mgrid[0:Hw, 0:Ww].astype(np.float32)
    vig = 1 - r.uniform(0.0, 0.35) * (((xx / Ww - 0.5) ** 2 + (yy / Hw - 0.5) ** 2) * 2)
    cast_name = wchoice(r, [("neutral", 5), ("warm", 3), ("cool", 2), ("green_fluorescent", 1)])
    cast = {"neutral": (1, 1, 1), "warm": (1.08, 1.0, 0.85), "cool": (0.9, 0.98, 1.1),
            "green_fluorescent": (0.95, 1.06, 0.92)}[cast_name]
    img *= (illum * vig)[..., None] * np.array(cast, np.float32)[None, None]
    eff["light_cast"] = cast_name

    # phone / hand shadow
    if r.random() < (0.25 if not hard else 0.45):
        m = np.zeros((Hw, Ww), np.uint8)
        c = quad.mean(axis=0) + np.array([r.uniform(-0.5, 0.5) * Ww, r.uniform(-0.5, 0.5) * Hw])
        ang = r.uniform(0, 180)
        sz = (int(Ww * r.uniform(0.25, 0.5)), int(Hw * r.uniform(0.3, 0.6)))
        box = cv2.boxPoints(((float(c[0]), float(c[1])), sz, ang)).astype(np.int32)
        cv2.fillPoly(m, [box], 255)
        m = cv2.GaussianBlur(m, (0, 0), Ww * r.uniform(0.01, 0.04)).astype(np.float32) / 255
        k = r.uniform(0.25, 0.45) if not hard else r.uniform(0.4, 0.65)
        img *= (1 - k * m[..., None])
        eff["phone_shadow"] = round(k, 2)

    # glare
    if r.random() < (0.3 if not hard else 0.5):
        gx, gy = quad[:, 0].min() + r.random() * (np.ptp(quad[:, 0])), quad[:, 1].min() + r.random() * (np.ptp(quad[:, 1]))
        rad = card_px_w * r.uniform(0.06, 0.25)
        g = np.exp(-(((xx - gx) / rad) ** 2 + ((yy - gy) / (rad * r.uniform(0.5, 1.5))) ** 2))
        k = r.uniform(0.25, 0.6) if not hard else r.uniform(0.6, 1.0)
        img = img + (255 * k * g)[..., None] * wa
        eff["glare"] = round(k, 2)

    # blur
    cap_w = cap_final * ws  # cap height at working res
    bl = wchoice(r, [("none", 45), ("gauss", 25), ("defocus", 15), ("motion", 15)])
    eff["blur"] = bl
    if bl == "gauss":
        s = cap_w * (r.uniform(0.04, 0.12) if not hard else r.uniform(0.1, 0.22))
        if s > 0.3:
            img = cv2.GaussianBlur(img, (0, 0), s)
        eff["blur_px"] = round(s, 2)
    elif bl == "defocus":
        rad = cap_w * (r.uniform(0.05, 0.14) if not hard else r.uniform(0.12, 0.28))
        if rad > 0.6:
            img = cv2.filter2D(img, -1, disk_kernel(rad))
        eff["blur_px"] = round(rad, 2)
    elif bl == "motion":
        ln = cap_w * (r.uniform(0.1, 0.3) if not hard else r.uniform(0.3, 0.65))
        if ln > 1.5:
            img = cv2.filter2D(img, -1, motion_kernel(ln, r.uniform(0, math.pi)))
        eff["blur_px"] = round(ln, 2)

    # exposure
    ex = wchoice(r, [("normal", 7), ("dim", 1.6), ("bright", 1.4)])
    gain = 1.0
    if ex == "dim":
        gain = r.uniform(0.45, 0.7) if not hard else r.uniform(0.25, 0.45)
    elif ex == "bright":
        gain = r.uniform(1.15, 1.35) if not hard else r.uniform(1.35, 1.7)
    else:
        gain = r.uniform(0.9, 1.08)
    gamma = r.uniform(0.85, 1.15)
    img = 255 * np.clip(img * gain / 255, 0, 1) ** gamma
    eff["exposure"] = {"kind": ex, "gain": round(gain, 2), "gamma": round(gamma, 2)}

    # resize to final
    if (Ww, Hw) != (Wf, Hf):
        img = cv2.resize(img, (Wf, Hf), interpolation=cv2.INTER_CUBIC)
    # sensor noise (more when dim)
    sig = r.uniform(1.0, 5.0) * (1.8 if ex == "dim" else 1.0) * (1.8 if hard else 1.0)
    img = img + nrng.normal(0, sig, (Hf, Wf, 1)).astype(np.float32)
    if r.random() < 0.5:
        ch = (lowfreq_noise(nrng, Hf // 2, Wf // 2, max(4, Wf // 16), 3) - 0.5) * sig * 1.5
        img += cv2.resize(ch, (Wf, Hf), interpolation=cv2.INTER_NEAREST)
    eff["noise_sigma"] = round(sig, 2)
    if r.random() < 0.35:  # phone sharpening
        bl_ = cv2.GaussianBlur(img, (0, 0), r.uniform(1.0, 2.0))
        amt = r.uniform(0.3, 0.9)
        img = img + amt * (img - bl_)
        eff["sharpen"] = round(amt, 2)
    out = np.clip(img, 0, 255).astype(np.uint8)
    out = cv2.cvtColor(out, cv2.COLOR_RGB2BGR)

    # screenshot of a photo
    if r.random() < 0.08:
        q0 = r.randint(70, 92)
        ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, q0])
        inner = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        # only if text stays readable enough on the screen
        sw_long = 2400
        shot, sc = screenshot(r, cv2.cvtColor(inner, cv2.COLOR_BGR2RGB), eff)
        if cap_final * sc >= (7 if not hard else 5):
            out = cv2.cvtColor(shot, cv2.COLOR_RGB2BGR)
        else:
            eff.pop("screenshot", None)
    return out
