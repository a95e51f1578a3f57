"""Phone photo of a flat object: framing, composition and camera pipeline."""
import numpy as np
import cv2
from . import scene as S
from . import camera as C


def draw_frame(rng, hard):
    r = rng.random()
    if r < 0.3:
        L = int(rng.integers(640, 1280))
    elif r < 0.72:
        L = int(rng.integers(1280, 2600))
    else:
        L = int(rng.integers(2600, 4001))
    asp = [4 / 3, 16 / 9, 1.0, 3 / 2][int(np.searchsorted(np.cumsum([0.6, 0.25, 0.05, 0.1]), rng.random()))]
    portrait = rng.random() < 0.5
    W, H = (L, int(round(L / asp))) if not portrait else (int(round(L / asp)), L)
    return W, H, L


def draw_pose(rng, hard):
    r = rng.random()
    if r < 0.5:
        base = 0.0
    elif r < 0.65:
        base = 90.0
    elif r < 0.77:
        base = 180.0
    elif r < 0.9:
        base = 270.0
    else:
        base = float(rng.uniform(0, 360))
    tilt = float(rng.normal(0, 8 if hard else 3.5))
    if hard and rng.random() < 0.5:
        frac = float(rng.uniform(0.25, 0.5))
    else:
        frac = float(rng.uniform(0.45, 0.95))
    persp = float(rng.uniform(0.1, 0.3)) if hard else float(rng.uniform(0.0, 0.12))
    bend = float(rng.uniform(0.01, 0.045)) if rng.random() < (0.45 if hard else 0.25) else 0.0
    return {"rotation_deg": round((base + tilt) % 360, 2), "base_rotation": base, "fill_frac": round(frac, 3),
            "perspective": round(persp, 3), "bend": round(bend, 3)}


def shoot(rng, make_obj, aspect, hard, allow_hand=True, full_scene=None):
    """make_obj(px_width) -> (rgb uint8, alpha uint8, info). Returns (PIL image, effects)."""
    W0, H0, L = draw_frame(rng, hard)
    work = min(L, 3000)
    ws = work / L
    W, H = int(round(W0 * ws)), int(round(H0 * ws))
    scale = max(W, H) / 1000.0
    eff = {"hard": bool(hard), "frame": [W0, H0]}
    if full_scene is not None:
        img = full_scene(W, H).astype(np.float32)
        eff["background"] = "scene"
    else:
        pose = draw_pose(rng, hard)
        eff.update(pose)
        bgk = S.BACKGROUNDS[int(np.searchsorted(np.cumsum([0.25, 0.18, 0.17, 0.12, 0.16, 0.12]), rng.random()))]
        if bgk == "hand" and not allow_hand:
            bgk = "plain"
        eff["background"] = bgk
        img = S.background(rng, H, W, bgk)
        quad = S.place(rng, W, H, aspect, pose["fill_frac"], pose["rotation_deg"], pose["perspective"])
        edge_px = float(max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3])))
        rgb, alpha, info = make_obj(edge_px)
        eff.update(info)
        h, w = alpha.shape
        rgba = np.dstack([rgb, alpha])
        rgba_p, pad = S.bend_card(rng, rgba, pose["bend"])
        out, M = S.warp_card(rgba_p, pad, w, h, quad, W, H)
        a = out[..., 3].astype(np.float32) / 255
        skin = S.skin_color(rng)
        if bgk == "hand":
            S.draw_hand(rng, img, quad, skin)
        # drop shadow
        sd = rng.normal(0, 0.006, 2) * max(W, H)
        Ms = np.float32([[1, 0, sd[0]], [0, 1, sd[1]]])
        sh = cv2.warpAffine(a, Ms, (W, H))
        sh = S.soft(sh, max(1.0, 0.006 * max(W, H)))
        img *= (1 - rng.uniform(0.2, 0.5) * sh)[..., None]
        img[:] = img * (1 - a[..., None]) + out[..., :3].astype(np.float32) * a[..., None]
        # card edge thickness highlight
        if rng.random() < 0.5:
            e = cv2.morphologyEx((a > 0.5).astype(np.uint8), cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
            img[e > 0] = img[e > 0] * 0.7 + 255 * 0.3
        if rng.random() < 0.6:
            st = float(rng.uniform(0.05, 0.25))
            S.laminate(rng, img, a, quad, st)
            eff["laminate_shine"] = round(st, 3)
        if rng.random() < (0.6 if hard else 0.25):
            st = float(rng.uniform(0.4, 1.0) if hard else rng.uniform(0.25, 0.7))
            n = int(rng.integers(1, 4))
            S.glare(rng, img, a, quad, st, n)
            eff["glare"] = {"strength": round(st, 3), "spots": n}
        if bgk == "hand" or rng.random() < (0.3 if hard else 0.12):
            eff["finger"] = S.draw_finger(rng, img, quad, skin)
        eff["card_quad_frame"] = quad.copy()
    if rng.random() < (0.4 if hard else 0.15):
        st = float(rng.uniform(0.25, 0.6))
        S.cast_shadow(rng, img, st)
        eff["cast_shadow"] = round(st, 3)
    eff.update(C.lighting(rng, img, hard))
    eff.update(C.blur(rng, img, hard, scale))
    eff.update(C.noise(rng, img, hard, eff.get("exposure") == "dim"))
    out = np.clip(img, 0, 255).astype(np.uint8)
    if rng.random() < 0.07 and eff.get("fill_frac", 1.0) >= 0.5:
        out = C.screenshot(rng, out)
        eff["screenshot"] = True
        L = int(max(out.shape[:2]) * rng.uniform(0.85, 1.0))
        L = int(np.clip(L, 640, 4000))
        eff.pop("card_quad_frame", None)
    pil, e2 = C.finalize(rng, out, L, hard)
    eff.update(e2)
    eff["size"] = [pil.width, pil.height]
    if "card_quad_frame" in eff:
        f = pil.width / W
        eff["card_quad_frame"] = [[round(float(x * f), 1), round(float(y * f), 1)] for x, y in eff["card_quad_frame"]]
    return pil, eff
