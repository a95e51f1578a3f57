"""Regions (from regions.csv), villages, districts, addresses and birth places."""
import csv
import os
from functools import lru_cache
from .util import pick, wpick, chance

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@lru_cache(maxsize=1)
def regions():
    """Returns (provinces {code: name}, regencies [(prov, reg4, name)])."""
    provs, regs = {}, []
    with open(os.path.join(HERE, "..", "..", "ocr", "data", "regions.csv"), newline="") as f:  # the shipped code list
        rows = [r for r in csv.reader(l for l in f if not l.startswith("#"))]
    for r in rows[1:]:
        if len(r) < 3:
            continue
        if r[1] == "":
            provs[r[0]] = r[2].strip()
        else:
            name = r[2].strip()
            if name.startswith("KAB "):
                name = "KABUPATEN " + name[4:]
            regs.append((r[0], r[1], name))
    return provs, regs


def bare_regency(name):
    for p in ("KABUPATEN ADM. ", "KOTA ADM. ", "KABUPATEN ", "KOTA "):
        if name.startswith(p):
            return name[len(p):]
    return name


# weight regencies roughly by population: Java heavy
POP_W = {"31": 4, "32": 6, "33": 4, "34": 3, "35": 5, "36": 4, "12": 2.5, "51": 2, "73": 2,
         "16": 1.5, "18": 1.5, "13": 1.2, "14": 1.2, "61": 1.2, "64": 1.2, "71": 1.2, "53": 1.2}


def pick_regency(rng):
    _, regs = regions()
    w = [POP_W.get(p, 0.7) * (1.6 if n.startswith("KOTA") else 1.0) for p, _, n in regs]
    tot = sum(w)
    x = rng.random() * tot
    for (p, r, n), wi in zip(regs, w):
        x -= wi
        if x <= 0:
            return p, r, n
    return regs[-1]


PRE = ("SUKA CI MARGA SUMBER TANJUNG KARANG TEGAL PASIR BATU SIDO WONO NGALI MEKAR BOJONG PANDAN "
       "KEBON PULO RAWA LEBAK SUNGAI AIR TELUK GUNUNG PADANG BANJAR LAMBANG BUKIT").split()
SUF = ("MAJU JAYA MULYA SARI REJO HARJO ASIH RAHAYU MUKTI HARAPAN BARU INDAH MAKMUR DAMAI WARINGIN "
       "KULON WETAN LOR KIDUL TENGAH RAYA PUTIH MERAH ASRI ANYAR GEDE LUHUR AGUNG").split()
KEL_REAL = [k for k in ("MENTENG|CIKINI|GAMBIR|KEBON JERUK|KEMANG|CILANDAK|TEBET|RAWAMANGUN|CIPINANG|DAGO|"
                        "CIUMBULEUIT|ANTAPANI|SUKAJADI|CITARUM|MALABAR|GUBENG|WONOKROMO|KETINTANG|DARMO|"
                        "KRATON|PATANGPULUHAN|CATURTUNGGAL|CONDONGCATUR|SINDUADI|MAGUWOHARJO|UMBULHARJO|"
                        "PEDUNGAN|SANUR KAJA|DALUNG|KESIMAN|PAAL DUA|WENANG|TIKALA|BANTA-BANTAENG|"
                        "TAMALANREA|PANAIKANG|MEDAN BARU|PETISAH TENGAH|SEI SIKAMBING B|KAMPUNG BARU|"
                        "SIMPANG TIGA|KAMPUNG MELAYU|KALIBATA|PENGGILINGAN|DUREN SAWIT|BABAKAN CIPARAY|"
                        "CIBEUNYING|PASIRLAYUNG|MARGAHAYU UTARA|BOJONGSOANG|TLOGOMAS|DINOYO|KAUMAN|"
                        "PURWOKINANTI|BANGUNTAPAN|TAMANTIRTO|NGESTIHARJO|PANGGUNGHARJO|JATIMULYO|"
                        "LOWOKWARU|KEDUNGKANDANG|MOJOSONGO|LAWEYAN|PURWOSARI|SETIABUDI|CEMPAKA PUTIH|"
                        "TANAH ABANG|KOTA BAMBU SELATAN|PULO GADUNG|LUBUK BUAYA|AIR TAWAR BARAT|"
                        "TANJUNG REJO|LABUHAN RATU|WAY HALIM PERMAI|SUNGAI BELIUNG|TELUK DALAM").split("|")]
KEC_REAL = ("COBLONG|SUKASARI|ANDIR|CICENDO|BOJONGLOA KALER|ARCAMANIK|KIARACONDONG|DEPOK|MLATI|NGAGLIK|"
            "GAMPING|KASIHAN|SEWON|BANGUNTAPAN|GONDOKUSUMAN|JETIS|LOWOKWARU|KLOJEN|BLIMBING|SUKUN|"
            "TAMBAKSARI|RUNGKUT|WONOCOLO|GENTENG|TEGALSARI|BANYUMANIK|TEMBALANG|PEDURUNGAN|CANDISARI|"
            "MENTENG|TEBET|PASAR MINGGU|JAGAKARSA|CAKUNG|KEMBANGAN|CENGKARENG|KOJA|TANJUNG PRIOK|"
            "DENPASAR SELATAN|KUTA|KUTA UTARA|MENGWI|UBUD|MEDAN KOTA|MEDAN JOHOR|MEDAN SUNGGAL|"
            "TAMALATE|PANAKKUKANG|BIRINGKANAYA|WENANG|MAPANGET|KOTO TANGAH|PADANG UTARA|"
            "KEDATON|RAJABASA|PONTIANAK BARAT|SAMARINDA ULU|BALIKPAPAN SELATAN|KUPANG TENGAH|"
            "OEBOBO|ABEPURA|JAYAPURA UTARA|CIMAHI UTARA|CIBINONG|CILEUNGSI|BEKASI TIMUR|TAMBUN SELATAN|"
            "CIKARANG UTARA|KARAWACI|CIPONDOH|SERPONG|PAMULANG|CIPUTAT|SOREANG|MAJALAYA|BALEENDAH|"
            "PURWOKERTO UTARA|KARTASURA|GROGOL|BOYOLALI|KUDUS KOTA|WIRADESA|BATANG|KEBUMEN").split("|")
STREETS = ("MERDEKA|SUDIRMAN|DIPONEGORO|GATOT SUBROTO|AHMAD YANI|A. YANI|PEMUDA|KENANGA|MAWAR|MELATI|"
           "CEMPAKA|ANGGREK|FLAMBOYAN|TERATAI|DAHLIA|KH. HASYIM ASHARI|RAYA BOGOR|PAHLAWAN|VETERAN|"
           "SISINGAMANGARAJA|IMAM BONJOL|HAYAM WURUK|GAJAH MADA|PANGERAN ANTASARI|KAPTEN MUSLIHAT|"
           "CIHAMPELAS|KALIURANG KM 7|MAGELANG KM 5|RAYA SEREANG|KARTINI|SUKARNO HATTA|SOEKARNO-HATTA|"
           "DR. WAHIDIN|HOS COKROAMINOTO|MT. HARYONO|R.E. MARTADINATA|JEND. SUDIRMAN|PROF. DR. HAMKA|"
           "BUNG TOMO|TUANKU IMAM|PERINTIS KEMERDEKAAN|TAMAN SISWA|RAYA PASAR MINGGU|NUSA INDAH|"
           "SEROJA|BOUGENVILLE|KAMBOJA|MANGGA DUA|DELIMA|DURIAN|RAMBUTAN|SALAK|NANGKA|SAWO").split("|")
PERUM = ("GRIYA ASRI|BUMI INDAH|TAMAN SARI|PERMATA HIJAU|GRAHA PERMAI|BUMI ORANGE|PONDOK INDAH|"
         "CITRA RAYA|PURI KENCANA|VILLA MUTIARA|TAMAN CIBODAS|BUMI SERPONG DAMAI|GRIYA SEJAHTERA|"
         "KORPRI|PERUMNAS|BUKIT HIJAU|TAMAN PALEM|GRIYA PRIMA|VILLA NUSA INDAH|GRAND CIKARANG").split("|")


def kel_desa(rng):
    if chance(rng, 0.45):
        return pick(rng, KEL_REAL)
    s = pick(rng, PRE)
    t = pick(rng, SUF)
    return (s + t) if chance(rng, 0.6) and len(s) < 6 else (s + " " + t)


def kecamatan(rng, regency_name):
    r = rng.random()
    bare = bare_regency(regency_name)
    if r < 0.15 and len(bare) < 14:
        return bare + " " + pick(rng, ["BARAT", "TIMUR", "UTARA", "SELATAN", "TENGAH", "KOTA"])
    if r < 0.6:
        return pick(rng, KEC_REAL)
    return pick(rng, PRE) + pick(rng, SUF) if chance(rng, 0.5) else pick(rng, PRE) + " " + pick(rng, SUF)


def alamat(rng, prov):
    n = int(rng.integers(1, 250))
    kind = wpick(rng, [("jl", 0.34), ("dusun", 0.13), ("perum", 0.14), ("kp", 0.1), ("gg", 0.1),
                       ("jlgg", 0.06), ("komp", 0.04), ("btn", 0.03), ("br", 0.06 if prov == "51" else 0.01),
                       ("lingk", 0.03), ("desa", 0.03)])
    nom = pick(rng, ["NO. ", "NO.", "NO "]) if chance(rng, 0.85) else "NO. "
    blk = pick(rng, "ABCDEFGHJK") + str(int(rng.integers(1, 25)))
    if kind == "jl":
        return "JL. " + pick(rng, STREETS) + (" " + nom + str(n) if chance(rng, 0.8) else "")
    if kind == "dusun":
        return "DUSUN " + wpick(rng, [(pick(rng, PRE) + pick(rng, SUF), 0.5), ("KRAJAN", 0.2),
                                       (pick(rng, ["I", "II", "III", "IV", "V"]), 0.3)])
    if kind == "perum":
        return "PERUM " + pick(rng, PERUM) + " BLOK " + blk + " " + nom + str(int(rng.integers(1, 40)))
    if kind == "kp":
        return "KP. " + pick(rng, PRE) + pick(rng, SUF)
    if kind == "gg":
        return "GG. " + pick(rng, STREETS) + (" " + pick(rng, ["I", "II", "III", "IV"]) if chance(rng, 0.4) else "") + " " + nom + str(n)
    if kind == "jlgg":
        return "JL. " + pick(rng, STREETS) + " GG. " + pick(rng, STREETS) + " " + nom + str(n)
    if kind == "komp":
        return "KOMP. " + pick(rng, PERUM) + " " + nom + str(n)
    if kind == "btn":
        return "BTN " + pick(rng, PERUM) + " BLOK " + blk
    if kind == "br":
        return "BR. " + pick(rng, ["DINAS ", ""]) + pick(rng, PRE) + " " + pick(rng, SUF)
    if kind == "lingk":
        return "LINGK. " + pick(rng, PRE) + " " + pick(rng, SUF)
    return "DESA " + pick(rng, PRE) + pick(rng, SUF)


def birth_place(rng, prov, regency_name):
    """Usually the home regency or a regency of the same province, sometimes elsewhere."""
    _, regs = regions()
    r = rng.random()
    if r < 0.45:
        name = regency_name
    elif r < 0.8:
        same = [n for p, _, n in regs if p == prov]
        name = pick(rng, same)
    else:
        name = pick(rng, regs)[2]
    bare = bare_regency(name)
    if bare.startswith("JAKARTA") and chance(rng, 0.5):
        bare = "JAKARTA"
    return bare
