"""Frame sizes, 3D placement of a flat object, bends, warping and hands."""
import cv2
import numpy as np

from .scene import SKIN, draw_blob

FRAMES = [((640, 480), 1), ((800, 600), 1), ((1024, 768), 1.5), ((1280, 720), 1.5), ((1280, 960), 2),
          ((1600, 1200), 2), ((1920, 1080), 1.5), ((2048, 1536), 2), ((2592, 1944), 2),
          ((3264, 2448), 2), ((4000, 3000), 1.5), ((1560, 720), 0.5)]


def choose_frame(rng):
    sizes = [f[0] for f in FRAMES]
    W, H = rng.ch(sizes, [f[1] for f in FRAMES])
    if rng.p(0.3):
        W, H = H, W
    return W, H


def rot(yaw, pitch, roll):
    y, p, r = np.deg2rad([yaw, pitch, roll])
    Ry = np.array([[np.cos(y), 0, np.sin(y)], [0, 1, 0], [-np.sin(y), 0, np.cos(y)]])
    Rx = np.array([[1, 0, 0], [0, np.cos(p), -np.sin(p)], [0, np.sin(p), np.cos(p)]])
    Rz = np.array([[np.cos(r), -np.sin(r), 0], [np.sin(r), np.cos(r), 0], [0, 0, 1]])
    return Rz @ Rx @ Ry


def place(rng, ow, oh, W, H, fill, yaw, pitch, roll, margin=0.02):
    """Homography mapping object pixels to frame pixels, and the projected corners."""
    src = np.array([[0, 0], [ow, 0], [ow, oh], [0, oh]], np.float32)
    P = np.c_[src - [ow / 2, oh / 2], np.zeros(4)] @ rot(yaw, pitch, roll).T
    f = max(ow, oh) * rng.u(1.1, 2.2)
    P[:, 2] += f
    uv = f * P[:, :2] / P[:, 2:3]
    lo, hi = uv.min(0), uv.max(0)
    bw, bh = hi - lo
    k = fill * min(W / bw, H / bh)
    uv = (uv - lo) * k
    bw, bh = bw * k, bh * k
    mx, my = max(0.0, W - bw), max(0.0, H - bh)
    cx = rng.u(margin * W, max(margin * W, mx - margin * W)) if mx > 2 * margin * W else mx / 2
    cy = rng.u(margin * H, max(margin * H, my - margin * H)) if my > 2 * margin * H else my / 2
    dst = (uv + [cx, cy]).astype(np.float32)
    return cv2.getPerspectiveTransform(src, dst), dst


def bend(obj, rng, amp_frac):
    """Bend the flat object (RGBA uint8) like a bowed card seen from close by: the local
    magnification varies along one axis (|amp_frac| ~ max relative depth change)."""
    oh, ow = obj.shape[:2]
    pad = int(abs(amp_frac) * max(oh, ow) * 0.6) + 2
    obj = cv2.copyMakeBorder(obj, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=(0, 0, 0, 0))
    H2, W2 = obj.shape[:2]
    along_x = rng.p(0.75)
    n = ow if along_x else oh
    t = np.arange(W2 if along_x else H2, dtype=np.float32) - pad
    prof = np.sin(np.pi * np.clip(t / n, 0, 1)) if rng.p(0.75) else 0.5 + 0.5 * np.sin(np.pi * (np.clip(t / n, 0, 1) - 0.5))
    m = 1.0 + amp_frac * prof
    cx, cy = pad + ow * rng.u(0.3, 0.7), pad + oh * rng.u(0.3, 0.7)
    xx = np.arange(W2, dtype=np.float32)[None, :]
    yy = np.arange(H2, dtype=np.float32)[:, None]
    mm = m[None, :] if along_x else m[:, None]
    mx = (cx + (xx - cx) / mm) * np.ones_like(yy)
    my = (cy + (yy - cy) / mm) * np.ones_like(xx)
    out = cv2.remap(obj, mx.astype(np.float32), my.astype(np.float32), cv2.INTER_LINEAR,
                    borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    sh = 1.0 + 0.1 * np.sign(amp_frac) * (prof - 0.5) * rng.u(0.3, 1.0) * (1 if rng.p(0.5) else -1)
    sh = sh[None, :, None] if along_x else sh[:, None, None]
    out[..., :3] = np.clip(out[..., :3] * sh, 0, 255).astype(np.uint8)
    return out, pad


def warp(obj, Hm, W, H):
    """Warp RGBA uint8 object into the frame; returns (rgb float, alpha float)."""
    oh, ow = obj.shape[:2]
    proj_w = np.linalg.norm(cv2.perspectiveTransform(np.float32([[[0, oh / 2], [ow, oh / 2]]]), Hm)[0, 1]
                            - cv2.perspectiveTransform(np.float32([[[0, oh / 2], [ow, oh / 2]]]), Hm)[0, 0])
    k = proj_w / ow
    if k < 0.66:  # pre-shrink to avoid aliasing
        k2 = max(k * 1.3, 0.05)
        obj = cv2.resize(obj, (max(2, int(ow * k2)), max(2, int(oh * k2))), interpolation=cv2.INTER_AREA)
        S = np.diag([obj.shape[1] / ow, obj.shape[0] / oh, 1.0])
        Hm = Hm @ np.linalg.inv(S)
    out = cv2.warpPerspective(obj, Hm, (W, H), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                              borderValue=(0, 0, 0, 0))
    rgb = out[..., :3].astype(np.float32) / 255.0
    a = out[..., 3].astype(np.float32) / 255.0
    return rgb, a


def to_img(Hm, pts):
    return cv2.perspectiveTransform(np.float32(pts)[None], Hm)[0]


def hand(rng, img, Hm, ow, oh, px_per_obj, front, occl, skin):
    """Hand holding the object: palm and fingers behind (front=False) or thumb in front (True).
    px_per_obj: pixels per object-pixel. Writes occlusion into occl. Returns description."""
    fw = ow * rng.u(0.16, 0.21) * px_per_obj  # finger width (~16 mm on an 86 mm card)
    side = rng.ch(["left", "right", "bottom"], [3, 3, 2])
    if not front:
        fw *= 0.9
        # palm and fingers behind the card, coming from the side
        if side == "left":
            a, b = [(-0.25 * ow, 0.9 * oh), (0.15 * ow, 0.6 * oh)], [(0.0, 0.0), (0.0, 1.0)]
        elif side == "right":
            a, b = [(1.25 * ow, 0.9 * oh), (0.85 * ow, 0.6 * oh)], [(1.0, 0.0), (1.0, 1.0)]
        else:
            a, b = [(0.5 * ow, 1.6 * oh), (0.5 * ow, 0.8 * oh)], [(0.0, 1.0), (1.0, 1.0)]
        pa = to_img(Hm, a)
        draw_blob(img, None, pa, fw * 2.6, skin)
        for k in range(rng.i(2, 4)):  # fingers peeking out of the far edge
            t = 0.15 + 0.22 * k + rng.u(-0.05, 0.05)
            if side == "bottom":
                p0, p1 = (t * ow, 0.7 * oh), (t * ow + rng.u(-0.05, 0.05) * ow, -0.12 * oh)
            else:
                xs = 1.0 if side == "left" else 0.0
                p0 = ((0.3 if side == "left" else 0.7) * ow, t * oh)
                p1 = ((xs + (0.08 if side == "left" else -0.08)) * ow, t * oh + rng.u(-0.05, 0.05) * oh)
            draw_blob(img, None, to_img(Hm, [p0, p1]), fw * rng.u(0.85, 1.0), skin * rng.u(0.9, 1.0), nail=False)
        return {"holding": side}
    # thumb over the near edge or a corner
    if side == "left":
        p0, p1 = (-0.2 * ow, rng.u(0.4, 1.1) * oh), (rng.u(0.05, 0.16) * ow, rng.u(0.45, 0.85) * oh)
    elif side == "right":
        p0, p1 = (1.2 * ow, rng.u(0.4, 1.1) * oh), ((1 - rng.u(0.05, 0.16)) * ow, rng.u(0.45, 0.85) * oh)
    else:
        cx = rng.ch([rng.u(0.05, 0.2), rng.u(0.6, 0.95)])
        p0, p1 = (cx * ow, 1.35 * oh), (cx * ow + rng.u(-0.05, 0.05) * ow, rng.u(0.82, 0.92) * oh)
    draw_blob(img, occl, to_img(Hm, [p0, p1]), fw * rng.u(0.95, 1.15), skin, nail=True)
    return {"thumb": side}


def finger_on_corner(rng, img, Hm, ow, oh, px_per_obj, occl):
    skin = np.array(rng.ch(SKIN), np.float32)
    fw = ow * rng.u(0.15, 0.21) * px_per_obj
    cx, cy = rng.ch([(0, 0), (1, 0), (1, 1), (0, 1)])
    inx, iny = rng.u(0.04, 0.11), rng.u(0.06, 0.16)
    tip = ((inx if cx == 0 else 1 - inx) * ow, (iny if cy == 0 else 1 - iny) * oh)
    base = ((cx * 1.6 - 0.3) * ow, (cy * 1.8 - 0.4) * oh)
    draw_blob(img, occl, to_img(Hm, [base, tip]), fw, skin, nail=True)
    return f"corner{cx}{cy}"
