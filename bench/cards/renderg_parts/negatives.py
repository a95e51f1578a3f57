"""Non-KTP objects (SIM, ATM, student card, BPJS, receipt, letter, cat) photographed alike."""
import numpy as np
import cv2
from PIL import Image, ImageDraw
from . import fonts as F
from .people import make_person, pick
from .card_bg import portrait, smooth_noise, signature
from .scene import background

KINDS = ["sim", "atm", "student", "bpjs", "receipt", "cat", "letter"]


def _rounded_alpha(H, W, r):
    a = np.zeros((H, W), np.uint8)
    cv2.rectangle(a, (r, 0), (W - 1 - r, H - 1), 255, -1)
    cv2.rectangle(a, (0, r), (W - 1, H - 1 - r), 255, -1)
    for c in ((r, r), (W - 1 - r, r), (r, H - 1 - r), (W - 1 - r, H - 1 - r)):
        cv2.circle(a, c, r, 255, -1, cv2.LINE_AA)
    return a


def _grad(H, W, c0, c1, rng):
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = np.clip((xx / W * rng.uniform(0.2, 1) + yy / H * rng.uniform(0.2, 1)) / 1.5, 0, 1)[..., None]
    return np.array(c0, np.float32) * (1 - t) + np.array(c1, np.float32) * t


def _paste_photo(rng, arr, x, y, w, h, female):
    p = portrait(rng, int(h), int(w), rng.random() < 0.5, female)
    arr[int(y):int(y) + p.shape[0], int(x):int(x) + p.shape[1]] = p


def card_sim(rng, ppm, fam):
    W, H = int(85.6 * ppm), int(54 * ppm)
    f, e = make_person(rng)
    arr = _grad(H, W, (238, 214, 222), (214, 226, 240), rng)
    arr *= (0.95 + 0.08 * smooth_noise(rng, H, W, 6 * ppm))[..., None]
    _paste_photo(rng, arr, 3 * ppm, 14 * ppm, 20 * ppm, 25 * ppm, e["female"])
    im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    fb, fr = F.font(fam, True, 2.6 * ppm), F.font(fam, False, 1.9 * ppm)
    d.text((W / 2, 4.5 * ppm), "SURAT IZIN MENGEMUDI", font=fb, fill=(20, 20, 60), anchor="ms")
    d.text((W / 2, 7.5 * ppm), "KEPOLISIAN NEGARA REPUBLIK INDONESIA", font=fr, fill=(20, 20, 60), anchor="ms")
    d.text((W - 6 * ppm, 13 * ppm), pick(rng, ["A", "C", "B I", "B II UMUM"]), font=F.font(fam, True, 5 * ppm),
           fill=(150, 20, 30), anchor="rs")
    num = "%04d-%04d-%06d" % (rng.integers(10000), rng.integers(10000), rng.integers(10 ** 6))
    d.text((26 * ppm, 13 * ppm), num, font=F.font(fam, True, 2.3 * ppm), fill=(10, 10, 10))
    lines = ["1. " + f["nama"], "2. %s, %s" % (f["tempat_lahir"], e["birth_dmy"]),
             "3. %s - %s" % (f["golongan_darah"], "PRIA" if not e["female"] else "WANITA"),
             "4. " + f["alamat"], "   RT %s %s" % (f["rt_rw"], f["kecamatan"]), "5. " + f["pekerjaan"],
             "6. POLRES " + f["kabupaten_kota"].replace("KABUPATEN ", "").replace("KOTA ", ""),
             "BERLAKU S/D " + e["issue_date"]]
    for k, t in enumerate(lines):
        d.text((26 * ppm, (18 + 3.2 * k) * ppm), t, font=fr, fill=(15, 15, 15))
    return np.asarray(im), _rounded_alpha(H, W, int(3 * ppm))


def card_atm(rng, ppm, fam):
    W, H = int(85.6 * ppm), int(54 * ppm)
    c0 = pick(rng, [(10, 40, 110), (20, 20, 25), (180, 120, 20), (0, 110, 90), (140, 10, 30)])
    arr = _grad(H, W, c0, tuple(min(255, c * 1.6 + 30) for c in c0), rng)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    arr += (np.sin(xx / W * 9 + yy / H * 3) * 12)[..., None]
    im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    d.text((5 * ppm, 9 * ppm), pick(rng, ["BANK NUSANTARA", "BANK SEJAHTERA", "BANK MANDALA", "BPD JAYA"]),
           font=F.font(fam, True, 3.5 * ppm), fill=(250, 250, 250))
    d.text((W - 5 * ppm, 9 * ppm), pick(rng, ["DEBIT", "GPN", "PLATINUM", "TAPLUS"]), font=F.font(fam, True, 2.4 * ppm),
           fill=(240, 230, 200), anchor="rs")
    d.rounded_rectangle([8 * ppm, 17 * ppm, 19 * ppm, 26 * ppm], int(1.5 * ppm), fill=(212, 180, 90), outline=(140, 110, 50))
    d.line([8 * ppm, 21.5 * ppm, 19 * ppm, 21.5 * ppm], fill=(140, 110, 50), width=max(1, int(ppm * 0.2)))
    num = " ".join("%04d" % rng.integers(10000) for _ in range(4))
    d.text((8 * ppm, 36 * ppm), num, font=F.font("LiberationMono", True, 4 * ppm), fill=(240, 240, 240))
    d.text((8 * ppm, 42 * ppm), "VALID THRU %02d/%02d" % (rng.integers(1, 13), rng.integers(25, 31)),
           font=F.font(fam, False, 1.8 * ppm), fill=(230, 230, 230))
    f, e = make_person(rng)
    d.text((8 * ppm, 48 * ppm), f["nama"], font=F.font("LiberationMono", False, 2.6 * ppm), fill=(240, 240, 240))
    return np.asarray(im), _rounded_alpha(H, W, int(3 * ppm))


def card_student(rng, ppm, fam):
    W, H = int(85.6 * ppm), int(54 * ppm)
    band = pick(rng, [(230, 120, 20), (20, 70, 150), (120, 20, 40), (20, 120, 60)])
    arr = np.ones((H, W, 3), np.float32) * 246
    arr[:int(12 * ppm)] = band
    f, e = make_person(rng)
    _paste_photo(rng, arr, 4 * ppm, 15 * ppm, 18 * ppm, 24 * ppm, e["female"])
    im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    uni = pick(rng, ["UNIVERSITAS NEGERI MAKASSAR", "UNIVERSITAS PADJADJARAN", "INSTITUT TEKNOLOGI SEPULUH NOPEMBER",
                     "UNIVERSITAS GADJAH MADA", "UNIVERSITAS SRIWIJAYA", "POLITEKNIK NEGERI BANDUNG"])
    d.text((W / 2, 5 * ppm), uni, font=F.font(fam, True, 2.5 * ppm), fill=(255, 255, 255), anchor="ms")
    d.text((W / 2, 9.5 * ppm), "KARTU TANDA MAHASISWA", font=F.font(fam, True, 2.8 * ppm), fill=(255, 255, 255), anchor="ms")
    fr = F.font(fam, False, 2.0 * ppm)
    rows = [("NIM", "%d%07d" % (rng.integers(15, 25), rng.integers(10 ** 7))), ("Nama", f["nama"]),
            ("Fakultas", pick(rng, ["TEKNIK", "EKONOMI DAN BISNIS", "HUKUM", "KEDOKTERAN", "MIPA"])),
            ("Prodi", pick(rng, ["TEKNIK SIPIL", "AKUNTANSI", "ILMU HUKUM", "PENDIDIKAN DOKTER", "MATEMATIKA"])),
            ("Angkatan", str(int(rng.integers(2015, 2025))))]
    for k, (a, b) in enumerate(rows):
        y = (18 + 3.4 * k) * ppm
        d.text((26 * ppm, y), a, font=fr, fill=(20, 20, 20))
        d.text((40 * ppm, y), ": " + b, font=fr, fill=(20, 20, 20))
    x = 26 * ppm
    while x < 78 * ppm:   # barcode
        wbar = float(rng.choice([0.25, 0.5, 0.75])) * ppm
        d.rectangle([x, 42 * ppm, x + wbar, 50 * ppm], fill=(0, 0, 0))
        x += wbar + float(rng.choice([0.25, 0.5])) * ppm
    return np.asarray(im), _rounded_alpha(H, W, int(3 * ppm))


def card_bpjs(rng, ppm, fam):
    W, H = int(85.6 * ppm), int(54 * ppm)
    arr = np.ones((H, W, 3), np.float32) * np.array([250, 252, 250], np.float32)
    arr[int(44 * ppm):] = (30, 150, 80)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    arr -= (np.exp(-((xx / W - 0.8) ** 2 + (yy / H - 0.4) ** 2) / 0.05) * 30)[..., None] * np.array([1, 0.2, 1], np.float32)
    im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    d.text((5 * ppm, 8 * ppm), "BPJS Kesehatan", font=F.font(fam, True, 3.6 * ppm), fill=(20, 120, 60))
    d.text((5 * ppm, 11.5 * ppm), "Badan Penyelenggara Jaminan Sosial", font=F.font(fam, False, 1.6 * ppm), fill=(40, 90, 150))
    d.text((W - 5 * ppm, 8 * ppm), "KARTU INDONESIA SEHAT", font=F.font(fam, True, 2.2 * ppm), fill=(40, 90, 150), anchor="rs")
    f, e = make_person(rng)
    fr = F.font(fam, False, 2.1 * ppm)
    rows = [("No. Kartu", "%013d" % rng.integers(10 ** 12, 10 ** 13)), ("Nama", f["nama"]), ("NIK", f["nik"]),
            ("Tanggal Lahir", e["birth_dmy"]), ("Faskes Tingkat I", "PUSKESMAS " + f["kecamatan"])]
    for k, (a, b) in enumerate(rows):
        y = (18 + 4.2 * k) * ppm
        d.text((5 * ppm, y), a, font=fr, fill=(20, 20, 20))
        d.text((27 * ppm, y), ": " + b, font=F.font(fam, a == "No. Kartu", 2.1 * ppm), fill=(20, 20, 20))
    return np.asarray(im), _rounded_alpha(H, W, int(3 * ppm))


def receipt(rng, ppm, fam, items=8):
    W = int(58 * ppm)
    H = int((40 + items * 4.2 + 30) * ppm)
    arr = np.ones((H, W, 3), np.float32) * np.array([245, 244, 238], np.float32)
    arr *= (0.95 + 0.06 * smooth_noise(rng, H, W, 10 * ppm))[..., None]
    im = Image.fromarray(arr.clip(0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    fm = F.font("DejaVuSansMono", False, 2.3 * ppm)
    y = 8 * ppm
    for t in [pick(rng, ["TOKO SUMBER REJEKI", "WARUNG MAKAN BU SRI", "MINIMARKET SEGAR JAYA", "APOTEK SEHAT"]),
              "JL. %s NO. %d" % (pick(rng, ["PEMUDA", "DIPONEGORO", "MERDEKA"]), rng.integers(1, 200)),
              "TELP. 0%d-%07d" % (rng.integers(21, 999), rng.integers(10 ** 7)), "-" * 30]:
        d.text((W / 2, y), t, font=fm, fill=(30, 30, 30), anchor="ms")
        y += 3.6 * ppm
    tot = 0
    for _ in range(items):
        name = pick(rng, ["INDOMIE GORENG", "AQUA 600ML", "GULA PASIR 1KG", "TEH BOTOL", "ROTI TAWAR",
                          "MINYAK GORENG 2L", "SABUN MANDI", "KOPI SACHET", "TELUR 1KG", "BERAS 5KG"])
        q, p = int(rng.integers(1, 5)), int(rng.integers(2, 80)) * 500
        tot += q * p
        d.text((3 * ppm, y), "%-16s%2dx%9s" % (name[:16], q, "{:,}".format(q * p).replace(",", ".")), font=fm, fill=(30, 30, 30))
        y += 4.2 * ppm
    for t in ["-" * 30, "TOTAL      Rp %s" % "{:,}".format(tot).replace(",", "."),
              "TUNAI      Rp %s" % "{:,}".format(tot + int(rng.integers(0, 20)) * 1000).replace(",", "."),
              "", "TERIMA KASIH", "%02d/%02d/20%02d %02d:%02d" % (rng.integers(1, 29), rng.integers(1, 13),
                                                                 rng.integers(18, 26), rng.integers(24), rng.integers(60))]:
        d.text((W / 2, y), t, font=fm, fill=(30, 30, 30), anchor="ms")
        y += 3.6 * ppm
    return np.asarray(im), np.full((H, W), 255, np.uint8)


def letter(rng, ppm, fam):
    W, H = int(210 * ppm), int(297 * ppm)
    arr = np.ones((H, W, 3), np.float32) * np.array([248, 248, 245], np.float32)
    im = Image.fromarray(arr.astype(np.uint8))
    d = ImageDraw.Draw(im)
    f, e = make_person(rng)
    serif = "LiberationSans" if rng.random() < 0.3 else "NimbusSans"
    fh = F.font(serif, True, 6 * ppm)
    kab = f["kabupaten_kota"]
    head = ["PEMERINTAH " + kab, "KECAMATAN " + f["kecamatan"], "KELURAHAN " + f["kel_desa"]]
    for k, t in enumerate(head):
        d.text((W / 2 + 10 * ppm, (20 + 8 * k) * ppm), t, font=fh, fill=(10, 10, 10), anchor="ms")
    d.ellipse([15 * ppm, 10 * ppm, 38 * ppm, 33 * ppm], outline=(30, 30, 30), width=max(1, int(ppm)))
    d.line([15 * ppm, 46 * ppm, W - 15 * ppm, 46 * ppm], fill=(0, 0, 0), width=max(1, int(1.2 * ppm)))
    d.text((W / 2, 60 * ppm), pick(rng, ["SURAT KETERANGAN DOMISILI", "SURAT PENGANTAR", "SURAT KETERANGAN USAHA"]),
           font=F.font(serif, True, 5.5 * ppm), fill=(10, 10, 10), anchor="ms")
    fr = F.font(serif, False, 4.2 * ppm)
    y = 75 * ppm
    d.text((20 * ppm, y), "Yang bertanda tangan di bawah ini menerangkan bahwa:", font=fr, fill=(20, 20, 20))
    y += 10 * ppm
    for a, b in [("Nama", f["nama"]), ("NIK", f["nik"]), ("Tempat/Tgl Lahir", "%s, %s" % (f["tempat_lahir"], e["birth_dmy"])),
                 ("Pekerjaan", f["pekerjaan"]), ("Alamat", f["alamat"] + " RT/RW " + f["rt_rw"])]:
        d.text((30 * ppm, y), a, font=fr, fill=(20, 20, 20))
        d.text((75 * ppm, y), ": " + b, font=fr, fill=(20, 20, 20))
        y += 7 * ppm
    y += 5 * ppm
    words = ("adalah benar warga kami yang berdomisili di alamat tersebut di atas dan surat keterangan ini "
             "dibuat untuk dipergunakan sebagaimana mestinya demikian agar yang berkepentingan maklum").split()
    for _ in range(int(rng.integers(4, 9))):
        line = " ".join(pick(rng, words) for _ in range(12))
        d.text((20 * ppm, y), line.capitalize(), font=fr, fill=(20, 20, 20))
        y += 7 * ppm
    d.text((W - 60 * ppm, y + 15 * ppm), "Lurah " + f["kel_desa"].title(), font=fr, fill=(20, 20, 20))
    out = np.asarray(im).copy()
    sig = signature(rng, int(20 * ppm), int(45 * ppm), max(1, int(ppm * 0.5)))
    ys, xs = int(y + 18 * ppm), int(W - 62 * ppm)
    sl = out[ys:ys + sig.shape[0], xs:xs + sig.shape[1]]
    a = sig[:sl.shape[0], :sl.shape[1], None].astype(np.float32) / 255
    out[ys:ys + sl.shape[0], xs:xs + sl.shape[1]] = (sl * (1 - a) + np.array([20, 30, 120]) * a).astype(np.uint8)
    return out, np.full((H, W), 255, np.uint8)


def cat_scene(rng):
    def make(W, H):
        img = background(rng, H, W, pick(rng, ["cloth", "plain", "tile", "wood"]))
        s = max(W, H)
        cx, cy = W * rng.uniform(0.35, 0.65), H * rng.uniform(0.4, 0.65)
        fur = pick(rng, [(210, 130, 50), (120, 120, 120), (40, 35, 30), (230, 220, 205)])
        fur = np.array(fur, np.float32) * rng.uniform(0.8, 1.1)
        m = np.zeros((H, W), np.uint8)
        bw, bh = s * rng.uniform(0.18, 0.28), s * rng.uniform(0.1, 0.16)
        cv2.ellipse(m, (int(cx), int(cy)), (int(bw), int(bh)), float(rng.uniform(-20, 20)), 0, 360, 255, -1, cv2.LINE_AA)
        hx, hy, hr = cx + bw * 0.8 * rng.choice([-1, 1]), cy - bh * 0.7, bh * 0.75
        cv2.circle(m, (int(hx), int(hy)), int(hr), 255, -1, cv2.LINE_AA)
        for dx in (-1, 1):
            tri = np.array([[hx + dx * hr * 0.2, hy - hr * 0.6], [hx + dx * hr * 0.95, hy - hr * 0.3],
                            [hx + dx * hr * 0.75, hy - hr * 1.45]], np.int32)
            cv2.fillPoly(m, [tri], 255, cv2.LINE_AA)
        tail = np.array([[cx - bw, cy], [cx - bw * 1.4, cy - bh * 0.4], [cx - bw * 1.5, cy - bh * 1.1]], np.int32)
        cv2.polylines(m, [tail], False, 255, int(bh * 0.25), cv2.LINE_AA)
        a = cv2.GaussianBlur(m, (0, 0), s * 0.003).astype(np.float32)[..., None] / 255
        tex = (0.8 + 0.35 * smooth_noise(rng, H, W, s * 0.01))[..., None]
        yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
        stripes = (0.85 + 0.15 * np.sin((xx + yy * 0.3) / (s * 0.012)))[..., None]
        img = img * (1 - a) + fur * tex * stripes * a
        for dx in (-1, 1):
            cv2.ellipse(img, (int(hx + dx * hr * 0.4), int(hy)), (int(hr * 0.17), int(hr * 0.12)), 0, 0, 360,
                        (60, 170, 90), -1, cv2.LINE_AA)
            cv2.ellipse(img, (int(hx + dx * hr * 0.4), int(hy)), (int(hr * 0.05), int(hr * 0.11)), 0, 0, 360,
                        (10, 10, 10), -1, cv2.LINE_AA)
        cv2.circle(img, (int(hx), int(hy + hr * 0.3)), max(2, int(hr * 0.07)), (200, 110, 120), -1, cv2.LINE_AA)
        return img
    return make


def render_negative(rng, shoot, i, seed=0):
    kind = KINDS[i % len(KINDS)]
    items = int(rng.integers(4, 12))
    fam = F.pick_family(rng)
    hard = bool((i + seed) % 3 == 0)
    if kind == "cat":
        img, eff = shoot(rng, None, 1.0, hard, full_scene=cat_scene(rng))
    else:
        maker = {"sim": card_sim, "atm": card_atm, "student": card_student, "bpjs": card_bpjs,
                 "receipt": receipt, "letter": letter}[kind]
        mm_w = {"receipt": 58.0, "letter": 210.0}.get(kind, 85.6)
        sub = np.random.default_rng(rng.integers(1 << 62))

        def make_obj(px_w):
            ppm = float(np.clip(px_w / mm_w * 1.15, 3.0, 24.0))
            rgb, alpha = maker(sub, ppm, fam, items) if kind == "receipt" else maker(sub, ppm, fam)
            return rgb, alpha, {"object_ppm": round(ppm, 2)}
        aspect = {"receipt": 58.0 / (40 + items * 4.2 + 30), "letter": 210 / 297.0}.get(kind, 85.6 / 54)
        img, eff = shoot(rng, make_obj, aspect, hard, allow_hand=kind != "letter")
    eff["negative_kind"] = kind
    return img, eff
