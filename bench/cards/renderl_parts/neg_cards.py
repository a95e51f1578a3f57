"""Card-sized negatives: driving licence (SIM), ATM/debit card, student card, BPJS/KIS card."""
import numpy as np
import cv2
from .util import font, draw_text, composite_ink, pick, chance, wpick, rand_date
from .values import make_fields
from .portrait import portrait, signature
from .wear import rounded_mask, lowfreq

W_MM, H_MM = 85.6, 54.0


def _canvas(s, c1, c2, rng):
    W, H = int(W_MM * s), int(H_MM * s)
    t = np.linspace(0, 1, W, dtype=np.float32)[None, :, None]
    img = np.array(c1, np.float32) / 255 * (1 - t) + np.array(c2, np.float32) / 255 * t
    img = np.repeat(img, H, axis=0)
    img *= (0.93 + 0.1 * lowfreq(H, W, rng, 5))[..., None]
    return img, W, H


def _text(img, items, s, col=(20, 20, 30)):
    """items: (x_mm, y_mm, text, family, cap_mm, bold, anchor)."""
    mask = np.zeros(img.shape[:2], np.uint8)
    for x, y, t, fam, cap, bold, anc in items:
        f = font(fam, cap * s / 0.72, bold)
        draw_text(mask, (x * s, y * s), t, f, anchor=anc)
    return composite_ink(img, mask, col, 0.95)


def _photo(img, rng, s, x, y, w, male, age):
    p, _ = portrait(int(w * s), int(w * 1.3 * s), rng, male, age)
    h = p.shape[0]
    img[int(y * s):int(y * s) + h, int(x * s):int(x * s) + p.shape[1]] = p.astype(np.float32) / 255
    return img


def _person(rng):
    f, m = make_fields(rng)
    return f, m


def sim(rng, s):
    f, m = _person(rng)
    img, W, H = _canvas(s, (235, 240, 250), (200, 215, 240) if chance(rng, 0.6) else (240, 215, 220), rng)
    fam = pick(rng, ["liberation", "arimo", "nimbus", "dejavu_cond"])
    cls = pick(rng, ["A", "C", "B I", "C"])
    d = f["tanggal_lahir"].split("-")
    items = [(4, 6, "SURAT IZIN MENGEMUDI", fam, 2.4, True, "ls"), (4, 9.2, "INDONESIA  -  DRIVING LICENSE", fam, 1.6, False, "ls"),
             (78, 11, cls, fam, 6.5, True, "rs"),
             (30, 16, "%04d-%04d-%06d" % tuple(int(x) for x in rng.integers([1000, 1000, 0], [9999, 9999, 999999])), fam, 2.0, True, "ls")]
    rows = [("1.", f["nama"]), ("2.", "%s, %s-%s-%s" % (f["tempat_lahir"], d[2], d[1], d[0])),
            ("3.", "%s - %s" % (f["golongan_darah"].replace("-", "O"), "PRIA" if m["male"] else "WANITA")),
            ("4.", f["alamat"]), ("", "RT %s %s" % (f["rt_rw"], f["kel_desa"])), ("", "KEC. " + f["kecamatan"]),
            ("5.", f["pekerjaan"][:22]), ("6.", "POLRES " + m["regency_bare"])]
    y = 20.5
    for k, v in rows:
        items.append((30, y, k, fam, 1.35, False, "ls"))
        items.append((33, y, v[:34], fam, 1.35, False, "ls"))
        y += 3.2
    items.append((4, 51, "Berlaku s/d  %02d-%02d-%d" % (int(d[2]), int(d[1]), int(rng.integers(2025, 2031))), fam, 1.4, True, "ls"))
    img = _text(img, items, s)
    img = _photo(img, rng, s, 4, 13, 22, m["male"], m["age"])
    return img, {"negative": "sim", "class": cls}


BANKS = [("BANK RAKYAT INDONESIA", (0, 80, 160), (0, 50, 120)), ("BNI", (240, 110, 20), (0, 120, 130)),
         ("mandiri", (0, 45, 110), (250, 190, 20)), ("BCA", (0, 70, 160), (0, 110, 200)), ("BSI", (0, 150, 150), (230, 180, 40)),
         ("BTN", (0, 60, 140), (220, 40, 40)), ("CIMB NIAGA", (150, 0, 20), (90, 0, 10))]


def atm(rng, s):
    name, c1, c2 = pick(rng, BANKS)
    img, W, H = _canvas(s, c1, c2, rng)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    wave = (np.sin(xx / (W * 0.12) + yy / (H * 0.5)) > 0.6).astype(np.float32)[..., None] * 0.08
    img = np.clip(img + wave, 0, 1)
    fam = pick(rng, ["ocrb", "liberation", "roboto"])
    num = " ".join("%04d" % int(rng.integers(0, 10000)) for _ in range(4))
    holder = make_fields(rng)[0]["nama"][:24]
    items = [(5, 9, name, pick(rng, ["roboto", "lato", "opensans"]), 3.2, True, "ls"), (80, 9, "debit", "lato", 2.5, True, "rs"),
             (6, 35, num, "ocrb", 3.0, False, "ls"), (40, 41.5, "VALID THRU %02d/%02d" % (int(rng.integers(1, 13)), int(rng.integers(25, 31))), fam, 1.3, False, "ls"),
             (6, 48, holder, "ocrb", 2.0, False, "ls"), (80, 50, pick(rng, ["GPN", "VISA", "Mastercard"]), "lato", 2.8, True, "rs")]
    img = _text(img, items, s, col=(245, 245, 245))
    # EMV chip
    x0, y0 = int(8 * s), int(15 * s)
    cv2.rectangle(img, (x0, y0), (x0 + int(11 * s), y0 + int(8.5 * s)), (0.85, 0.72, 0.35), -1, cv2.LINE_AA)
    for k in range(1, 3):
        cv2.line(img, (x0, y0 + int(k * 2.8 * s)), (x0 + int(11 * s), y0 + int(k * 2.8 * s)), (0.55, 0.45, 0.2), max(1, int(s / 8)))
    cv2.line(img, (x0 + int(5.5 * s), y0), (x0 + int(5.5 * s), y0 + int(8.5 * s)), (0.55, 0.45, 0.2), max(1, int(s / 8)))
    return img, {"negative": "atm", "bank": name}


UNIS = ["UNIVERSITAS BRAWIJAYA", "UNIVERSITAS AIRLANGGA", "UNIVERSITAS GADJAH MADA", "UNIVERSITAS DIPONEGORO",
        "UNIVERSITAS HASANUDDIN", "UNIVERSITAS SUMATERA UTARA", "UNIVERSITAS UDAYANA", "INSTITUT TEKNOLOGI SEPULUH NOPEMBER",
        "UNIVERSITAS NEGERI MALANG", "POLITEKNIK NEGERI JAKARTA", "UNIVERSITAS MUHAMMADIYAH SURAKARTA"]
FAKULTAS = ["TEKNIK", "EKONOMI DAN BISNIS", "KEDOKTERAN", "HUKUM", "ILMU KOMPUTER", "KEGURUAN DAN ILMU PENDIDIKAN", "PERTANIAN"]


def student(rng, s):
    f, m = _person(rng)
    c = pick(rng, [(20, 60, 140), (0, 110, 60), (120, 20, 30), (230, 160, 0), (60, 60, 60)])
    img, W, H = _canvas(s, (250, 250, 250), (230, 235, 240), rng)
    img[: int(13 * s)] = np.array(c, np.float32) / 255
    fam = pick(rng, ["liberation", "roboto", "opensans", "lato"])
    uni = pick(rng, UNIS)
    mask = np.zeros(img.shape[:2], np.uint8)
    draw_text(mask, (W / 2, 5.5 * s), "KARTU TANDA MAHASISWA", font(fam, 2.2 * s / 0.72, True), anchor="ms")
    draw_text(mask, (W / 2, 10 * s), uni, font(fam, 1.8 * s / 0.72, True), anchor="ms", sx=min(1.0, W * 0.9 / max(1, font(fam, 1.8 * s / 0.72, True).getlength(uni))))
    img = composite_ink(img, mask, (255, 255, 255), 1.0)
    items = []
    y = 20
    for k, v in [("NIM", str(int(rng.integers(10 ** 9, 10 ** 10)))), ("Nama", f["nama"][:26]), ("Fakultas", pick(rng, FAKULTAS)),
                 ("Prodi", pick(rng, ["S1 MANAJEMEN", "S1 TEKNIK SIPIL", "D3 KEPERAWATAN", "S1 AKUNTANSI", "S1 INFORMATIKA"])),
                 ("Angkatan", str(int(rng.integers(2015, 2025))))]:
        items += [(4, y, k, fam, 1.5, False, "ls"), (17, y, ": " + v, fam, 1.5, True, "ls")]
        y += 3.6
    img = _text(img, items, s)
    img = _photo(img, rng, s, 62, 16, 19, m["male"], min(m["age"], 24))
    return img, {"negative": "student_card", "university": uni}


def bpjs(rng, s):
    f, m = _person(rng)
    img, W, H = _canvas(s, (250, 252, 250), (215, 240, 220), rng)
    img[int(46 * s):] = np.array((0.1, 0.55, 0.3), np.float32)
    fam = pick(rng, ["liberation", "arimo", "roboto"])
    d = f["tanggal_lahir"].split("-")
    items = [(4, 7, "KARTU INDONESIA SEHAT", fam, 2.3, True, "ls"), (81, 7, "BPJS Kesehatan", fam, 2.0, True, "rs")]
    y = 18
    for k, v in [("No. Kartu", "%013d" % int(rng.integers(10 ** 11, 10 ** 13))), ("Nama", f["nama"][:28]), ("NIK", f["nik"]),
                 ("Tgl. Lahir", "%s-%s-%s" % (d[2], d[1], d[0])), ("Faskes Tingkat I", "PUSKESMAS " + f["kecamatan"][:16])]:
        items += [(4, y, k, fam, 1.5, False, "ls"), (26, y, ": " + v, fam, 1.6, True, "ls")]
        y += 4.5
    img = _text(img, items, s)
    mask = np.zeros(img.shape[:2], np.uint8)
    draw_text(mask, (W / 2, 51.5 * s), "Kartu ini berlaku sebagai bukti kepesertaan JKN", font(fam, 1.2 * s / 0.72), anchor="ms")
    img = composite_ink(img, mask, (255, 255, 255), 1.0)
    return img, {"negative": "bpjs_card"}


CARD_NEGS = [("sim", sim, 3), ("atm", atm, 3), ("student_card", student, 2), ("bpjs_card", bpjs, 3)]


def card_negative(rng, s, kind=None):
    fn = dict((k, f) for k, f, _ in CARD_NEGS)[kind] if kind else wpick(rng, [(f, w) for _, f, w in CARD_NEGS])
    img, info = fn(rng, s)
    alpha = rounded_mask(img.shape[0], img.shape[1], s).astype(np.float32) / 255
    return np.clip(img, 0, 1).astype(np.float32), alpha, info
