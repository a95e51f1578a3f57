"""Random but consistent e-KTP identities (all choices from one numpy Generator)."""
import datetime as dt

from .regions import BIRTHPLACES, PROVINCES, REGENCIES

JAVA_M = ["BUDI", "SANTOSO", "SUGENG", "AGUS", "BAMBANG", "SLAMET", "TRI", "WAHYU", "JOKO", "PRASETYO",
          "HADI", "SUPRIYADI", "DWI", "ARIF", "EKO", "PURNOMO", "SETIAWAN", "HERU", "SUTRISNO", "ADI", "NUGROHO"]
JAVA_F = ["SRI", "SITI", "ENDANG", "WAHYUNINGSIH", "RAHAYU", "LESTARI", "SUMARNI", "PUJI", "ASTUTI", "NINGSIH",
          "DWI", "YULIANTI", "KUSUMAWATI", "PURWANTI", "SULASTRI", "WULANDARI", "RATNA", "INDAH"]
SUNDA_M = ["ASEP", "DEDE", "UJANG", "CECEP", "DADANG", "SUHENDAR", "YAYAN", "SUPRIATNA", "HIDAYAT", "RUSMANA", "JAJANG"]
SUNDA_F = ["NENG", "EUIS", "CUCU", "IIS", "NENENG", "ROSITA", "KOMALASARI", "NURHAYATI", "YENI", "TITIN", "ELIS"]
BATAK_FIRST_M = ["JOHANNES", "MARULI", "TIGOR", "RUDOLF", "HOTMAN", "PARLINDUNGAN", "DANIEL", "SAHAT", "ROBERT"]
BATAK_FIRST_F = ["ROSMAULI", "TIURMA", "MARIA", "LAMRIA", "DUMA", "RUTH", "NURMALA", "SARMAULI"]
BATAK_MARGA = ["SIMANJUNTAK", "SIREGAR", "NASUTION", "SIAHAAN", "HUTAPEA", "PANJAITAN", "SINAGA", "TAMBUNAN",
               "LUBIS", "HARAHAP", "SITUMORANG", "MANURUNG", "SITOMPUL", "HUTAGALUNG", "PARDEDE"]
BUGIS_M = ["ANDI", "MUHAMMAD", "BAHTIAR", "SYAMSUL", "ARDIANSYAH", "RUSDI", "AMIRUDDIN", "SAHARUDDIN", "BASO", "LA ODE"]
BUGIS_F = ["ANDI", "HASNAH", "NURHAEDAH", "St.", "MURNI", "HASMAWATI", "SUHARTINI", "RAHMAWATI", "ISMAYANTI"]
BUGIS_LAST = ["AMIR", "MAPPIASSE", "PALLAWA", "LATIEF", "DAENG", "TAHIR", "MAHMUD", "SAMAD", "PATOMPO"]
BALI_PREFIX_M = ["I GUSTI NGURAH", "I WAYAN", "I MADE", "I NYOMAN", "I KETUT", "I PUTU", "I KADEK", "IDA BAGUS"]
BALI_PREFIX_F = ["NI WAYAN", "NI MADE", "NI NYOMAN", "NI KETUT", "NI PUTU", "NI LUH", "IDA AYU", "ANAK AGUNG"]
BALI_NAME = ["SUDIARTA", "ARDANA", "WIRAWAN", "ARIASA", "SUASTIKA", "SARI", "ASTITI", "DEWI", "SUKERTI",
             "MERTAYASA", "DARMAWAN", "PURNAMI", "WIDIASTUTI", "ADNYANA", "ARTHA"]
ARAB_M = ["MUHAMMAD", "AHMAD", "ABDUL", "RAHMAN", "FAUZI", "HASAN", "HUSAIN", "ZAINUL", "ARIFIN", "SYAIFUL",
          "RIDWAN", "MA'RUF", "SYA'BAN", "FATHUR", "ISMAIL", "YUSUF", "ABDULLAH", "MUSTOFA", "HIDAYATULLAH"]
ARAB_F = ["NUR'AINI", "SITI", "FATIMAH", "AISYAH", "KHADIJAH", "ZAHRA", "NUR", "HALIMAH", "ZULAIKHA",
          "MAISAROH", "ROQAYAH", "FAIZAH", "SA'ADAH", "NURUL", "HIDAYAH", "MU'AWANAH", "ISTIQOMAH"]
CHINESE_FIRST = ["WILLIAM", "KEVIN", "FELIX", "HENDRA", "SUSANTO", "LIANA", "MELINDA", "JESSICA", "VERONIKA",
                 "STEVEN", "CHRISTINE", "FERRY", "LILY", "YOHANES", "VINCENT", "MEILANI"]
CHINESE_LAST = ["TANOTO", "GUNAWAN", "WIJAYA", "HALIM", "SANTOSO", "TJAHJADI", "KUSUMA", "SALIM", "LIM",
                "TAN", "HARTONO", "SUSILO", "LIEM", "OEI", "GOH", "SETIADI", "TANUWIJAYA"]
MINANG_M = ["RIZKI", "FADLI", "NOFRIANDI", "RAHMAT", "YENDRI", "AFRIZAL", "ZULKIFLI", "DATUK"]
MINANG_F = ["YULIA", "ERNAWATI", "DESWITA", "GUSNIAR", "YELFI", "ROSNIDAR", "ELVIRA"]
TITLES_AFTER = [", S.PD", ", S.E", ", S.H", ", S.KOM", ", AMD", ", S.T"]

AGAMA = ["ISLAM", "KRISTEN", "KATOLIK", "HINDU", "BUDHA", "KONGHUCU", "KEPERCAYAAN TERHADAP TUHAN YME"]
STATUS = ["BELUM KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]
PEKERJAAN = ["PELAJAR/MAHASISWA", "KARYAWAN SWASTA", "WIRASWASTA", "MENGURUS RUMAH TANGGA", "PEGAWAI NEGERI SIPIL",
             "PETANI/PEKEBUN", "BURUH HARIAN LEPAS", "GURU", "PEDAGANG", "TENTARA NASIONAL INDONESIA",
             "KEPOLISIAN RI", "BELUM/TIDAK BEKERJA", "PENSIUNAN", "NELAYAN/PERIKANAN", "DOSEN", "PERAWAT",
             "SOPIR", "KARYAWAN BUMN", "BURUH TANI/PERKEBUNAN", "TUKANG BATU", "DOKTER", "WARTAWAN"]
STREETS = ["MAWAR", "MELATI", "SUDIRMAN", "DIPONEGORO", "GAJAH MADA", "AHMAD YANI", "PAHLAWAN", "MERDEKA",
           "KENANGA", "CEMPAKA", "RAYA BOGOR", "SUKARNO HATTA", "PEMUDA", "IMAM BONJOL", "GATOT SUBROTO",
           "KH. HASYIM ASY'ARI", "TEUKU UMAR", "SISINGAMANGARAJA", "HASANUDDIN", "PANGERAN ANTASARI",
           "NUSANTARA", "KAPTEN PIERRE TENDEAN", "RAYA KALIMALANG", "BUNGA RAMPAI", "SIMPANG TIGA", "ANGGREK"]
DUSUN = ["KRAJAN", "SUMBERREJO", "NGEMPLAK", "KARANGANYAR", "SIDOMULYO", "TEGALREJO", "MEKARSARI", "SUKAMAJU"]
PERUM = ["PERUM GRIYA ASRI", "PERUM BUMI INDAH", "PERUMNAS", "PERUM TAMAN SARI", "PERUM PESONA PERMAI",
         "PERUM VILLA MUTIARA"]
KOMP = ["KOMP. BUMI PANYILEUKAN", "KOMP. PERTAMINA", "KOMP. DEPKES", "KOMP. TNI AL", "KOMP. BATAN INDAH"]


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def _name(rng, prov, female):
    g = {"11": "arab", "12": "batak", "13": "minang", "31": "mix", "32": "sunda", "33": "java", "34": "java",
         "35": "java", "36": "sunda", "51": "bali", "64": "mix", "72": "bugis", "73": "bugis"}.get(prov, "mix")
    if g == "mix" or rng.random() < 0.25:
        g = _pick(rng, ["java", "sunda", "batak", "bugis", "arab", "chinese", "minang", "bali"])
    if g == "java":
        pool = JAVA_F if female else JAVA_M
        n = int(rng.choice([1, 2, 2, 3, 3, 4], p=[.15, .35, .1, .25, .1, .05]))
        words = list(rng.choice(pool, size=n, replace=False))
    elif g == "sunda":
        pool = SUNDA_F if female else SUNDA_M
        words = list(rng.choice(pool, size=int(rng.integers(1, 4)), replace=False))
    elif g == "batak":
        words = [_pick(rng, BATAK_FIRST_F if female else BATAK_FIRST_M)]
        if rng.random() < 0.3:
            words.append(_pick(rng, BATAK_FIRST_F if female else BATAK_FIRST_M))
        words.append(_pick(rng, BATAK_MARGA))
        if female and rng.random() < 0.3:
            words[-1] = "BR " + words[-1]
    elif g == "bugis":
        words = [_pick(rng, BUGIS_F if female else BUGIS_M), _pick(rng, BUGIS_LAST)]
        if rng.random() < 0.4:
            words.insert(1, _pick(rng, ARAB_F if female else ARAB_M))
    elif g == "bali":
        words = [_pick(rng, BALI_PREFIX_F if female else BALI_PREFIX_M), _pick(rng, BALI_NAME)]
        if rng.random() < 0.4:
            words.append(_pick(rng, BALI_NAME))
    elif g == "arab":
        words = list(rng.choice(ARAB_F if female else ARAB_M, size=int(rng.integers(1, 4)), replace=False))
    elif g == "chinese":
        words = [_pick(rng, CHINESE_FIRST), _pick(rng, CHINESE_LAST)]
    else:
        words = list(rng.choice(MINANG_F if female else MINANG_M, size=int(rng.integers(1, 3)), replace=False))
    name = " ".join(dict.fromkeys(w for w in words))
    if rng.random() < 0.05:
        name += _pick(rng, TITLES_AFTER)
    return name.replace("St.", "ST.")


def _address(rng):
    r = rng.random()
    no = str(int(rng.integers(1, 250)))
    if rng.random() < 0.15:
        no += _pick(rng, ["A", "B", "C"])
    if r < 0.45:
        pre = _pick(rng, ["JL.", "JL.", "JLN.", "JL"])
        a = f"{pre} {_pick(rng, STREETS)} NO. {no}"
        if rng.random() < 0.2:
            a = f"{pre} {_pick(rng, STREETS)} GG. {_pick(rng, ['III', 'IV', 'VII', 'SEPAKAT', 'MASJID'])} NO. {no}"
    elif r < 0.6:
        a = f"GG. {_pick(rng, ['KELINCI', 'MANGGA', 'H. MUCHTAR', 'BUNTU', 'SEKOLAH'])} NO. {no}"
    elif r < 0.72:
        a = f"DUSUN {_pick(rng, DUSUN)}"
        if rng.random() < 0.5:
            a += f" KM {int(rng.integers(2, 40))}"
    elif r < 0.88:
        a = f"{_pick(rng, PERUM)} BLOK {_pick(rng, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])}{int(rng.integers(1, 30))} NO. {no}"
    else:
        a = f"{_pick(rng, KOMP)} BLOK {_pick(rng, ['A', 'B', 'C', 'D'])} NO. {no}"
    if rng.random() < 0.15:
        a += f" KM {int(rng.integers(2, 40))}" if "KM" not in a else ""
    return a


def _date(rng, start, end):
    days = (end - start).days
    return start + dt.timedelta(days=int(rng.integers(days + 1)))


def random_identity(rng):
    code = _pick(rng, sorted(REGENCIES))
    prov = code[:2]
    kab_line, issue_place, kecs, kels = REGENCIES[code]
    female = bool(rng.random() < 0.5)
    born = _date(rng, dt.date(1945, 1, 1), dt.date(2006, 12, 31))
    dd = born.day + (40 if female else 0)
    district = int(rng.integers(1, 32))
    serial = int(rng.integers(1, 30)) if rng.random() < 0.8 else int(rng.integers(1, 10000))
    nik = f"{code}{district:02d}{dd:02d}{born.month:02d}{born.year % 100:02d}{serial:04d}"
    assert len(nik) == 16
    issued = _date(rng, dt.date(max(2012, born.year + 17), 1, 1), dt.date(2024, 6, 30))
    if rng.random() < 0.2 and born.year < 1995:
        issued = _date(rng, dt.date(2012, 1, 1), dt.date(2015, 12, 31))
    if issued.year > 2015 or rng.random() < 0.5:
        berlaku = "SEUMUR HIDUP"
    else:  # old five-year cards expire on the birthday
        y = issued.year + 5
        try:
            berlaku = dt.date(y, born.month, born.day).strftime("%d-%m-%Y")
        except ValueError:
            berlaku = dt.date(y, 2, 28).strftime("%d-%m-%Y")
    if prov == "51" and rng.random() < 0.75:
        agama = "HINDU"
    elif prov in ("12",) and rng.random() < 0.5:
        agama = _pick(rng, ["KRISTEN", "KATOLIK"])
    else:
        agama = str(rng.choice(AGAMA, p=[.8, .08, .04, .02, .03, .02, .01]))
    age = issued.year - born.year
    status = "BELUM KAWIN" if age < 22 and rng.random() < 0.8 else str(rng.choice(STATUS, p=[.2, .65, .07, .08]))
    job = "PELAJAR/MAHASISWA" if age < 21 and rng.random() < 0.7 else _pick(rng, PEKERJAAN[:3] + PEKERJAAN[4:])
    if female and rng.random() < 0.2:
        job = "MENGURUS RUMAH TANGGA"
    birthplace = _pick(rng, BIRTHPLACES[prov])
    fields = {
        "nik": nik,
        "nama": _name(rng, prov, female),
        "tempat_lahir": birthplace,
        "tanggal_lahir": born.isoformat(),
        "jenis_kelamin": "PEREMPUAN" if female else "LAKI-LAKI",
        "golongan_darah": str(rng.choice(["A", "B", "AB", "O", "-"], p=[.15, .15, .05, .2, .45])),
        "alamat": _address(rng),
        "rt_rw": f"{int(rng.integers(1, 20)):03d}/{int(rng.integers(1, 15)):03d}",
        "kel_desa": _pick(rng, kels),
        "kecamatan": _pick(rng, kecs),
        "agama": agama,
        "status_perkawinan": status,
        "pekerjaan": job,
        "kewarganegaraan": "WNI",
        "berlaku_hingga": berlaku,
        "provinsi": PROVINCES[prov],
        "kabupaten_kota": kab_line,
    }
    extra = {"issue_place": issue_place, "issue_date": issued.strftime("%d-%m-%Y"),
             "birth_printed": born.strftime("%d-%m-%Y"), "female": female}
    return fields, extra
