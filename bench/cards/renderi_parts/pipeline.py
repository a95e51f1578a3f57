"""One photo of a flat object (card or paper): framing, surface, hand, camera, screenshot, JPEG, legibility."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick, soft_blur
from . import geometry, scene, hand, photo, screen, legibility

HARD_CAUSES = [("small", 0.22), ("blur", 0.17), ("motion", 0.12), ("dark", 0.1), ("glare", 0.12),
               ("overexposed", 0.05), ("finger", 0.1), ("cut", 0.07), ("combo", 0.05)]


def sample_frame(rng, pose):
    L = int(wpick(rng, [(int(rng.integers(640, 1000)), 0.18), (int(rng.integers(1000, 2000)), 0.47),
                        (int(rng.integers(2000, 3000)), 0.2), (int(rng.integers(3000, 4001)), 0.15)]))
    ar = wpick(rng, [(4 / 3, 0.55), (16 / 9, 0.2), (1.0, 0.08), (3 / 2, 0.07), (2.1, 0.1)])
    sideways = abs(((pose["rotation_deg"] + 45) % 180) - 45) > 45
    portrait = chance(rng, 0.75 if sideways else 0.33)
    S = int(round(L / ar))
    return (S, L) if portrait else (L, S)


def sample_fill(rng):
    return wpick(rng, [(uni(rng, 0.25, 0.5), 0.13), (uni(rng, 0.5, 0.8), 0.45), (uni(rng, 0.8, 0.95), 0.42)])


def shoot(rng, make_object, aspect, hard_cause=None, allow_hand=True, text_ref=0.0155):
    """make_object(width_px) -> (rgb float32, alpha float32, boxes {key: [norm boxes]}, info).
    text_ref: typical cap height of the key text as a fraction of object width."""
    eff = {}
    cam = photo.sample_camera(rng, hard_cause)
    pose = geometry.sample_pose(rng, hard=hard_cause == "combo")
    W, H = sample_frame(rng, pose)
    scfg = screen.sample_screen(rng) if (chance(rng, 0.06) and hard_cause != "small") else None
    if scfg:  # the photo is shown on a phone screen: its pixels are the screen's
        _, _, W, H = screen.inner_box(scfg, H / W)
    fill = sample_fill(rng)
    # make sure the key text has a sensible size; the "small" cause shrinks it on purpose
    pl = geometry.Placement(pose, aspect, W, H, fill, rng)
    cap = pl.width_px() * text_ref
    if hard_cause == "small":
        want = uni(rng, 2.8, 5.0)
        k = want / cap
        if k < 1:
            fill = max(0.08, fill * k)
            if fill < 0.2:  # keep the card visible: shrink the frame instead
                W, H = int(W * fill / 0.2), int(H * fill / 0.2)
                fill = 0.2
                if max(W, H) < 640:
                    W, H = int(W * 640 / max(W, H)), int(H * 640 / max(W, H))
    elif hard_cause == "combo":
        want = uni(rng, 5.5, 7.5)
        if cap > want:
            fill = max(0.2, fill * want / cap)
        cam["defocus_rel"] = uni(rng, 0.22, 0.32)
        cam["jpeg"] = int(rng.integers(30, 42))
        cam["noise"] = uni(rng, 0.025, 0.04)
    else:
        if cap < 8.5:
            k = 8.5 / cap
            if fill * k <= 0.95:
                fill *= k
            elif scfg:
                fill = 0.95
            else:
                g = min(fill * k / 0.95, 4000.0 / max(W, H))
                W, H = int(W * g), int(H * g)
                fill = 0.95
    pl = geometry.Placement(pose, aspect, W, H, fill, rng, allow_cut=False)
    obj_w = geometry.object_resolution(pl.width_px())
    rgb, alpha, boxes, oinfo = make_object(obj_w)
    tw = pl.width_px() * 1.25
    if rgb.shape[1] > tw * 1.15:
        nh = max(4, int(round(rgb.shape[0] * tw / rgb.shape[1])))
        rgb = cv2.resize(rgb, (int(tw), nh), interpolation=cv2.INTER_AREA)
        alpha = cv2.resize(alpha, (int(tw), nh), interpolation=cv2.INTER_AREA)
    if hard_cause == "cut":
        _cut(rng, pl, boxes)
    # surface, hand behind, shadow and card edge
    bg, bkind = scene.background(rng, H, W)
    img = bg
    held = allow_hand and (chance(rng, 0.16) or hard_cause == "finger")
    if held:
        skin = hand.pick_skin(rng)
        edge, far, tip, wid = hand.thumb_geometry(rng, hard_cause == "finger", aspect)
        if hard_cause != "finger":  # hands in the air: the surface is out of focus
            img = soft_blur(img, max(1.0, max(W, H) / 300))
        hand.draw_behind(rng, img, pl.to_out, edge, aspect, skin)
    rgba = np.dstack([rgb, alpha]).astype(np.float32)
    warped, x0, y0 = pl.warp(rgba)
    mask = np.zeros((H, W), np.float32)
    if warped is not None:
        h_, w_ = warped.shape[:2]
        a = warped[..., 3]
        mask[y0:y0 + h_, x0:x0 + w_] = a
        sh = soft_blur(mask, max(1.5, pl.width_px() * uni(rng, 0.005, 0.03)))
        off = (int(pl.width_px() * uni(rng, -0.02, 0.02)), int(pl.width_px() * uni(rng, 0.0, 0.03)))
        sh = np.roll(np.roll(sh, off[1], 0), off[0], 1)
        img = img * (1 - uni(rng, 0.2, 0.5) * sh)[..., None]
        eo = max(1, int(round(pl.width_px() * 0.003)))
        em = np.roll(np.roll(mask, eo, 0), eo // 2, 1)
        img = img * (1 - em[..., None]) + np.float32(uni(rng, 0.6, 0.9)) * em[..., None]
        reg = img[y0:y0 + h_, x0:x0 + w_]
        reg[:] = reg * (1 - a[..., None]) + warped[..., :3] * a[..., None]
    thumb = None
    if held:
        thumb = hand.draw_thumb(rng, img, pl.to_out, far, tip, wid, skin)
        eff["hand"] = {"thumb_edge": edge, "over_text": hard_cause == "finger"}
    # light
    cap_px = legibility.cap_height(pl, boxes, text_ref)
    cam["defocus"] = max(uni(rng, 0.0, 0.7), cam["defocus_rel"] * cap_px)
    cam["motion"] = cam["motion_rel"] * cap_px
    if cam["glare"] > 0:
        if hard_cause == "glare":
            key = pick(rng, [k for k in ("nik", "nama") if k in boxes] or list(boxes) or [None])
            gxy = legibility.box_center(pl, boxes[key][0]) if key else pl.to_out([[0.5, 0.5]])[0]
            size = pl.width_px() * np.array([uni(rng, 0.12, 0.25), uni(rng, 0.06, 0.12)])
        else:
            gxy = pl.to_out([[uni(rng, 0.05, 0.95), uni(rng, 0.05, 0.95)]])[0]
            size = pl.width_px() * np.array([uni(rng, 0.05, 0.2), uni(rng, 0.03, 0.12)])
        cam["glare_xy"], cam["glare_size"] = tuple(gxy), tuple(size)
    img, linfo, _ = photo.lighting(rng, img, mask, cam)
    img = photo.colour_and_exposure(rng, img, cam)
    img = photo.blur(rng, img, cam)
    clean = img
    img = photo.noise(rng, img, cam)
    img = photo.sharpen(img, cam["sharpen"], max(0.8, min(W, H) / 1000))
    u8 = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    shot = None
    if scfg:
        inner = photo.jpeg_roundtrip(u8, int(rng.integers(70, 93)))
        u8, (sx, sy, sw, sh_) = screen.compose(rng, scfg, inner)
        shot = {"screen": scfg["screen"], "ui": scfg["ui"], "inner_box": [int(sx), int(sy), int(sw), int(sh_)],
                "scale": round(sw / W, 4)}
    leg = legibility.assess(pl, boxes, clean, thumb, cam, shot, text_ref)
    eff.update({
        "frame": [int(u8.shape[1]), int(u8.shape[0])], "surface": bkind,
        "fill_bbox": round(float(fill), 3), "card_area_frac": round(legibility.quad_area(pl.quad) / (W * H), 3),
        "card_quad": _final_quad(pl, shot),
        "pose": pose, "object_px": [int(rgb.shape[1]), int(rgb.shape[0])],
        "light": linfo, "white_balance": [round(v, 3) for v in cam["wb"]], "exposure": round(cam["exposure"], 3),
        "gamma": round(cam["gamma"], 3), "defocus_sigma_px": round(float(cam["defocus"]), 2),
        "motion_px": round(float(cam["motion"]), 2), "motion_angle": round(cam["motion_angle"], 1),
        "noise": round(cam["noise"], 4), "sharpen": round(cam["sharpen"], 2), "jpeg_quality": cam["jpeg"],
    })
    if shot:
        eff["screenshot"] = shot
    if hard_cause:
        eff["hard_cause_intended"] = hard_cause
    eff.update(leg)
    return u8, eff, oinfo


def _final_quad(pl, shot):
    q = pl.to_out([[0, 0], [1, 0], [1, 1], [0, 1]])
    if shot:
        q = q * shot["scale"] + np.array(shot["inner_box"][:2], float)
    return [[round(float(x), 1), round(float(y), 1)] for x, y in q]


def _cut(rng, pl, boxes):
    """Slide the object so that the part left of u=c falls outside the frame."""
    c = uni(rng, 0.3, 0.5)
    p_c = pl.to_out([[c, 0.5]])[0]
    a, b = pl.to_out([[0.0, 0.5], [1.0, 0.5]])
    d = (a - b) / (np.linalg.norm(a - b) + 1e-9)
    ts = []
    for i, lim in ((0, pl.W), (1, pl.H)):
        if d[i] > 1e-6:
            ts.append((lim - p_c[i]) / d[i])
        elif d[i] < -1e-6:
            ts.append((0 - p_c[i]) / d[i])
    t = min(ts) if ts else 0.0
    pl.quad = pl.quad + d * t
    pl.Hm = cv2.getPerspectiveTransform(np.array([[0, 0], [1, 0], [1, 1], [0, 1]], np.float32),
                                        pl.quad.astype(np.float32))


def encode(u8, quality):
    return photo.jpeg_bytes(u8, quality)


def shoot_scene(rng, draw, hard_cause=None):
    """A full-frame scene (no document): draw(rng, H, W) -> (float img, info)."""
    pose = {"rotation_deg": 0.0}
    W, H = sample_frame(rng, pose)
    cam = photo.sample_camera(rng, hard_cause)
    s = min(1.0, 1600.0 / max(W, H))
    h, w = max(16, int(H * s)), max(16, int(W * s))
    img, info = draw(rng, h, w)
    if s < 1.0:
        img = cv2.resize(img.astype(np.float32), (W, H), interpolation=cv2.INTER_LINEAR)
    ref = 0.012 * max(W, H)
    cam["defocus"] = max(uni(rng, 0.0, 0.8), cam["defocus_rel"] * ref)
    cam["motion"] = cam["motion_rel"] * ref
    if cam["glare"] > 0:
        cam["glare_xy"] = (uni(rng, 0.1, 0.9) * W, uni(rng, 0.1, 0.9) * H)
        cam["glare_size"] = (uni(rng, 0.05, 0.2) * W, uni(rng, 0.03, 0.12) * W)
    img, linfo, _ = photo.lighting(rng, img.astype(np.float32), np.full((H, W), 0.3, np.float32), cam)
    img = photo.colour_and_exposure(rng, img, cam)
    img = photo.blur(rng, img, cam)
    img = photo.noise(rng, img, cam)
    img = photo.sharpen(img, cam["sharpen"], max(0.8, min(W, H) / 1000))
    u8 = np.clip(img * 255 + 0.5, 0, 255).astype(np.uint8)
    eff = {"frame": [W, H], "light": linfo, "white_balance": [round(v, 3) for v in cam["wb"]],
           "exposure": round(cam["exposure"], 3), "defocus_sigma_px": round(float(cam["defocus"]), 2),
           "motion_px": round(float(cam["motion"]), 2), "noise": round(cam["noise"], 4),
           "jpeg_quality": cam["jpeg"], "hard": False, "unreadable_fields": []}
    if hard_cause:
        eff["hard_cause_intended"] = hard_cause
    eff.update(info)
    return u8, eff
