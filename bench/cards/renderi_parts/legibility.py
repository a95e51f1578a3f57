"""Judges, per printed value, whether a careful human could still read it in the photo."""
import numpy as np
import cv2

KEY_FIELDS = ("nama", "nik")


def _grid(b, nu=7, nv=3):
    us = np.linspace(b[0], b[2], nu)
    vs = np.linspace(b[1], b[3], nv)
    U, V = np.meshgrid(us, vs)
    return np.stack([U.ravel(), V.ravel()], 1)


def box_center(pl, b):
    return pl.to_out([[(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]])[0]


def box_cap(pl, b):
    p = pl.to_out([[b[0], b[1]], [b[0], b[3]], [b[2], b[1]], [b[2], b[3]]])
    return float((np.linalg.norm(p[1] - p[0]) + np.linalg.norm(p[3] - p[2])) / 2)


def cap_height(pl, boxes, text_ref):
    if "nama" in boxes:
        return box_cap(pl, boxes["nama"][0])
    return pl.width_px() * text_ref


def quad_area(q):
    x, y = q[:, 0], q[:, 1]
    return float(0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))


def _contrast(pl, b, clean):
    H, W = clean.shape[:2]
    poly = pl.to_out([[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]])
    x0, y0 = np.floor(poly.min(0)).astype(int)
    x1, y1 = np.ceil(poly.max(0)).astype(int) + 1
    x0, y0, x1, y1 = max(0, x0), max(0, y0), min(W, x1), min(H, y1)
    if x1 - x0 < 2 or y1 - y0 < 2:
        return 0.0
    m = np.zeros((y1 - y0, x1 - x0), np.uint8)
    cv2.fillPoly(m, [np.round(poly - [x0, y0]).astype(np.int32)], 1)
    lum = clean[y0:y1, x0:x1].mean(axis=2)[m > 0]
    if lum.size < 4:
        return 0.0
    lo, hi = np.percentile(lum, [5, 95])
    return float(hi - lo)


def assess(pl, boxes, clean, thumb, cam, shot, text_ref):
    H, W = clean.shape[:2]
    scale = shot["scale"] if shot else 1.0
    sig = float(np.hypot(cam["defocus"], 0.29 * cam["motion"]))
    noise_sigma = cam["noise"] * 1.6 * 0.8 * (1 + 0.5 * cam["sharpen"])
    q = cam["jpeg"]
    unread, detail = [], {}
    for key, bl in boxes.items():
        reasons = set()
        for b in bl:
            pts = pl.to_out(_grid(b))
            inside = (pts[:, 0] >= 0) & (pts[:, 0] < W) & (pts[:, 1] >= 0) & (pts[:, 1] < H)
            if inside.mean() < 0.9:
                reasons.add("out_of_frame")
            if thumb is not None and inside.any():
                pi = np.round(pts[inside]).astype(int)
                cov = thumb[np.clip(pi[:, 1], 0, H - 1), np.clip(pi[:, 0], 0, W - 1)] > 0.5
                if cov.sum() / len(pts) > 0.2:
                    reasons.add("finger")
            cap = box_cap(pl, b) * scale
            ratio = sig / max(box_cap(pl, b), 1e-6)
            if cap < 5.5:
                reasons.add("too_small")
            if cap < 7 and q < 36:
                reasons.add("small_and_jpeg")
            if ratio > 0.33:
                reasons.add("blur")
            elif cap < 8.5 and ratio > 0.2 and q < 45:
                reasons.add("blur_small_jpeg")
            if inside.mean() > 0.5:
                c = _contrast(pl, b, clean)
                if c < 0.1:
                    reasons.add("washed_out_or_dark")
                elif c < 3.0 * noise_sigma:
                    reasons.add("noise")
        if reasons:
            unread.append(key)
            detail[key] = sorted(reasons)
    keyw = [k for k in KEY_FIELDS if k in boxes]
    hard = any(k in unread for k in keyw) if keyw else False
    caps = {k: round(box_cap(pl, boxes[k][0]) * scale, 1) for k in keyw}
    out = {"text_cap_px": caps, "unreadable_fields": unread, "hard": bool(hard)}
    if hard:
        out["hard_reasons"] = {k: detail[k] for k in keyw if k in detail}
    return out
