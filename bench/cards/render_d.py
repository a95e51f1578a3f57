#!/usr/bin/env python3
"""render_d.py - synthetic phone photos of Indonesian e-KTP cards (renderer "d").

Usage:
    python render_d.py --n N --seed S --out DIR [--negatives]

Writes DIR/d_<seed>_<i:04d>.jpg and appends one JSON line per photo to DIR/truth.jsonl.

Font packages (Debian): FONT_PACKAGES = ["fonts-urw-base35", "fonts-croscore", "fonts-roboto"]
(Roboto files come from fonts-roboto-unhinted, pulled in by fonts-roboto).
Fonts used: Nimbus Sans / Nimbus Sans Narrow (regular+bold), Nimbus Mono PS (receipts),
Arimo (regular+bold), Roboto / Roboto Condensed (regular, medium, bold), mixed per card.

What the card looks like
  * ISO ID-1 card (85.6 x 54 mm) drawn at the resolution it will have in the photo, with
    rounded corners and a vertical gradient tint: blue at the top fading to pale green
    (hues, saturation vary per card); guilloche wave lines, a faint micro-text band, and a
    printed watermark in the middle: an Indonesian-archipelago "map", a Garuda-like
    symmetric bird, or both.
  * Two centred bold header lines, "PROVINSI ..." and the regency/city.
  * Labelled rows (NIK larger and bold, then Nama ... Berlaku Hingga) with colons in a
    column; label column width 0-50 units of slack, label size 18-27 units (about 30% of
    cards use the "small rows" variant 17-21), NIK size 30-42, label/value font families
    chosen independently (Nimbus Sans, Nimbus Sans Narrow, Arimo, Roboto, Roboto Condensed),
    values regular/medium/bold; label spelling variants ("Tempat/Tgl. Lahir", "Gol Darah",
    "Kel / Desa"); long addresses wrap onto a second line under Alamat.
  * Right block: portrait (head, hair or hijab, shoulders) on a red (85%) or blue
    background, under it the place and date of issue and a signature scribble.
  * Card condition: 12% yellowed/faded, 6% grey photocopy look.
  * NIK = province+regency code (real codes) + district 01-30 + DDMMYY (DD+40 for women)
    + serial, consistent with header, birth date and sex.

Photo effects (mixed at random; all parameters logged in "effects")
  * frame 800-3000 px long side, aspect 4:3 / 16:9 / 3:4 / 9:16 / 1:1; card width 30-90%
    of the frame width (card always at least ~640 px wide so text stays readable; the card
    itself is drawn at <= ~1800 px and resampled into the frame);
  * backgrounds: wood, muted table top, bed sheet with folds, patterned cloth (checks,
    stripes, dots), blurred room (mostly with a hand holding the card);
  * in-plane tilt -15..15 deg plus 3-D perspective (plane rotations up to 22 deg);
  * whole-photo turns 90/180/270 on 20% of photos;
  * drop shadow under the card; a hand holding it (palm behind, thumb over an edge) 22%;
  * shadow of a phone across the card 30% (darkening 20-55%);
  * glare spots 40% (peak whitening 0.35-0.7);
  * lamp fall-off illumination, vignetting, colour cast;
  * dim (gain 0.4-0.7) 15% / overexposed (gain 1.25-1.6) 12%, gamma 0.8-1.25;
  * defocus blur (sigma up to ~0.16 of a text cap height) 45%, motion blur (length up to
    ~0.6 cap height) 20%; sensor noise sigma 1.5-9;
  * screenshot chrome (status bar + app bars) 5%;
  * JPEG quality 35-90.

--negatives: the N photos are NOT KTPs ("fields": null, "kind" says what it is): an
Indonesian driving licence (kind "sim"), an ATM/bank card ("atm_card"), a supermarket
receipt ("receipt"), a plain light-blue plastic card ("blank_card") or a random scene with
shapes, gradients and an animal-like blob ("scene"); photographed with the same effects.

Deterministic: every photo i uses random.Random / numpy Generator seeded from (seed, i).
"""

import argparse
import json
import math
import os
import random
import sys
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_PACKAGES = ["fonts-urw-base35", "fonts-croscore", "fonts-roboto"]

_URW = "/usr/share/fonts/opentype/urw-base35/"
_CROS = "/usr/share/fonts/truetype/croscore/"
_ROBO = "/usr/share/fonts/truetype/roboto/unhinted/"

FONT_FILES = {
    # family: {weight: (path, package)}
    "nimbus": {"regular": (_URW + "NimbusSans-Regular.otf", "fonts-urw-base35"),
               "bold": (_URW + "NimbusSans-Bold.otf", "fonts-urw-base35")},
    "nimbus_narrow": {"regular": (_URW + "NimbusSansNarrow-Regular.otf", "fonts-urw-base35"),
                      "bold": (_URW + "NimbusSansNarrow-Bold.otf", "fonts-urw-base35")},
    "arimo": {"regular": (_CROS + "Arimo-Regular.ttf", "fonts-croscore"),
              "bold": (_CROS + "Arimo-Bold.ttf", "fonts-croscore")},
    "roboto": {"regular": (_ROBO + "RobotoTTF/Roboto-Regular.ttf", "fonts-roboto"),
               "medium": (_ROBO + "RobotoTTF/Roboto-Medium.ttf", "fonts-roboto"),
               "bold": (_ROBO + "RobotoTTF/Roboto-Bold.ttf", "fonts-roboto")},
    "roboto_cond": {"regular": (_ROBO + "RobotoCondensed-Regular.ttf", "fonts-roboto"),
                    "medium": (_ROBO + "RobotoCondensed-Medium.ttf", "fonts-roboto"),
                    "bold": (_ROBO + "RobotoCondensed-Bold.ttf", "fonts-roboto")},
    "mono": {"regular": (_URW + "NimbusMonoPS-Regular.otf", "fonts-urw-base35"),
             "bold": (_URW + "NimbusMonoPS-Bold.otf", "fonts-urw-base35")},
}


def check_fonts():
    missing = {}
    for fam in FONT_FILES.values():
        for path, pkg in fam.values():
            if not os.path.exists(path):
                missing.setdefault(pkg, []).append(path)
    if missing:
        msg = ["render_d.py: missing font files. Install the Debian package(s):"]
        for pkg, paths in missing.items():
            msg.append("  apt-get install -y %s   (missing e.g. %s)" % (pkg, paths[0]))
        sys.stderr.write("\n".join(msg) + "\n")
        sys.exit(2)


@lru_cache(maxsize=512)
def font(family, weight, size):
    fam = FONT_FILES[family]
    if weight not in fam:
        weight = "bold" if weight in ("medium", "bold") else "regular"
    return ImageFont.truetype(fam[weight][0], max(6, int(round(size))))


# ----------------------------------------------------------------------------- data

REGIONS = [
    # (regency code, printed regency/city, province code, province, issue place text, districts)
    ("3507", "KABUPATEN MALANG", "35", "JAWA TIMUR", "KAB. MALANG",
     ["LOWOKWARU", "SINGOSARI", "LAWANG", "KEPANJEN", "TUMPANG", "PAKIS", "DAU", "KARANGPLOSO"]),
    ("3573", "KOTA MALANG", "35", "JAWA TIMUR", "KOTA MALANG",
     ["LOWOKWARU", "KLOJEN", "BLIMBING", "SUKUN", "KEDUNGKANDANG"]),
    ("3578", "KOTA SURABAYA", "35", "JAWA TIMUR", "KOTA SURABAYA",
     ["WONOKROMO", "TAMBAKSARI", "RUNGKUT", "SUKOLILO", "GUBENG", "KENJERAN", "WIYUNG", "TANDES"]),
    ("3515", "KABUPATEN SIDOARJO", "35", "JAWA TIMUR", "KAB. SIDOARJO",
     ["WARU", "TAMAN", "BUDURAN", "CANDI", "GEDANGAN", "SIDOARJO", "KRIAN", "TANGGULANGIN"]),
    ("3509", "KABUPATEN JEMBER", "35", "JAWA TIMUR", "KAB. JEMBER",
     ["KALIWATES", "SUMBERSARI", "PATRANG", "AMBULU", "PUGER", "TANGGUL"]),
    ("3525", "KABUPATEN GRESIK", "35", "JAWA TIMUR", "KAB. GRESIK",
     ["KEBOMAS", "MANYAR", "DRIYOREJO", "MENGANTI", "CERME"]),
    ("3273", "KOTA BANDUNG", "32", "JAWA BARAT", "KOTA BANDUNG",
     ["COBLONG", "SUKAJADI", "ANTAPANI", "BUAHBATU", "CICENDO", "KIARACONDONG", "BOJONGLOA KALER"]),
    ("3204", "KABUPATEN BANDUNG", "32", "JAWA BARAT", "KAB. BANDUNG",
     ["BALEENDAH", "DAYEUHKOLOT", "MARGAHAYU", "SOREANG", "CILEUNYI", "MAJALAYA"]),
    ("3201", "KABUPATEN BOGOR", "32", "JAWA BARAT", "KAB. BOGOR",
     ["CIBINONG", "CILEUNGSI", "GUNUNG PUTRI", "CIAWI", "CITEUREUP", "BOJONGGEDE"]),
    ("3271", "KOTA BOGOR", "32", "JAWA BARAT", "KOTA BOGOR",
     ["BOGOR TENGAH", "BOGOR UTARA", "TANAH SAREAL", "BOGOR BARAT"]),
    ("3276", "KOTA DEPOK", "32", "JAWA BARAT", "KOTA DEPOK",
     ["PANCORAN MAS", "BEJI", "SUKMAJAYA", "CIMANGGIS", "SAWANGAN", "CINERE"]),
    ("3275", "KOTA BEKASI", "32", "JAWA BARAT", "KOTA BEKASI",
     ["BEKASI TIMUR", "BEKASI BARAT", "BEKASI UTARA", "RAWALUMBU", "JATIASIH", "PONDOK GEDE"]),
    ("3374", "KOTA SEMARANG", "33", "JAWA TENGAH", "KOTA SEMARANG",
     ["TEMBALANG", "BANYUMANIK", "PEDURUNGAN", "SEMARANG BARAT", "GAYAMSARI", "NGALIYAN"]),
    ("3372", "KOTA SURAKARTA", "33", "JAWA TENGAH", "KOTA SURAKARTA",
     ["LAWEYAN", "SERENGAN", "PASAR KLIWON", "JEBRES", "BANJARSARI"]),
    ("3471", "KOTA YOGYAKARTA", "34", "DI YOGYAKARTA", "KOTA YOGYAKARTA",
     ["GONDOKUSUMAN", "UMBULHARJO", "KOTAGEDE", "JETIS", "MERGANGSAN", "WIROBRAJAN"]),
    ("3404", "KABUPATEN SLEMAN", "34", "DI YOGYAKARTA", "KAB. SLEMAN",
     ["DEPOK", "MLATI", "GAMPING", "NGAGLIK", "KALASAN", "BERBAH"]),
    ("3402", "KABUPATEN BANTUL", "34", "DI YOGYAKARTA", "KAB. BANTUL",
     ["BANGUNTAPAN", "SEWON", "KASIHAN", "PANDAK", "IMOGIRI"]),
    ("3174", "KOTA ADM. JAKARTA SELATAN", "31", "DKI JAKARTA", "JAKARTA SELATAN",
     ["KEBAYORAN BARU", "TEBET", "PASAR MINGGU", "CILANDAK", "MAMPANG PRAPATAN", "JAGAKARSA"]),
    ("3603", "KABUPATEN TANGERANG", "36", "BANTEN", "KAB. TANGERANG",
     ["CIKUPA", "CURUG", "PASAR KEMIS", "BALARAJA", "KELAPA DUA", "PAGEDANGAN"]),
    ("3671", "KOTA TANGERANG", "36", "BANTEN", "KOTA TANGERANG",
     ["CIPONDOH", "KARAWACI", "CILEDUG", "PINANG", "BATUCEPER"]),
    ("1271", "KOTA MEDAN", "12", "SUMATERA UTARA", "KOTA MEDAN",
     ["MEDAN BARU", "MEDAN JOHOR", "MEDAN SUNGGAL", "MEDAN TEMBUNG", "MEDAN HELVETIA"]),
    ("1207", "KABUPATEN DELI SERDANG", "12", "SUMATERA UTARA", "KAB. DELI SERDANG",
     ["LUBUK PAKAM", "TANJUNG MORAWA", "PERCUT SEI TUAN", "PANCUR BATU"]),
    ("1171", "KOTA BANDA ACEH", "11", "ACEH", "KOTA BANDA ACEH",
     ["BAITURRAHMAN", "KUTA ALAM", "SYIAH KUALA", "ULEE KARENG"]),
    ("1371", "KOTA PADANG", "13", "SUMATERA BARAT", "KOTA PADANG",
     ["PADANG BARAT", "PADANG TIMUR", "KURANJI", "LUBUK BEGALUNG", "KOTO TANGAH"]),
    ("1471", "KOTA PEKANBARU", "14", "RIAU", "KOTA PEKANBARU",
     ["TAMPAN", "SUKAJADI", "MARPOYAN DAMAI", "BUKIT RAYA", "PAYUNG SEKAKI"]),
    ("1671", "KOTA PALEMBANG", "16", "SUMATERA SELATAN", "KOTA PALEMBANG",
     ["ILIR BARAT I", "ILIR TIMUR II", "SEBERANG ULU I", "KEMUNING", "SAKO", "KALIDONI"]),
    ("1871", "KOTA BANDAR LAMPUNG", "18", "LAMPUNG", "KOTA BANDAR LAMPUNG",
     ["KEDATON", "RAJABASA", "TANJUNG KARANG PUSAT", "SUKARAME", "KEMILING"]),
    ("5171", "KOTA DENPASAR", "51", "BALI", "KOTA DENPASAR",
     ["DENPASAR BARAT", "DENPASAR TIMUR", "DENPASAR SELATAN", "DENPASAR UTARA"]),
    ("5103", "KABUPATEN BADUNG", "51", "BALI", "KAB. BADUNG",
     ["KUTA", "KUTA UTARA", "KUTA SELATAN", "MENGWI", "ABIANSEMAL"]),
    ("5271", "KOTA MATARAM", "52", "NUSA TENGGARA BARAT", "KOTA MATARAM",
     ["AMPENAN", "CAKRANEGARA", "MATARAM", "SEKARBELA", "SELAPARANG"]),
    ("5371", "KOTA KUPANG", "53", "NUSA TENGGARA TIMUR", "KOTA KUPANG",
     ["OEBOBO", "KELAPA LIMA", "MAULAFA", "ALAK", "KOTA RAJA"]),
    ("6171", "KOTA PONTIANAK", "61", "KALIMANTAN BARAT", "KOTA PONTIANAK",
     ["PONTIANAK KOTA", "PONTIANAK SELATAN", "PONTIANAK BARAT", "PONTIANAK TIMUR"]),
    ("6471", "KOTA BALIKPAPAN", "64", "KALIMANTAN TIMUR", "KOTA BALIKPAPAN",
     ["BALIKPAPAN SELATAN", "BALIKPAPAN UTARA", "BALIKPAPAN TENGAH", "BALIKPAPAN KOTA"]),
    ("6472", "KOTA SAMARINDA", "64", "KALIMANTAN TIMUR", "KOTA SAMARINDA",
     ["SAMARINDA ULU", "SAMARINDA ILIR", "SUNGAI KUNJANG", "SAMBUTAN", "PALARAN"]),
    ("7171", "KOTA MANADO", "71", "SULAWESI UTARA", "KOTA MANADO",
     ["WENANG", "MALALAYANG", "SARIO", "WANEA", "TIKALA"]),
    ("7371", "KOTA MAKASSAR", "73", "SULAWESI SELATAN", "KOTA MAKASSAR",
     ["PANAKKUKANG", "TAMALATE", "RAPPOCINI", "BIRINGKANAYA", "TAMALANREA", "MARISO"]),
    ("8171", "KOTA AMBON", "81", "MALUKU", "KOTA AMBON",
     ["SIRIMAU", "NUSANIWE", "BAGUALA", "TELUK AMBON"]),
    ("9471", "KOTA JAYAPURA", "94", "PAPUA", "KOTA JAYAPURA",
     ["JAYAPURA UTARA", "JAYAPURA SELATAN", "ABEPURA", "HERAM", "MUARA TAMI"]),
]

BIRTH_PLACES = ["MALANG", "SURABAYA", "JAKARTA", "BANDUNG", "SEMARANG", "YOGYAKARTA", "MEDAN",
                "MAKASSAR", "DENPASAR", "BOGOR", "SIDOARJO", "KEDIRI", "BLITAR", "MADIUN",
                "JEMBER", "BANYUWANGI", "PALEMBANG", "PADANG", "PEKANBARU", "PONTIANAK",
                "BALIKPAPAN", "MANADO", "AMBON", "KUPANG", "MATARAM", "GARUT", "TASIKMALAYA",
                "CIREBON", "TEGAL", "PEKALONGAN", "SOLO", "KLATEN", "PATI", "KUDUS", "LAMONGAN",
                "TUBAN", "PASURUAN", "PROBOLINGGO", "LUMAJANG", "TULUNGAGUNG", "PEMATANGSIANTAR",
                "TARUTUNG", "BUKITTINGGI", "BANDA ACEH", "SAMARINDA", "TANGERANG", "BEKASI",
                "DEPOK", "SLEMAN", "BANTUL", "GIANYAR", "TABANAN", "SUMENEP", "PAMEKASAN",
                "NGANJUK", "PONOROGO", "BOYOLALI", "WONOGIRI", "JAYAPURA", "TERNATE"]

VILLAGES = ["SUMBERSARI", "KARANGREJO", "SUKAMAJU", "TEGALSARI", "MEKARSARI", "WONOREJO",
            "SIDOMULYO", "PANDANWANGI", "CIBADUYUT", "KEDUNGKANDANG", "JATIMULYO", "DINOYO",
            "KETAWANGGEDE", "MOJOLANGU", "TLOGOMAS", "MERJOSARI", "BAMBANKEREP", "PURWODADI",
            "SUKOHARJO", "GONDANGLEGI", "NGAGLIK", "CATURTUNGGAL", "CONDONGCATUR", "MAGUWOHARJO",
            "PONDOK LABU", "CIPETE SELATAN", "TEBET TIMUR", "MENTENG DALAM", "PASAR MINGGU",
            "LEBAK BULUS", "SUKAJADI", "CIGADUNG", "DAGO", "LEBAKSIUH", "KEBON KELAPA",
            "PANJER", "SESETAN", "DAUH PURI", "SANUR KAUH", "RAPPOCINI", "MARICAYA",
            "TANJUNG REJO", "PADANG BULAN", "SEI SIKAMBING B", "KAMPUNG BARU", "BANGUNHARJO",
            "PENGGILINGAN", "KALIBATA", "WATES", "MARGOREJO", "SUKOREJO", "TANJUNGSARI",
            "KEBONSARI", "KRAJAN", "REJOSARI", "NGROTO", "BOJONGSARI", "CILANGKAP", "SUKADAMAI"]

STREETS = ["MAWAR", "MELATI", "ANGGREK", "KENANGA", "DAHLIA", "CEMPAKA", "SUDIRMAN",
           "DIPONEGORO", "GAJAH MADA", "HAYAM WURUK", "AHMAD YANI", "SOEKARNO HATTA",
           "PAHLAWAN", "MERDEKA", "KARTINI", "IMAM BONJOL", "VETERAN", "RAYA TLOGOMAS",
           "BRAWIJAYA", "SULTAN AGUNG", "KH. AGUS SALIM", "DR. SUTOMO", "KALIURANG",
           "PANGLIMA SUDIRMAN", "RAYA DARMO", "SUMATERA", "BATU BARA", "NUSA INDAH",
           "SIMPANG BOROBUDUR", "RAYA CANDI", "MANGGA DUA", "KEMUNING", "TERATAI", "BOUGENVILLE",
           "WR. SUPRATMAN", "CIK DITIRO", "TEUKU UMAR", "RADEN SALEH", "MH. THAMRIN"]
HAMLETS = ["KRAJAN", "SUMBERWARU", "KARANGANYAR", "NGEMPLAK", "GEMPOL", "SIDOREJO", "JETAK",
           "PANDEAN", "KEBONAGUNG", "GONDANG", "TEGALREJO", "BENDO", "SUMBERAGUNG", "NGASEM"]
ESTATES = ["GRIYA ASRI", "BUMI MAS", "PERMATA HIJAU", "TAMAN SARI INDAH", "PONDOK INDAH",
           "VILLA BUKIT MAS", "GRAHA SANTOSA", "CITRA GARDEN", "PURI KENCANA", "BUMI ASRI PERMAI"]

JAVANESE = ["SUPARMI", "SLAMET", "SUGIANTO", "SUMARNI", "PAINEM", "SUTRISNO", "WAGIMAN",
            "SRI WAHYUNI", "TUMINAH", "SUPRIYADI", "BAMBANG SUTEJO", "DWI HARTONO", "EKO PRASETYO",
            "SITI AMINAH", "ENDANG LESTARI", "AGUS SALIM", "JOKO SUSILO", "RATNA SARI DEWI",
            "HERU CAHYONO", "TRI WULANDARI", "YULI ASTUTI", "BUDI SANTOSO", "KASIMUN", "SUYATI"]
MUSLIM_F = ["MUHAMMAD", "AHMAD", "ABDUL", "RIZKY", "FAUZAN", "NUR", "FITRI", "DEWI", "ANNISA",
            "AISYAH", "SYAHRIL", "HIDAYAT", "RAHMAN", "HAKIM", "ZAHRA", "NURUL", "HUDA",
            "FADLI", "ILHAM", "RAMADHAN", "KURNIAWAN", "SAPUTRA", "PRATAMA", "MAULANA",
            "ALFIAN", "NABILA", "SALSABILA", "KHOIRUL", "ANAM", "FIRDAUS", "ARIF", "WAHYUDI"]
BATAK = ["SITUMORANG", "SIREGAR", "NASUTION", "HUTAPEA", "SIMANJUNTAK", "PANJAITAN",
         "SIHOMBING", "MANURUNG", "SINAGA", "HARAHAP", "LUBIS", "TAMPUBOLON", "SIANTURI"]
BATAK_GIVEN = ["JOSUA", "DAVID", "MARIA", "RINTO", "HOTMAN", "ROSMAULI", "LAMRIA", "BENNY",
               "TIOMINAR", "ERWIN", "DAME", "SAUT", "MONANG", "YOHANA"]
BALI_M = ["I KETUT", "I WAYAN", "I MADE", "I NYOMAN", "I PUTU", "I GEDE", "I KOMANG"]
BALI_F = ["NI LUH", "NI WAYAN", "NI MADE", "NI KETUT", "NI PUTU", "NI NYOMAN", "NI KADEK"]
BALI_GIVEN = ["SUDARSANA", "ARTAWAN", "SUASTIKA", "WIDIASTUTI", "ARIANI", "SUARDANA",
              "MAHENDRA", "PURNAMASARI", "ADNYANA", "SRIASIH", "DARMAYASA", "ASTITI"]
CHINESE = ["TAN", "LIM", "GO", "ONG", "THE", "LIE", "KWEE", "OEI", "TJHIN", "HALIM",
           "WIJAYA", "GUNAWAN", "SANTOSO", "TANOTO", "SUGIHARTO", "HARTONO", "SETIAWAN"]
CHINESE_GIVEN = ["HENDRA", "WILLIAM", "MELISA", "LINDA", "FELIX", "KEVIN", "JESSICA",
                 "STEVEN", "VERONICA", "ANTON", "YOHANES", "CHRISTINA", "SIAN HWA", "BOK NIO"]
APOS = ["NUR'AINI", "MA'RUF", "SYAFI'I", "JA'FAR", "MU'ARIF", "ROBI'AH", "KHOTIJAH", "QOMARIYAH"]
INITIALS = ["M.", "MOH.", "A.", "H.", "HJ.", "R.", "RR.", "ST."]

PEKERJAAN = ["PELAJAR/MAHASISWA", "MENGURUS RUMAH TANGGA", "WIRASWASTA", "KARYAWAN SWASTA",
             "PETANI/PEKEBUN", "BURUH HARIAN LEPAS", "PEGAWAI NEGERI SIPIL (PNS)", "GURU",
             "NELAYAN/PERIKANAN", "PEDAGANG", "BELUM/TIDAK BEKERJA", "PENSIUNAN", "SOPIR",
             "TNI", "POLRI", "KARYAWAN BUMN", "PERANGKAT DESA", "TUKANG BATU", "DOSEN",
             "PERAWAT", "BIDAN", "DOKTER", "BURUH TANI/PERKEBUNAN", "TUKANG JAHIT",
             "KARYAWAN HONORER", "PENATA RAMBUT", "MEKANIK", "TRANSPORTASI"]
AGAMA = ["ISLAM"] * 14 + ["KRISTEN"] * 3 + ["KATOLIK"] * 2 + ["HINDU"] * 2 + ["BUDHA", "KONGHUCU",
                                                                                  "KEPERCAYAAN TERHADAP TUHAN YME"]
STATUS = ["BELUM KAWIN", "KAWIN", "KAWIN", "KAWIN", "CERAI HIDUP", "CERAI MATI"]
GOLDAR = ["A", "B", "AB", "O", "O", "-", "-", "-"]


def make_name(rng, female):
    r = rng.random()
    if r < 0.25:
        pool = [n for n in JAVANESE]
        name = rng.choice(pool)
        if rng.random() < 0.3:
            name += " " + rng.choice(["WATI", "NINGSIH", "HARYANTO", "SUSANTO", "RAHAYU", "PURNOMO"])
    elif r < 0.55:
        n = rng.randint(1, 4)
        words = rng.sample(MUSLIM_F, n)
        if rng.random() < 0.15:
            words[0] = rng.choice(APOS)
        if rng.random() < 0.15:
            words.insert(0, rng.choice(INITIALS))
        name = " ".join(words)
    elif r < 0.68:
        name = rng.choice(BATAK_GIVEN) + " " + rng.choice(BATAK)
        if rng.random() < 0.3:
            name = rng.choice(["DAVID", "MARIA", "PAULUS", "SARAH"]) + " " + name
    elif r < 0.78:
        name = rng.choice(BALI_F if female else BALI_M) + " " + rng.choice(BALI_GIVEN)
    elif r < 0.9:
        if rng.random() < 0.5:
            name = rng.choice(CHINESE_GIVEN) + " " + rng.choice(CHINESE)
        else:
            name = rng.choice(CHINESE) + " " + rng.choice(CHINESE_GIVEN)
    else:
        name = rng.choice(APOS) + (" " + rng.choice(MUSLIM_F) if rng.random() < 0.6 else "")
    while len(name) > 30:
        name = name.rsplit(" ", 1)[0]
    return name


def make_address(rng):
    r = rng.random()
    if r < 0.4:
        a = "JL. %s NO. %d" % (rng.choice(STREETS), rng.randint(1, 250))
        if rng.random() < 0.2:
            a += rng.choice(["A", "B", "C"])
    elif r < 0.55:
        a = "%s %s" % (rng.choice(["DSN.", "DUSUN"]), rng.choice(HAMLETS))
    elif r < 0.7:
        a = "PERUM %s BLOK %s%d NO. %d" % (rng.choice(ESTATES), rng.choice("ABCDEFGH"),
                                           rng.randint(1, 12), rng.randint(1, 40))
    elif r < 0.85:
        a = "GG. %s %s NO. %d" % (rng.choice(["MAWAR", "MELATI", "H. ABDULLAH", "MASJID", "BUNTU",
                                              "SAWO", "KELINCI"]),
                                  rng.choice(["", "II", "III", "IV"]), rng.randint(1, 90))
        a = " ".join(a.split())
    else:
        a = "JL. %s GG. %d NO. %d" % (rng.choice(STREETS), rng.randint(1, 9), rng.randint(1, 120))
    if rng.random() < 0.22:  # long address, will likely wrap
        a += " " + rng.choice(["DSN. " + rng.choice(HAMLETS), "KOMPLEK " + rng.choice(ESTATES),
                               "LINGKUNGAN " + rng.choice(HAMLETS), "BELAKANG PASAR " + rng.choice(HAMLETS)])
    return a


def make_fields(rng):
    reg = rng.choice(REGIONS)
    code, kab, pcode, prov, issue_place, districts = reg
    female = rng.random() < 0.5
    year = rng.randint(1945, 2006)
    month = rng.randint(1, 12)
    mdays = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    day = rng.randint(1, mdays)
    dd = day + (40 if female else 0)
    nik = "%s%02d%02d%02d%02d%04d" % (code, rng.randint(1, 30), dd, month, year % 100,
                                      rng.choice([rng.randint(1, 30), rng.randint(1, 3000)]))
    tempat = rng.choice(BIRTH_PLACES + [issue_place.replace("KAB. ", "").replace("KOTA ", "")] * 6)
    if tempat == "JAKARTA SELATAN" and rng.random() < 0.5:
        tempat = "JAKARTA"
    issue_year = rng.randint(max(2011, year + 17), 2024)
    if rng.random() < 0.8:
        berlaku = "SEUMUR HIDUP"
    else:
        by = rng.randint(2016, 2021)
        berlaku = "%02d-%02d-%04d" % (day if day <= 28 else 28, month, by)
        issue_year = min(issue_year, by - 5) if by - 5 >= max(2011, year + 17) else max(2011, year + 17)
    agama = rng.choice(AGAMA)
    age = 2024 - year
    if age < 22:
        pek = rng.choice(["PELAJAR/MAHASISWA"] * 4 + ["BELUM/TIDAK BEKERJA", "KARYAWAN SWASTA"])
        status = "BELUM KAWIN"
    else:
        pek = rng.choice(PEKERJAAN)
        status = rng.choice(STATUS)
        if pek == "PELAJAR/MAHASISWA" and age > 30:
            pek = "WIRASWASTA"
    if female and rng.random() < 0.3:
        pek = "MENGURUS RUMAH TANGGA"
    fields = {
        "nik": nik, "nama": make_name(rng, female), "tempat_lahir": tempat,
        "tanggal_lahir": "%04d-%02d-%02d" % (year, month, day),
        "jenis_kelamin": "PEREMPUAN" if female else "LAKI-LAKI",
        "golongan_darah": rng.choice(GOLDAR), "alamat": make_address(rng),
        "rt_rw": "%03d/%03d" % (rng.randint(1, 15), rng.randint(1, 12)),
        "kel_desa": rng.choice(VILLAGES), "kecamatan": rng.choice(districts),
        "agama": agama, "status_perkawinan": status, "pekerjaan": pek,
        "kewarganegaraan": "WNI" if rng.random() > 0.01 else "WNA",
        "berlaku_hingga": berlaku, "provinsi": prov, "kabupaten_kota": kab,
    }
    extra = {"issue_place": issue_place,
             "issue_date": "%02d-%02d-%04d" % (rng.randint(1, 28), rng.randint(1, 12), issue_year),
             "female": female}
    return fields, extra


# ----------------------------------------------------------------------------- drawing helpers

def lerp(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(len(a)))


def text_w(f, s):
    b = f.getbbox(s)
    return b[2] - b[0]


def fit_font(family, weight, size, s, maxw, minsize):
    f = font(family, weight, size)
    while text_w(f, s) > maxw and size > minsize:
        size -= 1
        f = font(family, weight, size)
    return f


def rounded_mask(w, h, r, ss=2):
    m = Image.new("L", (w * ss, h * ss), 0)
    ImageDraw.Draw(m).rounded_rectangle([0, 0, w * ss - 1, h * ss - 1], radius=r * ss, fill=255)
    return m.resize((w, h), Image.LANCZOS)


def gradient_v(w, h, c0, c1, mid=None):
    t = np.linspace(0, 1, h)[:, None, None]
    c0 = np.array(c0, np.float32)[None, None]
    c1 = np.array(c1, np.float32)[None, None]
    if mid is not None:
        t = np.clip(t ** mid, 0, 1)
    g = c0 + (c1 - c0) * t
    return np.repeat(g, w, axis=1)


def smooth_noise(nrng, h, w, cell, octaves=3):
    out = np.zeros((h, w), np.float32)
    amp = 1.0
    tot = 0
    for o in range(octaves):
        c = max(2, int(cell / (2 ** o)))
        sh, sw = max(2, h // c + 2), max(2, w // c + 2)
        n = nrng.standard_normal((sh, sw)).astype(np.float32)
        out += amp * cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC)
        tot += amp
        amp *= 0.5
    return out / tot


def draw_guilloche(img, rng, k, color, alpha, kind):
    """Thin wavy security lines on an RGBA overlay."""
    w, h = img.size
    ov = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    lw = max(1, int(round(0.9 * k)))
    col = color + (alpha,)
    if kind == "waves":
        n = rng.randint(14, 30)
        lam = rng.uniform(120, 260) * k
        amp = rng.uniform(6, 22) * k
        for j in range(n):
            y0 = (j + 0.5) * h / n
            ph = j * rng.uniform(0.2, 0.5)
            pts = [(x, y0 + amp * math.sin(2 * math.pi * x / lam + ph) +
                    0.4 * amp * math.sin(2 * math.pi * x / (lam * 0.37) + 2 * ph))
                   for x in range(0, w + 8, max(3, int(4 * k)))]
            d.line(pts, fill=col, width=lw)
    else:  # rosette rings
        cx, cy = rng.uniform(0.3, 0.7) * w, rng.uniform(0.35, 0.65) * h
        for j in range(rng.randint(10, 22)):
            r0 = (20 + j * rng.uniform(9, 14)) * k
            lobes = rng.choice([7, 9, 11, 13])
            pts = []
            for t in np.linspace(0, 2 * math.pi, 360):
                r = r0 * (1 + 0.12 * math.sin(lobes * t + j * 0.3))
                pts.append((cx + r * math.cos(t) * 1.6, cy + r * math.sin(t)))
            d.line(pts, fill=col, width=lw)
    img.alpha_composite(ov)


def draw_map_watermark(d, rng, box, col):
    x0, y0, x1, y1 = box
    W, H = x1 - x0, y1 - y0

    def blob(cx, cy, rx, ry, ang, n=18, jit=0.18):
        pts = []
        for t in np.linspace(0, 2 * math.pi, n, endpoint=False):
            r = 1 + rng.uniform(-jit, jit)
            px, py = rx * r * math.cos(t), ry * r * math.sin(t)
            ca, sa = math.cos(ang), math.sin(ang)
            pts.append((x0 + (cx + px * ca - py * sa) * W, y0 + (cy + px * sa + py * ca) * H))
        d.polygon(pts, fill=col)

    blob(0.13, 0.36, 0.15, 0.05, 0.75)              # Sumatra
    blob(0.37, 0.74, 0.12, 0.028, 0.08)             # Java
    blob(0.42, 0.33, 0.10, 0.17, 0.1, jit=0.25)     # Kalimantan
    for cx, cy, rx, ry, a in [(0.60, 0.30, 0.06, 0.018, 0.1), (0.57, 0.42, 0.018, 0.12, 0.1),
                              (0.62, 0.47, 0.04, 0.016, 0.4), (0.62, 0.58, 0.02, 0.07, -0.3)]:
        blob(cx, cy, rx, ry, a, n=10, jit=0.1)      # Sulawesi arms
    blob(0.88, 0.52, 0.11, 0.09, 0.2, jit=0.25)     # Papua
    for i in range(7):                               # Bali..Timor chain
        blob(0.50 + i * 0.035, 0.78 + rng.uniform(-0.02, 0.02), 0.016, 0.012, 0, n=8)
    for i in range(6):                               # Maluku
        blob(0.70 + rng.uniform(-0.03, 0.06), 0.3 + i * 0.08, 0.012, 0.025, 0, n=8)


def draw_garuda(d, rng, cx, cy, s, col):
    """Very simplified symmetric eagle with shield."""
    for sign in (-1, 1):
        feathers = []
        for i in range(9):
            a = math.radians(-70 + i * 13)
            L = s * (0.95 - 0.04 * abs(i - 3))
            feathers.append((cx + sign * (0.12 * s + L * math.cos(a) * 0.9), cy - L * math.sin(a) * 0.75 - 0.1 * s))
        pts = [(cx + sign * 0.1 * s, cy - 0.25 * s)] + feathers + [(cx + sign * 0.12 * s, cy + 0.15 * s)]
        d.polygon(pts, fill=col)
    d.ellipse([cx - 0.26 * s, cy - 0.45 * s, cx + 0.26 * s, cy + 0.5 * s], fill=col)    # body
    d.ellipse([cx - 0.12 * s, cy - 0.78 * s, cx + 0.12 * s, cy - 0.5 * s], fill=col)    # head
    d.polygon([(cx - 0.3 * s, cy + 0.45 * s), (cx + 0.3 * s, cy + 0.45 * s), (cx, cy + 0.95 * s)], fill=col)  # tail


def draw_portrait(rng, w, h, female):
    red = rng.random() < 0.85
    if red:
        c0 = (rng.randint(190, 235), rng.randint(20, 60), rng.randint(25, 60))
    else:
        c0 = (rng.randint(20, 60), rng.randint(70, 120), rng.randint(170, 225))
    c1 = tuple(max(0, c - rng.randint(10, 40)) for c in c0)
    im = Image.fromarray(gradient_v(w, h, c0, c1).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im)
    skin = rng.choice([(224, 180, 140), (200, 150, 110), (170, 120, 85), (140, 95, 65), (235, 200, 165)])
    shirt = rng.choice([(240, 240, 240), (30, 30, 40), (40, 60, 110), (120, 30, 40), (200, 190, 160),
                        (60, 90, 60), (250, 250, 250)])
    hx = w * rng.uniform(0.46, 0.54)
    hr = w * rng.uniform(0.2, 0.25)
    hy = h * rng.uniform(0.36, 0.42)
    # shoulders
    d.ellipse([w * -0.1, h * 0.72, w * 1.1, h * 1.45], fill=shirt)
    hijab = female and rng.random() < 0.55
    if hijab:
        hc = rng.choice([(30, 30, 35), (240, 240, 240), (110, 70, 90), (50, 70, 120), (200, 180, 150), (90, 110, 80)])
        d.ellipse([hx - hr * 1.45, hy - hr * 1.5, hx + hr * 1.45, hy + hr * 1.9], fill=hc)
        d.polygon([(hx - hr * 1.6, h * 1.0), (hx + hr * 1.6, h * 1.0), (hx + hr * 1.2, hy + hr), (hx - hr * 1.2, hy + hr)], fill=hc)
    else:
        d.rectangle([hx - hr * 0.45, hy + hr * 0.7, hx + hr * 0.45, h * 0.8], fill=lerp(skin, (0, 0, 0), 0.12))
        if shirt[0] > 200:
            d.polygon([(hx - hr * 0.5, h * 0.74), (hx, h * 0.9), (hx + hr * 0.5, h * 0.74)], fill=lerp(skin, (0, 0, 0), 0.12))
    d.ellipse([hx - hr, hy - hr * 1.22, hx + hr, hy + hr * 1.22], fill=skin)
    if not hijab:
        hair = rng.choice([(20, 18, 18), (35, 28, 22), (60, 50, 40), (120, 120, 120)])
        d.chord([hx - hr * 1.08, hy - hr * 1.4, hx + hr * 1.08, hy + hr * 0.5], 180, 360, fill=hair)
        if female and rng.random() < 0.7:
            d.rectangle([hx - hr * 1.08, hy - hr * 0.5, hx - hr * 0.8, hy + hr * 1.5], fill=hair)
            d.rectangle([hx + hr * 0.8, hy - hr * 0.5, hx + hr * 1.08, hy + hr * 1.5], fill=hair)
    ey = hy - hr * 0.1
    for sx in (-1, 1):
        d.ellipse([hx + sx * hr * 0.38 - hr * 0.12, ey - hr * 0.06, hx + sx * hr * 0.38 + hr * 0.12, ey + hr * 0.06], fill=(40, 30, 30))
        d.line([hx + sx * hr * 0.38 - hr * 0.16, ey - hr * 0.22, hx + sx * hr * 0.38 + hr * 0.16, ey - hr * 0.24], fill=(50, 40, 35), width=max(1, int(hr * 0.06)))
    d.line([hx, ey + hr * 0.1, hx - hr * 0.06, ey + hr * 0.45], fill=lerp(skin, (0, 0, 0), 0.3), width=max(1, int(hr * 0.05)))
    d.arc([hx - hr * 0.3, ey + hr * 0.45, hx + hr * 0.3, ey + hr * 0.8], 20, 160, fill=(120, 60, 60), width=max(1, int(hr * 0.06)))
    return im.filter(ImageFilter.GaussianBlur(max(0.5, w / 220)))


def signature(d, rng, x, y, w, h, col, lw):
    n = rng.randint(3, 6)
    pts = []
    for i in range(n * 10):
        t = i / (n * 10 - 1)
        px = x + w * t + w * 0.08 * math.sin(t * n * 2 * math.pi + 1.3)
        py = y + h * 0.5 + h * 0.42 * math.sin(t * n * math.pi * rng.uniform(1.8, 2.2)) * (1 - 0.4 * t)
        pts.append((px, py))
    d.line(pts, fill=col, width=lw, joint="curve")
    if rng.random() < 0.6:
        d.line([(x + w * 0.1, y + h * 0.85), (x + w * 0.95, y + h * 0.7)], fill=col, width=lw)


def apply_ink(card, mask, color, blur):
    """Composite a text mask onto card in color with print softness."""
    if blur > 0.2:
        mask = mask.filter(ImageFilter.GaussianBlur(blur))
    layer = Image.new("RGBA", card.size, color + (255,))
    layer.putalpha(mask)
    card.alpha_composite(layer)


# ----------------------------------------------------------------------------- KTP card

def render_ktp(rng, nrng, fields, extra, CW):
    k = CW / 1000.0
    CH = int(round(CW * 54 / 85.6))
    H = 631.0
    # background gradient
    top = (rng.randint(120, 175), rng.randint(185, 215), rng.randint(215, 240))
    bot = (rng.randint(195, 225), rng.randint(225, 240), rng.randint(195, 215))
    arr = gradient_v(CW, CH, top, bot, mid=rng.uniform(0.6, 1.4))
    arr += smooth_noise(nrng, CH, CW, 60 * k, 2)[..., None] * 3.0
    card = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    draw_guilloche(card, rng, k, (rng.randint(60, 110), rng.randint(130, 170), rng.randint(150, 190)),
                   rng.randint(30, 60), rng.choice(["waves", "waves", "rosette"]))
    # watermark
    wm = Image.new("RGBA", card.size, (0, 0, 0, 0))
    wd = ImageDraw.Draw(wm)
    wcol = (rng.randint(70, 120), rng.randint(140, 180), rng.randint(160, 200), rng.randint(38, 70))
    which = rng.choice(["map", "map", "map", "garuda", "both"])
    if which in ("map", "both"):
        draw_map_watermark(wd, rng, (CW * 0.12, CH * 0.3, CW * 0.88, CH * 0.82), wcol)
    if which in ("garuda", "both"):
        draw_garuda(wd, rng, CW * rng.uniform(0.4, 0.55), CH * 0.52, CH * 0.3,
                    (wcol[0] - 20, wcol[1] - 20, wcol[2] - 10, wcol[3]))
    wm = wm.filter(ImageFilter.GaussianBlur(1.2 * k))
    card.alpha_composite(wm)
    # micro text band
    if rng.random() < 0.7:
        mt = Image.new("RGBA", card.size, (0, 0, 0, 0))
        md = ImageDraw.Draw(mt)
        mf = font("nimbus", "regular", 7 * k)
        yb = rng.choice([CH - 11 * k, 6 * k])
        md.text((4 * k, yb), "REPUBLIK INDONESIA " * 30, font=mf, fill=(60, 110, 140, 70))
        card.alpha_composite(mt)

    # ---- text layout
    lab_fam = rng.choice(["nimbus", "arimo", "roboto", "nimbus_narrow", "roboto_cond", "arimo"])
    val_fam = rng.choice(["nimbus", "arimo", "roboto", "nimbus_narrow", "roboto_cond", lab_fam])
    head_fam = rng.choice(["nimbus", "arimo", "roboto", lab_fam])
    nik_fam = rng.choice(["nimbus", "arimo", "roboto", "roboto_cond", val_fam])
    lab_w = rng.choice(["regular", "regular", "medium"])
    val_w = rng.choice(["regular", "medium", "bold", "bold"])
    small = rng.random() < 0.3
    rs = rng.uniform(17, 21) if small else rng.uniform(21, 26.5)
    ls = rs * rng.uniform(1.18, 1.42)
    nik_s = rng.uniform(30, 42)
    hs = rng.uniform(26, 34)
    lx = rng.uniform(18, 40)
    ink = (rng.randint(5, 35), rng.randint(5, 35), rng.randint(10, 45))

    tm = Image.new("L", card.size, 0)   # text mask
    td = ImageDraw.Draw(tm)

    def T(x, y, s, fam, wt, size, anchor="ls"):
        td.text((x * k, y * k), s, font=font(fam, wt, size * k), fill=255, anchor=anchor)

    # header
    hy1 = rng.uniform(24, 34) + hs * 0.8
    T(500 + rng.uniform(-15, 15), hy1, "PROVINSI " + fields["provinsi"], head_fam, "bold", hs, "ms")
    hy2 = hy1 + hs * rng.uniform(1.1, 1.3)
    kab = fields["kabupaten_kota"]
    hf = fit_font(head_fam, "bold", hs * k, kab, 900 * k, 10)
    td.text((500 * k, hy2 * k), kab, font=hf, fill=255, anchor="ms")

    # photo box
    pw = rng.uniform(190, 222)
    ph = pw * rng.uniform(1.25, 1.35)
    px0 = rng.uniform(945, 965) - pw
    py0 = hy2 + rng.uniform(20, 40)

    # rows
    labels = {
        "nik": "NIK", "nama": "Nama",
        "ttl": rng.choice(["Tempat/Tgl Lahir", "Tempat/Tgl Lahir", "Tempat/Tgl. Lahir"]),
        "jk": "Jenis Kelamin", "alamat": "Alamat", "rtrw": "RT/RW",
        "kel": rng.choice(["Kel/Desa", "Kel/Desa", "Kel / Desa"]), "kec": "Kecamatan",
        "agama": "Agama", "status": "Status Perkawinan", "pek": "Pekerjaan",
        "kew": "Kewarganegaraan", "berlaku": "Berlaku Hingga",
    }
    goldar_label = rng.choice(["Gol. Darah", "Gol. Darah", "Gol Darah"])
    lf = font(lab_fam, lab_w, rs * k)
    longest = max(text_w(lf, labels[x]) for x in labels) / k
    colon_x = lx + longest + rng.uniform(4, 50)
    val_x = colon_x + text_w(lf, ":") / k + rng.uniform(5, 14)
    maxw = px0 - val_x - 12
    indent = rng.uniform(0, 30) if rng.random() < 0.6 else 0.0

    y, m = fields["tanggal_lahir"].split("-")[0], fields["tanggal_lahir"].split("-")[1]
    dob = "%s-%s-%s" % (fields["tanggal_lahir"][8:], m, y)
    # address wrap
    alamat = fields["alamat"]
    vf = font(val_fam, val_w, rs * k)
    a_lines = [alamat]
    if text_w(vf, alamat) / k > maxw or (len(alamat) > 26 and rng.random() < 0.5):
        words = alamat.split()
        cut = len(words) - 1
        while cut > 1 and (text_w(vf, " ".join(words[:cut])) / k > maxw * rng.uniform(0.8, 1.0)
                           or words[cut - 1] in ("NO.", "GG.", "BLOK", "JL.", "DSN.", "RT", "DUSUN")):
            cut -= 1
        a_lines = [" ".join(words[:cut]), " ".join(words[cut:])]

    rows = [("nik", fields["nik"]), ("nama", fields["nama"]),
            ("ttl", "%s, %s" % (fields["tempat_lahir"], dob)),
            ("jk", fields["jenis_kelamin"]), ("alamat", a_lines[0])]
    if len(a_lines) > 1:
        rows.append((None, a_lines[1]))
    rows += [("rtrw", fields["rt_rw"]), ("kel", fields["kel_desa"]), ("kec", fields["kecamatan"]),
             ("agama", fields["agama"]), ("status", fields["status_perkawinan"]),
             ("pek", fields["pekerjaan"]), ("kew", fields["kewarganegaraan"]),
             ("berlaku", fields["berlaku_hingga"])]
    y0 = hy2 + rng.uniform(22, 38) + nik_s * 0.75
    nrest = len(rows) - 1
    avail = H - 14 - (y0 + nik_s * 0.55)
    ls = min(avail / nrest * rng.uniform(0.9, 1.0), max(ls, rs * 1.2) * 1.35)
    nik_label_big = rng.random() < 0.75
    yy = y0
    for key, val in rows:
        if key == "nik":
            T(lx, yy, "NIK", nik_fam if nik_label_big else lab_fam, "bold" if nik_label_big else lab_w,
              nik_s * 0.85 if nik_label_big else rs)
            T(colon_x, yy, ":", nik_fam, "bold", nik_s * 0.85)
            nvx = max(val_x, colon_x + text_w(font(nik_fam, "bold", nik_s * 0.85 * k), ":") / k + rng.uniform(6, 14))
            nf = fit_font(nik_fam, "bold", nik_s * k, val, (px0 - nvx + 20) * k, 10)
            td.text((nvx * k, yy * k), val, font=nf, fill=255, anchor="ls")
            yy += nik_s * 0.55 + ls
            continue
        if key is not None:
            ix = lx + (indent if key in ("rtrw", "kel", "kec") else 0)
            T(ix, yy, labels[key], lab_fam, lab_w, rs)
            T(colon_x, yy, ":", lab_fam, lab_w, rs)
        mw = maxw if key != "jk" else 170
        f = fit_font(val_fam, val_w, rs * k, val, mw * k, rs * k * 0.6)
        td.text((val_x * k, yy * k), val, font=f, fill=255, anchor="ls")
        if key == "jk":
            gx = max(val_x + 175, rng.uniform(470, 520))
            T(gx, yy, goldar_label, lab_fam, lab_w, rs)
            gcol = gx + text_w(lf, goldar_label) / k + rng.uniform(6, 14)
            T(gcol, yy, ":", lab_fam, lab_w, rs)
            T(gcol + rng.uniform(8, 14), yy, fields["golongan_darah"], val_fam, val_w, rs)
        yy += ls

    # issue place/date + signature
    cxp = px0 + pw / 2
    iy = py0 + ph + rs * 1.15
    isz = rs * rng.uniform(0.8, 0.95)
    f1 = fit_font(val_fam, val_w, isz * k, extra["issue_place"], (pw + 40) * k, 8)
    td.text((cxp * k, iy * k), extra["issue_place"], font=f1, fill=255, anchor="ms")
    T(cxp, iy + isz * 1.2, extra["issue_date"], val_fam, val_w, isz, "ms")
    apply_ink(card, tm, ink, 0.35 * k)
    sg = Image.new("L", card.size, 0)
    sgh = min(45, H - 8 - (iy + isz * 1.5))
    if sgh > 12:
        signature(ImageDraw.Draw(sg), rng, (cxp - 55) * k, (iy + isz * 1.45) * k, 110 * k, sgh * k,
                  255, max(1, int(2.2 * k)))
        apply_ink(card, sg, (rng.randint(10, 40), rng.randint(10, 40), rng.randint(60, 120)), 0.4 * k)
    # portrait
    por = draw_portrait(rng, int(pw * k), int(ph * k), extra["female"])
    card.paste(por, (int(px0 * k), int(py0 * k)))

    # aging / photocopy
    cond = "new"
    r = rng.random()
    a = np.asarray(card).astype(np.float32)
    if r < 0.12:
        cond = "yellowed"
        a[..., :3] = a[..., :3] * np.array([1.0, 0.96, 0.82]) + np.array([12, 8, 0])
        a[..., :3] = 128 + (a[..., :3] - 128) * rng.uniform(0.75, 0.92)
    elif r < 0.18:
        cond = "photocopy"
        g = a[..., :3].mean(axis=2, keepdims=True)
        g = np.clip((g - 100) * 1.5 + 140, 0, 255)
        g += nrng.normal(0, 6, g.shape)
        a[..., :3] = np.repeat(g, 3, axis=2) * np.array([1.0, 1.0, 0.98])
    a[..., 3] = np.asarray(rounded_mask(CW, CH, int(30 * k)), np.float32)
    card = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "RGBA")
    info = {"label_font": lab_fam, "value_font": val_fam, "value_weight": val_w, "row_size": round(rs, 1),
            "small_rows": small, "address_lines": len(a_lines), "watermark": which, "condition": cond,
            "label_col": round(colon_x, 1)}
    cap = rs * k * 0.72
    return card, info, cap


# ----------------------------------------------------------------------------- negatives

def plastic_card(CW, top, bot, k, nrng, radius=30):
    CH = int(round(CW * 54 / 85.6))
    arr = gradient_v(CW, CH, top, bot)
    arr += smooth_noise(nrng, CH, CW, 60 * k, 2)[..., None] * 2.5
    card = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    return card, CH


def finish_card(card, k, radius=30):
    card.putalpha(rounded_mask(card.size[0], card.size[1], int(radius * k)))
    return card


def render_sim(rng, nrng, CW):
    k = CW / 1000.0
    card, CH = plastic_card(CW, (rng.randint(235, 250), rng.randint(225, 240), rng.randint(190, 215)),
                            (rng.randint(180, 210), rng.randint(205, 225), rng.randint(225, 245)), k, nrng)
    draw_guilloche(card, rng, k, (150, 120, 90), 40, "rosette")
    wm = Image.new("RGBA", card.size, (0, 0, 0, 0))
    draw_map_watermark(ImageDraw.Draw(wm), rng, (CW * 0.3, CH * 0.35, CW * 0.95, CH * 0.85), (150, 120, 80, 45))
    card.alpha_composite(wm)
    d = ImageDraw.Draw(card)
    band = (rng.randint(20, 60), rng.randint(50, 90), rng.randint(120, 170))
    d.rectangle([0, 0, CW, 95 * k], fill=band + (255,))
    fam = rng.choice(["nimbus", "arimo", "roboto"])
    d.text((500 * k, 42 * k), "SURAT IZIN MENGEMUDI", font=font(fam, "bold", 38 * k), fill=(255, 255, 255), anchor="ms")
    d.text((500 * k, 80 * k), "INDONESIA", font=font(fam, "bold", 26 * k), fill=(250, 220, 120), anchor="ms")
    d.ellipse([30 * k, 12 * k, 100 * k, 82 * k], fill=(230, 190, 60), outline=(120, 90, 20), width=int(3 * k))
    d.ellipse([900 * k, 12 * k, 970 * k, 82 * k], fill=(200, 40, 40), outline=(250, 250, 250), width=int(3 * k))
    cls = rng.choice(["A", "B I", "C", "A UMUM", "B II"])
    d.text((30 * k, 140 * k), "SIM " + cls, font=font(fam, "bold", 40 * k), fill=(180, 30, 30), anchor="ls")
    female = rng.random() < 0.4
    por = draw_portrait(rng, int(200 * k), int(265 * k), female)
    por = Image.fromarray(np.asarray(por)[..., ::-1].copy()) if rng.random() < 0.5 else por
    card.paste(por, (int(30 * k), int(165 * k)))
    num = "".join(str(rng.randint(0, 9)) for _ in range(12))
    numtxt = "%s-%s-%s" % (num[:4], num[4:8], num[8:]) if rng.random() < 0.6 else num
    d.text((250 * k, 140 * k), numtxt, font=font(fam, "bold", 36 * k), fill=(20, 20, 30), anchor="ls")
    year = rng.randint(1960, 2004)
    prov = rng.choice(["METRO JAYA", "JAWA TIMUR", "JAWA BARAT", "JAWA TENGAH", "BALI", "SUMATERA UTARA", "D.I. YOGYAKARTA"])
    rows = ["1. " + make_name(rng, female),
            "2. %s, %02d-%02d-%04d" % (rng.choice(BIRTH_PLACES), rng.randint(1, 28), rng.randint(1, 12), year),
            "3. %s - %s" % (rng.choice(["A", "B", "AB", "O"]), "WANITA" if female else "PRIA"),
            "4. " + make_address(rng),
            "5. " + rng.choice(["SWASTA", "WIRASWASTA", "PNS", "PELAJAR/MHS", "KARYAWAN", "PEDAGANG"]),
            "6. " + prov]
    vf = rng.choice(["nimbus", "arimo", "roboto_cond"])
    y = 200
    fs = rng.uniform(25, 30)
    for r in rows:
        f = fit_font(vf, "medium", fs * k, r, 720 * k, 10)
        d.text((250 * k, y * k), r, font=f, fill=(25, 25, 35), anchor="ls")
        y += fs * 1.55
    d.text((250 * k, (y + 10) * k), "Berlaku s.d. %02d-%02d-%04d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2024, 2030)),
           font=font(vf, "regular", 20 * k), fill=(40, 40, 50), anchor="ls")
    signature(d, rng, 760 * k, (y - 40) * k, 170 * k, 60 * k, (20, 30, 90), max(1, int(2 * k)))
    d.text((60 * k, 610 * k), "Kepala Kepolisian", font=font(vf, "regular", 16 * k), fill=(60, 60, 70), anchor="ls")
    return finish_card(card, k), {"sim_class": cls}, 24 * k * 0.72


def render_atm(rng, nrng, CW):
    k = CW / 1000.0
    scheme = rng.choice([((20, 50, 120), (40, 110, 190)), ((15, 15, 20), (70, 70, 80)),
                         ((170, 130, 40), (230, 200, 110)), ((0, 100, 90), (60, 170, 140)),
                         ((140, 20, 30), (220, 80, 60))])
    card, CH = plastic_card(CW, scheme[0], scheme[1], k, nrng)
    ov = Image.new("RGBA", card.size, (0, 0, 0, 0))
    od = ImageDraw.Draw(ov)
    for i in range(rng.randint(2, 6)):
        x0, y0 = rng.uniform(-300, 700) * k, rng.uniform(-300, 300) * k
        od.ellipse([x0, y0, x0 + rng.uniform(300, 900) * k, y0 + rng.uniform(300, 900) * k],
                   outline=(255, 255, 255, rng.randint(18, 45)), width=int(rng.uniform(10, 60) * k))
    card.alpha_composite(ov)
    d = ImageDraw.Draw(card)
    fam = rng.choice(["nimbus", "arimo", "roboto"])
    bank = rng.choice(["BANK NUSANTARA", "BANK SENTOSA", "BANK RAKYAT MAKMUR", "BANK MITRA SEJAHTERA", "BANK DANA UTAMA"])
    d.text((50 * k, 90 * k), bank, font=font(fam, "bold", 44 * k), fill=(255, 255, 255), anchor="ls")
    d.text((52 * k, 125 * k), rng.choice(["DEBIT", "GOLD", "PLATINUM", "TABUNGANKU"]), font=font(fam, "regular", 24 * k), fill=(235, 235, 235), anchor="ls")
    # chip
    d.rounded_rectangle([90 * k, 200 * k, 210 * k, 290 * k], radius=14 * k, fill=(215, 185, 110), outline=(150, 120, 60), width=int(2 * k))
    for yy in (230, 260):
        d.line([90 * k, yy * k, 210 * k, yy * k], fill=(150, 120, 60), width=int(2 * k))
    d.line([150 * k, 200 * k, 150 * k, 290 * k], fill=(150, 120, 60), width=int(2 * k))
    num = "".join(str(rng.randint(0, 9)) for _ in range(16))
    nt = " ".join(num[i:i + 4] for i in range(0, 16, 4))
    nf = font(rng.choice(["mono", "roboto", "nimbus"]), "bold", 54 * k)
    d.text((62 * k, 392 * k), nt, font=nf, fill=(60, 60, 60), anchor="ls")
    d.text((60 * k, 390 * k), nt, font=nf, fill=(245, 245, 240), anchor="ls")
    d.text((420 * k, 450 * k), "VALID THRU %02d/%02d" % (rng.randint(1, 12), rng.randint(25, 31)), font=font(fam, "bold", 26 * k), fill=(240, 240, 240), anchor="ls")
    d.text((60 * k, 540 * k), make_name(rng, rng.random() < 0.5), font=font(fam, "bold", 32 * k), fill=(245, 245, 245), anchor="ls")
    d.ellipse([770 * k, 470 * k, 870 * k, 570 * k], fill=(230, 30, 40))
    d.ellipse([830 * k, 470 * k, 930 * k, 570 * k], fill=(250, 160, 30))
    return finish_card(card, k), {"bank": bank}, 32 * k * 0.72


def render_receipt(rng, nrng, CW):
    # CW is the paper width in px; long thin paper
    k = CW / 1000.0
    nitems = rng.randint(4, 14)
    lines = []
    store = rng.choice(["SWALAYAN SUMBER REJEKI", "TOSERBA MAKMUR JAYA", "MINIMARKET BERKAH", "SUPERMARKET SEGAR"])
    lines += [("c", store, True), ("c", "JL. %s NO. %d" % (rng.choice(STREETS), rng.randint(1, 200)), False),
              ("c", "TELP. 0341-%06d" % rng.randint(0, 999999), False), ("l", "-" * 32, False),
              ("l", "%02d.%02d.%04d  %02d:%02d   KSR:%02d" % (rng.randint(1, 28), rng.randint(1, 12), rng.randint(2019, 2024), rng.randint(7, 21), rng.randint(0, 59), rng.randint(1, 9)), False),
              ("l", "-" * 32, False)]
    goods = ["BERAS 5KG", "GULA PASIR 1KG", "MINYAK GRG 2L", "TELUR 1KG", "MIE INSTAN", "SABUN MANDI", "KOPI SACHET",
             "TEH CELUP", "SUSU UHT 1L", "AIR MINERAL", "ROTI TAWAR", "KECAP 600ML", "DETERJEN 800G", "PASTA GIGI",
             "BISKUIT", "SAMPO 170ML", "TISU 250S", "SARDEN 425G"]
    total = 0
    for _ in range(nitems):
        g = rng.choice(goods)
        q = rng.randint(1, 4)
        p = rng.randint(2, 80) * 500
        total += q * p
        lines.append(("l", g, False))
        lines.append(("l", "  %d X %s %s" % (q, format(p, ",").replace(",", "."), format(q * p, ",").replace(",", ".").rjust(12)), False))
    lines += [("l", "-" * 32, False), ("l", "TOTAL        %s" % format(total, ",").replace(",", ".").rjust(12), True)]
    pay = (total // 10000 + 1) * 10000
    lines += [("l", "TUNAI        %s" % format(pay, ",").replace(",", ".").rjust(12), False),
              ("l", "KEMBALI      %s" % format(pay - total, ",").replace(",", ".").rjust(12), False),
              ("l", "-" * 32, False), ("c", "TERIMA KASIH", True), ("c", "BARANG YANG SUDAH DIBELI", False),
              ("c", "TIDAK DAPAT DITUKAR", False)]
    fs = 44
    lh = fs * 1.25
    CH = int((len(lines) * lh + 120) * k)
    paper = np.full((CH, CW, 3), rng.randint(238, 252), np.float32)
    paper[..., 2] -= rng.randint(0, 12)
    paper += smooth_noise(nrng, CH, CW, 40 * k, 2)[..., None] * 3
    card = Image.fromarray(np.clip(paper, 0, 255).astype(np.uint8), "RGB").convert("RGBA")
    d = ImageDraw.Draw(card)
    ink = rng.choice([(40, 40, 50), (70, 60, 90), (30, 30, 30)])
    y = 80
    for al, s, b in lines:
        f = font("mono", "bold" if b else "regular", fs * k)
        if al == "c":
            d.text((500 * k, y * k), s, font=f, fill=ink, anchor="ms")
        else:
            d.text((60 * k, y * k), s, font=f, fill=ink, anchor="ls")
        y += lh
    # torn top/bottom edge zigzag in alpha
    al = Image.new("L", card.size, 255)
    ad = ImageDraw.Draw(al)
    zz = [(x, rng.uniform(0, 12) * k) for x in np.linspace(0, CW, 40)]
    ad.polygon([(0, 0)] + zz + [(CW, 0)], fill=0)
    zz = [(x, CH - rng.uniform(0, 12) * k) for x in np.linspace(0, CW, 40)]
    ad.polygon([(0, CH)] + zz + [(CW, CH)], fill=0)
    card.putalpha(al)
    return card, {"items": nitems}, fs * k * 0.6


def render_blank(rng, nrng, CW):
    k = CW / 1000.0
    top = (rng.randint(170, 205), rng.randint(210, 232), rng.randint(232, 250))
    bot = tuple(max(0, c - rng.randint(5, 25)) for c in top)
    card, CH = plastic_card(CW, top, bot, k, nrng)
    # subtle gloss band
    ov = Image.new("RGBA", card.size, (0, 0, 0, 0))
    ImageDraw.Draw(ov).polygon([(CW * 0.2, 0), (CW * 0.45, 0), (CW * 0.25, CH), (0, CH)], fill=(255, 255, 255, 30))
    card.alpha_composite(ov.filter(ImageFilter.GaussianBlur(20 * k)))
    return finish_card(card, k), {}, 20 * k


def render_scene(rng, nrng, w, h):
    c0 = tuple(rng.randint(30, 230) for _ in range(3))
    c1 = tuple(rng.randint(30, 230) for _ in range(3))
    arr = gradient_v(w, h, c0, c1, mid=rng.uniform(0.5, 2))
    arr += smooth_noise(nrng, h, w, max(w, h) / 6, 3)[..., None] * 18
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    d = ImageDraw.Draw(im, "RGBA")
    for _ in range(rng.randint(4, 14)):
        col = tuple(rng.randint(0, 255) for _ in range(3)) + (rng.randint(90, 230),)
        x, y = rng.uniform(-0.1, 1.0) * w, rng.uniform(-0.1, 1.0) * h
        s = rng.uniform(0.05, 0.4) * min(w, h)
        t = rng.random()
        if t < 0.4:
            d.ellipse([x, y, x + s, y + s * rng.uniform(0.5, 1.5)], fill=col)
        elif t < 0.7:
            d.rectangle([x, y, x + s * rng.uniform(0.5, 2), y + s], fill=col)
        else:
            d.polygon([(x + rng.uniform(-s, s), y + rng.uniform(-s, s)) for _ in range(3)], fill=col)
    # animal-like blob (cat/dog): body, head, ears, legs, tail
    fur = rng.choice([(120, 80, 40), (60, 55, 50), (200, 170, 120), (230, 230, 225), (160, 110, 60)])
    bx, by = rng.uniform(0.25, 0.65) * w, rng.uniform(0.4, 0.7) * h
    bs = rng.uniform(0.15, 0.3) * min(w, h)
    dk = lerp(fur, (0, 0, 0), 0.3)
    for lx_ in (-0.7, -0.35, 0.4, 0.7):
        d.rounded_rectangle([bx + lx_ * bs - bs * 0.08, by, bx + lx_ * bs + bs * 0.08, by + bs * 0.75], radius=bs * 0.05, fill=dk)
    d.ellipse([bx - bs, by - bs * 0.5, bx + bs, by + bs * 0.5], fill=fur)
    d.line([(bx + bs * 0.9, by - bs * 0.1), (bx + bs * 1.3, by - bs * 0.6), (bx + bs * 1.45, by - bs * 0.9)], fill=fur, width=int(bs * 0.12))
    hx, hy = bx - bs * 1.0, by - bs * 0.55
    d.ellipse([hx - bs * 0.4, hy - bs * 0.35, hx + bs * 0.4, hy + bs * 0.35], fill=fur)
    d.polygon([(hx - bs * 0.35, hy - bs * 0.2), (hx - bs * 0.25, hy - bs * 0.7), (hx - bs * 0.05, hy - bs * 0.3)], fill=dk)
    d.polygon([(hx + bs * 0.35, hy - bs * 0.2), (hx + bs * 0.25, hy - bs * 0.7), (hx + bs * 0.05, hy - bs * 0.3)], fill=dk)
    d.ellipse([hx - bs * 0.18, hy - bs * 0.08, hx - bs * 0.06, hy + bs * 0.04], fill=(20, 20, 20))
    d.ellipse([hx + bs * 0.06, hy - bs * 0.08, hx + bs * 0.18, hy + bs * 0.04], fill=(20, 20, 20))
    im = im.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 2.5)))
    return im


# ----------------------------------------------------------------------------- backgrounds, hand

def make_background(rng, nrng, w, h, kind):
    """Background at half resolution (surfaces are slightly out of focus anyway), upscaled."""
    W2, H2 = max(8, w // 2), max(8, h // 2)
    if kind == "wood":
        base = np.array([rng.randint(110, 185), rng.randint(70, 115), rng.randint(35, 70)], np.float32)
        vertical = rng.random() < 0.5
        gw, gh = (H2, W2) if vertical else (W2, H2)
        n = smooth_noise(nrng, gh, gw, max(gw, gh) / 3, 2)
        n2 = smooth_noise(nrng, gh, max(4, gw // 12), 6, 2)
        n2 = cv2.resize(n2, (gw, gh), interpolation=cv2.INTER_LINEAR)
        yy = np.linspace(0, 1, gh, dtype=np.float32)[:, None]
        grain = np.sin((yy * rng.uniform(40, 90) + n * 0.8) * math.pi) * 0.5 + 0.5 * n2
        planks = (np.floor(yy * rng.uniform(2, 5) + 0.0) % 2).astype(np.float32) * rng.uniform(-0.08, 0.08)
        g = grain * 0.09 + planks
        if vertical:
            g = g.T
        arr = base[None, None] * (1 + g[..., None])
    elif kind == "sheet":
        base = np.array(rng.choice([(235, 235, 238), (200, 215, 235), (235, 212, 215), (212, 228, 210), (240, 230, 205)]), np.float32)
        n = smooth_noise(nrng, H2, W2, max(W2, H2) / 5, 3)
        folds = np.abs(smooth_noise(nrng, H2, W2, max(W2, H2) / 8, 2))
        arr = base[None, None] * (0.93 + 0.06 * n[..., None] - 0.12 * folds[..., None])
    elif kind == "cloth":
        c1 = np.array([rng.randint(60, 230) for _ in range(3)], np.float32)
        c2 = c1 * rng.uniform(0.55, 0.85) + np.array([rng.randint(0, 60) for _ in range(3)], np.float32)
        yy, xx = np.mgrid[0:H2, 0:W2].astype(np.float32)
        p = rng.uniform(12, 45) * max(W2, H2) / 750
        a = rng.uniform(0, math.pi)
        u = xx * math.cos(a) + yy * math.sin(a)
        v = -xx * math.sin(a) + yy * math.cos(a)
        pat = rng.choice(["checks", "stripes", "dots"])
        if pat == "checks":
            m = ((np.floor(u / p) % 2) * 0.5 + (np.floor(v / p) % 2) * 0.5).astype(np.float32)
        elif pat == "stripes":
            m = (np.sin(u / p * math.pi) > 0.2).astype(np.float32)
        else:
            m = ((((u % p) - p / 2) ** 2 + ((v % p) - p / 2) ** 2) < (p * 0.22) ** 2).astype(np.float32)
        m = cv2.GaussianBlur(m, (0, 0), 0.8)
        arr = c1[None, None] * (1 - m[..., None]) + c2[None, None] * m[..., None]
        arr *= (0.92 + 0.08 * smooth_noise(nrng, H2, W2, max(W2, H2) / 4, 2))[..., None]
    elif kind == "room":
        arr = gradient_v(W2, H2, tuple(rng.randint(90, 220) for _ in range(3)), tuple(rng.randint(40, 170) for _ in range(3)))
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
        d = ImageDraw.Draw(im)
        for _ in range(rng.randint(3, 8)):
            x, y = rng.uniform(0, W2), rng.uniform(0, H2)
            d.rectangle([x, y, x + rng.uniform(0.1, 0.5) * W2, y + rng.uniform(0.1, 0.6) * H2],
                        fill=tuple(rng.randint(40, 220) for _ in range(3)))
        arr = np.asarray(im.filter(ImageFilter.GaussianBlur(max(W2, H2) / 60)), np.float32)
    else:  # plain table top: muted colours
        hue = np.array([rng.randint(60, 240) for _ in range(3)], np.float32)
        grey = hue.mean()
        base = grey + (hue - grey) * rng.uniform(0.2, 0.6)
        arr = base[None, None] * (0.93 + 0.07 * smooth_noise(nrng, H2, W2, max(W2, H2) / 3, 3)[..., None])
    arr = cv2.resize(np.ascontiguousarray(arr, dtype=np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    return np.clip(arr, 0, 255)


def skin_color(rng):
    return np.array(rng.choice([(225, 180, 150), (200, 150, 115), (175, 125, 90), (140, 95, 65), (235, 195, 165)]), np.float32)


def lowres_layer(w, h, q, draw_fn, blur):
    """Draw a soft mask at 1/q resolution (coordinates given in full-res px), return full-res HxWx1."""
    wl, hl = max(2, w // q), max(2, h // q)
    m = Image.new("L", (wl, hl), 0)
    draw_fn(ImageDraw.Draw(m), 1.0 / q)
    if blur > 0:
        m = m.filter(ImageFilter.GaussianBlur(float(blur) / q))
    a = cv2.resize(np.asarray(m, np.float32) / 255.0, (w, h), interpolation=cv2.INTER_LINEAR)
    return a[..., None]


# ----------------------------------------------------------------------------- photo

def photograph(rng, nrng, render_fn, aspect_hint=None, allow_hand=True, min_card_px=640):
    """render_fn(card_width_px) -> (RGBA card PIL, info dict, cap height px). Returns PIL RGB, effects."""
    eff = {}
    asp = rng.choice([4 / 3, 4 / 3, 16 / 9, 3 / 4, 3 / 4, 9 / 16, 1.0])
    frac = rng.uniform(0.3, 0.9)
    card_ratio = aspect_hint or (54 / 85.6)
    # card height must fit the frame: frac*FW*card_ratio <= 0.85*FH
    frac = min(frac, 0.85 / (asp * card_ratio) * 0.92)
    long_factor = max(1.0, 1 / asp)   # L = FW * long_factor
    minL = min_card_px / frac * long_factor
    if minL > 3000:
        frac = min_card_px * long_factor / 3000.0
        minL = 3000
    L = int(rng.uniform(max(800, minL), 3000))
    if asp >= 1:
        FW, FH = L, int(L / asp)
    else:
        FH, FW = L, int(L * asp)
    cw = frac * FW
    eff["frame"] = [FW, FH]
    eff["card_fill"] = round(frac, 3)

    # cards are drawn at most ~1700 px wide (a phone lens/sensor would not resolve more detail)
    card, info, cap = render_fn(int(min(cw * rng.uniform(1.0, 1.12), rng.uniform(1500, 1800))))
    cw0, ch0 = card.size
    s = cw / cw0
    cap *= s
    eff.update(info)

    held = allow_hand and rng.random() < 0.22
    bgk = "room" if held and rng.random() < 0.7 else rng.choice(["wood", "wood", "sheet", "sheet", "cloth", "table", "table"])
    eff["background"] = bgk
    img = make_background(rng, nrng, FW, FH, bgk)

    # --- geometry: 3D rotation + in-plane tilt
    tilt = rng.uniform(-15, 15)
    ax, ay = math.radians(rng.uniform(-22, 22)), math.radians(rng.uniform(-22, 22))
    if rng.random() < 0.3:
        ax, ay = ax * 0.2, ay * 0.2
    eff["tilt"] = round(tilt, 2)
    eff["perspective"] = [round(math.degrees(ax), 1), round(math.degrees(ay), 1)]
    f = 1.3 * max(FW, FH)
    hw, hh = cw / 2, cw * ch0 / cw0 / 2
    corners = []
    ct, st = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))
    for (x, y) in [(-hw, -hh), (hw, -hh), (hw, hh), (-hw, hh)]:
        # proper rotation of the card plane: Ry(ay) @ Rx(ax)
        x1 = x * math.cos(ay) + y * math.sin(ax) * math.sin(ay)
        y1 = y * math.cos(ax)
        z = -x * math.sin(ay) + y * math.sin(ax) * math.cos(ay)
        px, py = x1 * f / (f + z), y1 * f / (f + z)
        corners.append((px * ct - py * st, px * st + py * ct))
    cs = np.array(corners)
    minx, miny = cs.min(0)
    maxx, maxy = cs.max(0)
    sc = float(min(1.0, 0.94 * FW / (maxx - minx), 0.94 * FH / (maxy - miny)))
    cs *= sc
    cap *= sc
    minx, miny = cs.min(0)
    maxx, maxy = cs.max(0)
    lo, hi = -minx + 0.02 * FW, FW - maxx - 0.02 * FW
    cx = rng.uniform(lo, hi) if hi > lo else FW / 2
    lo, hi = -miny + 0.02 * FH, FH - maxy - 0.02 * FH
    cy = rng.uniform(lo, hi) if hi > lo else FH / 2
    dst = (cs + np.array([cx, cy])).astype(np.float32)
    src = np.array([[0, 0], [cw0, 0], [cw0, ch0], [0, ch0]], np.float32)
    M = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(np.asarray(card), M, (FW, FH), flags=cv2.INTER_AREA if s < 0.8 else cv2.INTER_LINEAR,
                                 borderMode=cv2.BORDER_CONSTANT, borderValue=(0, 0, 0, 0))
    alpha = warped[..., 3:4].astype(np.float32) * (1 / 255.0)
    col = warped[..., :3].astype(np.float32)
    eff["cap_height_px"] = round(cap, 1)

    def card_pt(u, v):
        p = M @ np.array([u * cw0, v * ch0, 1.0])
        return p[0] / p[2], p[1] / p[2]

    q = 4
    big = max(FW, FH)
    # --- drop shadow (low res)
    off = np.array([rng.uniform(-1, 1), rng.uniform(0.2, 1)]) * big * 0.008
    quad = [tuple(p) for p in dst]
    shadow = lowres_layer(FW, FH, q, lambda d, r: d.polygon([((x + off[0]) * r, (y + off[1]) * r) for x, y in quad], fill=255),
                          big * 0.006 + 2)
    shadow *= -rng.uniform(0.3, 0.55)
    shadow += 1.0
    img *= shadow
    del shadow

    # --- hand: palm behind card, thumb over an edge
    skin = skin_color(rng)
    thumb = None
    if held:
        side = rng.choice(["right", "bottom", "left_bottom", "bottom_right"])
        eff["hand"] = side
        if side == "right":
            tip = (1.0 - rng.uniform(0.04, 0.1), rng.uniform(0.55, 0.85)); base = (1.3, tip[1] + 0.2)
        elif side == "bottom":
            tip = (rng.uniform(0.5, 0.7), 1.0 - rng.uniform(0.05, 0.1)); base = (tip[0] + 0.08, 1.5)
        elif side == "left_bottom":
            tip = (rng.uniform(0.05, 0.1), rng.uniform(0.88, 0.94)); base = (-0.3, 1.2)
        else:
            tip = (rng.uniform(0.88, 0.95), rng.uniform(0.86, 0.93)); base = (1.25, 1.25)
        tx, ty = map(float, card_pt(*tip))
        bx, by = map(float, card_pt(*base))
        tr = cw * sc * 0.06
        vx, vy = bx - tx, by - ty
        nv = math.hypot(vx, vy) + 1e-6
        ccx, ccy = tx + vx / nv * tr, ty + vy / nv * tr      # centre of the round thumb end
        pr = cw * sc * 0.33
        palm = lowres_layer(FW, FH, q, lambda d, r: d.ellipse([(bx - pr) * r, (by - pr * 0.8) * r, (bx + pr) * r, (by + pr * 0.8) * r], fill=255), pr * 0.1)
        img = img * (1 - palm) + (skin * 0.85)[None, None] * palm
        thumb = lowres_layer(FW, FH, 2, lambda d, r: (d.line([(bx * r, by * r), (ccx * r, ccy * r)], fill=255, width=max(1, int(tr * 2 * r))),
                                                     d.ellipse([(ccx - tr) * r, (ccy - tr) * r, (ccx + tr) * r, (ccy + tr) * r], fill=255)), tr * 0.12)
        tshade = lowres_layer(FW, FH, q, lambda d, r: (d.line([(bx * r, by * r), (ccx * r, ccy * r)], fill=255, width=max(1, int(tr * 2 * r))),
                                                      d.ellipse([(ccx - tr) * r, (ccy - tr) * r, (ccx + tr) * r, (ccy + tr) * r], fill=255)), tr * 0.9)

    col -= img
    col *= alpha
    img += col
    del col, warped
    if thumb is not None:
        img *= (1 - 0.4 * np.clip(tshade - thumb, 0, 1))          # soft shadow of the thumb on the card
        shade = skin[None, None] * (0.62 + 0.45 * tshade)        # rounded look
        img = img * (1 - thumb) + shade * thumb
        # nail
        nail = lowres_layer(FW, FH, 2, lambda d, r: d.ellipse([(ccx - tr * 0.5) * r, (ccy - tr * 0.55) * r, (ccx + tr * 0.5) * r, (ccy + tr * 0.55) * r], fill=255), tr * 0.2)
        img = img * (1 - 0.35 * nail) + 240 * 0.35 * nail

    # --- low-frequency light map: lamp fall-off, vignette, phone shadow, glare
    ql = 8
    wl, hl = max(2, FW // ql), max(2, FH // ql)
    yy, xx = np.mgrid[0:hl, 0:wl].astype(np.float32)
    xx *= ql
    yy *= ql
    lx_, ly_ = rng.uniform(-0.3, 1.3) * FW, rng.uniform(-0.3, 1.3) * FH
    dd = np.sqrt((xx - lx_) ** 2 + (yy - ly_) ** 2) / big
    light = 1.0 - rng.uniform(0.05, 0.35) * np.clip(dd, 0, 1.5)
    vr2 = ((xx - FW / 2) / FW) ** 2 + ((yy - FH / 2) / FH) ** 2
    light *= 1 - rng.uniform(0, 0.35) * vr2 * 2
    if rng.random() < 0.3:
        strength = rng.uniform(0.2, 0.55)
        ang = rng.uniform(0, 2 * math.pi)
        ex, ey = card_pt(rng.uniform(0.15, 0.85), rng.uniform(0.15, 0.85))
        pw_, ph_ = big * rng.uniform(0.35, 0.6), big * rng.uniform(0.7, 1.1)
        ox, oy = ex + math.cos(ang) * pw_ * 0.55, ey + math.sin(ang) * pw_ * 0.55
        rect = cv2.boxPoints(((ox / ql, oy / ql), (pw_ / ql, ph_ / ql), math.degrees(ang) + rng.uniform(-20, 20)))
        m = Image.new("L", (wl, hl), 0)
        ImageDraw.Draw(m).polygon([tuple(p) for p in rect], fill=255)
        m = m.filter(ImageFilter.GaussianBlur(big * rng.uniform(0.006, 0.03) / ql))
        light *= 1 - strength * np.asarray(m, np.float32) / 255.0
        eff["phone_shadow"] = round(strength, 2)
    glare = None
    if rng.random() < 0.4:
        peak = rng.uniform(0.35, 0.7)
        gx, gy = card_pt(rng.uniform(0, 1), rng.uniform(0, 1))
        gr = cw * sc * rng.uniform(0.05, 0.22)
        asp_g = rng.uniform(1, 3)
        a = rng.uniform(0, math.pi)
        u = (xx - gx) * math.cos(a) + (yy - gy) * math.sin(a)
        v = -(xx - gx) * math.sin(a) + (yy - gy) * math.cos(a)
        glare = np.clip(np.exp(-((u / (gr * asp_g)) ** 2 + (v / gr) ** 2)) * 1.3, 0, 1) * peak
        eff["glare"] = round(peak, 2)

    # exposure and colour cast folded into the light map
    r = rng.random()
    if r < 0.15:
        gain = rng.uniform(0.4, 0.7); eff["exposure"] = "dim"
    elif r < 0.27:
        gain = rng.uniform(1.25, 1.6); eff["exposure"] = "over"
    else:
        gain = rng.uniform(0.85, 1.12)
    eff["gain"] = round(gain, 2)
    cast = np.array([rng.uniform(0.9, 1.1), rng.uniform(0.95, 1.05), rng.uniform(0.85, 1.1)], np.float32)
    lm = cv2.resize(light.astype(np.float32), (FW, FH), interpolation=cv2.INTER_LINEAR)[..., None]
    img *= lm * (gain * cast)[None, None]
    if glare is not None:
        gl = cv2.resize(glare.astype(np.float32), (FW, FH), interpolation=cv2.INTER_LINEAR)[..., None]
        gl *= (alpha * 0.8 + 0.2)
        img = img * (1 - gl) + 255 * gl
    # noise (luma full res, chroma at half res)
    ns = rng.uniform(1.5, 4) * (2.2 if gain < 0.75 else 1.0)
    # sensor noise: a random 509x509 tile (luma + half-res chroma), tiled with a random offset
    T = 509
    tile = nrng.standard_normal((T, T, 1), dtype=np.float32) * ns + \
        cv2.resize(nrng.standard_normal((T // 2, T // 2, 3), dtype=np.float32), (T, T)) * (ns * 0.6)
    reps = (FH // T + 2, FW // T + 2, 1)
    oy, ox = rng.randrange(T), rng.randrange(T)
    img += np.tile(tile, reps)[oy:oy + FH, ox:ox + FW]
    eff["noise"] = round(ns, 2)
    out = np.clip(img, 0, 255).astype(np.uint8)
    del img
    gamma = rng.uniform(0.8, 1.25)
    lut = np.clip(255.0 * (np.arange(256) / 255.0) ** gamma, 0, 255).astype(np.uint8)
    out = cv2.LUT(out, lut)
    eff["gamma"] = round(gamma, 2)

    # --- blur (after noise the camera would blur before; noise is small so order matters little)
    if rng.random() < 0.45:
        sig = max(0.4, cap * rng.uniform(0.04, 0.16))
        out = cv2.GaussianBlur(out, (0, 0), sig)
        eff["blur"] = round(sig, 2)
    if rng.random() < 0.2:
        ln = max(3, int(cap * rng.uniform(0.2, 0.6)))
        ker = np.zeros((ln, ln), np.float32)
        ker[ln // 2, :] = 1
        rot = cv2.getRotationMatrix2D((ln / 2 - 0.5, ln / 2 - 0.5), rng.uniform(0, 180), 1)
        ker = cv2.warpAffine(ker, rot, (ln, ln))
        ker /= ker.sum()
        out = cv2.filter2D(out, -1, ker)
        eff["motion_blur"] = ln

    # --- turns
    turn = 0
    if rng.random() < 0.2:
        turn = rng.choice([90, 180, 270])
        out = np.ascontiguousarray(np.rot90(out, k=turn // 90))   # counter-clockwise
    eff["rotation"] = turn
    im = Image.fromarray(out, "RGB")

    # --- screenshot chrome
    if rng.random() < 0.05:
        im = screenshot_chrome(rng, im)
        eff["screenshot"] = True
    return im, eff


def screenshot_chrome(rng, im):
    w, h = im.size
    sw = int(w * 1.0)
    bar = int(sw * 0.07)
    app = int(sw * 0.12)
    H = h + bar + 2 * app
    dark = rng.random() < 0.6
    bgc = (0, 0, 0) if dark else (250, 250, 250)
    fg = (240, 240, 240) if dark else (20, 20, 20)
    canvas = Image.new("RGB", (sw, H), bgc)
    canvas.paste(im, (0, bar + app))
    d = ImageDraw.Draw(canvas)
    f = font("roboto", "medium", bar * 0.5)
    d.text((bar * 0.6, bar * 0.7), "%02d:%02d" % (rng.randint(6, 22), rng.randint(0, 59)), font=f, fill=fg, anchor="ls")
    d.rounded_rectangle([sw - bar * 1.6, bar * 0.3, sw - bar * 0.6, bar * 0.7], radius=bar * 0.08, outline=fg, width=2)
    d.rectangle([sw - bar * 1.55, bar * 0.35, sw - bar * (1.55 - rng.uniform(0.2, 0.9)), bar * 0.65], fill=fg)
    for i in range(4):
        d.rectangle([sw - bar * 2.6 + i * bar * 0.18, bar * (0.65 - 0.08 * (i + 1)), sw - bar * 2.5 + i * bar * 0.18, bar * 0.65], fill=fg)
    d.line([(app * 0.3, bar + app * 0.5), (app * 0.55, bar + app * 0.3)], fill=fg, width=4)
    d.line([(app * 0.3, bar + app * 0.5), (app * 0.55, bar + app * 0.7)], fill=fg, width=4)
    for i in range(4):
        cx = sw * (0.15 + 0.23 * i)
        d.ellipse([cx - app * 0.15, H - app * 0.65, cx + app * 0.15, H - app * 0.35], outline=fg, width=3)
    return canvas


# ----------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="write non-KTP photos (fields null)")
    args = ap.parse_args()
    check_fonts()
    os.makedirs(args.out, exist_ok=True)
    cv2.setNumThreads(1)
    truth_path = os.path.join(args.out, "truth.jsonl")
    with open(truth_path, "a", encoding="utf-8") as tf:
        for i in range(args.n):
            name = "d_%d_%04d.jpg" % (args.seed, i)
            rng = random.Random("d-%d-%d-%d" % (args.seed, i, int(args.negatives)))
            nrng = np.random.default_rng([args.seed, i, 7 + int(args.negatives)])
            rec = {"image": name, "renderer": "d"}
            if not args.negatives:
                fields, extra = make_fields(rng)
                im, eff = photograph(rng, nrng, lambda cw: render_ktp(rng, nrng, fields, extra, cw))
                rec["fields"] = fields
            else:
                kind = rng.choice(["sim", "sim", "atm_card", "receipt", "blank_card", "scene"])
                if kind == "sim":
                    im, eff = photograph(rng, nrng, lambda cw: render_sim(rng, nrng, cw))
                elif kind == "atm_card":
                    im, eff = photograph(rng, nrng, lambda cw: render_atm(rng, nrng, cw))
                elif kind == "blank_card":
                    im, eff = photograph(rng, nrng, lambda cw: render_blank(rng, nrng, cw), allow_hand=True)
                elif kind == "receipt":
                    ratio = rng.uniform(1.6, 3.2)
                    im, eff = photograph(rng, nrng, lambda cw: render_receipt(rng, nrng, cw),
                                         aspect_hint=ratio, allow_hand=False, min_card_px=420)
                else:
                    im, eff = photo_scene(rng, nrng)
                rec["fields"] = None
                rec["kind"] = kind
            q = rng.randint(35, 90)
            eff["jpeg_quality"] = q
            im.save(os.path.join(args.out, name), "JPEG", quality=q)
            rec["effects"] = eff
            tf.write(json.dumps(rec, ensure_ascii=False) + "\n")


def photo_scene(rng, nrng):
    asp = rng.choice([4 / 3, 16 / 9, 3 / 4, 9 / 16, 1.0])
    L = rng.randint(800, 3000)
    w, h = (L, int(L / asp)) if asp >= 1 else (int(L * asp), L)
    im = render_scene(rng, nrng, w, h)
    a = np.asarray(im, np.float32)
    gain = rng.uniform(0.5, 1.4)
    a = a * gain + nrng.normal(0, rng.uniform(1.5, 6), a.shape)
    eff = {"frame": [w, h], "gain": round(gain, 2)}
    if rng.random() < 0.3:
        ln = rng.randint(3, 15)
        ker = np.zeros((ln, ln), np.float32)
        ker[ln // 2, :] = 1.0 / ln
        a = cv2.filter2D(a, -1, ker)
        eff["motion_blur"] = ln
    turn = rng.choice([0, 0, 0, 0, 90, 180, 270])
    out = np.clip(a, 0, 255).astype(np.uint8)
    if turn:
        out = np.ascontiguousarray(np.rot90(out, k=turn // 90))
    eff["rotation"] = turn
    return Image.fromarray(out, "RGB"), eff


if __name__ == "__main__":
    main()
