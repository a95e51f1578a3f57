"""One consistent identity: address, job, NIK and the other card fields."""

import datetime as dt

from .regions import BIRTH_PLACES, REGIONS
from .names import BATAK_MARGA, CHINESE_F, CHINESE_M, make_name


STREETS = ["MERDEKA", "SUDIRMAN", "JENDERAL SUDIRMAN", "DIPONEGORO", "GATOT SUBROTO", "AHMAD YANI",
           "KH. AHMAD DAHLAN", "IMAM BONJOL", "PAHLAWAN", "CENDRAWASIH", "MELATI", "MAWAR", "KENANGA",
           "ANGGREK", "SETIABUDI", "RAYA BOGOR", "CIKUTRA", "SISINGAMANGARAJA", "PEMUDA", "HAYAM WURUK",
           "GAJAH MADA", "PANGERAN ANTASARI", "MT. HARYONO", "DR. SOETOMO", "KARTINI", "TERUSAN JAKARTA",
           "H. AGUS SALIM", "TEUKU UMAR", "SULTAN AGUNG", "KALIURANG KM. 7", "KAPTEN MUSLIM", "PERINTIS KEMERDEKAAN",
           "RAYA CILEDUG", "SILIWANGI", "MAGELANG", "PASAR BARU", "BUNGUR", "KEBON JERUK III", "DAMAI",
           "MANGGA DUA", "SWADAYA", "BHAYANGKARA", "NUSA INDAH", "PROF. DR. HAMKA", "KOLONEL SUGIONO"]
GANG = ["MAWAR", "MELATI", "II", "III", "BUNTU", "H. MUHI", "SEPAKAT", "MASJID", "LANGGAR", "KELAPA",
        "SAWO", "RUKUN", "AMAN", "4", "MANGGA", "BUDI MULIA"]
PERUM = ["GRIYA ASRI", "TAMAN ALAMANDA", "BUMI PERMATA", "PERMATA BIRU", "GRAHA INDAH", "CITRA RAYA",
         "BUKIT CEMARA", "PONDOK HIJAU", "VILLA MUTIARA", "TAMAN SARI", "PURI KENCANA", "BUMI SERPONG DAMAI",
         "GRAND CIBUBUR", "PESONA ANGGREK"]
KAMPUNG = ["KRAJAN", "SUMBERSARI", "KARANGANYAR", "TEGALSARI", "NGEMPLAK", "CIBURIAL", "CIKADUT",
           "SUKAMAJU", "MEKARSARI", "WANASARI", "SIDOMULYO", "NGRANGKAH", "PUCUNG", "KEDUNGWARU", "BABAKAN",
           "CIMAHI", "PASIRJAMBU", "LEBAK SIUH", "KAUMAN", "SUMBER AGUNG", "DINAS KAJA", "TENGAH"]


def make_address(r, style):
    k = r.random()
    no = str(r.randint(1, 180)) + (r.choice(["", "", "", "A", "B", "C"]))
    if style == "bali" and k < 0.35:
        return r.choice(["BR. ", "BANJAR ", "BR. DINAS "]) + r.choice(KAMPUNG[-6:] + ["ANYAR", "KELOD", "KANGIN", "DAUH"])
    if k < 0.35:
        s = r.choice(["JL. ", "JL. ", "JL ", "JALAN "]) + r.choice(STREETS)
        if r.random() < 0.3:
            s += " GG. " + r.choice(GANG)
        if r.random() < 0.85:
            s += r.choice([" NO. ", " NO.", " NO "]) + no
        return s
    if k < 0.55:
        b = r.choice("ABCDEFGHJK") + r.choice(["", "", "-", ""]) + str(r.randint(1, 40))
        pre = r.choice(["PERUM ", "PERUM. ", "KOMP. ", "PERUMAHAN ", "TAMAN "])
        s = pre + r.choice(PERUM) + " BLOK " + b
        if r.random() < 0.5:
            s += " NO. " + str(r.randint(1, 60))
        return s
    if k < 0.75:
        return r.choice(["DUSUN ", "DSN. ", "DUKUH ", "KP. ", "KAMPUNG "]) + r.choice(KAMPUNG)
    if k < 0.85:
        return r.choice(["LINGK. ", "LINGKUNGAN "]) + r.choice(["I", "II", "III", "IV", "V", "VI", "XII"])
    if k < 0.93:
        # long address that wraps onto a second line
        s = "JL. " + r.choice(STREETS) + " GG. " + r.choice(GANG) + " NO. " + no + " " + \
            r.choice(["KOMP. ", "DEPAN ", "BELAKANG ", "SAMPING "]) + r.choice(["MASJID AL-IKHLAS", "PASAR", "SD NEGERI 2", "BALAI DESA", "KANTOR POS", "PERUM " + r.choice(PERUM)])
        return s
    return r.choice(["ASRAMA ", "KOMP. "]) + r.choice(["POLRI", "TNI AD", "BRIMOB", "KODAM"]) + " " + \
        r.choice(PERUM) + " BLOK " + r.choice("ABCDE") + " NO. " + str(r.randint(1, 99))


PEKERJAAN = [
    ("WIRASWASTA", 14), ("KARYAWAN SWASTA", 14), ("PELAJAR/MAHASISWA", 9), ("MENGURUS RUMAH TANGGA", 10),
    ("PETANI/PEKEBUN", 6), ("BURUH HARIAN LEPAS", 6), ("PEGAWAI NEGERI SIPIL (PNS)", 4),
    ("BELUM/TIDAK BEKERJA", 4), ("PEDAGANG", 3), ("GURU", 2), ("PENSIUNAN", 2),
    ("KARYAWAN BUMN", 1.5), ("KARYAWAN HONORER", 1.5), ("TENTARA NASIONAL INDONESIA (TNI)", 0.8),
    ("KEPOLISIAN RI (POLRI)", 0.8), ("PERDAGANGAN", 1), ("SOPIR", 1), ("NELAYAN/PERIKANAN", 1),
    ("BURUH TANI/PERKEBUNAN", 1), ("TUKANG BATU", 0.6), ("TUKANG KAYU", 0.5), ("TUKANG JAHIT", 0.5),
    ("PERAWAT", 0.6), ("BIDAN", 0.4), ("DOSEN", 0.4), ("DOKTER", 0.4), ("MEKANIK", 0.4),
    ("PERANGKAT DESA", 0.4), ("USTADZ/MUBALIGH", 0.3), ("PEMBANTU RUMAH TANGGA", 0.5),
    ("TRANSPORTASI", 0.4), ("PETERNAK", 0.4), ("KARYAWAN BUMD", 0.3), ("WARTAWAN", 0.2),
    ("PENDETA", 0.2), ("TUKANG LISTRIK", 0.3), ("SENIMAN", 0.2), ("APOTEKER", 0.2), ("ARSITEK", 0.1),
    ("BURUH NELAYAN/PERIKANAN", 0.3), ("KONSTRUKSI", 0.3), ("INDUSTRI", 0.3), ("PENATA RAMBUT", 0.2),
]


def wchoice(r, items):
    tot = sum(w for _, w in items)
    x = r.random() * tot
    for v, w in items:
        x -= w
        if x <= 0:
            return v
    return items[-1][0]


def make_identity(r):
    reg = r.choice(REGIONS)
    prov, regcode, header2, place_under, style, districts, villages = reg
    dcode = r.choice(sorted(districts))
    kec = districts[dcode]
    female = r.random() < 0.5
    # birth and issue dates
    while True:
        by = int(r.triangular(1940, 2007, 1988))
        birth = dt.date(by, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        iy = r.randint(max(2011, by + 17), 2024)
        issue = dt.date(iy, 1, 1) + dt.timedelta(days=r.randint(0, 364))
        if issue >= dt.date(by + 17, birth.month, min(birth.day, 28)):
            break
    age = issue.year - by
    name = make_name(r, style, female, age)
    tempat = r.choice(BIRTH_PLACES[style]) if r.random() < 0.85 else r.choice(BIRTH_PLACES[r.choice(sorted(BIRTH_PLACES))])
    # religion by region / name
    if style == "bali":
        agama = wchoice(r, [("HINDU", 85), ("ISLAM", 8), ("KRISTEN", 4), ("KATOLIK", 2), ("BUDDHA", 1)])
    elif style == "manado":
        agama = wchoice(r, [("KRISTEN", 65), ("KATOLIK", 15), ("ISLAM", 20)])
    elif style == "batak" and any(m in name for m in BATAK_MARGA[:6] + ["DAULAY", "RANGKUTI"]):
        agama = wchoice(r, [("ISLAM", 80), ("KRISTEN", 20)])
    elif style == "batak":
        agama = wchoice(r, [("KRISTEN", 60), ("KATOLIK", 20), ("ISLAM", 20)])
    elif any(w in name.split() for w in CHINESE_M + CHINESE_F):
        agama = wchoice(r, [("BUDDHA", 35), ("KRISTEN", 30), ("KATOLIK", 20), ("KONGHUCU", 10), ("ISLAM", 5)])
    else:
        agama = wchoice(r, [("ISLAM", 90), ("KRISTEN", 5), ("KATOLIK", 3), ("HINDU", 1), ("BUDDHA", 1)])
    if age < 21:
        status = wchoice(r, [("BELUM KAWIN", 92), ("KAWIN", 8)])
        job = wchoice(r, [("PELAJAR/MAHASISWA", 70), ("BELUM/TIDAK BEKERJA", 15), ("KARYAWAN SWASTA", 8), ("WIRASWASTA", 7)])
    else:
        status = wchoice(r, [("KAWIN", 62), ("BELUM KAWIN", 25 if age < 35 else 6), ("CERAI HIDUP", 5),
                             ("CERAI MATI", 3 if age < 55 else 15)])
        job = wchoice(r, PEKERJAAN)
        if job == "PELAJAR/MAHASISWA" and age > 28:
            job = "KARYAWAN SWASTA"
        if job == "MENGURUS RUMAH TANGGA" and not female and r.random() < 0.85:
            job = "WIRASWASTA"
        if job == "PENSIUNAN" and age < 50:
            job = "WIRASWASTA"
    gol = wchoice(r, [("-", 45), ("O", 20), ("A", 14), ("B", 15), ("AB", 6)])
    rt_rw = "%03d/%03d" % (r.randint(1, 15 if r.random() < 0.8 else 40), r.randint(1, 12 if r.random() < 0.8 else 25))
    kel = r.choice(villages)
    alamat = make_address(r, style)
    if issue.year >= 2016 or r.random() < 0.35:
        berlaku = "SEUMUR HIDUP"
    else:
        try:
            exp = dt.date(issue.year + 5, birth.month, birth.day)
        except ValueError:
            exp = dt.date(issue.year + 5, 3, 1)
        berlaku = exp.strftime("%d-%m-%Y")
    dd = birth.day + (40 if female else 0)
    serial = int(r.choice([r.triangular(1, 400, 1), r.triangular(1, 3000, 1)]))
    nik = prov_code(prov) + regcode[2:] + dcode + "%02d%02d%02d" % (dd, birth.month, birth.year % 100) + "%04d" % max(1, serial)
    fields = {
        "nik": nik, "nama": name, "tempat_lahir": tempat, "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": "PEREMPUAN" if female else "LAKI-LAKI", "golongan_darah": gol, "alamat": alamat,
        "rt_rw": rt_rw, "kel_desa": kel, "kecamatan": kec, "agama": agama, "status_perkawinan": status,
        "pekerjaan": job, "kewarganegaraan": "WNI", "berlaku_hingga": berlaku, "provinsi": prov,
        "kabupaten_kota": header2,
    }
    extra = {"birth": birth, "issue": issue, "place_under": place_under, "female": female, "age": age}
    return fields, extra


def prov_code(prov):
    for p, rc, *_ in REGIONS:
        if p == prov:
            return rc[:2]
    raise KeyError(prov)
