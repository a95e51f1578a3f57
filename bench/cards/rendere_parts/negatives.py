"""Papers and cards that are not a KTP: student, BPJS and bank cards, Kartu Keluarga, letters, book pages."""

import numpy as np
from PIL import Image, ImageDraw

from .fonts import font
from .regions import BIRTH_PLACES
from .names import make_name
from .identity import KAMPUNG, make_address
from .drawing import draw_person, draw_text, lowfreq_noise, rounded_mask, text_w


WORDS_ID = ("dan yang di untuk dengan dari pada dalam ini itu akan telah sebagai oleh tidak juga ke bahwa "
            "adalah kami kita mereka pemerintah masyarakat desa kota pendidikan kesehatan program kegiatan "
            "pelaksanaan laporan tahun bulan data pelayanan umum warga surat keterangan bersangkutan benar "
            "tinggal wilayah kelurahan kecamatan dibuat dipergunakan sebagaimana mestinya perlu diketahui "
            "berdasarkan peraturan nomor tentang kepada yth hormat kami sampaikan terima kasih atas perhatian "
            "bapak ibu saudara anak sekolah guru buku cerita hari pagi malam rumah jalan pasar sawah air hujan "
            "besar kecil baru lama baik sudah belum masih bisa harus dapat ada banyak sedikit semua setiap").split()


def id_sentence(r, n=None):
    n = n or r.randint(6, 16)
    s = " ".join(r.choice(WORDS_ID) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def render_negative(r, nrng, kind, eff):
    """Returns (rgb float32, mask uint8, text_h_frac, rounded card?)"""
    W = eff["_card_w"]
    if kind in ("student_card", "bpjs_card", "bank_card"):
        H = int(W * 53.98 / 85.6)
        mm = W / 85.6
        im = Image.new("RGB", (W, H), (255, 255, 255))
        d = ImageDraw.Draw(im)
        if kind == "bank_card":
            c1 = np.array([r.uniform(0, 80), r.uniform(20, 120), r.uniform(60, 200)])
            c2 = c1 + r.uniform(20, 80)
            t = np.linspace(0, 1, W)[None, :, None]
            arr = c1 * (1 - t) + c2 * t
            arr = np.repeat(arr, H, 0)
            im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
            d = ImageDraw.Draw(im)
            d.rounded_rectangle([8 * mm, 20 * mm, 18 * mm, 28 * mm], radius=mm, fill=(210, 180, 90))
            num = " ".join("%04d" % r.randint(0, 9999) for _ in range(4))
            d.text((8 * mm, 38 * mm), num, font=font("ocrb", 4.2 * mm), fill=(235, 235, 235))
            d.text((8 * mm, 47 * mm), make_name(r, "jawa", r.random() < 0.5, 30), font=font("aerial", 2.6 * mm), fill=(235, 235, 235))
            d.text((6 * mm, 5 * mm), r.choice(["BANK NUSANTARA", "BANK RAKYAT", "DEBIT", "GPN  DEBIT"]), font=font("lato_heavy", 4 * mm), fill=(255, 255, 255))
            d.text((60 * mm, 43 * mm), "VALID THRU %02d/%02d" % (r.randint(1, 12), r.randint(25, 30)), font=font("aerial", 2 * mm), fill=(230, 230, 230))
        else:
            if kind == "bpjs_card":
                top = (r.uniform(0, 40), r.uniform(130, 170), r.uniform(60, 110))
                title = r.choice(["KARTU INDONESIA SEHAT", "BPJS KESEHATAN", "KARTU BPJS KESEHATAN"])
                rows = [("No. Kartu", "%013d" % r.randint(10 ** 11, 10 ** 12)), ("Nama", make_name(r, "jawa", r.random() < 0.5, 40)),
                        ("NIK", "%016d" % r.randint(10 ** 15, 10 ** 16 - 1) if r.random() < 0.5 else "-"),
                        ("Tgl. Lahir", "%02d-%02d-%04d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1950, 2010))),
                        ("Faskes Tingkat I", r.choice(["PUSKESMAS SUKAJADI", "KLINIK PRATAMA SEHAT", "DR. HENDRA"]))]
            else:
                top = (r.uniform(100, 200), r.uniform(0, 60), r.uniform(0, 60)) if r.random() < 0.5 else (r.uniform(0, 40), r.uniform(40, 90), r.uniform(120, 180))
                title = r.choice(["KARTU TANDA MAHASISWA", "KARTU PELAJAR", "KARTU MAHASISWA"])
                rows = [("Nama", make_name(r, "sunda", r.random() < 0.5, 20)), ("NIM", "%d" % r.randint(10 ** 9, 10 ** 10)),
                        ("Fakultas", r.choice(["TEKNIK", "EKONOMI DAN BISNIS", "HUKUM", "KEDOKTERAN", "FKIP"])),
                        ("Prodi", r.choice(["TEKNIK SIPIL", "AKUNTANSI", "ILMU HUKUM", "PENDIDIKAN MATEMATIKA"])),
                        ("Alamat", make_address(r, "jawa"))]
            top = tuple(int(c) for c in top)
            d.rectangle([0, 0, W, 12 * mm], fill=top)
            d.text((W / 2, 7.5 * mm), title, font=font("lato_heavy", 3.4 * mm), fill=(255, 255, 255), anchor="mm")
            y = 19 * mm
            for k, v in rows:
                d.text((4 * mm, y), k, font=font("opensans", 2.2 * mm), fill=(30, 30, 30), anchor="ls")
                d.text((22 * mm, y), ": " + v, font=font("opensans_semi", 2.2 * mm), fill=(20, 20, 20), anchor="ls")
                y += 4.3 * mm
            ph = draw_person(r, int(24 * mm), int(19 * mm), r.random() < 0.5, r.random() < 0.5)
            arr = np.asarray(im).astype(np.float32)
            arr[int(16 * mm):int(16 * mm) + ph.shape[0], int(63 * mm):int(63 * mm) + ph.shape[1]] = ph
            im = Image.fromarray(arr.astype(np.uint8))
        arr = np.asarray(im).astype(np.float32)
        mask = rounded_mask(H, W, 3 * mm)
        return arr, mask, 2.2 * 0.72 / 85.6
    # paper documents
    if kind == "kartu_keluarga":
        H = int(W * 0.62)
    else:
        H = int(W * r.uniform(1.3, 1.45))
    paper = np.array([r.uniform(235, 252), r.uniform(232, 250), r.uniform(222, 245)], np.float32)
    im = Image.new("RGB", (W, H), tuple(int(c) for c in paper))
    d = ImageDraw.Draw(im)
    u = W / 100.0
    ink = (25, 25, 30)
    if kind == "kartu_keluarga":
        d.text((W / 2, 5 * u), "KARTU KELUARGA", font=font("aerial_bold", 3.2 * u), fill=ink, anchor="mm")
        d.text((W / 2, 9 * u), "No. %016d" % r.randint(10 ** 15, 10 ** 16 - 1), font=font("aerial_bold", 2.2 * u), fill=ink, anchor="mm")
        info = [("Nama Kepala Keluarga", make_name(r, "jawa", False, 45)), ("Alamat", make_address(r, "jawa")),
                ("RT/RW", "%03d/%03d" % (r.randint(1, 15), r.randint(1, 12))), ("Desa/Kelurahan", r.choice(KAMPUNG))]
        y = 14 * u
        for k, v in info:
            d.text((4 * u, y), k, font=font("aerial", 1.4 * u), fill=ink)
            d.text((24 * u, y), ": " + v, font=font("aerial", 1.4 * u), fill=ink)
            y += 2.2 * u
        cols = [4, 7, 30, 50, 60, 72, 84, 96]
        heads = ["No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Agama"]
        ty = 25 * u
        for k in range(r.randint(3, 7) + 1):
            d.line([cols[0] * u, ty + k * 3 * u, cols[-1] * u, ty + k * 3 * u], fill=ink, width=max(1, int(u * 0.1)))
        nrow = k
        for c in cols:
            d.line([c * u, ty, c * u, ty + nrow * 3 * u], fill=ink, width=max(1, int(u * 0.1)))
        for j, hd in enumerate(heads):
            d.text((cols[j] * u + 0.4 * u, ty + 0.6 * u), hd, font=font("aerial_bold", 1.1 * u), fill=ink)
        for i in range(1, nrow):
            fem = r.random() < 0.5
            vals = [str(i), make_name(r, "jawa", fem, 30), "%016d" % r.randint(10 ** 15, 10 ** 16 - 1),
                    "PEREMPUAN" if fem else "LAKI-LAKI", r.choice(BIRTH_PLACES["jawa"]),
                    "%02d-%02d-%04d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1960, 2020)), "ISLAM"]
            for j, v in enumerate(vals):
                f = font("aerial", 1.1 * u)
                sx = min(1.0, ((cols[j + 1] - cols[j] - 0.8) * u) / max(1, text_w(f, v)))
                lay = Image.new("L", (W, H), 0)
                draw_text(lay, (cols[j] * u + 0.4 * u, ty + i * 3 * u + 2.1 * u), v, f, sx=sx)
                im.paste(ink, (0, 0), lay)
        th = 1.1 * 0.72 / 100
    elif kind == "letter":
        d.text((W / 2, 6 * u), r.choice(["PEMERINTAH KABUPATEN SLEMAN", "PEMERINTAH KOTA BANDUNG", "KELURAHAN SUKAMAJU"]),
               font=font("aerial_bold", 3.0 * u), fill=ink, anchor="mm")
        d.line([6 * u, 11 * u, 94 * u, 11 * u], fill=ink, width=max(1, int(0.4 * u)))
        d.text((W / 2, 16 * u), r.choice(["SURAT KETERANGAN DOMISILI", "SURAT PENGANTAR", "SURAT KETERANGAN USAHA"]),
               font=font("aerial_bold", 2.6 * u), fill=ink, anchor="mm")
        y = 24 * u
        f = font(r.choice(["aerial", "opensans", "go"]), 2.0 * u)
        while y < H - 20 * u:
            line = id_sentence(r)
            while text_w(f, line) > 86 * u:
                line = line[:-4]
            d.text((8 * u, y), line, font=f, fill=ink)
            y += 3.4 * u * (1.6 if r.random() < 0.1 else 1)
        th = 2.0 * 0.72 / 100
    elif kind == "book_page":
        f = font(r.choice(["lato", "opensans", "go"]), 2.2 * u)
        y = 8 * u
        while y < H - 10 * u:
            line = id_sentence(r, 14)
            while text_w(f, line) > 84 * u:
                line = line[:-3]
            d.text((8 * u, y), line, font=f, fill=ink)
            y += 3.6 * u
        d.text((W / 2, H - 5 * u), str(r.randint(3, 300)), font=f, fill=ink, anchor="mm")
        th = 2.2 * 0.72 / 100
    arr = np.asarray(im).astype(np.float32)
    arr += (lowfreq_noise(nrng, H, W, 5, 1) - 0.5)[..., None] * 12
    mask = np.full((H, W), 255, np.uint8)
    return arr, mask, th
