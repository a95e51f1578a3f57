"""Indonesian personal names from many regions, generated in capitals as on an e-KTP."""
from .util import pick, chance, wpick

W = str.split
JAVA_M = W("BUDI SANTOSO SLAMET RIYADI SUGENG HARTONO AGUS SETIAWAN JOKO SUSILO BAMBANG WAHYUDI EKO "
           "PRASETYO HADI PURNOMO SUPRIYADI SUTRISNO WIDODO MULYONO SUPARMAN SUGIONO TEGUH RAHARJO ARIF "
           "NUGROHO ANDI KURNIAWAN YUDHA PRATAMA DIMAS ADITYA SAPUTRA RIZKY FAJAR GILANG RAMADHAN WAHYU "
           "BAGUS SETYO BUDIONO MARYONO PAIMIN KASNO TUKIMIN NGATIMIN PONIMAN SUWARNO HERU SUHARTO "
           "DANANG YOGA ILHAM SATRIO WIBOWO HANDOKO TRIYONO SUDARSONO PAIJO SARDI KUSNADI GALIH BAYU "
           "ANGGA ADI CAHYO DARMAWAN SUYANTO SUPARDI SUMARNO RUDI HARYANTO IMAM SYAIFUL ACHMAD KHOIRUL "
           "MUHAMMAD ABDUL ROHMAN ZAINAL ARIFIN NUR CHOLIS FERDIAN DWI TRI")
JAVA_F = W("SRI WAHYUNI SITI AMINAH ENDANG SULASTRI SUPARMI SUMARNI TUMINAH SUKINEM PARTINI RINI PUJI "
           "LESTARI DEWI KARTIKA NINGSIH YULIANA RATNA SARI WULANDARI INDAH PERMATASARI DIAN ANGGRAENI "
           "PUTRI AYU NUR HIDAYAH ASTUTI ERNI WATI SUSANTI NOVITA ANISA FITRIANI RAHAYU MARYATI WARSINI "
           "SUGIYEM PAINEM SITI MUNAROH KHOIRUNNISA LAILATUL FITRIYAH UMI KULSUM NANIK SUSILOWATI TITIK "
           "MURNI YUNI ARIYANTI DWI TRI RETNO HANDAYANI EVI NURUL AINI SEPTI DIAH PITALOKA MEGA")
SUNDA_M = W("ASEP UJANG DEDE CECEP ENCEP DADANG SUNARYA YAYAN SUHERMAN AHMAD HIDAYAT ROHMAT JAJANG "
            "NANANG KURNIA DEDI MULYADI IWAN SETIAWAN ENDANG AANG WAWAN GUNAWAN RIDWAN DENI SOLIHIN "
            "OMAN SUPRIATNA UDIN SAEPUDIN DADAN RAMDANI YUDI PERMANA AGUS SUPRIYATNA HERMAN TATANG")
SUNDA_F = W("EUIS IMAS NENG NENENG YETI CUCU ENUNG TITIN IIS LILIS KOKOM ENOK NURHAYATI RINA MARLINA "
            "ELIS SUMIATI TINI ROSITA NINA KARLINA YANTI SUMARNI EMAH AISAH DEWI SRI MULYANI TATI "
            "HERAWATI ENENG SITI NURJANAH EUTIK YAYAH")
BATAK_M = W("RUDOLF JONNY MARULAK HOTMAN TUMPAL PARLINDUNGAN BONAR DAVID MARTUA SAHAT ROBERT "
            "POLTAK JUNIOR ANTONIUS TOGAR JHONSON HENDRIK BISMAR FERDINAND LAMHOT MANGATUR DANIEL")
BATAK_F = W("RUMONDANG TIORINA DUMARIA MASTA ROSLINA LASMA NURMAIDA DEBORA MARIANI ROTUA SONDANG "
            "HOTMAIDA LINDA RISMA MELATI FRIDA RENTA")
MARGA = W("SIMANJUNTAK SITUMORANG NAINGGOLAN HUTAPEA PANJAITAN SIAHAAN SIREGAR HARAHAP NASUTION "
          "LUBIS SIMATUPANG SINAGA PASARIBU TAMPUBOLON MANURUNG SIHOMBING SILALAHI SEMBIRING GINTING "
          "TARIGAN SITEPU PURBA DAMANIK SARAGIH HUTAGALUNG SIMBOLON NAPITUPULU HUTABARAT SITOMPUL "
          "PARDEDE MARPAUNG HUTAURUK SIMAMORA DALIMUNTHE BATUBARA")
MINANG_M = W("AFRIZAL DEDI YULIUS ZULKIFLI SYAFRIAL ERIZAL HENDRA RISMAN DONI FEBRIAN YUSRIZAL "
             "ZULFAHMI ASWIR NOFRIANDI RAHMAT EFENDI JASMAN DASRIL IRWAN ALFIAN YONDRI")
MINANG_F = W("YELNI ROSMAWATI ELVI YUSNIDAR DESMAWATI NURHAYATI WIRDA FITRI YENI ROSNI ASNIDAR "
             "YULIARNI NOVRIZA SUSI ERMAWATI DELVITA")
BUGIS_M = W("MUHAMMAD ARIFUDDIN SYAMSUDDIN BAHARUDDIN NURDIN HASANUDDIN JUMADI SUDIRMAN BASO "
            "HAERUDDIN ARSYAD RUSDI SYAHRIR AMIRUDDIN ILYAS KADIR MAPPIASSE TAHIR SULTAN ASRUL")
BUGIS_F = W("NURHAEDAH HASNAH SITTI NURJANNAH HASMAWATI MUSDALIFAH RAHMATIA KASMAWATI HAJRAH "
            "NURMALASARI ST. AMINAH SUHARTINA MARDIANA HADIJAH")
BALI_M = W("SUARDANA SUDARMA ARTAWAN ADNYANA WIRAWAN SUPARTA MERTAYASA ARIASA ANTARA GUNAWAN "
           "PASEK SUDIANA ASTAWA SUKARDANA PUTRA WIDIANA JULIANTARA DARMAYASA SUTAMA RAI")
BALI_F = W("SRIASIH PUSPAWATI SUWARNI ARIANI MARTINI WIDIASTUTI DEWI SUASTINI SUKERTI PUSPITA "
           "RATNADI ARTINI KARMINI SRI WAHYUNI")
CHINA_GIVEN_M = W("FELIX KEVIN MICHAEL WILLIAM VINCENT CHRISTIAN HENDRA YOHANES STEVEN ANDREW "
                  "HARTONO BUDI JIMMY SUGIANTO ROBBY ALBERT")
CHINA_GIVEN_F = W("JESSICA STEPHANIE FELICIA JENNIFER LILY MEILIANA SUSANTI VERONICA LINDA "
                  "YULIANA MELISA CYNTHIA MONICA IRENE NATALIA")
CHINA_SUR = W("GUNAWAN WIJAYA SANTOSO TANOTO HALIM SUSANTO KUSUMA TJAHJADI SETIADI LIMANTO WIDJAJA "
              "SALIM TANUWIJAYA HARTANTO SUTANTO LIEM TAN LIE OEI ONG KWEE")
CHINA_OLD = ["LIEM SIOE LAN", "TAN BOEN HOK", "OEI KIM LIANG", "GO TJIAN HOA", "THE SIAUW HOA",
             "ONG KIE LIONG", "KWEE GIOK NIO", "LIE TJOEN NIO", "TAN KIM HWA"]
ARAB_M = W("MUHAMMAD AHMAD ABDUL RAHMAN HASAN HUSEIN SALIM ABDULLAH UMAR ALI HAMID MAHMUD YUSUF "
           "IBRAHIM ISMAIL FAUZI ZULFIKAR FIRDAUS SYARIF HABIB THALIB SAID AQIL MUHSIN FARID")
ARAB_F = W("FATIMAH AISYAH KHADIJAH ZAINAB SYARIFAH NURUL MARYAM SALMA HALIMAH RUQAYYAH SAIDAH "
           "LATIFAH HANIFAH SALWA NAJWA")
ARAB_SUR = W("ALATAS ASSEGAF ALHABSYI BAHASUAN BAWEDAN ALKAFF BASALAMAH BAFADAL ALJUFRI BAAGIL")
EAST_M = W("YOHANES MARKUS PETRUS YOSEPH AGUSTINUS FRANSISKUS OKTOVIANUS YAKOBUS SIMON PAULUS "
           "YULIUS BERNADUS ALOYSIUS YOSUA DOMINGGUS METUSALAK NIKOLAS ONESIMUS")
EAST_F = W("YULIANA MARIA MAGDALENA ELISABETH NOVITA MARTHA AGUSTINA YOHANA REGINA FERONIKA "
           "BERTA KORNELIA DORTEA SANTI")
EAST_SUR = W("WENDA KOGOYA WONDA TABUNI RUMBIAK MANDOWEN PATTIASINA LATUPEIRISSA TUHUMURY SOPACUA "
             "LEKATOMPESSY NDOLU MANAFE LAKE BENU TEFA NENOBAIS SUMAMPOUW WALANDOUW RUNTUWENE "
             "LUMINTANG MAMAHIT POLII LAKAHENA TANAEM SERAN BERE KOLO")
EAST_SUR2 = ["DA COSTA", "DE ROZARI", "DA SILVA", "DE FRETES"]
MALAY_M = W("ZULKARNAIN SYAHRIL RAHMAT HAMDAN ISKANDAR FAISAL MUKHLIS TAUFIK AZHAR SAIFUL JUNAIDI "
            "KHAIRUL RIDHO FAHMI BUSTAMI")
MALAY_F = W("ROSMAINI NURHASANAH FAUZIAH SYARIFAH ROSLINA ZURAIDA HAMIDAH JUNAIDAH MURNIATI "
           "ZAHARA CUT NURMALA RAIHAN")
APOS = ["MA'RUF", "JA'FAR", "NU'MAN", "SYAFI'I", "MU'AWANAH", "ZAKIYYATUL", "FATHUR RAHMAN"]
DEGREES = [", S.PD", ", S.E", ", S.H", ", S.KOM", ", S.KEP", ", A.MD", ", S.T", ", M.PD",
           ", S.SOS", ", S.AG", ", S.PD.I", ", A.MD.KEP", ", S.FARM", ", S.PT", ", S.IP"]

# group weights per province code (first two NIK digits)
REGION_GROUPS = {
    "11": [("malay", 6), ("arab", 1)], "12": [("batak", 6), ("malay", 2), ("java", 2), ("china", 1)],
    "13": [("minang", 8), ("java", 1)], "14": [("malay", 4), ("minang", 2), ("java", 2), ("batak", 1)],
    "15": [("malay", 4), ("java", 3)], "16": [("malay", 5), ("java", 3)], "17": [("malay", 4), ("java", 2)],
    "18": [("java", 5), ("malay", 3)], "19": [("malay", 3), ("china", 2)], "21": [("malay", 3), ("batak", 1), ("china", 1)],
    "31": [("java", 3), ("sunda", 2), ("batak", 1), ("china", 2), ("arab", 1), ("minang", 1)],
    "32": [("sunda", 8), ("java", 2)], "33": [("java", 10)], "34": [("java", 10)], "35": [("java", 10), ("arab", 1)],
    "36": [("sunda", 5), ("java", 2)], "51": [("bali", 9), ("java", 1)], "52": [("malay", 5), ("bali", 1)],
    "53": [("east", 9)], "61": [("malay", 4), ("china", 2), ("east", 1)], "62": [("malay", 4), ("java", 2)],
    "63": [("malay", 6), ("java", 1)], "64": [("malay", 3), ("bugis", 3), ("java", 2)],
    "65": [("malay", 3), ("bugis", 2)], "71": [("east", 8), ("malay", 1)], "72": [("bugis", 5), ("malay", 2)],
    "73": [("bugis", 9)], "74": [("bugis", 6), ("malay", 1)], "75": [("malay", 6)], "76": [("bugis", 6)],
    "81": [("east", 6), ("malay", 2)], "82": [("malay", 4), ("east", 2)], "91": [("east", 8), ("java", 1)],
    "92": [("east", 7), ("bugis", 1)],
}


def _join(parts):
    out = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return " ".join(out)


def _core(rng, group, male):
    """Return the bare name (no title/degree)."""
    if group == "java":
        pool = JAVA_M if male else JAVA_F
        k = wpick(rng, [(1, 2), (2, 5), (3, 3), (4, 0.6)])
        return _join(pick(rng, pool) for _ in range(k))
    if group == "sunda":
        pool = SUNDA_M if male else SUNDA_F
        return _join(pick(rng, pool) for _ in range(wpick(rng, [(1, 2), (2, 5), (3, 2)])))
    if group == "batak":
        first = _join(pick(rng, BATAK_M if male else BATAK_F) for _ in range(wpick(rng, [(1, 3), (2, 2)])))
        marga = pick(rng, MARGA)
        if not male and chance(rng, 0.6):
            marga = pick(rng, ["BR ", "BR. ", "BORU "]) + marga
        return _join([first, marga])
    if group == "minang":
        pool = MINANG_M if male else MINANG_F
        return _join(pick(rng, pool) for _ in range(wpick(rng, [(1, 4), (2, 4), (3, 1)])))
    if group == "bugis":
        pool = BUGIS_M if male else BUGIS_F
        n = _join(pick(rng, pool) for _ in range(wpick(rng, [(1, 3), (2, 4), (3, 2)])))
        if chance(rng, 0.2):
            n = "ANDI " + n
        elif male and chance(rng, 0.2):
            n = pick(rng, ["MUH. ", "MUHAMMAD ", "M. "]) + n
        if chance(rng, 0.1):
            n += " DAENG " + pick(rng, W("NGALLE TOMPO SIJAYA MANGUNG BELLA"))
        return n
    if group == "bali":
        if chance(rng, 0.12):
            pre = pick(rng, ["IDA BAGUS", "ANAK AGUNG", "I GUSTI NGURAH", "A.A."] if male else
                       ["IDA AYU", "ANAK AGUNG AYU", "I GUSTI AYU", "DESAK"])
        else:
            order = pick(rng, ["WAYAN", "MADE", "NYOMAN", "KETUT", "GEDE", "PUTU", "KADEK", "KOMANG", "LUH"])
            if male:
                pre = "I " + (order if order != "LUH" else "GEDE")
            else:
                pre = "NI " + pick(rng, ["LUH", "LUH PUTU", "MADE", "NYOMAN", "KETUT", "PUTU", "WAYAN", "KADEK", "KOMANG"])
        pool = BALI_M if male else BALI_F
        return _join([pre] + [pick(rng, pool) for _ in range(wpick(rng, [(1, 5), (2, 3)]))])
    if group == "china":
        if chance(rng, 0.15):
            return pick(rng, CHINA_OLD)
        g = pick(rng, CHINA_GIVEN_M if male else CHINA_GIVEN_F)
        return _join([g] + ([pick(rng, CHINA_GIVEN_M if male else CHINA_GIVEN_F)] if chance(rng, 0.2) else [])
                     + [pick(rng, CHINA_SUR)])
    if group == "arab":
        pool = ARAB_M if male else ARAB_F
        n = [pick(rng, pool) for _ in range(wpick(rng, [(1, 2), (2, 4), (3, 2)]))]
        if chance(rng, 0.4):
            n += [pick(rng, ["BIN", "BIN"] if male else ["BINTI"]), pick(rng, ARAB_M)]
        elif chance(rng, 0.35):
            n.append(pick(rng, ARAB_SUR))
        return _join(n)
    if group == "east":
        n = [pick(rng, EAST_M if male else EAST_F) for _ in range(wpick(rng, [(1, 4), (2, 2)]))]
        n.append(pick(rng, EAST_SUR2) if chance(rng, 0.08) else pick(rng, EAST_SUR))
        return _join(n)
    # malay / general sumatra-kalimantan-sulawesi muslim
    pool = MALAY_M if male else MALAY_F
    n = [pick(rng, pool) for _ in range(wpick(rng, [(1, 3), (2, 5), (3, 2)]))]
    if chance(rng, 0.15):
        n.insert(0, pick(rng, ["MUHAMMAD", "T.", "TEUKU", "M."] if male else ["CUT", "SITI", "NUR"]))
    return _join(n)


def make_name(rng, prov_code, male, age):
    groups = REGION_GROUPS.get(prov_code, [("java", 3), ("malay", 3)])
    groups = groups + [("china", 0.25), ("arab", 0.25), ("java", 0.5)]
    group = wpick(rng, groups)
    name = _core(rng, group, male)
    if chance(rng, 0.03):
        name = name.split(" ")[0] + " " + pick(rng, APOS) if " " in name else pick(rng, APOS)
    if age > 45 and group in ("java", "sunda") and chance(rng, 0.15):
        name = name.split(" ")[0]  # older people often have a single name
    if group not in ("bali", "east", "china", "batak") and age > 35 and chance(rng, 0.12):
        name = ("H. " if male else "HJ. ") + name
    elif age > 40 and chance(rng, 0.03):
        name = pick(rng, ["DRS. ", "IR. ", "DR. "]) + name
    if age > 22 and chance(rng, 0.08):
        name += pick(rng, DEGREES)
    words = name.split(" ")
    if len(words) > 5:
        name = " ".join(words[:5])
    return name.rstrip(","), group
