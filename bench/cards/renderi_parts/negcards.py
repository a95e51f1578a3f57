"""ID-1 cards that are not an e-KTP: driving licence (SIM), bank card, student card, BPJS health card."""
import numpy as np
from .util import uni, chance, pick, wpick, rounded_mask
from . import fonts, security, face, identity, names
from .common_draw import Sheet

ASPECT = 54.0 / 85.6
BANKS = ["BANK NUSANTARA", "BANK SEJAHTERA", "BANK MERDEKA", "BANK RAKYAT DAERAH", "BANK SYARIAH UMAT",
         "BANK PEMBANGUNAN JATIM", "BANK KITA", "BANK ARTHA GRAHA"]
UNIS = ["UNIVERSITAS NEGERI SURABAYA", "UNIVERSITAS GADJAH MADA", "UNIVERSITAS PADJADJARAN",
        "INSTITUT TEKNOLOGI SEPULUH NOPEMBER", "UNIVERSITAS HASANUDDIN", "UNIVERSITAS SUMATERA UTARA",
        "UNIVERSITAS MUHAMMADIYAH MALANG", "POLITEKNIK NEGERI JAKARTA", "UNIVERSITAS UDAYANA"]
FAKS = ["TEKNIK", "EKONOMI DAN BISNIS", "HUKUM", "KEDOKTERAN", "ILMU SOSIAL DAN ILMU POLITIK", "PERTANIAN",
        "KEGURUAN DAN ILMU PENDIDIKAN", "MATEMATIKA DAN IPA"]


def _person(rng):
    f, e = identity.make_identity(rng)
    return f, e


def _print(stock, sheet):
    return stock * sheet.array()


def sim(rng, W, aspect=None):
    H = int(round(W * ASPECT))
    pal = pick(rng, [((240, 200, 210), (250, 240, 235), (230, 215, 190)), ((235, 235, 200), (250, 250, 240), (215, 230, 240))])
    stock, _ = security.card_stock(rng, H, W, pal, emblems=False)
    f, e = _person(rng)
    s = Sheet(W, H)
    fam = pick(rng, fonts.by_kind("sans"))
    s.text(0.5, 0.1, "SURAT IZIN MENGEMUDI", fam, 0.07, True, anchor="ms")
    s.text(0.5, 0.17, "INDONESIA", fam, 0.05, True, anchor="ms")
    s.text(0.06, 0.14, pick(rng, ["A", "C", "B I", "B II UMUM", "A UMUM"]), fam, 0.11, True, fill=(180, 20, 30))
    num = f"{int(rng.integers(1000, 9999))}-{int(rng.integers(1000, 9999))}-{int(rng.integers(100000, 999999))}"
    s.text(0.36, 0.3, num, pick(rng, fonts.by_kind("mono")), 0.065, True, key="number")
    rows = [("1.", f["nama"], "nama"), ("2.", f["tempat_lahir"] + ", " + identity.dmy(f["tanggal_lahir"]), None),
            ("3.", f["golongan_darah"].replace("-", "O") + " - " + ("PRIA" if f["jenis_kelamin"] == "LAKI-LAKI" else "WANITA"), None),
            ("4.", f["alamat"], None), ("", "RT " + f["rt_rw"].replace("/", " RW "), None), ("", f["kel_desa"] + ", " + f["kecamatan"], None),
            ("5.", f["pekerjaan"], None), ("6.", f["kabupaten_kota"], None),
            ("7.", identity.dmy(f"{2024 + int(rng.integers(0, 5))}-{f['tanggal_lahir'][5:]}"), None)]
    y = 0.4
    for n, v, k in rows:
        s.text(0.33, y, n, fam, 0.042)
        s.text(0.38, y, v, fam, 0.042, key=k, maxw=0.58)
        y += 0.065
    por = face.portrait(rng, int(W * 0.24), int(W * 0.3), e["sex"], e["age"])
    s.paste(por, 0.04, 0.3)
    s.text(0.16, 0.93, pick(rng, ["POLRES ", "POLRESTA ", "POLDA "]) + f["kabupaten_kota"].split(" ")[-1], fam, 0.035, anchor="ms", maxw=0.3)
    return _print(stock, s), rounded_mask(H, W, W * 0.04), s.boxes, {"doc": "sim"}


def atm(rng, W, aspect=None):
    H = int(round(W * ASPECT))
    c1 = pick(rng, [(10, 40, 110), (150, 20, 30), (20, 90, 60), (30, 30, 35), (200, 150, 40), (0, 90, 160)])
    c2 = tuple(int(np.clip(c * uni(rng, 0.4, 1.6), 0, 255)) for c in c1)
    from .util import gradient
    img = gradient(H, W, c1, c2, uni(rng, 0, 6.28))
    s = Sheet(W, H, (0, 0, 0))
    fam = pick(rng, fonts.by_kind("sans"))
    light = (240, 240, 235)
    s.text(0.06, 0.16, pick(rng, BANKS), fam, 0.085, True, fill=light)
    s.text(0.94, 0.16, pick(rng, ["DEBIT", "GPN", "Platinum", "Gold", "Silver"]), fam, 0.06, True, fill=light, anchor="rs")
    s.rect(0.1, 0.33, 0.24, 0.52, fill=(205, 170, 90), radius=0.02)
    for k in range(3):
        s.line(0.1, 0.38 + 0.05 * k, 0.24, 0.38 + 0.05 * k, fill=(150, 120, 60), width=max(1, W // 500))
    num = " ".join(f"{int(rng.integers(0, 10000)):04d}" for _ in range(4))
    nf = pick(rng, ["ocrb", "dejavu_mono", "liberation_mono", "go_mono"])
    s.text(0.08, 0.7, num, nf, 0.085, True, fill=light, key="number")
    s.text(0.3, 0.8, "VALID THRU", fam, 0.03, fill=light)
    s.text(0.46, 0.81, f"{int(rng.integers(1, 13)):02d}/{int(rng.integers(25, 31))}", nf, 0.05, fill=light)
    f, _ = _person(rng)
    s.text(0.08, 0.92, f["nama"][:24], nf, 0.055, fill=light)
    cx = 0.82
    for dx, col in ((-0.04, (220, 40, 40)), (0.04, (240, 160, 30))):
        s.d.ellipse(((cx + dx - 0.06) * W, 0.78 * H, (cx + dx + 0.06) * W, 0.78 * H + 0.12 * W), fill=col)
    ink = s.array()
    m = (ink.max(axis=2, keepdims=True) > 0.02).astype(np.float32)
    img = img * (1 - m) + ink * m
    return img.astype(np.float32), rounded_mask(H, W, W * 0.04), s.boxes, {"doc": "bank_card"}


def student(rng, W, aspect=None):
    H = int(round(W * ASPECT))
    band = pick(rng, [(20, 50, 120), (120, 20, 30), (0, 100, 60), (200, 120, 0), (60, 30, 100)])
    stock = np.ones((H, W, 3), np.float32) * np.array([0.97, 0.97, 0.95], np.float32)
    s = Sheet(W, H)
    s.rect(0, 0, 1, 0.25, fill=band)
    fam = pick(rng, fonts.by_kind("sans") + fonts.by_kind("serif"))
    s.text(0.6, 0.11, pick(rng, UNIS), fam, 0.06, True, fill=(250, 250, 250), anchor="ms", maxw=0.75)
    s.text(0.6, 0.2, "KARTU TANDA MAHASISWA", fam, 0.055, True, fill=(250, 220, 120), anchor="ms")
    s.d.ellipse((0.03 * W, 0.02 * H, 0.03 * W + 0.21 * H, 0.23 * H), fill=(240, 200, 60))
    f, e = _person(rng)
    nim = f"{int(rng.integers(15, 25))}{int(rng.integers(0, 10**8)):08d}"
    rows = [("Nama", f["nama"], "nama"), ("NIM", nim, "number"), ("Fakultas", pick(rng, FAKS), None),
            ("Prodi", pick(rng, ["S1 ", "D3 ", "D4 "]) + pick(rng, ["AKUNTANSI", "TEKNIK SIPIL", "ILMU HUKUM", "MANAJEMEN", "KEPERAWATAN", "INFORMATIKA"]), None),
            ("Alamat", f["alamat"], None)]
    y = 0.38
    for lab, v, k in rows:
        s.text(0.33, y, lab, fam, 0.05)
        s.text(0.5, y, ": " + v, fam, 0.05, key=k, maxw=0.47)
        y += 0.1
    por = face.portrait(rng, int(W * 0.22), int(W * 0.28), e["sex"], e["age"])
    s.paste(por, 0.05, 0.32)
    x = 0.35
    while x < 0.9:  # barcode
        wbar = uni(rng, 0.002, 0.008)
        s.rect(x, 0.86, x + wbar, 0.96, fill=(10, 10, 10))
        x += wbar + uni(rng, 0.002, 0.008)
    return _print(stock, s), rounded_mask(H, W, W * 0.04), s.boxes, {"doc": "student_card"}


def bpjs(rng, W, aspect=None):
    H = int(round(W * ASPECT))
    pal = ((230, 245, 235), (250, 252, 250), (200, 235, 215))
    stock, _ = security.card_stock(rng, H, W, pal, emblems=False)
    s = Sheet(W, H)
    fam = pick(rng, fonts.by_kind("sans"))
    s.rect(0, 0, 1, 0.2, fill=(0, 130, 80))
    s.text(0.05, 0.13, "BPJS Kesehatan", fam, 0.08, True, fill=(255, 255, 255))
    s.text(0.95, 0.13, "KARTU INDONESIA SEHAT", fam, 0.055, True, fill=(255, 255, 255), anchor="rs")
    f, _ = _person(rng)
    nokartu = "000" + "".join(str(int(d)) for d in rng.integers(0, 10, 10))
    rows = [("No. Kartu", nokartu, "number"), ("Nama", f["nama"], "nama"), ("NIK", f["nik"], "nik"),
            ("Tgl. Lahir", identity.dmy(f["tanggal_lahir"]), None),
            ("Faskes Tingkat I", pick(rng, ["PUSKESMAS ", "KLINIK PRATAMA ", "DR. "]) + f["kel_desa"], None)]
    y = 0.36
    for lab, v, k in rows:
        s.text(0.06, y, lab, fam, 0.055, bold=k == "number")
        s.text(0.36, y, ": " + v, fam, 0.06 if k == "number" else 0.055, bold=k == "number", key=k, maxw=0.6)
        y += 0.12
    return _print(stock, s), rounded_mask(H, W, W * 0.04), s.boxes, {"doc": "bpjs_card"}


CARDS = {"sim": sim, "bank_card": atm, "student_card": student, "bpjs_card": bpjs}
