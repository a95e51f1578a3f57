"""Paper documents that are not an e-KTP: shop receipt, a letter mentioning a NIK, a Kartu Keluarga sheet."""
import numpy as np
import cv2
from .util import uni, chance, pick, wpick, smooth_noise
from . import fonts, identity, places, names
from .common_draw import Sheet

ITEMS = ["INDOMIE GRG", "AQUA 600ML", "GULA PASIR 1KG", "BERAS 5KG", "MINYAK GRG 2L", "TELUR AYAM", "KOPI KAPAL API",
         "SABUN LIFEBUOY", "ROTI TAWAR", "SUSU UHT 1L", "TEH BOTOL", "SHAMPO SACHET", "PASTA GIGI", "GAS LPG 3KG",
         "KECAP MANIS", "SARDEN KLG", "MIE SEDAAP", "PEMBALUT", "TISU 250S", "DETERJEN 800G"]
SHOPS = ["TOKO SUMBER REJEKI", "MINIMARKET BERKAH", "APOTEK SEHAT SENTOSA", "SWALAYAN MAKMUR JAYA", "WARUNG BU SITI",
         "TOKO KELONTONG ABADI", "KOPERASI KARYAWAN"]


def _paper(rng, h, w, tint):
    base = np.ones((h, w, 3), np.float32) * np.array(tint, np.float32)
    n = smooth_noise(rng, h, w, max(h, w) * 0.2, 2)[..., None]
    return base * (0.96 + 0.04 * n)


def receipt(rng, W, aspect=2.4):
    H = int(round(W * aspect))
    s = Sheet(W, H)
    fam = pick(rng, fonts.by_kind("mono"))
    sz = 0.022 * 1.9 / (H / W)
    y = 0.04
    lh = sz * 1.35

    def line(t, anchor="ls", x=0.06, key=None, bold=False):
        nonlocal y
        s.text(x, y, t, fam, sz, bold, anchor=anchor, key=key, maxw=0.9)
        y += lh
    line(pick(rng, SHOPS), "ms", 0.5, bold=True)
    line(places.alamat(rng, "32")[:30], "ms", 0.5)
    line(f"{int(rng.integers(1, 29)):02d}.{int(rng.integers(1, 13)):02d}.{int(rng.integers(21, 25))}-{int(rng.integers(7, 22)):02d}:{int(rng.integers(0, 60)):02d}  KSR:{int(rng.integers(1, 9))}")
    line("-" * 32)
    tot = 0
    for _ in range(int(rng.integers(3, 12))):
        q, p = int(rng.integers(1, 4)), int(rng.integers(2, 120)) * 500
        tot += q * p
        line(pick(rng, ITEMS))
        y -= lh * 0.1
        line(f"  {q} x {p:,}".replace(",", ".") + f"{q * p:>12,}".replace(",", "."))
    line("-" * 32)
    line(f"TOTAL       {tot:>14,}".replace(",", "."), key="number", bold=True)
    cash = (tot // 50000 + 1) * 50000
    line(f"TUNAI       {cash:>14,}".replace(",", "."))
    line(f"KEMBALI     {cash - tot:>14,}".replace(",", "."))
    y += lh
    line("TERIMA KASIH", "ms", 0.5)
    line("BARANG YANG SUDAH DIBELI", "ms", 0.5)
    line("TIDAK DAPAT DITUKAR", "ms", 0.5)
    paper = _paper(rng, H, W, (0.97, 0.97, 0.95))
    ink = s.array()
    img = paper * (0.25 + 0.75 * ink) if chance(rng, 0.5) else paper * ink
    alpha = np.ones((H, W), np.float32)
    # torn zigzag bottom edge
    zz = (np.abs(((np.arange(W) / max(2, W // 40)) % 2) - 1) * H * 0.008).astype(int)
    for x in range(W):
        alpha[H - 1 - zz[x]:, x] = 0
    return img, alpha, s.boxes, {"doc": "receipt"}


def letter(rng, W, aspect=None):
    H = int(round(W * 297 / 210))
    s = Sheet(W, H)
    f, e = identity.make_identity(rng)
    fam = pick(rng, fonts.by_kind("serif") + fonts.by_kind("sans"))
    bs = 0.0125
    kab = f["kabupaten_kota"]
    s.text(0.55, 0.05, "PEMERINTAH " + kab, fam, 0.017, True, anchor="ms", maxw=0.75)
    s.text(0.55, 0.072, "KECAMATAN " + f["kecamatan"], fam, 0.02, True, anchor="ms", maxw=0.75)
    s.text(0.55, 0.095, ("KELURAHAN " if chance(rng, 0.5) else "DESA ") + f["kel_desa"], fam, 0.022, True, anchor="ms", maxw=0.75)
    s.d.ellipse((0.07 * W, 0.03 * H, 0.07 * W + 0.09 * W, 0.03 * H + 0.09 * W), outline=(30, 30, 30), width=max(2, W // 300))
    s.rect(0.08, 0.108, 0.92, 0.111, fill=(20, 20, 20))
    title = pick(rng, ["SURAT KETERANGAN DOMISILI", "SURAT KETERANGAN TIDAK MAMPU", "SURAT PENGANTAR",
                       "SURAT KETERANGAN USAHA", "SURAT PERNYATAAN"])
    s.text(0.5, 0.15, title, fam, 0.016, True, anchor="ms")
    s.text(0.5, 0.167, f"Nomor : {int(rng.integers(1, 999)):03d}/{int(rng.integers(1, 99))}/{pick(rng, ['DS', 'KEL', 'PEM'])}/{int(rng.integers(2019, 2025))}", fam, bs, anchor="ms")
    s.text(0.1, 0.21, "Yang bertanda tangan di bawah ini menerangkan bahwa :", fam, bs)
    rows = [("Nama", f["nama"], "nama"), ("NIK", f["nik"], "nik"),
            ("Tempat/Tgl Lahir", f["tempat_lahir"] + ", " + identity.dmy(f["tanggal_lahir"]), None),
            ("Jenis Kelamin", f["jenis_kelamin"], None), ("Agama", f["agama"], None),
            ("Pekerjaan", f["pekerjaan"], None), ("Alamat", f"{f['alamat']} RT {f['rt_rw']}", None)]
    y = 0.24
    for lab, v, k in rows:
        s.text(0.14, y, lab, fam, bs)
        s.text(0.36, y, ": " + v, fam, bs, key=k, maxw=0.55)
        y += 0.022
    y += 0.015
    words = ("Orang tersebut di atas adalah benar warga kami yang berdomisili di alamat tersebut . Surat keterangan "
             "ini dibuat untuk keperluan pengurusan administrasi dan dapat dipergunakan sebagaimana mestinya . "
             "Demikian surat keterangan ini kami buat dengan sebenarnya untuk dapat dipergunakan seperlunya").split()
    fnt = fonts.font(fam, bs * H)
    cur = ""
    for wd in words:
        if fnt.getlength(cur + " " + wd) > 0.8 * W:
            s.text(0.1, y, cur.strip(), fam, bs)
            y += 0.022
            cur = ""
        cur += " " + wd
    s.text(0.1, y, cur.strip(), fam, bs)
    s.text(0.62, y + 0.07, f"{places.bare_regency(kab).title()}, {identity.dmy(e['issue_date'].isoformat())}", fam, bs)
    s.text(0.62, y + 0.09, pick(rng, ["Kepala Desa", "Lurah", "Sekretaris Desa"]), fam, bs)
    s.text(0.62, y + 0.18, names.make_name(rng, "M", "jawa"), fam, bs, True)
    s.d.ellipse((0.55 * W, (y + 0.08) * H, 0.55 * W + 0.16 * W, (y + 0.08) * H + 0.16 * W), outline=(60, 60, 160), width=max(2, W // 250))
    paper = _paper(rng, H, W, (0.98, 0.98, 0.97))
    return paper * s.array(), np.ones((H, W), np.float32), s.boxes, {"doc": "letter"}


def kartu_keluarga(rng, W, aspect=None):
    H = int(round(W * 215 / 330))
    s = Sheet(W, H)
    head, e = identity.make_identity(rng)
    fam = pick(rng, fonts.by_kind("sans"))
    s.text(0.5, 0.07, "KARTU KELUARGA", fam, 0.04, True, anchor="ms")
    kk = head["nik"][:6] + "".join(str(int(d)) for d in rng.integers(0, 10, 10))
    s.text(0.5, 0.11, "No. " + kk, fam, 0.028, True, anchor="ms", key="number")
    left = [("Nama Kepala Keluarga", head["nama"]), ("Alamat", head["alamat"]), ("RT/RW", head["rt_rw"]),
            ("Desa/Kelurahan", head["kel_desa"])]
    right = [("Kecamatan", head["kecamatan"]), ("Kabupaten/Kota", head["kabupaten_kota"]), ("Kode Pos", str(int(rng.integers(10000, 99999)))),
             ("Provinsi", head["provinsi"])]
    for i, ((l1, v1), (l2, v2)) in enumerate(zip(left, right)):
        y = 0.16 + i * 0.03
        s.text(0.04, y, l1, fam, 0.018)
        s.text(0.2, y, ": " + v1, fam, 0.018, key="nama" if i == 0 else None, maxw=0.32)
        s.text(0.6, y, l2, fam, 0.018)
        s.text(0.72, y, ": " + v2, fam, 0.018, maxw=0.26)
    cols = ["No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Agama", "Pendidikan", "Jenis Pekerjaan"]
    xs = [0.03, 0.06, 0.26, 0.42, 0.52, 0.63, 0.72, 0.8, 0.89, 0.98]
    y0 = 0.3
    rh = 0.045
    n = int(rng.integers(2, 7))
    s.rect(0.03, y0, 0.98, y0 + rh * (n + 1), outline=(40, 40, 40), width=max(1, W // 800))
    for i, c in enumerate(cols):
        s.rect(xs[i], y0, xs[i + 1], y0 + rh, fill=(215, 230, 215), outline=(40, 40, 40), width=max(1, W // 800))
        s.text((xs[i] + xs[i + 1]) / 2, y0 + rh * 0.65, c, fam, 0.014, True, anchor="ms", maxw=xs[i + 1] - xs[i] - 0.004)
    for r in range(n):
        if r == 0:
            p = head
        else:
            p, _ = identity.make_identity(rng)
        y = y0 + rh * (r + 1.65)
        vals = [str(r + 1), p["nama"], p["nik"], p["jenis_kelamin"], p["tempat_lahir"], identity.dmy(p["tanggal_lahir"]),
                p["agama"], pick(rng, ["SLTA/SEDERAJAT", "SD", "SLTP", "DIPLOMA IV/S1", "TIDAK/BELUM SEKOLAH"]), p["pekerjaan"]]
        for i, v in enumerate(vals):
            s.text(xs[i] + 0.004, y, v, fam, 0.014, maxw=xs[i + 1] - xs[i] - 0.006, key="nik" if (i == 2 and r == 0) else None)
        s.line(0.03, y0 + rh * (r + 2), 0.98, y0 + rh * (r + 2), fill=(120, 120, 120))
    s.text(0.8, 0.88, "KEPALA DINAS KEPENDUDUKAN", fam, 0.014, anchor="ms")
    s.text(0.8, 0.96, names.make_name(rng, "M", "arab"), fam, 0.016, True, anchor="ms")
    paper = _paper(rng, H, W, (0.95, 0.98, 0.95))
    return paper * s.array(), np.ones((H, W), np.float32), s.boxes, {"doc": "kartu_keluarga"}


DOCS = {"receipt": receipt, "letter": letter, "kartu_keluarga": kartu_keluarga}
ASPECTS = {"letter": 297 / 210, "kartu_keluarga": 215 / 330}
