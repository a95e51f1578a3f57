"""Drawing text on PIL canvases with normalised boxes, shared by the negative documents."""
import numpy as np
from PIL import Image, ImageDraw
from . import fonts


class Sheet:
    def __init__(self, w, h, color=(255, 255, 255)):
        self.w, self.h = w, h
        self.im = Image.new("RGB", (w, h), color)
        self.d = ImageDraw.Draw(self.im)
        self.boxes = {}

    def text(self, x, y, s, fam, size, bold=False, fill=(20, 20, 20), anchor="ls", key=None, maxw=None):
        """x, y in fractions of the sheet; size in fractions of the sheet height."""
        f = fonts.font(fam, size * self.h, bold)
        if maxw:
            while f.getlength(s) > maxw * self.w and f.size > 6:
                f = fonts.font(fam, f.size * 0.93, bold)
        X, Y = x * self.w, y * self.h
        self.d.text((X, Y), s, font=f, fill=fill, anchor=anchor)
        if key:
            b = self.d.textbbox((X, Y), s, font=f, anchor=anchor)
            self.boxes.setdefault(key, []).append((b[0] / self.w, b[1] / self.h, b[2] / self.w, b[3] / self.h))
        return f.getlength(s) / self.w

    def rect(self, x0, y0, x1, y1, fill=None, outline=None, width=1, radius=0):
        box = (x0 * self.w, y0 * self.h, x1 * self.w, y1 * self.h)
        if radius:
            self.d.rounded_rectangle(box, radius=radius * self.h, fill=fill, outline=outline, width=width)
        else:
            self.d.rectangle(box, fill=fill, outline=outline, width=width)

    def line(self, x0, y0, x1, y1, fill=(30, 30, 30), width=1):
        self.d.line((x0 * self.w, y0 * self.h, x1 * self.w, y1 * self.h), fill=fill, width=width)

    def paste(self, arr_f32, x, y):
        self.im.paste(Image.fromarray(np.clip(arr_f32 * 255 + 0.5, 0, 255).astype(np.uint8)),
                      (int(x * self.w), int(y * self.h)))

    def array(self):
        return np.asarray(self.im, dtype=np.float32) / 255.0


def blend_under(base_f32, sheet_f32, keep_white=True):
    """Multiply-like print of sheet content over a textured base (white in the sheet = base shows)."""
    return base_f32 * sheet_f32 if keep_white else sheet_f32
