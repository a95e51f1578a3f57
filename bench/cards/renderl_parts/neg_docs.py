"""Paper negatives: shop receipt, letter (surat keterangan), family card (Kartu Keluarga) page."""
import numpy as np
import cv2
from .util import font, draw_text, composite_ink, pick, chance, wpick
from .values import make_fields
from .wear import lowfreq

ITEMS = ["INDOMIE GRG", "AQUA 600ML", "GULAKU 1KG", "BERAS 5KG", "TELUR 1KG", "MINYAK GRG 2L", "SUSU UHT", "ROTI TAWAR",
         "SABUN LIFEBUOY", "PASTA GIGI", "KOPI KAPAL API", "TEH PUCUK", "CHITATO", "POP MIE", "SAMPO SACHET", "DETERJEN",
         "PARACETAMOL", "OBAT BATUK", "TISU PASEO", "GAS 3KG"]


def _paper(h, w, rng, tint=(0.97, 0.97, 0.95)):
    img = np.ones((h, w, 3), np.float32) * np.array(tint, np.float32) * rng.uniform(0.92, 1.0)
    fold = lowfreq(h, w, rng, 4)
    img *= (0.9 + 0.12 * fold)[..., None]
    if chance(rng, 0.5):  # fold lines
        for _ in range(int(rng.integers(1, 3))):
            y = int(rng.uniform(0.25, 0.75) * h)
            img[max(0, y - 2):y + 2] *= 0.9
    return img


def receipt(rng, s, w_mm=75.0, h_mm=160.0):
    W, H = int(w_mm * s), int(h_mm * s)
    img = _paper(H, W, rng, (0.98, 0.98, 0.96))
    mask = np.zeros((H, W), np.uint8)
    f = font(pick(rng, ["mono", "go", "nimbus"]) if chance(rng, 0.3) else "mono", 2.2 * s / 0.72)
    if pick(rng, [0, 1]):
        f = font("ocrb", 2.0 * s / 0.72)
    shop = pick(rng, ["INDOMARET", "ALFAMART", "TOKO SUMBER REJEKI", "APOTEK K-24", "WARUNG BU TINI", "SUPERINDO"])
    lines = [shop, "JL. %s NO.%d" % (pick(rng, ["SUDIRMAN", "A. YANI", "DIPONEGORO", "PAHLAWAN"]), int(rng.integers(1, 200))),
             "NPWP 01.234.%03d.5-%03d.000" % (int(rng.integers(0, 999)), int(rng.integers(0, 999))),
             "%02d.%02d.%d-%02d:%02d/KSR%02d" % (int(rng.integers(1, 29)), int(rng.integers(1, 13)), int(rng.integers(2023, 2026)),
                                                int(rng.integers(7, 22)), int(rng.integers(0, 60)), int(rng.integers(1, 9))), "-" * 32]
    total = 0
    for _ in range(int(rng.integers(3, 12))):
        q, p = int(rng.integers(1, 4)), int(rng.integers(2, 120)) * 500
        total += q * p
        lines.append("%-16s%2d %10s" % (pick(rng, ITEMS), q, "{:,}".format(q * p).replace(",", ".")))
    lines += ["-" * 32, "TOTAL ITEM %d" % len(lines), "HARGA JUAL :%19s" % "{:,}".format(total).replace(",", "."),
              "TUNAI      :%19s" % "{:,}".format(total + int(rng.integers(0, 50)) * 1000).replace(",", "."),
              "", "TERIMA KASIH", "SELAMAT BELANJA KEMBALI"]
    y = 6 * s
    for ln in lines:
        sx = min(1.0, (W - 5 * s) / max(1, f.getlength(ln)))
        draw_text(mask, (2.5 * s, y), ln, f, sx=sx)
        y += 3.4 * s
        if y > H - 3 * s:
            break
    fade = rng.uniform(0.5, 0.95)  # thermal paper fades
    img = composite_ink(img, mask, (40, 40, 50), fade)
    return img, {"negative": "receipt", "shop": shop}


def letter(rng, s):
    f, m = make_fields(rng)
    W, H = int(210 * s), int(297 * s)
    img = _paper(H, W, rng)
    mask = np.zeros((H, W), np.uint8)
    fam = pick(rng, ["serif", "liberation", "arimo", "nimbus"])
    fb = font(fam, 4.0 * s / 0.72, True)
    fr = font(fam, 3.0 * s / 0.72)
    head = ["PEMERINTAH " + f["kabupaten_kota"], "KECAMATAN " + f["kecamatan"], "DESA " + f["kel_desa"]]
    y = 22 * s
    for i, t in enumerate(head):
        draw_text(mask, (W / 2, y), t, fb if i < 2 else fr, anchor="ms", sx=min(1.0, 170 * s / max(1, fb.getlength(t))))
        y += 6.5 * s
    cv2.line(mask, (int(20 * s), int(y)), (W - int(20 * s), int(y)), 255, max(2, int(s * 0.6)))
    y += 14 * s
    title = pick(rng, ["SURAT KETERANGAN DOMISILI", "SURAT KETERANGAN TIDAK MAMPU", "SURAT PENGANTAR", "SURAT KETERANGAN USAHA"])
    draw_text(mask, (W / 2, y), title, fb, anchor="ms")
    y += 6 * s
    draw_text(mask, (W / 2, y), "Nomor : 470/%03d/%s/%d" % (int(rng.integers(1, 999)), pick(rng, ["DS", "KEL", "PEM"]), int(rng.integers(2022, 2026))), fr, anchor="ms")
    y += 14 * s
    body = ["Yang bertanda tangan di bawah ini Kepala Desa %s, Kecamatan %s," % (f["kel_desa"].title(), f["kecamatan"].title()),
            "menerangkan dengan sebenarnya bahwa :"]
    d = f["tanggal_lahir"].split("-")
    fields = [("Nama", f["nama"]), ("NIK", f["nik"]), ("Tempat/Tgl. Lahir", "%s, %s-%s-%s" % (f["tempat_lahir"], d[2], d[1], d[0])),
              ("Jenis Kelamin", f["jenis_kelamin"]), ("Agama", f["agama"]), ("Pekerjaan", f["pekerjaan"]),
              ("Alamat", "%s RT/RW %s" % (f["alamat"], f["rt_rw"]))]
    for t in body:
        draw_text(mask, (25 * s, y), t, fr, sx=min(1.0, 160 * s / max(1, fr.getlength(t))))
        y += 6 * s
    y += 3 * s
    for k, v in fields:
        draw_text(mask, (35 * s, y), k, fr)
        draw_text(mask, (80 * s, y), ": " + v, fr, sx=min(1.0, 105 * s / max(1, fr.getlength(": " + v))))
        y += 6 * s
    y += 4 * s
    for t in ["Orang tersebut di atas benar-benar penduduk desa kami dan berdomisili di alamat tersebut.",
              "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya."]:
        draw_text(mask, (25 * s, y), t, fr, sx=min(1.0, 160 * s / max(1, fr.getlength(t))))
        y += 6 * s
    y += 12 * s
    draw_text(mask, (140 * s, y), "Kepala Desa %s" % f["kel_desa"].title(), fr, anchor="ms")
    draw_text(mask, (140 * s, y + 30 * s), pick(rng, ["SUPARMAN", "H. ABDUL ROHIM", "I MADE SUTAMA", "DEDI MULYADI"]), fb, anchor="ms")
    img = composite_ink(img, mask, (15, 15, 20), 0.95)
    if chance(rng, 0.8):  # blue stamp
        st = np.zeros((H, W), np.uint8)
        c = (int(125 * s), int(y + 15 * s))
        cv2.circle(st, c, int(17 * s), 255, max(2, int(s * 0.8)), cv2.LINE_AA)
        cv2.circle(st, c, int(12 * s), 255, max(1, int(s * 0.4)), cv2.LINE_AA)
        img = composite_ink(img, st, (60, 70, 170), 0.6)
    return img, {"negative": "letter", "title": title}


def kartu_keluarga(rng, s):
    people = [make_fields(rng)[0] for _ in range(int(rng.integers(2, 7)))]
    W, H = int(297 * s), int(210 * s)
    img = _paper(H, W, rng, (0.95, 0.98, 0.95))
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    img *= (1 - 0.02 * (np.sin(xx / (3 * s) + np.sin(yy / (9 * s)) * 3) > 0.5))[..., None]
    mask = np.zeros((H, W), np.uint8)
    fam = pick(rng, ["liberation", "arimo", "nimbus"])
    ft, fb, fr = font(fam, 5 * s / 0.72, True), font(fam, 2.6 * s / 0.72, True), font(fam, 2.0 * s / 0.72)
    kk_no = people[0]["nik"][:6] + "%010d" % int(rng.integers(0, 10 ** 10))
    draw_text(mask, (W / 2, 22 * s), "KARTU KELUARGA", ft, anchor="ms")
    draw_text(mask, (W / 2, 30 * s), "No. " + kk_no, fb, anchor="ms")
    head = people[0]
    left = [("Nama Kepala Keluarga", head["nama"]), ("Alamat", head["alamat"]), ("RT/RW", head["rt_rw"]),
            ("Kode Pos", "%05d" % int(rng.integers(10000, 99999)))]
    right = [("Desa/Kelurahan", head["kel_desa"]), ("Kecamatan", head["kecamatan"]),
             ("Kabupaten/Kota", head["kabupaten_kota"].replace("KABUPATEN ", "")), ("Provinsi", head["provinsi"])]
    for i, ((k1, v1), (k2, v2)) in enumerate(zip(left, right)):
        y = (40 + i * 4.2) * s
        draw_text(mask, (12 * s, y), k1, fr)
        draw_text(mask, (50 * s, y), ": " + v1, fr)
        draw_text(mask, (170 * s, y), k2, fr)
        draw_text(mask, (205 * s, y), ": " + v2, fr)
    cols = [("No", 8), ("Nama Lengkap", 55), ("NIK", 38), ("Jenis Kelamin", 24), ("Tempat Lahir", 30), ("Tanggal Lahir", 24),
            ("Agama", 18), ("Pendidikan", 32), ("Jenis Pekerjaan", 44)]
    x0, y0, rh = 12 * s, 62 * s, 6 * s
    tw = sum(c[1] for c in cols) * s
    nrows = 10
    for r in range(nrows + 2):
        cv2.line(mask, (int(x0), int(y0 + r * rh)), (int(x0 + tw), int(y0 + r * rh)), 200, max(1, int(s / 4)))
    x = x0
    for name, wmm in cols:
        cv2.line(mask, (int(x), int(y0)), (int(x), int(y0 + (nrows + 1) * rh)), 200, max(1, int(s / 4)))
        draw_text(mask, (x + wmm * s / 2, y0 + rh * 0.7), name, fr, anchor="ms", sx=min(1.0, (wmm - 1) * s / max(1, fr.getlength(name))))
        x += wmm * s
    cv2.line(mask, (int(x), int(y0)), (int(x), int(y0 + (nrows + 1) * rh)), 200, max(1, int(s / 4)))
    for i, p in enumerate(people):
        d = p["tanggal_lahir"].split("-")
        vals = [str(i + 1), p["nama"], p["nik"], p["jenis_kelamin"], p["tempat_lahir"], "%s-%s-%s" % (d[2], d[1], d[0]), p["agama"],
                pick(rng, ["SLTA/SEDERAJAT", "SD/SEDERAJAT", "DIPLOMA IV/STRATA I", "SLTP/SEDERAJAT", "TIDAK/BELUM SEKOLAH"]), p["pekerjaan"]]
        x = x0
        for (name, wmm), v in zip(cols, vals):
            draw_text(mask, (x + 1 * s, y0 + rh * (i + 1.7)), v, fr, sx=min(1.0, (wmm - 2) * s / max(1, fr.getlength(v))))
            x += wmm * s
    img = composite_ink(img, mask, (20, 25, 30), 0.9)
    return img, {"negative": "kartu_keluarga", "members": len(people)}


DOC_NEGS = {"receipt": receipt, "letter": letter, "kartu_keluarga": kartu_keluarga}
