"""Things that are not an e-KTP, photographed the same way."""
import cv2
import numpy as np

from . import camera as C
from . import text as T
from .art import rounded_alpha, passport_photo, signature
from .data import make_identity, pick
from .photo import make_photo, frame_size
from .surfaces import surface

BANKS = ["BANK RAKYAT INDONESIA", "BANK MANDIRI", "BCA", "BNI", "BANK SYARIAH INDONESIA", "CIMB NIAGA"]
UNIS = ["UNIVERSITAS INDONESIA", "UNIVERSITAS GADJAH MADA", "INSTITUT TEKNOLOGI BANDUNG",
        "UNIVERSITAS AIRLANGGA", "UNIVERSITAS BRAWIJAYA", "UNIVERSITAS HASANUDDIN"]


def _digits(rng, n):
    return "".join(str(int(d)) for d in rng.integers(0, 10, n))


def _fam(rng):
    f = T.family_names()
    return f[int(rng.integers(len(f)))]


def _card_base(rng, ppmm, c0, c1, wmm=85.6, hmm=54.0):
    W, H = int(wmm * ppmm), int(hmm * ppmm)
    t = np.linspace(0, 1, W, dtype=np.float32)[None, :, None]
    img = np.array(c0, np.float32) * (1 - t) + np.array(c1, np.float32) * t
    img = np.repeat(img, H, axis=0)
    return img + rng.normal(0, 2, (H, W, 1)).astype(np.float32), W, H


def _finish(img, ink, col, W, H, ppmm, r=3.2):
    a = cv2.GaussianBlur(ink, (0, 0), 0.5)[..., None]
    img = img * (1 - a) + np.array(col, np.float32) * a
    al = rounded_alpha(W, H, r * ppmm)
    return np.dstack([np.clip(img, 0, 255), al * 255]).astype(np.uint8)


def sim(rng, ppmm):
    img, W, H = _card_base(rng, ppmm, [235, 215, 170], [200, 225, 235])
    ink = np.zeros((H, W), np.float32)
    f, e = make_identity(rng)
    fam = _fam(rng)
    cap = 1.5 * ppmm
    T.draw(ink, W / 2, 5 * ppmm, "SURAT IZIN MENGEMUDI", T.Style(fam, 2.4 * ppmm, True), "center")
    T.draw(ink, W / 2, 8.5 * ppmm, "DRIVING LICENSE   INDONESIA", T.Style(fam, 1.5 * ppmm), "center")
    T.draw(ink, 4 * ppmm, 13 * ppmm, "SIM " + pick(rng, ["A", "C", "B1"]), T.Style(fam, 2.2 * ppmm, True))
    rows = ["1. " + f["nama"], "2. " + f["tempat_lahir"] + ", " + e["birth_print"],
            "3. " + pick(rng, ["O", "A", "B", "AB"]) + " - " + ("PRIA" if not e["female"] else "WANITA"),
            "4. " + f["alamat"], "   RT " + f["rt_rw"] + " " + f["kel_desa"], "5. " + f["pekerjaan"],
            "6. " + f["kabupaten_kota"], "7. " + _digits(rng, 4) + "-" + _digits(rng, 4) + "-" + _digits(rng, 4)]
    for k, r in enumerate(rows):
        T.draw(ink, 4 * ppmm, (17 + k * 3.6) * ppmm, r, T.Style(fam, cap, hscale=0.9))
    ph = passport_photo(rng, int(20 * ppmm), int(25 * ppmm), e["female"])
    img[int(14 * ppmm):int(14 * ppmm) + ph.shape[0], int(62 * ppmm):int(62 * ppmm) + ph.shape[1]] = ph
    signature(rng, img, 72 * ppmm, 45 * ppmm, ppmm)
    return _finish(img, ink, (25, 25, 30), W, H, ppmm), {"kind": "sim"}


def bank(rng, ppmm):
    dark = rng.random() < 0.6
    c0 = rng.uniform(10, 80, 3) if dark else rng.uniform(150, 240, 3)
    c1 = c0 * rng.uniform(0.6, 1.4)
    img, W, H = _card_base(rng, ppmm, c0, np.clip(c1, 0, 255))
    ink = np.zeros((H, W), np.float32)
    fam = _fam(rng)
    T.draw(ink, 5 * ppmm, 8 * ppmm, pick(rng, BANKS), T.Style(fam, 2.6 * ppmm, True))
    cv2.rectangle(img, (int(8 * ppmm), int(18 * ppmm)), (int(19 * ppmm), int(26 * ppmm)), (210, 180, 100), -1)
    num = " ".join(_digits(rng, 4) for _ in range(4))
    T.draw(ink, 8 * ppmm, 37 * ppmm, num, T.Style("ocrb" if "ocrb" in T.FAMILIES else fam, 3.0 * ppmm))
    f, _ = make_identity(rng)
    T.draw(ink, 8 * ppmm, 48 * ppmm, f["nama"][:24], T.Style(fam, 2.0 * ppmm))
    T.draw(ink, 50 * ppmm, 42 * ppmm, "VALID THRU %02d/%02d" % (rng.integers(1, 13), rng.integers(25, 31)),
           T.Style(fam, 1.4 * ppmm))
    T.draw(ink, 80 * ppmm, 49 * ppmm, pick(rng, ["DEBIT", "GPN", "VISA", "mastercard"]),
           T.Style(fam, 3 * ppmm, True), "right")
    col = (240, 240, 240) if dark else (20, 20, 30)
    return _finish(img, ink, col, W, H, ppmm), {"kind": "bank_card"}


def student(rng, ppmm):
    img, W, H = _card_base(rng, ppmm, [250, 250, 250], rng.uniform(150, 255, 3))
    band = np.array(rng.uniform(0, 160, 3), np.float32)
    img[:int(12 * ppmm)] = band
    ink = np.zeros((H, W), np.float32)
    white = np.zeros((H, W), np.float32)
    fam = _fam(rng)
    T.draw(white, W / 2, 5.5 * ppmm, pick(rng, UNIS), T.Style(fam, 2.4 * ppmm, True), "center")
    T.draw(white, W / 2, 9.5 * ppmm, "KARTU TANDA MAHASISWA", T.Style(fam, 1.8 * ppmm), "center")
    f, e = make_identity(rng)
    rows = [("Nama", f["nama"]), ("NIM", _digits(rng, 10)), ("Fakultas", pick(rng, ["TEKNIK", "EKONOMI", "HUKUM", "KEDOKTERAN"])),
            ("Prodi", pick(rng, ["INFORMATIKA", "AKUNTANSI", "ILMU HUKUM", "SIPIL"])), ("Angkatan", str(int(rng.integers(2015, 2025))))]
    for k, (l, v) in enumerate(rows):
        y = (19 + k * 4.5) * ppmm
        T.draw(ink, 5 * ppmm, y, l, T.Style(fam, 1.7 * ppmm))
        T.draw(ink, 22 * ppmm, y, ": " + v, T.Style(fam, 1.7 * ppmm, True))
    ph = passport_photo(rng, int(20 * ppmm), int(26 * ppmm), e["female"])
    img[int(15 * ppmm):int(15 * ppmm) + ph.shape[0], int(62 * ppmm):int(62 * ppmm) + ph.shape[1]] = ph
    a = white[..., None]
    img = img * (1 - a) + 255 * a
    return _finish(img, ink, (20, 20, 25), W, H, ppmm), {"kind": "student_card"}


def bpjs(rng, ppmm):
    img, W, H = _card_base(rng, ppmm, [245, 250, 245], [200, 235, 210])
    cv2.rectangle(img, (0, int(44 * ppmm)), (W, H), (20, 140, 70), -1)
    ink = np.zeros((H, W), np.float32)
    fam = _fam(rng)
    T.draw(ink, 5 * ppmm, 8 * ppmm, "BPJS Kesehatan", T.Style(fam, 2.8 * ppmm, True))
    T.draw(ink, 5 * ppmm, 12 * ppmm, "Badan Penyelenggara Jaminan Sosial", T.Style(fam, 1.3 * ppmm))
    T.draw(ink, 80 * ppmm, 8 * ppmm, "KARTU INDONESIA SEHAT", T.Style(fam, 1.8 * ppmm, True), "right")
    f, _ = make_identity(rng)
    rows = [("No. Kartu", "0000" + _digits(rng, 9)), ("Nama", f["nama"]), ("NIK", f["nik"]),
            ("Tgl. Lahir", f["tanggal_lahir"][8:] + "-" + f["tanggal_lahir"][5:7] + "-" + f["tanggal_lahir"][:4]),
            ("Faskes Tingkat I", "PUSKESMAS " + f["kecamatan"])]
    for k, (l, v) in enumerate(rows):
        y = (19 + k * 4.6) * ppmm
        T.draw(ink, 5 * ppmm, y, l, T.Style(fam, 1.6 * ppmm))
        T.draw(ink, 28 * ppmm, y, ": " + v, T.Style(fam, 1.6 * ppmm, True))
    return _finish(img, ink, (20, 30, 25), W, H, ppmm), {"kind": "bpjs_card"}


def receipt(rng, ppmm):
    wmm, hmm = 58.0, 120.0
    W, H = int(wmm * ppmm), int(hmm * ppmm)
    img = np.ones((H, W, 3), np.float32) * np.array([246, 244, 238], np.float32)
    ink = np.zeros((H, W), np.float32)
    st = T.Style("freemono" if "freemono" in T.FAMILIES else _fam(rng), 1.7 * ppmm, stroke=1 if ppmm > 10 else 0)
    lines = [pick(rng, ["INDOMARET", "ALFAMART", "TOKO SUMBER REJEKI", "WARUNG BU SRI"]),
             "JL. " + pick(rng, ["MERDEKA", "SUDIRMAN", "PAHLAWAN"]) + " NO." + str(int(rng.integers(1, 99))),
             "%02d.%02d.%d-%02d:%02d" % (rng.integers(1, 29), rng.integers(1, 13), rng.integers(2019, 2026),
                                         rng.integers(7, 22), rng.integers(0, 60)), "-" * 26]
    tot = 0
    for _ in range(int(rng.integers(4, 12))):
        p = int(rng.integers(2, 80)) * 500
        tot += p
        lines.append("%-16s%10s" % (pick(rng, ["AQUA 600ML", "INDOMIE GRG", "GULAKU 1KG", "ROTI TAWAR",
                                                "TELUR 1/4", "SABUN LIFEB", "KOPI KAPAL", "BERAS 5KG"]),
                                     "{:,}".format(p).replace(",", ".")))
    lines += ["-" * 26, "%-16s%10s" % ("TOTAL", "{:,}".format(tot).replace(",", ".")),
              "%-16s%10s" % ("TUNAI", "{:,}".format(tot + 5000).replace(",", ".")), "", "TERIMA KASIH"]
    for k, ln in enumerate(lines):
        T.draw(ink, 3 * ppmm, (6 + k * 3.3) * ppmm, ln, st)
    a = ink[..., None] * 0.85
    img = img * (1 - a) + 40 * a
    return np.dstack([img, np.full((H, W), 255, np.float32)]).astype(np.uint8), {"kind": "receipt"}, (wmm, hmm)


def letter(rng, ppmm):
    wmm, hmm = 150.0, 200.0
    W, H = int(wmm * ppmm), int(hmm * ppmm)
    img = np.ones((H, W, 3), np.float32) * np.array([248, 248, 245], np.float32)
    ink = np.zeros((H, W), np.float32)
    fam = pick(rng, ["serif", "sans", "serif_dv"]) if "serif" in T.FAMILIES else _fam(rng)
    f, e = make_identity(rng)
    st = T.Style(fam, 2.2 * ppmm)
    lines = [("PEMERINTAH " + f["kabupaten_kota"], True), ("KECAMATAN " + f["kecamatan"], True),
             ("", False), ("SURAT KETERANGAN DOMISILI", True),
             ("Nomor: 470/%03d/%d" % (rng.integers(1, 999), rng.integers(2018, 2026)), False), ("", False),
             ("Yang bertanda tangan di bawah ini menerangkan bahwa:", False),
             ("Nama            : " + f["nama"], False), ("NIK             : " + f["nik"], False),
             ("Tempat/Tgl Lahir: " + f["tempat_lahir"] + ", " + e["birth_print"], False),
             ("Alamat          : " + f["alamat"] + " RT/RW " + f["rt_rw"], False), ("", False),
             ("adalah benar warga yang berdomisili di wilayah kami.", False),
             ("Demikian surat keterangan ini dibuat untuk", False), ("dipergunakan sebagaimana mestinya.", False)]
    for k, (ln, b) in enumerate(lines):
        s = st.with_(bold=b)
        if b:
            T.draw(ink, W / 2, (16 + k * 5.5) * ppmm, ln, s, "center")
        else:
            T.draw(ink, 14 * ppmm, (16 + k * 5.5) * ppmm, ln, s)
    cv2.line(ink, (int(10 * ppmm), int(28 * ppmm)), (int(140 * ppmm), int(28 * ppmm)), 1.0, max(1, int(0.4 * ppmm)))
    a = ink[..., None]
    img = img * (1 - a) + 25 * a
    signature(rng, img, 110 * ppmm, 120 * ppmm, ppmm * 1.5)
    return np.dstack([img, np.full((H, W), 255, np.float32)]).astype(np.uint8), {"kind": "letter_with_nik"}, (wmm, hmm)


def cat_or_room(rng):
    W, H = frame_size(rng, False)
    kind = "cat" if rng.random() < 0.5 else "room"
    img, _ = surface(rng, H, W, "room" if kind == "room" else pick(rng, ["cloth", "wood", "table"]))
    if kind == "cat":
        fur = np.array(pick(rng, [[230, 150, 70], [60, 55, 50], [235, 230, 220], [150, 140, 130]]), np.float32)
        cx, cy, s = W * rng.uniform(0.35, 0.65), H * rng.uniform(0.4, 0.65), min(W, H) * rng.uniform(0.2, 0.35)
        c = tuple(float(v) for v in fur)
        cv2.ellipse(img, (int(cx), int(cy + s * 0.6)), (int(s * 1.1), int(s * 0.7)), 0, 0, 360, c, -1, cv2.LINE_AA)
        cv2.circle(img, (int(cx), int(cy)), int(s * 0.5), c, -1, cv2.LINE_AA)
        for sg in (-1, 1):
            tri = np.array([[cx + sg * s * 0.45, cy - s * 0.1], [cx + sg * s * 0.4, cy - s * 0.75],
                            [cx + sg * s * 0.1, cy - s * 0.4]], np.int32)
            cv2.fillPoly(img, [tri], c, cv2.LINE_AA)
            cv2.ellipse(img, (int(cx + sg * s * 0.2), int(cy - s * 0.05)), (int(s * 0.09), int(s * 0.06)), 0, 0, 360,
                        (90, 160, 60), -1, cv2.LINE_AA)
            cv2.circle(img, (int(cx + sg * s * 0.2), int(cy - s * 0.05)), max(1, int(s * 0.025)), (10, 10, 10), -1)
        cv2.circle(img, (int(cx), int(cy + s * 0.12)), max(1, int(s * 0.04)), (200, 120, 120), -1)
        fur_n = cv2.GaussianBlur(rng.normal(0, 1, (H, W)).astype(np.float32), (0, 0), 1.5)
        fur_n = cv2.filter2D(fur_n, -1, C.motion_kernel(9, float(rng.uniform(60, 120))))
        yy = np.linspace(1.1, 0.8, H, dtype=np.float32)[:, None, None]
        img = img * (1 + 0.5 * fur_n[..., None]) * yy
        img = cv2.GaussianBlur(img, (0, 0), 1.2)
    eff = {"hard": False}
    img = C.lighting(rng, img, eff, 0.3)
    img = C.blur(rng, img, min(W, H) / 100, eff, rng.uniform(0, 0.5))
    img = C.noise(rng, img, eff, 0.3)
    q = int(rng.integers(35, 91))
    eff.update({"kind": kind, "jpeg_quality": q, "size": [W, H]})
    return np.clip(img, 0, 255), q, eff


def make_negative(rng):
    kind = pick(rng, ["sim", "bank", "student", "bpjs", "receipt", "letter", "cat_or_room"])
    if kind == "cat_or_room":
        return cat_or_room(rng)
    if kind in ("receipt", "letter"):
        fn = receipt if kind == "receipt" else letter
        wmm, hmm = (58.0, 120.0) if kind == "receipt" else (150.0, 200.0)
        img, q, eff = make_photo(rng, lambda r, p: fn(r, p)[:2], (wmm, hmm), allow_hand=False, min_ppmm=5)
    else:
        fn = {"sim": sim, "bank": bank, "student": student, "bpjs": bpjs}[kind]
        img, q, eff = make_photo(rng, fn, (85.6, 54.0))
    eff["kind"] = eff["card"].get("kind")
    return img, q, eff
