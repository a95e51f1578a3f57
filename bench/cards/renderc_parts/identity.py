"""One consistent identity: name, address, NIK and the other card fields."""

from .names_data import AGAMA, APOS_F, APOS_M, BALI_F, BALI_M, BALI_N, BATAK, BIRTH_PLACES, BRIEF_CODES, CHINESE, CHR_F, CHR_M, CH_GIVEN, CH_INDO_F, CH_INDO_M, F_FIRST, F_LAST, JAV_F, JAV_M, KEL_DESA, M_FIRST, M_LAST, PEKERJAAN, PLACES, PROVINCES, REGIONS, STATUS, STREETS


def gen_name(rng, male):
    t = rng.random()
    if t < 0.35:
        if male:
            parts = [rng.choice(M_FIRST)]
            for _ in range(rng.choice([0, 1, 1, 2])):
                parts.append(rng.choice(M_LAST if rng.random() < 0.7 else M_FIRST))
        else:
            parts = [rng.choice(F_FIRST)]
            for _ in range(rng.choice([0, 1, 1, 2])):
                parts.append(rng.choice(F_LAST if rng.random() < 0.7 else F_FIRST))
        if len(parts) == 1:
            parts.append(rng.choice(M_LAST if male else F_LAST))
        name = " ".join(parts)
    elif t < 0.50:
        name = rng.choice(JAV_M if male else JAV_F)
    elif t < 0.58:
        name = "MUHAMMAD " + rng.choice(["RIZKY", "FAJAR", "ALIF", "IKHSAN", "HAFIZ", "ZAKI"]) + " " + \
            rng.choice(["FAUZAN", "RAMADHAN", "PRATAMA", "MAULANA", "AL FARIZI"]) if male else \
            rng.choice(F_FIRST) + " " + rng.choice(F_LAST) + " " + rng.choice(F_LAST)
    elif t < 0.68:
        name = rng.choice(CHR_M if male else CHR_F) + " " + rng.choice(BATAK)
        if rng.random() < 0.3:
            name = rng.choice(CHR_M if male else CHR_F) + " " + name
    elif t < 0.76:
        name = rng.choice(BALI_M if male else BALI_F) + " " + rng.choice(BALI_N)
    elif t < 0.86:
        if rng.random() < 0.35:
            name = rng.choice(CHINESE) + " " + rng.choice(CH_GIVEN)
        else:
            name = rng.choice(CH_INDO_M if male else CH_INDO_F)
    else:
        name = rng.choice(APOS_M if male else APOS_F)
    return name[:30].strip()


def gen_address(rng):
    t = rng.random()
    if t < 0.40:
        a = "JL. %s NO. %d" % (rng.choice(STREETS), rng.randint(1, 150))
        if rng.random() < 0.2:
            a += rng.choice(["A", "B", "C"])
    elif t < 0.55:
        a = "DSN. %s" % rng.choice(PLACES)
    elif t < 0.65:
        a = "DUSUN %s" % rng.choice(PLACES)
    elif t < 0.78:
        a = "PERUM %s BLOK %s%d NO. %d" % (rng.choice(PLACES), rng.choice("ABCDEFGH"), rng.randint(1, 12),
                                             rng.randint(1, 40))
    elif t < 0.90:
        a = "GG. %s NO. %d" % (rng.choice(STREETS), rng.randint(1, 80))
    else:
        a = "JL. %s GG. %s NO. %d" % (rng.choice(STREETS), rng.choice(["I", "II", "III", "IV", "V"]),
                                        rng.randint(1, 60))
    return a


def gen_fields(rng):
    code = rng.choice(BRIEF_CODES) if rng.random() < 0.65 else rng.choice(list(REGIONS))
    kabkota, issue_place, kecs = REGIONS[code]
    prov = PROVINCES[code[:2]]
    male = rng.random() < 0.5
    year = rng.randint(1945, 2006)
    month = rng.randint(1, 12)
    mdays = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    day = rng.randint(1, mdays)
    dd = day + (0 if male else 40)
    nik = "%s%02d%02d%02d%02d%04d" % (code, rng.randint(1, 30), dd, month, year % 100,
                                      rng.choice([rng.randint(1, 20), rng.randint(1, 3000)]))
    if rng.random() < 0.55:
        # born in the card's own city / regency
        tl = kabkota.replace("KABUPATEN ", "").replace("KOTA ADM. ", "").replace("KOTA ", "")
        if tl == "JAKARTA SELATAN" and rng.random() < 0.6:
            tl = "JAKARTA"
    else:
        tl = rng.choice(BIRTH_PLACES)
    issue_year = rng.randint(max(2012, year + 17), 2024)
    if rng.random() < 0.85:
        berlaku = "SEUMUR HIDUP"
    else:
        berlaku = "%02d-%02d-%04d" % (day, month, rng.randint(2016, 2019))
    age = 2024 - year
    if age < 23 and rng.random() < 0.6:
        pek = "PELAJAR/MAHASISWA"
    elif age > 60 and rng.random() < 0.3:
        pek = "PENSIUNAN"
    elif not male and rng.random() < 0.3:
        pek = "MENGURUS RUMAH TANGGA"
    else:
        pek = rng.choice(PEKERJAAN)
        if pek == "PELAJAR/MAHASISWA" and age > 30:
            pek = "WIRASWASTA"
    f = {
        "nik": nik, "nama": gen_name(rng, male), "tempat_lahir": tl,
        "tanggal_lahir": "%04d-%02d-%02d" % (year, month, day),
        "jenis_kelamin": "LAKI-LAKI" if male else "PEREMPUAN",
        "golongan_darah": rng.choice(["A", "B", "AB", "O", "-", "-", "O", "A", "B"]),
        "alamat": gen_address(rng),
        "rt_rw": "%03d/%03d" % (rng.randint(1, 25), rng.randint(1, 15)),
        "kel_desa": rng.choice(KEL_DESA), "kecamatan": rng.choice(kecs),
        "agama": rng.choice(AGAMA),
        "status_perkawinan": "BELUM KAWIN" if age < 22 else rng.choice(STATUS),
        "pekerjaan": pek,
        "kewarganegaraan": "WNI" if rng.random() < 0.985 else "WNA",
        "berlaku_hingga": berlaku, "provinsi": prov, "kabupaten_kota": kabkota,
    }
    extra = {"issue_place": issue_place,
             "issue_date": "%02d-%02d-%04d" % (rng.randint(1, 28), rng.randint(1, 12), issue_year),
             "male": male}
    return f, extra
