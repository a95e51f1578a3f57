"""One consistent identity: name, address, NIK and the other card fields."""

from .names_data import AGAMA, APOS, BALI_F, BALI_GIVEN, BALI_M, BATAK, BATAK_GIVEN, BIRTH_PLACES, CHINESE, CHINESE_GIVEN, ESTATES, GOLDAR, HAMLETS, INITIALS, JAVANESE, MUSLIM_F, PEKERJAAN, REGIONS, STATUS, STREETS, VILLAGES


def make_name(rng, female):
    r = rng.random()
    if r < 0.25:
        pool = [n for n in JAVANESE]
        name = rng.choice(pool)
        if rng.random() < 0.3:
            name += " " + rng.choice(["WATI", "NINGSIH", "HARYANTO", "SUSANTO", "RAHAYU", "PURNOMO"])
    elif r < 0.55:
        n = rng.randint(1, 4)
        words = rng.sample(MUSLIM_F, n)
        if rng.random() < 0.15:
            words[0] = rng.choice(APOS)
        if rng.random() < 0.15:
            words.insert(0, rng.choice(INITIALS))
        name = " ".join(words)
    elif r < 0.68:
        name = rng.choice(BATAK_GIVEN) + " " + rng.choice(BATAK)
        if rng.random() < 0.3:
            name = rng.choice(["DAVID", "MARIA", "PAULUS", "SARAH"]) + " " + name
    elif r < 0.78:
        name = rng.choice(BALI_F if female else BALI_M) + " " + rng.choice(BALI_GIVEN)
    elif r < 0.9:
        if rng.random() < 0.5:
            name = rng.choice(CHINESE_GIVEN) + " " + rng.choice(CHINESE)
        else:
            name = rng.choice(CHINESE) + " " + rng.choice(CHINESE_GIVEN)
    else:
        name = rng.choice(APOS) + (" " + rng.choice(MUSLIM_F) if rng.random() < 0.6 else "")
    while len(name) > 30:
        name = name.rsplit(" ", 1)[0]
    return name


def make_address(rng):
    r = rng.random()
    if r < 0.4:
        a = "JL. %s NO. %d" % (rng.choice(STREETS), rng.randint(1, 250))
        if rng.random() < 0.2:
            a += rng.choice(["A", "B", "C"])
    elif r < 0.55:
        a = "%s %s" % (rng.choice(["DSN.", "DUSUN"]), rng.choice(HAMLETS))
    elif r < 0.7:
        a = "PERUM %s BLOK %s%d NO. %d" % (rng.choice(ESTATES), rng.choice("ABCDEFGH"),
                                           rng.randint(1, 12), rng.randint(1, 40))
    elif r < 0.85:
        a = "GG. %s %s NO. %d" % (rng.choice(["MAWAR", "MELATI", "H. ABDULLAH", "MASJID", "BUNTU",
                                              "SAWO", "KELINCI"]),
                                  rng.choice(["", "II", "III", "IV"]), rng.randint(1, 90))
        a = " ".join(a.split())
    else:
        a = "JL. %s GG. %d NO. %d" % (rng.choice(STREETS), rng.randint(1, 9), rng.randint(1, 120))
    if rng.random() < 0.22:  # long address, will likely wrap
        a += " " + rng.choice(["DSN. " + rng.choice(HAMLETS), "KOMPLEK " + rng.choice(ESTATES),
                               "LINGKUNGAN " + rng.choice(HAMLETS), "BELAKANG PASAR " + rng.choice(HAMLETS)])
    return a


def make_fields(rng):
    reg = rng.choice(REGIONS)
    code, kab, pcode, prov, issue_place, districts = reg
    female = rng.random() < 0.5
    year = rng.randint(1945, 2006)
    month = rng.randint(1, 12)
    mdays = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    day = rng.randint(1, mdays)
    dd = day + (40 if female else 0)
    nik = "%s%02d%02d%02d%02d%04d" % (code, rng.randint(1, 30), dd, month, year % 100,
                                      rng.choice([rng.randint(1, 30), rng.randint(1, 3000)]))
    tempat = rng.choice(BIRTH_PLACES + [issue_place.replace("KAB. ", "").replace("KOTA ", "")] * 6)
    if tempat == "JAKARTA SELATAN" and rng.random() < 0.5:
        tempat = "JAKARTA"
    issue_year = rng.randint(max(2011, year + 17), 2024)
    if rng.random() < 0.8:
        berlaku = "SEUMUR HIDUP"
    else:
        by = rng.randint(2016, 2021)
        berlaku = "%02d-%02d-%04d" % (day if day <= 28 else 28, month, by)
        issue_year = min(issue_year, by - 5) if by - 5 >= max(2011, year + 17) else max(2011, year + 17)
    agama = rng.choice(AGAMA)
    age = 2024 - year
    if age < 22:
        pek = rng.choice(["PELAJAR/MAHASISWA"] * 4 + ["BELUM/TIDAK BEKERJA", "KARYAWAN SWASTA"])
        status = "BELUM KAWIN"
    else:
        pek = rng.choice(PEKERJAAN)
        status = rng.choice(STATUS)
        if pek == "PELAJAR/MAHASISWA" and age > 30:
            pek = "WIRASWASTA"
    if female and rng.random() < 0.3:
        pek = "MENGURUS RUMAH TANGGA"
    fields = {
        "nik": nik, "nama": make_name(rng, female), "tempat_lahir": tempat,
        "tanggal_lahir": "%04d-%02d-%02d" % (year, month, day),
        "jenis_kelamin": "PEREMPUAN" if female else "LAKI-LAKI",
        "golongan_darah": rng.choice(GOLDAR), "alamat": make_address(rng),
        "rt_rw": "%03d/%03d" % (rng.randint(1, 15), rng.randint(1, 12)),
        "kel_desa": rng.choice(VILLAGES), "kecamatan": rng.choice(districts),
        "agama": agama, "status_perkawinan": status, "pekerjaan": pek,
        "kewarganegaraan": "WNI" if rng.random() > 0.01 else "WNA",
        "berlaku_hingga": berlaku, "provinsi": prov, "kabupaten_kota": kab,
    }
    extra = {"issue_place": issue_place,
             "issue_date": "%02d-%02d-%04d" % (rng.randint(1, 28), rng.randint(1, 12), issue_year),
             "female": female}
    return fields, extra
