"""Drawing helpers for the card: text, fitted fonts, the portrait, smooth curves."""

from PIL import Image, ImageDraw, ImageFilter

from .fonts import font


CARD_MM = (85.6, 54.0)


def draw_text(img, draw, x, y, text, fnt, fill, max_w=None, anchor="ls"):
    """Draw text with left-baseline anchor; squeeze horizontally if wider than max_w.
    Returns the drawn width in px."""
    w = fnt.getlength(text)
    if max_w is None or w <= max_w:
        draw.text((x, y), text, font=fnt, fill=fill, anchor=anchor)
        return w
    l, t, rr, b = fnt.getbbox(text, anchor="ls")
    pad = 4
    mw, mh = int(rr - l) + 2 * pad, int(b - t) + 2 * pad
    m = Image.new("L", (mw, mh), 0)
    ImageDraw.Draw(m).text((pad - l, pad - t), text, font=fnt, fill=255, anchor="ls")
    nw = max(1, int(round(mw * max_w / w)))
    m = m.resize((nw, mh), Image.LANCZOS)
    col = Image.new("RGB", m.size, fill)
    img.paste(col, (int(round(x + (l - pad) * max_w / w)), int(round(y + t - pad))), m)
    return max_w


def fit_font(path, size, text, max_w, min_squeeze):
    """Largest font <= size for which text fits max_w with a squeeze >= min_squeeze."""
    s = size
    while s > 8:
        f = font(path, s)
        if f.getlength(text) * min_squeeze <= max_w:
            return f
        s -= max(1, int(s * 0.05))
    return font(path, s)


def draw_portrait(r, w, h, male, origin):
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    if r.random() < 0.55:
        top = (r.randint(185, 225), r.randint(20, 45), r.randint(25, 50))
    else:
        top = (r.randint(20, 60), r.randint(80, 130), r.randint(170, 225))
    for yy in range(h):
        t = yy / h
        c = tuple(int(top[k] * (1.0 - 0.18 * t)) for k in range(3))
        d.line([(0, yy), (w, yy)], fill=c)
    skin_base = r.choice([(224, 180, 150), (205, 160, 125), (180, 135, 100), (150, 105, 75), (120, 85, 60)])
    skin = tuple(max(0, min(255, c + r.randint(-12, 12))) for c in skin_base)
    shirt = r.choice([(245, 245, 245), (30, 30, 35), (40, 60, 110), (120, 30, 40), (90, 90, 95),
                      (200, 190, 160), (60, 100, 70), (150, 110, 60)])
    hijab = (not male) and origin in ("muslim", "sunda", "java_single") and r.random() < 0.6
    cx = w * (0.5 + r.uniform(-0.03, 0.03))
    hw = w * r.uniform(0.17, 0.21)
    hy0, hy1 = h * r.uniform(0.16, 0.22), h * r.uniform(0.62, 0.68)
    # shoulders / body
    d.ellipse([cx - w * 0.55, h * 0.74, cx + w * 0.55, h * 1.6], fill=shirt)
    if hijab:
        hc = r.choice([(230, 230, 225), (30, 30, 35), (150, 40, 60), (60, 90, 140), (200, 170, 130),
                       (90, 120, 80), (220, 150, 160)])
        d.ellipse([cx - w * 0.42, h * 0.62, cx + w * 0.42, h * 1.3], fill=hc)
        d.ellipse([cx - hw * 1.45, hy0 - h * 0.05, cx + hw * 1.45, hy1 + h * 0.12], fill=hc)
        d.ellipse([cx - hw * 0.92, hy0 + h * 0.07, cx + hw * 0.92, hy1], fill=skin)
    else:
        neck = tuple(int(c * 0.88) for c in skin)
        hair = r.choice([(20, 18, 18), (35, 28, 25), (50, 40, 35)]) if r.random() < 0.85 else (150, 150, 150)
        if not male:
            d.rounded_rectangle([cx - hw * 1.3, hy0 + h * 0.05, cx + hw * 1.3, h * r.uniform(0.78, 0.92)],
                                radius=int(hw * 0.5), fill=hair)
        d.rectangle([cx - hw * 0.5, hy1 - h * 0.08, cx + hw * 0.5, h * 0.8], fill=neck)
        if shirt != (245, 245, 245) and r.random() < 0.6:
            d.polygon([(cx - hw * 0.8, h * 0.76), (cx, h * 0.9), (cx + hw * 0.8, h * 0.76)],
                      fill=(240, 240, 240))
        d.polygon([(cx - hw * 0.5, h * 0.77), (cx, h * 0.86), (cx + hw * 0.5, h * 0.77)], fill=neck)
        d.ellipse([cx - hw * 1.05, hy0 - h * 0.02, cx + hw * 1.05, hy0 + (hy1 - hy0) * 0.65], fill=hair)
        d.ellipse([cx - hw, hy0 + h * 0.04, cx + hw, hy1], fill=skin)
        d.chord([cx - hw * 1.03, hy0 - h * 0.02, cx + hw * 1.03, hy0 + (hy1 - hy0) * 0.55], 180, 360, fill=hair)
        # ears
        d.ellipse([cx - hw * 1.12, (hy0 + hy1) / 2 - h * 0.04, cx - hw * 0.9, (hy0 + hy1) / 2 + h * 0.04], fill=skin)
        d.ellipse([cx + hw * 0.9, (hy0 + hy1) / 2 - h * 0.04, cx + hw * 1.12, (hy0 + hy1) / 2 + h * 0.04], fill=skin)
    # face features
    ey = hy0 + (hy1 - hy0) * 0.47
    dark = (40, 30, 28)
    for sx in (-1, 1):
        ex = cx + sx * hw * 0.42
        d.ellipse([ex - hw * 0.13, ey - hw * 0.06, ex + hw * 0.13, ey + hw * 0.06], fill=(235, 235, 230))
        d.ellipse([ex - hw * 0.07, ey - hw * 0.06, ex + hw * 0.07, ey + hw * 0.06], fill=dark)
        d.line([ex - hw * 0.2, ey - hw * 0.2, ex + hw * 0.18, ey - hw * 0.23], fill=dark, width=max(2, int(hw * 0.06)))
    ny = hy0 + (hy1 - hy0) * 0.68
    nc = tuple(int(c * 0.8) for c in skin)
    d.line([cx, ey + hw * 0.1, cx - hw * 0.08, ny, cx + hw * 0.06, ny], fill=nc, width=max(1, int(hw * 0.04)))
    my = hy0 + (hy1 - hy0) * 0.82
    d.arc([cx - hw * 0.3, my - hw * 0.15, cx + hw * 0.3, my + hw * 0.08], 20, 160,
          fill=(140, 70, 70), width=max(2, int(hw * 0.05)))
    im = im.filter(ImageFilter.GaussianBlur(max(1.0, w / 220.0)))
    return im


def catmull(points, n=16):
    out = []
    P = [points[0]] + points + [points[-1]]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            x = 0.5 * ((2 * p1[0]) + (-p0[0] + p2[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2 +
                       (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3)
            y = 0.5 * ((2 * p1[1]) + (-p0[1] + p2[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2 +
                       (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3)
            out.append((x, y))
    out.append(points[-1])
    return out
