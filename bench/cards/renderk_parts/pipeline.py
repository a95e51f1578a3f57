"""A cheap-phone photo of a flat object (card or paper) or of a whole scene."""
import cv2
import numpy as np

from .geometry import bend, choose_frame, finger_on_corner, hand, place, warp
from .photo import blur, color_cast, glare, jpeg, light_field, noise, screenshot
from .scene import SKIN, room, surface


def _angles(rng, eff):
    if rng.p(0.1):
        roll = rng.ch([90, 180, 270, -90]) + rng.n(0, 3)
    else:
        roll = float(np.clip(rng.n(0, 6), -20, 20))
    if rng.p(0.5):
        yaw, pitch = rng.n(0, 5), rng.n(0, 6)
    else:
        yaw, pitch = rng.u(-28, 28), rng.u(-28, 28)
    t = np.hypot(yaw, pitch)
    if t > 30:
        yaw, pitch = yaw * 30 / t, pitch * 30 / t
    eff.update(roll=round(roll, 1), yaw=round(yaw, 1), pitch=round(pitch, 1))
    return yaw, pitch, roll


def _drop_shadow(rng, img, quad, eff):
    h, w = img.shape[:2]
    k = 8
    m = np.zeros((h // k + 1, w // k + 1), np.float32)
    off = np.array([rng.u(-0.02, 0.02) * w, rng.u(0.0, 0.03) * h])
    cv2.fillPoly(m, [((quad + off) / k).astype(np.int32)], 1.0)
    m = cv2.GaussianBlur(m, (0, 0), max(1.0, rng.u(0.004, 0.02) * w / k))
    s = rng.u(0.15, 0.45)
    img *= (1 - s * cv2.resize(m, (w, h)))[..., None]
    eff["drop_shadow"] = round(s, 2)


def photograph(rng, obj=None, kind="card", scene_fn=None, min_px=520, frame=None, cap_frac=None):
    """Return (JPEG bytes, effects). obj: RGBA uint8 flat object; or scene_fn(rng, h, w) -> RGB float.
    cap_frac: text cap height / object width, used to keep blur below what makes text unreadable."""
    eff = {}
    W, H = frame or choose_frame(rng)
    hard = rng.ch([None, "small", "dark", "blurred"], [90, 3.5, 3.5, 3])
    eff["frame"] = [W, H]
    eff["hard"] = hard
    scale = max(W, H) / 1000.0
    occl = np.zeros((H, W), np.float32)
    if obj is not None:
        held = rng.p(0.38 if kind == "card" else 0.1)
        if held:
            img = room(rng, H, W)
            eff["surface"] = "room (held in hand)"
        else:
            img, sk = surface(rng, H, W)
            eff["surface"] = sk
        if hard == "small":
            fill = rng.u(0.17, 0.3)
        elif kind == "card":
            fill = 0.35 + 0.55 * (rng.u(0, 1) + rng.u(0, 1)) / 2
        else:
            fill = rng.u(0.55, 0.95)
        yaw, pitch, roll = _angles(rng, eff)
        if rng.p(0.3 if kind == "card" else 0.7):
            amp = rng.u(-0.04, 0.04) if kind == "card" else rng.u(-0.07, 0.07)
            obj, _ = bend(obj, rng, amp)
            eff["bend"] = round(amp, 3)
        oh, ow = obj.shape[:2]
        Hm, quad = place(rng, ow, oh, W, H, fill, yaw, pitch, roll)
        cwpx = float(np.linalg.norm(quad[1] - quad[0]))
        if hard is None and kind == "card" and cwpx < min_px:
            fill = min(0.95, fill * min_px / cwpx)
            Hm, quad = place(rng, ow, oh, W, H, fill, yaw, pitch, roll)
            cwpx = float(np.linalg.norm(quad[1] - quad[0]))
        eff["fill"] = round(fill, 3)
        eff["object_px_width"] = int(cwpx)
        if cap_frac:
            cap_px = cwpx * cap_frac
            eff["text_cap_px"] = round(cap_px, 1)
            if hard is None and cap_px < 8:
                hard = eff["hard"] = "small"
        if not held:
            _drop_shadow(rng, img, quad, eff)
        ppo = cwpx / ow
        if held:
            skin = np.array(rng.ch(SKIN), np.float32) * rng.u(0.9, 1.05)
            eff["hand"] = hand(rng, img, Hm, ow, oh, ppo, False, None, skin)
        rgb, a = warp(obj, Hm, W, H)
        rgb -= img
        rgb *= a[..., None]
        img += rgb
        del rgb
        if held and rng.p(0.8):
            eff["hand"].update(hand(rng, img, Hm, ow, oh, ppo, True, occl, skin))
        elif not held and kind == "card" and rng.p(0.15):
            eff["finger"] = finger_on_corner(rng, img, Hm, ow, oh, ppo, occl)
    else:
        img = scene_fn(rng, H, W)
        a = None
    img *= light_field(rng, H, W, eff)[..., None]
    flash = rng.p(0.12)
    eff["flash"] = flash
    if a is not None and (flash or rng.p(0.5 if kind == "card" else 0.12)):
        glare(rng, img, a * (1 - occl), quad, eff, flash)
    color_cast(rng, img, eff)
    cap_px = eff.get("text_cap_px")
    img = blur(rng, img, scale, eff, hard == "blurred", None if (hard or not cap_px) else cap_px)
    if hard == "dark":
        exp, gain = rng.u(0.1, 0.22), rng.u(1.0, 1.6)
    elif rng.p(0.22):
        exp = rng.u(0.3, 0.65)
        gain = (1 / exp) ** rng.u(0.4, 0.85)
    else:
        exp, gain = rng.u(0.8, 1.15), 1.0
    img *= exp
    sigma = rng.u(0.004, 0.02) * (1 / max(exp, 0.1)) ** 0.5
    img = noise(rng, img, sigma, eff)
    img *= gain
    eff["exposure"], eff["gain"] = round(exp, 3), round(gain, 3)
    u8 = cv2.convertScaleAbs(img, alpha=255.0)  # saturating; tiny negative noise folds up
    del img
    gam = rng.u(0.85, 1.1)
    lut = np.clip(((np.arange(256) / 255.0) ** gam) * 255 + 0.5, 0, 255).astype(np.uint8)
    u8 = cv2.LUT(u8, lut)
    if rng.p(0.55):
        am = rng.u(0.3, 1.2)
        b = cv2.GaussianBlur(u8, (0, 0), rng.u(0.8, 2.0) * max(1.0, scale * 0.7))
        u8 = cv2.addWeighted(u8, 1 + am, b, -am, 0)
        eff["sharpen"] = round(am, 2)
    eff["gamma"] = round(gam, 3)
    u8 = cv2.cvtColor(u8, cv2.COLOR_RGB2BGR)
    q = int(np.clip(rng.n(82, 12), 30, 95)) if rng.p(0.9) else rng.i(30, 55)
    buf = jpeg(u8, q)
    eff["jpeg_quality"] = q
    if rng.p(0.2):  # re-sent through a chat app
        dec = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        lim = rng.ch([1280, 1280, 1600, 960])
        k = lim / max(dec.shape[:2])
        if k < 1:
            dec = cv2.resize(dec, (int(dec.shape[1] * k), int(dec.shape[0] * k)), interpolation=cv2.INTER_AREA)
        q2 = rng.i(40, 78)
        buf = jpeg(dec, q2)
        eff["chat_resend"] = {"max_side": lim, "quality": q2, "size": [dec.shape[1], dec.shape[0]]}
        if "text_cap_px" in eff:
            eff["text_cap_px_final"] = round(eff["text_cap_px"] * min(1.0, k), 1)
    if rng.p(0.05):
        dec = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        shot = screenshot(rng, dec, eff)
        if "text_cap_px" in eff:
            k = eff["screenshot"]["scale"]
            eff["text_cap_px_final"] = round(eff.get("text_cap_px_final", eff["text_cap_px"]) * k, 1)
        q3 = rng.i(60, 92)
        buf = jpeg(shot, q3)
        eff["screenshot"]["quality"] = q3
    if eff.get("text_cap_px_final", 99) < 7 and not eff["hard"]:
        eff["hard"] = "small"
    return buf.tobytes(), eff
