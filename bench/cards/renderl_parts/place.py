"""Putting a flat object (card, paper) into the scene: perspective, bend, thickness, shadow."""
import numpy as np
import cv2
from .util import chance


def _rot(ax, deg):
    a = np.deg2rad(deg)
    c, s = np.cos(a), np.sin(a)
    if ax == "x":
        return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])
    if ax == "y":
        return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def project_quad(aspect, out_w, out_h, rng, fill, rot, tilt_x, tilt_y, fov_deg=68.0):
    """Corners (TL, TR, BR, BL of the object as printed) in output pixels."""
    X = np.array([[-0.5, -aspect / 2, 0], [0.5, -aspect / 2, 0], [0.5, aspect / 2, 0], [-0.5, aspect / 2, 0]])
    R = _rot("x", tilt_x) @ _rot("y", tilt_y) @ _rot("z", rot)
    P = X @ R.T
    th = np.tan(np.deg2rad(fov_deg / 2))
    D = max(0.6, 1.0 / (2 * th * max(fill, 0.05)))
    fpx = (out_w / 2) / th
    z = P[:, 2] + D
    q = np.stack([fpx * P[:, 0] / z, fpx * P[:, 1] / z], 1)
    bw, bh = np.ptp(q[:, 0]), np.ptp(q[:, 1])
    k = fill / max(bw / out_w, bh / out_h)
    q = (q - q.mean(0)) * k
    bw, bh = np.ptp(q[:, 0]), np.ptp(q[:, 1])
    mx, my = max(0.0, (out_w - bw) / 2), max(0.0, (out_h - bh) / 2)
    cx = out_w / 2 + rng.uniform(-mx, mx) * 0.9
    cy = out_h / 2 + rng.uniform(-my, my) * 0.9
    q[:, 0] += cx - (q[:, 0].min() + q[:, 0].max()) / 2
    q[:, 1] += cy - (q[:, 1].min() + q[:, 1].max()) / 2
    return q.astype(np.float32)


def warp_object(obj, alpha, quad, out_w, out_h, bend=0.0, pad=0.0):
    """Inverse-map the object into the output. Returns (rgb float32 ROI, alpha float32 ROI, (x0,y0,x1,y1), H)."""
    h, w = obj.shape[:2]
    src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    Hm = cv2.getPerspectiveTransform(src, quad)
    Hi = np.linalg.inv(Hm)
    m = pad + abs(bend) * np.ptp(quad[:, 1]) * 0.5 + 3
    x0, y0 = int(max(0, quad[:, 0].min() - m)), int(max(0, quad[:, 1].min() - m))
    x1, y1 = int(min(out_w, quad[:, 0].max() + m + 1)), int(min(out_h, quad[:, 1].max() + m + 1))
    if x1 <= x0 or y1 <= y0:
        return None
    xs, ys = np.meshgrid(np.arange(x0, x1, dtype=np.float32), np.arange(y0, y1, dtype=np.float32))
    den = Hi[2, 0] * xs + Hi[2, 1] * ys + Hi[2, 2]
    u = ((Hi[0, 0] * xs + Hi[0, 1] * ys + Hi[0, 2]) / den).astype(np.float32)
    v = ((Hi[1, 0] * xs + Hi[1, 1] * ys + Hi[1, 2]) / den).astype(np.float32)
    shade = None
    if bend:
        un = (u - w / 2) / (w / 2)
        fac = 1 + bend * (un * un - 1 / 3)
        v = (h / 2 + (v - h / 2) / fac).astype(np.float32)
        shade = (1 - 0.25 * abs(bend) * np.clip(un * un, 0, 1.5) * np.sign(bend)).astype(np.float32)
    # pre-filter when the object is much larger than its image
    scale = w / max(1.0, np.ptp(quad[:, 0]) + 1e-3)
    src_img, src_a = obj, alpha
    if scale > 1.6:
        sg = 0.45 * scale
        src_img = cv2.GaussianBlur(obj, (0, 0), sg)
        src_a = cv2.GaussianBlur(alpha, (0, 0), sg)
    rgb = cv2.remap(src_img, u, v, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    a = cv2.remap(src_a, u, v, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    if shade is not None:
        rgb = rgb * shade[..., None]
    return rgb, a, (x0, y0, x1, y1), Hm


def composite(bg, obj, alpha, quad, rng, bend=0.0, thickness=0.0, edge_col=(0.9, 0.92, 0.95), shadow=0.4, held=False):
    """Composite obj (float32 RGB) with alpha (float32 0..1) at quad onto bg (in place). Returns (full-size mask, homography)."""
    H, W = bg.shape[:2]
    res = warp_object(obj, alpha, quad, W, H, bend, pad=max(8.0, thickness * 3 + 30))
    full = np.zeros((H, W), np.float32)
    if res is None:
        return full, None
    rgb, a, (x0, y0, x1, y1), Hm = res
    roi = bg[y0:y1, x0:x1]
    # soft contact / drop shadow
    if shadow > 0:
        sg = (3 if not held else 12) + 0.01 * max(x1 - x0, y1 - y0)
        off = (rng.uniform(-0.6, 0.6) * sg, rng.uniform(0.2, 1.0) * sg)
        M = np.float32([[1, 0, off[0]], [0, 1, off[1]]])
        sh = cv2.warpAffine(a, M, (a.shape[1], a.shape[0]))
        sh = cv2.GaussianBlur(sh, (0, 0), sg)
        roi *= (1 - shadow * sh)[..., None]
    # card thickness: a thin lighter rim on one side
    if thickness > 0.4:
        ang = rng.uniform(0, 2 * np.pi)
        M = np.float32([[1, 0, thickness * np.cos(ang)], [0, 1, thickness * np.sin(ang)]])
        rim = cv2.warpAffine(a, M, (a.shape[1], a.shape[0]))
        rim = np.clip(rim - a, 0, 1)[..., None]
        roi[:] = roi * (1 - rim) + np.array(edge_col, np.float32) * rim
    a3 = a[..., None]
    roi[:] = roi * (1 - a3) + rgb * a3
    full[y0:y1, x0:x1] = a
    return full, Hm


def card_point(Hm, u, v):
    """Map a point of the object image (pixels) to the output."""
    p = Hm @ np.array([u, v, 1.0])
    return p[:2] / p[2]
