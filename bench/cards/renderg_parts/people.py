"""Indonesian names, addresses and the coherent field set of one card."""
import datetime as _dt
from .regions import REGIONS, PROV_WEIGHTS, OTHER_BIRTH_CITIES

# name pools: (male given, female given, family/second tokens)
POOLS = {
    "jawa": (["BUDI", "AGUS", "JOKO", "SLAMET", "BAMBANG", "HERU", "EKO", "DWI", "TRI",
              "SUTRISNO", "SUGIYANTO", "PURWANTO", "WAHYU", "TEGUH", "ARIF", "BAGUS",
              "SUPRIYADI", "YUDHA", "HARYANTO", "SUNARDI", "GALIH", "ANDRI"],
             ["SRI", "ENDANG", "TITIK", "SUMARNI", "RATNA", "INDAH", "PUJI", "DWI",
              "YULIANTI", "WULAN", "RINI", "ENDAH", "SUPARMI", "TUTIK", "DIAH", "AYU",
              "RETNO", "NINGSIH", "KARTIKA", "LARAS"],
             ["SANTOSO", "SUSANTO", "WAHYUDI", "HARTONO", "PRASETYO", "SETIAWAN",
              "NUGROHO", "WIDODO", "KUSUMA", "RAHAYU", "LESTARI", "WULANDARI", "ASTUTI",
              "MULYANI", "PRATAMA", "SAPUTRA", "SETYOWATI", "HANDAYANI", "PURNOMO",
              "KURNIAWATI", "SURYANINGSIH", "WIBOWO", "UTOMO", "SUSILO"]),
    "sunda": (["ASEP", "UJANG", "DEDE", "CECEP", "YAYAN", "DADANG", "ENCEP", "IWAN",
               "TATANG", "AAN", "ENTIS", "UDIN", "ACENG", "DEDI", "AGUNG", "RIDWAN"],
              ["NENG", "EUIS", "IIS", "DEDE", "ENOK", "IMAS", "ELIS", "YANTI", "NENI",
               "EUIS", "TETI", "LILIS", "RIKA", "SITI", "NUNUNG", "CUCU"],
              ["KOMARUDIN", "SUPRIATNA", "HIDAYAT", "RUHIYAT", "NURHAYATI", "KURNIAWAN",
               "SOBARI", "ROHMAT", "SUNANDAR", "SURYANA", "HERMAWAN", "MULYANA",
               "ROSMAYANTI", "SUMIATI", "NURJANAH", "PERMANA", "GUNAWAN", "SAEPUDIN"]),
    "muslim": (["MUHAMMAD", "AHMAD", "ABDUL", "ZAINAL", "KHAIRUL", "ANWAR", "HASAN",
                "HUSEIN", "IBRAHIM", "RIZKY", "FAUZI", "SYAHRIL", "MA'RUF", "MU'MIN",
                "NUR", "ABDULLAH", "FAHMI", "HAFIZ", "ILHAM", "LUTFI", "HAMZAH"],
               ["SITI", "FATIMAH", "AISYAH", "NUR'AINI", "NURUL", "ULFA", "LAILATUL",
                "QOMARIYAH", "SA'ADAH", "ROFI'AH", "ZAHRA", "KHOIRUNNISA", "NAFISAH",
                "HALIMAH", "MAR'ATUS", "ANNISA", "SALSABILA", "FITRIA"],
               ["RAHMAN", "ARIFIN", "HIDAYATULLAH", "HUDA", "ROHMAN", "SHOLEH",
                "MAULANA", "AZIZ", "HAKIM", "FIRDAUS", "SHOLIHAH", "KHASANAH",
                "MUNAWAROH", "ZAKARIA", "AL-FARISI", "NUR'AINI", "SHOLICHAH", "HABIBI"]),
    "batak": (["ROY", "JOHANNES", "HOTMAN", "MARULI", "RUSLAN", "BONAR", "PARULIAN",
               "TUMPAL", "DANIEL", "ROBERT", "SAHAT", "POLTAK"],
              ["MARTHA", "TIURMA", "DORIS", "SARAH", "ROSMA", "LAMRIA", "DUMARIA",
               "HOTMA", "REGINA", "NURSITA", "ROSDIANA", "MONIKA"],
              ["SITUMORANG", "SIMANJUNTAK", "NAPITUPULU", "HUTAPEA", "SIREGAR",
               "NASUTION", "HARAHAP", "LUBIS", "SINAGA", "PANJAITAN", "TAMPUBOLON",
               "SIHOMBING", "MANURUNG", "PARDEDE", "SIMATUPANG", "BR. SIREGAR"]),
    "bugis": (["ANDI", "MUH.", "ABD.", "BASO", "SYAMSUDDIN", "MUSTARI", "ASWAR", "ARMAN",
               "RISWAN", "SUDIRMAN", "AMIRUDDIN", "IRWAN", "LA ODE", "DAENG"],
              ["ANDI", "HASNAH", "HARIANI", "RAHMAWATI", "SUKMAWATI", "NURHAEDAH",
               "SITTI", "HASMAWATI", "ST.", "MUSDALIFAH", "NURHAYATI", "RISNAWATI"],
              ["SYAMSUDDIN", "MAPPANGARA", "RAHIM", "TAHIR", "LATIF", "HAMID",
               "MALLARANGENG", "PATAWARI", "DAENG NGALLE", "JUFRI", "KADIR", "BASRI"]),
    "bali": (["I WAYAN", "I MADE", "I NYOMAN", "I KETUT", "I GEDE", "I PUTU",
              "I KADEK", "I KOMANG", "I GUSTI NGURAH", "ANAK AGUNG GEDE"],
             ["NI WAYAN", "NI MADE", "NI NYOMAN", "NI KETUT", "NI LUH", "NI PUTU",
              "NI KADEK", "NI KOMANG", "I GUSTI AYU", "ANAK AGUNG ISTRI"],
             ["SUARDANA", "SUDARMA", "ARIASA", "ADNYANI", "SRIASIH", "WIRAWAN",
              "ARTAWAN", "SUWITRI", "PUSPAWATI", "MAHENDRA", "DARMAYASA", "SUKERTI",
              "ASTAWA", "WIDIASTUTI", "SUPARTA", "SUARTINI"]),
    "minang": (["ZULKIFLI", "AFRIZAL", "ERMAN", "HENDRI", "YUSRIZAL", "DODI", "FERDI",
                "RIKO", "BUYUNG", "JUNAIDI", "SYAFRIL", "ADRIAN"],
               ["FITRIANI", "YENI", "DESMAWATI", "RAHMI", "ELFIRA", "YUSNIDAR",
                "WIDYA", "SRI", "NOFRIDA", "YULNITA", "MELATI", "REZKI"],
               ["PUTRA", "EFENDI", "SYAHPUTRA", "YUSUF", "RAHMAT", "ANDESWARI",
                "AMRI", "FITRI", "NOVRIANTI", "HASNUL", "ZAINI", "SUTAN"]),
    "tionghoa": (["HENDRA", "TAN", "LIM", "BUDI", "WILLIAM", "KEVIN", "GUNAWAN",
                  "HARTANTO", "SUGIANTO", "JONATHAN", "FELIX", "ANDREAS"],
                 ["SUSANTI", "LINDAWATI", "MEILINDA", "YENNY", "LIANA", "SHINTA",
                  "VIVIAN", "LILY", "NATALIA", "FELICIA", "MELISA", "JESSICA"],
                 ["WIJAYA", "HALIM", "SANTOSO", "TANOTO", "SALIM", "KUSNADI", "TANUWIJAYA",
                  "SIU LIE", "LIEM", "GUNAWAN", "HARTONO", "SETIADI", "CHANDRA"]),
    "timur": (["YOHANES", "AGUSTINUS", "FRANSISKUS", "YOSEPH", "STEVEN", "VICKY",
               "MARKUS", "PETRUS", "YULIUS", "MIKAEL", "ALFONSUS", "SEMUEL"],
              ["MARIA", "KRISTINA", "FEIBY", "JEANE", "MARGARETHA", "YOSEFINA",
               "ELISABETH", "AGUSTINA", "MERRY", "DEBORA", "VERONIKA", "NOVITA"],
              ["WAMBRAUW", "KOGOYA", "RUMBIAK", "NDUN", "LAKE", "BANI", "RUNTUWENE",
               "WAROUW", "SUMAMPOW", "LUMINTANG", "TAMBUWUN", "DA SILVA", "KOLO",
               "FERNANDEZ", "TEFA", "MANEK", "DJAMI", "PELLO"]),
}

PROV_POOLS = {"11": ["muslim", "minang"], "12": ["batak", "muslim", "tionghoa"],
              "13": ["minang", "muslim"], "14": ["minang", "muslim", "batak"],
              "16": ["muslim", "jawa"], "18": ["jawa", "muslim", "sunda"],
              "31": ["jawa", "sunda", "muslim", "tionghoa", "batak"],
              "32": ["sunda", "muslim", "jawa"], "33": ["jawa", "muslim"],
              "34": ["jawa", "muslim"], "35": ["jawa", "muslim"],
              "36": ["sunda", "muslim", "jawa", "tionghoa"], "51": ["bali"],
              "52": ["muslim", "bali"], "53": ["timur"], "61": ["tionghoa", "muslim"],
              "64": ["jawa", "bugis", "muslim"], "71": ["timur"],
              "73": ["bugis", "muslim"], "94": ["timur"]}

STREETS = ["MERDEKA", "SUDIRMAN", "DIPONEGORO", "GATOT SUBROTO", "AHMAD YANI",
           "H. AGUS SALIM", "PEMUDA", "PAHLAWAN", "KARTINI", "SISINGAMANGARAJA",
           "CUT NYAK DIEN", "IMAM BONJOL", "PANGERAN ANTASARI", "RAYA BOGOR",
           "KH. HASYIM ASY'ARI", "SULTAN HASANUDDIN", "MELATI", "MAWAR", "KENANGA",
           "SETIABUDI", "CEMPAKA PUTIH", "MANGGA DUA", "TERUSAN JAKARTA", "VETERAN",
           "DR. WAHIDIN", "SOEKARNO-HATTA", "URIP SUMOHARJO", "PERINTIS KEMERDEKAAN"]
HOUSING = ["GRIYA ASRI", "BUMI INDAH", "TAMAN SARI", "PERMATA HIJAU", "CITRA RAYA",
           "VILLA MUTIARA", "BUKIT NUSA INDAH", "PONDOK PERMAI", "GRAHA PERMATA",
           "TAMAN CIPTA", "BTN ANTARA", "BUMI TAMALANREA PERMAI"]
VILLAGES = ["KRAJAN", "SUKOREJO", "KARANGANYAR", "NGEMPLAK", "SIDOMULYO", "TEGALREJO",
            "CIBOGO", "CIKADU", "BABAKAN", "SUKAMAJU", "BANJAR KAJA", "LAMBARO",
            "SUMBERSARI", "MEKARJAYA", "WONOSARI", "KEBONAGUNG", "PANDANWANGI"]

RELIGION_BY_POOL = {"bali": [("HINDU", 95), ("ISLAM", 3), ("KRISTEN", 2)],
                    "batak": [("KRISTEN", 60), ("ISLAM", 30), ("KATOLIK", 10)],
                    "timur": [("KRISTEN", 55), ("KATOLIK", 40), ("ISLAM", 5)],
                    "tionghoa": [("BUDHA", 35), ("KRISTEN", 30), ("KATOLIK", 20),
                                 ("KONGHUCU", 10), ("ISLAM", 5)]}
JOBS = [("KARYAWAN SWASTA", 16), ("WIRASWASTA", 14), ("MENGURUS RUMAH TANGGA", 12),
        ("PELAJAR/MAHASISWA", 12), ("PETANI/PEKEBUN", 8), ("BURUH HARIAN LEPAS", 6),
        ("PEGAWAI NEGERI SIPIL (PNS)", 5), ("BELUM/TIDAK BEKERJA", 6), ("PEDAGANG", 4),
        ("GURU", 3), ("NELAYAN/PERIKANAN", 2), ("PENSIUNAN", 2),
        ("TENTARA NASIONAL INDONESIA (TNI)", 1), ("KEPOLISIAN RI (POLRI)", 1),
        ("KARYAWAN BUMN", 2), ("SOPIR", 1), ("PERAWAT", 1), ("DOSEN", 1),
        ("BURUH TANI/PERKEBUNAN", 2), ("TUKANG BATU", 1), ("KARYAWAN HONORER", 1)]


def wchoice(rng, pairs):
    tot = sum(w for _, w in pairs)
    r = rng.random() * tot
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


def pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def make_name(rng, pool, female):
    males, females, fams = POOLS[pool]
    given = pick(rng, females if female else males)
    nwords = wchoice(rng, [(1, 10), (2, 45), (3, 35), (4, 10)])
    parts = [given]
    if pool == "bali":
        parts.append(pick(rng, fams))
        if nwords >= 3 and len(" ".join(parts).split()) < 4:
            parts.insert(1, pick(rng, ["AYU", "GEDE", "PUTRA", "SRI", "DEWI", "ADI"]))
    else:
        extra = fams + (females if female else males)
        while len(" ".join(parts).split()) < nwords:
            w = pick(rng, extra)
            if w not in parts:
                parts.append(w)
    words = " ".join(parts).split()[:4]
    if pool in ("muslim", "bugis", "jawa", "sunda") and not female and rng.random() < 0.12:
        words[0] = pick(rng, ["M.", "MUH.", "MOH.", "MOCH.", "MUHAMAD"])
        if len(words) == 1:
            words.append(pick(rng, fams))
    if rng.random() < 0.04 and len(words) < 4:
        words.insert(0, "H." if not female else "HJ.")
    return " ".join(words[:4])


def make_address(rng, pool, prov):
    k = rng.random()
    if k < 0.38:
        no = str(int(rng.integers(1, 250))) + (pick(rng, ["A", "B", ""]) if rng.random() < 0.2 else "")
        return "JL. %s NO. %s" % (pick(rng, STREETS), no)
    if k < 0.5:
        return "%s %s" % (pick(rng, ["DUSUN", "DSN.", "KP.", "KAMPUNG"]), pick(rng, VILLAGES))
    if k < 0.66:
        blk = "%s%s-%d" % (pick(rng, "ABCDEFGH"), pick(rng, ["", "1", "2"]), int(rng.integers(1, 30)))
        return "%s %s BLOK %s" % (pick(rng, ["PERUM", "KOMP.", "PERUMAHAN"]), pick(rng, HOUSING), blk)
    if k < 0.78:
        return "GG. %s%s NO. %d" % (pick(rng, ["MAWAR", "MELATI", "H. NAIM", "SAWO", "MASJID"]),
                                    pick(rng, ["", " II", " III", " IV"]), int(rng.integers(1, 90)))
    if k < 0.86 and prov == "51":
        return "BR. %s" % pick(rng, ["BANJAR KAJA", "DAUH PURI", "TEGAL", "PANTI"])
    if k < 0.9 and prov in ("12", "13", "14", "16"):
        return "LR. %s NO. %d" % (pick(rng, ["PERINTIS", "SEPAKAT", "BERSAMA"]), int(rng.integers(1, 60)))
    if k < 0.95:
        return "JL. RAYA %s KM. %d" % (pick(rng, ["BOGOR", "SERANG", "SOLO", "MALANG", "KALIURANG"]),
                                       int(rng.integers(2, 40)))
    return "JL. %s GG. %s NO. %d" % (pick(rng, STREETS), pick(rng, ["I", "II", "3", "5", "BUNTU"]),
                                     int(rng.integers(1, 50)))


def _date(rng, y0, y1):
    d0 = _dt.date(y0, 1, 1).toordinal()
    d1 = _dt.date(y1, 12, 31).toordinal()
    return _dt.date.fromordinal(int(rng.integers(d0, d1 + 1)))


def make_person(rng):
    """Returns (fields, extra) where extra holds printed-but-not-truth items."""
    provs = list(PROV_WEIGHTS)
    pc = wchoice(rng, [(p, PROV_WEIGHTS[p]) for p in provs])
    pname, regs = REGIONS[pc]
    rc = pick(rng, sorted(regs))
    kabname, birthcity, kecs = regs[rc]
    ki = int(rng.integers(len(kecs)))
    kec, kels = kecs[ki]
    kel = pick(rng, kels)
    kec_code = "%02d" % (ki * int(rng.integers(1, 4)) + 1 + (ki % 3) * 2)
    pool = pick(rng, PROV_POOLS[pc])
    female = rng.random() < 0.5
    birth = _date(rng, 1943, 2008)
    dd = birth.day + (40 if female else 0)
    serial = int(rng.integers(1, 3000)) if rng.random() < 0.9 else int(rng.integers(1, 10000))
    nik = "%s%s%s%02d%02d%02d%04d" % (pc, rc, kec_code, dd, birth.month, birth.year % 100, serial)
    tempat = birthcity if rng.random() < 0.6 else pick(rng, OTHER_BIRTH_CITIES)
    religion = wchoice(rng, RELIGION_BY_POOL.get(pool, [("ISLAM", 90), ("KRISTEN", 6), ("KATOLIK", 3), ("HINDU", 1)]))
    age = 2025 - birth.year
    if age < 20:
        status = wchoice(rng, [("BELUM KAWIN", 95), ("KAWIN", 5)])
    elif age < 30:
        status = wchoice(rng, [("BELUM KAWIN", 50), ("KAWIN", 47), ("CERAI HIDUP", 3)])
    else:
        status = wchoice(rng, [("KAWIN", 78), ("BELUM KAWIN", 6), ("CERAI HIDUP", 7), ("CERAI MATI", 9)])
    job = wchoice(rng, JOBS)
    while job == "PELAJAR/MAHASISWA" and age > 27:
        job = wchoice(rng, JOBS)
    if age < 23 and rng.random() < 0.7:
        job = "PELAJAR/MAHASISWA"
    if job == "MENGURUS RUMAH TANGGA" and not female and rng.random() < 0.8:
        job = "WIRASWASTA"
    if age > 62 and rng.random() < 0.4:
        job = "PENSIUNAN"
    gol = wchoice(rng, [("-", 45), ("O", 19), ("A", 14), ("B", 16), ("AB", 6)])
    if rng.random() < 0.8:
        issue = _date(rng, max(2012, birth.year + 17), 2025)
        berlaku = "SEUMUR HIDUP"
    else:
        issue = _date(rng, max(2011, min(birth.year + 17, 2015)), 2015)
        try:
            exp = birth.replace(year=issue.year + 5)
        except ValueError:
            exp = _dt.date(issue.year + 5, 3, 1)
        berlaku = exp.strftime("%d-%m-%Y")
    fields = {
        "nik": nik,
        "nama": make_name(rng, pool, female),
        "tempat_lahir": tempat,
        "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": "PEREMPUAN" if female else "LAKI-LAKI",
        "golongan_darah": gol,
        "alamat": make_address(rng, pool, pc),
        "rt_rw": "%03d/%03d" % (int(rng.integers(1, 20)), int(rng.integers(1, 25))),
        "kel_desa": kel,
        "kecamatan": kec,
        "agama": religion,
        "status_perkawinan": status,
        "pekerjaan": job,
        "kewarganegaraan": "WNI",
        "berlaku_hingga": berlaku,
        "provinsi": pname,
        "kabupaten_kota": kabname,
    }
    place = kabname.replace("KABUPATEN ", "").replace("KOTA ", "")
    extra = {"issue_place": place, "issue_date": issue.strftime("%d-%m-%Y"),
             "birth_dmy": birth.strftime("%d-%m-%Y"), "female": female,
             "photo_red": birth.year % 2 == 1}
    return fields, extra
