"""Synthetic KTP photos with ground truth, for tests and benchmarks.

    python -m ocr.synthetic --n 100 --seed 1 --out bench/out/cards

writes card_0000.jpg ... and card_0000.json (the ground-truth `fields`, same keys as the reader).
A card is drawn flat (light-blue background with a guilloche-like pattern, header, labelled rows,
photo box, place/date of issue and signature), then photographed: placed on a table, rotated up to
15 degrees, perspective, sometimes turned 90/180/270, blur, glare, lighting and JPEG quality 30-90.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ocr import regions
from ocr.vocab import BLOOD_TYPES, MARITAL, OCCUPATIONS, PROVINCES, RELIGIONS

CARD_W, CARD_H = 1000, 630
_FONT_DIR = None

FIRST = ["SITI", "MUHAMMAD", "AHMAD", "NUR", "DEWI", "SRI", "BUDI", "AGUS", "PUTRI", "RINA", "EKO",
         "DWI", "TRI", "IWAN", "YULI", "RATNA", "HENDRA", "WAHYU", "FITRI", "ANDI", "RIZKY", "INDAH",
         "BAMBANG", "SUSILO", "KARTIKA", "LESTARI", "JOKO", "MEGA", "ADI", "YOHANES", "MARIA", "KETUT",
         "MADE", "NYOMAN", "WAYAN", "GEDE", "FAJAR", "GILANG", "BAYU", "DIAN", "NOVI", "SLAMET", "TUTIK"]
LAST = ["AMINAH", "SANTOSO", "WIJAYA", "HIDAYAT", "PRATAMA", "SETIAWAN", "KURNIAWAN", "LESTARI",
        "RAHMAWATI", "SAPUTRA", "NUGROHO", "HANDAYANI", "SUGIARTO", "PURNOMO", "SIREGAR", "NASUTION",
        "SIMANJUNTAK", "HARAHAP", "LUBIS", "TAMBUNAN", "PANJAITAN", "MANURUNG", "SULISTYO", "WIBOWO",
        "SUHARTONO", "RAHAYU", "FAUZI", "MAULANA", "ANGGRAINI", "PERMATASARI", "SUDIRMAN", "ARIFIN",
        "SUTRISNO", "MULYADI", "YULIANTI", "HASANAH", "SARAGIH", "WULANDARI", "SUSANTI", "FIRMANSYAH"]
PLACES = ["MALANG", "SURABAYA", "JAKARTA", "BANDUNG", "SEMARANG", "YOGYAKARTA", "MEDAN", "PALEMBANG",
          "MAKASSAR", "DENPASAR", "KEDIRI", "BLITAR", "JEMBER", "BANYUWANGI", "SOLO", "BOGOR", "BEKASI",
          "TANGERANG", "CIREBON", "TEGAL", "PADANG", "PEKANBARU", "PONTIANAK", "MANADO", "KUPANG",
          "MATARAM", "AMBON", "JAYAPURA", "PASURUAN", "PROBOLINGGO", "LUMAJANG", "TULUNGAGUNG"]
REGENCIES = ["MALANG", "SIDOARJO", "BOGOR", "BANDUNG", "SLEMAN", "BANTUL", "GRESIK", "KEDIRI", "JEMBER",
             "BANYUMAS", "CILACAP", "GARUT", "KLATEN", "DELI SERDANG", "GOWA", "BADUNG", "BLITAR",
             "LAMONGAN", "TUBAN", "PATI", "KUDUS", "DEMAK", "SUBANG", "KARAWANG", "SERANG", "TABANAN"]
STREETS = ["MAWAR", "MELATI", "ANGGREK", "MERDEKA", "SUDIRMAN", "DIPONEGORO", "GAJAH MADA", "PAHLAWAN",
           "KENANGA", "FLAMBOYAN", "CEMPAKA", "PEMUDA", "SOEKARNO HATTA", "AHMAD YANI", "KARTINI",
           "VETERAN", "RAYA SUMBERSARI", "TERUSAN BATUBARA", "KH. HASYIM ASYARI", "IMAM BONJOL"]
VILLAGES = ["SUMBERSARI", "KETAWANGGEDE", "DINOYO", "TLOGOMAS", "MERJOSARI", "JATIMULYO", "TUNGGULWULUNG",
            "BLIMBING", "PURWANTORO", "POLEHAN", "SUKUN", "BANDUNGREJOSARI", "KARANGBESUKI", "CIPUTAT",
            "MENTENG", "KEBAYORAN", "CIBUBUR", "SUKAJADI", "PANDANWANGI", "WONOREJO", "NGAGLIK"]
DISTRICTS = ["LOWOKWARU", "KLOJEN", "BLIMBING", "SUKUN", "KEDUNGKANDANG", "DAU", "SINGOSARI", "LAWANG",
             "TUMPANG", "PAKIS", "GONDANGLEGI", "KEPANJEN", "TEBET", "CILANDAK", "COBLONG", "DEPOK",
             "MLATI", "GAMPING", "SEWON", "KASIHAN", "WARU", "BUDURAN"]

FONTS = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf",
         "DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"]
LABELS = [
    ("nama", "Nama"), ("ttl", "Tempat/Tgl Lahir"), ("jk", "Jenis Kelamin"), ("alamat", "Alamat"),
    ("rt_rw", "RT/RW"), ("kel_desa", "Kel/Desa"), ("kecamatan", "Kecamatan"), ("agama", "Agama"),
    ("status_perkawinan", "Status Perkawinan"), ("pekerjaan", "Pekerjaan"),
    ("kewarganegaraan", "Kewarganegaraan"), ("berlaku_hingga", "Berlaku Hingga"),
]


def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    global _FONT_DIR
    if _FONT_DIR is None:
        import matplotlib

        _FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return ImageFont.truetype(str(_FONT_DIR / name), size)


@dataclass
class Card:
    fields: dict
    image: Image.Image  # flat card, CARD_W x CARD_H


def random_fields(rng: random.Random) -> dict:
    code = rng.choice(sorted(PROVINCES))
    kota = rng.random() < 0.35
    regency = rng.choice(PLACES if kota else REGENCIES)
    reg_code = f"{rng.randint(71, 79):02d}" if kota else f"{rng.randint(1, 29):02d}"
    born = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 83))
    sex = rng.choice(["LAKI-LAKI", "PEREMPUAN"])
    day = born.day + (40 if sex == "PEREMPUAN" else 0)
    nik = f"{code}{reg_code}{rng.randint(1, 35):02d}{day:02d}{born:%m}{born:%y}{rng.randint(1, 9999):04d}"
    # a real regency/city of that province (ocr.regions), chosen without drawing from rng again so
    # that every other field of a seed stays as it was
    listed = sorted((c, n) for c, n in regions.regencies_of(code).items() if n.startswith("KOTA") == kota)
    if listed:
        reg4, kab_kota = listed[(int(reg_code) * 7 + len(regency)) % len(listed)]
        nik = reg4 + nik[4:]
    else:
        kab_kota = f"{'KOTA' if kota else 'KABUPATEN'} {regency}"
    words = [rng.choice(FIRST)] + [rng.choice(LAST) for _ in range(rng.choice([0, 1, 1, 1, 2]))]
    if rng.random() < 0.15:
        words.insert(1, rng.choice(FIRST))
    street = f"JL. {rng.choice(STREETS)} NO. {rng.randint(1, 150)}"
    if rng.random() < 0.25:
        street += f" BLOK {rng.choice('ABCDEFG')}{rng.randint(1, 20)}"
    if rng.random() < 0.2:
        street = f"DUSUN {rng.choice(VILLAGES)} {street}"
    age = (dt.date(2026, 1, 1) - born).days // 365
    if age < 17:
        marital, job = "BELUM KAWIN", "PELAJAR/MAHASISWA"
    else:
        marital = rng.choice(MARITAL)
        job = rng.choice(OCCUPATIONS)
    expiry = "SEUMUR HIDUP" if rng.random() < 0.8 else (
        dt.date(2017, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))).isoformat()
    return {
        "nik": nik,
        "nama": " ".join(words),
        "tempat_lahir": rng.choice(PLACES),
        "tanggal_lahir": born.isoformat(),
        "jenis_kelamin": sex,
        "golongan_darah": rng.choice(BLOOD_TYPES),
        "alamat": street,
        "rt_rw": f"{rng.randint(1, 20):03d}/{rng.randint(1, 15):03d}",
        "kel_desa": rng.choice(VILLAGES),
        "kecamatan": rng.choice(DISTRICTS),
        "agama": rng.choices(RELIGIONS, weights=[60, 10, 8, 6, 5, 3, 2])[0],
        "status_perkawinan": marital,
        "pekerjaan": job,
        "kewarganegaraan": "WNI" if rng.random() < 0.97 else "WNA",
        "berlaku_hingga": expiry,
        "provinsi": PROVINCES[code],
        "kabupaten_kota": kab_kota,
    }


def _dmy(iso: str) -> str:
    d = dt.date.fromisoformat(iso)
    return f"{d:%d-%m-%Y}"


def _background(rng: random.Random) -> Image.Image:
    h, w = CARD_H, CARD_W
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    base = np.array([rng.randint(190, 215), rng.randint(215, 235), rng.randint(238, 252)], np.float32)
    grad = (x / w * rng.uniform(-12, 12) + y / h * rng.uniform(-12, 12))[..., None]
    img = base + grad
    # guilloche-like waves, faint
    for _ in range(rng.randint(2, 4)):
        f1, f2, ph = rng.uniform(0.01, 0.04), rng.uniform(0.005, 0.02), rng.uniform(0, 6.28)
        wave = np.sin(x * f1 + np.sin(y * f2 + ph) * 3.0)
        img -= (wave > 0.97)[..., None] * np.array([rng.uniform(10, 25), rng.uniform(5, 15), 0], np.float32)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8))


def _wrap(text: str, font, width: int, draw) -> list[str]:
    lines, cur = [], ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    return lines + [cur]


def render_card(fields: dict, rng: random.Random) -> Image.Image:
    img = _background(rng)
    d = ImageDraw.Draw(img)
    ink = tuple(rng.randint(0, 45) for _ in range(3))
    fname = rng.choice(FONTS)
    size = rng.randint(21, 25)
    font, bold = _font(fname, size), _font("DejaVuSans-Bold.ttf", rng.randint(25, 29))
    for i, text in enumerate([f"PROVINSI {fields['provinsi']}", fields["kabupaten_kota"]]):
        w = d.textlength(text, font=bold)
        d.text(((CARD_W - w) / 2, 14 + i * 34), text, font=bold, fill=ink)
    label_x = rng.randint(22, 36)
    widest = max(d.textlength(label, font=font) for _, label in LABELS)
    colon_x = max(rng.randint(235, 250), int(label_x + widest + 12))
    value_x = colon_x + 16
    nik_font = _font(rng.choice(["DejaVuSansMono-Bold.ttf", "DejaVuSans-Bold.ttf"]), rng.randint(32, 36))
    nik_label = _font("DejaVuSans-Bold.ttf", size + 6)
    y = 92
    d.text((label_x, y + 4), "NIK", font=nik_label, fill=ink)
    d.text((colon_x, y + 4), ":", font=nik_label, fill=ink)
    d.text((value_x + 4, y), fields["nik"], font=nik_font, fill=ink)
    y += 50
    extra = 1 if len(_wrap(fields["alamat"], font, 700 - value_x, d)) > 1 else 0
    pitch = min(size + rng.randint(8, 11), (CARD_H - 22 - y - size) // (len(LABELS) - 1 + extra))
    values = {
        "nama": fields["nama"], "ttl": f"{fields['tempat_lahir']}, {_dmy(fields['tanggal_lahir'])}",
        "jk": fields["jenis_kelamin"],
        "berlaku_hingga": fields["berlaku_hingga"] if fields["berlaku_hingga"] == "SEUMUR HIDUP"
        else _dmy(fields["berlaku_hingga"]),
    }
    for key, label in LABELS:
        indent = 20 if key in ("rt_rw", "kel_desa", "kecamatan") else 0
        d.text((label_x + indent, y), label, font=font, fill=ink)
        d.text((colon_x, y), ":", font=font, fill=ink)
        value = str(values.get(key, fields.get(key)) or "")
        if key == "alamat":
            lines = _wrap(value, font, 700 - value_x, d)
            for j, line in enumerate(lines):
                d.text((value_x, y + j * pitch), line, font=font, fill=ink)
            y += pitch * (len(lines) - 1)
        elif key == "jk":
            d.text((value_x, y), value, font=font, fill=ink)
            gx = max(480, int(value_x + d.textlength("PEREMPUAN", font=font) + 30))
            d.text((gx, y), "Gol. Darah", font=font, fill=ink)
            gw = d.textlength("Gol. Darah", font=font)
            d.text((gx + gw + 8, y), ": " + fields["golongan_darah"], font=font, fill=ink)
        else:
            vfont, vsize = font, size
            while d.textlength(value, font=vfont) > 735 - value_x and vsize > 12:  # stay left of the photo
                vsize -= 1
                vfont = _font(fname, vsize)
            d.text((value_x, y + (size - vsize) // 2), value, font=vfont, fill=ink)
        y += pitch
    # photo box with a silhouette, then place/date of issue and a signature
    px0, py0, px1, py1 = 752, 120, 960, 400
    d.rectangle((px0, py0, px1, py1), fill=rng.choice([(200, 40, 40), (40, 70, 160), (150, 150, 150)]))
    cx = (px0 + px1) // 2
    skin = (rng.randint(150, 220), rng.randint(110, 170), rng.randint(80, 130))
    d.chord((cx - 90, py1 - 100, cx + 90, py1 + 100), 180, 360, fill=(30, 30, 30))
    d.ellipse((cx - 48, py0 + 45, cx + 48, py0 + 165), fill=skin)
    small = _font(fname, 18)
    issue = f"{fields['kabupaten_kota'].split(' ', 1)[1]}"
    for j, text in enumerate([issue, f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-20{rng.randint(12, 24)}"]):
        w = d.textlength(text, font=small)
        d.text((cx - w / 2, py1 + 12 + j * 22), text, font=small, fill=ink)
    pts = [(cx - 70 + k * 14, py1 + 85 + rng.randint(-12, 12)) for k in range(11)]
    d.line(pts, fill=ink, width=2)
    return img


def _table(rng: random.Random, w: int, h: int) -> np.ndarray:
    base = np.array([rng.randint(60, 200) for _ in range(3)], np.float32)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    grain = np.sin(y / rng.uniform(4, 15) + np.sin(x / rng.uniform(40, 120)) * 2) * rng.uniform(5, 20)
    img = base + grain[..., None] + np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, (h, w, 1))
    return np.clip(img, 0, 255).astype(np.uint8)


def photograph(card: Image.Image, rng: random.Random, *, hard: bool = True) -> tuple[bytes, dict]:
    """Place the flat card in a phone photo; returns (JPEG bytes, what was done)."""
    import cv2

    out_w, out_h = rng.choice([(1280, 960), (1200, 900), (1600, 1200)])
    bg = _table(rng, out_w, out_h)
    scale = rng.uniform(0.55, 0.85) * out_w / CARD_W
    angle = rng.uniform(-15, 15) if hard else rng.uniform(-3, 3)
    cw, ch = CARD_W * scale, CARD_H * scale
    cx, cy = out_w / 2 + rng.uniform(-0.08, 0.08) * out_w, out_h / 2 + rng.uniform(-0.08, 0.08) * out_h
    corners = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]])
    persp = 0.06 if hard else 0.015
    corners += np.array([[rng.uniform(-persp, persp) * cw, rng.uniform(-persp, persp) * ch] for _ in range(4)])
    a = math.radians(angle)
    rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
    dst = corners @ rot.T
    lo, hi = dst.min(axis=0), dst.max(axis=0)
    fit = min(1.0, (out_w * 0.96) / (hi[0] - lo[0]), (out_h * 0.96) / (hi[1] - lo[1]))
    dst *= fit  # the whole card stays in the frame
    lo, hi = dst.min(axis=0), dst.max(axis=0)
    cx = min(max(cx, -lo[0] + out_w * 0.02), out_w * 0.98 - hi[0])
    cy = min(max(cy, -lo[1] + out_h * 0.02), out_h * 0.98 - hi[1])
    dst = (dst + [cx, cy]).astype(np.float32)
    src = np.array([[0, 0], [CARD_W, 0], [CARD_W, CARD_H], [0, CARD_H]], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    card_np = np.array(card.convert("RGB"))
    warped = cv2.warpPerspective(card_np, m, (out_w, out_h), flags=cv2.INTER_LINEAR)
    coverage = cv2.warpPerspective(np.full((CARD_H, CARD_W), 255, np.uint8), m, (out_w, out_h))
    mask = cv2.GaussianBlur(coverage, (3, 3), 0)[..., None] / 255.0
    shadow = cv2.GaussianBlur((mask * 255).astype(np.uint8), (31, 31), 0)[..., None] / 255.0
    shaded = bg * (1 - 0.35 * np.roll(shadow, (8, 8), (0, 1)))
    img = warped * mask + shaded * (1 - mask)
    # lighting: brightness/contrast gradient and glare
    gain = rng.uniform(0.8, 1.1)
    yy, xx = np.mgrid[0:out_h, 0:out_w].astype(np.float32)
    img = img * (gain + rng.uniform(-0.12, 0.12) * (xx / out_w - 0.5))[..., None]
    glare = None
    if hard and rng.random() < 0.5:
        gx, gy = rng.uniform(0.2, 0.8) * out_w, rng.uniform(0.2, 0.8) * out_h
        r = rng.uniform(0.06, 0.15) * out_w
        blob = np.exp(-(((xx - gx) ** 2 + (yy - gy) ** 2) / (2 * r * r)))
        strength = rng.uniform(50, 110)
        img = img + blob[..., None] * strength
        glare = {"x": round(gx), "y": round(gy), "radius": round(r), "strength": round(strength)}
    img = np.clip(img, 0, 255).astype(np.uint8)
    blur = rng.choice([0, 0, 0.6, 1.0, 1.4]) if hard else rng.choice([0, 0.5])
    if blur:
        img = cv2.GaussianBlur(img, (0, 0), blur)
    turn = rng.choices([0, 90, 180, 270], weights=[70, 10, 10, 10])[0] if hard else 0
    if turn:
        img = np.ascontiguousarray(np.rot90(img, k=turn // 90))
    quality = rng.randint(30, 90) if hard else rng.randint(70, 90)
    buf = io.BytesIO()
    Image.fromarray(img).save(buf, format="JPEG", quality=quality)
    return buf.getvalue(), {"angle": round(angle, 1), "turn": turn, "blur": blur, "quality": quality,
                            "glare": glare, "size": [img.shape[1], img.shape[0]]}


def make_card(seed: int, *, hard: bool = True) -> tuple[bytes, dict]:
    """One photographed card from a seed: (JPEG bytes, {"fields": ..., "photo": ...})."""
    rng = random.Random(seed)
    fields = random_fields(rng)
    jpeg, photo = photograph(render_card(fields, rng), rng, hard=hard)
    return jpeg, {"seed": seed, "fields": fields, "photo": photo}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ocr.synthetic", description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--easy", action="store_true", help="small tilt, no 90/180, mild blur/JPEG")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.n):
        jpeg, truth = make_card(args.seed * 100_003 + i, hard=not args.easy)
        (args.out / f"card_{i:04d}.jpg").write_bytes(jpeg)
        (args.out / f"card_{i:04d}.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1))
    print(f"wrote {args.n} cards to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
