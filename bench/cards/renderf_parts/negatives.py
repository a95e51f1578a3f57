"""Objects that are NOT an e-KTP, for negative photos: SIM, ATM card, BPJS/KIS card,
school ID, receipt, page of text, a cat-like blob, or a plain scene."""
import numpy as np
from PIL import Image, ImageDraw

from . import fonts
from .card_background import portrait, signature
from .fields import random_identity

KINDS = ["sim", "atm", "bpjs_kis", "school_id", "receipt", "text_page", "cat_blob", "plain_scene"]
W, H = 1012, 638
WORDS = ("dengan ini kami sampaikan bahwa pelaksanaan kegiatan rapat warga akan diadakan pada hari "
         "sabtu di balai desa mohon kehadiran bapak ibu tepat waktu demi kelancaran acara terima kasih "
         "atas perhatian dan kerja sama yang baik selama ini pembayaran iuran kebersihan bulan ini dapat "
         "dilakukan melalui bendahara rukun tetangga setempat").split()


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def _card(color_a, color_b, rng, radius=36):
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = (xx / W * 0.6 + yy / H * 0.4)[..., None]
    arr = np.array(color_a, np.float32) * (1 - t) + np.array(color_b, np.float32) * t
    im = Image.fromarray(arr.astype(np.uint8), "RGB")
    mask = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, W - 1, H - 1], radius=radius, fill=255)
    return im, mask


def _finish(im, mask):
    im = im.convert("RGBA")
    im.putalpha(mask)
    return np.asarray(im)


def sim(rng):
    f, e = random_identity(rng)
    im, mask = _card((235, 215, 200), (200, 215, 235), rng)
    d = ImageDraw.Draw(im)
    fam = _pick(rng, sorted(fonts.SANS))
    d.text((300, 30), "SURAT IZIN MENGEMUDI", font=fonts.font(fam, 40, True), fill=(30, 30, 90))
    d.text((300, 80), "KEPOLISIAN NEGARA REPUBLIK INDONESIA", font=fonts.font(fam, 22), fill=(30, 30, 90))
    d.text((40, 40), _pick(rng, ["A", "C", "B I"]), font=fonts.font(fam, 90, True), fill=(160, 30, 30))
    no = "".join(str(int(v)) for v in rng.integers(0, 10, 12))
    pim, _ = portrait(200, 260, rng, e["female"])
    im.paste(pim, (40, 170))
    lf = fonts.font(fam, 24)
    rows = [f"1. {f['nama']}", f"2. {f['tempat_lahir']}, {e['birth_printed']}",
            f"3. GOL. DARAH {f['golongan_darah']} - {'PRIA' if f['jenis_kelamin'] == 'LAKI-LAKI' else 'WANITA'}",
            f"4. {f['alamat']}", f"   {f['kecamatan']}", f"5. {f['pekerjaan']}", f"6. {f['provinsi']}",
            f"7. {e['issue_date']}"]
    d.text((280, 130), no[:4] + "-" + no[4:8] + "-" + no[8:], font=fonts.font(fam, 34, True), fill=(20, 20, 20))
    for k, r in enumerate(rows):
        d.text((280, 190 + k * 40), r, font=lf, fill=(20, 20, 20))
    signature(d, (720, 520, 960, 600), rng, (20, 20, 60))
    return _finish(im, mask)


def atm(rng):
    base = [((20, 40, 110), (60, 110, 200)), ((120, 20, 20), (220, 90, 40)), ((20, 90, 60), (80, 170, 120)),
            ((30, 30, 30), (110, 110, 110))][int(rng.integers(4))]
    im, mask = _card(*base, rng)
    d = ImageDraw.Draw(im)
    fam = _pick(rng, sorted(fonts.SANS))
    bank = _pick(rng, ["BANK NUSANTARA", "BANK RAKYAT MAKMUR", "BANK SENTOSA", "BANK PERSADA"])
    d.text((50, 40), bank, font=fonts.font(fam, 44, True), fill=(255, 255, 255))
    d.rounded_rectangle([90, 210, 220, 310], radius=14, fill=(212, 180, 90))
    for k in range(3):
        d.line([(90, 240 + k * 25), (220, 240 + k * 25)], fill=(150, 120, 60), width=2)
    num = " ".join("".join(str(int(v)) for v in rng.integers(0, 10, 4)) for _ in range(4))
    mono = _pick(rng, sorted(fonts.MONO))
    d.text((90, 360), num, font=fonts.font(mono, 56, True), fill=(240, 240, 240))
    f, _ = random_identity(rng)
    d.text((90, 470), f"VALID THRU {int(rng.integers(1, 13)):02d}/{int(rng.integers(25, 31))}",
           font=fonts.font(fam, 26), fill=(240, 240, 240))
    d.text((90, 520), f["nama"][:26], font=fonts.font(fam, 36), fill=(240, 240, 240))
    d.text((780, 530), _pick(rng, ["GPN", "DEBIT", "VISA"]), font=fonts.font(fam, 50, True), fill=(255, 255, 255))
    return _finish(im, mask)


def bpjs_kis(rng):
    f, e = random_identity(rng)
    im, mask = _card((250, 250, 250), (200, 235, 205), rng)
    d = ImageDraw.Draw(im)
    fam = _pick(rng, sorted(fonts.SANS))
    d.rectangle([0, 0, W, 110], fill=(20, 130, 70))
    d.text((40, 30), "KARTU INDONESIA SEHAT", font=fonts.font(fam, 46, True), fill=(255, 255, 255))
    d.text((640, 150), "BPJS Kesehatan", font=fonts.font(fam, 34, True), fill=(20, 130, 70))
    no = "000" + "".join(str(int(v)) for v in rng.integers(0, 10, 10))
    lf = fonts.font(fam, 28)
    rows = [("No. Kartu", no), ("Nama", f["nama"]), ("Tgl. Lahir", e["birth_printed"]),
            ("Faskes Tk. I", "PUSKESMAS " + f["kecamatan"])]
    for k, (a, b) in enumerate(rows):
        d.text((50, 230 + k * 60), a, font=lf, fill=(30, 30, 30))
        d.text((260, 230 + k * 60), ": " + b, font=fonts.font(fam, 30, True), fill=(30, 30, 30))
    return _finish(im, mask)


def school_id(rng):
    f, e = random_identity(rng)
    im, mask = _card((245, 245, 235), (250, 220, 180), rng, radius=20)
    d = ImageDraw.Draw(im)
    fam = _pick(rng, sorted(fonts.SANS))
    d.rectangle([0, 0, W, 120], fill=(150, 30, 30))
    d.text((170, 18), "KARTU PELAJAR", font=fonts.font(fam, 44, True), fill=(255, 255, 255))
    d.text((170, 70), f"SMA NEGERI {int(rng.integers(1, 20))} {f['tempat_lahir']}", font=fonts.font(fam, 30),
           fill=(255, 255, 255))
    d.ellipse([40, 15, 130, 105], fill=(240, 200, 60))
    pim, _ = portrait(210, 270, rng, e["female"])
    im.paste(pim, (760, 170))
    lf = fonts.font(fam, 30)
    rows = [("NIS", str(int(rng.integers(10000, 99999)))),
            ("NISN", "00" + "".join(str(int(v)) for v in rng.integers(0, 10, 8))),
            ("Nama", f["nama"]), ("TTL", f"{f['tempat_lahir']}, {e['birth_printed']}"), ("Alamat", f["alamat"])]
    for k, (a, b) in enumerate(rows):
        d.text((40, 170 + k * 60), a, font=lf, fill=(20, 20, 20))
        d.text((190, 170 + k * 60), ": " + b, font=lf, fill=(20, 20, 20))
    return _finish(im, mask)


def receipt(rng):
    w, h = 620, int(rng.uniform(1100, 1600))
    im = Image.new("RGB", (w, h), (246, 244, 238))
    d = ImageDraw.Draw(im)
    mono = _pick(rng, sorted(fonts.MONO))
    f = fonts.font(mono, 24)
    y = 30
    for line in [_pick(rng, ["TOKO SUMBER REJEKI", "MINIMARKET SERBA ADA", "WARUNG BU TINI"]),
                 "JL. PASAR BARU NO. 7", "-" * 34]:
        d.text((30, y), line, font=f, fill=(40, 40, 40))
        y += 34
    items = ["BERAS 5KG", "MINYAK GORENG 2L", "GULA PASIR 1KG", "TELUR 1KG", "KOPI SACHET", "SABUN MANDI",
             "MIE INSTAN", "AIR MINERAL", "TEH CELUP", "KECAP MANIS"]
    total = 0
    while y < h - 250:
        p = int(rng.integers(2, 90)) * 1000
        total += p
        d.text((30, y), f"{_pick(rng, items):<20}{p:>12,}".replace(",", "."), font=f, fill=(40, 40, 40))
        y += 32
    for line in ["-" * 34, f"{'TOTAL':<20}{total:>12,}".replace(",", "."), "TERIMA KASIH", "BARANG YANG SUDAH",
                 "DIBELI TIDAK DAPAT DITUKAR"]:
        d.text((30, y), line, font=f, fill=(40, 40, 40))
        y += 34
    return np.asarray(im.convert("RGBA"))


def text_page(rng):
    w, h = 900, 1270
    im = Image.new("RGB", (w, h), (250, 250, 247))
    d = ImageDraw.Draw(im)
    fam = _pick(rng, sorted(fonts.SANS))
    d.text((80, 70), _pick(rng, ["SURAT PEMBERITAHUAN", "PENGUMUMAN", "UNDANGAN RAPAT WARGA"]),
           font=fonts.font(fam, 36, True), fill=(20, 20, 20))
    f = fonts.font(fam, 24)
    y = 150
    while y < h - 100:
        line, n = [], int(rng.integers(7, 12))
        for _ in range(n):
            line.append(_pick(rng, WORDS))
        d.text((80, y), " ".join(line).capitalize(), font=f, fill=(30, 30, 30))
        y += 36 if rng.random() < 0.85 else 70
    return np.asarray(im.convert("RGBA"))


def cat_blob(rng):
    w, h = 900, 700
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    fur = tuple(int(c) for c in rng.uniform(40, 220) * np.array([1.0, rng.uniform(0.7, 0.95), 0.6])) + (255,)
    d.ellipse([150, 250, 750, 650], fill=fur)
    d.ellipse([520, 120, 800, 380], fill=fur)
    d.polygon([(540, 190), (560, 40), (640, 140)], fill=fur)
    d.polygon([(700, 140), (780, 40), (790, 200)], fill=fur)
    d.line([(170, 500), (60, 380), (90, 250)], fill=fur, width=50, joint="curve")
    for ex in (610, 710):
        d.ellipse([ex - 18, 220, ex + 18, 250], fill=(90, 160, 60, 255))
    return np.asarray(im)


def plain_scene(rng):
    return np.zeros((H, W, 4), np.uint8)


def make_negative(rng):
    kind = KINDS[int(rng.integers(len(KINDS)))]
    return kind, globals()[kind](rng)
