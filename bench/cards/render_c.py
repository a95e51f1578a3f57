#!/usr/bin/env python3
"""render_c.py - synthetic phone photos of Indonesian e-KTP cards (renderer "c").

Debian font packages needed: fonts-noto-core, fonts-dejavu-core, fonts-dejavu-extra
(Noto Sans / Noto Sans Display regular+bold, DejaVu Sans and DejaVu Sans Condensed
regular+bold; "condensed" and "semibold" variants of Noto are emulated by horizontal
scaling and a 1 px stroke).

What it draws
-------------
A flat ID-1 card (1200-1400 px wide, 85.6 x 54 mm aspect, rounded corners) built with
numpy/OpenCV for geometry and Pillow for text:
  * tint: light blue-green (~50%), faded/washed-out blue (~17%), yellowed (~17%),
    grey photocopy (~16%), with a top-to-bottom gradient;
  * security print: guilloche sine bundles, a rosette, a faint archipelago-like map,
    a faint Garuda-like emblem, tiled micro text "REPUBLIK INDONESIA";
  * two centred bold header lines PROVINSI ... / KABUPATEN|KOTA ...;
  * bold large NIK row; 12 labelled rows (label : VALUE) with a varying label column
    width, colon gap, row pitch (0.045-0.058 card heights), label/value font size,
    horizontal condensation 0.82-1.0, optional faux-semibold values, "Gol. Darah" /
    "Gol Darah", "Tempat/Tgl Lahir" / "Tempat/Tgl. Lahir", "Kel/Desa" / "Kel / Desa",
    long addresses wrapped onto a second line;
  * right third: portrait (red or blue background, head, hair or hijab, shirt), issue
    place ("KAB. MALANG", "KOTA SURABAYA", ...) and date, a signature scribble.
All data is consistent: the NIK = province+regency code (from the header) + district
01-30 + DDMMYY (DD+40 for women) + serial.

Photo effects (ranges)
----------------------
  * slight bend of the card (rows curved, amplitude 0-1.8% of card height), 70%;
  * in-plane tilt -20..20 deg (mostly within 8), perspective corner jitter 0-6%;
  * card fills 25-95% of the frame (clamped so it stays inside with a margin);
  * 90/180/270 deg rotation of the whole photo on ~35% ("rotation" = clockwise
    rotation of the card as seen in the final image);
  * backgrounds: plain colour with lighting gradient, paper, wood, patterned cloth /
    bed sheet, hand-held (blurred room + palm behind the card + thumb);
  * finger or thumb (skin tone, cylindrical shading, optional nail, soft shadow)
    over an edge or a corner on ~25% (never over NIK, name, birth date rows);
  * glare spot (40%), soft shadow of phone/hand (30%);
  * exposure: normal (~65%) / dim (~20%: gain 0.35-0.6, noise sigma 4.5-10) /
    overexposed (~15%: gain 1.2-1.5, linear clip or soft knee); white balance
    shift; vignette and lighting gradient; sensor noise sigma 1.5-4;
  * motion blur (directional kernel 3-12 px, capped at 0.4 x the value-text cap
    height so text stays readable) on 25%, or else defocus (gaussian sigma
    0.4-1.6, capped at 0.12 x cap height) on 20%;
  * the card is at least 600 px wide in the output (1000 px before a screenshot);
  * 'screenshot of a photo' on 10%: photo shrunk into a phone screen with status bar
    (time, signal, battery), dark app bar, bottom bar, moire-like nearest resampling;
  * JPEG quality 30-90, output long side 640-2000 px.

Usage: python render_c.py --n N --seed S --out DIR
Writes DIR/c_<seed>_<i:04d>.jpg and appends one JSON line per photo to DIR/truth.jsonl.
"""

import argparse
import json
import os

import cv2

from renderc_parts.fonts import check_fonts
from renderc_parts.photo import render_one


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    check_fonts()
    cv2.setNumThreads(1)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as tf:
        for i in range(a.n):
            img, fields, eff = render_one(a.seed, i)
            name = "c_%d_%04d.jpg" % (a.seed, i)
            ok, enc = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, eff["jpeg_quality"]])
            with open(os.path.join(a.out, name), "wb") as fo:
                fo.write(enc.tobytes())
            tf.write(json.dumps({"image": name, "renderer": "c", "fields": fields, "effects": eff},
                                ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
