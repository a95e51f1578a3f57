"""Output: resolution, JPEG, re-sending through a chat app, screenshots of a photo."""
import datetime as dt
import numpy as np
import cv2
from PIL import Image, ImageDraw
from .util import pick, chance, wpick, font

RESOLUTIONS = [((640, 480), 3), ((1280, 960), 6), ((1600, 1200), 6), ((2048, 1536), 6), ((2592, 1944), 10),
               ((3264, 2448), 12), ((4000, 3000), 8), ((1920, 1080), 3), ((3264, 1836), 3), ((4000, 2250), 2)]
WORK_MAX = 2000


def choose_resolution(rng, portrait):
    w, h = wpick(rng, RESOLUTIONS)
    return (h, w) if portrait else (w, h)


def work_size(out_w, out_h):
    k = min(1.0, WORK_MAX / max(out_w, out_h))
    return int(round(out_w * k)), int(round(out_h * k))


def to_output(img, out_w, out_h, rng):
    """float32 work image -> uint8 RGB at the output size, with fine-grain noise when upscaled."""
    h, w = img.shape[:2]
    u8 = (np.clip(img, 0, 1) * 255 + 0.5).astype(np.uint8)
    if (w, h) != (out_w, out_h):
        u8 = cv2.resize(u8, (out_w, out_h), interpolation=cv2.INTER_CUBIC if out_w > w else cv2.INTER_AREA)
        if out_w > w:
            n = rng.standard_normal((out_h, out_w), dtype=np.float32) * np.float32(rng.uniform(1.0, 3.0))
            n = np.round(n).astype(np.int16)
            u8 = np.clip(u8.astype(np.int16) + n[..., None], 0, 255).astype(np.uint8)
    return u8


def jpeg(u8, q):
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(u8, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, int(q)])
    return buf.tobytes()


def unjpeg(b):
    return cv2.cvtColor(cv2.imdecode(np.frombuffer(b, np.uint8), cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def screenshot(photo, rng):
    """The photo shown in a phone's gallery or chat viewer, captured as a screenshot."""
    sw, sh = pick(rng, [(720, 1600), (1080, 2400), (1080, 2340), (720, 1520), (1080, 1920)])
    dark = chance(rng, 0.75)
    bgc = (0, 0, 0) if dark else (250, 250, 250)
    fg = (235, 235, 235) if dark else (30, 30, 30)
    canvas = Image.new("RGB", (sw, sh), bgc)
    ph, pw = photo.shape[:2]
    bar = int(sh * 0.035)
    avail_h = sh - bar * 4
    k = min(sw / pw, avail_h / ph)
    nw, nh = max(1, int(pw * k)), max(1, int(ph * k))
    small = Image.fromarray(photo).resize((nw, nh), Image.BILINEAR)
    canvas.paste(small, ((sw - nw) // 2, (sh - nh) // 2))
    d = ImageDraw.Draw(canvas)
    f = font("roboto", int(bar * 0.55))
    hh, mm = int(rng.integers(5, 23)), int(rng.integers(0, 60))
    d.text((int(sw * 0.05), int(bar * 0.2)), "%02d:%02d" % (hh, mm), font=f, fill=fg)
    bx = int(sw * 0.88)
    d.rectangle([bx, int(bar * 0.3), bx + int(sw * 0.06), int(bar * 0.75)], outline=fg, width=2)
    d.rectangle([bx + 2, int(bar * 0.3) + 2, bx + int(sw * 0.06 * rng.uniform(0.2, 0.95)), int(bar * 0.75) - 2], fill=fg)
    for i in range(4):  # signal bars
        x = int(sw * 0.78) + i * int(sw * 0.012)
        d.rectangle([x, int(bar * (0.75 - 0.12 * (i + 1))), x + int(sw * 0.008), int(bar * 0.75)], fill=fg)
    kind = pick(rng, ["gallery", "whatsapp"])
    ft = font("roboto", int(bar * 0.6))
    if kind == "whatsapp":
        d.text((int(sw * 0.15), int(bar * 1.3)), pick(rng, ["Anda", "You", "Ibu", "Pak RT", "Admin Klinik"]), font=ft, fill=fg)
        d.text((int(sw * 0.15), int(bar * 2.1)), "%s %02d.%02d" % (pick(rng, ["Kemarin", "Hari ini", "Yesterday"]), hh, mm),
               font=font("roboto", int(bar * 0.42)), fill=fg)
        d.text((int(sw * 0.04), int(bar * 1.5)), "<", font=ft, fill=fg)
    else:
        date = dt.date(2024, 1, 1) + dt.timedelta(days=int(rng.integers(0, 500)))
        d.text((int(sw * 0.05), int(bar * 1.4)), date.strftime("%d %b %Y"), font=ft, fill=fg)
        for i in range(4):  # bottom action icons
            cx = int(sw * (0.15 + 0.23 * i))
            d.ellipse([cx - bar // 3, sh - bar * 2, cx + bar // 3, sh - bar * 2 + 2 * (bar // 3)], outline=fg, width=2)
    return np.asarray(canvas), {"screenshot": kind, "screen_size": [sw, sh]}


def finish(img, out_w, out_h, rng):
    """Return (JPEG bytes, effects)."""
    eff = {"resolution": [out_w, out_h]}
    u8 = to_output(img, out_w, out_h, rng)
    q = int(wpick(rng, [(int(rng.integers(30, 55)), 2), (int(rng.integers(55, 80)), 4), (int(rng.integers(80, 96)), 5)]))
    data = jpeg(u8, q)
    eff["jpeg_quality"] = q
    r = rng.random()
    if r < 0.2:  # re-sent through a chat app
        im = unjpeg(data)
        lim = pick(rng, [1280, 1280, 1600, 1024])
        k = lim / max(im.shape[:2])
        if k < 1:
            im = cv2.resize(im, (int(im.shape[1] * k), int(im.shape[0] * k)), interpolation=cv2.INTER_AREA)
        q2 = int(rng.integers(50, 82))
        data = jpeg(im, q2)
        eff["chat_app"] = {"max_side": lim, "quality": q2, "size": [im.shape[1], im.shape[0]]}
    elif r < 0.26:  # a screenshot of the photo
        shot, e2 = screenshot(unjpeg(data), rng)
        q2 = int(rng.integers(70, 96))
        data = jpeg(shot, q2)
        e2["quality"] = q2
        eff.update(e2)
        eff["resolution"] = e2["screen_size"]
    return data, eff
