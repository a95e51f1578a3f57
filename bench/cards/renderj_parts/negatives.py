"""Things that are not an e-KTP: other cards, paper documents and plain scenes."""
import cv2
import numpy as np
from PIL import Image, ImageDraw

from . import card_bg, data, fonts

KINDS = ["sim", "atm", "student", "bpjs", "receipt", "letter", "kk", "pet", "room", "wall"]


def _font(rng, mono=False, bold=None):
    pool = [f for f in fonts.all_fonts() if f["mono"] == mono and not f["italic"] and not f["odd"]
            and (bold is None or f["bold"] == bold)] or fonts.all_fonts()
    return pool[int(rng.integers(len(pool)))]["path"]


def _nik(rng):
    f, _ = data.make_fields(rng)
    return f


def _rounded_alpha(w, h, r):
    a = np.zeros((h, w), np.uint8)
    cv2.rectangle(a, (r, 0), (w - 1 - r, h - 1), 255, -1)
    cv2.rectangle(a, (0, r), (w - 1, h - 1 - r), 255, -1)
    for cx, cy in ((r, r), (w - 1 - r, r), (r, h - 1 - r), (w - 1 - r, h - 1 - r)):
        cv2.circle(a, (cx, cy), r, 255, -1, cv2.LINE_AA)
    return a


def _grad(h, w, c0, c1, horiz=True):
    t = np.linspace(0, 1, w if horiz else h, dtype=np.float32)
    g = np.array(c0, np.float32) * (1 - t[:, None]) + np.array(c1, np.float32) * t[:, None]
    return np.broadcast_to(g[None] if horiz else g[:, None], (h, w, 3)).copy()


def card_doc(rng, kind, W):
    H = int(W * 54 / 85.6)
    f = _nik(rng)
    fb, fr = _font(rng, bold=True), _font(rng, bold=False)
    if kind == "sim":
        img = _grad(H, W, (0.95, 0.85, 0.88), (0.85, 0.9, 0.97))
        lines = [("SURAT IZIN MENGEMUDI", fb, 0.07), ("INDONESIA", fb, 0.05)]
        body = [f"1. {f['nama']}", f"2. {f['tempat_lahir']}, {data.dmy(f['tanggal_lahir'])}",
                f"3. GOL. DARAH {f['golongan_darah']} - PRIA" if f["jenis_kelamin"] == "LAKI-LAKI" else "3. WANITA",
                f"4. {f['alamat']}", f"   {f['kel_desa']}, {f['kecamatan']}", f"5. {f['pekerjaan']}",
                f"6. {f['kabupaten_kota']}", f"7. {data.dmy(f['tanggal_lahir'])[:6]}2028"]
        num = f"{rng.integers(1000, 9999)}-{rng.integers(1000, 9999)}-{rng.integers(100000, 999999)}"
        photo_left, colour = True, (0.2, 0.2, 0.5)
    elif kind == "atm":
        c0 = rng.uniform(0, 0.5, 3)
        img = _grad(H, W, c0, np.clip(c0 + rng.uniform(0.1, 0.5, 3), 0, 1))
        bank = data.ch(rng, ["BANK NUSANTARA", "BANK SEJAHTERA", "BANK RAKYAT DAERAH", "BANK SYARIAH MANDIRI", "BANK PEMBANGUNAN"])
        lines = [(bank, fb, 0.08)]
        digits = "".join(str(int(d)) for d in rng.integers(0, 10, 16))
        body = [" ".join(digits[i:i + 4] for i in range(0, 16, 4)), "VALID THRU " + f"{rng.integers(1, 13):02d}/{rng.integers(25, 31)}", f["nama"]]
        num, photo_left, colour = None, None, (0.95, 0.95, 0.95)
        cv2.rectangle(img, (int(W * 0.1), int(H * 0.35)), (int(W * 0.22), int(H * 0.52)), (0.85, 0.72, 0.35), -1)
    elif kind == "student":
        img = _grad(H, W, (0.98, 0.98, 0.98), tuple(rng.uniform(0.5, 0.95, 3)), horiz=False)
        uni = data.ch(rng, ["UNIVERSITAS GADJAH MADA", "UNIVERSITAS INDONESIA", "UNIVERSITAS PADJADJARAN", "INSTITUT TEKNOLOGI SEPULUH NOPEMBER", "UNIVERSITAS HASANUDDIN", "UNIVERSITAS AIRLANGGA"])
        lines = [("KARTU TANDA MAHASISWA", fb, 0.065), (uni, fb, 0.05)]
        body = [f"NAMA  : {f['nama']}", f"NIM   : {rng.integers(10, 24)}/{rng.integers(100000, 999999)}/{data.ch(rng, ['TK', 'SP', 'EK', 'HK'])}/{rng.integers(10000, 99999)}",
                f"PRODI : {data.ch(rng, ['TEKNIK SIPIL', 'AKUNTANSI', 'ILMU HUKUM', 'KEDOKTERAN', 'SASTRA INGGRIS', 'INFORMATIKA'])}",
                f"ALAMAT: {f['alamat']}"]
        num, photo_left, colour = None, False, (0.1, 0.1, 0.2)
    else:  # bpjs
        img = _grad(H, W, (0.97, 0.98, 0.97), (0.75, 0.9, 0.78))
        lines = [("BPJS Kesehatan", fb, 0.075), ("KARTU INDONESIA SEHAT", fb, 0.05)]
        body = [f"No. Kartu : {rng.integers(1000000, 9999999)}{rng.integers(100000, 999999)}", f"Nama : {f['nama']}",
                f"NIK : {f['nik']}", f"Tgl. Lahir : {data.dmy(f['tanggal_lahir'])}", f"Faskes Tingkat I : PUSKESMAS {f['kecamatan']}"]
        num, photo_left, colour = None, None, (0.05, 0.3, 0.15)
    pil = Image.fromarray((np.clip(img, 0, 1) * 255).astype(np.uint8))
    d = ImageDraw.Draw(pil)
    col = tuple(int(c * 255) for c in colour)
    y = H * 0.05
    for s, fp, sz in lines:
        fo = fonts.load(fp, H * sz)
        while fo.getlength(s) > W * 0.9 and fo.size > 8:
            fo = fonts.load(fp, fo.size * 0.9)
        d.text(((W - fo.getlength(s)) / 2, y), s, font=fo, fill=col)
        y += H * sz * 1.3
    x0 = W * (0.33 if photo_left else 0.06)
    if kind == "atm":
        y, x0 = H * 0.58, W * 0.08
    fo = fonts.load(fr if kind != "atm" else _font(rng, mono=True), H * (0.055 if kind != "atm" else 0.08))
    for s in body:
        while fo.getlength(s) > W * 0.92 - x0 and fo.size > 8:
            fo = fonts.load(fr, fo.size * 0.92)
        d.text((x0, y), s, font=fo, fill=col)
        y += fo.size * 1.3
    out = np.asarray(pil).copy()
    if photo_left is not None:
        pw = int(W * 0.22)
        ph = int(pw * 4 / 3)
        px = int(W * 0.05) if photo_left else int(W * 0.74)
        py = int(H * 0.3)
        ph = min(ph, H - py - 4)
        out[py:py + ph, px:px + pw] = card_bg.face(rng, pw, ph, f["jenis_kelamin"] == "PEREMPUAN")
    if num:
        d = ImageDraw.Draw(pil := Image.fromarray(out))
        d.text((W * 0.33, H * 0.88), num, font=fonts.load(fb, H * 0.06), fill=(200, 30, 30))
        out = np.asarray(pil)
    return out, _rounded_alpha(W, H, int(W * 0.037))


def paper_doc(rng, kind, W):
    f = _nik(rng)
    if kind == "receipt":
        W = int(W * 0.45)
        H = int(W * rng.uniform(1.8, 3.0))
        fp = _font(rng, mono=True)
        shop = data.ch(rng, ["INDOMARET", "ALFAMART", "TOKO SUMBER REJEKI", "APOTEK SEHAT", "WARUNG BU TINI", "SUPERINDO"])
        rows = [shop, f"JL. {data.ch(rng, data.STREET)} NO.{rng.integers(1, 200)}", "-" * 32]
        tot = 0
        for _ in range(int(rng.integers(4, 12))):
            pr = int(rng.integers(2, 90)) * 500
            tot += pr
            rows.append(f"{data.ch(rng, ['AQUA 600ML', 'INDOMIE GRG', 'GULA PASIR 1KG', 'ROTI TAWAR', 'SABUN MANDI', 'KOPI SACHET', 'TELUR 1/4', 'MINYAK 2L', 'PARACETAMOL'])}  {pr:>8,}")
        rows += ["-" * 32, f"TOTAL      {tot:>10,}", f"TUNAI      {tot + 5000:>10,}", "KEMBALI         5,000", "", "TERIMA KASIH",
                 f"{rng.integers(1, 28):02d}.{rng.integers(1, 13):02d}.2024 {rng.integers(7, 22):02d}:{rng.integers(0, 60):02d}"]
        size, bg = W / 22, (0.97, 0.96, 0.93)
    elif kind == "letter":
        H = int(W * 1.414)
        fp = _font(rng)
        rows = [f"PEMERINTAH {f['kabupaten_kota']}", f"KECAMATAN {f['kecamatan']}", f"DESA/KELURAHAN {f['kel_desa']}", "",
                "SURAT KETERANGAN " + data.ch(rng, ["DOMISILI", "TIDAK MAMPU", "USAHA", "KELAKUAN BAIK"]),
                f"Nomor: 470/{rng.integers(10, 999)}/{rng.integers(2018, 2025)}", "",
                "Yang bertanda tangan di bawah ini menerangkan bahwa:", "",
                f"Nama            : {f['nama']}", f"NIK             : {f['nik']}",
                f"Tempat/Tgl Lahir: {f['tempat_lahir']}, {data.dmy(f['tanggal_lahir'])}",
                f"Alamat          : {f['alamat']} RT/RW {f['rt_rw']}", "",
                "adalah benar warga kami yang berdomisili di alamat tersebut.",
                "Surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.", "", "",
                f"{f['kel_desa']}, {rng.integers(1, 28)} Mei 2024", "Kepala Desa", "", "", "(....................)"]
        size, bg = W / 45, (0.98, 0.98, 0.97)
    else:  # kk
        H = int(W / 1.414)
        fp = _font(rng)
        rows = []
        size, bg = W / 70, (0.97, 0.98, 0.95)
    img = np.ones((H, W, 3), np.float32) * np.array(bg, np.float32)
    pil = Image.fromarray((img * 255).astype(np.uint8))
    d = ImageDraw.Draw(pil)
    fo = fonts.load(fp, size)
    if kind == "kk":
        big = fonts.load(_font(rng, bold=True), W / 35)
        d.text(((W - big.getlength("KARTU KELUARGA")) / 2, H * 0.04), "KARTU KELUARGA", font=big, fill=(20, 20, 20))
        no = f"No. {f['nik'][:6]}{rng.integers(1000000000, 9999999999)}"
        d.text(((W - fo.getlength(no)) / 2, H * 0.1), no, font=fo, fill=(20, 20, 20))
        for i, s in enumerate([f"Nama Kepala Keluarga : {f['nama']}", f"Alamat : {f['alamat']}", f"RT/RW : {f['rt_rw']}",
                               f"Desa/Kelurahan : {f['kel_desa']}", f"Kecamatan : {f['kecamatan']}", f"Provinsi : {f['provinsi']}"]):
            d.text((W * (0.05 + 0.45 * (i % 2)), H * (0.15 + 0.035 * (i // 2))), s, font=fo, fill=(20, 20, 20))
        cols = ["No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Agama", "Pendidikan", "Jenis Pekerjaan"]
        xs = np.cumsum([0, 0.03, 0.2, 0.15, 0.09, 0.11, 0.09, 0.07, 0.1, 0.12]) * 0.94 + 0.03
        y0 = H * 0.27
        rh = H * 0.045
        for r in range(int(rng.integers(3, 8)) + 1):
            member = f if r <= 1 else _nik(rng)
            vals = cols if r == 0 else [str(r), member["nama"], member["nik"], member["jenis_kelamin"], member["tempat_lahir"],
                                        data.dmy(member["tanggal_lahir"]), member["agama"], data.ch(rng, ["SLTA", "S1", "SD", "SLTP"]), member["pekerjaan"]]
            for c, v in enumerate(vals):
                fv = fo
                while fv.getlength(v) > (xs[c + 1] - xs[c]) * W - 6 and fv.size > 7:
                    fv = fonts.load(fp, fv.size * 0.9)
                d.text((xs[c] * W + 3, y0 + r * rh + rh * 0.25), v, font=fv, fill=(20, 20, 20))
            d.line([(xs[0] * W, y0 + (r + 1) * rh), (xs[-1] * W, y0 + (r + 1) * rh)], fill=(60, 60, 60), width=max(1, W // 800))
        for x in xs:
            d.line([(x * W, y0), (x * W, y0 + (r + 1) * rh)], fill=(60, 60, 60), width=max(1, W // 800))
    else:
        y = H * 0.05
        for s in rows:
            fv = fo
            while fv.getlength(s) > W * 0.9 and fv.size > 7:
                fv = fonts.load(fp, fv.size * 0.93)
            x = (W - fv.getlength(s)) / 2 if kind == "receipt" or (kind == "letter" and len(rows) and y < H * 0.3) else W * 0.08
            d.text((x, y), s, font=fv, fill=(25, 25, 30))
            y += size * 1.45
    out = np.asarray(pil)
    return out, np.full(out.shape[:2], 255, np.uint8)


def scene_img(rng, kind, h, w):
    """Full-frame negatives: a pet, a room, a plain wall (float32 RGB)."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    wall = rng.uniform(0.5, 0.95, 3).astype(np.float32)
    img = np.ones((h, w, 3), np.float32) * wall
    img *= (0.85 + 0.3 * card_bg.smooth_noise(rng, h, w, max(h, w) / 3))[..., None]
    if kind == "wall":
        img += rng.normal(0, 0.02, (h, w, 1)).astype(np.float32)
        if rng.random() < 0.5:  # a switch or a nail
            cx, cy = int(w * rng.uniform(0.2, 0.8)), int(h * rng.uniform(0.2, 0.8))
            cv2.rectangle(img, (cx, cy), (cx + w // 20, cy + w // 14), (0.95, 0.95, 0.93), -1)
        return img
    fy = int(h * rng.uniform(0.5, 0.75))
    floor = rng.uniform(0.25, 0.7, 3).astype(np.float32)
    img[fy:] = floor * (0.8 + 0.2 * card_bg.smooth_noise(rng, h - fy, w, w / 10))[..., None]
    if kind == "room":
        wx0, wy0 = int(w * rng.uniform(0.1, 0.5)), int(h * rng.uniform(0.1, 0.2))
        cv2.rectangle(img, (wx0, wy0), (wx0 + w // 4, wy0 + h // 3), (0.9, 0.95, 1.0), -1)
        cv2.rectangle(img, (wx0, wy0), (wx0 + w // 4, wy0 + h // 3), (0.4, 0.3, 0.2), max(2, w // 150))
        for _ in range(int(rng.integers(2, 5))):
            c = tuple(float(v) for v in rng.uniform(0.1, 0.8, 3))
            x0 = int(w * rng.uniform(0, 0.8))
            bw, bh = int(w * rng.uniform(0.1, 0.3)), int(h * rng.uniform(0.1, 0.35))
            cv2.rectangle(img, (x0, fy - bh + int(h * 0.05)), (x0 + bw, fy + int(h * 0.05)), c, -1)
        return img
    # pet: body, head, ears, tail
    fur = np.array(rng.choice([[0.9, 0.6, 0.3], [0.2, 0.18, 0.16], [0.95, 0.93, 0.9], [0.55, 0.5, 0.45]]), np.float32)
    cx, cy = int(w * rng.uniform(0.35, 0.65)), int(h * rng.uniform(0.55, 0.7))
    s = min(h, w) * rng.uniform(0.18, 0.3)
    cv2.ellipse(img, (cx, cy), (int(s * 1.3), int(s * 0.7)), 0, 0, 360, tuple(float(v) for v in fur), -1, cv2.LINE_AA)
    hx, hy = cx + int(s * rng.choice([-1.2, 1.2])), cy - int(s * 0.7)
    cv2.circle(img, (hx, hy), int(s * 0.55), tuple(float(v) for v in fur * 0.95), -1, cv2.LINE_AA)
    for sx in (-1, 1):
        ear = np.array([[hx + sx * s * 0.15, hy - s * 0.4], [hx + sx * s * 0.5, hy - s * 0.35], [hx + sx * s * 0.4, hy - s * 0.85]], np.int32)
        cv2.fillConvexPoly(img, ear, tuple(float(v) for v in fur * 0.9), cv2.LINE_AA)
        cv2.circle(img, (int(hx + sx * s * 0.2), int(hy - s * 0.05)), max(2, int(s * 0.07)), (0.1, 0.25, 0.1), -1, cv2.LINE_AA)
    cv2.circle(img, (hx, int(hy + s * 0.15)), max(2, int(s * 0.06)), (0.2, 0.1, 0.1), -1, cv2.LINE_AA)
    tail = np.array([[cx - np.sign(hx - cx) * s * (1.2 + 0.3 * t), cy - s * 0.2 - s * 0.6 * np.sin(t * 2)] for t in np.linspace(0, 1, 12)], np.int32)
    cv2.polylines(img, [tail], False, tuple(float(v) for v in fur), max(2, int(s * 0.15)), cv2.LINE_AA)
    fur_tex = card_bg.smooth_noise(rng, h, w, s / 6)[..., None]
    return img * (0.9 + 0.15 * fur_tex)
