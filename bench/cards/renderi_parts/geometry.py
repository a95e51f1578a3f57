"""Pose of the object in the photo: 3-D tilt, in-plane rotation, bend, and warping into the frame."""
import numpy as np
import cv2
from .util import uni, chance, wpick


def rot(ax, a):
    c, s = np.cos(a), np.sin(a)
    if ax == "x":
        return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])
    if ax == "y":
        return np.array([[c, 0, s], [0, 1, 0], [-s, 0, c]])
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def sample_pose(rng, hard=False):
    r = rng.random()
    if r < 0.1:
        base = 90.0
    elif r < 0.15:
        base = 270.0
    elif r < 0.2:
        base = 180.0
    else:
        base = 0.0
    tilt = rng.normal(0, 4.0) if chance(rng, 0.8) else uni(rng, -25, 25)
    roll = base + tilt
    pmax = 38 if hard else 24
    pitch = float(np.clip(rng.normal(0, 9), -pmax, pmax))
    yaw = float(np.clip(rng.normal(0, 8), -pmax, pmax))
    dist = uni(rng, 1.6, 4.0)
    bend = 0.0 if chance(rng, 0.6) else float(rng.normal(0, 0.025))
    return {"rotation_deg": round(float(roll), 2), "pitch_deg": round(pitch, 2), "yaw_deg": round(yaw, 2),
            "camera_dist": round(dist, 2), "bend": round(bend, 4), "bend_axis": "x" if chance(rng, 0.75) else "y"}


def project_unit(pose, aspect, pts_uv):
    """Normalised object points (u,v) -> projected 2-D points (unit: object width), before framing."""
    pts_uv = np.asarray(pts_uv, float)
    P = np.stack([pts_uv[:, 0] - 0.5, (pts_uv[:, 1] - 0.5) * aspect, np.zeros(len(pts_uv))], 1)
    R = rot("z", np.deg2rad(pose["rotation_deg"])) @ rot("x", np.deg2rad(pose["pitch_deg"])) @ rot("y", np.deg2rad(pose["yaw_deg"]))
    Q = P @ R.T
    z = pose["camera_dist"] + Q[:, 2]
    return np.stack([Q[:, 0] / z, Q[:, 1] / z], 1) * pose["camera_dist"]


class Placement:
    """Maps normalised object coordinates to output pixels (including the bend)."""

    def __init__(self, pose, aspect, W, H, fill, rng, allow_cut=False):
        self.pose, self.aspect, self.W, self.H = pose, aspect, W, H
        corners = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], float)
        q = project_unit(pose, aspect, corners)
        mn, mx = q.min(0), q.max(0)
        span = mx - mn
        s = fill * min(W / span[0], H / span[1])
        free = np.array([W, H]) - span * s
        if allow_cut:
            lo, hi = -0.12 * span * s, free + 0.12 * span * s
        else:
            m = np.minimum(0.02 * np.array([W, H]), np.maximum(free, 0) / 2)
            lo, hi = m, np.maximum(free - m, m)
        t = np.clip(0.5 + rng.normal(0, 0.22, 2), 0, 1)  # people mostly centre the card
        off = lo + (hi - lo) * t
        self.quad = (q - mn) * s + off  # TL, TR, BR, BL of the flat object in output px
        src = corners.astype(np.float32)
        self.Hm = cv2.getPerspectiveTransform(src, self.quad.astype(np.float32))
        self.scale = s
        self.fill = fill

    def bend_disp(self, u, v):
        b = self.pose["bend"]
        if self.pose["bend_axis"] == "x":
            return 0 * u, b * (1 - (2 * u - 1) ** 2) / self.aspect
        return b * (1 - (2 * v - 1) ** 2), 0 * v

    def to_out(self, uv):
        uv = np.asarray(uv, float)
        du, dv = self.bend_disp(uv[:, 0], uv[:, 1])
        p = np.stack([uv[:, 0] + du, uv[:, 1] + dv, np.ones(len(uv))], 1) @ self.Hm.T
        return p[:, :2] / p[:, 2:3]

    def width_px(self):
        q = self.quad
        return float(max(np.linalg.norm(q[1] - q[0]), np.linalg.norm(q[2] - q[3])))

    def warp(self, rgba):
        """Warp float32 (h,w,4) object into the frame; returns (rgba_out (H,W,4), x0, y0) over a bbox."""
        h, w = rgba.shape[:2]
        margin = abs(self.pose["bend"]) * self.scale * 1.2 + 3
        x0 = int(max(0, np.floor(self.quad[:, 0].min() - margin)))
        y0 = int(max(0, np.floor(self.quad[:, 1].min() - margin)))
        x1 = int(min(self.W, np.ceil(self.quad[:, 0].max() + margin)))
        y1 = int(min(self.H, np.ceil(self.quad[:, 1].max() + margin)))
        if x1 <= x0 or y1 <= y0:
            return None, 0, 0
        Hi = np.linalg.inv(self.Hm)
        xs = np.arange(x0, x1, dtype=np.float32)
        ys = np.arange(y0, y1, dtype=np.float32)
        X, Y = np.meshgrid(xs, ys)
        den = Hi[2, 0] * X + Hi[2, 1] * Y + Hi[2, 2]
        U = (Hi[0, 0] * X + Hi[0, 1] * Y + Hi[0, 2]) / den
        V = (Hi[1, 0] * X + Hi[1, 1] * Y + Hi[1, 2]) / den
        du, dv = self.bend_disp(U, V)
        U, V = U - du, V - dv
        mapx = (U * w - 0.5).astype(np.float32)
        mapy = (V * h - 0.5).astype(np.float32)
        out = cv2.remap(rgba, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
        return out, x0, y0


def object_resolution(width_px, lo=420, hi=2200):
    """Pixel width to render the object at, given its width in the output."""
    return int(np.clip(width_px * 1.15, lo, hi))
