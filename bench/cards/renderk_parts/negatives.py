"""Things that are not an e-KTP, photographed the same way (fields = null)."""
import cv2
import numpy as np
from PIL import Image, ImageDraw

from .pipeline import photograph
from .portrait import portrait, signature
from .scene import room, surface
from .util import FAMILIES, MONO, SERIF, font, lowres_noise, rounded_mask
from .values import make_fields

WORDS = ("dengan ini kami sampaikan bahwa berdasarkan surat permohonan yang telah diterima oleh "
         "pihak kantor pada tanggal tersebut maka bersama ini diberitahukan kepada saudara untuk "
         "segera melengkapi persyaratan administrasi sesuai ketentuan yang berlaku demikian surat "
         "ini dibuat agar dapat dipergunakan sebagaimana mestinya atas perhatian dan kerja samanya "
         "diucapkan terima kasih pelaksanaan kegiatan akan dilaksanakan di balai desa setempat").split()
KINDS = ["sim", "atm", "student", "bpjs", "receipt", "letter", "kk", "pet", "room", "wall"]


def _canvas(w_mm, h_mm, s, col):
    return Image.new("RGB", (int(w_mm * s), int(h_mm * s)), col)


def _f(fam, size, bold=False):
    return font(FAMILIES[fam][1 if bold else 0], size)


def _card_rgba(img, s):
    a = np.asarray(img)
    return np.dstack([a, rounded_mask(a.shape[0], a.shape[1], 3.18 * s)])


def _paste_photo(img, rng, x, y, w, h, male=True):
    p = portrait(rng, int(h), int(w), male, (not male) and rng.p(0.6), rng.u(18, 60))
    img.paste(Image.fromarray(p), (int(x), int(y)))


def sim(rng, s):
    f, e = make_fields(rng)
    img = _canvas(85.6, 54, s, (235, 240, 245))
    a = np.asarray(img).astype(np.float32)
    a *= (0.93 + 0.1 * lowres_noise(rng, a.shape[0], a.shape[1], 5))[..., None] * np.array([0.95, 0.98, 1.0])
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, img.width, 9 * s], fill=(30, 70, 140))
    d.text((img.width / 2, 4.5 * s), "SURAT IZIN MENGEMUDI", font=_f("arimo", 3.2 * s, True), fill="white", anchor="mm")
    d.text((img.width - 4 * s, 13 * s), "SIM " + rng.ch(["A", "C", "B I", "A UMUM"]), font=_f("arimo", 4.5 * s, True), fill=(180, 20, 20), anchor="rm")
    d.text((4 * s, 13 * s), "INDONESIA", font=_f("arimo", 2.6 * s, True), fill=(30, 70, 140), anchor="lm")
    _paste_photo(img, rng, 4 * s, 17 * s, 20 * s, 26 * s, f["jenis_kelamin"] == "LAKI-LAKI")
    rows = [("1.", f["nama"]), ("2.", f"{f['tempat_lahir']}, {f['tanggal_lahir'][8:]}-{f['tanggal_lahir'][5:7]}-{f['tanggal_lahir'][:4]}"),
            ("3.", f"{f['golongan_darah']} - {'PRIA' if f['jenis_kelamin'] == 'LAKI-LAKI' else 'WANITA'}"),
            ("4.", f["alamat"]), ("5.", f["pekerjaan"]), ("6.", "POLDA " + f["provinsi"])]
    ff = _f("arimo", 2.0 * s)
    for i, (k, v) in enumerate(rows):
        d.text((27 * s, (19 + i * 3.6) * s), f"{k} {v}"[:38], font=ff, fill=(20, 20, 30))
    d.text((27 * s, 44 * s), f"{rng.i(1000, 9999)}-{rng.i(1000, 9999)}-{rng.i(100000, 999999)}", font=_f("arimo", 3 * s, True), fill=(20, 20, 30))
    return _card_rgba(img, s)


def atm(rng, s):
    c1 = np.array(rng.ch([(10, 40, 110), (200, 90, 20), (20, 110, 70), (30, 30, 35), (150, 20, 40)]), np.float32)
    h, w = int(54 * s), int(85.6 * s)
    t = np.linspace(0, 1, w)[None, :, None]
    a = c1 * (1.2 - 0.5 * t) * np.ones((h, 1, 1))
    img = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    bank = rng.ch(["BANK NUSANTARA", "BANK RAKYAT DAERAH", "BANK SYARIAH MANDIRI JAYA", "BANK SEJAHTERA", "BPD JATIM"])
    d.text((6 * s, 7 * s), bank, font=_f("arimo", 3.6 * s, True), fill="white")
    d.rounded_rectangle([10 * s, 20 * s, 21 * s, 28.5 * s], radius=1.2 * s, fill=(212, 180, 90), outline=(150, 120, 50))
    num = " ".join(f"{rng.i(0, 9999):04d}" for _ in range(4))
    d.text((8 * s, 37 * s), num, font=_f("dejavu", 3.6 * s, True), fill=(235, 235, 235))
    f, _ = make_fields(rng)
    d.text((8 * s, 46 * s), f["nama"][:24], font=_f("dejavu", 2.4 * s), fill=(230, 230, 230))
    d.text((50 * s, 42.5 * s), f"VALID THRU {rng.i(1, 12):02d}/{rng.i(25, 31)}", font=_f("dejavu", 1.8 * s), fill=(230, 230, 230))
    d.ellipse([66 * s, 40 * s, 75 * s, 49 * s], fill=(220, 30, 40))
    d.ellipse([71 * s, 40 * s, 80 * s, 49 * s], fill=(240, 160, 20))
    return _card_rgba(img, s)


def student(rng, s):
    col = rng.ch([(0, 60, 120), (120, 0, 20), (0, 100, 60), (200, 120, 0)])
    img = _canvas(85.6, 54, s, (248, 248, 245))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, img.width, 13 * s], fill=col)
    d.text((img.width / 2, 4.5 * s), "UNIVERSITAS " + rng.ch(["NEGERI SURABAYA", "ISLAM MALANG", "PADJADJARAN RAYA", "NUSA BANGSA", "MUHAMMADIYAH"]),
           font=_f("arimo", 2.8 * s, True), fill="white", anchor="mm")
    d.text((img.width / 2, 9.5 * s), "KARTU TANDA MAHASISWA", font=_f("arimo", 2.4 * s), fill="white", anchor="mm")
    f, _ = make_fields(rng)
    _paste_photo(img, rng, 4 * s, 17 * s, 19 * s, 25 * s, f["jenis_kelamin"] == "LAKI-LAKI")
    rows = [("Nama", f["nama"][:26]), ("NIM", str(rng.i(10**9, 10**10 - 1))), ("Fakultas", rng.ch(["EKONOMI", "TEKNIK", "HUKUM", "KEDOKTERAN"])),
            ("Prodi", rng.ch(["AKUNTANSI", "TEKNIK SIPIL", "ILMU HUKUM", "MANAJEMEN", "INFORMATIKA"])), ("Angkatan", str(rng.i(2017, 2024)))]
    for i, (k, v) in enumerate(rows):
        d.text((26 * s, (20 + i * 4) * s), f"{k:<9}: {v}", font=_f("liberation", 2.2 * s), fill=(20, 20, 20))
    x = 26 * s
    while x < 80 * s:  # barcode
        wd = rng.i(1, 3) * s * 0.25
        d.rectangle([x, 42 * s, x + wd, 50 * s], fill=(0, 0, 0))
        x += wd + rng.i(1, 3) * s * 0.25
    return _card_rgba(img, s)


def bpjs(rng, s):
    img = _canvas(85.6, 54, s, (250, 252, 250))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 0, img.width, 12 * s], fill=(0, 130, 70))
    d.text((5 * s, 6 * s), "KARTU INDONESIA SEHAT", font=_f("arimo", 3.2 * s, True), fill="white", anchor="lm")
    d.text((img.width - 5 * s, 6 * s), "BPJS Kesehatan", font=_f("arimo", 2.4 * s, True), fill=(255, 240, 120), anchor="rm")
    f, _ = make_fields(rng)
    tl = f["tanggal_lahir"]
    rows = [("No. Kartu", f"{rng.i(0, 99999):05d}{rng.i(0, 99999999):08d}"), ("Nama", f["nama"][:28]), ("NIK", f["nik"]),
            ("Tgl. Lahir", f"{tl[8:]}-{tl[5:7]}-{tl[:4]}"), ("Faskes Tingkat I", "PUSKESMAS " + f["kecamatan"][:16])]
    for i, (k, v) in enumerate(rows):
        d.text((5 * s, (19 + i * 5.5) * s), f"{k}", font=_f("arimo", 2.2 * s), fill=(30, 30, 30))
        d.text((28 * s, (19 + i * 5.5) * s), f": {v}", font=_f("arimo", 2.4 * s, True), fill=(20, 20, 20))
    d.rectangle([0, 50 * s, img.width, 54 * s], fill=(0, 130, 70))
    return _card_rgba(img, s)


def receipt(rng, s):
    L = rng.u(110, 220)
    img = _canvas(rng.ch([58, 80]), L, s, (245, 244, 238))
    d = ImageDraw.Draw(img)
    mf = font(rng.ch(MONO), 2.3 * s)
    lines = [rng.ch(["TOKO SUMBER REJEKI", "APOTEK SEHAT SELALU", "MINIMARKET BAROKAH", "WARUNG MAKAN BU SRI"]),
             "JL. " + rng.ch(["MERDEKA", "PAHLAWAN", "SUDIRMAN"]) + f" NO. {rng.i(1, 99)}", "-" * 30,
             f"{rng.i(1, 28):02d}/{rng.i(1, 12):02d}/20{rng.i(20, 25)} {rng.i(7, 21):02d}:{rng.i(0, 59):02d}  KSR:{rng.i(1, 9)}"]
    tot = 0
    for _ in range(rng.i(3, 14)):
        p = rng.i(2, 90) * 500
        q = rng.i(1, 3)
        tot += p * q
        lines.append(f"{rng.ch(['GULA 1KG', 'MINYAK 2L', 'SABUN MANDI', 'PARACETAMOL', 'MIE INSTAN', 'AIR MINERAL', 'BERAS 5KG', 'KOPI SACHET', 'TELUR 1KG'])}")
        lines.append(f"  {q} x {p:>8,}  {p * q:>10,}".replace(",", "."))
    lines += ["-" * 30, f"TOTAL      {tot:>14,}".replace(",", "."), f"TUNAI      {tot + rng.i(0, 20) * 1000:>14,}".replace(",", "."), "", "   TERIMA KASIH", " BARANG YANG SUDAH DIBELI", " TIDAK DAPAT DIKEMBALIKAN"]
    for i, ln in enumerate(lines):
        y = (8 + i * 3.4) * s
        if y > img.height - 4 * s:
            break
        d.text((3 * s, y), ln, font=mf, fill=(40, 40, 45))
    return np.dstack([np.asarray(img), np.full(img.size[::-1], 255, np.uint8)])


def letter(rng, s):
    img = _canvas(210, 297, s, (250, 250, 248))
    d = ImageDraw.Draw(img)
    sf = font(rng.ch(SERIF), 4.2 * s)
    d.text((105 * s, 22 * s), rng.ch(["PEMERINTAH KABUPATEN SLEMAN", "RUMAH SAKIT UMUM DAERAH", "KANTOR DESA SUKAMAJU", "YAYASAN PENDIDIKAN NUSANTARA"]),
           font=font(rng.ch(SERIF), 6 * s), fill=(10, 10, 10), anchor="mm")
    d.line([20 * s, 32 * s, 190 * s, 32 * s], fill=(0, 0, 0), width=max(1, int(0.8 * s)))
    y = 45 * s
    for k in ["Nomor   : %03d/%s/%d" % (rng.i(1, 999), rng.ch(["UM", "KEP", "SK"]), rng.i(2019, 2025)), "Perihal : " + rng.ch(["Undangan", "Pemberitahuan", "Surat Keterangan"])]:
        d.text((20 * s, y), k, font=sf, fill=(20, 20, 20))
        y += 7 * s
    y += 8 * s
    for _ in range(rng.i(3, 6)):
        for _ in range(rng.i(3, 6)):
            ln = " ".join(rng.ch(WORDS) for _ in range(11))
            d.text((20 * s, y), ln.capitalize(), font=sf, fill=(25, 25, 25))
            y += 6.5 * s
        y += 5 * s
    a = np.asarray(img).copy()
    signature(a, rng, 130 * s, y + 8 * s, 45 * s, 14 * s, (20, 30, 90), max(1, int(0.5 * s)))
    return np.dstack([a, np.full(a.shape[:2], 255, np.uint8)])


def kk(rng, s):
    img = _canvas(297, 210, s, (246, 248, 242))
    d = ImageDraw.Draw(img)
    members = [make_fields(rng)[0] for _ in range(rng.i(2, 6))]
    head = members[0]
    d.text((148 * s, 18 * s), "KARTU KELUARGA", font=_f("arimo", 8 * s, True), fill=(20, 20, 20), anchor="mm")
    d.text((148 * s, 28 * s), "No. " + head["nik"][:6] + f"{rng.i(0, 9999999999):010d}", font=_f("arimo", 5 * s, True), fill=(20, 20, 20), anchor="mm")
    info = [("Nama Kepala Keluarga", head["nama"]), ("Alamat", head["alamat"]), ("RT/RW", head["rt_rw"]),
            ("Desa/Kelurahan", head["kel_desa"]), ("Kecamatan", head["kecamatan"]), ("Kabupaten/Kota", head["kabupaten_kota"]), ("Provinsi", head["provinsi"])]
    for i, (k, v) in enumerate(info):
        x, y = (15 if i < 4 else 160) * s, (38 + (i % 4) * 5) * s
        d.text((x, y), f"{k:<22}: {v}", font=_f("arimo", 3 * s), fill=(20, 20, 20))
    cols = [("No", 10), ("Nama Lengkap", 60), ("NIK", 45), ("Jenis Kelamin", 25), ("Tempat Lahir", 30), ("Tanggal Lahir", 25), ("Agama", 20), ("Jenis Pekerjaan", 50)]
    y0 = 62 * s
    x = 10 * s
    tf = _f("arimo", 2.6 * s)
    for j, (c, w) in enumerate(cols):
        d.rectangle([x, y0, x + w * s, y0 + 8 * s], outline=(0, 0, 0), width=max(1, int(0.3 * s)))
        d.text((x + 1 * s, y0 + 5.5 * s), c, font=tf, fill=(0, 0, 0))
        for i in range(10):
            yy = y0 + (8 + i * 7) * s
            d.rectangle([x, yy, x + w * s, yy + 7 * s], outline=(0, 0, 0), width=max(1, int(0.3 * s)))
            if i < len(members):
                m = members[i]
                v = [str(i + 1), m["nama"], m["nik"], m["jenis_kelamin"], m["tempat_lahir"], m["tanggal_lahir"], m["agama"], m["pekerjaan"]][j]
                d.text((x + 1 * s, yy + 5 * s), v[: int(w / 1.7)], font=tf, fill=(10, 10, 10))
        x += w * s
    return np.dstack([np.asarray(img), np.full((img.height, img.width), 255, np.uint8)])


def pet_scene(rng, h, w):
    img, _ = surface(rng, h, w)
    fur = np.array(rng.ch([(0.85, 0.55, 0.25), (0.5, 0.5, 0.5), (0.12, 0.1, 0.1), (0.95, 0.93, 0.9), (0.6, 0.45, 0.3)]), np.float32)
    cx, cy, r = w * rng.u(0.35, 0.65), h * rng.u(0.4, 0.65), min(h, w) * rng.u(0.18, 0.3)
    c = tuple(float(v) for v in fur)
    cv2.ellipse(img, (int(cx), int(cy)), (int(r * 1.3), int(r * 0.8)), rng.u(-20, 20), 0, 360, c, -1, cv2.LINE_AA)
    hx, hy = int(cx + r * rng.ch([-1.1, 1.1])), int(cy - r * 0.6)
    cv2.circle(img, (hx, hy), int(r * 0.55), c, -1, cv2.LINE_AA)
    for sd in (-1, 1):
        pts = np.array([[hx + sd * r * 0.5, hy - r * 0.2], [hx + sd * r * 0.45, hy - r * 0.85], [hx + sd * r * 0.1, hy - r * 0.45]], np.int32)
        cv2.fillPoly(img, [pts], c, cv2.LINE_AA)
        cv2.circle(img, (int(hx + sd * r * 0.22), int(hy - r * 0.05)), max(2, int(r * 0.08)), (0.3, 0.6, 0.2), -1, cv2.LINE_AA)
    cv2.ellipse(img, (int(cx - r * 1.2), int(cy + r * 0.3)), (int(r * 0.8), int(r * 0.15)), rng.u(-40, 40), 0, 360, c, -1, cv2.LINE_AA)
    img *= (0.9 + 0.2 * lowres_noise(rng, h, w, 60, 1))[..., None]
    return np.clip(img, 0, 1)


def wall_scene(rng, h, w):
    col = np.array([rng.u(0.6, 0.98), rng.u(0.6, 0.95), rng.u(0.55, 0.92)], np.float32)
    img = np.ones((h, w, 3), np.float32) * col
    img *= (0.96 + 0.05 * lowres_noise(rng, h // 4 + 1, w // 4 + 1, 30, 2)[: h // 4 + 1, : w // 4 + 1].repeat(4, 0).repeat(4, 1)[:h, :w])[..., None]
    if rng.p(0.5):
        x, y = int(w * rng.u(0.2, 0.8)), int(h * rng.u(0.2, 0.8))
        k = int(min(h, w) * 0.08)
        cv2.rectangle(img, (x, y), (x + k, y + int(k * 1.5)), (0.95, 0.95, 0.93), -1)
        cv2.rectangle(img, (x + k // 3, y + k // 3), (x + 2 * k // 3, y + int(k * 1.1)), (0.85, 0.85, 0.83), -1)
    return np.clip(img, 0, 1)


def render_negative(rng, prng, frame):
    kind = rng.ch(KINDS, [1.2, 1.2, 1, 1.2, 1, 1, 1.3, 0.7, 0.7, 0.7])
    s = min(16.0, max(6.0, max(frame) * 0.75 / 85.6))
    if kind in ("pet", "room", "wall"):
        fn = {"pet": pet_scene, "room": lambda r, h, w: room(r, h, w, r.u(0.4, 1.2)), "wall": wall_scene}[kind]
        buf, eff = photograph(prng, None, kind, scene_fn=fn, frame=frame)
    else:
        if kind in ("letter", "kk"):
            s = min(s, max(frame) * 0.85 / 297)
        elif kind == "receipt":
            s = min(s, max(frame) * 0.8 / 200)
        obj = {"sim": sim, "atm": atm, "student": student, "bpjs": bpjs, "receipt": receipt, "letter": letter, "kk": kk}[kind](rng, s)
        buf, eff = photograph(prng, obj, "card" if kind in ("sim", "atm", "student", "bpjs") else "paper", frame=frame)
    eff["negative_kind"] = kind
    return buf, eff
