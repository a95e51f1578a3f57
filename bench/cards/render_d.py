#!/usr/bin/env python3
"""render_d.py - synthetic phone photos of Indonesian e-KTP cards (renderer "d").

Usage:
    python render_d.py --n N --seed S --out DIR [--negatives]

Writes DIR/d_<seed>_<i:04d>.jpg and appends one JSON line per photo to DIR/truth.jsonl.

Font packages (Debian): FONT_PACKAGES = ["fonts-urw-base35", "fonts-croscore", "fonts-roboto"]
(Roboto files come from fonts-roboto-unhinted, pulled in by fonts-roboto).
Fonts used: Nimbus Sans / Nimbus Sans Narrow (regular+bold), Nimbus Mono PS (receipts),
Arimo (regular+bold), Roboto / Roboto Condensed (regular, medium, bold), mixed per card.

What the card looks like
  * ISO ID-1 card (85.6 x 54 mm) drawn at the resolution it will have in the photo, with
    rounded corners and a vertical gradient tint: blue at the top fading to pale green
    (hues, saturation vary per card); guilloche wave lines, a faint micro-text band, and a
    printed watermark in the middle: an Indonesian-archipelago "map", a Garuda-like
    symmetric bird, or both.
  * Two centred bold header lines, "PROVINSI ..." and the regency/city.
  * Labelled rows (NIK larger and bold, then Nama ... Berlaku Hingga) with colons in a
    column; label column width 0-50 units of slack, label size 18-27 units (about 30% of
    cards use the "small rows" variant 17-21), NIK size 30-42, label/value font families
    chosen independently (Nimbus Sans, Nimbus Sans Narrow, Arimo, Roboto, Roboto Condensed),
    values regular/medium/bold; label spelling variants ("Tempat/Tgl. Lahir", "Gol Darah",
    "Kel / Desa"); long addresses wrap onto a second line under Alamat.
  * Right block: portrait (head, hair or hijab, shoulders) on a red (85%) or blue
    background, under it the place and date of issue and a signature scribble.
  * Card condition: 12% yellowed/faded, 6% grey photocopy look.
  * NIK = province+regency code (real codes) + district 01-30 + DDMMYY (DD+40 for women)
    + serial, consistent with header, birth date and sex.

Photo effects (mixed at random; all parameters logged in "effects")
  * frame 800-3000 px long side, aspect 4:3 / 16:9 / 3:4 / 9:16 / 1:1; card width 30-90%
    of the frame width (card always at least ~640 px wide so text stays readable; the card
    itself is drawn at <= ~1800 px and resampled into the frame);
  * backgrounds: wood, muted table top, bed sheet with folds, patterned cloth (checks,
    stripes, dots), blurred room (mostly with a hand holding the card);
  * in-plane tilt -15..15 deg plus 3-D perspective (plane rotations up to 22 deg);
  * whole-photo turns 90/180/270 on 20% of photos;
  * drop shadow under the card; a hand holding it (palm behind, thumb over an edge) 22%;
  * shadow of a phone across the card 30% (darkening 20-55%);
  * glare spots 40% (peak whitening 0.35-0.7);
  * lamp fall-off illumination, vignetting, colour cast;
  * dim (gain 0.4-0.7) 15% / overexposed (gain 1.25-1.6) 12%, gamma 0.8-1.25;
  * defocus blur (sigma up to ~0.16 of a text cap height) 45%, motion blur (length up to
    ~0.6 cap height) 20%; sensor noise sigma 1.5-9;
  * screenshot chrome (status bar + app bars) 5%;
  * JPEG quality 35-90.

--negatives: the N photos are NOT KTPs ("fields": null, "kind" says what it is): an
Indonesian driving licence (kind "sim"), an ATM/bank card ("atm_card"), a supermarket
receipt ("receipt"), a plain light-blue plastic card ("blank_card") or a random scene with
shapes, gradients and an animal-like blob ("scene"); photographed with the same effects.

Deterministic: every photo i uses random.Random / numpy Generator seeded from (seed, i).
"""

import argparse
import json
import os
import random

import cv2
import numpy as np

from renderd_parts.fonts import check_fonts
from renderd_parts.identity import make_fields
from renderd_parts.card import render_ktp
from renderd_parts.negatives import photo_scene, render_atm, render_blank, render_receipt, render_sim
from renderd_parts.photo import photograph


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="write non-KTP photos (fields null)")
    args = ap.parse_args()
    check_fonts()
    os.makedirs(args.out, exist_ok=True)
    cv2.setNumThreads(1)
    truth_path = os.path.join(args.out, "truth.jsonl")
    with open(truth_path, "a", encoding="utf-8") as tf:
        for i in range(args.n):
            name = "d_%d_%04d.jpg" % (args.seed, i)
            rng = random.Random("d-%d-%d-%d" % (args.seed, i, int(args.negatives)))
            nrng = np.random.default_rng([args.seed, i, 7 + int(args.negatives)])
            rec = {"image": name, "renderer": "d"}
            if not args.negatives:
                fields, extra = make_fields(rng)
                im, eff = photograph(rng, nrng, lambda cw: render_ktp(rng, nrng, fields, extra, cw))
                rec["fields"] = fields
            else:
                kind = rng.choice(["sim", "sim", "atm_card", "receipt", "blank_card", "scene"])
                if kind == "sim":
                    im, eff = photograph(rng, nrng, lambda cw: render_sim(rng, nrng, cw))
                elif kind == "atm_card":
                    im, eff = photograph(rng, nrng, lambda cw: render_atm(rng, nrng, cw))
                elif kind == "blank_card":
                    im, eff = photograph(rng, nrng, lambda cw: render_blank(rng, nrng, cw), allow_hand=True)
                elif kind == "receipt":
                    ratio = rng.uniform(1.6, 3.2)
                    im, eff = photograph(rng, nrng, lambda cw: render_receipt(rng, nrng, cw),
                                         aspect_hint=ratio, allow_hand=False, min_card_px=420)
                else:
                    im, eff = photo_scene(rng, nrng)
                rec["fields"] = None
                rec["kind"] = kind
            q = rng.randint(35, 90)
            eff["jpeg_quality"] = q
            im.save(os.path.join(args.out, name), "JPEG", quality=q)
            rec["effects"] = eff
            tf.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
