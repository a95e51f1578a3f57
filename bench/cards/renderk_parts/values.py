"""Field values of a synthetic e-KTP: region, NIK, person, address..."""
import csv
import datetime as dt
import os

from .names import make_name

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = dt.date(2025, 6, 1)

JOBS = [("PELAJAR/MAHASISWA", 8), ("MENGURUS RUMAH TANGGA", 12), ("WIRASWASTA", 14),
        ("PETANI/PEKEBUN", 9), ("KARYAWAN SWASTA", 14), ("BURUH HARIAN LEPAS", 7),
        ("PEGAWAI NEGERI SIPIL (PNS)", 4), ("NELAYAN/PERIKANAN", 2), ("GURU", 3),
        ("PEDAGANG", 5), ("BELUM/TIDAK BEKERJA", 6), ("PENSIUNAN", 3), ("BURUH TANI/PERKEBUNAN", 3),
        ("SOPIR", 2), ("KARYAWAN BUMN", 1), ("TENTARA NASIONAL INDONESIA (TNI)", 1),
        ("KEPOLISIAN RI (POLRI)", 1), ("PERAWAT", 1), ("BIDAN", 1), ("DOSEN", 1),
        ("TUKANG BATU", 1), ("TUKANG KAYU", 1), ("KARYAWAN HONORER", 1), ("PERANGKAT DESA", 1),
        ("PEMBANTU RUMAH TANGGA", 1), ("MEKANIK", 1), ("USTADZ/MUBALIGH", 1)]
STREETS = ("MAWAR|MELATI|ANGGREK|KENANGA|CEMPAKA|FLAMBOYAN|DAHLIA|SEROJA|TERATAI|SUDIRMAN|"
           "DIPONEGORO|GATOT SUBROTO|AHMAD YANI|A. YANI|PAHLAWAN|MERDEKA|SILIWANGI|KARTINI|"
           "IMAM BONJOL|HASANUDDIN|GAJAH MADA|HAYAM WURUK|PEMUDA|VETERAN|RAJAWALI|CENDRAWASIH|"
           "MERPATI|KUTILANG|NANGKA|MANGGA|DURIAN|RAMBUTAN|PERINTIS KEMERDEKAAN|SISINGAMANGARAJA|"
           "TEUKU UMAR|WR. SUPRATMAN|IR. SOEKARNO|MOH. HATTA|KH. AGUS SALIM|KI HAJAR DEWANTARA|"
           "RAYA BARAT|DANAU TOBA|KAPTEN TENDEAN|SULTAN AGUNG|PANGERAN ANTASARI|MAYJEN SUNGKONO|"
           "KAMBOJA|BOUGENVILLE|TANJUNG|PERMATA|DELIMA|PISANG|KELAPA GADING|SUMATERA|KALIMANTAN").split("|")
VPRE_JAVA = "SUMBER KARANG WONO TEGAL SIDO BANYU NGRAN PANDAN REJO KEDUNG GUNUNG NGLIPAR TAMAN".split()
VSUF_JAVA = "REJO SARI MULYO AGUNG WETAN KULON KIDUL LOR ASRI JAYA ANYAR SARI HARJO UTOMO".split()
VPRE_SUNDA = "SUKA CI MEKAR SINDANG KARANG PASIR SUKA CI TANJUNG".split()
VSUF_SUNDA = "MAJU MULYA JADI RAHAYU ASIH JAYA SARI LAKSANA WANGI HURIP BODAS PANAS LEDUG HAYU".split()
VPRE_MALAY = "TANJUNG PASAR SUNGAI KAMPUNG BUKIT PADANG LUBUK AIR SIMPANG TELUK BATU PULAU TALANG".split()
VSUF_MALAY = "BARU LAMA RAYA HULU HILIR TENGAH PUTIH MERAH ITAM PANJANG BESAR KECIL INDAH JAYA".split()
VPRE_EAST = "OE NUN TUA WAI KOLO SOA NAMO LOLO BONE TANA BATU".split()
VSUF_EAST = "KOLO NUNU BESI LAKU BALE TUA LAIN HAU NAE MATA RANO".split()
VILLAGE_WHOLE = ["KEBAYORAN LAMA", "CEMPAKA PUTIH", "MENTENG", "TEBET TIMUR", "GAMBIR", "KRAMAT JATI",
                 "GONDOKUSUMAN", "DENPASAR TIMUR", "GUBENG", "WONOKROMO", "LOWOKWARU", "KLOJEN",
                 "COBLONG", "ANTAPANI", "BANYUMANIK", "TEMBALANG", "PANAKKUKANG", "BIRINGKANAYA"]


def load_regions():
    provs, regs = {}, []
    with open(os.path.join(HERE, "..", "..", "ocr", "data", "regions.csv"), newline="") as fh:  # the shipped code list
        for row in csv.reader(l for l in fh if not l.startswith("#")):
            if row[0] == "province":
                continue
            if row[1] == "":
                provs[int(row[0])] = row[2]
            else:
                name = row[2]
                if name.startswith("KAB "):  # two rows of the table spell it short
                    name = "KABUPATEN " + name[4:]
                regs.append((int(row[0]), row[1], name))
    return provs, regs


PROVS, REGS = load_regions()


def short_reg(name):
    for p in ("KABUPATEN ", "KOTA "):
        if name.startswith(p):
            name = name[len(p):]
    return name.replace("ADM. ", "")


def place_name(r, prov, reg):
    if r.p(0.55):
        return short_reg(reg)
    if r.p(0.7):
        same = [x for x in REGS if x[0] == prov]
        return short_reg(r.ch(same)[2])
    if r.p(0.5):
        return short_reg(r.ch(REGS)[2])
    return village(r, prov)


def village(r, prov):
    if prov in (31,) and r.p(0.7) or r.p(0.05):
        return r.ch(VILLAGE_WHOLE)
    if prov in (32, 36):
        a, b, sep = r.ch(VPRE_SUNDA), r.ch(VSUF_SUNDA), ""
    elif prov in (33, 34, 35):
        a, b, sep = r.ch(VPRE_JAVA), r.ch(VSUF_JAVA), r.ch(["", " "], [0.7, 0.3])
    elif prov >= 53 and prov not in (61, 62, 63, 64, 65, 73, 75, 76):
        a, b, sep = r.ch(VPRE_EAST), r.ch(VSUF_EAST), r.ch(["", " "])
    else:
        a, b, sep = r.ch(VPRE_MALAY), r.ch(VSUF_MALAY), " "
    if a == b:
        b = "JAYA"
    return a + sep + b


def address(r):
    k = r.i(0, 11)
    no = r.i(1, 150)
    s = r.ch(STREETS)
    if k <= 2:
        a = f"JL. {s} NO. {no}" if r.p(0.8) else f"JL. {s} {no}"
        if r.p(0.2):
            a = f"JL. {s} GG. {r.ch(['I', 'II', 'III', 'IV', 'V', 'VI'])} NO. {no}"
    elif k == 3:
        a = f"DUSUN {r.ch(['KRAJAN', 'KRAJAN I', 'SUMBERSARI', 'KRAJAN LOR', 'NGASEM', 'SIDOMULYO', 'GAMPING', 'MANGGIS'])}"
    elif k == 4:
        a = f"GG. {r.ch(STREETS)} {r.ch(['I', 'II', 'III', 'IV'])}" + (f" NO. {no}" if r.p(0.5) else "")
    elif k == 5:
        a = f"PERUM {r.ch(['GRIYA ASRI', 'GRIYA PERMATA', 'BUMI INDAH', 'PURI KENCANA', 'TAMAN SARI', 'CITRA LAND'])} BLOK {r.ch('ABCDEFGHJK')}-{r.i(1, 30)}"
    elif k == 6:
        a = f"KP. {r.ch(['BABAKAN', 'CIKARET', 'SUKAMULYA', 'PASIR JAYA', 'KEBON KOPI', 'CIBEUREUM', 'LEUWILIANG'])}"
    elif k == 7:
        a = f"JL. RAYA {r.ch(['SURABAYA - MALANG', 'BOGOR', 'SERANG', 'SOLO - JOGJA', 'PANTURA', 'CIANJUR'])} KM {r.i(2, 45)}"
    elif k == 8:
        a = f"{r.ch(['LINGK.', 'LINGKUNGAN', 'DUSUN', 'JORONG', 'BANJAR', 'DSN.'])} {r.ch(['I', 'II', 'III', 'IV', 'TENGAH', 'BARAT', 'KAUMAN', 'PASAR'])}"
    elif k == 9:
        a = f"JL. {s} NO. {no}{r.ch('ABCD')}" if r.p(0.5) else f"JLN. {s} NO.{no}"
    elif k == 10:
        a = f"PERUMAHAN {r.ch(['GRIYA SANTOSA INDAH', 'BUMI CAHAYA PERMAI', 'PESONA ALAM HIJAU', 'VILLA MUTIARA GADING'])} BLOK {r.ch('ABCDEF')}{r.i(1, 12)} NO. {no}"
    else:
        a = f"JL. {s} {r.ch(['LR.', 'LORONG', 'KOMP.'])} {r.ch(STREETS)} NO. {no}"
    if r.p(0.12):
        a += " " + r.ch([f"DUSUN {r.ch(['KRAJAN', 'NGEMPLAK', 'TEGALSARI'])}", f"KEL. {r.ch(VPRE_JAVA)}{r.ch(VSUF_JAVA)}", "BELAKANG PASAR", "SEBELAH MASJID"])
    return a


def ddmmyyyy(d):
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def make_fields(r):
    """Return (fields, extra) where extra holds printed-only values (issue place/date...)."""
    prov, regcode, regname = r.ch(REGS)
    provname = PROVS[prov]
    male = r.p(0.5)
    age_days = int(r.u(17.05, 90) * 365.25) if r.p(0.85) else int(r.u(17.05, 30) * 365.25)
    birth = TODAY - dt.timedelta(days=age_days)
    age = age_days / 365.25
    rel_w = {"ISLAM": 85, "KRISTEN": 7, "KATOLIK": 3, "HINDU": 1.5, "BUDHA": 1, "KONGHUCU": 0.2}
    if prov == 51:
        rel_w.update(HINDU=85, ISLAM=10)
    elif prov in (53, 91, 92, 93, 94, 95, 96, 81, 71):
        rel_w.update(KRISTEN=50, KATOLIK=30 if prov == 53 else 10, ISLAM=20)
    elif prov == 12:
        rel_w.update(KRISTEN=35, KATOLIK=5, ISLAM=60)
    rel = r.ch(list(rel_w), list(rel_w.values()))
    if age < 23:
        job = r.ch(["PELAJAR/MAHASISWA", "BELUM/TIDAK BEKERJA", "KARYAWAN SWASTA", "WIRASWASTA"], [6, 3, 2, 1])
    else:
        jobs = [j for j in JOBS if male or not j[0].startswith(("TENTARA", "SOPIR", "TUKANG", "NELAYAN"))]
        jobs = [j for j in jobs if not male or j[0] not in ("MENGURUS RUMAH TANGGA", "BIDAN")]
        job = r.ch([j[0] for j in jobs], [j[1] for j in jobs])
        if age > 62 and r.p(0.3):
            job = "PENSIUNAN" if r.p(0.4) else "BELUM/TIDAK BEKERJA"
    if age < 21:
        status = "BELUM KAWIN" if r.p(0.92) else "KAWIN"
    elif age < 30:
        status = r.ch(["BELUM KAWIN", "KAWIN", "CERAI HIDUP"], [45, 52, 3])
    else:
        status = r.ch(["BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"],
                      [5, 75, 6, 14 if age > 55 else 3])
    name = make_name(r, male, prov, rel, age, job)
    # issue date: after the 17th birthday, between 2011 and today
    first = max(dt.date(2011, 6, 1), birth + dt.timedelta(days=int(17 * 365.25) + 10))
    span = (TODAY - first).days
    issue = first + dt.timedelta(days=int(r.u(0, 1) ** 0.8 * max(span, 1)))
    if issue.year <= 2015 and r.p(0.45):
        try:
            exp = birth.replace(year=issue.year + 5)
        except ValueError:
            exp = dt.date(issue.year + 5, 3, 1)
        berlaku = ddmmyyyy(exp)
    else:
        berlaku = "SEUMUR HIDUP"
    district = r.i(1, 24) if r.p(0.8) else r.i(25, 45)
    serial = min(9999, int(r.g.geometric(1 / 300.0))) if r.p(0.9) else r.i(1, 9999)
    dd = birth.day + (0 if male else 40)
    nik = f"{regcode}{district:02d}{dd:02d}{birth.month:02d}{birth.year % 100:02d}{max(serial, 1):04d}"
    rt = r.i(1, 15) if r.p(0.8) else r.i(1, 40)
    rw = r.i(1, 12) if r.p(0.85) else r.i(1, 25)
    kec = village(r, prov)
    fields = {
        "nik": nik, "nama": name, "tempat_lahir": place_name(r, prov, regname),
        "tanggal_lahir": birth.isoformat(),
        "jenis_kelamin": "LAKI-LAKI" if male else "PEREMPUAN",
        "golongan_darah": r.ch(["A", "B", "AB", "O", "-"], [20, 22, 6, 30, 22]),
        "alamat": address(r), "rt_rw": f"{rt:03d}/{rw:03d}",
        "kel_desa": village(r, prov), "kecamatan": kec, "agama": rel,
        "status_perkawinan": status, "pekerjaan": job, "kewarganegaraan": "WNI",
        "berlaku_hingga": berlaku, "provinsi": provname, "kabupaten_kota": regname,
    }
    extra = {"birth_print": ddmmyyyy(birth), "issue": ddmmyyyy(issue), "male": male, "age": age,
             "regname": regname, "hijab": (not male) and rel == "ISLAM" and r.p(0.75)}
    return fields, extra
