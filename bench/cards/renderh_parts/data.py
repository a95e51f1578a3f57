"""Random but consistent identity data for an e-KTP."""
import csv
import datetime as dt
import os

HERE = os.path.dirname(os.path.abspath(__file__))
REGIONS_CSV = os.path.join(HERE, "..", "..", "..", "ocr", "data", "regions.csv")  # the shipped code list


def load_regions():
    provs, regs = {}, []
    with open(REGIONS_CSV, encoding="utf-8") as f:
        rows = [r for r in f if not r.startswith("#")]
    for row in csv.DictReader(rows):
        if not row["regency"]:
            provs[row["province"]] = row["name"].strip()
        else:
            regs.append((row["province"], row["regency"], row["name"].strip()))
    regs = [r for r in regs if r[0] in provs]
    return provs, regs


PROVS, REGS = load_regions()

MALE = ("AHMAD BUDI AGUS ANDI ARIF BAMBANG DEDI DENI EKO FAJAR HADI HENDRA IRWAN JOKO KURNIAWAN "
        "MUHAMMAD MOHAMAD RIZKY RUDI SLAMET SUPRIYADI TAUFIK WAHYU YUSUF ZAINAL ADITYA BAYU DIMAS "
        "GILANG HERU ILHAM NANANG RAHMAT SURYA TEGUH UJANG ASEP DADANG ENDANG YOGA ANDRIANSYAH "
        "FIRMANSYAH HIDAYAT SAIFUL SAMSUL SUTRISNO SUGENG PURNOMO SETIAWAN DARMAWAN RAHMAN ABDUL "
        "ARDIANSYAH KOMANG PUTU YOHANES FRANSISKUS ROBERTUS STEVEN KEVIN HENDRIK DANIEL").split()
FEMALE = ("SITI NUR DEWI SRI RINA WULAN AYU FITRI INDAH LESTARI PUTRI RATNA YULIANTI NOVITA "
          "MEGAWATI KARTIKA ANISA DWI TRI EKA RISKA YUNI SUSANTI HANDAYANI PURWANTI RAHMAWATI "
          "MAYA DIAN LINDA NINGSIH WATI NURHALIZA AISYAH FATIMAH KHADIJAH SALSABILA NABILA AMELIA "
          "CICI LILIS IMAS EUIS ENENG TUTI ROSMAWATI MARIA MAGDALENA THERESIA KRISTINA YULIANA").split()
LAST = ("PRATAMA SAPUTRA WIJAYA KUSUMA HIDAYAT SETIAWAN NUGROHO SANTOSO GUNAWAN HASIBUAN "
        "SIREGAR NASUTION LUBIS HARAHAP SIMANJUNTAK SITUMORANG PANJAITAN SIHOMBING TAMBUNAN "
        "PANGARIBUAN MANURUNG SINAGA WIBOWO KURNIAWATI RAHAYU WULANDARI HARTONO SUSILO "
        "PURNAMASARI MAHARANI SYAHPUTRA RAMADHAN FIRDAUS MAULANA HAKIM LATUHARHARY WATTIMENA "
        "TANOESOEDIBJO SUMARNO SUPARMAN SUDRAJAT SOPIAN KARTASASMITA PERMANA").split()
BALI_M = ["I MADE", "I WAYAN", "I KETUT", "I NYOMAN", "I GUSTI NGURAH", "I GUSTI BAGUS", "I PUTU",
          "I KADEK", "IDA BAGUS"]
BALI_F = ["NI MADE", "NI WAYAN", "NI LUH", "NI KETUT", "I GUSTI AYU", "NI PUTU", "NI KADEK",
          "IDA AYU", "NI NYOMAN"]
BALI_N = "SARI ARTAWAN SUDARMA ADNYANA PUTRA ASTUTI SUARTINI WIRAWAN DEWANTARA KARTIKA".split()
TITLES_POST = [", S.KOM", ", S.PD", ", S.E", ", S.H", ", S.T", ", A.MD", ", S.SOS", ", M.PD",
               ", S.KEP", ", SE", ", SH", ", S.AG", ", S.IP"]
TITLES_PRE_M = ["H. ", "DRS. ", "IR. ", "DR. "]
TITLES_PRE_F = ["HJ. ", "DRA. ", "IR. "]

STREETS = ("MERDEKA SUDIRMAN DIPONEGORO PAHLAWAN SILIWANGI CEMPAKA MAWAR MELATI ANGGREK "
           "KENANGA MANGGA RAMBUTAN HASANUDDIN PEMUDA KARTINI VETERAN FLAMBOYAN").split()
STREET2 = ["GATOT SUBROTO", "AHMAD YANI", "RAYA BOGOR", "SURYA KENCANA", "IMAM BONJOL",
           "KI HAJAR DEWANTARA", "PERINTIS KEMERDEKAAN", "TENTARA PELAJAR", "KH. HASYIM ASYARI",
           "HAYAM WURUK", "RAYA CIBUBUR", "DR. SUTOMO", "LETJEN SUPRAPTO", "TELUK BETUNG"]
DUSUN = "KRAJAN SUKAMULYA KARANGANYAR TEGALSARI SIDOREJO WONOSARI PONCOL GEMPOL NGEMPLAK".split()
PERUM = ["GRIYA ASRI", "BUMI INDAH", "PERMATA HIJAU", "TAMAN SARI", "CITRA RAYA", "PONDOK INDAH",
         "GRAHA PERMAI", "BUKIT GOLF", "VILLA MUTIARA"]
KEL = ("SUKAMAJU SUKAJADI MEKARSARI MEKARJAYA CIBADUYUT MARGAHAYU SUKARAME "
       "PANDANWANGI KARANGREJO TAMBAKSARI JATIMULYA SUMBERSARI PURWOREJO KEDUNGWARINGIN "
       "LOWOKWARU SIDOMULYO BANJARSARI PANGGUNGHARJO WIROBRAJAN KALIBATA").split()
KEL2 = ["KEBON JERUK", "CILANDAK BARAT", "PASIR GUNUNG SELATAN", "TANJUNG DUREN UTARA",
        "GUNUNG SARI", "TELUK DALAM", "KAMPUNG BARU", "RAWA BUAYA", "BATU AMPAR", "SUNGAI BAMBU",
        "PADANG BESI", "TANAH TINGGI", "BUKIT TINGGI", "PULO GADUNG"]
KEC = ("CIBINONG CILEUNGSI SUKASARI MENTENG TEBET KEMAYORAN SERPONG CIPUTAT "
       "LOWOKWARU KLOJEN GONDOKUSUMAN DEPOK KASIHAN BANGUNTAPAN UBUD SUKAJADI TAMALATE "
       "PANAKKUKANG WONOSARI PLAYEN BATURRADEN").split()
KEC2 = ["BOGOR TENGAH", "MEDAN KOTA", "MEDAN BARU", "DENPASAR SELATAN", "KUTA UTARA",
        "CIMAHI UTARA", "PURWOKERTO TIMUR", "PASAR MINGGU", "KEBAYORAN BARU", "JATI ASIH",
        "TANJUNG PRIOK", "BANDAR LAMPUNG", "KOTA BARU", "SEMARANG TENGAH", "TAMAN SARI"]
JOBS = ["PELAJAR/MAHASISWA"] * 4 + ["WIRASWASTA"] * 4 + ["MENGURUS RUMAH TANGGA"] * 4 + \
       ["KARYAWAN SWASTA"] * 4 + ["PETANI/PEKEBUN"] * 2 + [
    "PEGAWAI NEGERI SIPIL (PNS)", "PEGAWAI NEGERI SIPIL", "BURUH HARIAN LEPAS", "GURU", "PEDAGANG",
    "NELAYAN/PERIKANAN", "KARYAWAN BUMN", "TENTARA NASIONAL INDONESIA (TNI)", "KEPOLISIAN RI (POLRI)",
    "BELUM/TIDAK BEKERJA", "PENSIUNAN", "SOPIR", "PERAWAT", "DOSEN", "BIDAN", "TUKANG JAHIT",
    "KARYAWAN HONORER", "BURUH TANI/PERKEBUNAN", "PERANGKAT DESA", "TRANSPORTASI", "MEKANIK",
    "PEDAGANG", "BURUH HARIAN LEPAS", "KARYAWAN SWASTA"]
AGAMA_W = [("ISLAM", 70), ("KRISTEN", 10), ("KATOLIK", 6), ("HINDU", 6), ("BUDDHA", 3),
           ("BUDHA", 2), ("KONGHUCU", 1)]
EXTRA_BIRTHPLACES = ["JAKARTA", "SURABAYA", "BANDUNG", "MEDAN", "SEMARANG", "MAKASSAR", "PALEMBANG",
                     "YOGYAKARTA", "DENPASAR", "MALANG", "SOLO", "SURAKARTA", "PADANG", "PONTIANAK",
                     "TASIKMALAYA", "GARUT", "CIREBON", "KEDIRI", "JEMBER", "BANYUWANGI",
                     "BALIKPAPAN", "SAMARINDA", "MANADO", "AMBON", "JAYAPURA", "KUPANG", "MATARAM"]


def short_name(reg_name):
    for p in ("KABUPATEN ADM. ", "KOTA ADM. ", "KABUPATEN ", "KOTA "):
        if reg_name.startswith(p):
            return reg_name[len(p):]
    return reg_name


def wchoice(rng, pairs):
    vals = [p[0] for p in pairs]
    w = [p[1] for p in pairs]
    tot = float(sum(w))
    return vals[int(rng.choice(len(vals), p=[x / tot for x in w]))]


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def make_name(rng, female, bali):
    if bali:
        n = pick(rng, BALI_F if female else BALI_M) + " " + pick(rng, BALI_N)
        if rng.random() < 0.5:
            n += " " + pick(rng, BALI_N)
    else:
        first = FEMALE if female else MALE
        k = int(rng.choice([1, 2, 3], p=[0.25, 0.5, 0.25]))
        parts = [pick(rng, first)]
        for _ in range(k - 1):
            parts.append(pick(rng, LAST if rng.random() < 0.6 else first))
        n = " ".join(parts)
    r = rng.random()
    if r < 0.12:
        n += pick(rng, TITLES_POST)
    elif r < 0.18:
        n = pick(rng, TITLES_PRE_F if female else TITLES_PRE_M) + n
    return n


def make_address(rng):
    r = rng.random()
    if r < 0.45:
        s = "JL. " + pick(rng, STREET2 if rng.random() < 0.35 else STREETS)
        if rng.random() < 0.8:
            s += " NO. " + str(int(rng.integers(1, 200)))
            if rng.random() < 0.15:
                s += pick(rng, ["A", "B", "C"])
        if rng.random() < 0.15:
            s += " GG. " + pick(rng, ["MASJID", "H. ALI", "DAMAI", "SAWO", "II"])
    elif r < 0.6:
        s = "DUSUN " + pick(rng, DUSUN)
    elif r < 0.75:
        s = "PERUM %s BLOK %s%d/%d" % (pick(rng, PERUM), "ABCDEFGH"[int(rng.integers(8))],
                                        int(rng.integers(1, 15)), int(rng.integers(1, 40)))
    elif r < 0.87:
        s = "KP. " + pick(rng, DUSUN + KEL)
    elif r < 0.94:
        s = "GG. " + pick(rng, ["MAWAR", "MELATI", "KENANGA", "H. MAHMUD", "SAWO"]) + \
            " NO. " + str(int(rng.integers(1, 90)))
    else:
        s = "JL. " + pick(rng, STREET2) + " KM. " + str(int(rng.integers(2, 25))) + \
            " NO. " + str(int(rng.integers(1, 300)))
    return s


def fmt_date(d):
    return "%02d-%02d-%04d" % (d.day, d.month, d.year)


def make_identity(rng):
    prov, reg, reg_name = REGS[int(rng.integers(len(REGS)))]
    female = rng.random() < 0.5
    bali = prov == "51" and rng.random() < 0.8 or rng.random() < 0.04
    birth = dt.date(1945, 1, 1) + dt.timedelta(days=int(rng.integers(0, 365 * 62)))
    adult = dt.date(birth.year + 17, birth.month, min(birth.day, 28))
    start = max(adult, dt.date(2011, 6, 1))
    end = dt.date(2025, 6, 1)
    if start >= end:
        start = end - dt.timedelta(days=30)
    issue = start + dt.timedelta(days=int(rng.integers(0, (end - start).days)))
    if rng.random() < 0.78 or issue.year >= 2016:
        berlaku = "SEUMUR HIDUP"
    else:
        y = issue.year + 5
        d = birth.day if not (birth.month == 2 and birth.day == 29) else 28
        berlaku = fmt_date(dt.date(y, birth.month, d))
    dd = birth.day + (40 if female else 0)
    nik = "%s%s%02d%02d%02d%02d%04d" % (prov, reg[2:], int(rng.integers(1, 41)), dd, birth.month,
                                        birth.year % 100, int(rng.integers(1, 10000)))
    birthplace = short_name(pick(rng, REGS)[2]) if rng.random() < 0.45 else (
        short_name(reg_name) if rng.random() < 0.5 else pick(rng, EXTRA_BIRTHPLACES))
    age = (issue - birth).days / 365.25
    if age < 24 and rng.random() < 0.6:
        status = "BELUM KAWIN"
        job = "PELAJAR/MAHASISWA" if rng.random() < 0.6 else pick(rng, JOBS)
    else:
        status = wchoice(rng, [("KAWIN", 70), ("BELUM KAWIN", 12), ("CERAI HIDUP", 8),
                               ("CERAI MATI", 10)])
        job = pick(rng, JOBS)
        if job == "PELAJAR/MAHASISWA" and age > 30:
            job = "WIRASWASTA"
    if female and rng.random() < 0.25:
        job = "MENGURUS RUMAH TANGGA"
    if not female and job == "MENGURUS RUMAH TANGGA":
        job = "KARYAWAN SWASTA"
    agama = "HINDU" if prov == "51" and rng.random() < 0.8 else wchoice(rng, AGAMA_W)
    kel = pick(rng, KEL2) if rng.random() < 0.3 else pick(rng, KEL)
    kec = pick(rng, KEC2) if rng.random() < 0.3 else pick(rng, KEC)
    fields = {
        "nik": nik,
        "nama": make_name(rng, female, bali),
        "tempat_lahir": birthplace,
        "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": "PEREMPUAN" if female else "LAKI-LAKI",
        "golongan_darah": wchoice(rng, [("A", 20), ("B", 20), ("AB", 8), ("O", 27), ("-", 25)]),
        "alamat": make_address(rng),
        "rt_rw": "%03d/%03d" % (int(rng.integers(1, 25)), int(rng.integers(1, 20))),
        "kel_desa": kel,
        "kecamatan": kec,
        "agama": agama,
        "status_perkawinan": status,
        "pekerjaan": job,
        "kewarganegaraan": "WNI",
        "berlaku_hingga": berlaku,
        "provinsi": PROVS[prov],
        "kabupaten_kota": reg_name,
    }
    extra = {"issue_place": short_name(reg_name), "issue_date": fmt_date(issue),
             "birth_print": fmt_date(birth), "female": female}
    return fields, extra
