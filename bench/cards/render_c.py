#!/usr/bin/env python3
"""render_c.py - synthetic phone photos of Indonesian e-KTP cards (renderer "c").

Debian font packages needed: fonts-noto-core, fonts-dejavu-core, fonts-dejavu-extra
(Noto Sans / Noto Sans Display regular+bold, DejaVu Sans and DejaVu Sans Condensed
regular+bold; "condensed" and "semibold" variants of Noto are emulated by horizontal
scaling and a 1 px stroke).

What it draws
-------------
A flat ID-1 card (1200-1400 px wide, 85.6 x 54 mm aspect, rounded corners) built with
numpy/OpenCV for geometry and Pillow for text:
  * tint: light blue-green (~50%), faded/washed-out blue (~17%), yellowed (~17%),
    grey photocopy (~16%), with a top-to-bottom gradient;
  * security print: guilloche sine bundles, a rosette, a faint archipelago-like map,
    a faint Garuda-like emblem, tiled micro text "REPUBLIK INDONESIA";
  * two centred bold header lines PROVINSI ... / KABUPATEN|KOTA ...;
  * bold large NIK row; 12 labelled rows (label : VALUE) with a varying label column
    width, colon gap, row pitch (0.045-0.058 card heights), label/value font size,
    horizontal condensation 0.82-1.0, optional faux-semibold values, "Gol. Darah" /
    "Gol Darah", "Tempat/Tgl Lahir" / "Tempat/Tgl. Lahir", "Kel/Desa" / "Kel / Desa",
    long addresses wrapped onto a second line;
  * right third: portrait (red or blue background, head, hair or hijab, shirt), issue
    place ("KAB. MALANG", "KOTA SURABAYA", ...) and date, a signature scribble.
All data is consistent: the NIK = province+regency code (from the header) + district
01-30 + DDMMYY (DD+40 for women) + serial.

Photo effects (ranges)
----------------------
  * slight bend of the card (rows curved, amplitude 0-1.8% of card height), 70%;
  * in-plane tilt -20..20 deg (mostly within 8), perspective corner jitter 0-6%;
  * card fills 25-95% of the frame (clamped so it stays inside with a margin);
  * 90/180/270 deg rotation of the whole photo on ~35% ("rotation" = clockwise
    rotation of the card as seen in the final image);
  * backgrounds: plain colour with lighting gradient, paper, wood, patterned cloth /
    bed sheet, hand-held (blurred room + palm behind the card + thumb);
  * finger or thumb (skin tone, cylindrical shading, optional nail, soft shadow)
    over an edge or a corner on ~25% (never over NIK, name, birth date rows);
  * glare spot (40%), soft shadow of phone/hand (30%);
  * exposure: normal (~65%) / dim (~20%: gain 0.35-0.6, noise sigma 4.5-10) /
    overexposed (~15%: gain 1.2-1.5, linear clip or soft knee); white balance
    shift; vignette and lighting gradient; sensor noise sigma 1.5-4;
  * motion blur (directional kernel 3-12 px, capped at 0.4 x the value-text cap
    height so text stays readable) on 25%, or else defocus (gaussian sigma
    0.4-1.6, capped at 0.12 x cap height) on 20%;
  * the card is at least 600 px wide in the output (1000 px before a screenshot);
  * 'screenshot of a photo' on 10%: photo shrunk into a phone screen with status bar
    (time, signal, battery), dark app bar, bottom bar, moire-like nearest resampling;
  * JPEG quality 30-90, output long side 640-2000 px.

Usage: python render_c.py --n N --seed S --out DIR
Writes DIR/c_<seed>_<i:04d>.jpg and appends one JSON line per photo to DIR/truth.jsonl.
"""
import argparse
import json
import math
import os
import random
import sys

import numpy as np
import cv2
from PIL import Image, ImageDraw, ImageFont

FONT_PACKAGES = ["fonts-noto-core", "fonts-dejavu-core", "fonts-dejavu-extra"]

NOTO = "/usr/share/fonts/truetype/noto/"
DJV = "/usr/share/fonts/truetype/dejavu/"
FONT_FILES = {
    "NotoSans": (NOTO + "NotoSans-Regular.ttf", NOTO + "NotoSans-Bold.ttf", "fonts-noto-core"),
    "NotoSansDisplay": (NOTO + "NotoSansDisplay-Regular.ttf", NOTO + "NotoSansDisplay-Bold.ttf",
                        "fonts-noto-core"),
    "DejaVuSansCondensed": (DJV + "DejaVuSansCondensed.ttf", DJV + "DejaVuSansCondensed-Bold.ttf",
                            "fonts-dejavu-extra"),
    "DejaVuSans": (DJV + "DejaVuSans.ttf", DJV + "DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
}


def check_fonts():
    for fam, (r, b, pkg) in FONT_FILES.items():
        for f in (r, b):
            if not os.path.exists(f):
                sys.exit("render_c.py: font file %s missing - install the Debian package '%s' "
                         "(apt-get install -y %s)" % (f, pkg, pkg))


_FONT_CACHE = {}


def font(path, size):
    key = (path, int(size))
    f = _FONT_CACHE.get(key)
    if f is None:
        f = ImageFont.truetype(path, int(size))
        _FONT_CACHE[key] = f
    return f


# ----------------------------------------------------------------------------- data
REGIONS = {
    # code: (kabupaten_kota as printed, issue place, [kecamatan])
    "3507": ("KABUPATEN MALANG", "KAB. MALANG", ["LAWANG", "SINGOSARI", "KEPANJEN", "PAKIS", "TUMPANG",
                                                "DAMPIT", "TUREN", "KARANGPLOSO", "DAU"]),
    "3573": ("KOTA MALANG", "KOTA MALANG", ["LOWOKWARU", "KLOJEN", "BLIMBING", "SUKUN", "KEDUNGKANDANG"]),
    "3578": ("KOTA SURABAYA", "KOTA SURABAYA", ["WONOKROMO", "TAMBAKSARI", "RUNGKUT", "GUBENG", "SUKOLILO",
                                                "KENJERAN", "MULYOREJO", "TEGALSARI", "SAWAHAN", "WIYUNG"]),
    "3515": ("KABUPATEN SIDOARJO", "KAB. SIDOARJO", ["SIDOARJO", "WARU", "TAMAN", "CANDI", "BUDURAN",
                                                     "GEDANGAN", "SUKODONO", "KRIAN", "PORONG"]),
    "3509": ("KABUPATEN JEMBER", "KAB. JEMBER", ["KALIWATES", "SUMBERSARI", "PATRANG", "AMBULU"]),
    "3273": ("KOTA BANDUNG", "KOTA BANDUNG", ["COBLONG", "SUKAJADI", "CICENDO", "ANDIR", "ANTAPANI",
                                              "BUAHBATU", "KIARACONDONG", "LENGKONG", "BANDUNG WETAN"]),
    "3204": ("KABUPATEN BANDUNG", "KAB. BANDUNG", ["BALEENDAH", "DAYEUHKOLOT", "SOREANG", "MAJALAYA",
                                                   "CILEUNYI", "BOJONGSOANG", "MARGAHAYU", "BANJARAN"]),
    "3201": ("KABUPATEN BOGOR", "KAB. BOGOR", ["CIBINONG", "CITEUREUP", "GUNUNG PUTRI", "BOJONGGEDE",
                                               "CILEUNGSI", "CIAWI", "LEUWILIANG", "PARUNG"]),
    "3271": ("KOTA BOGOR", "KOTA BOGOR", ["BOGOR TENGAH", "BOGOR BARAT", "BOGOR UTARA", "TANAH SAREAL"]),
    "3275": ("KOTA BEKASI", "KOTA BEKASI", ["BEKASI TIMUR", "BEKASI BARAT", "BEKASI UTARA", "RAWALUMBU",
                                            "BANTARGEBANG"]),
    "3276": ("KOTA DEPOK", "KOTA DEPOK", ["BEJI", "PANCORAN MAS", "CIMANGGIS", "SUKMAJAYA", "SAWANGAN"]),
    "3374": ("KOTA SEMARANG", "KOTA SEMARANG", ["SEMARANG TENGAH", "BANYUMANIK", "TEMBALANG", "PEDURUNGAN",
                                                "GENUK", "GAYAMSARI", "CANDISARI", "NGALIYAN"]),
    "3372": ("KOTA SURAKARTA", "KOTA SURAKARTA", ["LAWEYAN", "SERENGAN", "PASAR KLIWON", "JEBRES",
                                                  "BANJARSARI"]),
    "3471": ("KOTA YOGYAKARTA", "KOTA YOGYAKARTA", ["GONDOKUSUMAN", "JETIS", "TEGALREJO", "UMBULHARJO",
                                                    "KOTAGEDE", "MERGANGSAN", "MANTRIJERON", "WIROBRAJAN"]),
    "3404": ("KABUPATEN SLEMAN", "KAB. SLEMAN", ["DEPOK", "MLATI", "GAMPING", "NGAGLIK", "KALASAN"]),
    "3174": ("KOTA ADM. JAKARTA SELATAN", "JAKARTA SELATAN", ["KEBAYORAN BARU", "KEBAYORAN LAMA", "TEBET",
                                                              "SETIABUDI", "MAMPANG PRAPATAN", "PANCORAN",
                                                              "JAGAKARSA", "CILANDAK", "PASAR MINGGU"]),
    "3603": ("KABUPATEN TANGERANG", "KAB. TANGERANG", ["CIKUPA", "CURUG", "PASAR KEMIS", "BALARAJA",
                                                       "KELAPA DUA", "TIGARAKSA", "LEGOK", "PANONGAN"]),
    "3671": ("KOTA TANGERANG", "KOTA TANGERANG", ["CILEDUG", "KARAWACI", "CIPONDOH", "PINANG", "TANGERANG"]),
    "1171": ("KOTA BANDA ACEH", "KOTA BANDA ACEH", ["BAITURRAHMAN", "KUTA ALAM", "SYIAH KUALA", "MEURAXA"]),
    "1271": ("KOTA MEDAN", "KOTA MEDAN", ["MEDAN BARU", "MEDAN KOTA", "MEDAN JOHOR", "MEDAN AREA",
                                          "MEDAN DENAI", "MEDAN SUNGGAL", "MEDAN HELVETIA", "MEDAN PETISAH"]),
    "1371": ("KOTA PADANG", "KOTA PADANG", ["PADANG BARAT", "PADANG TIMUR", "KOTO TANGAH", "KURANJI"]),
    "1471": ("KOTA PEKANBARU", "KOTA PEKANBARU", ["TAMPAN", "MARPOYAN DAMAI", "SUKAJADI", "BUKIT RAYA"]),
    "1671": ("KOTA PALEMBANG", "KOTA PALEMBANG", ["ILIR TIMUR I", "ILIR BARAT I", "SEBERANG ULU I",
                                                  "KEMUNING", "SAKO"]),
    "1871": ("KOTA BANDAR LAMPUNG", "KOTA BANDAR LAMPUNG", ["TANJUNG KARANG PUSAT", "KEDATON", "RAJABASA",
                                                            "SUKARAME", "KEMILING"]),
    "5171": ("KOTA DENPASAR", "KOTA DENPASAR", ["DENPASAR SELATAN", "DENPASAR TIMUR", "DENPASAR BARAT",
                                                "DENPASAR UTARA"]),
    "5103": ("KABUPATEN BADUNG", "KAB. BADUNG", ["KUTA", "KUTA UTARA", "MENGWI", "ABIANSEMAL"]),
    "6471": ("KOTA BALIKPAPAN", "KOTA BALIKPAPAN", ["BALIKPAPAN KOTA", "BALIKPAPAN UTARA",
                                                    "BALIKPAPAN SELATAN", "BALIKPAPAN TIMUR"]),
    "7171": ("KOTA MANADO", "KOTA MANADO", ["WENANG", "MALALAYANG", "TIKALA", "WANEA"]),
    "7371": ("KOTA MAKASSAR", "KOTA MAKASSAR", ["PANAKKUKANG", "TAMALATE", "RAPPOCINI", "MANGGALA",
                                                "BIRINGKANAYA", "TAMALANREA", "MARISO", "UJUNG PANDANG"]),
}
BRIEF_CODES = ["3507", "3573", "3578", "3515", "3273", "3204", "3374", "3471", "3174", "1271", "7371",
               "5171", "3201", "3603"]
PROVINCES = {"11": "ACEH", "12": "SUMATERA UTARA", "13": "SUMATERA BARAT", "14": "RIAU",
             "16": "SUMATERA SELATAN", "18": "LAMPUNG", "31": "DKI JAKARTA", "32": "JAWA BARAT",
             "33": "JAWA TENGAH", "34": "DI YOGYAKARTA", "35": "JAWA TIMUR", "36": "BANTEN", "51": "BALI",
             "52": "NUSA TENGGARA BARAT", "53": "NUSA TENGGARA TIMUR", "61": "KALIMANTAN BARAT",
             "64": "KALIMANTAN TIMUR", "71": "SULAWESI UTARA", "73": "SULAWESI SELATAN", "81": "MALUKU",
             "94": "PAPUA"}
BIRTH_PLACES = ["MALANG", "SURABAYA", "JAKARTA", "BANDUNG", "SEMARANG", "YOGYAKARTA", "MEDAN", "MAKASSAR",
                "DENPASAR", "BOGOR", "TANGERANG", "SIDOARJO", "KEDIRI", "BLITAR", "JEMBER", "BANYUWANGI",
                "MADIUN", "PASURUAN", "PROBOLINGGO", "LAMONGAN", "TUBAN", "GRESIK", "MOJOKERTO", "KLATEN",
                "SOLO", "PURWOKERTO", "CIREBON", "TASIKMALAYA", "GARUT", "SUKABUMI", "PALEMBANG", "PADANG",
                "PEKANBARU", "PONTIANAK", "BALIKPAPAN", "SAMARINDA", "MANADO", "AMBON", "KUPANG",
                "MATARAM", "BANDA ACEH", "PEMATANGSIANTAR", "TEGAL", "PEKALONGAN", "MAGELANG", "BEKASI",
                "DEPOK", "TABANAN", "GIANYAR", "BONE", "TULUNGAGUNG", "NGANJUK", "PONOROGO", "WONOGIRI"]
KEL_DESA = ["SUMBERSARI", "KARANGREJO", "MULYOREJO", "SUKAMAJU", "TEGALSARI", "SIDOMULYO", "SUKOHARJO",
            "PURWOREJO", "KEDUNGKANDANG", "TLOGOMAS", "DINOYO", "KETAWANGGEDE", "JATIMULYO", "MERJOSARI",
            "CIBUBUR", "CIPEDES", "SUKASARI", "CIKUTRA", "MEKARSARI", "MARGAHAYU", "PANJUNAN", "WONOSARI",
            "NGAGLIK", "BANGUNHARJO", "KALIBATA", "PETOGOGAN", "MENTENG DALAM", "CIPETE UTARA", "GANDARIA",
            "SEI SIKAMBING B", "PADANG BULAN", "TAMALANREA JAYA", "PANAIKANG", "SANUR", "PANJER",
            "DAUH PURI", "KAUMAN", "PANDEAN", "KRATON", "BANJARSARI", "SUKOREJO", "REJOSARI", "GEDANGAN",
            "KEPUHARJO", "TAMBAKREJO", "SUMBERREJO", "WATES", "KEBONSARI", "GUNUNGSARI", "PAGERWOJO",
            "SIDODADI", "TANJUNGSARI", "KARANGANYAR", "JATIRAHAYU", "PONDOK KELAPA", "LENTENG AGUNG"]
STREETS = ["MAWAR", "MELATI", "MERDEKA", "DIPONEGORO", "SUDIRMAN", "AHMAD YANI", "GATOT SUBROTO",
           "PAHLAWAN", "KENANGA", "ANGGREK", "CEMPAKA", "SOEKARNO HATTA", "IMAM BONJOL", "KARTINI",
           "RAYA DARMO", "TERNATE", "SURABAYA", "VETERAN", "PEMUDA", "GAJAH MADA", "HAYAM WURUK",
           "KH. HASYIM ASYARI", "DR. SUTOMO", "CUT NYAK DIEN", "TELUK BAYUR", "SIMPANG BOROBUDUR",
           "KALIURANG", "RAYA BOGOR", "PANGERAN ANTASARI", "MT. HARYONO", "BUNGA KOPI", "SEMERU",
           "BROMO", "ARJUNO", "KAWI", "WILIS", "MANGGA", "DURIAN", "NANGKA", "SALAK", "PISANG KIPAS"]
PLACES = ["KRAJAN", "KRAJAN LOR", "SUMBERWARU", "NGEMPLAK", "KEDUNGREJO", "BANARAN", "TEGALREJO",
          "SUKOREJO", "GENTENG", "MBATU", "CILEMPUNG", "CIBEUREUM", "PASIRJAYA", "KARANGTENGAH",
          "SIDOREJO", "GRIYA ASRI", "BUMI MUTIARA", "PERMATA HIJAU", "TAMAN SARI", "PURI INDAH",
          "GRAHA ASRI", "CITRA LAND", "SAWOJAJAR", "PONDOK INDAH", "BUNGA", "KELAPA GADING"]
AGAMA = ["ISLAM"] * 12 + ["KRISTEN"] * 2 + ["KATOLIK", "HINDU", "BUDHA", "KONGHUCU",
                                              "KEPERCAYAAN TERHADAP TUHAN YME"]
STATUS = ["BELUM KAWIN", "KAWIN", "KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]
PEKERJAAN = ["PELAJAR/MAHASISWA", "MENGURUS RUMAH TANGGA", "WIRASWASTA", "KARYAWAN SWASTA",
             "PETANI/PEKEBUN", "BURUH HARIAN LEPAS", "PEGAWAI NEGERI SIPIL (PNS)", "GURU",
             "NELAYAN/PERIKANAN", "PEDAGANG", "BELUM/TIDAK BEKERJA", "PENSIUNAN", "SOPIR", "TNI",
             "POLRI", "KARYAWAN BUMN", "PERANGKAT DESA", "BIDAN", "PERAWAT", "DOSEN", "TUKANG BATU",
             "BURUH TANI/PERKEBUNAN", "KARYAWAN HONORER", "IBU RUMAH TANGGA", "MEKANIK", "DOKTER"]

M_FIRST = ["MUHAMMAD", "AHMAD", "BUDI", "AGUS", "HENDRA", "RIZKY", "DIMAS", "ARIF", "EKO", "DWI", "TRI",
           "ANDI", "YUSUF", "HERU", "WAHYU", "DENI", "FAJAR", "ILHAM", "RUDI", "IWAN", "SYAHRIL", "ABDUL",
           "ADITYA", "BAYU", "FIRMAN", "HARIS", "IRFAN", "KURNIAWAN", "NUR", "RAHMAT", "TAUFIK", "YOGI",
           "DANANG", "GILANG", "REZA", "SATRIA", "ARDI", "JOKO", "BAMBANG", "HADI", "PRASETYO"]
M_LAST = ["SAPUTRA", "PRATAMA", "FAUZAN", "HIDAYAT", "SETIAWAN", "NUGROHO", "SANTOSO", "WIBOWO",
          "KURNIAWAN", "RAMADHAN", "FIRMANSYAH", "HAKIM", "SUSANTO", "PURNOMO", "SYAHPUTRA", "MAULANA",
          "ROHMAN", "ANSHORI", "ARIFIN", "HARAHAP", "GUNAWAN", "HERMAWAN", "WIJAYA", "PRASETYO"]
F_FIRST = ["SITI", "NUR", "DEWI", "SRI", "RINA", "WULAN", "AYU", "FITRI", "PUTRI", "INDAH", "RATNA",
           "YULIANA", "NOVITA", "DIAN", "LINDA", "MEGA", "RETNO", "ENDANG", "ANISA", "NADIA", "TRI",
           "EKA", "LUSI", "MAYA", "NINING", "FARIDA", "KHOIRUL", "UMI", "NURUL", "DESI", "YUNI"]
F_LAST = ["AMINAH", "NURHAYATI", "LESTARI", "RAHAYU", "WAHYUNI", "HANDAYANI", "KURNIASIH",
          "PERMATASARI", "SAFITRI", "FATIMAH", "KHASANAH", "UTAMI", "ANGGRAINI", "PUSPITASARI",
          "MARLINA", "SARI", "NOVIANTI", "MAWADDAH", "ZAHRA", "AZIZAH", "WULANDARI", "SUSANTI"]
JAV_M = ["SLAMET", "SUGIONO", "TUKIMAN", "WAGIMIN", "SUPARDI", "SUTRISNO", "SUPRIYADI", "PAIMAN",
         "SUKADI", "MARIJAN", "SUYONO", "KASMADI", "SUWARNO", "PARNO"]
JAV_F = ["SUPARMI", "SUKIRAH", "PAINEM", "SUMARNI", "KASNAH", "SUMIATI", "TUMINAH", "SARINAH",
         "WARSINI", "JUMINEM", "SITI MUNAWAROH", "SUWARTI"]
BATAK = ["SITUMORANG", "SIMANJUNTAK", "NAINGGOLAN", "HUTAGALUNG", "SIREGAR", "NASUTION", "HARAHAP",
         "PANJAITAN", "SIAHAAN", "SINAGA", "SIHOMBING", "MANURUNG", "SIMATUPANG", "LUBIS", "TAMBUNAN"]
CHR_M = ["JOSUA", "DANIEL", "SAMUEL", "YOHANES", "MARTIN", "ROBERT", "PAULUS", "ANDREAS", "FRANS",
         "STEVEN", "MICHAEL", "RICARDO"]
CHR_F = ["MARIA", "RUTH", "MAGDALENA", "ELISABETH", "MONICA", "KRISTINA", "DEBORA", "YOLANDA",
         "ROSALINA", "HANA", "CHRISTINE"]
BALI_M = ["I KETUT", "I WAYAN", "I MADE", "I NYOMAN", "I GEDE", "I PUTU", "I KOMANG", "I GUSTI NGURAH"]
BALI_F = ["NI LUH", "NI MADE", "NI KADEK", "NI PUTU", "NI KETUT", "NI WAYAN", "NI KOMANG"]
BALI_N = ["SUDARSANA", "ARTAWAN", "SUARDANA", "WIRAWAN", "ADNYANA", "MERTAYASA", "SRIASIH",
          "AYU LESTARI", "SUARTINI", "SUKERTI", "WIDIASIH", "DARMAYASA", "ASTAWA", "PARWATI"]
CHINESE = ["TAN", "LIEM", "LIE", "ONG", "KWEE", "GO", "OEI", "TJHIN", "THE", "LIM"]
CH_GIVEN = ["SWIE KING", "HOK LIANG", "MEI LING", "SIAU HWA", "BUN HAN", "LAN NIO", "KIEM HOA",
            "TJOEN", "HONG GIE"]
CH_INDO_M = ["HENDRA WIJAYA", "FELIX HALIM", "HARTONO TANUWIJAYA", "YOHANES GUNAWAN", "SUSANTO",
             "KEVIN SANTOSO", "WILLIAM TANOTO", "BUDIMAN SALIM", "ANTON SETIADI", "ROBBY KUSUMA"]
CH_INDO_F = ["LINDA SETIAWAN", "MELIANA HALIM", "SUSI TANUWIJAYA", "JESSICA WIJAYA", "LILY GUNAWAN",
             "VERONIKA SANTOSO", "FENNY KURNIAWAN", "MEILANI SUSANTO"]
APOS_M = ["M. SYAHRIL", "MU'MIN", "MA'RUF AMIN", "M. IQBAL", "H. ABDUL ROHMAN", "MOH. SAIFUL ANAM",
          "A. RAHMAN", "KHOIRUL ANAM", "SYAMSU'L HUDA", "M. NUR CHOLIS"]
APOS_F = ["NUR'AINI", "SITI MAR'ATUS SHOLIHAH", "ST. NURHALIZA", "NUR'AFIFAH", "HJ. ROHMAH",
          "SITI KHOIRIYAH", "RIF'ATUL MAHMUDAH", "LAILATUL QOMARIYAH"]


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


# ----------------------------------------------------------------------------- card
def tint_colors(rng, kind):
    if kind == "blue":
        top = np.array([rng.uniform(165, 200), rng.uniform(212, 235), rng.uniform(225, 245)])
        bot = top + np.array([rng.uniform(-5, 25), rng.uniform(-10, 12), rng.uniform(-20, 0)])
    elif kind == "faded":
        top = np.array([rng.uniform(205, 228), rng.uniform(228, 242), rng.uniform(232, 246)])
        bot = top + rng.uniform(-6, 8)
    elif kind == "yellowed":
        top = np.array([rng.uniform(228, 242), rng.uniform(214, 228), rng.uniform(165, 195)])
        bot = top + np.array([rng.uniform(-10, 5), rng.uniform(-12, 3), rng.uniform(-20, 0)])
    else:  # grey photocopy
        g = rng.uniform(200, 238)
        top = np.array([g, g, g])
        bot = top + rng.uniform(-15, 5)
    return np.clip(top, 0, 255), np.clip(bot, 0, 255)


def draw_text(ink, x, y, text, fnt, sx=1.0, stroke=0, anchor="ls", alpha=1.0):
    """Render text into float ink layer (H,W) with horizontal scale sx. anchor 'ls' (left, baseline),
    'ms' (middle, baseline).  Returns (x0, y0, x1, y1) box actually drawn."""
    if not text:
        return (x, y, x, y)
    l, t, r, b = fnt.getbbox(text, stroke_width=stroke, anchor="ls")
    w, h = r - l + 4, b - t + 4
    im = Image.new("L", (w, h), 0)
    ImageDraw.Draw(im).text((2 - l, 2 - t), text, font=fnt, fill=255, anchor="ls", stroke_width=stroke,
                            stroke_fill=255)
    a = np.asarray(im, dtype=np.float32) / 255.0
    nw = max(1, int(round(w * sx)))
    if nw != w:
        a = cv2.resize(a, (nw, h), interpolation=cv2.INTER_AREA)
    if anchor == "ms":
        x0 = int(round(x - nw / 2))
    else:
        x0 = int(round(x + (l - 2) * sx))
    y0 = int(round(y + t - 2))
    H, W = ink.shape
    xa, ya = max(0, x0), max(0, y0)
    xb, yb = min(W, x0 + nw), min(H, y0 + h)
    if xb > xa and yb > ya:
        sub = a[ya - y0:yb - y0, xa - x0:xb - x0] * alpha
        np.maximum(ink[ya:yb, xa:xb], sub, out=ink[ya:yb, xa:xb])
    return (x0, y0, x0 + nw, y0 + h)


def text_width(fnt, text, sx=1.0, stroke=0):
    l, t, r, b = fnt.getbbox(text, stroke_width=stroke, anchor="ls")
    return (r - l) * sx


def draw_security(rng, img, W, H, kind):
    """Guilloche, rosette, map, emblem, microtext, drawn as faint darker/lighter tint."""
    base = img.copy()
    pat = np.zeros((H, W), np.uint8)
    # guilloche sine bundles
    xs = np.arange(0, W + 8, 6, dtype=np.float32)
    nb = rng.randint(2, 4)
    for _ in range(nb):
        y0 = rng.uniform(0.1, 0.95) * H
        amp = rng.uniform(0.02, 0.09) * H
        lam = rng.uniform(0.25, 0.7) * W
        ph = rng.uniform(0, 6.28)
        nl = rng.randint(6, 14)
        for k in range(nl):
            ys = y0 + amp * np.sin(2 * np.pi * xs / lam + ph + k * 0.22) + k * rng.uniform(2.5, 4.5)
            pts = np.stack([xs, ys], 1).astype(np.int32).reshape(-1, 1, 2)
            cv2.polylines(pat, [pts], False, 255, 1, cv2.LINE_AA)
    # rosette (epitrochoid) somewhere in the middle
    cx, cy = rng.uniform(0.35, 0.65) * W, rng.uniform(0.4, 0.7) * H
    R = rng.uniform(0.18, 0.3) * H
    t = np.linspace(0, 2 * np.pi, 900)
    for j in range(rng.randint(3, 6)):
        k1, k2 = rng.randint(5, 12), rng.uniform(0.2, 0.5)
        rr = R * (1 + k2 * np.cos(k1 * t + j))
        pts = np.stack([cx + rr * np.cos(t), cy + rr * np.sin(t)], 1).astype(np.int32).reshape(-1, 1, 2)
        cv2.polylines(pat, [pts], True, 255, 1, cv2.LINE_AA)
    pat_f = pat.astype(np.float32) / 255.0
    # map of archipelago: a band of irregular blobs
    mp = np.zeros((H // 4, W // 4), np.uint8)
    my = rng.uniform(0.45, 0.7) * H / 4
    x = rng.uniform(0.05, 0.15) * W / 4
    while x < 0.9 * W / 4:
        ax_, ay_ = rng.uniform(4, 22), rng.uniform(2, 7)
        cv2.ellipse(mp, (int(x), int(my + rng.uniform(-10, 10) + (x / W * 4) * 8)), (int(ax_), int(ay_)),
                    rng.uniform(-30, 30), 0, 360, 255, -1)
        x += ax_ * rng.uniform(1.2, 2.2)
    mp = cv2.GaussianBlur(mp, (0, 0), 2.5)
    mp = cv2.resize(mp, (W, H)).astype(np.float32) / 255.0
    # emblem (Garuda-ish): concentric circle + wings
    em = np.zeros((H, W), np.uint8)
    ex, ey, er = int(rng.uniform(0.4, 0.6) * W), int(rng.uniform(0.45, 0.6) * H), int(0.16 * H)
    cv2.circle(em, (ex, ey), er, 255, 3, cv2.LINE_AA)
    for s in (-1, 1):
        for k in range(5):
            cv2.ellipse(em, (ex + s * int(er * 0.9), ey - int(er * 0.1) + k * 8),
                        (int(er * (0.9 - 0.12 * k)), int(er * 0.18)), s * 15, 0, 360, 255, 2, cv2.LINE_AA)
    em = em.astype(np.float32) / 255.0
    # microtext lines
    mt = np.zeros((H, W), np.float32)
    fnt = font(FONT_FILES["DejaVuSansCondensed"][0], max(9, int(H * 0.017)))
    line = ("REPUBLIK INDONESIA " * 14)
    y = rng.uniform(0.0, 0.05) * H
    step = rng.uniform(0.06, 0.1) * H
    while y < H:
        draw_text(mt, -rng.uniform(0, 80), y, line, fnt, 1.0)
        y += step
    if kind == "grey":
        col = np.array([-50.0, -50.0, -50.0])
    elif kind == "yellowed":
        col = np.array([-40.0, -35.0, -15.0])
    else:
        col = np.array([-55.0, -25.0, -10.0])
    strength = pat_f * rng.uniform(0.25, 0.5) + mp * rng.uniform(0.12, 0.25) + em * rng.uniform(0.12, 0.25) \
        + mt * rng.uniform(0.08, 0.16)
    img = base + strength[..., None] * col[None, None, :]
    return img


def make_portrait(rng, w, h, male):
    bgc = rng.choice([(200, 35, 40), (185, 25, 30), (40, 90, 190), (30, 70, 160)])
    img = np.zeros((h, w, 3), np.uint8)
    img[:] = bgc
    # slight background gradient
    g = np.linspace(1.05, 0.9, h)[:, None, None]
    img = np.clip(img * g, 0, 255).astype(np.uint8)
    skin = rng.choice([(225, 180, 150), (205, 150, 115), (180, 130, 95), (150, 105, 75), (120, 85, 60)])
    cx = w // 2 + int(rng.uniform(-0.04, 0.04) * w)
    shirt = rng.choice([(245, 245, 245), (30, 30, 35), (40, 60, 110), (120, 30, 30), (70, 70, 70)])
    # shoulders
    cv2.ellipse(img, (cx, int(h * 1.05)), (int(w * 0.55), int(h * 0.32)), 0, 180, 360, shirt, -1, cv2.LINE_AA)
    hijab = (not male) and rng.random() < 0.55
    # neck
    cv2.rectangle(img, (cx - int(w * 0.1), int(h * 0.52)), (cx + int(w * 0.1), int(h * 0.78)), skin, -1)
    hx, hy = int(w * 0.24), int(h * 0.21)
    hc = (cx, int(h * 0.42))
    hair = rng.choice([(20, 18, 15), (35, 28, 22), (50, 40, 30)])
    if hijab:
        hc2 = rng.choice([(20, 20, 25), (230, 230, 230), (60, 30, 80), (160, 120, 90), (20, 60, 110)])
        cv2.ellipse(img, (cx, int(h * 0.45)), (int(hx * 1.35), int(hy * 1.35)), 0, 0, 360, hc2, -1,
                    cv2.LINE_AA)
        pts = np.array([[cx - int(w * 0.42), h], [cx - int(w * 0.28), int(h * 0.55)],
                        [cx + int(w * 0.28), int(h * 0.55)], [cx + int(w * 0.42), h]], np.int32)
        cv2.fillPoly(img, [pts], hc2, cv2.LINE_AA)
        cv2.ellipse(img, (cx, int(h * 0.45)), (int(hx * 0.85), int(hy * 0.92)), 0, 0, 360, skin, -1,
                    cv2.LINE_AA)
    else:
        cv2.ellipse(img, (hc[0], hc[1] - int(hy * 0.15)), (int(hx * 1.08), int(hy * 1.05)), 0, 180, 360,
                    hair, -1, cv2.LINE_AA)
        cv2.ellipse(img, hc, (hx, hy), 0, 0, 360, skin, -1, cv2.LINE_AA)
        cv2.ellipse(img, (hc[0], hc[1] - int(hy * 0.45)), (int(hx * 1.02), int(hy * 0.6)), 0, 180, 360,
                    hair, -1, cv2.LINE_AA)
        if not male and rng.random() < 0.6:
            for s in (-1, 1):
                cv2.ellipse(img, (cx + s * int(hx * 0.95), int(h * 0.5)), (int(hx * 0.22), int(hy * 0.9)), 0,
                            0, 360, hair, -1, cv2.LINE_AA)
    # eyes, mouth
    ey = int(h * 0.41)
    for s in (-1, 1):
        cv2.ellipse(img, (cx + s * int(hx * 0.38), ey), (max(2, int(hx * 0.12)), max(1, int(hy * 0.05))), 0, 0,
                    360, (30, 25, 25), -1, cv2.LINE_AA)
        cv2.line(img, (cx + s * int(hx * 0.2), ey - int(hy * 0.18)), (cx + s * int(hx * 0.55),
                                                                       ey - int(hy * 0.2)),
                 (40, 30, 25), max(1, int(h * 0.012)), cv2.LINE_AA)
    cv2.ellipse(img, (cx, int(h * 0.53)), (int(hx * 0.28), int(hy * 0.06)), 0, 0, 180, (120, 60, 60),
                max(1, int(h * 0.01)), cv2.LINE_AA)
    shade = np.linspace(0.92, 1.06, w)[None, :, None]
    img = np.clip(img * shade, 0, 255).astype(np.uint8)
    img = cv2.GaussianBlur(img, (0, 0), rng.uniform(0.8, 1.8))
    return img.astype(np.float32)


def draw_signature(rng, ink, x0, y0, w, h):
    n = rng.randint(40, 80)
    t = np.linspace(0, 1, n)
    xs = x0 + t * w + np.cumsum(rng_normal(rng, n)) * w * 0.01
    ys = y0 + h / 2 + np.sin(t * rng.uniform(8, 20) + rng.uniform(0, 6)) * h * 0.35 + \
        np.cumsum(rng_normal(rng, n)) * h * 0.05
    ys = ys - np.linspace(0, 1, n) * (ys[-1] - ys[0]) * 0.8
    ys = np.clip(ys, y0 + h * 0.1, y0 + h * 0.95)
    pts = np.stack([xs, ys], 1)
    pts = cv2.blur(pts.reshape(-1, 1, 2).astype(np.float32), (1, 3)).reshape(-1, 2)
    lay = np.zeros(ink.shape, np.uint8)
    cv2.polylines(lay, [(pts * 4).astype(np.int32).reshape(-1, 1, 2)], False, 255, 2, cv2.LINE_AA, shift=2)
    if rng.random() < 0.6:
        a, b = pts[rng.randint(0, n // 3)], pts[rng.randint(2 * n // 3, n - 1)]
        cv2.line(lay, (int(a[0]), int(min(y0 + h, a[1] + h * 0.3))), (int(b[0]), int(max(y0 + h * 0.15, b[1] - h * 0.2))),
                 255, 2, cv2.LINE_AA)
    np.maximum(ink, lay.astype(np.float32) / 255.0 * 0.9, out=ink)


_NOISE_BANK = None


def fnormal(nrng, sigma, shape):
    """Gaussian noise of the given shape: a random crop of a fixed noise bank (fast, deterministic)."""
    global _NOISE_BANK
    if _NOISE_BANK is None:
        _NOISE_BANK = np.random.default_rng(20240611).standard_normal((2112, 2112), dtype=np.float32)
    h, w = shape[0], shape[1]
    c = shape[2] if len(shape) > 2 else 0
    bank = _NOISE_BANK
    if h > bank.shape[0] - 64 or w > bank.shape[1] - 64:
        bank = np.pad(bank, ((0, max(0, h + 64 - bank.shape[0])), (0, max(0, w + 64 - bank.shape[1]))),
                      mode="wrap")
    outs = []
    for _ in range(max(1, c)):
        oy = int(nrng.integers(0, bank.shape[0] - h + 1))
        ox = int(nrng.integers(0, bank.shape[1] - w + 1))
        a = bank[oy:oy + h, ox:ox + w]
        if nrng.random() < 0.5:
            a = a[::-1]
        if nrng.random() < 0.5:
            a = a[:, ::-1]
        outs.append(a)
    out = (np.stack(outs, axis=2) if c else outs[0]) * np.float32(sigma)
    return out


def rng_normal(rng, n):
    return np.array([rng.gauss(0, 1) for _ in range(n)])


def render_card(rng, f, extra):
    """Returns card RGB float32 (H,W,3), alpha mask (H,W), protected boxes, meta."""
    W = rng.randint(1200, 1400)
    H = int(round(W * 54 / 85.6))
    r = rng.random()
    kind = "blue" if r < 0.50 else "faded" if r < 0.67 else "yellowed" if r < 0.84 else "grey"
    top, bot = tint_colors(rng, kind)
    g = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    img = (top[None, None, :] * (1 - g) + bot[None, None, :] * g).astype(np.float32)
    img = np.broadcast_to(img, (H, W, 3)).copy()
    # subtle horizontal variation
    img *= (1 + 0.03 * np.sin(np.linspace(0, rng.uniform(2, 5), W) + rng.uniform(0, 6)))[None, :, None]
    img = draw_security(rng, img, W, H, kind)

    ink = np.zeros((H, W), np.float32)
    fams = list(FONT_FILES)
    lab_fam = rng.choice(fams)
    val_fam = lab_fam if rng.random() < 0.6 else rng.choice(fams)
    hdr_fam = rng.choice(fams)
    nik_fam = rng.choice(fams)
    sx = rng.uniform(0.82, 1.0) if "Condensed" not in lab_fam else rng.uniform(0.92, 1.02)
    sxv = sx if val_fam == lab_fam else (rng.uniform(0.82, 1.0) if "Condensed" not in val_fam
                                         else rng.uniform(0.92, 1.02))
    semibold = 1 if rng.random() < 0.25 else 0

    # header
    hs = rng.uniform(0.050, 0.064) * H
    hf = font(FONT_FILES[hdr_fam][1], hs)
    hsx = rng.uniform(0.88, 1.02)
    y1 = rng.uniform(0.085, 0.11) * H
    y2 = y1 + hs * rng.uniform(1.15, 1.35)
    cxh = W * rng.uniform(0.49, 0.51)
    draw_text(ink, cxh, y1, "PROVINSI " + f["provinsi"], hf, hsx, anchor="ms")
    draw_text(ink, cxh, y2, f["kabupaten_kota"], hf, hsx, anchor="ms")

    # rows
    lx = rng.uniform(0.025, 0.045) * W
    ls = rng.uniform(0.033, 0.042) * H
    vs = ls * rng.uniform(0.95, 1.12)
    lf = font(FONT_FILES[lab_fam][0], ls)
    vf = font(FONT_FILES[val_fam][0], vs)
    nik_s = rng.uniform(0.058, 0.072) * H
    nf = font(FONT_FILES[nik_fam][1], nik_s)
    nlf = font(FONT_FILES[nik_fam][1], nik_s * rng.uniform(0.85, 1.0))
    ttl_lab = rng.choice(["Tempat/Tgl Lahir", "Tempat/Tgl. Lahir"])
    kel_lab = rng.choice(["Kel/Desa", "Kel/Desa", "Kel / Desa"])
    gol_lab = rng.choice(["Gol. Darah", "Gol Darah"])
    sub_ind = rng.uniform(0.015, 0.03) * W if rng.random() < 0.75 else 0.0
    labels = ["Nama", ttl_lab, "Jenis Kelamin", "Alamat", "RT/RW", kel_lab, "Kecamatan", "Agama",
              "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga"]
    maxlw = max(text_width(lf, s, sx) for s in labels) + sub_ind
    colon_x = lx + maxlw + rng.uniform(0.008, 0.05) * W
    val_x = colon_x + text_width(lf, ":", sx) + rng.uniform(0.008, 0.02) * W
    photo_x0 = rng.uniform(0.70, 0.735) * W
    max_val_x = photo_x0 - 0.012 * W

    nik_y = y2 + rng.uniform(0.075, 0.10) * H + nik_s * 0.5
    first_y = nik_y + rng.uniform(0.07, 0.085) * H
    bottom = H * rng.uniform(0.955, 0.975)
    ttl = "%s, %s" % (f["tempat_lahir"], "-".join(reversed(f["tanggal_lahir"].split("-"))))
    values = [f["nama"], ttl, f["jenis_kelamin"], f["alamat"], f["rt_rw"], f["kel_desa"], f["kecamatan"],
              f["agama"], f["status_perkawinan"], f["pekerjaan"], f["kewarganegaraan"], f["berlaku_hingga"]]
    # address wrap
    addr_lines = [f["alamat"]]
    if val_x + text_width(vf, f["alamat"], sxv, semibold) > max_val_x or \
            (len(f["alamat"]) > 22 and rng.random() < 0.35):
        words = f["alamat"].split(" ")
        best = None
        for k in range(1, len(words)):
            a, b = " ".join(words[:k]), " ".join(words[k:])
            if val_x + text_width(vf, a, sxv, semibold) <= max_val_x:
                best = (a, b)
        if best:
            addr_lines = list(best)
    nrows = 12 + (len(addr_lines) - 1)
    pitch = min(rng.uniform(0.046, 0.058) * H, (bottom - first_y) / (nrows - 0.3))
    if vs > pitch * 0.9:
        vs = pitch * 0.9
        vf = font(FONT_FILES[val_fam][0], vs)
        ls = min(ls, pitch * 0.85)
        lf = font(FONT_FILES[lab_fam][0], ls)
    prot = []
    # NIK row
    lab_nik = rng.random() < 0.7
    if lab_nik:
        draw_text(ink, lx, nik_y, "NIK", nlf, sx)
    else:
        draw_text(ink, lx, nik_y, "NIK", lf, sx)
    draw_text(ink, colon_x, nik_y, ":", nlf, 1.0)
    nsx = rng.uniform(0.9, 1.05)
    nik_x = max(val_x, colon_x + text_width(nlf, ":") + rng.uniform(0.008, 0.02) * W)
    nik_w = text_width(nf, f["nik"], nsx)
    if nik_x + nik_w > max_val_x:
        nsx *= (max_val_x - nik_x) / nik_w
    bx = draw_text(ink, nik_x, nik_y, f["nik"], nf, nsx)
    prot.append((lx, nik_y - nik_s, bx[2], nik_y + nik_s * 0.3))
    y = first_y
    row_y = {}
    for i, (lab, val) in enumerate(zip(labels, values)):
        ind = sub_ind if lab in ("RT/RW", kel_lab, "Kecamatan") else 0
        draw_text(ink, lx + ind, y, lab, lf, sx)
        draw_text(ink, colon_x, y, ":", lf, sx)
        vlines = addr_lines if lab == "Alamat" else [val]
        for j, v in enumerate(vlines):
            vy = y + j * pitch
            maxw = max_val_x - val_x
            if lab == "Jenis Kelamin":
                maxw = 0.2 * W
            vsx = sxv
            tw = text_width(vf, v, vsx, semibold)
            if tw > maxw:
                vsx *= maxw / tw
            box = draw_text(ink, val_x, vy, v, vf, vsx, stroke=semibold)
            if lab in ("Nama", ttl_lab):
                prot.append((lx, vy - vs * 1.0, box[2], vy + vs * 0.3))
            if lab == "Jenis Kelamin":
                gx = max(box[2] + 0.03 * W, val_x + text_width(vf, "PEREMPUAN", vsx) + rng.uniform(0.03, 0.08)
                         * W)
                gx = min(gx, max_val_x - text_width(lf, gol_lab + " : AB", sx))
                gb = draw_text(ink, gx, vy, gol_lab, lf, sx)
                gb = draw_text(ink, gb[2] + rng.uniform(0.008, 0.02) * W, vy, ":", lf, sx)
                draw_text(ink, gb[2] + rng.uniform(0.008, 0.02) * W, vy, f["golongan_darah"], vf, sxv,
                          stroke=semibold)
        row_y[lab] = y
        y += pitch * len(vlines)

    # right side: photo, issue place/date, signature
    pw = rng.uniform(0.21, 0.235) * W
    ph = pw * rng.uniform(1.2, 1.33)
    py0 = y2 + rng.uniform(0.04, 0.07) * H
    if py0 + ph > 0.74 * H:
        ph = 0.74 * H - py0
    pcx = photo_x0 + (W * 0.965 - photo_x0) / 2
    px0 = int(pcx - pw / 2)
    por = make_portrait(rng, int(pw), int(ph), extra["male"])
    img[int(py0):int(py0) + por.shape[0], px0:px0 + por.shape[1]] = por
    cs = ls * rng.uniform(0.9, 1.05)
    cf = font(FONT_FILES[lab_fam][0], cs)
    cy1 = py0 + ph + cs * 1.45
    draw_text(ink, pcx, cy1, extra["issue_place"], cf, min(sx, (pw * 1.1) / max(1, text_width(cf,
              extra["issue_place"]))), anchor="ms")
    draw_text(ink, pcx, cy1 + cs * 1.3, extra["issue_date"], cf, sx, anchor="ms")
    sig_y = cy1 + cs * 1.75
    draw_signature(rng, ink, pcx - pw * 0.35, sig_y, pw * 0.7, max(H * 0.04, min(H * 0.965 - sig_y, H * 0.09)))

    # ink composite
    if kind == "grey":
        inkc = np.array([rng.uniform(10, 40)] * 3)
    else:
        inkc = np.array([rng.uniform(5, 35), rng.uniform(5, 35), rng.uniform(10, 45)])
    dens = rng.uniform(0.85, 1.0) if kind != "faded" else rng.uniform(0.7, 0.88)
    ink_blur = cv2.GaussianBlur(ink, (0, 0), rng.uniform(0.4, 0.9))
    a = (ink_blur * dens)[..., None]
    img = img * (1 - a) + inkc[None, None, :] * a

    if kind == "grey":
        gray = img.mean(axis=2, keepdims=True)
        gray = (gray - 128) * rng.uniform(1.1, 1.4) + 128 + rng.uniform(0, 20)
        img = np.repeat(gray, 3, axis=2)
        # toner specks
        sp = np.zeros((H, W), np.uint8)
        for _ in range(rng.randint(40, 200)):
            cv2.circle(sp, (rng.randrange(W), rng.randrange(H)), rng.randint(1, 2), 255, -1)
        img -= (sp.astype(np.float32) / 255.0 * rng.uniform(60, 140))[..., None]
    elif kind == "faded":
        img = img * 0.8 + 255 * 0.2 * rng.uniform(0.5, 1.0) + (1 - 0.8 - 0.2 * 1.0) * 0
    elif kind == "yellowed":
        img = img * np.array([1.0, 0.98, rng.uniform(0.85, 0.93)])[None, None, :]
    # plastic grain
    img += fnormal(np.random.default_rng(rng.randrange(1 << 30)), 2.0, (H, W, 1))
    img = np.clip(img, 0, 255).astype(np.float32)

    # rounded-corner alpha
    alpha = np.zeros((H, W), np.uint8)
    rad = int(H * rng.uniform(0.05, 0.07))
    cv2.rectangle(alpha, (rad, 0), (W - 1 - rad, H - 1), 255, -1)
    cv2.rectangle(alpha, (0, rad), (W - 1, H - 1 - rad), 255, -1)
    for cx, cy in ((rad, rad), (W - 1 - rad, rad), (rad, H - 1 - rad), (W - 1 - rad, H - 1 - rad)):
        cv2.circle(alpha, (cx, cy), rad, 255, -1, cv2.LINE_AA)
    # edge: slightly darker rim
    rim = cv2.erode(alpha, np.ones((5, 5), np.uint8))
    img = img * (0.82 + 0.18 * (rim[..., None] / 255.0))
    meta = {"tint": kind, "label_font": lab_fam, "value_font": val_fam, "header_font": hdr_fam,
            "nik_font": nik_fam, "condense": round(sx, 3), "semibold_values": bool(semibold),
            "row_pitch_h": round(pitch / H, 4), "value_size_h": round(vs / H, 4),
            "label_col_w": round(colon_x / W, 3), "card_w": W}
    return img.astype(np.float32), alpha.astype(np.float32) / 255.0, prot, meta, vs


# ----------------------------------------------------------------------------- scene
def make_background(rng, Hs, Ws, nrng):
    t = rng.random()
    yy = np.arange(Hs, dtype=np.float32)[:, None]
    xx = np.arange(Ws, dtype=np.float32)[None, :]
    if t < 0.28:
        kind = "plain"
        c = np.array(rng.choice([(235, 235, 232), (60, 60, 65), (120, 85, 60), (200, 190, 175), (30, 30, 32),
                                 (170, 40, 40), (40, 70, 120), (210, 210, 215), (90, 110, 90),
                                 (250, 250, 250)]), np.float32)
        c = c * rng.uniform(0.85, 1.1)
        bg = np.broadcast_to(c, (Hs, Ws, 3)).copy()
        bg += fnormal(nrng, 3, (Hs, Ws, 1))
    elif t < 0.43:
        kind = "paper"
        c = np.array([rng.uniform(225, 250), rng.uniform(222, 245), rng.uniform(210, 235)], np.float32)
        bg = np.broadcast_to(c, (Hs, Ws, 3)).copy()
        n = cv2.GaussianBlur(fnormal(nrng, 1, (Hs, Ws)), (0, 0), 1.2) * 8
        bg += n[..., None]
        if rng.random() < 0.5:  # ruled lines or printed text lines
            sp = rng.randint(25, 45)
            for y in range(rng.randint(0, sp), Hs, sp):
                cv2.line(bg, (0, y), (Ws, y), (170, 190, 215), 1, cv2.LINE_AA)
    elif t < 0.60:
        kind = "wood"
        c = np.array(rng.choice([(150, 100, 60), (120, 75, 45), (185, 140, 95), (90, 60, 40)]), np.float32)
        ang = rng.uniform(0, np.pi)
        u = xx * np.cos(ang) + yy * np.sin(ang)
        v = -xx * np.sin(ang) + yy * np.cos(ang)
        warp = 10 * np.sin(u / rng.uniform(80, 200)) + 5 * np.sin(u / 37.0 + 1)
        grain = np.sin((v + warp) / rng.uniform(3, 7)) * 0.5 + np.sin((v + warp * 2) / 17.0) * 0.5
        bg = c[None, None, :] * (1 + 0.12 * grain[..., None])
        bg += fnormal(nrng, 4, (Hs, Ws, 1))
    elif t < 0.80:
        kind = "cloth"
        c1 = np.array([rng.uniform(60, 240) for _ in range(3)], np.float32)
        c2 = np.array([rng.uniform(40, 240) for _ in range(3)], np.float32)
        p = rng.random()
        per = rng.uniform(12, 40)
        if p < 0.33:  # checks
            m = ((np.sin(xx / per * np.pi) > 0) ^ (np.sin(yy / per * np.pi) > 0)).astype(np.float32)
        elif p < 0.66:  # stripes
            ang = rng.uniform(0, np.pi)
            m = (np.sin((xx * np.cos(ang) + yy * np.sin(ang)) / per * np.pi) > 0.2).astype(np.float32)
        else:  # floral/dots bed sheet
            m = np.zeros((Hs, Ws), np.float32)
            for _ in range(int(Hs * Ws / (per * per * 6))):
                cx, cy = rng.randrange(Ws), rng.randrange(Hs)
                r = int(per * rng.uniform(0.3, 0.7))
                for k in range(5):
                    a = k * 2 * np.pi / 5
                    cv2.circle(m, (int(cx + r * np.cos(a)), int(cy + r * np.sin(a))), max(2, r // 2), 1.0, -1)
        m = cv2.GaussianBlur(m, (0, 0), 1.2)
        bg = c1[None, None, :] * (1 - m[..., None]) + c2[None, None, :] * m[..., None]
        # folds
        fold = np.sin((xx * rng.uniform(-1, 1) + yy) / rng.uniform(60, 160)) * 0.08
        bg *= (1 + fold[..., None])
        bg += fnormal(nrng, 4, (Hs, Ws, 1))
    else:
        kind = "handheld"
        base = np.array(rng.choice([(200, 190, 175), (120, 110, 100), (70, 65, 60), (180, 185, 190),
                                    (150, 130, 110), (90, 100, 110), (210, 205, 200)]), np.float32)
        small = base[None, None, :] + nrng.uniform(-60, 60, (5, 6, 1)).astype(np.float32) + \
            nrng.uniform(-25, 25, (5, 6, 3)).astype(np.float32)
        small = np.clip(small, 10, 245)
        small = cv2.resize(small, (60, 50), interpolation=cv2.INTER_CUBIC)
        small = cv2.GaussianBlur(small, (0, 0), 2.0)
        bg = cv2.resize(small, (Ws, Hs), interpolation=cv2.INTER_LINEAR)
        bg += fnormal(nrng, 3, (Hs, Ws, 1))
    # lighting gradient
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1 + rng.uniform(0.05, 0.25) * ((xx / Ws - 0.5) * gx + (yy / Hs - 0.5) * gy)
    bg = bg * light[..., None]
    return np.clip(bg, 0, 255).astype(np.float32), kind


SKINS = [(228, 182, 150), (212, 160, 125), (196, 140, 105), (172, 120, 88), (145, 100, 70), (115, 78, 55)]


def draw_finger(rng, scene, tip, direction, r, Hs, Ws, nail=True, skin=None, shadow=True):
    """Capsule finger from tip (scene px) running along -direction out of frame."""
    d = np.array(direction, np.float32)
    d /= np.linalg.norm(d) + 1e-6
    L = (Hs + Ws) * 1.5
    base = np.array(tip, np.float32) - d * L
    skin = np.array(skin if skin is not None else rng.choice(SKINS), np.float32)
    # bounding box
    x0 = int(max(0, min(tip[0], base[0]) - 2 * r)); x1 = int(min(Ws, max(tip[0], base[0]) + 2 * r))
    y0 = int(max(0, min(tip[1], base[1]) - 2 * r)); y1 = int(min(Hs, max(tip[1], base[1]) + 2 * r))
    if x1 <= x0 or y1 <= y0:
        return None
    yy, xx = np.mgrid[y0:y1, x0:x1].astype(np.float32)
    px, py = xx - tip[0], yy - tip[1]
    u = -(px * d[0] + py * d[1])  # distance back along finger from tip
    v = px * (-d[1]) + py * d[0]
    rad = r * (1 + 0.35 * np.clip(u / (6 * r), 0, 1))
    uc = np.maximum(u, 0)
    dist = np.sqrt(v * v + np.where(u < 0, u * u, 0))
    # tip slightly elliptical
    m = np.clip((rad - dist) / 1.5, 0, 1)
    # shadow first (offset)
    sh_off = np.array([rng.uniform(-0.3, 0.3), rng.uniform(0.2, 0.5)]) * r
    if shadow:
        M = np.float32([[1, 0, sh_off[0]], [0, 1, sh_off[1]]])
        msh = cv2.warpAffine(m, M, (x1 - x0, y1 - y0))
        ds = max(1, int(r * 0.15))
        sm_ = cv2.resize(msh, (max(1, (x1 - x0) // ds), max(1, (y1 - y0) // ds)), interpolation=cv2.INTER_AREA)
        sm_ = cv2.GaussianBlur(sm_, (0, 0), (r * 0.35 + 1) / ds)
        msh = cv2.resize(sm_, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR)
        scene[y0:y1, x0:x1] *= (1 - 0.45 * msh)[..., None]
    # shading: cylinder across, darker at tip rim
    cyl = np.sqrt(np.clip(1 - (v / rad) ** 2, 0, 1))
    li = 0.55 + 0.5 * cyl + 0.08 * (v / rad)
    col = skin[None, None, :] * li[..., None]
    # creases near the knuckle
    for k in (2.2, 2.45):
        crease = np.exp(-((uc - k * r) ** 2) / (0.02 * r * r + 1)) * 0.18
        col *= (1 - crease[..., None])
    if nail:
        nu, nv = u - r * 0.75, v
        nm = ((nu / (r * 0.65)) ** 2 + (nv / (r * 0.55)) ** 2) < 1
        nm = cv2.GaussianBlur(nm.astype(np.float32), (0, 0), 1.0)
        ncol = np.clip(skin * 1.06 + np.array([14, 2, 6]), 0, 255)
        col = col * (1 - 0.55 * nm[..., None]) + ncol[None, None, :] * li[..., None] * 0.55 * nm[..., None]
        # nail highlight
        col += (nm * np.exp(-((v + r * 0.2) ** 2) / (0.05 * r * r + 1)) * 40)[..., None]
    sub = scene[y0:y1, x0:x1]
    sub[:] = sub * (1 - m[..., None]) + col * m[..., None]
    return True


def rect_hits(mask_poly_fn, rects):
    return any(mask_poly_fn(r) for r in rects)


def motion_kernel(length, angle):
    k = int(math.ceil(length)) | 1
    ker = np.zeros((k, k), np.float32)
    c = k // 2
    dx, dy = math.cos(angle), math.sin(angle)
    for t in np.linspace(-length / 2, length / 2, int(length * 3) + 1):
        x, y = c + t * dx, c + t * dy
        xi, yi = int(round(x)), int(round(y))
        if 0 <= xi < k and 0 <= yi < k:
            ker[yi, xi] += 1
    return ker / ker.sum()


def screenshot(rng, photo, L, nrng):
    """Place photo (uint8 RGB) into a phone screenshot of height L (portrait)."""
    Hs = L
    Ws = int(round(L * rng.choice([9 / 19.5, 9 / 20, 9 / 16, 9 / 18])))
    scr = np.zeros((Hs, Ws, 3), np.uint8)
    dark = rng.random() < 0.8
    bgc = (0, 0, 0) if dark else (245, 245, 245)
    scr[:] = bgc
    sb = int(Hs * rng.uniform(0.028, 0.04))
    ab = int(Hs * rng.uniform(0.05, 0.07))
    nb = int(Hs * rng.uniform(0.04, 0.07))
    appc = rng.choice([(32, 33, 36), (18, 18, 18), (38, 50, 56), (20, 40, 45), (40, 40, 48)])
    scr[:sb + ab] = appc
    # photo area
    area_h = Hs - sb - ab - nb
    ph, pw = photo.shape[:2]
    s = min(Ws / pw, area_h / ph) * rng.uniform(0.97, 1.0)
    nw, nh = max(1, int(pw * s)), max(1, int(ph * s))
    # moire-like resampling: nearest down to odd size then linear up/down
    f2 = rng.uniform(0.8, 0.95)
    tmp = cv2.resize(photo, (max(1, int(nw * f2)), max(1, int(nh * f2))), interpolation=cv2.INTER_NEAREST)
    tmp = cv2.resize(tmp, (nw, nh), interpolation=cv2.INTER_LINEAR)
    oy = sb + ab + (area_h - nh) // 2
    ox = (Ws - nw) // 2
    scr[oy:oy + nh, ox:ox + nw] = tmp
    im = Image.fromarray(scr)
    dr = ImageDraw.Draw(im)
    fc = (240, 240, 240)
    f1 = font(FONT_FILES["NotoSans"][1], sb * 0.55)
    tm = "%d:%02d" % (rng.randint(6, 23), rng.randint(0, 59))
    dr.text((Ws * 0.05, sb * 0.5), tm, font=f1, fill=fc, anchor="lm")
    # battery
    bw, bh = sb * 0.95, sb * 0.45
    bx1 = Ws * 0.95 - bw
    by = sb * 0.5 - bh / 2
    dr.rounded_rectangle((bx1, by, bx1 + bw, by + bh), radius=bh * 0.25, outline=fc, width=max(1, int(sb * 0.06)))
    lvl = rng.uniform(0.1, 1.0)
    dr.rectangle((bx1 + 3, by + 3, bx1 + 3 + (bw - 6) * lvl, by + bh - 3),
                 fill=fc if lvl > 0.2 else (230, 60, 50))
    dr.rectangle((bx1 + bw, by + bh * 0.3, bx1 + bw + 2, by + bh * 0.7), fill=fc)
    if rng.random() < 0.6:
        dr.text((bx1 - sb * 0.2, sb * 0.5), "%d%%" % int(lvl * 100), font=font(FONT_FILES["NotoSans"][0],
                sb * 0.45), fill=fc, anchor="rm")
        sx0 = bx1 - sb * 1.9
    else:
        sx0 = bx1 - sb * 0.9
    for k in range(4):  # signal bars
        hh = bh * (0.35 + 0.22 * k)
        dr.rectangle((sx0 + k * sb * 0.16, by + bh - hh, sx0 + k * sb * 0.16 + sb * 0.1, by + bh), fill=fc)
    # app bar: back arrow, title, menu dots
    ay = sb + ab / 2
    aw = max(2, int(ab * 0.05))
    x0 = Ws * 0.05
    dr.line((x0, ay, x0 + ab * 0.35, ay), fill=fc, width=aw)
    dr.line((x0, ay, x0 + ab * 0.17, ay - ab * 0.17), fill=fc, width=aw)
    dr.line((x0, ay, x0 + ab * 0.17, ay + ab * 0.17), fill=fc, width=aw)
    title = rng.choice(["Foto", "Galeri", "IMG_%d%02d%02d_%06d" % (rng.randint(2019, 2024), rng.randint(1, 12),
                        rng.randint(1, 28), rng.randint(0, 235959)), "Ibu", "Bapak", "Kakak", "Pasien",
                        "%d foto" % rng.randint(1, 5)])
    dr.text((x0 + ab * 0.7, ay), title, font=font(FONT_FILES["NotoSans"][0], ab * 0.33), fill=fc, anchor="lm")
    for k in range(3):
        dr.ellipse((Ws * 0.94 - 3, ay - ab * 0.2 + k * ab * 0.2 - 3, Ws * 0.94 + 3, ay - ab * 0.2 + k * ab * 0.2 + 3),
                   fill=fc)
    # bottom: nav / icons
    by0 = Hs - nb
    if rng.random() < 0.5:
        dr.rounded_rectangle((Ws * 0.35, Hs - nb * 0.35, Ws * 0.65, Hs - nb * 0.35 + 5), radius=3,
                             fill=(200, 200, 200) if dark else (60, 60, 60))
    else:
        ic = (220, 220, 220) if dark else (50, 50, 50)
        for k in range(4):
            cx = Ws * (0.15 + 0.23 * k)
            cy = by0 + nb * 0.45
            rr = nb * 0.16
            if k % 2 == 0:
                dr.rectangle((cx - rr, cy - rr, cx + rr, cy + rr), outline=ic, width=2)
            else:
                dr.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=ic, width=2)
    return np.asarray(im).astype(np.float32), {"screen_w": Ws, "screen_h": Hs, "photo_scale": round(s, 3)}


def render_one(seed, idx):
    rng = random.Random((seed * 1000003 + idx) * 7919 + 17)
    nrng = np.random.default_rng(rng.randrange(1 << 62))
    f, extra = gen_fields(rng)
    card, calpha, prot, cmeta, vs = render_card(rng, f, extra)
    H, W = card.shape[:2]
    eff = {}
    eff.update(cmeta)

    is_shot = rng.random() < 0.10
    rot_r = rng.random()
    rot = 0 if rot_r >= 0.35 else rng.choice([90, 90, 270, 270, 180])
    eff["rotation"] = rot
    # frame aspect (of the frame before final rotation: landscape for the card's own orientation)
    aspect = rng.choice([4 / 3, 4 / 3, 16 / 9, 3 / 2, 1.0, 3 / 4, 9 / 16])
    L = rng.randint(640, 2000)
    fill = rng.uniform(0.25, 0.95)
    if is_shot:
        L = rng.randint(1700, 2000)
        fill = rng.uniform(0.6, 0.95)

    # bend of the card
    bend = 0.0
    if rng.random() < 0.7:
        bend = rng.uniform(-0.018, 0.018)
        xs = np.arange(W, dtype=np.float32)
        pad = int(abs(bend) * H) + 3
        rgba = np.dstack([card, calpha * 255])
        rgba = cv2.copyMakeBorder(rgba, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=0)
        mx2, my2 = np.meshgrid(xs, np.arange(H + 2 * pad, dtype=np.float32))
        off2 = bend * H * (1 - ((2 * mx2 / W - 1) ** 2))
        warped = cv2.remap(rgba, mx2, (my2 - off2).astype(np.float32), cv2.INTER_LINEAR,
                           borderMode=cv2.BORDER_CONSTANT, borderValue=0)
        card, calpha = warped[..., :3], warped[..., 3] / 255.0
        prot = [(a, b + pad - abs(bend) * H, c, d + pad + abs(bend) * H) for a, b, c, d in prot]
        H = card.shape[0]
        # lighting across the bend
        card = card * (1 + 0.06 * np.sign(bend) * np.linspace(-1, 1, W, dtype=np.float32) ** 2)[None, :, None]
    eff["bend"] = round(bend, 4)

    # scene size (before rotation)
    if aspect >= 1:
        Ws, Hs = L, int(round(L / aspect))
    else:
        Hs, Ws = L, int(round(L * aspect))
    cardH0 = W * 54 / 85.6
    max_fill = min((Ws * 0.96) ** 2 / (W * W) , (Hs * 0.96) ** 2 / (cardH0 * cardH0)) * (W * cardH0) / (Ws * Hs)
    tilt = rng.gauss(0, 5) if rng.random() < 0.8 else rng.uniform(-20, 20)
    tilt = max(-20, min(20, tilt))
    # account for tilt bounding box
    th = math.radians(abs(tilt))
    bw_f = math.cos(th) + (cardH0 / W) * math.sin(th)
    bh_f = (cardH0 / W) * math.cos(th) + math.sin(th)
    sc_max = min(Ws * 0.96 / (W * bw_f), Hs * 0.96 / (W * bh_f))
    # minimum legible card width (px)
    min_cw = 600 if not is_shot else 1000
    sc_fill = math.sqrt(fill * Ws * Hs / (W * cardH0))
    sc = min(sc_fill, sc_max)
    if W * sc < min_cw:
        need = min_cw / (W * sc)
        sc = min(sc * need, sc_max)
        if W * sc < min_cw:  # enlarge frame
            g = min_cw / (W * sc)
            Ws, Hs = int(Ws * g), int(Hs * g)
            sc *= g
            sc_max *= g
    eff["fill"] = round((W * sc) * (cardH0 * sc) / (Ws * Hs), 3)
    eff["tilt_deg"] = round(tilt, 2)
    cw = W * sc
    # card corner positions
    ca, sa = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    bbw, bbh = cw * bw_f, cw * bh_f
    cx = rng.triangular(bbw / 2 + 0.02 * Ws, Ws - bbw / 2 - 0.02 * Ws) if Ws - bbw > 0.04 * Ws else Ws / 2
    cy = rng.triangular(bbh / 2 + 0.02 * Hs, Hs - bbh / 2 - 0.02 * Hs) if Hs - bbh > 0.04 * Hs else Hs / 2
    src = np.float32([[0, 0], [W, 0], [W, H], [0, H]])
    pts = []
    persp = rng.uniform(0, 0.06)
    for (x, y) in src:
        dx, dy = (x - W / 2) * sc, (y - H / 2) * sc
        px = cx + dx * ca - dy * sa
        py = cy + dx * sa + dy * ca
        pts.append([px + rng.uniform(-persp, persp) * cw * 0.5, py + rng.uniform(-persp, persp) * cw * 0.5])
    dst = np.float32(pts)
    eff["perspective"] = round(persp, 3)
    Mh = cv2.getPerspectiveTransform(src, dst)

    bg, bgkind = make_background(rng, Hs, Ws, nrng)
    eff["background"] = bgkind
    # pre-shrink card to avoid aliasing
    pre = min(1.0, sc * 1.3)
    if pre < 0.95:
        cs = cv2.resize(np.dstack([card, calpha]), (int(W * pre), int(H * pre)), interpolation=cv2.INTER_AREA)
        S = np.float32([[1 / pre, 0, 0], [0, 1 / pre, 0], [0, 0, 1]])
        Mw = Mh @ S
    else:
        cs = np.dstack([card, calpha])
        Mw = Mh
    warped = cv2.warpPerspective(cs, Mw, (Ws, Hs), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                                 borderValue=0)
    wcard, walpha = warped[..., :3], np.clip(warped[..., 3], 0, 1)
    # drop shadow / thickness under card
    sw4, sh4 = max(8, Ws // 4), max(8, Hs // 4)
    sh = cv2.resize(walpha, (sw4, sh4), interpolation=cv2.INTER_AREA)
    sh = cv2.GaussianBlur(sh, (0, 0), max(0.6, cw * 0.01 / 4))
    sh = cv2.warpAffine(sh, np.float32([[1, 0, cw * 0.006 / 4], [0, 1, cw * 0.01 / 4]]), (sw4, sh4))
    sh = cv2.resize(sh, (Ws, Hs), interpolation=cv2.INTER_LINEAR)
    scene = bg * (1 - rng.uniform(0.2, 0.45) * sh)[..., None]

    # hand-held: palm behind the card
    skin = rng.choice(SKINS)
    if bgkind == "handheld":
        side = rng.choice(["bottom", "left", "right", "bottom"])
        ccen = dst.mean(axis=0)
        if side == "bottom":
            edge_mid = (dst[2] + dst[3]) / 2 + (dst[2] - dst[3]) * rng.uniform(-0.25, 0.25)
        elif side == "left":
            edge_mid = (dst[0] + dst[3]) / 2
        else:
            edge_mid = (dst[1] + dst[2]) / 2
        out = edge_mid - ccen
        out /= np.linalg.norm(out) + 1e-6
        tipp = edge_mid - out * cw * rng.uniform(0.05, 0.2)
        draw_finger(rng, scene, tipp, -out, cw * rng.uniform(0.2, 0.28), Hs, Ws, nail=False, skin=skin,
                    shadow=False)
        eff["hand_side"] = side
    scene = scene * (1 - walpha[..., None]) + wcard * walpha[..., None]

    # glare
    if rng.random() < 0.4:
        gx = rng.uniform(0.1, 0.9)
        gy = rng.uniform(0.1, 0.9)
        gp = cv2.perspectiveTransform(np.float32([[[gx * W, gy * H]]]), Mh)[0, 0]
        yy = np.arange(Hs, dtype=np.float32)[:, None]
        xx = np.arange(Ws, dtype=np.float32)[None, :]
        r1, r2 = cw * rng.uniform(0.06, 0.25), cw * rng.uniform(0.04, 0.15)
        ang = rng.uniform(0, np.pi)
        u = (xx - gp[0]) * math.cos(ang) + (yy - gp[1]) * math.sin(ang)
        v = -(xx - gp[0]) * math.sin(ang) + (yy - gp[1]) * math.cos(ang)
        gl = np.exp(-(u * u / (2 * r1 * r1) + v * v / (2 * r2 * r2)))
        gs = rng.uniform(0.3, 0.62)
        gl = gl * gs * walpha
        scene = scene * (1 - gl[..., None]) + 255 * gl[..., None]
        eff["glare"] = round(gs, 2)

    # finger / thumb over an edge or a corner
    if rng.random() < (0.45 if bgkind == "handheld" else 0.17):
        prot_rects = [(a - 0.01 * W, b - 0.01 * H, c + 0.01 * W, d + 0.01 * H) for a, b, c, d in prot]
        Hc = H
        for attempt in range(12):
            r_card = rng.uniform(0.10, 0.17) * cardH0
            where = rng.choice(["corner", "edge", "edge"])
            if where == "corner":
                k = rng.randrange(4)
                corner = [(0, 0), (W, 0), (W, Hc), (0, Hc)][k]
                inward = np.array([W / 2 - corner[0], Hc / 2 - corner[1]], np.float32)
                inward /= np.linalg.norm(inward)
                a = math.radians(rng.uniform(-20, 20))
                inward = np.array([inward[0] * math.cos(a) - inward[1] * math.sin(a),
                                   inward[0] * math.sin(a) + inward[1] * math.cos(a)])
                depth = rng.uniform(0.12, 0.3) * cardH0
                tip = np.array(corner, np.float32) + inward * depth
            else:
                side = rng.randrange(4)
                tpos = rng.uniform(0.08, 0.92)
                if side == 0:
                    p, inward = (tpos * W, 0), np.array([0, 1.0])
                elif side == 1:
                    p, inward = (W, tpos * Hc), np.array([-1.0, 0])
                elif side == 2:
                    p, inward = (tpos * W, Hc), np.array([0, -1.0])
                else:
                    p, inward = (0, tpos * Hc), np.array([1.0, 0])
                a = math.radians(rng.uniform(-30, 30))
                inward = np.array([inward[0] * math.cos(a) - inward[1] * math.sin(a),
                                   inward[0] * math.sin(a) + inward[1] * math.cos(a)])
                depth = rng.uniform(0.05, 0.2) * cardH0
                tip = np.array(p, np.float32) + inward * depth
            # test overlap with protected rects: sample along the finger within card
            ok = True
            for tt in np.linspace(0, depth + r_card * 2, 25):
                c = tip - inward * tt + inward * 0  # along axis
                for off in np.linspace(-1.35, 1.35, 9):
                    q = c + np.array([-inward[1], inward[0]]) * off * r_card
                    if tt == 0:
                        q = q + inward * r_card * (1 - abs(off) / 1.35)
                    for (a0, b0, a1, b1) in prot_rects:
                        if a0 <= q[0] <= a1 and b0 <= q[1] <= b1:
                            ok = False
                            break
                    if not ok:
                        break
                if not ok:
                    break
            if not ok:
                continue
            tp = cv2.perspectiveTransform(np.float32([[tip]]), Mh)[0, 0]
            tp2 = cv2.perspectiveTransform(np.float32([[tip - inward * 50]]), Mh)[0, 0]
            draw_finger(rng, scene, tp, tp - tp2, r_card * sc, Hs, Ws, nail=rng.random() < 0.6, skin=skin)
            eff["finger"] = where
            break

    # shadow of phone / hand
    if rng.random() < 0.3:
        sw, shh = max(8, Ws // 8), max(8, Hs // 8)
        sm = np.zeros((shh, sw), np.float32)
        poly = np.array([[rng.uniform(-0.2, 1.2) * sw, rng.uniform(-0.2, 1.2) * shh] for _ in range(4)], np.int32)
        cv2.fillConvexPoly(sm, cv2.convexHull(poly), 1.0)
        sm = cv2.GaussianBlur(sm, (0, 0), max(sw, shh) * rng.uniform(0.02, 0.06))
        sm = cv2.resize(sm, (Ws, Hs), interpolation=cv2.INTER_LINEAR)
        ss = rng.uniform(0.2, 0.45)
        scene *= (1 - ss * sm)[..., None]
        eff["shadow"] = round(ss, 2)

    # value-text cap height in scene px (for limiting blur)
    cap = vs * 0.72 * sc
    # defocus
    blur_r = rng.random()
    if blur_r < 0.2:
        sg = min(rng.uniform(0.4, 1.6), 0.12 * cap)
        if sg > 0.3:
            scene = cv2.GaussianBlur(scene, (0, 0), sg)
            eff["defocus_sigma"] = round(sg, 2)
    # motion blur
    elif blur_r < 0.45:
        ln = min(rng.uniform(3, 12), max(3.0, 0.4 * cap))
        ang = rng.uniform(0, np.pi)
        scene = cv2.filter2D(scene, -1, motion_kernel(ln, ang))
        eff["motion_blur"] = {"length_px": round(ln, 1), "angle_deg": round(math.degrees(ang), 1)}

    # exposure, white balance, vignette, noise
    er = rng.random()
    wb = np.array([rng.uniform(0.9, 1.12), 1.0, rng.uniform(0.85, 1.1)], np.float32)
    yy = np.arange(Hs, dtype=np.float32)[:, None]
    xx = np.arange(Ws, dtype=np.float32)[None, :]
    vig = 1 - rng.uniform(0.05, 0.35) * (((xx / Ws - 0.5) ** 2 + (yy / Hs - 0.5) ** 2) * 2)
    lgx, lgy = rng.uniform(-0.25, 0.25), rng.uniform(-0.25, 0.25)
    vig = vig * (1 + lgx * (xx / Ws - 0.5) + lgy * (yy / Hs - 0.5))
    noise_s = rng.uniform(1.5, 4.0)
    g0 = 1.0
    if er < 0.2:
        g0 = gain = rng.uniform(0.35, 0.6)
    scene *= vig[..., None] * (wb * np.float32(g0))[None, None, :]
    if er < 0.2:
        noise_s = rng.uniform(4.5, 10)
        eff["exposure"] = {"kind": "dim", "gain": round(gain, 2)}
    elif er < 0.35:
        gain = rng.uniform(1.2, 1.5)
        scene = 255 * (1 - np.exp(-scene * gain / 255 * 1.6)) / (1 - math.exp(-1.6)) if rng.random() < 0.4 \
            else scene * gain
        eff["exposure"] = {"kind": "over", "gain": round(gain, 2)}
    else:
        eff["exposure"] = {"kind": "normal"}
    n = fnormal(nrng, noise_s * 0.5, (Hs, Ws, 3))
    n += fnormal(nrng, noise_s, (Hs, Ws, 1))
    if noise_s > 4:
        n = cv2.GaussianBlur(n, (0, 0), 0.7)
    scene += n
    eff["noise_sigma"] = round(noise_s, 1)
    img = np.clip(scene, 0, 255).astype(np.uint8)

    if rot:
        k = {90: 3, 180: 2, 270: 1}[rot]  # np.rot90 is counter-clockwise; rot is clockwise
        img = np.ascontiguousarray(np.rot90(img, k))

    if is_shot:
        q0 = rng.randint(55, 90)
        ok, enc = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, q0])
        img = cv2.imdecode(enc, cv2.IMREAD_COLOR)[..., ::-1]
        shot, smeta = screenshot(rng, img, L, nrng)
        img = np.clip(shot, 0, 255).astype(np.uint8)
        eff["screenshot"] = smeta
        eff["screenshot"]["first_jpeg_quality"] = q0
    else:
        eff["screenshot"] = False
        # output long side
        lcur = max(img.shape[:2])
        if lcur > 2000:
            s = 2000 / lcur
            img = cv2.resize(img, (int(img.shape[1] * s), int(img.shape[0] * s)), interpolation=cv2.INTER_AREA)
    q = rng.randint(30, 90)
    if max(img.shape[:2]) < 900 and q < 40:
        q = rng.randint(40, 90)
    eff["jpeg_quality"] = q
    eff["out_size"] = [int(img.shape[1]), int(img.shape[0])]
    return img, f, eff


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    check_fonts()
    cv2.setNumThreads(1)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as tf:
        for i in range(a.n):
            img, fields, eff = render_one(a.seed, i)
            name = "c_%d_%04d.jpg" % (a.seed, i)
            ok, enc = cv2.imencode(".jpg", img[..., ::-1], [cv2.IMWRITE_JPEG_QUALITY, eff["jpeg_quality"]])
            with open(os.path.join(a.out, name), "wb") as fo:
                fo.write(enc.tobytes())
            tf.write(json.dumps({"image": name, "renderer": "c", "fields": fields, "effects": eff},
                                ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
