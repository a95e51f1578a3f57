"""Place a card (or any flat object) in a phone photo: size, rotation, perspective,
bending, drop shadow, fingers; then hand over to camera.py for light and optics."""
import math

import cv2
import numpy as np

from .backgrounds import make_background
from .camera import camera_effects, encode_jpeg


def _frame_size(rng, screenshot):
    if screenshot:
        long_side = int(rng.uniform(1200, 2000))
        return long_side, int(long_side * 0.75)
    r = rng.random()
    long_side = int(rng.uniform(640, 1200) if r < 0.3 else rng.uniform(1200, 2000) if r < 0.65
                    else rng.uniform(2000, 4000))
    aspect = [4 / 3, 4 / 3, 16 / 9, 1.0][int(rng.integers(4))]
    short = int(long_side / aspect)
    return (long_side, short) if rng.random() < 0.5 else (short, long_side)


def _rotation(rng, hard, screenshot):
    r = rng.random()
    if screenshot or r < 0.68:
        return "upright", float(rng.normal(0, 2.0))
    if r < 0.78:
        return "rot90", 90.0 + float(rng.normal(0, 2.0))
    if r < 0.86:
        return "rot270", 270.0 + float(rng.normal(0, 2.0))
    if r < 0.92:
        return "rot180", 180.0 + float(rng.normal(0, 2.0))
    return "arbitrary", float(rng.choice([-1, 1]) * rng.uniform(5, 20))


def _bend(card, rng, amount):
    """Cylindrical bend: rows shift vertically with a sine over x."""
    h, w = card.shape[:2]
    pad = int(abs(amount)) + 2
    card = cv2.copyMakeBorder(card, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=0)
    xx, yy = np.meshgrid(np.arange(w, dtype=np.float32), np.arange(h + 2 * pad, dtype=np.float32))
    if rng.random() < 0.5:
        dy = amount * np.sin(np.pi * xx / w)
    else:
        dy = amount * np.sin(2 * np.pi * xx / w + rng.uniform(0, np.pi)) * 0.6
    return cv2.remap(card, xx, yy - dy, cv2.INTER_LINEAR, borderValue=0), pad


def _overlaps(a, b):
    return not (a[2] < b[0] or a[0] > b[2] or a[3] < b[1] or a[1] > b[3])


def _finger(scene, H, cw, ch, rng, boxes, allow_avoid_overlap, scale):
    """A finger pressing on one card edge, drawn in scene space. Returns info or None.
    boxes: value boxes in card pixels; the finger avoids boxes["nik"] unless allowed."""
    for _ in range(8):
        edge = ["left", "right", "bottom", "top", "bottom", "left"][int(rng.integers(6))]
        width = cw * rng.uniform(0.13, 0.2)
        depth = cw * (rng.uniform(0.02, 0.08) if edge in ("left", "right") else rng.uniform(0.03, 0.09))
        t = rng.uniform(0.15, 0.85)
        if edge == "left":
            tip, base = (depth, ch * t), (-cw * 0.4, ch * t + rng.normal(0, ch * 0.1))
        elif edge == "right":
            tip, base = (cw - depth, ch * t), (cw * 1.4, ch * t + rng.normal(0, ch * 0.1))
        elif edge == "bottom":
            tip, base = (cw * t, ch - depth), (cw * t + rng.normal(0, cw * 0.05), ch * 1.6)
        else:
            tip, base = (cw * t, depth), (cw * t + rng.normal(0, cw * 0.05), -ch * 0.6)
        r = width / 2
        fb = (min(tip[0], base[0]) - r, min(tip[1], base[1]) - r, max(tip[0], base[0]) + r,
              max(tip[1], base[1]) + r)
        hits = "nik" in boxes and _overlaps(fb, boxes["nik"])
        if hits and not allow_avoid_overlap:
            continue
        pts = cv2.perspectiveTransform(np.array([[tip, base]], np.float32), H)[0]
        thick = max(3, int(width * scale))
        skin = np.array([205, 155, 120], np.float32) * rng.uniform(0.55, 1.05)
        mask = np.zeros(scene.shape[:2], np.float32)
        # the finger runs on out of the frame, widening into the hand
        u = (pts[1] - pts[0]) / max(np.linalg.norm(pts[1] - pts[0]), 1e-6)
        far = pts[0] + u * 3 * max(scene.shape[:2])
        knuckle = pts[0] + u * thick * rng.uniform(2.5, 4.0)
        cv2.line(mask, tuple(int(v) for v in far), tuple(int(v) for v in pts[0]), 1.0, thick, cv2.LINE_AA)
        cv2.line(mask, tuple(int(v) for v in far), tuple(int(v) for v in knuckle), 1.0, int(thick * 2.6),
                 cv2.LINE_AA)
        mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, thick * 0.06))
        # darker towards the sides of the finger
        core = cv2.GaussianBlur(mask, (0, 0), thick * 0.25)
        shade = (0.62 + 0.42 * core / max(core.max(), 1e-6))[..., None]
        scene[:] = scene * (1 - mask[..., None]) + skin * shade * mask[..., None]
        nail = tuple(int(v) for v in pts[0] + (pts[1] - pts[0]) / np.linalg.norm(pts[1] - pts[0]) * thick * 0.35)
        ax = (max(2, int(thick * 0.22)), max(2, int(thick * 0.27)))
        ang = float(np.degrees(np.arctan2(*(pts[1] - pts[0])[::-1])))
        cv2.ellipse(scene, nail, ax, ang, 0, 360, tuple(float(c) for c in skin * 1.08 + 15), -1, cv2.LINE_AA)
        covered = sorted(k for k, b in boxes.items() if _overlaps(fb, b))
        return {"edge": edge, "depth_frac": round(depth / cw, 3), "over_nik": bool(hits),
                "touches_values": covered}
    return None


def place(obj_rgba, rng, boxes=None, hard=False, screenshot=False, fingers_ok=True):
    """obj_rgba: HxWx4 uint8; boxes: value boxes in object pixels. Returns (scene float32 RGB, effects)."""
    fw, fh = _frame_size(rng, screenshot)
    rot_kind, angle = _rotation(rng, hard, screenshot)
    oh, ow = obj_rgba.shape[:2]
    min_px = 480 if hard else 600
    if screenshot:
        min_px = max(min_px, 0.8 * fw)
    a = math.radians(angle)
    bw = abs(ow * math.cos(a)) + abs(oh * math.sin(a))
    bh = abs(ow * math.sin(a)) + abs(oh * math.cos(a))
    fill = float(rng.uniform(0.8, 0.95) if screenshot else rng.uniform(0.25, 0.95))
    s = fill * min(fw / bw, fh / bh)
    if s * ow < min_px:
        need = min_px / (ow * s)
        fill = min(0.95, fill * need)
        s = fill * min(fw / bw, fh / bh)
        if s * ow < min_px:  # frame too small: grow it
            g = min_px / (s * ow)
            fw, fh = int(fw * g), int(fh * g)
            s = fill * min(fw / bw, fh / bh)
    bg, bg_kind = make_background(fh, fw, rng)
    eff = {"frame": [fw, fh], "background": bg_kind, "rotation": rot_kind, "angle_deg": round(angle, 2),
           "card_fill": round(fill, 3), "card_px": int(s * ow)}

    card = cv2.resize(obj_rgba, (max(8, int(ow * s)), max(8, int(oh * s))), interpolation=cv2.INTER_AREA)
    cw, ch = card.shape[1], card.shape[0]
    pad = 0
    bend = 0.0
    if rng.random() < (0.45 if hard else 0.3):
        bend = float(rng.uniform(0.01, 0.05 if hard else 0.025) * ch * rng.choice([-1, 1]))
        card, pad = _bend(card, rng, bend)
    eff["bend_frac"] = round(bend / ch, 4)

    # destination corners: rotated rectangle + perspective jitter
    persp = float(rng.uniform(0.0, 0.12 if hard else 0.06))
    ca, sa = math.cos(a), math.sin(a)
    half = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]], np.float32)
    rot = half @ np.array([[ca, sa], [-sa, ca]], np.float32)
    rot += rng.normal(0, persp * max(cw, ch) / 2, rot.shape).astype(np.float32)
    span_x, span_y = rot[:, 0].max() - rot[:, 0].min(), rot[:, 1].max() - rot[:, 1].min()
    if span_x > fw * 0.98 or span_y > fh * 0.98:
        shrink = min(fw * 0.97 / span_x, fh * 0.97 / span_y)
        rot *= shrink
        span_x, span_y = span_x * shrink, span_y * shrink
    lo_x, hi_x = -rot[:, 0].min(), fw - rot[:, 0].max()
    lo_y, hi_y = -rot[:, 1].min(), fh - rot[:, 1].max()
    cx = float(rng.uniform(lo_x, hi_x)) if hi_x > lo_x else fw / 2
    cy = float(rng.uniform(lo_y, hi_y)) if hi_y > lo_y else fh / 2
    if bg_kind == "palm":  # the card lies on the palm, which is drawn near the frame centre
        cx = float(np.clip((cx + fw / 2) / 2, min(lo_x, hi_x), max(lo_x, hi_x)))
        cy = float(np.clip((cy + fh * 0.55) / 2, min(lo_y, hi_y), max(lo_y, hi_y)))
    dst = rot + np.array([cx, cy], np.float32)
    src = np.array([[0, pad], [cw, pad], [cw, pad + ch], [0, pad + ch]], np.float32)
    Hm = cv2.getPerspectiveTransform(src, dst)
    eff["perspective"] = round(persp, 3)
    eff["corners"] = [[round(float(x), 1), round(float(y), 1)] for x, y in dst]

    warped = cv2.warpPerspective(card, Hm, (fw, fh), flags=cv2.INTER_LINEAR, borderValue=0).astype(np.float32)
    alpha = warped[..., 3:4] / 255.0
    # drop shadow
    sh_k = float(rng.uniform(0.15, 0.55))
    off = rng.normal(0, 0.012 * max(fw, fh), 2)
    M = np.float32([[1, 0, off[0]], [0, 1, off[1]]])
    shadow = cv2.warpAffine(alpha[..., 0], M, (fw, fh))
    shadow = cv2.GaussianBlur(shadow, (0, 0), max(1.0, 0.01 * max(fw, fh)))
    bg *= (1 - sh_k * shadow[..., None])
    scene = bg * (1 - alpha) + warped[..., :3] * alpha
    eff["drop_shadow"] = round(sh_k, 2)

    # fingers on the edge (the NIK box is avoided except rarely)
    eff["fingers"] = []
    if fingers_ok and rng.random() < (0.4 if bg_kind == "palm" else 0.25):
        Hf = Hm @ np.array([[1, 0, 0], [0, 1, pad], [0, 0, 1]], np.float64) @ np.diag([s, s, 1.0])
        for _ in range(int(rng.integers(1, 3))):
            info = _finger(scene, Hf, ow, oh, rng, boxes or {},
                           allow_avoid_overlap=bool(rng.random() < 0.03), scale=s)
            if info:
                eff["fingers"].append(info)
    return scene, eff


def photograph(obj_rgba, rng, boxes=None, fingers_ok=True):
    """Full pipeline to a finished JPEG (bytes) plus effects."""
    hard = bool(rng.random() < 0.2)
    screenshot = bool(rng.random() < 0.06)
    scene, eff = place(obj_rgba, rng, boxes, hard, screenshot, fingers_ok)
    eff = {"hard": hard, **eff}
    scene, ceff = camera_effects(scene, rng, hard, eff["card_px"])
    eff.update(ceff)
    img = np.clip(scene, 0, 255).astype(np.uint8)
    if screenshot:
        from .screenshot import in_phone_ui
        img, seff = in_phone_ui(img, rng)
        eff["screenshot"] = seff
    else:
        eff["screenshot"] = None
    data, q = encode_jpeg(img, rng, hard)
    eff["jpeg_quality"] = q
    eff["size"] = [img.shape[1], img.shape[0]]
    return data, eff
