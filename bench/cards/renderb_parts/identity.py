"""One consistent identity: name by origin and sex, address, NIK and the other card fields."""

from .names_data import ABBREV_M, APOS_F, APOS_M, BALI_F, BALI_F_PRE, BALI_M, BALI_M_PRE, CHN_F, CHN_LAST, CHN_M, CHN_OLD_F, CHN_OLD_M, CLANS_CHR, CLANS_MUS, DUSUN, EAST_F, EAST_LAST, EAST_M, F_BATAK, F_FIRST, F_JAVA, F_SUNDA, JOBS_ADULT, KELURAHAN, M_BATAK, M_FIRST, M_JAVA, M_SUNDA, OTHER_TOWNS, PERUM, REGIONS, STREETS, SUNDA_LAST


def make_name(r, male, origin):
    if origin == "java_single":
        return r.choice(M_JAVA if male else F_JAVA)
    if origin == "sunda":
        first = r.choice(M_SUNDA if male else F_SUNDA)
        return first if r.random() < 0.3 else first + " " + r.choice(SUNDA_LAST)
    if origin == "batak":
        muslim = r.random() < 0.35
        clan = r.choice(CLANS_MUS if muslim else CLANS_CHR)
        if clan.startswith("BR.") and male:
            clan = clan[4:]
        given = r.choice(M_BATAK if male else F_BATAK) if not muslim else \
            r.choice(M_FIRST if male else F_FIRST)
        if not male and r.random() < 0.4 and not clan.startswith("BR."):
            clan = "BR. " + clan
        return given + " " + clan, ("ISLAM" if muslim else r.choice(["KRISTEN", "KRISTEN", "KATOLIK"]))
    if origin == "bali":
        pre = r.choice(BALI_M_PRE if male else BALI_F_PRE)
        return pre + " " + r.choice(BALI_M if male else BALI_F)
    if origin == "chinese":
        if r.random() < 0.2:
            return r.choice(CHN_OLD_M if male else CHN_OLD_F)
        return r.choice(CHN_M if male else CHN_F) + " " + r.choice(CHN_LAST)
    if origin == "east":
        n = r.choice(EAST_M if male else EAST_F)
        return n + " " + r.choice(EAST_LAST)
    # muslim / general names
    k = r.choices([1, 2, 3, 4], [0.15, 0.45, 0.32, 0.08])[0]
    pool = M_FIRST if male else F_FIRST
    words = []
    if male and r.random() < 0.12:
        words.append(r.choice(ABBREV_M))
        k = max(1, k - 1)
    for _ in range(k):
        if r.random() < 0.06:
            w = r.choice(APOS_M if male else APOS_F)
        else:
            w = r.choice(pool)
        if w not in words:
            words.append(w)
    name = " ".join(words)
    while len(name) > 30:
        words = words[:-1]
        name = " ".join(words)
    return name


def make_address(r, origin, want_long):
    st = r.choice(STREETS)
    forms = [
        lambda: "JL. %s NO. %d" % (st, r.randint(1, 150)),
        lambda: "JL. %s NO. %d%s" % (st, r.randint(1, 99), r.choice("ABCD")),
        lambda: "JL. %s GG. %s NO. %d" % (st, r.choice(["I", "II", "III", "IV", "V", "VI", "7", "12"]),
                                           r.randint(1, 80)),
        lambda: "GG. %s NO. %d" % (r.choice(STREETS), r.randint(1, 60)),
        lambda: "DSN. %s" % r.choice(DUSUN),
        lambda: "DUSUN %s" % r.choice(DUSUN),
        lambda: "PERUM %s BLOK %s%d NO. %d" % (r.choice(PERUM), r.choice("ABCDEFGHK"), r.randint(1, 12),
                                               r.randint(1, 40)),
        lambda: "KOMP. %s BLOK %s NO. %d" % (r.choice(PERUM), r.choice("ABCDEF"), r.randint(1, 40)),
        lambda: "JL. %s KM. %d" % (st, r.randint(2, 25)),
        lambda: r.choice(DUSUN),
    ]
    weights = [5, 1.5, 2, 1.5, 2, 1.5, 1.5, 1, 0.7, 1]
    if origin == "bali" and r.random() < 0.5:
        return "BR. %s" % r.choice(["DINAS KAJA", "TENGAH", "KELOD", "ANYAR", "PEKANDELAN", "SADING"]) \
            if r.random() < 0.5 else "JL. %s NO. %d" % (st, r.randint(1, 120))
    for _ in range(30):
        a = r.choices(forms, weights)[0]()
        if want_long and len(a) < 26:
            continue
        if not want_long and len(a) > 34:
            continue
        return a
    return "JL. %s GG. %s NO. %d BLOK %s" % (st, r.choice(["II", "III", "V"]), r.randint(1, 80), r.choice("ABC"))


def make_fields(r):
    reg = r.choice(REGIONS)
    code, prov, kabkota, place, kecs = reg
    male = r.random() < 0.5
    # birth
    year = r.choices([r.randint(1945, 1965), r.randint(1966, 1990), r.randint(1991, 2006)], [0.2, 0.5, 0.3])[0]
    month = r.randint(1, 12)
    mdays = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28, 31, 30, 31, 30,
             31, 31, 30, 31, 30, 31][month - 1]
    day = r.randint(1, mdays)
    # origin by province
    if prov == "BALI":
        origin = r.choices(["bali", "muslim", "java_single"], [0.8, 0.15, 0.05])[0]
    elif prov in ("SUMATERA UTARA",):
        origin = r.choices(["batak", "muslim", "chinese"], [0.55, 0.35, 0.1])[0]
    elif prov in ("NUSA TENGGARA TIMUR", "MALUKU", "PAPUA", "SULAWESI UTARA"):
        origin = r.choices(["east", "muslim"], [0.75, 0.25])[0]
    elif prov == "JAWA BARAT" or prov == "BANTEN":
        origin = r.choices(["sunda", "muslim", "java_single", "chinese", "batak"], [0.4, 0.45, 0.05, 0.06, 0.04])[0]
    elif prov in ("JAWA TIMUR", "JAWA TENGAH", "DI YOGYAKARTA"):
        origin = r.choices(["java_single", "muslim", "chinese", "batak", "bali"], [0.3, 0.58, 0.07, 0.03, 0.02])[0]
    elif prov == "KALIMANTAN BARAT":
        origin = r.choices(["muslim", "chinese", "east"], [0.6, 0.3, 0.1])[0]
    else:
        origin = r.choices(["muslim", "chinese", "batak", "java_single", "east"], [0.7, 0.1, 0.07, 0.08, 0.05])[0]
    if origin == "java_single" and year > 1985 and r.random() < 0.7:
        origin = "muslim"
    nm = make_name(r, male, origin)
    religion = None
    if isinstance(nm, tuple):
        nm, religion = nm
    if religion is None:
        religion = {"bali": "HINDU",
                    "chinese": r.choices(["BUDHA", "KRISTEN", "KATOLIK", "KONGHUCU"], [0.4, 0.3, 0.2, 0.1])[0],
                    "east": r.choices(["KRISTEN", "KATOLIK"], [0.6, 0.4])[0]}.get(origin, "ISLAM")
        if origin in ("java_single",) and r.random() < 0.08:
            religion = r.choice(["KRISTEN", "KATOLIK"])
    if r.random() < 0.015:
        religion = "KEPERCAYAAN TERHADAP TUHAN YME"
    dd = day + (0 if male else 40)
    district = r.randint(1, 30)
    serial = int(r.choices([r.randint(1, 40), r.randint(41, 999), r.randint(1000, 9999)], [0.6, 0.3, 0.1])[0])
    nik = "%s%02d%02d%02d%02d%04d" % (code, district, dd, month, year % 100, serial)
    assert len(nik) == 16
    # place of birth
    if r.random() < 0.55:
        tempat = place
    else:
        tempat = r.choice(OTHER_TOWNS)
    # issue date
    iy_lo = max(2011, year + 17)
    iy = r.randint(iy_lo, max(iy_lo, 2024))
    im = r.randint(1, 12)
    idd = r.randint(1, 28)
    age = 2024 - year
    if age < 24 and r.random() < 0.7:
        job = "PELAJAR/MAHASISWA"
    elif age > 58 and r.random() < 0.4:
        job = "PENSIUNAN"
    elif not male and r.random() < 0.35:
        job = "MENGURUS RUMAH TANGGA"
    else:
        job = r.choice(JOBS_ADULT)
    if age < 22:
        status = "BELUM KAWIN" if r.random() < 0.85 else "KAWIN"
    elif age < 30:
        status = r.choices(["BELUM KAWIN", "KAWIN", "CERAI HIDUP"], [0.5, 0.47, 0.03])[0]
    else:
        status = r.choices(["KAWIN", "BELUM KAWIN", "CERAI HIDUP", "CERAI MATI"],
                           [0.78, 0.06, 0.06, 0.10 if age > 50 else 0.03])[0]
    if r.random() < 0.14 and iy <= 2016:
        by = iy + 5
        bd = min(day, 28) if month == 2 else day
        berlaku = "%02d-%02d-%04d" % (bd, month, by)
    else:
        berlaku = "SEUMUR HIDUP"
    fields = {
        "nik": nik, "nama": nm, "tempat_lahir": tempat,
        "tanggal_lahir": "%04d-%02d-%02d" % (year, month, day),
        "jenis_kelamin": "LAKI-LAKI" if male else "PEREMPUAN",
        "golongan_darah": r.choices(["A", "B", "AB", "O", "-"], [0.2, 0.22, 0.06, 0.3, 0.22])[0],
        "alamat": None,
        "rt_rw": "%03d/%03d" % (r.randint(1, 15), r.randint(1, 12)),
        "kel_desa": r.choice(KELURAHAN),
        "kecamatan": r.choice(kecs),
        "agama": religion,
        "status_perkawinan": status,
        "pekerjaan": job,
        "kewarganegaraan": "WNI" if r.random() < 0.995 else "WNA",
        "berlaku_hingga": berlaku,
        "provinsi": prov,
        "kabupaten_kota": kabkota,
    }
    extra = {
        "origin": origin, "male": male, "issue_place": None,
        "issue_date": "%02d-%02d-%04d" % (idd, im, iy),
    }
    if kabkota.startswith("KABUPATEN"):
        extra["issue_place"] = r.choice(["KAB. " + place, place, kabkota])
    elif kabkota.startswith("KOTA ADM."):
        extra["issue_place"] = kabkota[len("KOTA ADM. "):]
    else:
        extra["issue_place"] = r.choice([kabkota, place])
    return fields, extra
