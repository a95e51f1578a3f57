"""Field values of one synthetic e-KTP (the ground truth)."""
import csv
import os
import datetime as dt
from .util import pick, chance, wpick, rand_date
from .names import make_name

W = str.split
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_REG = None

# rough population weights per province code
PROV_W = {"32": 18, "35": 15, "33": 13, "12": 6, "36": 5, "31": 4, "73": 3.5, "16": 3, "18": 3,
          "11": 2, "13": 2, "14": 2.5, "51": 2, "52": 2, "53": 2, "61": 2, "64": 1.5, "34": 1.5,
          "71": 1, "72": 1, "63": 1.5, "62": 1, "15": 1.3, "17": 0.8, "19": 0.6, "21": 0.8,
          "74": 1, "75": 0.5, "76": 0.5, "81": 0.7, "82": 0.5, "91": 1, "92": 0.4, "65": 0.3}


def regions():
    global _REG
    if _REG is None:
        prov, reg = {}, {}
        with open(os.path.join(HERE, "..", "..", "ocr", "data", "regions.csv"), encoding="utf-8") as f:  # the shipped code list
            rows = [r for r in f if not r.startswith("#")]
        for r in csv.DictReader(rows):
            if r["regency"]:
                reg.setdefault(r["province"], []).append((r["regency"], r["name"]))
            else:
                prov[r["province"]] = r["name"]
        _REG = (prov, {k: v for k, v in reg.items() if k in prov})
    return _REG


def bare_regency(name):
    for p in ("KABUPATEN ", "KOTA "):
        if name.startswith(p):
            name = name[len(p):]
    return name.replace("ADM. ", "").replace("KEP. ", "KEPULAUAN ")


VIL_PRE = W("SUKA MEKAR KARANG SIDO TANJUNG BANJAR TEGAL KEBON PASIR WONO PURWO MARGA CIKAL SUMBER "
            "BATU TAMAN JATI GUNUNG REJO SARI MULYO NGAWEN TALANG PADANG LUBUK KOTA AIR SUNGAI")
VIL_SUF = W("MAJU JAYA MULYA SARI REJO HARJO ASRI MAKMUR RAHAYU DADI AGUNG WARINGIN BARU INDAH "
            "LUHUR MUKTI KENCANA SARI JATI ANYAR")
VILLAGES = W("SUKAMAJU SUKARAME MEKARSARI MARGAMULYA SIDOREJO SIDOMULYO KARANGREJO TEGALREJO "
             "WONOREJO PURWOREJO BANJARSARI KEBONSARI TAMANSARI CIBEUNYING CIPAYUNG MENTENG "
             "GUBENG NGAGEL KALIRUNGKUT PANAKKUKANG LAMBARO BATUAMPAR KALIBARU CIGADUNG "
             "PAGERWOJO JATIBENING PANDANWANGI SUMBERSARI KEDUNGKANDANG CANDIREJO TLOGOMAS "
             "BOJONGSARI CIKARANG PAKUHAJI TAMBAKREJO GONDANGLEGI KRAJAN TUNJUNGSEKAR "
             "LOWOKWARU DINOYO PENATIH SANUR SESETAN MALALAYANG OEBOBO MANDALA ANTANG TAMALANREA "
             "SEMPIDI PEMOGAN KUTA SANGKURIANG MARGAHAYU BANGUNTAPAN CATURTUNGGAL CONDONGCATUR")
VIL_MULTI = ["PADANG BULAN", "SEI SIKAMBING B", "KAYU PUTIH", "PASAR BARU", "DAUH PURI KAUH",
             "TELUK BETUNG", "AIR TAWAR BARAT", "ULAK KARANG SELATAN", "RAWA LAUT", "PAAL DUA",
             "CILANDAK BARAT", "PONDOK LABU", "KEBAYORAN LAMA UTARA", "TANJUNG PRIOK", "SUNGAI BANGKONG",
             "BATU MERAH", "KAMPUNG BARU", "TANAH ABANG", "TALANG KELAPA", "LUBUK BUAYA"]
DIRS = ["UTARA", "SELATAN", "BARAT", "TIMUR", "LOR", "KIDUL", "WETAN", "KULON", "TENGAH", "I", "II"]
FLOWERS = W("MAWAR MELATI ANGGREK KENANGA CEMPAKA DAHLIA FLAMBOYAN TERATAI SEROJA KAMBOJA SAKURA "
            "BOUGENVILLE NUSA INDAH")
HEROES = ["SUDIRMAN", "DIPONEGORO", "GATOT SUBROTO", "AHMAD YANI", "PAHLAWAN", "MERDEKA", "PEMUDA",
          "SISINGAMANGARAJA", "HASANUDDIN", "IMAM BONJOL", "KARTINI", "GAJAH MADA", "HAYAM WURUK",
          "CENDRAWASIH", "MERPATI", "RAJAWALI", "KUTILANG", "NANGKA", "MANGGA", "RAMBUTAN", "DURIAN",
          "KELAPA GADING", "LETJEN SUPRAPTO", "TEUKU UMAR", "SULTAN AGUNG", "PANGERAN ANTASARI",
          "DR. SUTOMO", "KH. HASYIM ASYARI", "RA. KARTINI", "SUPRATMAN", "SAM RATULANGI", "PATIMURA",
          "JEND. A. YANI", "BRIGJEN KATAMSO", "SISWONDO PARMAN", "PERINTIS KEMERDEKAAN", "CUT NYAK DIEN"]
ESTATE = ["GRIYA ASRI", "BUMI INDAH", "PERMATA HIJAU", "TAMAN SARI", "GRAHA PERMAI", "PONDOK INDAH",
          "CITRA RAYA", "BUMI SERPONG", "PURI KEMBANGAN", "VILLA MUTIARA", "GRIYA PERMATA", "BTN"]
ROMAN = ["II", "III", "IV", "V", "VI", "VII", "IX", "XII"]
DUSUN = W("KRAJAN KRAJAN BABAKAN SUMBERAGUNG NGRANDU KEBONAGUNG TEGALSARI SIDOMUKTI PETUNG "
          "GEMPOL JAMBU NGASEM KAUMAN BULU PUCANG LEBAK CILEDUG SINDANG")
RELIGION_BY = {"bali": [("HINDU", 20), ("ISLAM", 1)], "east": [("KRISTEN", 5), ("KATOLIK", 5), ("ISLAM", 1)],
               "batak": [("KRISTEN", 7), ("KATOLIK", 2), ("ISLAM", 2)],
               "china": [("BUDHA", 4), ("KRISTEN", 4), ("KATOLIK", 2), ("KONGHUCU", 1)]}
JOBS = [("WIRASWASTA", 10), ("KARYAWAN SWASTA", 10), ("PETANI/PEKEBUN", 7), ("BURUH HARIAN LEPAS", 5),
        ("PEDAGANG", 4), ("PEGAWAI NEGERI SIPIL (PNS)", 3), ("GURU", 2), ("NELAYAN/PERIKANAN", 1.5),
        ("SOPIR", 1), ("PERANGKAT DESA", 0.5), ("TENTARA NASIONAL INDONESIA (TNI)", 0.4),
        ("KEPOLISIAN RI (POLRI)", 0.4), ("KARYAWAN BUMN", 0.6), ("BURUH TANI/PERKEBUNAN", 1.5),
        ("TUKANG BANGUNAN", 0.6), ("PERAWAT", 0.5), ("BIDAN", 0.3), ("DOKTER", 0.2),
        ("KARYAWAN HONORER", 0.8), ("PENSIUNAN", 0), ("BELUM/TIDAK BEKERJA", 2), ("TUKANG JAHIT", 0.3),
        ("PELAJAR/MAHASISWA", 0), ("MENGURUS RUMAH TANGGA", 0), ("PEMBANTU RUMAH TANGGA", 0.3)]


def village(rng):
    r = rng.random()
    if r < 0.45:
        v = pick(rng, VILLAGES)
    elif r < 0.6:
        v = pick(rng, VIL_MULTI)
    else:
        v = pick(rng, VIL_PRE) + pick(rng, VIL_SUF)
    if chance(rng, 0.12):
        v += " " + pick(rng, DIRS)
    return v


def address(rng, prov):
    num = str(int(rng.integers(1, 40 if chance(rng, 0.7) else 250)))
    if chance(rng, 0.12):
        num += pick(rng, ["A", "B", "C", " A", " B"])
    no = pick(rng, ["NO. ", "NO.", "NO "]) + num
    r = rng.random()
    if prov == "51" and chance(rng, 0.5):
        a = pick(rng, ["BR. ", "BANJAR ", "BR. DINAS "]) + pick(rng, W("KAJA KELOD TENGAH PEKANDELAN ANYAR SARI"))
    elif prov == "13" and chance(rng, 0.4):
        a = pick(rng, ["JORONG ", "KORONG "]) + pick(rng, W("PASAR BARU KOTO TUO BALAI GADANG TANJUNG"))
    elif r < 0.30:
        a = "JL. " + pick(rng, FLOWERS + HEROES) + " " + no
    elif r < 0.40:
        a = "JL. RAYA " + pick(rng, HEROES[:12] + DUSUN) + " KM " + str(int(rng.integers(1, 25)))
        if chance(rng, 0.3):
            a = a.replace(" KM ", " KM. ")
    elif r < 0.55:
        a = pick(rng, ["DUSUN ", "DSN. ", "DSN "]) + pick(rng, DUSUN)
    elif r < 0.65:
        a = "GG. " + pick(rng, FLOWERS) + " " + pick(rng, ROMAN)
        if chance(rng, 0.5):
            a += " " + no
    elif r < 0.75:
        blk = pick(rng, "ABCDEFGHJK") + pick(rng, ["-", "", " "]) + str(int(rng.integers(1, 30)))
        a = pick(rng, ["PERUM ", "PERUMAHAN ", "KOMP. "]) + pick(rng, ESTATE) + " BLOK " + blk
        if chance(rng, 0.3):
            a += " " + no
    elif r < 0.85:
        a = pick(rng, ["KP. ", "KAMPUNG ", "KP "]) + pick(rng, DUSUN + W("CIBODAS CIKOLE PASIRHUNI LEUWIGAJAH"))
    elif r < 0.93:
        a = "JL. " + pick(rng, HEROES) + " GG. " + pick(rng, FLOWERS + ["MASJID", "MUSHOLA AL-IKHLAS", "SEKOLAH"]) + " " + no
    else:
        a = pick(rng, ["LINGK. ", "LINGKUNGAN ", "DESA "]) + pick(rng, DUSUN + VILLAGES[:20])
    if chance(rng, 0.06):
        a += " " + pick(rng, ["RT 03", "DEKAT MASJID", "BELAKANG PASAR", "SEBELAH SD N 2"])
    return a


def make_fields(rng):
    prov, reg = regions()
    codes = sorted(reg)
    pc = pick(rng, codes, [PROV_W.get(c, 0.5) for c in codes])
    rcode, rname = pick(rng, reg[pc])
    male = chance(rng, 0.5)
    today = dt.date(2025, 6, 1)
    age = int(wpick(rng, [(a, 3 if a < 60 else (1.2 if a < 75 else 0.4)) for a in range(17, 91)]))
    birth = dt.date.fromordinal(today.toordinal() - int(age * 365.25) - int(rng.integers(0, 364)))
    name, group = make_name(rng, pc, male, age)
    dd = birth.day + (0 if male else 40)
    cc = int(wpick(rng, [(i, 3 if i < 15 else 1) for i in range(1, 45)]))
    serial = int(wpick(rng, [(int(rng.integers(1, 40)), 6), (int(rng.integers(1, 800)), 3), (int(rng.integers(1, 10000)), 1)]))
    nik = "%s%02d%02d%02d%02d%04d" % (rcode, cc, dd, birth.month, birth.year % 100, serial)
    # place of birth: usually a regency of the same province, sometimes elsewhere or a town
    if chance(rng, 0.7):
        pob = bare_regency(pick(rng, reg[pc])[1])
    elif chance(rng, 0.6):
        pob = bare_regency(pick(rng, reg[pick(rng, codes)])[1])
    else:
        pob = village(rng)
    if group in RELIGION_BY:
        agama = wpick(rng, RELIGION_BY[group])
    elif pc in ("53", "71", "81", "91", "92", "12", "61"):
        agama = wpick(rng, [("ISLAM", 4), ("KRISTEN", 4), ("KATOLIK", 2)])
    else:
        agama = wpick(rng, [("ISLAM", 30), ("KRISTEN", 1.5), ("KATOLIK", 1), ("BUDHA", 0.2), ("HINDU", 0.2)])
    if age < 21:
        status = wpick(rng, [("BELUM KAWIN", 10), ("KAWIN", 1)])
    elif age < 30:
        status = wpick(rng, [("BELUM KAWIN", 5), ("KAWIN", 6), ("CERAI HIDUP", 0.3)])
    else:
        status = wpick(rng, [("KAWIN", 12), ("BELUM KAWIN", 1), ("CERAI HIDUP", 1), ("CERAI MATI", 1 + age / 25)])
    jobs = [(j, w) for j, w in JOBS]
    jobs = [(j, (8 if age < 24 else 0.1) if j == "PELAJAR/MAHASISWA" else
             (0 if male else 14) if j == "MENGURUS RUMAH TANGGA" else
             (8 if age > 58 else 0) if j == "PENSIUNAN" else w) for j, w in jobs]
    issue = rand_date(rng, min(2024, max(2011, birth.year + 17)), 2024)
    if issue < dt.date(2016, 6, 1) and chance(rng, 0.3):
        y = issue.year + 5
        berlaku = "%02d-%02d-%04d" % (birth.day if birth.day < 29 else 28, birth.month, y)
    else:
        berlaku = "SEUMUR HIDUP"
    f = {
        "nik": nik, "nama": name, "tempat_lahir": pob, "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": "LAKI-LAKI" if male else "PEREMPUAN",
        "golongan_darah": wpick(rng, [("-", 6), ("O", 4), ("A", 3), ("B", 3), ("AB", 1)]),
        "alamat": address(rng, pc),
        "rt_rw": "%03d/%03d" % (int(rng.integers(1, 25 if chance(rng, 0.8) else 80)), int(rng.integers(1, 16))),
        "kel_desa": village(rng), "kecamatan": village(rng) if chance(rng, 0.6) else bare_regency(rname) if chance(rng, 0.3) else village(rng),
        "agama": agama, "status_perkawinan": status, "pekerjaan": wpick(rng, jobs),
        "kewarganegaraan": "WNI", "berlaku_hingga": berlaku, "provinsi": prov[pc], "kabupaten_kota": rname,
    }
    meta = {"issue": "%02d-%02d-%04d" % (issue.day, issue.month, issue.year), "birth": birth,
            "male": male, "age": age, "group": group, "regency_bare": bare_regency(rname)}
    return f, meta
