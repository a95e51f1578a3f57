"""Identity data: regions, names, places, addresses, and the fields of one card."""
import csv
import datetime as dt
import os
from functools import lru_cache

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

ARABIC_M = ["MUHAMMAD", "MUHAMAD", "MOHAMMAD", "AHMAD", "ABDUL", "RIZKY", "FAJAR", "ILHAM", "HASAN", "HUSEIN",
            "YUSUF", "IBRAHIM", "ISMAIL", "RAHMAT", "HIDAYAT", "NUR", "SYAIFUL", "ARIF", "FIRMANSYAH", "RAMADHAN",
            "ZAINAL", "ABIDIN", "MAULANA", "HAKIM", "ALI", "UMAR", "IQBAL", "FAUZI", "HABIBI", "SALEH"]
ARABIC_F = ["SITI", "NUR", "NURHALIZA", "AISYAH", "FATIMAH", "KHADIJAH", "ZAHRA", "NABILA", "AULIA", "RAHMAWATI",
            "HASANAH", "SALSABILA", "AZZAHRA", "MAULIDA", "KHOIRUNNISA", "AMINAH", "ZULAIKHA", "HALIMAH", "MARYAM"]
JAVA_M = ["SUTRISNO", "BAMBANG", "SLAMET", "JOKO", "SUSILO", "BUDI", "SANTOSO", "WIDODO", "SUPRIYADI", "SUGENG",
          "HARYANTO", "PRASETYO", "NUGROHO", "WAHYU", "DWI", "TRI", "EKO", "AGUS", "HERU", "PURNOMO", "SUKIMAN",
          "PAIMIN", "TUKIJO", "SUMARNO", "SETIAWAN", "KUSUMA", "ADI", "WIBOWO", "HARTONO", "SUPARMAN", "RUDI"]
JAVA_F = ["SRI", "WAHYUNI", "SUMIATI", "SUPARMI", "ENDANG", "LESTARI", "RATNA", "DEWI", "WULANDARI", "KARTINI",
          "SUNARSIH", "TUMINAH", "PARTINI", "NINGSIH", "RAHAYU", "PUJI", "ASTUTI", "YULIANI", "SETYOWATI", "INDAH"]
SUNDA_M = ["ASEP", "DADANG", "UJANG", "CECEP", "DEDE", "ENDANG", "JAJANG", "NANANG", "KOMAR", "SUHERMAN", "ADE",
           "YAYAN", "IWAN", "HENDRA", "GUNAWAN", "RUSTANDI", "SUPRIATNA", "SOMANTRI"]
SUNDA_F = ["NENG", "EUIS", "IMAS", "CUCU", "EUTIK", "YAYAH", "NENDEN", "LILIS", "TITIN", "ENOK", "NUNUNG", "KURNIASIH"]
BATAK_G = ["TUMPAL", "JUNJUNGAN", "PARULIAN", "MARULI", "HOTMAN", "BONAR", "RUDOLF", "TIURMA", "ROSLINA", "DORMAULI",
           "SAHAT", "MARINTAN", "POSMA", "LAMHOT", "RISMA"]
MARGA = ["SIMANJUNTAK", "SIAGIAN", "NAINGGOLAN", "HUTAPEA", "SITUMORANG", "PANJAITAN", "SIREGAR", "NASUTION",
         "HARAHAP", "LUBIS", "SINAGA", "TAMBUNAN", "MANURUNG", "SIHOMBING", "PARDEDE", "GINTING", "SEMBIRING",
         "TARIGAN", "SITOMPUL", "HUTAGALUNG", "SIMATUPANG", "PANGARIBUAN", "MARPAUNG", "SARAGIH"]
BALI_PRE = ["I WAYAN", "I MADE", "I NYOMAN", "I KETUT", "I KADEK", "I PUTU", "I GEDE", "I KOMANG",
            "NI WAYAN", "NI MADE", "NI NYOMAN", "NI KETUT", "NI KADEK", "NI PUTU", "NI LUH", "NI KOMANG",
            "IDA BAGUS", "ANAK AGUNG", "GUSTI AYU", "GUSTI NGURAH"]
BALI_REST = ["SUDARSANA", "ARTAWAN", "SUARDANA", "WIRAWAN", "ASTAWA", "SUKARMA", "MERTAYASA", "ARDIKA", "SRI ARTINI",
             "SUKERTI", "ARIANI", "PARWATI", "DARMAWAN", "SUPARTA", "WIDIASTUTI", "MAHENDRA", "PUSPITA DEWI"]
CHINESE = ["TAN", "LIM", "ONG", "GO", "THE", "KHO", "LIE", "OEY", "TJHIN", "SIE", "WIJAYA", "HALIM", "GUNAWAN",
           "TANOTO", "SETIADI", "SANTOSO", "KURNIAWAN", "HARTANTO", "SUTANTO", "WIRAWAN", "SALIM", "LIEM"]
CHINESE_G = ["HENDRIK", "SUSANTI", "LILY", "WILLIAM", "FELIX", "JESSICA", "KEVIN", "VINCENT", "MELISA", "STEVEN",
             "CINDY", "ANDREAS", "YENNY", "LIANAWATI", "SIAU LING", "KIM HOA", "BOEN KIONG"]
EAST = ["YOHANES", "YOSEF", "PETRUS", "PAULUS", "MARIA", "MARTHA", "YAKOBUS", "MARKUS", "ELISABETH", "FRANSISKUS",
        "AGUSTINUS", "KORNELIS", "SEMUEL", "DOMINGGUS", "OKTOVIANUS", "FERDINAND", "YULIANA", "MAGDALENA", "NATALIA"]
EAST_SUR = ["NDOEN", "LAKA", "BRIA", "SERAN", "MANEK", "TAEK", "WENDA", "KOGOYA", "RUMBIAK", "WANMA", "MANUPUTTY",
            "PATTINASARANY", "LATUMAHINA", "TANAMAL", "NAHAK", "DA SILVA", "DA COSTA", "TAPILATU", "KAKIAY"]
MODERN_M = ["DIMAS", "RANGGA", "BAYU", "ANDIKA", "RISKI", "DAFFA", "FARHAN", "ALDI", "NAUFAL", "PRATAMA", "SAPUTRA",
            "PERMANA", "SYAHPUTRA", "ARDIANSYAH", "KURNIAWAN", "HIDAYATULLAH", "GILANG", "YOGA", "REZA", "FIKRI"]
MODERN_F = ["KEISHA", "AURELIA", "NAYLA", "CITRA", "PUTRI", "AYU", "ANGGRAINI", "SAPUTRI", "LESTARI", "FEBRIANTI",
            "OKTAVIANI", "NOVITA", "DESI", "RATIH", "INTAN", "MELATI", "KIRANA", "PERMATASARI", "WULAN", "FITRIANI"]
MARKED = ["NU'MAN", "MA'RUF", "SYAFI'I", "MU'MIN", "JUM'AT", "RO'IS", "NI'MAH", "SA'DIYAH", "MAS'UD", "BAQI'"]
TITLES = ["H.", "HJ.", "DRS.", "DR.", "IR.", "KH.", "DRA.", "R.", "RA.", "MOH.", "M.", "ST.", "AB."]
SUFFIX = ["S.PD", "S.E", "S.H", "S.KOM", "S.AG", "A.MD", "S.T", "M.PD", "S.SOS"]

CITIES = ["BANDUNG", "JAKARTA", "SURABAYA", "MEDAN", "SEMARANG", "MAKASSAR", "PALEMBANG", "YOGYAKARTA", "SLEMAN",
          "BANTUL", "MALANG", "SOLO", "SURAKARTA", "BOGOR", "BEKASI", "DEPOK", "TANGERANG", "CIREBON", "TASIKMALAYA",
          "GARUT", "SUMEDANG", "KUNINGAN", "PEKALONGAN", "TEGAL", "KUDUS", "JEPARA", "PATI", "BLORA", "KLATEN",
          "BOYOLALI", "WONOGIRI", "KEDIRI", "BLITAR", "JEMBER", "BANYUWANGI", "LAMONGAN", "GRESIK", "SIDOARJO",
          "MOJOKERTO", "MADIUN", "PONOROGO", "PADANG", "BUKITTINGGI", "PEKANBARU", "JAMBI", "BENGKULU",
          "BANDAR LAMPUNG", "METRO", "PANGKAL PINANG", "BATAM", "TANJUNG PINANG", "BANDA ACEH", "LHOKSEUMAWE",
          "PEMATANG SIANTAR", "TAPANULI UTARA", "BALIGE", "SIBOLGA", "DENPASAR", "GIANYAR", "TABANAN", "SINGARAJA",
          "MATARAM", "BIMA", "KUPANG", "ENDE", "MAUMERE", "PONTIANAK", "SINGKAWANG", "PALANGKA RAYA", "BANJARMASIN",
          "BALIKPAPAN", "SAMARINDA", "TARAKAN", "MANADO", "BITUNG", "PALU", "KENDARI", "GORONTALO", "MAMUJU",
          "AMBON", "TERNATE", "JAYAPURA", "SORONG", "MERAUKE", "WAMENA", "NABIRE", "MANOKWARI", "PURWOKERTO",
          "CILACAP", "BANYUMAS", "SUKABUMI", "CIANJUR", "KARAWANG", "SUBANG", "INDRAMAYU", "MAJALENGKA", "SERANG",
          "CILEGON", "PANDEGLANG", "LEBAK", "PAREPARE", "BONE", "GOWA", "TORAJA", "TULUNGAGUNG", "NGAWI", "TUBAN"]
STREET = ["MAWAR", "MELATI", "ANGGREK", "KENANGA", "CEMPAKA", "SUDIRMAN", "AHMAD YANI", "DIPONEGORO", "GATOT SUBROTO",
          "PAHLAWAN", "MERDEKA", "SISINGAMANGARAJA", "KARTINI", "PEMUDA", "GAJAH MADA", "HAYAM WURUK", "SUKARNO HATTA",
          "RAYA BOGOR", "CENDRAWASIH", "RAJAWALI", "FLAMBOYAN", "BOUGENVILLE", "KH. HASYIM ASHARI", "DR. SUTOMO",
          "IMAM BONJOL", "TEUKU UMAR", "CUT NYAK DIEN", "SULTAN AGUNG", "SISWOMIHARJO", "KALIURANG", "MAGELANG",
          "PROF. DR. HAMKA", "SETIABUDI", "CIHAMPELAS", "DAGO", "PASIR KALIKI", "RAYA DARMO", "BASUKI RAHMAT"]
VILLAGE = ["SUKAMAJU", "SUKAJADI", "MEKARSARI", "SUKARAME", "KARANGANYAR", "SIDOMULYO", "SUMBERSARI", "TEGALREJO",
           "MARGAHAYU", "CIBEUNYING", "CIPAGANTI", "CONDONGCATUR", "CATURTUNGGAL", "BANGUNTAPAN", "WONOKROMO",
           "KEBAYORAN LAMA", "TEBET BARAT", "PASAR MINGGU", "CIBUBUR", "PONDOK KELAPA", "SUKOHARJO", "NGAGLIK",
           "KALIRUNGKUT", "GUBENG", "DUKUH PAKIS", "KAMPUNG BARU", "PADANG BULAN", "SEI SIKAMBING B", "BATU AMPAR",
           "PANAKKUKANG", "TAMALANREA", "SANUR KAJA", "DAUH PURI", "OEBUFU", "KELAPA LIMA", "TANJUNG RIA", "DESA BARU",
           "PURWOREJO", "SINDANGLAYA", "JATIWARINGIN", "GROGOL", "KEBON JERUK", "DAYEUHKOLOT", "CILEUNYI WETAN",
           "LOWOKWARU", "KLOJEN", "BLIMBING", "SUKUN", "BANJARSARI", "LAWEYAN", "NGRINGO", "TRIHANGGO", "MLATI"]
KECAMATAN = ["COBLONG", "SUKAJADI", "DEPOK", "MLATI", "GAMPING", "NGAGLIK", "KEBAYORAN BARU", "TEBET", "CAKUNG",
             "MENTENG", "TANAH ABANG", "GUBENG", "RUNGKUT", "WONOKROMO", "MEDAN BARU", "MEDAN JOHOR", "RAPPOCINI",
             "DENPASAR SELATAN", "KUTA", "UBUD", "SUKARAME", "KEMILING", "LOWOKWARU", "KLOJEN", "BANYUMANIK",
             "TEMBALANG", "CANDISARI", "LAWEYAN", "JEBRES", "CIBEUNYING KIDUL", "CICENDO", "BOJONGSOANG", "CILEUNYI",
             "MARGAHAYU", "KALIDERES", "CIPUTAT", "SERPONG", "PONDOK AREN", "BEKASI UTARA", "TAMBUN SELATAN",
             "KOTA BARU", "PONTIANAK SELATAN", "OEBOBO", "ABEPURA", "SEI BEDUK", "BATAM KOTA", "SUMBERSARI", "KALIWATES"]
AGAMA = ["ISLAM"] * 14 + ["KRISTEN"] * 3 + ["KATOLIK"] * 2 + ["HINDU", "BUDHA", "KONGHUCU"]
STATUS = ["BELUM KAWIN"] * 4 + ["KAWIN"] * 6 + ["CERAI HIDUP", "CERAI MATI"]
PEKERJAAN = ["PELAJAR/MAHASISWA", "MENGURUS RUMAH TANGGA", "KARYAWAN SWASTA", "PETANI/PEKEBUN", "WIRASWASTA",
             "PEGAWAI NEGERI SIPIL", "BURUH HARIAN LEPAS", "NELAYAN/PERIKANAN", "GURU", "PEDAGANG",
             "BELUM/TIDAK BEKERJA", "KARYAWAN BUMN", "PENSIUNAN", "SOPIR", "PERANGKAT DESA", "TENTARA NASIONAL INDONESIA",
             "KEPOLISIAN RI", "PERAWAT", "DOSEN", "BURUH TANI/PERKEBUNAN", "TUKANG JAHIT", "KARYAWAN HONORER"]


@lru_cache(maxsize=1)
def regions():
    provs, regs = {}, []
    with open(os.path.join(HERE, "..", "..", "ocr", "data", "regions.csv"), newline="") as fh:  # the shipped code list
        for row in csv.reader(l for l in fh if not l.startswith("#")):
            if row[0] == "province":
                continue
            if row[1]:
                regs.append((row[0], row[1], row[2]))
            else:
                provs[row[0]] = row[2]
    return provs, regs


def ch(rng, seq):
    return seq[int(rng.integers(len(seq)))]


def uniq(rng, pool, k):
    pool = sorted(set(pool))
    idx = rng.choice(len(pool), size=min(k, len(pool)), replace=False)
    return [pool[int(i)] for i in idx]


def make_name(rng, female):
    r = rng.random()
    if r < 0.10:  # one word
        n = ch(rng, JAVA_F + SUNDA_F if female else JAVA_M + SUNDA_M)
    elif r < 0.32:
        first = ch(rng, ARABIC_F if female else ARABIC_M)
        if not female and rng.random() < 0.4:
            first = ch(rng, ["MUHAMMAD", "MUHAMAD", "MOH.", "M.", "MOCH.", "AHMAD"])
        rest = [w for w in uniq(rng, ARABIC_F + MODERN_F if female else ARABIC_M + MODERN_M, 3) if w != first][:int(rng.integers(1, 3))]
        n = " ".join([first] + rest)
    elif r < 0.50:
        pool = (JAVA_F + SUNDA_F + MODERN_F) if female else (JAVA_M + SUNDA_M + MODERN_M)
        n = " ".join(uniq(rng, pool, int(rng.integers(2, 4))))
    elif r < 0.60:
        n = ch(rng, BATAK_G + (MODERN_F if female else MODERN_M)) + " " + ch(rng, MARGA)
        if rng.random() < 0.3:
            n = ch(rng, EAST) + " " + n
    elif r < 0.68:
        pre = [p for p in BALI_PRE if p.startswith(("NI ", "GUSTI AYU")) == female] or BALI_PRE
        n = ch(rng, pre) + " " + ch(rng, BALI_REST)
    elif r < 0.76:
        if rng.random() < 0.5:
            n = ch(rng, CHINESE_G) + " " + ch(rng, CHINESE)
        else:
            n = ch(rng, CHINESE) + " " + ch(rng, ["SIOE", "KIAN", "HOK", "BENG", "LAN", "MEI", "HWA"]) + " " + ch(rng, ["LING", "HOK", "TJIANG", "NIO", "GIOK"])
    elif r < 0.84:
        n = ch(rng, EAST) + " " + ch(rng, EAST_SUR)
        if rng.random() < 0.3:
            n = ch(rng, EAST) + " " + n
    elif r < 0.90:
        n = ch(rng, MARKED) + " " + ch(rng, ARABIC_F + MODERN_F if female else ARABIC_M + JAVA_M)
    else:  # long names that wrap
        pool = (ARABIC_F + JAVA_F + MODERN_F) if female else (ARABIC_M + JAVA_M + MODERN_M)
        n = " ".join(uniq(rng, pool, int(rng.integers(4, 6))))
    if rng.random() < 0.08:
        n = ch(rng, ["HJ.", "DRA.", "DR.", "IR.", "RA."] if female else ["H.", "DRS.", "DR.", "IR.", "KH.", "R."]) + " " + n
    if rng.random() < 0.05:
        n = n + ", " + ch(rng, SUFFIX)
    return n


def fmt_dot(rng_tight, word):
    """'JL.' vs 'JL' etc: how this card's printer writes abbreviations."""
    return word if not rng_tight else word.rstrip(".")


def make_address(rng):
    dot = rng.random() < 0.6            # 'JL.' vs 'JL'
    sp = rng.random() < 0.6             # 'NO. 12' vs 'NO.12'
    no = f"NO.{' ' if sp else ''}{int(rng.integers(1, 250))}"
    if rng.random() < 0.1:
        no += ch(rng, ["A", "B", "C"])
    jl = "JL." if dot else "JL"
    r = rng.random()
    if r < 0.35:
        a = f"{jl} {ch(rng, STREET)} {no}" if rng.random() < 0.75 else f"{jl} {ch(rng, STREET)}"
    elif r < 0.52:
        a = f"DUSUN {ch(rng, VILLAGE)}" if rng.random() < 0.5 else f"DSN. {ch(rng, VILLAGE)}" if dot else f"DSN {ch(rng, VILLAGE)}"
    elif r < 0.67:
        blok = f"{ch(rng, 'ABCDEFGHJK')}{int(rng.integers(1, 30))}"
        a = f"PERUM {ch(rng, ['GRIYA', 'BUMI', 'PESONA', 'TAMAN', 'CITRA', 'GRAHA'])} {ch(rng, ['ASRI', 'INDAH', 'PERMAI', 'LESTARI', 'HARAPAN', 'MAS'])} BLOK {blok} {no}"
    elif r < 0.82:
        kp = "KP." if dot else "KP"
        a = f"{kp} {ch(rng, VILLAGE)}"
    else:
        gg = "GG." if dot else "GG"
        a = f"{jl} {ch(rng, STREET)} {gg} {ch(rng, ['MELATI', 'SEMAR', 'BIMA', 'ARJUNA', 'SERUNI', 'MANGGA', 'DAMAI', 'I', 'II', 'III'])} {no}"
    return a


def make_fields(rng):
    provs, regs = regions()
    pcode, rcode, rname = ch(rng, regs)
    female = rng.random() < 0.5
    today = dt.date(2024, 6, 1)
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=int(rng.integers(0, (dt.date(2007, 12, 31) - dt.date(1940, 1, 1)).days)))
    header_city = rname
    if " ADM. " in rname and rng.random() < 0.5:
        header_city = rname.split(" ADM. ", 1)[1]
    day = birth.day + (40 if female else 0)
    nik = f"{rcode}{int(rng.integers(1, 41)):02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{int(rng.integers(1, 10000)):04d}"
    if rng.random() < 0.55:
        place = ch(rng, CITIES)
    else:  # born in the regency itself
        place = rname.replace("KABUPATEN ", "").replace("KOTA ADM. ", "").replace("KOTA ", "").replace("ADM. KEP. ", "KEP. ")
    rt, rw = int(rng.integers(1, 20)), int(rng.integers(1, 15))
    if rng.random() < 0.82:
        berlaku = "SEUMUR HIDUP"
    else:
        y = int(rng.integers(2012, 2018))
        berlaku = dt.date(y, birth.month, min(birth.day, 28)).isoformat()
    status = ch(rng, STATUS) if (today - birth).days > 365 * 19 else "BELUM KAWIN"
    job = ch(rng, PEKERJAAN) if (today - birth).days > 365 * 23 else ch(rng, ["PELAJAR/MAHASISWA", "PELAJAR/MAHASISWA", "BELUM/TIDAK BEKERJA", "KARYAWAN SWASTA"])
    f = dict(
        nik=nik, nama=make_name(rng, female), tempat_lahir=place, tanggal_lahir=birth.isoformat(),
        jenis_kelamin="PEREMPUAN" if female else "LAKI-LAKI",
        golongan_darah=ch(rng, ["-", "-", "-", "O", "A", "B", "AB", "O", "A"]),
        alamat=make_address(rng), rt_rw=f"{rt:03d}/{rw:03d}", kel_desa=ch(rng, VILLAGE), kecamatan=ch(rng, KECAMATAN),
        agama=ch(rng, AGAMA), status_perkawinan=status, pekerjaan=job, kewarganegaraan="WNI",
        berlaku_hingga=berlaku, provinsi=provs[pcode], kabupaten_kota=header_city)
    issue = dt.date(2011, 1, 1) + dt.timedelta(days=int(rng.integers(0, 4700)))
    extra = dict(issue_place=header_city.replace("KABUPATEN ", "").replace("KOTA ", "") if rng.random() < 0.6 else header_city,
                 issue_date=issue.strftime("%d-%m-%Y"))
    return f, extra


def dmy(iso):
    y, m, d = iso.split("-")
    return f"{d}-{m}-{y}"
