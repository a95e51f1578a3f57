#!/usr/bin/env python3
"""Renderer "e": synthetic phone photos of Indonesian e-KTP identity cards.

Held-out evaluation data for an OCR reader, written independently of the
reader and of the other renderers.

Usage
-----
    python bench/cards/render_e.py --n N --seed S --out DIR [--negatives]

Writes DIR/e_<seed>_<i:04d>.jpg for i in 0..N-1 and appends one JSON line per
photo to DIR/truth.jsonl:

    {"image": "e_5_0000.jpg", "renderer": "e", "fields": {...17 keys...},
     "effects": {...}}

Every photo is a pure function of (seed, i): a ``random.Random`` and a numpy
``Generator`` are seeded from both.  With ``--negatives`` the photos show
things that are NOT a KTP (a student card, a BPJS/KIS health card, a bank
card, a Kartu Keluarga sheet, a letter, a book page, or just a scene); their
line has ``"fields": null`` and ``"kind": "<what it is>"``.

Fields (strings, uppercase as printed): nik, nama, tempat_lahir,
tanggal_lahir (ISO YYYY-MM-DD; printed DD-MM-YYYY), jenis_kelamin,
golongan_darah, alamat (a wrapped address is joined with one space), rt_rw,
kel_desa, kecamatan, agama, status_perkawinan, pekerjaan, kewarganegaraan,
berlaku_hingga, provinsi (without the word "PROVINSI"), kabupaten_kota (as
printed in the second header line, e.g. "KOTA BANDUNG", "KABUPATEN SLEMAN",
"JAKARTA SELATAN").  The NIK starts with a real 6-digit district code of the
printed province/regency/district, then DDMMYY of the birth date (DD+40 for
women), then a 4-digit serial.

The card
--------
An 85.6 x 54 mm card drawn at 640-2000 px width: centred two-line header
(PROVINSI ..., regency/city), large bold NIK line, the left column of labels
(Nama, Tempat/Tgl Lahir, Jenis Kelamin + Gol. Darah on the same line, Alamat,
the indented RT/RW, Kel/Desa, Kecamatan, Agama, Status Perkawinan, Pekerjaan,
Kewarganegaraan, Berlaku Hingga) each with a colon and a value, a passport
photo at the right (red background for even birth years, blue for odd) with
the issue place, issue date and a signature below it.  What varies per card:
the tint (blue-green gradient, plain blue, faded, greenish, purplish, yellowed,
grey photocopy, sometimes a photocopy on a paper scrap), guilloche waves,
rosettes, a faint map/emblem, font family/size/weight, label spellings and
case, colon placement, line pitch, indentation, misaligned printing (the whole
print or only the values shifted and/or rotated up to ~1.5 deg relative to the
card), faded printer ribbon bands, wear (scratches, scuffs, faded ink, dirt),
stickers, a laminated plastic sleeve with a specular streak.  Over-long names,
jobs and addresses are condensed; long addresses wrap onto a second line.

The photo
---------
A scene (wood, cloth, desk, paper, tiles, a palm, clutter) with the card
covering 25-95 % of the frame (bbox vs frame), any rotation (mostly upright,
also 90/180/270 and arbitrary angles), perspective, slight bending, a drop
shadow, fingers over an edge, a phone/hand shadow, glare, uneven light and
colour casts, defocus/motion blur, dim or overexposed exposure, sensor noise,
sharpening, JPEG quality 30-90, long side 640-4000 px, and some screenshots of
a photo (gallery viewer or chat app UI).  About 20 % of photos are drawn as
"hard" (stronger effects); the rest are meant to be clearly readable.  Every
choice is recorded in "effects".

Fonts (Debian packages, see FONT_PACKAGES): Aerial (fonts-arkpandora, an
Arial-metric sans, the closest to the real card), Open Sans incl. condensed
(fonts-open-sans), Lato (fonts-lato), OSP-DIN condensed (fonts-opendin),
Go / Go Mono (fonts-go) and OCR-B (fonts-ocr-b, used for some NIK lines).
A missing font file stops the renderer with a message naming its package.
"""

import argparse
import json
import math
import os
import random
import sys
import time

import cv2
import numpy as np

from rendere_parts.fonts import check_fonts
from rendere_parts.identity import make_identity, wchoice
from rendere_parts.drawing import lowfreq_noise
from rendere_parts.card import render_ktp
from rendere_parts.negatives import render_negative
from rendere_parts.scene import scene_background
from rendere_parts.photo import photograph


NEG_KINDS = [("student_card", 2), ("bpjs_card", 2), ("bank_card", 1), ("kartu_keluarga", 2), ("letter", 1.5),
             ("book_page", 1.5), ("random_scene", 1)]


def render_one(seed, i, negatives=False):
    r = random.Random("render_e:%d:%d:%d" % (seed, i, int(negatives)))
    nrng = np.random.default_rng([seed, i, 0xE, int(negatives)])
    hard = r.random() < 0.2
    eff = {"difficulty": "hard" if hard else "easy"}
    eff["_card_w"] = int(r.uniform(900, 1500))
    rec = {"renderer": "e"}
    if not negatives:
        fields, extra = make_identity(r)
        rgb, mask, th = render_ktp(r, nrng, fields, extra, hard, eff)
        if eff.get("card_tint") == "photocopy" and r.random() < 0.5:
            # a photocopy on a paper scrap
            H, W = mask.shape
            m = int(W * r.uniform(0.05, 0.2))
            paper = np.full((H + 2 * m, W + 2 * m, 3), r.uniform(230, 250), np.float32)
            paper += nrng.normal(0, 3, paper.shape[:2])[..., None]
            a = mask.astype(np.float32)[..., None] / 255
            paper[m:m + H, m:m + W] = paper[m:m + H, m:m + W] * (1 - a) + rgb * a
            cv2.rectangle(paper, (m, m), (m + W, m + H), (90, 90, 90), 1)
            rgb, mask = paper, np.full(paper.shape[:2], 255, np.uint8)
            th = th * W / (W + 2 * m)
            eff["photocopy_on_paper"] = True
        lam = r.random() < 0.2
        out = photograph(r, nrng, rgb, mask, th, hard, eff, laminated_args=True if lam and "photocopy_on_paper" not in eff else None)
        rec["fields"] = fields
    else:
        kind = wchoice(r, NEG_KINDS)
        if kind == "random_scene":
            e2 = {}
            long_side = int(math.exp(r.uniform(math.log(640), math.log(2400))))
            Hh, Ww = int(long_side * 0.75), long_side
            img = scene_background(r, nrng, Hh, Ww, eff)
            img = img * (0.8 + 0.4 * lowfreq_noise(nrng, Hh, Ww, 2))[..., None]
            img = np.clip(img + nrng.normal(0, 3, (Hh, Ww, 1)), 0, 255).astype(np.uint8)
            out = cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
            eff["frame"] = [Ww, Hh]
        else:
            if kind in ("kartu_keluarga", "letter", "book_page"):
                eff["_card_w"] = int(r.uniform(1400, 2000))
            rgb, mask, th = render_negative(r, nrng, kind, eff)
            out = photograph(r, nrng, rgb, mask, th, hard, eff, laminated_args=True if (kind.endswith("card") and r.random() < 0.2) else None)
        rec["fields"] = None
        rec["kind"] = kind
    q = r.randint(30, 90) if hard else int(r.triangular(45, 90, 80))
    if r.random() < 0.15 and not hard:
        q = r.randint(30, 90)
    eff["jpeg_quality"] = q
    eff.pop("_card_w", None)
    rec["effects"] = eff
    return out, q, rec


def main(argv=None):
    ap = argparse.ArgumentParser(description="Synthetic phone photos of Indonesian e-KTP cards (renderer e).")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="render photos that are NOT a KTP")
    a = ap.parse_args(argv)
    check_fonts()
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as tf:
        for i in range(a.n):
            img, q, rec = render_one(a.seed, i, a.negatives)
            name = "e_%d_%04d.jpg" % (a.seed, i)
            ok = cv2.imwrite(os.path.join(a.out, name), img, [cv2.IMWRITE_JPEG_QUALITY, q])
            if not ok:
                sys.exit("render_e: cannot write " + os.path.join(a.out, name))
            out = {"image": name, "renderer": "e", "fields": rec["fields"]}
            if "kind" in rec:
                out["kind"] = rec["kind"]
            out["effects"] = rec["effects"]
            tf.write(json.dumps(out, ensure_ascii=False, default=lambda o: o.item() if hasattr(o, "item") else str(o)) + "\n")
            tf.flush()
    dtt = time.time() - t0
    print("render_e: wrote %d photos to %s in %.1f s (%.2f s/photo)" % (a.n, a.out, dtt, dtt / max(1, a.n)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
