"""From a flat object (card or paper) to a phone photo: scene, geometry, hands, camera, output."""
import numpy as np
import cv2
from .util import chance, wpick, pick
from .scene import surface
from .place import project_quad, composite
from .hands import thumb_over, hand_behind, cast_shadow
from .camera import lighting, glare, optics, sensor_isp
from .finish import choose_resolution, work_size, finish


def choose_hard(rng, p=0.1):
    return wpick(rng, [("small", 1), ("dark", 1), ("blur", 1)]) if chance(rng, p) else None


def geometry(rng, hard, obj_kind):
    r = rng.random()
    if r < 0.68:
        rot = rng.normal(0, 5)
    elif r < 0.80:
        rot = rng.uniform(-25, 25)
    elif r < 0.89:
        rot = 90 + rng.normal(0, 5)
    elif r < 0.95:
        rot = -90 + rng.normal(0, 5)
    else:
        rot = 180 + rng.normal(0, 5)
    near90 = abs(abs(rot) - 90) < 30
    portrait = chance(rng, 0.7 if near90 else 0.2)
    big = chance(rng, 0.15)
    tx = rng.uniform(-30, 30) if big else float(np.clip(rng.normal(0, 9), -30, 30))
    ty = rng.uniform(-28, 28) if big and chance(rng, 0.5) else float(np.clip(rng.normal(0, 8), -30, 30))
    if obj_kind == "paper":
        fill = rng.uniform(0.6, 0.97)
    elif hard == "small":
        fill = rng.uniform(0.16, 0.28)
    else:
        fill = rng.uniform(0.35, 0.9)
    return rot, tx, ty, portrait, fill


def shoot(make_obj, aspect, rng, obj_kind="card", hard=None, edge_col=(0.92, 0.94, 0.96), mm_w=85.6):
    """make_obj(s) -> (rgb float32, alpha float32, info). Returns (jpeg bytes, effects, info)."""
    rot, tx, ty, portrait, fill = geometry(rng, hard, obj_kind)
    out_w, out_h = choose_resolution(rng, portrait)
    ww, wh = work_size(out_w, out_h)
    quad = project_quad(aspect, ww, wh, rng, fill, rot, tx, ty, fov_deg=rng.uniform(60, 78))
    edge_len = (np.linalg.norm(quad[1] - quad[0]) + np.linalg.norm(quad[2] - quad[3])) / 2
    s_out = edge_len / mm_w  # output px per mm (work resolution)
    s = float(np.clip(s_out * 1.3, 8, 24)) if obj_kind == "card" else float(np.clip(s_out * 1.2, 3, 8))
    obj, alpha, info = make_obj(s)
    held = obj_kind == "card" and chance(rng, 0.35)
    bg, surf = surface(wh, ww, rng, held)
    eff = {"hard": hard, "surface": surf, "held_in_hand": held, "rotation_deg": round(float(rot), 1),
           "tilt_deg": [round(float(tx), 1), round(float(ty), 1)], "fill": round(float(fill), 3),
           "card_px_per_mm": round(float(s_out * out_w / ww), 2)}
    hand_side = None
    if held:
        hb = hand_behind(bg, quad, rng)
        hand_side = hb["hand_behind"]
        eff.update(hb)
    bend = 0.0
    if chance(rng, 0.3 if held else 0.1):
        bend = float(rng.uniform(-0.07, 0.07)) if obj_kind == "card" else float(rng.uniform(-0.12, 0.12))
        eff["bend"] = round(bend, 3)
    thick = 0.76 * s_out * rng.uniform(0.4, 1.0) if obj_kind == "card" else 0.1 * s_out
    mask, Hm = composite(bg, obj, alpha, quad, rng, bend=bend, thickness=thick, edge_col=edge_col,
                         shadow=rng.uniform(0.15, 0.5) if not held else rng.uniform(0.1, 0.3), held=held)
    if Hm is not None and chance(rng, 0.45 if held else 0.08):
        h, w = obj.shape[:2]
        where = None
        if hand_side:
            where = pick(rng, {"bottom": ["bottom", "bottom", "bl", "br"], "left": ["left", "left", "bl"],
                               "right": ["right", "right", "br"]}[hand_side])
        eff.update(thumb_over(bg, Hm, w, h, s, rng, where))
    if chance(rng, 0.2):
        eff.update(cast_shadow(bg, rng, quad, rng.uniform(0.15, 0.5)))
    img, e1, e = lighting(bg, rng, hard)
    img, e2 = glare(img, rng, mask, quad)
    cap_px = 1.7 * s_out
    img, e3 = optics(img, rng, cap_px, hard)
    img, e4 = sensor_isp(img, rng, e)
    data, e5 = finish(img, out_w, out_h, rng)
    for d in (e1, e2, e3, e4, e5):
        eff.update(d)
    eff["card_quad"] = [[round(float(x * out_w / ww), 1), round(float(y * out_h / wh), 1)] for x, y in quad]
    if "chat_app" in eff or "screenshot" in eff:
        eff["card_quad_note"] = "quad is in the camera frame before re-sending/screenshot"
    return data, eff, info


def shoot_scene(img, rng, hard=None):
    """A full-frame scene (no flat object): camera processing and output only."""
    h, w = img.shape[:2]
    out_w, out_h = choose_resolution(rng, h > w)
    ww, wh = work_size(out_w, out_h)
    img = cv2.resize(img.astype(np.float32), (ww, wh), interpolation=cv2.INTER_LINEAR)
    img, e1, e = lighting(img, rng, hard)
    img, e3 = optics(img, rng, 0.004 * ww + 2, hard)
    img, e4 = sensor_isp(img, rng, e)
    data, e5 = finish(img, out_w, out_h, rng)
    eff = {"hard": hard}
    for d in (e1, e3, e4, e5):
        eff.update(d)
    return data, eff
