"""Personal names by origin and sex."""


# names ----------------------------------------------------------------------
JAVA_M = ["SUPRIYADI", "SUGIHARTO", "SLAMET", "SUPARMAN", "SUTRISNO", "BAMBANG", "WAHYU", "JOKO", "AGUS",
          "BUDI", "HERU", "SUKIRMAN", "PAIMAN", "TUKIMIN", "SUWARNO", "PARJIYO", "MULYONO", "HARYANTO",
          "SUNARTO", "TRI", "DWI", "EKO", "ARIF", "PRASETYO", "NUGROHO", "SETIAWAN", "SANTOSO", "WIBOWO",
          "KUSUMA", "HADI", "PURNOMO", "SUBAGYO", "WIDODO", "GUNAWAN", "SISWANTO", "WARSITO", "TEGUH",
          "RAHARJO", "SETYO", "BASUKI", "ADI", "YULIANTO", "PAIDI", "SARIMIN", "KATIMAN"]
JAVA_F = ["SRI", "SITI", "WAHYUNI", "SUMARNI", "SUPARMI", "TUMINAH", "SULASTRI", "SUKARTI", "PARTINAH",
          "RATNA", "DEWI", "ENDANG", "NINGSIH", "LESTARI", "RAHAYU", "PURWANTI", "WULANDARI", "ASTUTI",
          "HANDAYANI", "SETYOWATI", "KUSUMAWATI", "MARYATI", "SUWARTI", "WINARSIH", "TRI", "DWI", "YULI",
          "ANIK", "PUJI", "INDAH", "SUGIYEM", "PAINEM", "SUMIYATI", "KARSINI"]
SUNDA_M = ["ASEP", "UJANG", "CECEP", "DEDE", "YAYAN", "ENTIS", "ENDANG", "DADANG", "AHMAD", "UDIN",
           "SUNANDAR", "SOPYAN", "SUTISNA", "HIDAYAT", "RUHIMAT", "SAEPUDIN", "KOSASIH", "RUSTANDI",
           "SUHENDAR", "JAJANG", "DEDI", "MAMAT", "OMAN", "ENJANG", "KURNIA", "NANDANG", "AJAT", "DIDIN",
           "SURYANA", "SOLIHIN", "MULYANA", "IRAWAN", "GUMILAR", "PERMANA", "SAPUTRA"]
SUNDA_F = ["EUIS", "NENG", "DEDE", "IIS", "ENOK", "YAYAH", "ROHAYATI", "KOMALASARI", "NURHAYATI",
           "IMAS", "TITIN", "YULIANI", "ELIS", "NINING", "CUCU", "AAS", "ROSMIATI", "YATI", "SUMIATI",
           "NENDEN", "LILIS", "RINA", "ANI", "SUSILAWATI", "MULYATI", "HERAWATI", "PUSPITA"]
ARAB_M = ["MUHAMMAD", "M.", "MOH.", "MUH.", "AHMAD", "ACHMAD", "ABDUL", "ABD.", "MU'MIN", "MA'RUF",
          "KHOIRUL", "ANAM", "SYAMSUL", "ARIFIN", "RAHMAN", "HAKIM", "FAUZI", "RIZKY", "RAMADHAN", "HASAN",
          "HUSEIN", "ALI", "UMAR", "YUSUF", "IBRAHIM", "ISMAIL", "IHSAN", "FAHMI", "ZAINAL", "ABIDIN",
          "SAIFUL", "MA'ARIF", "NUR", "HIDAYATULLAH", "ROSYID", "SYAHRUL", "FIRDAUS", "LUQMAN", "NA'IM",
          "BAHRUDIN", "MUSTHOFA", "AL-FARIZI", "IMRON", "ZULKIFLI", "ABDULLAH", "FATHUR", "RAHIM"]
ARAB_F = ["SITI", "NUR'AINI", "NURUL", "HIDAYAH", "FATIMAH", "AZ-ZAHRA", "AISYAH", "KHADIJAH", "ZAHRA",
          "ZULAIKHA", "MAISAROH", "ROHMAH", "NUR", "LAILATUL", "FITRIYAH", "QOMARIYAH", "MU'AWANAH",
          "UMMI", "KULSUM", "HALIMAH", "SALSABILA", "NAFISAH", "ROFI'AH", "SYARIFAH", "AMINAH", "MASRUROH",
          "JAMILAH", "ULFA", "KHUSNUL", "KHOTIMAH", "ISTIQOMAH", "ALFIYAH"]
MODERN_M = ["ADITYA", "PRATAMA", "RIZKI", "ANDIKA", "PUTRA", "FAJAR", "DIMAS", "BAYU", "ALDI", "RAFI",
            "KEVIN", "FERDIAN", "ANGGA", "SAPUTRA", "ARDIANSYAH", "FIRMANSYAH", "MAULANA", "ILHAM", "REZA",
            "YOGA", "GILANG", "RAMADHAN", "ALFARIZI", "DANU", "SATRIA", "WIJAYA", "KURNIAWAN", "HERMAWAN",
            "NAUFAL", "FADHIL", "ZIDAN", "RAKA", "ABIMANYU", "ARKAN", "HAIKAL"]
MODERN_F = ["NAYLA", "PUTRI", "AYU", "DWI", "LESTARI", "ANISA", "NABILA", "AULIA", "SALSA", "CITRA",
            "KHARISMA", "DEWI", "INTAN", "PERMATA", "SARI", "AMELIA", "NOVITA", "SEPTIANI", "RAHMAWATI",
            "FEBRIANTI", "MELATI", "ANGGRAENI", "PRATIWI", "KIRANA", "ZASKIA", "AZZAHRA", "MAHARANI",
            "CAHYANI", "OKTAVIA", "ALYA", "SYIFA", "KEISHA"]
BATAK_MARGA = ["NASUTION", "SIREGAR", "HARAHAP", "LUBIS", "SIMATUPANG", "PANJAITAN", "SIANTURI",
               "HUTAGALUNG", "SITORUS", "MANURUNG", "SINAGA", "TAMPUBOLON", "SILALAHI", "PASARIBU", "GINTING",
               "SEMBIRING", "TARIGAN", "SIMANJUNTAK", "HUTAPEA", "SIHOMBING", "NAINGGOLAN", "SITUMORANG",
               "SIAHAAN", "PARDEDE", "SIMBOLON", "DAULAY", "RANGKUTI", "NABABAN", "HUTABARAT", "PURBA"]
BATAK_M = ["RONALD", "JONI", "MARTIN", "TUA", "PARLINDUNGAN", "HOTMAN", "BONAR", "POLTAK", "SAHAT",
           "MANGIHUT", "JHONSON", "BENNY", "ROY", "DANIEL", "SAMUEL", "FRANS", "HENDRA", "RUDI", "ARMAN",
           "TORANG", "BINSAR", "GOMGOM", "DAVID", "ROBERT", "IMANUEL", "TIGOR"]
BATAK_F = ["MARTHA", "ROSMAWATI", "LINDA", "MARIA", "RUTH", "ESTER", "TIOMINAR", "DUMARIA", "RISMA",
           "NURMALA", "SARMA", "ROSLINA", "HOTMAIDA", "DEBORA", "YOHANA", "LASMARIA", "KRISTINA", "MELVA"]
BALI_M = ["I WAYAN", "I MADE", "I NYOMAN", "I KETUT", "I GEDE", "I PUTU", "I KADEK", "I KOMANG",
          "I GUSTI NGURAH", "I GUSTI BAGUS", "ANAK AGUNG GDE", "IDA BAGUS", "I DEWA GEDE"]
BALI_F = ["NI WAYAN", "NI MADE", "NI NYOMAN", "NI KETUT", "NI LUH PUTU", "NI PUTU", "NI KADEK",
          "NI KOMANG", "I GUSTI AYU", "ANAK AGUNG ISTRI", "IDA AYU", "NI LUH"]
BALI_N = ["SUDARSANA", "ARTAWAN", "SUARDANA", "MERTAYASA", "WIDIASTUTI", "SUWITRA", "ADNYANA", "ARIMBAWA",
          "SUKADANA", "DARMAWAN", "ARY", "SRI", "PUSPAWATI", "KARTIKA", "SUASTIKA", "MAHENDRA", "WIRAWAN",
          "SWASTINI", "PARWATI", "ASTINI", "SUDIARTA", "YASA", "WIDIADA", "ANTARA"]
MANADO_M = ["JEFRI", "STEVEN", "REYNALDO", "FRANKY", "MAIKEL", "JOHANIS", "ALFRED", "FERRY", "VICKY",
            "ARNOLD", "HANNY", "YOPPY", "DEIBY"]
MANADO_F = ["GRACE", "MARIA", "MEITY", "VENNY", "FIONA", "NOVITA", "JEANE", "OLVIE", "SINTHIA", "DEBBY",
            "MARLINA", "YULIANA", "STELLA"]
MANADO_FAM = ["PANGEMANAN", "KARAMOY", "LUMENTUT", "RUMONDOR", "WALANDOUW", "SUMAMPOUW", "TUMBELAKA",
              "MANOPPO", "POLII", "RONDONUWU", "SONDAKH", "WUISAN", "MAMAHIT", "LENGKONG", "TAMPI"]
BUGIS_PRE = ["ANDI", "ANDI MUH.", "A.", "H.", "HJ."]
BUGIS_N = ["ARSYAD", "NURHAYATI", "BASO", "TENRI", "SULTAN", "IRWAN", "SAHARUDDIN", "SYAMSUDDIN",
           "NURDIN", "KAHAR", "HAERUDDIN", "ASRIANI", "MUSDALIFAH", "HASNAWATI", "JUMRIANI", "RISNAWATI",
           "MUHAMMAD TAUFIK", "SUKMAWATI", "AMIRUDDIN", "DAENG", "NGALLE", "BAHTIAR", "MULIANI"]
MINANG = ["RAHMAT", "HIDAYAT", "YUSRIZAL", "AFRIZAL", "DESI", "RAHMAWATI", "ZULHENDRI", "ERIZAL",
          "YENI", "NOVRIANTI", "ASRUL", "SYAFRIL", "ELFINA", "YULIARNI", "RIKO", "FITRI", "DASRIL",
          "HENDRI", "YUNITA", "ZULFAHMI", "MARDIANA"]
CHINESE_M = ["HENDRA", "GUNAWAN", "SUSANTO", "KEVIN", "WILLIAM", "JOHAN", "HALIM", "TANOTO", "SALIM",
             "WIJAYA", "HARTONO", "TJHIN", "LIE", "TAN", "ONG", "KWEE", "LIM", "SUGIANTO", "SETIADI",
             "HANDOKO", "SANJAYA", "CHANDRA", "ALEXANDER", "VINCENT"]
CHINESE_F = ["LINDA", "FELICIA", "MELISA", "JESSICA", "VERONIKA", "LILIANA", "MEILINA", "SUSANTI",
             "CHRISTINE", "YENNY", "LIANA", "WIJAYA", "HALIM", "TAN", "GUNAWAN", "LIE", "ANGELINA", "FENNY"]
SASAK = ["LALU", "BAIQ", "MUHAMMAD", "ZAINUDDIN", "ABDUL", "HAMID", "SAHNAN", "SUPARDI", "HAERANI",
         "NURHASANAH", "MARDIAH", "SAHRONI", "ISNAINI", "WARDANI"]


def _words(r, pool, k):
    out = []
    for _ in range(k):
        w = r.choice(pool)
        if w not in out:
            out.append(w)
    return out


def make_name(r, style, female, age):
    roll = r.random()
    if style == "bali" and roll < 0.8:
        pre = r.choice(BALI_F if female else BALI_M)
        n = [pre] + _words(r, BALI_N, r.choice([1, 1, 2, 2, 3]))
    elif style == "batak" and roll < 0.7:
        if female:
            n = _words(r, BATAK_F, r.choice([1, 1, 2])) + ([r.choice(["BR.", "BR", "BORU"])] if r.random() < 0.6 else [])
        else:
            n = _words(r, BATAK_M, r.choice([1, 1, 2]))
        n.append(r.choice(BATAK_MARGA))
    elif style == "manado" and roll < 0.7:
        n = _words(r, MANADO_F if female else MANADO_M, r.choice([1, 1, 2])) + [r.choice(MANADO_FAM)]
    elif style == "bugis" and roll < 0.6:
        pre = r.choice(BUGIS_PRE)
        if female and pre == "H.":
            pre = "HJ."
        if not female and pre == "HJ.":
            pre = "H."
        n = [pre] + _words(r, BUGIS_N, r.choice([1, 2, 2]))
    elif style == "minang" and roll < 0.6:
        n = _words(r, MINANG, r.choice([1, 2, 2, 3]))
    elif style == "sasak" and roll < 0.6:
        n = [("BAIQ" if female else "LALU")] + _words(r, SASAK[2:], r.choice([1, 2]))
    elif roll < 0.07:
        n = _words(r, CHINESE_F if female else CHINESE_M, r.choice([2, 2, 3]))
    else:
        # javanese / sundanese / arabic-derived / modern mixes
        base = {"sunda": SUNDA_F if female else SUNDA_M}.get(style, JAVA_F if female else JAVA_M)
        arab = ARAB_F if female else ARAB_M
        modern = MODERN_F if female else MODERN_M
        k = r.random()
        if age > 45 and k < 0.35:
            n = _words(r, base, 1)  # classic single name
        elif age < 30 and k < 0.6:
            n = _words(r, modern + arab, r.choice([2, 3, 3, 4, 5]))
        else:
            pools = [base, arab, modern]
            n = []
            for _ in range(r.choice([1, 2, 2, 3, 3, 4])):
                w = r.choice(r.choice(pools))
                if w not in n:
                    n.append(w)
        if n and n[-1] in ("M.", "MOH.", "MUH.", "ABD."):
            n.append(r.choice(ARAB_M[9:]))
        if age > 50 and r.random() < 0.08 and not female:
            n = ["H."] + n
        elif age > 50 and r.random() < 0.06 and female:
            n = ["HJ."] + n
    name = " ".join(n)
    name = " ".join(name.split()[:6])
    return name
