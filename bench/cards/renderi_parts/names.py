"""Indonesian personal names from many regions and religions."""
from .util import pick, wpick, chance

JAWA_M = ("SUTRISNO BAMBANG SUGENG SLAMET BUDI AGUS JOKO WAHYU HERU EKO PRASETYO WIBOWO SANTOSO SUSILO "
          "HARTONO SUPRIYADI MULYONO SUPARMAN SUKARDI PURWANTO SETIAWAN NUGROHO HADI KUSUMA RAHARJO WIDODO "
          "SUTANTO DARMANTO TEGUH ARIF YUDI GUNAWAN HERMAWAN PRIYANTO SUYANTO WARSITO PAIDI SARIMIN KATIMIN "
          "MUJIONO SUWARNO JUMADI RIYANTO SUGIYONO SUPRAPTO SURYADI TRIYONO SUHARTO WALUYO MARDI SUBAGYO "
          "KUSNADI SUMARNO YULIANTO BAYU DIMAS ADITYA SETYO SAPTO NGADIMAN TUKIMAN").split()
JAWA_F = ("SRI RAHAYU WAHYUNI SUPRIYATI SUMARNI ENDANG LESTARI ASTUTI WULANDARI PURWANINGSIH SULASTRI "
          "SUPARMI SUMIYATI NGATINI PARTINAH TUMINAH SUKINAH MARYATI SURATMI YULIANI KUSUMAWATI RATNA PUJI "
          "WINARSIH SETYANINGSIH HANDAYANI SUSANTI INDAH NURHAYATI WIDYASTUTI RETNO DEWI SUGIYEM PAINEM "
          "MURTINI SUKARTI WAGIYEM TRI ANDRIANI KARTIKA ARUM SEKAR").split()
SUNDA_M = ("ASEP UJANG DEDEN DADANG CECEP AAN UDIN JAJANG YAYAN DEDE OMAN MAMAN HENDRA IWAN YANA SUTISNA "
           "SUHENDAR KURNIAWAN SOLIHIN RUSTANDI SAEPUL HIDAYAT RAHMAT SOBARI SUPRIATNA TATANG NANANG ENGKOS "
           "KOSASIH MULYANA SUNARYA DIDIN ENCEP AJAT ENJANG").split()
SUNDA_F = ("NENG EUIS IMAS ENTIN NENENG CUCU ELIS YANTI TITIN IKAH LILIS NINING NUNUNG WIWIN YENI ENOK "
           "ROSITA NURAENI KOMALASARI MULYANI ROSMIATI AAY EEN ICAH NURLAELA SUMIATI YAYAH").split()
ARAB_M = ("MUHAMMAD MOHAMMAD MOCHAMAD AHMAD ACHMAD ABDUL ABDULLAH RIZKY FAJAR FAUZI HASAN HUSEIN IBRAHIM "
          "ISMAIL YUSUF ZAINAL ARIFIN HIDAYATULLAH NU'MAN SYAIFUL ROHMAN RAHMAN HAKIM MA'RUF FIRDAUS ALI UMAR "
          "USMAN HAMZAH ILHAM RIDWAN MUHLIS ZULKIFLI KHOIRUL ANWAR AMIN FAISAL SYAHRUL ILYAS SYAFI'I "
          "MUSTOFA LUTFI ABDURRAHMAN NASRULLAH HABIBI IMRON SAIFUDIN MAHMUD").split()
ARAB_F = ("SITI NURUL AISYAH FATIMAH KHADIJAH NURHALIZA ZAHRA SALSABILA AULIA AINUN HALIMAH MAIMUNAH "
          "ROHIMAH SA'DIYAH MAR'ATUS SHOLIHAH KHOIRUNNISA UMI ZULAIKHA NAFISAH HANIFAH SALMA LAILA ANISA "
          "RAHMAWATI NURJANAH MUNAWAROH ISTIQOMAH MASRUROH FAUZIAH HABIBAH QONITA").split()
BATAK_M = ("TUMPAL HOTMAN PARLINDUNGAN MANGASI SAHAT POLTAK BONAR TIGOR MARULAM BINSAR JONATAN DAVID "
           "ROBERT RAJA GOKMAN HORAS PARULIAN MARUHUM DONAL RICARDO").split()
BATAK_F = ("DAME ROSMAULI TIOMINAR HOTNIDA LASMARIA MARTA RUTH RISMA NURMAIDA ROSTIANA SONDANG "
           "ROMAULI HERLINA LAMRIA").split()
MARGA = ("SIMANJUNTAK SIAHAAN NAINGGOLAN HUTAPEA SIREGAR NASUTION LUBIS HARAHAP SIMATUPANG PANJAITAN "
         "SITORUS SINAGA MANURUNG SIHOMBING SITUMORANG PARDEDE TAMPUBOLON SIMBOLON SARAGIH PURBA GINTING "
         "SEMBIRING TARIGAN SIPAYUNG MARPAUNG HUTAGALUNG BUTAR-BUTAR SILALAHI DAMANIK PANGARIBUAN").split()
BALI_ORDER = "WAYAN PUTU GEDE MADE KADEK NENGAH NYOMAN KOMANG KETUT".split()
BALI_M = ("SUDARSANA ARTAWAN WIRAWAN SUARDANA MERTA SUKADANA BUDIARTA DARMAYASA SANJAYA SUPARTA ASTAWA "
          "ARIANA SUYASA WIDIANA MAHENDRA ADNYANA SUWITRA").split()
BALI_F = ("AYU WIDIASTUTI SUARNI ARIANI PUSPITA DEWI SUMERTI KARTINI ARYANI SRIASIH MARHAENI SUARTINI "
          "WIDIANTARI PURNAMI").split()
CHINA_M = ("WILLIAM HENDRA SUSANTO KEVIN STEVEN VINCENT ANDREAS JOHAN HARRY FERRY ALBERT BUDIMAN "
           "HENGKY RUDY JIMMY TONNY").split()
CHINA_F = ("LINDA MELIANA FELICIA JESSICA YENNY SUSAN LILY MEILISA CHRISTINE VIVIAN IRENE "
           "JULIANA MONICA NOVITA").split()
CHINA_LAST = ("TANOTO HALIM GUNAWAN SALIM WIJAYA KUSUMA SANTOSO TANUWIJAYA HARTONO SETIADI LIMANTO "
              "SUGIANTO TJAHJADI WIBISONO HALIMAN SUTANTO CHANDRA").split()
CHINA_OLD = ("LIE KIM HOA", "TAN SIOK LAN", "LIM BOEN KIE", "GO TJIN NIO", "OEI HONG LIAN",
             "THE SWIE HOK", "KHO PING HOO", "LIAUW TJOEN", "ONG LIE NA", "NG SIEW LING")
EAST_M = ("YOHANES YOSEF PETRUS PAULUS MARKUS YULIUS FRANSISKUS ALOYSIUS BENEDIKTUS AGUSTINUS "
          "YAKOBUS SIMON MIKAEL ROBERTUS STEFANUS ELIAS DOMINGGUS MARTINUS ANDREAS YOSIAS").split()
EAST_F = ("MARIA MARGARETHA KORNELIA YULIANA ELISABETH MARTHA YOSEFINA SOPHIA FLORENTINA ADRIANA "
          "REGINA MAGDALENA VERONIKA AGUSTINA KRISTINA").split()
EAST_LAST = ("DA COSTA", "DE FRETES", "PATTINAMA", "LATUHARHARY", "WATTIMENA", "SAHETAPY", "TUHUTERU",
             "WALANDOUW", "SUMAMPOUW", "LUMINTANG", "RUNTUWENE", "MANDAGI", "PANGEMANAN", "KAUNANG",
             "NDOEN", "BANOET", "FERNANDEZ", "DA SILVA", "KOLO", "LEWAR", "BOLI", "NUBAN", "FALLO",
             "NENOBAIS", "WENDA", "KOGOYA", "TABUNI", "MANSOBEN", "RUMBIAK", "KAFIAR", "WANIMBO",
             "PIGAI", "RUMBEWAS", "LAKA", "TEFA")
BUGIS_M = "SYAMSUDDIN SYAHRIR BAHAR SUPARDI BASO BACO ARSYAD SYUKUR MUSTARI JUFRI HAMKA AMIRUDDIN".split()
BUGIS_F = "HASNAWATI NURHAEDAH HERLINA IRMAWATI BECCE SITTI NURMIATI HASNAH MARLINA ROSDIANA".split()
MINANG_M = "AFRIZAL SYAFRIZAL HENDRI IRWAN RIKI DONI YULIANDRI ZULFIKAR EFENDI ERIZAL ROSMAN".split()
MINANG_F = "FITRI YULIA DESI ELVI NOVIA RAHMADANI YUSNIMAR ERNAWATI SRI WAHYUNI LENI".split()
MODERN_M = ("RIZKY ADITYA PRATAMA DIMAS ANGGARA ALDI RAFI FARHAN DANIEL REZA FAHMI ILHAM RAMADHAN "
            "SEPTIAN FEBRIAN ARYA SATRIA BAGUS PUTRA MAULANA AKBAR SYAHPUTRA FIRMANSYAH SAPUTRA").split()
MODERN_F = ("NABILA PUTRI AULIA RAHMA DEVI ANGGI AYU LESTARI DINDA TIARA SALSA CHELSEA NADIA AMELIA "
            "CITRA INDRI FEBRIANTI OKTAVIANI NOVITASARI DESTIANA PRATIWI MAHARANI SAFITRI "
            "PERMATASARI RAMADHANI").split()

DEGREES = ["S.PD", "S.E", "S.KOM", "S.H", "S.SOS", "S.T", "S.AG", "A.MD", "M.PD", "S.KEP"]


def _join(parts):
    out = []
    for p in parts:
        if p and p not in out:
            out.append(p)
    return " ".join(out)


def _generic(rng, first, second):
    n = int(wpick(rng, [(1, 0.18), (2, 0.5), (3, 0.26), (4, 0.06)]))
    return _join([pick(rng, first)] + [pick(rng, second) for _ in range(n - 1)])


def make_name(rng, sex, group):
    m = sex == "M"
    if group == "jawa":
        name = _generic(rng, JAWA_M if m else JAWA_F, (JAWA_M if m else JAWA_F) + (MODERN_M if m else MODERN_F))
    elif group == "sunda":
        name = _generic(rng, SUNDA_M if m else SUNDA_F, (SUNDA_M + ARAB_M) if m else (SUNDA_F + JAWA_F))
    elif group == "arab":
        first = pick(rng, ARAB_M if m else ARAB_F)
        if m and chance(rng, 0.15):
            first = "MOH." if chance(rng, 0.6) else "MUH."
        rest = [pick(rng, (ARAB_M + MODERN_M + JAWA_M) if m else (ARAB_F + MODERN_F + JAWA_F))
                for _ in range(int(rng.integers(1, 4)))]
        name = _join([first] + rest)
    elif group == "batak":
        g = pick(rng, BATAK_M if m else BATAK_F)
        mid = [pick(rng, EAST_M if m else EAST_F)] if chance(rng, 0.25) else []
        name = _join([g] + mid + [pick(rng, MARGA)])
        if not m and chance(rng, 0.2):
            name = _join([g, "BR", pick(rng, MARGA)])
    elif group == "bali":
        order = pick(rng, BALI_ORDER)
        if m:
            pre = wpick(rng, [("I", 0.75), ("I GUSTI NGURAH", 0.1), ("ANAK AGUNG GEDE", 0.07), ("I DEWA", 0.08)])
            name = _join([pre, order, pick(rng, BALI_M)] + ([pick(rng, BALI_M)] if chance(rng, 0.3) else []))
        else:
            pre = wpick(rng, [("NI", 0.55), ("NI LUH", 0.25), ("I GUSTI AYU", 0.1), ("ANAK AGUNG AYU", 0.1)])
            name = _join([pre, order, pick(rng, BALI_F)] + ([pick(rng, BALI_F)] if chance(rng, 0.3) else []))
    elif group == "china":
        if chance(rng, 0.15):
            name = pick(rng, CHINA_OLD)
        else:
            name = _join([pick(rng, CHINA_M if m else CHINA_F), pick(rng, CHINA_LAST)])
    elif group == "east":
        first = pick(rng, EAST_M if m else EAST_F)
        mid = [pick(rng, EAST_M if m else EAST_F)] if chance(rng, 0.35) else []
        name = _join([first] + mid + [pick(rng, EAST_LAST)])
    elif group == "bugis":
        pre = ["ANDI"] if chance(rng, 0.25) else []
        first = pick(rng, BUGIS_M + ARAB_M if m else BUGIS_F + ARAB_F)
        name = _join(pre + [first] + ([pick(rng, BUGIS_M if m else BUGIS_F)] if chance(rng, 0.5) else []))
    elif group == "minang":
        name = _generic(rng, MINANG_M if m else MINANG_F, (MINANG_M + ARAB_M) if m else (MINANG_F + ARAB_F))
    else:  # modern
        name = _join([pick(rng, MODERN_M if m else MODERN_F) for _ in range(int(rng.integers(2, 4)))])
    # titles and degrees
    r = rng.random()
    if group in ("arab", "jawa", "sunda", "bugis", "minang") and r < 0.06:
        name = ("H. " if m else "HJ. ") + name
    elif r < 0.085:
        name = pick(rng, ["DRS. ", "IR. ", "DR. "] if m else ["DRA. ", "IR. ", "DR. "]) + name
    elif r < 0.12:
        name = name + ", " + pick(rng, DEGREES)
    if chance(rng, 0.03):
        name = name + " " + _join([pick(rng, JAWA_M + SUNDA_M if m else JAWA_F + MODERN_F) for _ in range(2)])
    return name


def group_for_province(rng, prov_code):
    p = int(prov_code)
    table = {
        11: [("arab", 0.6), ("minang", 0.2), ("jawa", 0.2)],
        12: [("batak", 0.5), ("arab", 0.2), ("jawa", 0.15), ("china", 0.15)],
        13: [("minang", 0.6), ("arab", 0.4)],
        32: [("sunda", 0.55), ("arab", 0.25), ("modern", 0.1), ("jawa", 0.1)],
        36: [("sunda", 0.4), ("arab", 0.3), ("jawa", 0.2), ("china", 0.1)],
        31: [("arab", 0.25), ("jawa", 0.25), ("modern", 0.15), ("china", 0.15), ("batak", 0.1), ("sunda", 0.1)],
        33: [("jawa", 0.65), ("arab", 0.25), ("modern", 0.1)],
        34: [("jawa", 0.65), ("arab", 0.2), ("modern", 0.15)],
        35: [("jawa", 0.55), ("arab", 0.35), ("modern", 0.1)],
        51: [("bali", 0.8), ("jawa", 0.1), ("arab", 0.1)],
        61: [("china", 0.3), ("arab", 0.4), ("east", 0.15), ("jawa", 0.15)],
        71: [("east", 0.8), ("arab", 0.2)],
        73: [("bugis", 0.7), ("arab", 0.3)],
        74: [("bugis", 0.5), ("arab", 0.5)],
        76: [("bugis", 0.6), ("arab", 0.4)],
        21: [("china", 0.2), ("arab", 0.4), ("minang", 0.2), ("batak", 0.2)],
    }
    if p in table:
        return wpick(rng, table[p])
    if p >= 81 or p in (53, 72):
        return wpick(rng, [("east", 0.65), ("arab", 0.25), ("bugis", 0.1)])
    return wpick(rng, [("arab", 0.35), ("jawa", 0.25), ("minang", 0.1), ("modern", 0.15), ("china", 0.05),
                       ("batak", 0.05), ("bugis", 0.05)])


def religion_for_group(rng, group):
    if group == "bali":
        return wpick(rng, [("HINDU", 0.9), ("ISLAM", 0.05), ("KRISTEN", 0.05)])
    if group == "batak":
        return wpick(rng, [("KRISTEN", 0.75), ("KATOLIK", 0.15), ("ISLAM", 0.1)])
    if group == "east":
        return wpick(rng, [("KATOLIK", 0.45), ("KRISTEN", 0.5), ("ISLAM", 0.05)])
    if group == "china":
        return wpick(rng, [("BUDHA", 0.4), ("KRISTEN", 0.25), ("KATOLIK", 0.2), ("KONGHUCU", 0.15)])
    if group == "arab":
        return "ISLAM"
    return wpick(rng, [("ISLAM", 0.9), ("KRISTEN", 0.05), ("KATOLIK", 0.05)])
