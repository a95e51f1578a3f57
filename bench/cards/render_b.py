#!/usr/bin/env python3
"""render_b.py - synthetic phone photos of Indonesian e-KTP identity cards (renderer "b").

Usage:
    python render_b.py --n N --seed S --out DIR
writes DIR/b_<seed>_<i:04d>.jpg and appends one JSON line per photo to DIR/truth.jsonl.

Font packages (Debian): fonts-liberation2 (Liberation Sans), fonts-liberation (Liberation Sans
Narrow), fonts-freefont-ttf (FreeSans / FreeSansBold).  FONT_PACKAGES below lists them; the script
stops with a message naming the package when a font file is missing.

What the card looks like (drawn with Pillow at 1600-2000 px card width, proportions measured in mm
on the 85.6 x 54 mm ID-1 card):
  * rounded light blue / blue-green card with a vertical colour gradient, a guilloche pattern of
    3-6 overlapping families of sine-wave lines, a rosette, a faint watermark (island-chain "map"
    and a round emblem) and sometimes faint repeated micro text;
  * two centred bold header lines (PROVINSI ..., KABUPATEN/KOTA ...), a larger bold NIK row, then
    the labelled rows (Nama ... Berlaku Hingga) with the colon column placed at 26.5% +-8% of the
    card width, row pitch and font sizes jittered +-15%, label variants ("Gol. Darah"/"Gol Darah",
    "Tempat/Tgl Lahir"/"Tempat/Tgl. Lahir", "Kel/Desa"/"Kel / Desa"), long values squeezed
    horizontally, the address on two lines on some cards (~30%);
  * one font family per card: Liberation Sans, Liberation Sans Narrow or FreeSans (bold NIK and
    header from the same family);
  * a procedurally drawn head-and-shoulders portrait on red or blue, place and date of issue and a
    signature scribble under it; sometimes a faded / yellowed card.
Data: valid 16-digit NIK (province + regency/city code matching the header, district 01-30,
DDMMYY with DD+40 for women, serial), names of many Indonesian origins matched to sex, religion
and job consistent with origin and age, varied address formats.

Photo effects and ranges:
  * background generated procedurally: wood grain (planks, several wood colours), cloth weave
    with folds (bed sheet), patterned tablecloth (gingham, stripes, dots, floral vinyl), plain desk;
  * card width 30-90% of the frame width (portrait frames 50-95%), never narrower than 700 px;
  * in-plane rotation -20..+20 degrees, 3D tilt -18..+18 degrees about both axes with a phone-like
    focal length (perspective); no 90/180/270 rotations;
  * soft contact shadow of the card; on ~30% a large soft shadow of a phone/hand;
  * strong elliptical glare spot on ~40% (kept off the NIK, name and birth-date values);
  * lighting gradient and vignetting, brightness x0.7-1.25, contrast x0.75-1.2, white balance gains
    0.88-1.12 per channel, gamma 0.85-1.15;
  * no blur (20%), gaussian blur sigma 0.3-2 px or defocus (disk) radius 0.6-2 px, capped at
    card width / 550 px for small cards; optional mild phone sharpening (30%);
  * sensor noise (luma sigma 1-7, slightly correlated, plus chroma noise);
  * JPEG quality 30-90 (>= 45 for small cards), output long side 1280-4000 px, 4:3, 16:9, 3:2
    landscape or portrait.
"""

import argparse
import json
import os

import cv2

from renderb_parts.fonts import check_fonts
from renderb_parts.photo import render_one


def main():
    ap = argparse.ArgumentParser(description="Synthetic phone photos of Indonesian e-KTP cards (renderer b)")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    check_fonts()
    os.makedirs(a.out, exist_ok=True)
    cv2.setNumThreads(1)
    with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as tf:
        for i in range(a.n):
            data, fields, effects = render_one(a.seed, i)
            name = "b_%d_%04d.jpg" % (a.seed, i)
            with open(os.path.join(a.out, name), "wb") as f:
                f.write(data)
            tf.write(json.dumps({"image": name, "renderer": "b", "fields": fields, "effects": effects},
                                ensure_ascii=False) + "\n")
            tf.flush()


if __name__ == "__main__":
    main()
