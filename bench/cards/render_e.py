#!/usr/bin/env python3
"""Renderer "e": synthetic phone photos of Indonesian e-KTP identity cards.

Held-out evaluation data for an OCR reader, written independently of the
reader and of the other renderers.

Usage
-----
    python bench/cards/render_e.py --n N --seed S --out DIR [--negatives]

Writes DIR/e_<seed>_<i:04d>.jpg for i in 0..N-1 and appends one JSON line per
photo to DIR/truth.jsonl:

    {"image": "e_5_0000.jpg", "renderer": "e", "fields": {...17 keys...},
     "effects": {...}}

Every photo is a pure function of (seed, i): a ``random.Random`` and a numpy
``Generator`` are seeded from both.  With ``--negatives`` the photos show
things that are NOT a KTP (a student card, a BPJS/KIS health card, a bank
card, a Kartu Keluarga sheet, a letter, a book page, or just a scene); their
line has ``"fields": null`` and ``"kind": "<what it is>"``.

Fields (strings, uppercase as printed): nik, nama, tempat_lahir,
tanggal_lahir (ISO YYYY-MM-DD; printed DD-MM-YYYY), jenis_kelamin,
golongan_darah, alamat (a wrapped address is joined with one space), rt_rw,
kel_desa, kecamatan, agama, status_perkawinan, pekerjaan, kewarganegaraan,
berlaku_hingga, provinsi (without the word "PROVINSI"), kabupaten_kota (as
printed in the second header line, e.g. "KOTA BANDUNG", "KABUPATEN SLEMAN",
"JAKARTA SELATAN").  The NIK starts with a real 6-digit district code of the
printed province/regency/district, then DDMMYY of the birth date (DD+40 for
women), then a 4-digit serial.

The card
--------
An 85.6 x 54 mm card drawn at 640-2000 px width: centred two-line header
(PROVINSI ..., regency/city), large bold NIK line, the left column of labels
(Nama, Tempat/Tgl Lahir, Jenis Kelamin + Gol. Darah on the same line, Alamat,
the indented RT/RW, Kel/Desa, Kecamatan, Agama, Status Perkawinan, Pekerjaan,
Kewarganegaraan, Berlaku Hingga) each with a colon and a value, a passport
photo at the right (red background for even birth years, blue for odd) with
the issue place, issue date and a signature below it.  What varies per card:
the tint (blue-green gradient, plain blue, faded, greenish, purplish, yellowed,
grey photocopy, sometimes a photocopy on a paper scrap), guilloche waves,
rosettes, a faint map/emblem, font family/size/weight, label spellings and
case, colon placement, line pitch, indentation, misaligned printing (the whole
print or only the values shifted and/or rotated up to ~1.5 deg relative to the
card), faded printer ribbon bands, wear (scratches, scuffs, faded ink, dirt),
stickers, a laminated plastic sleeve with a specular streak.  Over-long names,
jobs and addresses are condensed; long addresses wrap onto a second line.

The photo
---------
A scene (wood, cloth, desk, paper, tiles, a palm, clutter) with the card
covering 25-95 % of the frame (bbox vs frame), any rotation (mostly upright,
also 90/180/270 and arbitrary angles), perspective, slight bending, a drop
shadow, fingers over an edge, a phone/hand shadow, glare, uneven light and
colour casts, defocus/motion blur, dim or overexposed exposure, sensor noise,
sharpening, JPEG quality 30-90, long side 640-4000 px, and some screenshots of
a photo (gallery viewer or chat app UI).  About 20 % of photos are drawn as
"hard" (stronger effects); the rest are meant to be clearly readable.  Every
choice is recorded in "effects".

Fonts (Debian packages, see FONT_PACKAGES): Aerial (fonts-arkpandora, an
Arial-metric sans, the closest to the real card), Open Sans incl. condensed
(fonts-open-sans), Lato (fonts-lato), OSP-DIN condensed (fonts-opendin),
Go / Go Mono (fonts-go) and OCR-B (fonts-ocr-b, used for some NIK lines).
A missing font file stops the renderer with a message naming its package.
"""

FONT_PACKAGES = ["fonts-arkpandora", "fonts-open-sans", "fonts-lato", "fonts-opendin", "fonts-go", "fonts-ocr-b"]

import argparse
import datetime as dt
import json
import math
import os
import random
import sys
import time

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

# ---------------------------------------------------------------------------
# fonts

_AK = "/usr/share/fonts/truetype/arkpandora/"
_OS = "/usr/share/fonts/truetype/open-sans/"
_LA = "/usr/share/fonts/truetype/lato/"
_GO = "/usr/share/fonts/fonts-go/"
FONT_FILES = {
    "aerial": ("fonts-arkpandora", _AK + "Aerial.ttf"),
    "aerial_bold": ("fonts-arkpandora", _AK + "AerialBd.ttf"),
    "aerial_mono_bold": ("fonts-arkpandora", _AK + "AerialMonoBd.ttf"),
    "opensans": ("fonts-open-sans", _OS + "OpenSans-Regular.ttf"),
    "opensans_semi": ("fonts-open-sans", _OS + "OpenSans-Semibold.ttf"),
    "opensans_bold": ("fonts-open-sans", _OS + "OpenSans-Bold.ttf"),
    "opensans_cond_bold": ("fonts-open-sans", _OS + "OpenSans-CondBold.ttf"),
    "opensans_cond_light": ("fonts-open-sans", _OS + "OpenSans-CondLight.ttf"),
    "lato": ("fonts-lato", _LA + "Lato-Regular.ttf"),
    "lato_medium": ("fonts-lato", _LA + "Lato-Medium.ttf"),
    "lato_bold": ("fonts-lato", _LA + "Lato-Bold.ttf"),
    "lato_heavy": ("fonts-lato", _LA + "Lato-Heavy.ttf"),
    "lato_italic": ("fonts-lato", _LA + "Lato-Italic.ttf"),
    "din": ("fonts-opendin", "/usr/share/fonts/truetype/opendin/OSP-DIN.ttf"),
    "go": ("fonts-go", _GO + "Go-Regular.ttf"),
    "go_medium": ("fonts-go", _GO + "Go-Medium.ttf"),
    "go_bold": ("fonts-go", _GO + "Go-Bold.ttf"),
    "go_mono": ("fonts-go", _GO + "Go-Mono.ttf"),
    "go_mono_bold": ("fonts-go", _GO + "Go-Mono-Bold.ttf"),
    "ocrb": ("fonts-ocr-b", "/usr/share/fonts/opentype/ocr-b/OCRB.otf"),
}

# font sets for the card: (label, value regular, value heavier, bold, stroke for fake bold)
FONT_SETS = {
    "aerial": ("aerial", "aerial", "aerial_bold", "aerial_bold", 0),
    "opensans": ("opensans", "opensans", "opensans_semi", "opensans_bold", 0),
    "opensans_cond": ("opensans_cond_light", "opensans_cond_light", "opensans_cond_bold", "opensans_cond_bold", 0),
    "lato": ("lato", "lato", "lato_medium", "lato_bold", 0),
    "din": ("din", "din", "din", "din", 1),
    "go": ("go", "go", "go_medium", "go_bold", 0),
    "gomono": ("go_mono", "go_mono", "go_mono", "go_mono_bold", 0),
}
FONT_SET_WEIGHTS = {"aerial": 5, "opensans": 2, "opensans_cond": 1.2, "lato": 2, "din": 1.3, "go": 1.5, "gomono": 0.8}
NIK_FONTS = {"same": 5, "ocrb": 1.5, "go_mono_bold": 1, "aerial_mono_bold": 1, "aerial_bold": 1.5, "lato_heavy": 0.7}

_font_cache = {}


def check_fonts():
    missing = [(k, p, f) for k, (p, f) in FONT_FILES.items() if not os.path.isfile(f)]
    if missing:
        pkgs = sorted({p for _, p, _ in missing})
        lines = ["render_e: missing font file(s):"]
        lines += ["  %s (from Debian package %s)" % (f, p) for _, p, f in missing]
        lines.append("install with: apt-get install -y " + " ".join(pkgs))
        sys.exit("\n".join(lines))


def font(key, px):
    px = max(6, int(round(px)))
    k = (key, px)
    f = _font_cache.get(k)
    if f is None:
        pkg, path = FONT_FILES[key]
        try:
            f = ImageFont.truetype(path, px)
        except OSError:
            sys.exit("render_e: cannot load font %s; install Debian package %s (apt-get install -y %s)"
                     % (path, pkg, pkg))
        _font_cache[k] = f
    return f


# ---------------------------------------------------------------------------
# data: regions (real Kemendagri codes: province 2 + regency 2 + district 2)

# (province, regency code, header line 2, place name under the photo, style, {district code: name}, villages)
REGIONS = [
    ("JAWA BARAT", "3273", "KOTA BANDUNG", "BANDUNG", "sunda",
     {"01": "SUKASARI", "02": "COBLONG", "03": "BABAKAN CIPARAY", "05": "ANDIR", "06": "CICENDO",
      "07": "SUKAJADI", "08": "CIDADAP", "09": "BANDUNG WETAN", "11": "REGOL", "12": "BATUNUNGGAL",
      "13": "LENGKONG", "14": "CIBEUNYING KIDUL", "16": "KIARACONDONG", "20": "ANTAPANI", "28": "CIBIRU"},
     ["SEKELOA", "DAGO", "LEBAKGEDE", "SADANG SERANG", "CIPAGANTI", "SUKAWARNA", "CIUMBULEUIT", "PASTEUR",
      "ISOLA", "GEGERKALONG", "CIHAPIT", "MALABAR", "KEBON PISANG", "SUKALUYU", "CIGADUNG", "PASIRLAYUNG"]),
    ("JAWA BARAT", "3271", "KOTA BOGOR", "BOGOR", "sunda",
     {"01": "BOGOR SELATAN", "02": "BOGOR TIMUR", "03": "BOGOR UTARA", "04": "BOGOR TENGAH",
      "05": "BOGOR BARAT", "06": "TANAH SAREAL"},
     ["BATUTULIS", "BARANANGSIANG", "TEGALLEGA", "BABAKAN PASAR", "CILENDEK BARAT", "KEDUNG BADAK",
      "SINDANG BARANG", "LAWANGGINTUNG", "KATULAMPA", "CIMAHPAR", "PABATON"]),
    ("JAWA BARAT", "3275", "KOTA BEKASI", "BEKASI", "sunda",
     {"01": "BEKASI TIMUR", "02": "BEKASI BARAT", "03": "BEKASI UTARA", "04": "BEKASI SELATAN",
      "05": "RAWA LUMBU", "06": "MEDAN SATRIA", "07": "BANTAR GEBANG", "08": "PONDOK GEDE",
      "09": "JATIASIH", "11": "MUSTIKA JAYA"},
     ["MARGAHAYU", "ARENJAYA", "KAYURINGIN JAYA", "PEKAYON JAYA", "JAKASAMPURNA", "HARAPAN JAYA",
      "JATIMAKMUR", "BOJONG MENTENG", "CIKETING UDIK", "PEDURENAN", "JATIKRAMAT"]),
    ("JAWA BARAT", "3201", "KABUPATEN BOGOR", "KAB. BOGOR", "sunda",
     {"01": "CIBINONG", "02": "GUNUNG PUTRI", "03": "CITEUREUP", "04": "SUKARAJA", "05": "BABAKAN MADANG",
      "06": "JONGGOL"},
     ["PAKANSARI", "CIRIMEKAR", "NANGGEWER", "KARADENAN", "WANAHERANG", "BOJONG NANGKA", "TAJUR",
      "PUSPANEGARA", "CIKEAS UDIK", "SUKATANI", "KADUMANGU"]),
    ("DKI JAKARTA", "3171", "JAKARTA SELATAN", "JAKARTA SELATAN", "betawi",
     {"01": "JAGAKARSA", "02": "PASAR MINGGU", "03": "CILANDAK", "04": "PESANGGRAHAN",
      "05": "KEBAYORAN LAMA", "06": "KEBAYORAN BARU", "07": "MAMPANG PRAPATAN", "08": "PANCORAN",
      "09": "TEBET", "10": "SETIABUDI"},
     ["SRENGSENG SAWAH", "LENTENG AGUNG", "CIGANJUR", "PEJATEN BARAT", "RAGUNAN", "CIPETE SELATAN",
      "GANDARIA UTARA", "BINTARO", "ULUJAMI", "GROGOL UTARA", "KEBAYORAN LAMA SELATAN", "MENTENG DALAM",
      "KARET KUNINGAN", "MANGGARAI SELATAN", "KALIBATA", "BANGKA", "TEGAL PARANG"]),
    ("DKI JAKARTA", "3172", "JAKARTA TIMUR", "JAKARTA TIMUR", "betawi",
     {"01": "PASAR REBO", "02": "CIRACAS", "03": "CIPAYUNG", "04": "MAKASAR", "05": "KRAMAT JATI",
      "06": "JATINEGARA", "07": "DUREN SAWIT", "08": "CAKUNG", "09": "PULO GADUNG", "10": "MATRAMAN"},
     ["KALISARI", "CIBUBUR", "KELAPA DUA WETAN", "MUNJUL", "HALIM PERDANA KUSUMAH", "CAWANG",
      "BIDARA CINA", "PONDOK KOPI", "KLENDER", "PENGGILINGAN", "RAWAMANGUN", "KAYU MANIS", "UTAN KAYU UTARA"]),
    ("DKI JAKARTA", "3173", "JAKARTA PUSAT", "JAKARTA PUSAT", "betawi",
     {"01": "TANAH ABANG", "02": "MENTENG", "03": "SENEN", "04": "JOHAR BARU", "05": "CEMPAKA PUTIH",
      "06": "KEMAYORAN", "07": "SAWAH BESAR", "08": "GAMBIR"},
     ["BENDUNGAN HILIR", "KEBON MELATI", "PEGANGSAAN", "GONDANGDIA", "KRAMAT", "KAMPUNG RAWA",
      "RAWASARI", "SERDANG", "KARANG ANYAR", "PETOJO UTARA", "KEBON KELAPA"]),
    ("JAWA TENGAH", "3374", "KOTA SEMARANG", "SEMARANG", "jawa",
     {"01": "SEMARANG TENGAH", "02": "SEMARANG UTARA", "03": "SEMARANG TIMUR", "04": "GAYAMSARI",
      "05": "GENUK", "06": "PEDURUNGAN", "07": "SEMARANG SELATAN", "08": "CANDISARI", "09": "GAJAHMUNGKUR",
      "10": "TEMBALANG", "11": "BANYUMANIK", "12": "GUNUNGPATI", "13": "SEMARANG BARAT", "15": "NGALIYAN"},
     ["PEKUNDEN", "KEMBANGSARI", "BANDARHARJO", "KEMIJEN", "SAMBIREJO", "TLOGOSARI KULON", "PLAMONGAN SARI",
      "LAMPER KIDUL", "JATINGALEH", "BENDAN NGISOR", "TEMBALANG", "BULUSAN", "SRONDOL WETAN", "PUDAKPAYUNG",
      "SEKARAN", "TAMBAKAJI", "KROBOKAN"]),
    ("JAWA TENGAH", "3372", "KOTA SURAKARTA", "SURAKARTA", "jawa",
     {"01": "LAWEYAN", "02": "SERENGAN", "03": "PASAR KLIWON", "04": "JEBRES", "05": "BANJARSARI"},
     ["PAJANG", "SONDAKAN", "KRATONAN", "JOYOTAKAN", "BALUWARTI", "SEMANGGI", "PUCANGSAWIT", "MOJOSONGO",
      "KADIPIRO", "MANAHAN", "SUMBER", "GILINGAN"]),
    ("DAERAH ISTIMEWA YOGYAKARTA", "3471", "KOTA YOGYAKARTA", "YOGYAKARTA", "jawa",
     {"01": "TEGALREJO", "02": "JETIS", "03": "GONDOKUSUMAN", "04": "DANUREJAN", "05": "GEDONGTENGEN",
      "06": "NGAMPILAN", "07": "WIROBRAJAN", "08": "MANTRIJERON", "09": "KRATON", "10": "GONDOMANAN",
      "11": "PAKUALAMAN", "12": "MERGANGSAN", "13": "UMBULHARJO", "14": "KOTAGEDE"},
     ["BENER", "KRICAK", "COKRODININGRATAN", "TERBAN", "KLITREN", "BAUSASRAN", "SOSROMENDURAN",
      "NOTOPRAJAN", "PAKUNCEN", "GEDONGKIWO", "PANEMBAHAN", "PRAWIRODIRJAN", "BRONTOKUSUMAN",
      "WARUNGBOTO", "PRENGGAN", "PURBAYAN"]),
    ("DAERAH ISTIMEWA YOGYAKARTA", "3404", "KABUPATEN SLEMAN", "SLEMAN", "jawa",
     {"01": "GAMPING", "02": "GODEAN", "03": "MOYUDAN", "04": "MINGGIR", "05": "SEYEGAN", "06": "MLATI",
      "07": "DEPOK", "08": "BERBAH", "09": "PRAMBANAN", "10": "KALASAN", "11": "NGEMPLAK", "12": "NGAGLIK",
      "13": "SLEMAN", "14": "TEMPEL", "15": "TURI", "16": "PAKEM", "17": "CANGKRINGAN"},
     ["AMBARKETAWANG", "BALECATUR", "SIDOARUM", "SENDANGADI", "SINDUADI", "CATURTUNGGAL", "CONDONGCATUR",
      "MAGUWOHARJO", "TEGALTIRTO", "BOKOHARJO", "PURWOMARTANI", "WEDOMARTANI", "SARIHARJO", "MINOMARTANI",
      "TRIDADI", "HARGOBINANGUN", "UMBULHARJO", "WUKIRSARI"]),
    ("JAWA TIMUR", "3578", "KOTA SURABAYA", "SURABAYA", "jawa",
     {"01": "KARANG PILANG", "02": "JAMBANGAN", "03": "GAYUNGAN", "04": "WONOCOLO", "05": "TENGGILIS MEJOYO",
      "06": "GUNUNG ANYAR", "07": "RUNGKUT", "08": "SUKOLILO", "09": "MULYOREJO", "10": "GUBENG",
      "11": "WONOKROMO", "12": "DUKUH PAKIS", "13": "WIYUNG", "17": "SAWAHAN", "18": "TEGALSARI",
      "19": "GENTENG", "20": "TAMBAKSARI", "21": "KENJERAN"},
     ["KEBRAON", "KEDURUS", "PAGESANGAN", "KETINTANG", "JEMUR WONOSARI", "KENDANGSARI", "RUNGKUT KIDUL",
      "KEPUTIH", "MENUR PUMPUNGAN", "AIRLANGGA", "GUBENG", "NGAGEL REJO", "DARMO", "PAKIS", "BANYU URIP",
      "KEDUNGDORO", "KETABANG", "PLOSO", "TAMBAK WEDI"]),
    ("JAWA TIMUR", "3573", "KOTA MALANG", "MALANG", "jawa",
     {"01": "KLOJEN", "02": "BLIMBING", "03": "KEDUNGKANDANG", "04": "SUKUN", "05": "LOWOKWARU"},
     ["KAUMAN", "ORO-ORO DOWO", "SAMAAN", "PURWODADI", "POLOWIJEN", "ARJOSARI", "SAWOJAJAR", "LESANPURO",
      "BANDUNGREJOSARI", "CIPTOMULYO", "TLOGOMAS", "DINOYO", "JATIMULYO", "TUNGGULWULUNG"]),
    ("JAWA TIMUR", "3515", "KABUPATEN SIDOARJO", "SIDOARJO", "jawa",
     {"01": "SIDOARJO", "02": "BUDURAN", "03": "CANDI", "04": "PORONG", "05": "KREMBUNG", "06": "TULANGAN",
      "07": "TANGGULANGIN", "09": "KRIAN", "14": "TAMAN", "15": "WARU", "16": "GEDANGAN", "17": "SEDATI"},
     ["LEMAHPUTRO", "SEKARDANGAN", "BANJARKEMANTREN", "SIRING", "KEDUNGBANTENG", "KETEGAN", "KEMASAN",
      "WONOCOLO", "BUNGURASIH", "KETAJEN", "PEPELEGI", "BETRO", "SEDATI GEDE", "DESA KRAJAN"]),
    ("BANTEN", "3671", "KOTA TANGERANG", "TANGERANG", "betawi",
     {"01": "TANGERANG", "02": "JATIUWUNG", "03": "BATUCEPER", "04": "BENDA", "05": "CIPONDOH",
      "06": "CILEDUG", "07": "KARAWACI", "08": "PERIUK", "09": "CIBODAS", "10": "NEGLASARI", "11": "PINANG",
      "12": "KARANG TENGAH", "13": "LARANGAN"},
     ["BABAKAN", "SUKASARI", "GANDASARI", "PORIS GAGA", "BELENDUNG", "PETIR", "SUDIMARA BARAT",
      "NUSAJAYA", "GEBANG RAYA", "UWUNG JAYA", "KEDAUNG WETAN", "PANUNGGANGAN", "PONDOK BAHAR"]),
    ("BALI", "5171", "KOTA DENPASAR", "DENPASAR", "bali",
     {"01": "DENPASAR SELATAN", "02": "DENPASAR TIMUR", "03": "DENPASAR BARAT", "04": "DENPASAR UTARA"},
     ["SANUR", "SIDAKARYA", "PANJER", "SESETAN", "KESIMAN", "PENATIH", "DAUH PURI", "PEMECUTAN",
      "PADANGSAMBIAN", "PEGUYANGAN", "UBUNG KAJA", "DANGIN PURI KAJA"]),
    ("BALI", "5103", "KABUPATEN BADUNG", "BADUNG", "bali",
     {"01": "KUTA SELATAN", "02": "KUTA", "03": "KUTA UTARA", "04": "MENGWI", "05": "ABIANSEMAL",
      "06": "PETANG"},
     ["JIMBARAN", "BENOA", "UNGASAN", "LEGIAN", "SEMINYAK", "TUBAN", "KEROBOKAN KELOD", "CANGGU",
      "DALUNG", "MENGWITANI", "SIBANGGEDE", "BELOK"]),
    ("SUMATERA UTARA", "1271", "KOTA MEDAN", "MEDAN", "batak",
     {"01": "MEDAN TUNTUNGAN", "02": "MEDAN JOHOR", "03": "MEDAN AMPLAS", "04": "MEDAN DENAI",
      "05": "MEDAN AREA", "06": "MEDAN KOTA", "07": "MEDAN MAIMUN", "08": "MEDAN POLONIA", "09": "MEDAN BARU",
      "10": "MEDAN SELAYANG", "11": "MEDAN SUNGGAL", "12": "MEDAN HELVETIA", "13": "MEDAN PETISAH",
      "14": "MEDAN BARAT", "15": "MEDAN TIMUR", "16": "MEDAN PERJUANGAN", "17": "MEDAN TEMBUNG"},
     ["SIMPANG SELAYANG", "KWALA BEKALA", "GEDUNG JOHOR", "HARJOSARI I", "TEGAL SARI MANDALA II",
      "SUKARAMAI II", "TELADAN BARAT", "SUKARAJA", "ANGGRUNG", "DARAT", "PADANG BULAN SELAYANG I",
      "TANJUNG REJO", "DWIKORA", "SEI SIKAMBING D", "GLUGUR DARAT I", "SIDOREJO HILIR", "BANTAN"]),
    ("SUMATERA BARAT", "1371", "KOTA PADANG", "PADANG", "minang",
     {"01": "BUNGUS TELUK KABUNG", "02": "LUBUK KILANGAN", "03": "LUBUK BEGALUNG", "04": "PADANG SELATAN",
      "05": "PADANG TIMUR", "06": "PADANG BARAT", "07": "PADANG UTARA", "08": "NANGGALO", "09": "KURANJI",
      "10": "PAUH", "11": "KOTO TANGAH"},
     ["BUNGUS BARAT", "INDARUNG", "PAMPANGAN", "ALANG LAWEH", "SAWAHAN", "OLO", "ULAK KARANG SELATAN",
      "GURUN LAWEH", "KALUMBUK", "LIMAU MANIH", "BATANG KABUNG GANTING", "AIR TAWAR BARAT"]),
    ("SULAWESI SELATAN", "7371", "KOTA MAKASSAR", "MAKASSAR", "bugis",
     {"01": "MARISO", "02": "MAMAJANG", "03": "MAKASSAR", "04": "UJUNG PANDANG", "05": "WAJO",
      "06": "BONTOALA", "07": "TALLO", "09": "PANAKKUKANG", "10": "TAMALATE", "11": "BIRINGKANAYA",
      "12": "MANGGALA", "13": "RAPPOCINI", "14": "TAMALANREA"},
     ["LETTE", "PANAMBUNGAN", "BONTO BIRAENG", "MARICAYA", "LOSARI", "MELAYU BARU", "RAPPOKALLING",
      "PANDANG", "MANNURUKI", "SUDIANG RAYA", "ANTANG", "BANTA-BANTAENG", "TAMALANREA INDAH"]),
    ("SULAWESI UTARA", "7171", "KOTA MANADO", "MANADO", "manado",
     {"01": "BUNAKEN", "02": "TUMINTING", "03": "SINGKIL", "04": "WENANG", "05": "TIKALA", "06": "SARIO",
      "07": "WANEA", "08": "MAPANGET", "09": "MALALAYANG"},
     ["MOLAS", "SINDULANG SATU", "TERNATE BARU", "WENANG UTARA", "BANJER", "SARIO TUMPAAN", "RANOTANA",
      "PANIKI BAWAH", "BAHU", "KLEAK", "MALALAYANG SATU TIMUR"]),
    ("NUSA TENGGARA BARAT", "5271", "KOTA MATARAM", "MATARAM", "sasak",
     {"01": "AMPENAN", "02": "MATARAM", "03": "CAKRANEGARA", "04": "SEKARBELA", "05": "SELAPARANG",
      "06": "SANDUBAYA"},
     ["AMPENAN TENGAH", "PAGESANGAN", "PAGUTAN", "CAKRANEGARA BARAT", "KEKALIK JAYA", "KARANG BARU",
      "RAKAM", "BABAKAN", "MAYURA", "DASAN AGUNG"]),
]

BIRTH_PLACES = {
    "sunda": ["BANDUNG", "BOGOR", "GARUT", "TASIKMALAYA", "CIANJUR", "SUKABUMI", "SUMEDANG", "CIAMIS",
              "KUNINGAN", "MAJALENGKA", "SUBANG", "PURWAKARTA", "CIMAHI", "BEKASI", "KARAWANG"],
    "betawi": ["JAKARTA", "TANGERANG", "DEPOK", "BEKASI", "BOGOR", "SERANG", "PANDEGLANG", "LEBAK",
               "SEMARANG", "PADANG", "MEDAN", "SURABAYA", "KUDUS", "TEGAL", "PALEMBANG"],
    "jawa": ["SEMARANG", "SURAKARTA", "SURABAYA", "MALANG", "KLATEN", "BOYOLALI", "SUKOHARJO", "WONOGIRI",
             "KEDIRI", "BLITAR", "TULUNGAGUNG", "LAMONGAN", "GRESIK", "JOMBANG", "MOJOKERTO", "PATI",
             "KUDUS", "DEMAK", "GUNUNGKIDUL", "BANTUL", "KULON PROGO", "SLEMAN", "MAGELANG", "PURWOREJO",
             "BANYUWANGI", "PONOROGO", "NGAWI", "MADIUN", "PEKALONGAN", "BOJONEGORO"],
    "bali": ["DENPASAR", "BADUNG", "TABANAN", "GIANYAR", "KLUNGKUNG", "BANGLI", "KARANGASEM", "BULELENG",
             "JEMBRANA", "SINGARAJA"],
    "batak": ["MEDAN", "PEMATANGSIANTAR", "TARUTUNG", "BALIGE", "SIBOLGA", "TEBING TINGGI", "BINJAI",
              "KABANJAHE", "PADANGSIDIMPUAN", "RANTAUPRAPAT", "PORSEA", "TANJUNG BALAI", "DOLOK SANGGUL"],
    "minang": ["PADANG", "BUKITTINGGI", "PAYAKUMBUH", "SOLOK", "PARIAMAN", "BATUSANGKAR", "SAWAHLUNTO",
               "PADANG PANJANG", "LUBUK SIKAPING", "PAINAN"],
    "bugis": ["MAKASSAR", "UJUNG PANDANG", "BONE", "GOWA", "MAROS", "PAREPARE", "SINJAI", "BULUKUMBA",
              "WAJO", "SOPPENG", "PINRANG", "JENEPONTO", "TAKALAR"],
    "manado": ["MANADO", "TOMOHON", "BITUNG", "TONDANO", "AIRMADIDI", "AMURANG", "KOTAMOBAGU", "SANGIHE"],
    "sasak": ["MATARAM", "LOMBOK TIMUR", "LOMBOK TENGAH", "PRAYA", "SELONG", "BIMA", "DOMPU", "SUMBAWA"],
}

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


# ---------------------------------------------------------------------------
# small drawing helpers


def lerp(a, b, t):
    return a + (b - a) * t


def lowfreq_noise(nrng, h, w, cells=4, ch=1):
    """Smooth noise in [0,1] of size (h, w[, ch])."""
    gh, gw = max(2, int(cells * h / max(h, w)) + 2), max(2, int(cells * w / max(h, w)) + 2)
    g = nrng.random((gh, gw, ch)).astype(np.float32)
    out = cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
    if out.ndim == 2:
        out = out[:, :, None]
    out = np.clip(out, 0, 1)
    return out if ch > 1 else out[:, :, 0]


def draw_text(layer, xy, text, fnt, anchor="ls", sx=1.0, stroke=0, fill=255):
    """Draw text onto an 'L' ink layer (PIL).  sx < 1 condenses horizontally."""
    if sx >= 0.999:
        ImageDraw.Draw(layer).text(xy, text, font=fnt, fill=fill, anchor=anchor,
                                   stroke_width=stroke, stroke_fill=fill)
        return
    x0, y0, x1, y1 = fnt.getbbox(text, anchor=anchor, stroke_width=stroke)
    w, h = x1 - x0 + 4, y1 - y0 + 4
    tmp = Image.new("L", (w, h), 0)
    ImageDraw.Draw(tmp).text((2 - x0, 2 - y0), text, font=fnt, fill=fill, anchor=anchor,
                             stroke_width=stroke, stroke_fill=fill)
    nw = max(1, int(round(w * sx)))
    tmp = tmp.resize((nw, h), Image.BILINEAR)
    px = int(round(xy[0] + x0 * sx - 2 * sx))
    py = int(round(xy[1] + y0 - 2))
    layer.paste(255, (px, py, px + nw, py + h), mask=tmp)


def text_w(fnt, text, stroke=0):
    b = fnt.getbbox(text, stroke_width=stroke)
    return b[2] - b[0]


def rounded_mask(h, w, rad):
    m = np.zeros((h, w), np.uint8)
    rad = int(rad)
    cv2.rectangle(m, (rad, 0), (w - 1 - rad, h - 1), 255, -1)
    cv2.rectangle(m, (0, rad), (w - 1, h - 1 - rad), 255, -1)
    for cx, cy in ((rad, rad), (w - 1 - rad, rad), (rad, h - 1 - rad), (w - 1 - rad, h - 1 - rad)):
        cv2.circle(m, (cx, cy), rad, 255, -1, lineType=cv2.LINE_AA)
    return m


# ---------------------------------------------------------------------------
# card background


TINTS = [("blue_green", 34), ("plain_blue", 14), ("faded", 12), ("greenish", 9), ("purplish", 7),
         ("yellowed", 7), ("photocopy", 9), ("pale_cyan", 8)]


def card_background(r, nrng, W, H, tint, eff):
    mm = W / 85.6
    if tint == "blue_green":
        c1 = np.array([r.uniform(185, 215), r.uniform(215, 235), r.uniform(235, 250)])  # RGB light blue
        c2 = np.array([r.uniform(200, 225), r.uniform(228, 242), r.uniform(215, 232)])  # light green
    elif tint == "plain_blue":
        c1 = np.array([r.uniform(175, 205), r.uniform(205, 228), r.uniform(235, 252)])
        c2 = c1 + r.uniform(5, 20)
    elif tint == "faded":
        c1 = np.array([r.uniform(220, 235), r.uniform(232, 242), r.uniform(238, 248)])
        c2 = np.array([r.uniform(228, 240), r.uniform(236, 246), r.uniform(232, 242)])
    elif tint == "greenish":
        c1 = np.array([r.uniform(195, 215), r.uniform(225, 240), r.uniform(200, 220)])
        c2 = np.array([r.uniform(210, 228), r.uniform(232, 245), r.uniform(215, 230)])
    elif tint == "purplish":
        c1 = np.array([r.uniform(210, 228), r.uniform(200, 218), r.uniform(228, 245)])
        c2 = np.array([r.uniform(200, 220), r.uniform(212, 228), r.uniform(235, 250)])
    elif tint == "yellowed":
        c1 = np.array([r.uniform(220, 238), r.uniform(222, 236), r.uniform(195, 215)])
        c2 = np.array([r.uniform(205, 225), r.uniform(222, 236), r.uniform(215, 230)])
    elif tint == "pale_cyan":
        c1 = np.array([r.uniform(205, 225), r.uniform(235, 248), r.uniform(240, 252)])
        c2 = np.array([r.uniform(225, 240), r.uniform(240, 250), r.uniform(238, 250)])
    else:  # photocopy: grey
        g = r.uniform(205, 240)
        c1 = np.array([g, g, g])
        c2 = np.array([g + r.uniform(-15, 10)] * 3)
    ang = r.uniform(0, math.pi)
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    t = (xx / W * math.cos(ang) + yy / H * math.sin(ang))
    t = (t - t.min()) / max(1e-6, (t.max() - t.min()))
    bg = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    # mottling
    bg += (lowfreq_noise(nrng, H, W, 6, 3) - 0.5) * r.uniform(4, 14)
    bg = bg.astype(np.float32)
    patterns = []
    pat = np.zeros((H, W), np.uint8)
    # guilloche waves
    if r.random() < 0.85:
        patterns.append("waves")
        nlines = r.randint(8, 40)
        amp = r.uniform(1.0, 4.0) * mm
        per = r.uniform(10, 40) * mm
        xs = np.arange(0, W + 8, 4, dtype=np.float32)
        y0 = r.uniform(-5, 20) * mm
        gap = r.uniform(0.6, 2.0) * mm
        for k in range(nlines):
            ys = y0 + k * gap + amp * np.sin(2 * np.pi * xs / per + k * 0.35) + 0.6 * amp * np.sin(2 * np.pi * xs / (per * 0.37) + k)
            pts = np.stack([xs, ys], 1).astype(np.int32)
            cv2.polylines(pat, [pts], False, 255, max(1, int(mm * 0.08)), cv2.LINE_AA)
        if r.random() < 0.6:  # second band at the bottom
            y0 = H - r.uniform(5, 18) * mm
            for k in range(r.randint(5, 18)):
                ys = y0 + k * gap + amp * np.cos(2 * np.pi * xs / per + k * 0.5)
                pts = np.stack([xs, ys], 1).astype(np.int32)
                cv2.polylines(pat, [pts], False, 255, max(1, int(mm * 0.08)), cv2.LINE_AA)
    if r.random() < 0.6:
        patterns.append("rosette")
        cx, cy = r.uniform(25, 55) * mm, r.uniform(22, 38) * mm
        R = r.uniform(8, 16) * mm
        n_p = r.randint(6, 14)
        th = np.linspace(0, 2 * np.pi, 720, dtype=np.float32)
        for k in range(r.randint(4, 10)):
            rr = R * (0.4 + 0.06 * k) * (1 + 0.15 * np.sin(n_p * th + k))
            pts = np.stack([cx + rr * np.cos(th), cy + rr * np.sin(th)], 1).astype(np.int32)
            cv2.polylines(pat, [pts], True, 255, max(1, int(mm * 0.07)), cv2.LINE_AA)
    if r.random() < 0.45:
        patterns.append("map")
        # faint archipelago: chains of blobs across the middle
        y = r.uniform(25, 40) * mm
        x = r.uniform(5, 15) * mm
        m2 = np.zeros((H, W), np.uint8)
        while x < r.uniform(60, 80) * mm:
            ax, ay = r.uniform(1, 6) * mm, r.uniform(0.5, 2.5) * mm
            cv2.ellipse(m2, (int(x), int(y + r.uniform(-4, 4) * mm)), (int(ax), int(ay)), r.uniform(-40, 40), 0, 360, 255, -1)
            x += ax * r.uniform(1.0, 2.2)
        bg -= (m2[..., None].astype(np.float32) / 255.0) * r.uniform(5, 14)
    if r.random() < 0.35:
        patterns.append("microlines")
        step = max(2, int(r.uniform(0.4, 0.9) * mm))
        for yy_ in range(0, H, step):
            cv2.line(pat, (0, yy_), (W, yy_), 110, 1)
    if patterns:
        pcol = np.array([r.uniform(-30, 10), r.uniform(-25, 10), r.uniform(-20, 10)], np.float32)
        if tint == "photocopy":
            pcol = np.array([pcol.mean()] * 3, np.float32)
        bg += (pat[..., None].astype(np.float32) / 255.0) * pcol * r.uniform(0.5, 1.0)
    eff["card_patterns"] = patterns
    return np.clip(bg, 0, 255)


def draw_person(r, h, w, female, even_year):
    """A simple passport photo (RGB uint8, h x w)."""
    if r.random() < 0.85:
        bgc = (200, 30, 35) if even_year else (30, 70, 170)
        bgc = tuple(int(np.clip(c + r.uniform(-25, 25), 0, 255)) for c in bgc)
    else:
        bgc = tuple(int(r.uniform(150, 230)) for _ in range(3))
    im = Image.new("RGB", (w, h), bgc)
    d = ImageDraw.Draw(im)
    skin = tuple(int(c) for c in (r.uniform(150, 225), r.uniform(105, 170), r.uniform(75, 130)))
    shirt = tuple(int(r.uniform(0, 255)) for _ in range(3)) if r.random() < 0.6 else (235, 235, 235)
    cx = w * r.uniform(0.45, 0.55)
    hy = h * r.uniform(0.36, 0.44)
    fw, fh = w * r.uniform(0.22, 0.28), h * r.uniform(0.2, 0.25)
    # shoulders
    d.ellipse([cx - w * 0.55, h * 0.72, cx + w * 0.55, h * 1.45], fill=shirt)
    d.rectangle([cx - fw * 0.35, hy + fh * 0.6, cx + fw * 0.35, h * 0.8], fill=skin)
    hijab = female and r.random() < 0.55
    if hijab:
        hc = tuple(int(r.uniform(10, 240)) for _ in range(3))
        d.ellipse([cx - fw * 1.45, hy - fh * 1.35, cx + fw * 1.45, hy + fh * 1.6], fill=hc)
        d.polygon([(cx - fw * 1.6, h * 1.0), (cx + fw * 1.6, h * 1.0), (cx + fw * 1.2, hy), (cx - fw * 1.2, hy)], fill=hc)
        d.ellipse([cx - fw * 0.85, hy - fh * 0.85, cx + fw * 0.85, hy + fh * 1.05], fill=skin)
    else:
        hair = tuple(int(r.uniform(5, 45)) for _ in range(3))
        d.ellipse([cx - fw * 1.1, hy - fh * 1.3, cx + fw * 1.1, hy + fh * (0.6 if not female else 1.5)], fill=hair)
        d.ellipse([cx - fw, hy - fh * 0.95, cx + fw, hy + fh * 1.1], fill=skin)
    # eyes and mouth
    ey = hy - fh * 0.05
    for s in (-1, 1):
        d.ellipse([cx + s * fw * 0.42 - fw * 0.12, ey - fh * 0.06, cx + s * fw * 0.42 + fw * 0.12, ey + fh * 0.06], fill=(30, 25, 25))
    d.line([cx - fw * 0.3, hy + fh * 0.55, cx + fw * 0.3, hy + fh * 0.55], fill=(120, 50, 50), width=max(1, int(fh * 0.06)))
    a = np.asarray(im).astype(np.float32)
    a = cv2.GaussianBlur(a, (0, 0), max(0.5, w / 150))
    return a


def signature(layer, r, x0, y0, w, h, width):
    d = ImageDraw.Draw(layer)
    n = r.randint(2, 4)
    for _ in range(n):
        pts = []
        x, y = x0 + r.uniform(0, 0.3) * w, y0 + r.uniform(0.2, 0.8) * h
        k = r.randint(5, 12)
        for j in range(k * 6):
            t = j / (k * 6)
            x = x0 + w * (0.05 + 0.9 * t) + math.sin(t * k * 3.1 + r.random()) * w * 0.05
            y = y0 + h * (0.5 + 0.4 * math.sin(t * k * 2.3 + r.random() * 0.5))
            pts.append((x, y))
        d.line(pts, fill=255, width=width, joint="curve")


# ---------------------------------------------------------------------------
# the KTP card


def label_set(r):
    L = {
        "nik": "NIK", "nama": "Nama",
        "ttl": r.choice(["Tempat/Tgl Lahir"] * 6 + ["Tempat/Tgl. Lahir", "Tempat / Tgl Lahir", "Tempat/Tgl.Lahir"]),
        "jk": r.choice(["Jenis Kelamin"] * 4 + ["Jenis kelamin"] * 2),
        "gol": r.choice(["Gol. Darah"] * 5 + ["Gol.Darah", "Gol Darah"]),
        "alamat": "Alamat", "rtrw": r.choice(["RT/RW"] * 5 + ["RT / RW"]),
        "kel": r.choice(["Kel/Desa"] * 5 + ["Kel / Desa", "Kel./Desa"]),
        "kec": "Kecamatan", "agama": "Agama",
        "status": "Status Perkawinan", "pek": "Pekerjaan", "kwn": "Kewarganegaraan",
        "berlaku": "Berlaku Hingga",
    }
    upper = r.random() < 0.15
    if upper:
        L = {k: v.upper() for k, v in L.items()}
    return L, upper


def render_ktp(r, nrng, fields, extra, hard, eff):
    W = eff["_card_w"]
    H = int(round(W * 53.98 / 85.6))
    mm = W / 85.6
    tint = wchoice(r, TINTS)
    eff["card_tint"] = tint
    bg = card_background(r, nrng, W, H, tint, eff)

    fs_name = wchoice(r, list(FONT_SET_WEIGHTS.items()))
    lab_k, val_k, val_heavy_k, bold_k, fake_stroke = FONT_SETS[fs_name]
    weight = wchoice(r, [("regular", 5), ("heavy", 3), ("bold", 1)])
    vk = {"regular": val_k, "heavy": val_heavy_k, "bold": bold_k}[weight]
    nik_choice = wchoice(r, list(NIK_FONTS.items()))
    nik_k = bold_k if nik_choice == "same" else nik_choice
    eff.update({"font_set": fs_name, "value_weight": weight, "nik_font": nik_k})

    body_mm = r.uniform(1.85, 2.3)
    lab_px = body_mm * mm * r.uniform(0.92, 1.05)
    val_px = body_mm * mm
    stroke = 1 if (fake_stroke and weight != "regular" and mm > 10) else 0
    fl = font(lab_k, lab_px)
    fv = font(vk, val_px)
    labels, upper = label_set(r)
    eff["label_case"] = "upper" if upper else "mixed"
    eff["body_mm"] = round(body_mm, 2)

    lab_layer = Image.new("L", (W, H), 0)   # header + labels + colons
    val_layer = Image.new("L", (W, H), 0)   # values
    # photo geometry
    ph_x0 = r.uniform(60.5, 63.5) * mm
    ph_w = r.uniform(19.0, 21.5) * mm
    ph_y0 = r.uniform(10.5, 13.0) * mm
    ph_h = ph_w * r.uniform(1.25, 1.35)
    value_limit = ph_x0 - r.uniform(0.6, 1.5) * mm

    # header
    hdr_px = r.uniform(2.4, 3.1) * mm
    fh = font(bold_k, hdr_px)
    cxh = W / 2 + r.uniform(-1.5, 1.5) * mm
    hy1 = r.uniform(5.0, 6.3) * mm
    hy2 = hy1 + hdr_px * r.uniform(1.1, 1.3)
    h1 = "PROVINSI " + fields["provinsi"]
    h2 = fields["kabupaten_kota"]
    for y, t in ((hy1, h1), (hy2, h2)):
        sx = min(1.0, (W - 6 * mm) / max(1, text_w(fh, t, fake_stroke)))
        draw_text(lab_layer, (cxh - text_w(fh, t, fake_stroke) * sx / 2, y), t, fh, sx=sx, stroke=fake_stroke)

    # column positions
    lx = r.uniform(2.5, 4.5) * mm
    colon_mode = wchoice(r, [("column", 8), ("after_label", 1)])
    colon_x = r.uniform(22.5, 26.0) * mm
    gap = r.uniform(0.5, 1.6) * mm
    indent = r.uniform(2.0, 4.0) * mm if r.random() < 0.55 else 0.0
    eff["colon_mode"] = colon_mode
    eff["sub_indent"] = indent > 0

    # NIK line
    nik_px = r.uniform(3.0, 3.9) * mm
    fnik = font(nik_k, nik_px)
    fnl = font(bold_k, nik_px * r.uniform(0.85, 1.0))
    nik_y = hy2 + r.uniform(4.0, 6.0) * mm
    draw_text(lab_layer, (lx, nik_y), labels["nik"], fnl, stroke=fake_stroke)
    cx_n = colon_x if colon_mode == "column" else lx + text_w(fnl, labels["nik"]) + 0.8 * mm
    draw_text(lab_layer, (cx_n, nik_y), ":", fnl, stroke=fake_stroke)
    nik_text = fields["nik"]
    if r.random() < 0.04:
        nik_text = " ".join(nik_text[i:i + 4] for i in range(0, 16, 4))  # rare spaced print
        eff["nik_spaced"] = True
    vx_nik = cx_n + text_w(fnl, ":") + gap
    sxn = min(1.0, (value_limit - vx_nik) / max(1, text_w(fnik, nik_text)))
    draw_text(val_layer, (vx_nik, nik_y), nik_text, fnik, sx=sxn, stroke=fake_stroke)

    # rows
    b = extra["birth"]
    sep = r.choice([", ", ", ", ", ", ","])
    ttl_val = fields["tempat_lahir"] + sep + b.strftime("%d-%m-%Y")
    rows = [("nama", fields["nama"], 0), ("ttl", ttl_val, 0), ("jk", fields["jenis_kelamin"], 0),
            ("alamat", fields["alamat"], 0), ("rtrw", fields["rt_rw"], 1), ("kel", fields["kel_desa"], 1),
            ("kec", fields["kecamatan"], 1), ("agama", fields["agama"], 0), ("status", fields["status_perkawinan"], 0),
            ("pek", fields["pekerjaan"], 0), ("kwn", fields["kewarganegaraan"], 0), ("berlaku", fields["berlaku_hingga"], 0)]
    vx = colon_x + text_w(fl, ":") + gap
    # does the address wrap?
    addr_lines = [fields["alamat"]]
    aw_lim = value_limit - vx
    if text_w(fv, fields["alamat"], stroke) > aw_lim * 1.08:
        words = fields["alamat"].split()
        line1 = []
        for wd in words:
            if text_w(fv, " ".join(line1 + [wd]), stroke) <= aw_lim or not line1:
                line1.append(wd)
            else:
                break
        rest = words[len(line1):]
        if rest:
            addr_lines = [" ".join(line1), " ".join(rest)]
            eff["address_wrapped"] = True
    n_lines = len(rows) + len(addr_lines) - 1
    y_first = nik_y + r.uniform(3.0, 4.2) * mm
    y_last = r.uniform(49.5, 52.0) * mm
    pitch = (y_last - y_first) / (n_lines - 1)
    pitch = min(pitch, val_px * 1.55)
    eff["line_pitch_mm"] = round(pitch / mm, 2)
    y = y_first
    gol_x = r.uniform(38.0, 44.0) * mm
    for key, val, sub in rows:
        lab = labels[key]
        lxx = lx + (indent if sub else 0)
        draw_text(lab_layer, (lxx, y), lab, fl)
        cx_ = colon_x if colon_mode == "column" else lxx + text_w(fl, lab) + 0.6 * mm
        draw_text(lab_layer, (cx_, y), ":", fl)
        vxx = cx_ + text_w(fl, ":") + gap
        if key == "jk":
            draw_text(val_layer, (vxx, y), val, fv, stroke=stroke)
            gx = max(gol_x, vxx + text_w(fv, val) + 2 * mm)
            gl = labels["gol"]
            draw_text(lab_layer, (gx, y), gl, fl)
            gcx = gx + text_w(fl, gl) + 0.8 * mm
            draw_text(lab_layer, (gcx, y), ":", fl)
            draw_text(val_layer, (gcx + text_w(fl, ":") + gap * 0.8, y), fields["golongan_darah"], fv, stroke=stroke)
            y += pitch
            continue
        lines = addr_lines if key == "alamat" else [val]
        for ln in lines:
            lim = value_limit - vxx
            if key == "ttl" or key == "nama":
                lim = value_limit - vxx + 0.5 * mm
            tw = text_w(fv, ln, stroke)
            sx = min(1.0, lim / max(1, tw))
            if sx < 0.999:
                eff.setdefault("condensed", []).append(key)
            draw_text(val_layer, (vxx, y), ln, fv, sx=max(0.55, sx), stroke=stroke)
            y += pitch

    # under photo: place, date, signature
    fsm = font(lab_k, r.uniform(1.6, 2.0) * mm)
    pc = ph_x0 + ph_w / 2
    py1 = ph_y0 + ph_h + r.uniform(2.2, 3.2) * mm
    pl = extra["place_under"]
    sxp = min(1.0, (ph_w + 3 * mm) / max(1, text_w(fsm, pl)))
    draw_text(val_layer, (pc - text_w(fsm, pl) * sxp / 2, py1), pl, fsm, sx=sxp)
    ds = extra["issue"].strftime("%d-%m-%Y")
    py2 = py1 + r.uniform(2.0, 2.6) * mm
    draw_text(val_layer, (pc - text_w(fsm, ds) / 2, py2), ds, fsm)
    sig_layer = Image.new("L", (W, H), 0)
    signature(sig_layer, r, pc - ph_w * 0.4, py2 + 0.8 * mm, ph_w * 0.8, min(5 * mm, H - py2 - 1.5 * mm), max(1, int(mm * 0.18)))

    # misaligned printing
    lab = np.asarray(lab_layer).astype(np.float32) / 255.0
    val = np.asarray(val_layer).astype(np.float32) / 255.0
    sig = np.asarray(sig_layer).astype(np.float32) / 255.0
    photo = draw_person(r, int(ph_h), int(ph_w), extra["female"], extra["birth"].year % 2 == 0)
    mis = wchoice(r, [("none", 55), ("all_shift", 20), ("values_shift", 15), ("values_rot", 10)])
    if hard and r.random() < 0.3:
        mis = r.choice(["values_shift", "values_rot", "all_shift"])
    eff["misprint"] = mis

    def affine(a, dx, dy, ang):
        M = cv2.getRotationMatrix2D((W / 2, H / 2), ang, 1.0)
        M[0, 2] += dx
        M[1, 2] += dy
        return cv2.warpAffine(a, M, (W, H), flags=cv2.INTER_LINEAR, borderValue=0)

    ph_dx = ph_dy = 0.0
    if mis == "all_shift":
        dx, dy, ang = r.uniform(-2, 2) * mm, r.uniform(-1.5, 1.5) * mm, r.uniform(-0.8, 0.8)
        lab, val, sig = affine(lab, dx, dy, ang), affine(val, dx, dy, ang), affine(sig, dx, dy, ang)
        ph_dx, ph_dy = dx, dy
        eff["misprint_mm"] = [round(dx / mm, 2), round(dy / mm, 2), round(ang, 2)]
    elif mis == "values_shift":
        lim = 0.45 if hard else 0.3
        dx, dy = r.uniform(-1.0, 1.5) * mm, r.uniform(-lim, lim) * pitch
        val = affine(val, dx, dy, 0)
        eff["misprint_mm"] = [round(dx / mm, 2), round(dy / mm, 2), 0]
    elif mis == "values_rot":
        ang = r.uniform(-1.5, 1.5) if hard else r.uniform(-0.9, 0.9)
        dx, dy = r.uniform(-0.8, 0.8) * mm, r.uniform(-0.2, 0.2) * pitch
        val = affine(val, dx, dy, ang)
        eff["misprint_mm"] = [round(dx / mm, 2), round(dy / mm, 2), round(ang, 2)]

    # ink
    ink = np.maximum(np.maximum(lab, val), sig)
    ink_dark = r.uniform(0, 45)
    ink_col = np.array([ink_dark, ink_dark, ink_dark + r.uniform(-5, 20)], np.float32)
    strength = np.full((H, W), r.uniform(0.88, 1.0), np.float32)
    if r.random() < 0.18:  # faded ribbon bands
        eff["ribbon_bands"] = True
        for _ in range(r.randint(1, 3)):
            yb = r.uniform(0, H)
            hb = r.uniform(0.5, 3) * mm
            strength[int(max(0, yb)):int(min(H, yb + hb)), :] *= r.uniform(0.45, 0.8) if hard else r.uniform(0.65, 0.85)
    card = bg.copy()
    # photo
    px0, py0 = int(ph_x0 + ph_dx), int(ph_y0 + ph_dy)
    ph = photo
    hh, ww = ph.shape[:2]
    px0 = max(0, min(W - ww, px0))
    py0 = max(0, min(H - hh, py0))
    card[py0:py0 + hh, px0:px0 + ww] = lerp(card[py0:py0 + hh, px0:px0 + ww], ph, r.uniform(0.85, 0.97))
    a = (ink * strength)[..., None]
    card = card * (1 - a) + ink_col[None, None, :] * a
    if tint == "photocopy":
        g = card.mean(axis=2, keepdims=True)
        g = np.clip((g - 128) * r.uniform(1.1, 1.5) + 128 + r.uniform(-5, 15), 0, 255)
        card = np.repeat(g, 3, axis=2)
        card += nrng.normal(0, r.uniform(3, 9), card.shape[:2])[..., None]
        speck = (nrng.random(card.shape[:2]) < r.uniform(0.0005, 0.003)).astype(np.float32)
        speck = cv2.dilate(speck, np.ones((2, 2), np.uint8))
        card -= speck[..., None] * 120
    card = apply_wear(r, nrng, card, mm, hard, eff)
    card = apply_stickers(r, nrng, card, mm, hard, eff, ph_box=(px0, py0, ww, hh))
    card = np.clip(card, 0, 255)
    mask = rounded_mask(H, W, r.uniform(2.5, 3.5) * mm)
    # thin card edge darkening
    edge = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), max(1, 0.25 * mm)) / 255.0
    card = card * (0.82 + 0.18 * edge[..., None])
    text_h_frac = body_mm * 0.72 / 85.6  # cap height relative to card width
    return card.astype(np.float32), mask, text_h_frac


def apply_wear(r, nrng, card, mm, hard, eff):
    H, W = card.shape[:2]
    wear = wchoice(r, [("none", 55), ("light", 30), ("heavy", 15 if not hard else 40)])
    eff["wear"] = wear
    if wear == "none":
        return card
    n = r.randint(5, 25) if wear == "light" else r.randint(25, 90)
    lines = np.zeros((H, W), np.uint8)
    for _ in range(n):
        x, y = r.uniform(0, W), r.uniform(0, H)
        ang = r.uniform(0, math.pi)
        ln = r.uniform(2, 30) * mm
        pts = []
        for k in range(8):
            t = k / 7
            pts.append((x + math.cos(ang) * ln * t + r.uniform(-1, 1) * mm * 0.3,
                        y + math.sin(ang) * ln * t + r.uniform(-1, 1) * mm * 0.3))
        cv2.polylines(lines, [np.array(pts, np.int32)], False, int(r.uniform(120, 255)), 1, cv2.LINE_AA)
    sc = lines.astype(np.float32)[..., None] / 255.0
    card = card * (1 - 0.5 * sc) + 245 * 0.5 * sc
    # scuffs: patchy fading towards the card colour / white
    k = 0.25 if wear == "light" else 0.5
    nz = lowfreq_noise(nrng, H, W, r.uniform(4, 10))
    fade = np.clip((nz - 0.55) * 3, 0, 1)[..., None] * k
    card = card * (1 - fade) + 230 * fade
    # dirt near the edges
    if wear == "heavy":
        dirt = lowfreq_noise(nrng, H, W, 14)
        yy, xx = np.mgrid[0:H, 0:W]
        edge = np.minimum(np.minimum(xx, W - xx), np.minimum(yy, H - yy)).astype(np.float32) / (4 * mm)
        d = np.clip(1 - edge, 0, 1) * np.clip(dirt - 0.3, 0, 1) * 0.5
        card = card * (1 - d[..., None]) + np.array([110, 95, 75], np.float32) * d[..., None]
    return card


def apply_stickers(r, nrng, card, mm, hard, eff, ph_box):
    H, W = card.shape[:2]
    if r.random() > (0.12 if not hard else 0.3):
        return card
    n = r.randint(1, 2)
    kinds = []
    im = Image.fromarray(np.clip(card, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for _ in range(n):
        kind = r.choice(["round_dot", "label", "tape"])
        over_text = hard and r.random() < 0.25
        if over_text:
            cx, cy = r.uniform(5, 55) * mm, r.uniform(15, 50) * mm
        else:
            spot = r.choice(["top_left", "top_right", "photo", "bottom_right"])
            cx, cy = {"top_left": (r.uniform(3, 9) * mm, r.uniform(2, 4) * mm),
                      "top_right": (r.uniform(76, 83) * mm, r.uniform(2, 5) * mm),
                      "photo": (ph_box[0] + r.uniform(0.2, 0.8) * ph_box[2], ph_box[1] + r.uniform(0.1, 0.6) * ph_box[3]),
                      "bottom_right": (r.uniform(78, 84) * mm, r.uniform(50, 53) * mm)}[spot]
        if kind == "round_dot":
            rad = r.uniform(2, 4) * mm * (0.6 if not over_text else 1)
            col = r.choice([(250, 210, 40), (230, 60, 60), (60, 170, 80), (250, 250, 250)])
            d.ellipse([cx - rad, cy - rad, cx + rad, cy + rad], fill=col)
        elif kind == "label":
            w, h = r.uniform(8, 14) * mm, r.uniform(3, 5) * mm
            if not over_text:
                w, h = w * 0.6, h * 0.7
            d.rectangle([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], fill=(248, 248, 242), outline=(200, 200, 200))
            for k in range(int(w / (0.5 * mm))):
                if r.random() < 0.6:
                    xk = cx - w / 2 + (k + 0.5) * 0.5 * mm
                    d.line([xk, cy - h / 4, xk, cy + h / 4], fill=(20, 20, 20), width=max(1, int(r.uniform(0.5, 1.5) * mm * 0.15)))
        else:
            w, h = r.uniform(10, 20) * mm, r.uniform(3, 5) * mm
            tape = Image.new("L", im.size, 0)
            ImageDraw.Draw(tape).rectangle([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], fill=int(r.uniform(40, 80)))
            tape = tape.rotate(r.uniform(-40, 40), center=(cx, cy))
            im = Image.composite(Image.new("RGB", im.size, (250, 248, 230)), im, tape)
            d = ImageDraw.Draw(im)
        kinds.append(kind + ("_over_text" if over_text else ""))
    eff["stickers"] = kinds
    return np.asarray(im).astype(np.float32)


def laminate(r, nrng, card, mask, mm, eff, hard):
    """Wrap the card in a clear plastic sleeve: returns bigger rgb, alpha (0..1), offset."""
    H, W = card.shape[:2]
    m = int(r.uniform(1.5, 4.0) * mm)
    H2, W2 = H + 2 * m, W + 2 * m
    rgb = np.zeros((H2, W2, 3), np.float32)
    rgb[m:m + H, m:m + W] = card
    alpha = np.zeros((H2, W2), np.float32)
    alpha[m:m + H, m:m + W] = mask.astype(np.float32) / 255.0
    sleeve = rounded_mask(H2, W2, r.uniform(1, 3) * mm).astype(np.float32) / 255.0
    # plastic margin: faintly whitish/ translucent
    marg = sleeve * (1 - alpha)
    rgb = rgb * (1 - marg[..., None]) + 235 * marg[..., None]
    alpha = np.maximum(alpha, marg * r.uniform(0.12, 0.3))
    # sleeve seal line
    cv2.rectangle(rgb, (m // 3, m // 3), (W2 - m // 3, H2 - m // 3), (225, 225, 225), max(1, int(mm * 0.15)))
    # specular streak
    yy, xx = np.mgrid[0:H2, 0:W2].astype(np.float32)
    ang = r.uniform(0, math.pi)
    d = xx * math.cos(ang) + yy * math.sin(ang)
    c = r.uniform(d.min(), d.max())
    width = r.uniform(3, 15) * mm
    streak = np.exp(-((d - c) / width) ** 2) * (r.uniform(0.25, 0.55) if not hard else r.uniform(0.45, 0.8))
    streak *= sleeve
    rgb = rgb * (1 - streak[..., None]) + 255 * streak[..., None]
    # fine plastic scratches/texture
    tex = (lowfreq_noise(nrng, H2, W2, 30) - 0.5) * 8
    rgb += tex[..., None] * sleeve[..., None]
    eff["laminated"] = {"streak": round(float(streak.max()), 2)}
    return np.clip(rgb, 0, 255), alpha, m


# ---------------------------------------------------------------------------
# negatives (not a KTP)

WORDS_ID = ("dan yang di untuk dengan dari pada dalam ini itu akan telah sebagai oleh tidak juga ke bahwa "
            "adalah kami kita mereka pemerintah masyarakat desa kota pendidikan kesehatan program kegiatan "
            "pelaksanaan laporan tahun bulan data pelayanan umum warga surat keterangan bersangkutan benar "
            "tinggal wilayah kelurahan kecamatan dibuat dipergunakan sebagaimana mestinya perlu diketahui "
            "berdasarkan peraturan nomor tentang kepada yth hormat kami sampaikan terima kasih atas perhatian "
            "bapak ibu saudara anak sekolah guru buku cerita hari pagi malam rumah jalan pasar sawah air hujan "
            "besar kecil baru lama baik sudah belum masih bisa harus dapat ada banyak sedikit semua setiap").split()


def id_sentence(r, n=None):
    n = n or r.randint(6, 16)
    s = " ".join(r.choice(WORDS_ID) for _ in range(n))
    return s[0].upper() + s[1:] + "."


def render_negative(r, nrng, kind, eff):
    """Returns (rgb float32, mask uint8, text_h_frac, rounded card?)"""
    W = eff["_card_w"]
    if kind in ("student_card", "bpjs_card", "bank_card"):
        H = int(W * 53.98 / 85.6)
        mm = W / 85.6
        im = Image.new("RGB", (W, H), (255, 255, 255))
        d = ImageDraw.Draw(im)
        if kind == "bank_card":
            c1 = np.array([r.uniform(0, 80), r.uniform(20, 120), r.uniform(60, 200)])
            c2 = c1 + r.uniform(20, 80)
            t = np.linspace(0, 1, W)[None, :, None]
            arr = c1 * (1 - t) + c2 * t
            arr = np.repeat(arr, H, 0)
            im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
            d = ImageDraw.Draw(im)
            d.rounded_rectangle([8 * mm, 20 * mm, 18 * mm, 28 * mm], radius=mm, fill=(210, 180, 90))
            num = " ".join("%04d" % r.randint(0, 9999) for _ in range(4))
            d.text((8 * mm, 38 * mm), num, font=font("ocrb", 4.2 * mm), fill=(235, 235, 235))
            d.text((8 * mm, 47 * mm), make_name(r, "jawa", r.random() < 0.5, 30), font=font("aerial", 2.6 * mm), fill=(235, 235, 235))
            d.text((6 * mm, 5 * mm), r.choice(["BANK NUSANTARA", "BANK RAKYAT", "DEBIT", "GPN  DEBIT"]), font=font("lato_heavy", 4 * mm), fill=(255, 255, 255))
            d.text((60 * mm, 43 * mm), "VALID THRU %02d/%02d" % (r.randint(1, 12), r.randint(25, 30)), font=font("aerial", 2 * mm), fill=(230, 230, 230))
        else:
            if kind == "bpjs_card":
                top = (r.uniform(0, 40), r.uniform(130, 170), r.uniform(60, 110))
                title = r.choice(["KARTU INDONESIA SEHAT", "BPJS KESEHATAN", "KARTU BPJS KESEHATAN"])
                rows = [("No. Kartu", "%013d" % r.randint(10 ** 11, 10 ** 12)), ("Nama", make_name(r, "jawa", r.random() < 0.5, 40)),
                        ("NIK", "%016d" % r.randint(10 ** 15, 10 ** 16 - 1) if r.random() < 0.5 else "-"),
                        ("Tgl. Lahir", "%02d-%02d-%04d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1950, 2010))),
                        ("Faskes Tingkat I", r.choice(["PUSKESMAS SUKAJADI", "KLINIK PRATAMA SEHAT", "DR. HENDRA"]))]
            else:
                top = (r.uniform(100, 200), r.uniform(0, 60), r.uniform(0, 60)) if r.random() < 0.5 else (r.uniform(0, 40), r.uniform(40, 90), r.uniform(120, 180))
                title = r.choice(["KARTU TANDA MAHASISWA", "KARTU PELAJAR", "KARTU MAHASISWA"])
                rows = [("Nama", make_name(r, "sunda", r.random() < 0.5, 20)), ("NIM", "%d" % r.randint(10 ** 9, 10 ** 10)),
                        ("Fakultas", r.choice(["TEKNIK", "EKONOMI DAN BISNIS", "HUKUM", "KEDOKTERAN", "FKIP"])),
                        ("Prodi", r.choice(["TEKNIK SIPIL", "AKUNTANSI", "ILMU HUKUM", "PENDIDIKAN MATEMATIKA"])),
                        ("Alamat", make_address(r, "jawa"))]
            top = tuple(int(c) for c in top)
            d.rectangle([0, 0, W, 12 * mm], fill=top)
            d.text((W / 2, 7.5 * mm), title, font=font("lato_heavy", 3.4 * mm), fill=(255, 255, 255), anchor="mm")
            y = 19 * mm
            for k, v in rows:
                d.text((4 * mm, y), k, font=font("opensans", 2.2 * mm), fill=(30, 30, 30), anchor="ls")
                d.text((22 * mm, y), ": " + v, font=font("opensans_semi", 2.2 * mm), fill=(20, 20, 20), anchor="ls")
                y += 4.3 * mm
            ph = draw_person(r, int(24 * mm), int(19 * mm), r.random() < 0.5, r.random() < 0.5)
            arr = np.asarray(im).astype(np.float32)
            arr[int(16 * mm):int(16 * mm) + ph.shape[0], int(63 * mm):int(63 * mm) + ph.shape[1]] = ph
            im = Image.fromarray(arr.astype(np.uint8))
        arr = np.asarray(im).astype(np.float32)
        mask = rounded_mask(H, W, 3 * mm)
        return arr, mask, 2.2 * 0.72 / 85.6
    # paper documents
    if kind == "kartu_keluarga":
        H = int(W * 0.62)
    else:
        H = int(W * r.uniform(1.3, 1.45))
    paper = np.array([r.uniform(235, 252), r.uniform(232, 250), r.uniform(222, 245)], np.float32)
    im = Image.new("RGB", (W, H), tuple(int(c) for c in paper))
    d = ImageDraw.Draw(im)
    u = W / 100.0
    ink = (25, 25, 30)
    if kind == "kartu_keluarga":
        d.text((W / 2, 5 * u), "KARTU KELUARGA", font=font("aerial_bold", 3.2 * u), fill=ink, anchor="mm")
        d.text((W / 2, 9 * u), "No. %016d" % r.randint(10 ** 15, 10 ** 16 - 1), font=font("aerial_bold", 2.2 * u), fill=ink, anchor="mm")
        info = [("Nama Kepala Keluarga", make_name(r, "jawa", False, 45)), ("Alamat", make_address(r, "jawa")),
                ("RT/RW", "%03d/%03d" % (r.randint(1, 15), r.randint(1, 12))), ("Desa/Kelurahan", r.choice(KAMPUNG))]
        y = 14 * u
        for k, v in info:
            d.text((4 * u, y), k, font=font("aerial", 1.4 * u), fill=ink)
            d.text((24 * u, y), ": " + v, font=font("aerial", 1.4 * u), fill=ink)
            y += 2.2 * u
        cols = [4, 7, 30, 50, 60, 72, 84, 96]
        heads = ["No", "Nama Lengkap", "NIK", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Agama"]
        ty = 25 * u
        for k in range(r.randint(3, 7) + 1):
            d.line([cols[0] * u, ty + k * 3 * u, cols[-1] * u, ty + k * 3 * u], fill=ink, width=max(1, int(u * 0.1)))
        nrow = k
        for c in cols:
            d.line([c * u, ty, c * u, ty + nrow * 3 * u], fill=ink, width=max(1, int(u * 0.1)))
        for j, hd in enumerate(heads):
            d.text((cols[j] * u + 0.4 * u, ty + 0.6 * u), hd, font=font("aerial_bold", 1.1 * u), fill=ink)
        for i in range(1, nrow):
            fem = r.random() < 0.5
            vals = [str(i), make_name(r, "jawa", fem, 30), "%016d" % r.randint(10 ** 15, 10 ** 16 - 1),
                    "PEREMPUAN" if fem else "LAKI-LAKI", r.choice(BIRTH_PLACES["jawa"]),
                    "%02d-%02d-%04d" % (r.randint(1, 28), r.randint(1, 12), r.randint(1960, 2020)), "ISLAM"]
            for j, v in enumerate(vals):
                f = font("aerial", 1.1 * u)
                sx = min(1.0, ((cols[j + 1] - cols[j] - 0.8) * u) / max(1, text_w(f, v)))
                lay = Image.new("L", (W, H), 0)
                draw_text(lay, (cols[j] * u + 0.4 * u, ty + i * 3 * u + 2.1 * u), v, f, sx=sx)
                im.paste(ink, (0, 0), lay)
        th = 1.1 * 0.72 / 100
    elif kind == "letter":
        d.text((W / 2, 6 * u), r.choice(["PEMERINTAH KABUPATEN SLEMAN", "PEMERINTAH KOTA BANDUNG", "KELURAHAN SUKAMAJU"]),
               font=font("aerial_bold", 3.0 * u), fill=ink, anchor="mm")
        d.line([6 * u, 11 * u, 94 * u, 11 * u], fill=ink, width=max(1, int(0.4 * u)))
        d.text((W / 2, 16 * u), r.choice(["SURAT KETERANGAN DOMISILI", "SURAT PENGANTAR", "SURAT KETERANGAN USAHA"]),
               font=font("aerial_bold", 2.6 * u), fill=ink, anchor="mm")
        y = 24 * u
        f = font(r.choice(["aerial", "opensans", "go"]), 2.0 * u)
        while y < H - 20 * u:
            line = id_sentence(r)
            while text_w(f, line) > 86 * u:
                line = line[:-4]
            d.text((8 * u, y), line, font=f, fill=ink)
            y += 3.4 * u * (1.6 if r.random() < 0.1 else 1)
        th = 2.0 * 0.72 / 100
    elif kind == "book_page":
        f = font(r.choice(["lato", "opensans", "go"]), 2.2 * u)
        y = 8 * u
        while y < H - 10 * u:
            line = id_sentence(r, 14)
            while text_w(f, line) > 84 * u:
                line = line[:-3]
            d.text((8 * u, y), line, font=f, fill=ink)
            y += 3.6 * u
        d.text((W / 2, H - 5 * u), str(r.randint(3, 300)), font=f, fill=ink, anchor="mm")
        th = 2.2 * 0.72 / 100
    arr = np.asarray(im).astype(np.float32)
    arr += (lowfreq_noise(nrng, H, W, 5, 1) - 0.5)[..., None] * 12
    mask = np.full((H, W), 255, np.uint8)
    return arr, mask, th


# ---------------------------------------------------------------------------
# scene / photo


def scene_background(r, nrng, h, w, eff):
    kind = wchoice(r, [("wood", 25), ("cloth", 15), ("desk", 15), ("paper", 10), ("tiles", 8),
                       ("dark", 8), ("palm", 10), ("clutter", 9)])
    eff["background"] = kind
    sh, sw = max(16, h // 4), max(16, w // 4)
    if kind == "wood":
        base = np.array([r.uniform(90, 190), r.uniform(55, 130), r.uniform(25, 80)], np.float32)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        ang = r.uniform(0, math.pi)
        u = xx * math.cos(ang) + yy * math.sin(ang)
        v = -xx * math.sin(ang) + yy * math.cos(ang)
        warp = lowfreq_noise(nrng, sh, sw, 5) * r.uniform(5, 25)
        grain = np.sin((v + warp * 3) / r.uniform(1.5, 5)) * 0.5 + 0.5
        img = base[None, None] * (0.75 + 0.35 * grain[..., None])
    elif kind == "cloth":
        base = np.array([r.uniform(20, 230) for _ in range(3)], np.float32)
        yy, xx = np.mgrid[0:sh, 0:sw].astype(np.float32)
        p = r.uniform(1.2, 3)
        weave = (np.sin(xx * p) * np.sin(yy * p)) * 0.08
        img = base[None, None] * (0.9 + weave[..., None] + 0.15 * lowfreq_noise(nrng, sh, sw, 3)[..., None])
        if r.random() < 0.4:  # batik-ish blobs
            blobs = (lowfreq_noise(nrng, sh, sw, 18) > 0.6).astype(np.float32)
            img = img * (1 - 0.35 * blobs[..., None])
    elif kind == "desk":
        g = r.uniform(120, 235)
        base = np.array([g + r.uniform(-15, 15), g + r.uniform(-15, 15), g + r.uniform(-15, 15)], np.float32)
        img = base[None, None] * (0.9 + 0.15 * lowfreq_noise(nrng, sh, sw, 2)[..., None]) * np.ones((sh, sw, 1), np.float32)
    elif kind == "paper":
        img = np.ones((sh, sw, 3), np.float32) * np.array([245, 243, 235], np.float32)
        step = r.randint(6, 12)
        for yy_ in range(r.randint(0, step), sh, step):
            img[yy_] = img[yy_] * 0.9 + np.array([120, 150, 220]) * 0.1
    elif kind == "tiles":
        base = np.array([r.uniform(150, 230)] * 3, np.float32) + np.array([r.uniform(-20, 20) for _ in range(3)], np.float32)
        img = np.ones((sh, sw, 3), np.float32) * base
        step = r.randint(25, 70)
        img[::step] *= 0.6
        img[:, ::step] *= 0.6
    elif kind == "dark":
        img = np.ones((sh, sw, 3), np.float32) * r.uniform(15, 50) + 10 * lowfreq_noise(nrng, sh, sw, 4)[..., None]
    elif kind == "palm":
        skin = np.array([r.uniform(170, 230), r.uniform(120, 175), r.uniform(90, 140)], np.float32)
        img = np.ones((sh, sw, 3), np.float32) * r.uniform(40, 200)
        m = np.zeros((sh, sw), np.uint8)
        cv2.ellipse(m, (int(sw * r.uniform(0.3, 0.7)), int(sh * r.uniform(0.4, 0.7))),
                    (int(sw * r.uniform(0.35, 0.6)), int(sh * r.uniform(0.35, 0.6))), r.uniform(0, 180), 0, 360, 255, -1)
        m = cv2.GaussianBlur(m, (0, 0), 3).astype(np.float32)[..., None] / 255
        img = img * (1 - m) + skin * (0.85 + 0.2 * lowfreq_noise(nrng, sh, sw, 3)[..., None]) * m
    else:  # clutter
        img = np.ones((sh, sw, 3), np.float32) * np.array([r.uniform(90, 220) for _ in range(3)], np.float32)
        for _ in range(r.randint(4, 12)):
            col = tuple(float(r.uniform(0, 255)) for _ in range(3))
            if r.random() < 0.5:
                x0, y0 = r.uniform(0, sw), r.uniform(0, sh)
                cv2.rectangle(img, (int(x0), int(y0)), (int(x0 + r.uniform(10, sw / 3)), int(y0 + r.uniform(5, sh / 3))), col, -1)
            else:
                cv2.circle(img, (int(r.uniform(0, sw)), int(r.uniform(0, sh))), int(r.uniform(3, sw / 8)), col, -1)
            if r.random() < 0.3:  # a pen
                p0 = (int(r.uniform(0, sw)), int(r.uniform(0, sh)))
                a = r.uniform(0, math.pi)
                p1 = (int(p0[0] + math.cos(a) * sw / 4), int(p0[1] + math.sin(a) * sw / 4))
                cv2.line(img, p0, p1, col, max(2, sw // 80))
    img = cv2.resize(np.clip(img, 0, 255).astype(np.float32), (w, h), interpolation=cv2.INTER_LINEAR)
    img += nrng.normal(0, r.uniform(1, 4), (h, w, 1)).astype(np.float32)
    return img


def card_quad(r, cw, ch, Wf, Hf, fill, rot_deg, persp):
    """Destination corners (TL, TR, BR, BL) for a cw x ch card."""
    pts = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]], np.float32)
    # perspective: scale one side, shear
    s = persp
    k = r.choice(["lr", "tb", "both"])
    if k in ("lr", "both"):
        f = 1 + r.uniform(-s, s)
        pts[[1, 2], 1] *= f
        pts[[0, 3], 1] /= f
    if k in ("tb", "both"):
        f = 1 + r.uniform(-s, s)
        pts[[2, 3], 0] *= f
        pts[[0, 1], 0] /= f
    pts += np.array([[r.uniform(-s, s) * cw * 0.3, r.uniform(-s, s) * ch * 0.3] for _ in range(4)], np.float32)
    a = math.radians(rot_deg)
    R = np.array([[math.cos(a), math.sin(a)], [-math.sin(a), math.cos(a)]], np.float32)  # counter-clockwise on screen
    pts = pts @ R.T
    bw = pts[:, 0].max() - pts[:, 0].min()
    bh = pts[:, 1].max() - pts[:, 1].min()
    sc = fill * min(Wf / bw, Hf / bh)
    pts *= sc
    bw, bh = bw * sc, bh * sc
    cx = r.uniform(bw / 2, Wf - bw / 2) if Wf > bw else Wf / 2
    cy = r.uniform(bh / 2, Hf - bh / 2) if Hf > bh else Hf / 2
    pts += np.array([cx - (pts[:, 0].max() + pts[:, 0].min()) / 2, cy - (pts[:, 1].max() + pts[:, 1].min()) / 2], np.float32)
    return pts, sc


def bend(r, rgb, alpha, amt):
    """Slight cylindrical bend of the card texture (amt = fraction of height)."""
    H, W = alpha.shape
    pad = int(abs(amt) * H) + 2
    rgb = cv2.copyMakeBorder(rgb, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0))
    alpha = cv2.copyMakeBorder(alpha, pad, pad, 0, 0, cv2.BORDER_CONSTANT, value=0)
    xs = np.arange(W, dtype=np.float32)
    off = (amt * H * (np.sin(np.pi * xs / W) - 0.5)).astype(np.float32)
    mx = np.tile(xs[None, :], (H + 2 * pad, 1))
    my = np.arange(H + 2 * pad, dtype=np.float32)[:, None] + off[None, :]
    rgb = cv2.remap(rgb, mx, my, cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    alpha = cv2.remap(alpha, mx, my, cv2.INTER_LINEAR, borderValue=0)
    return rgb, alpha, pad


def draw_finger(img, r, p, direction, width, length, eff_list):
    """A finger (thumb) entering along `direction` (unit vec pointing into the card) ending at p."""
    h, w = img.shape[:2]
    skin = np.array([r.uniform(150, 225), r.uniform(100, 165), r.uniform(75, 130)], np.float32)
    m = np.zeros((h, w), np.uint8)
    dx, dy = direction
    tip = np.array(p, np.float32)
    base = tip - np.array([dx, dy], np.float32) * length
    cv2.line(m, tuple(int(v) for v in base), tuple(int(v) for v in tip), 255, int(width))
    cv2.circle(m, tuple(int(v) for v in tip), int(width / 2), 255, -1)
    mf = cv2.GaussianBlur(m, (0, 0), max(1, width / 25)).astype(np.float32) / 255
    # shading across the finger
    dist = cv2.distanceTransform((m > 0).astype(np.uint8), cv2.DIST_L2, 3).astype(np.float32)
    shade = np.clip(dist / (width / 2 + 1e-3), 0, 1) ** 0.5
    col = skin[None, None] * (0.6 + 0.45 * shade[..., None])
    # nail near the tip
    nail = np.zeros((h, w), np.uint8)
    nc = tip - np.array([dx, dy], np.float32) * width * 0.35
    cv2.ellipse(nail, tuple(int(v) for v in nc), (int(width * 0.28), int(width * 0.36)),
                math.degrees(math.atan2(dy, dx)) + 90, 0, 360, 255, -1)
    nf = cv2.GaussianBlur(nail, (0, 0), max(1, width / 30)).astype(np.float32)[..., None] / 255 * 0.5
    col = col * (1 - nf) + np.array([235, 200, 190], np.float32) * nf
    # shadow of the finger
    sm = cv2.GaussianBlur(m, (0, 0), width / 4).astype(np.float32) / 255
    sm = np.roll(sm, (int(width * 0.15), int(width * 0.1)), (0, 1))
    img *= (1 - 0.35 * sm[..., None])
    img[:] = img * (1 - mf[..., None]) + col * mf[..., None]
    eff_list.append({"width_px": int(width)})


def motion_kernel(length, ang):
    k = max(3, int(length) | 1)
    ker = np.zeros((k, k), np.float32)
    c = k // 2
    dx, dy = math.cos(ang), math.sin(ang)
    for t in np.linspace(-c, c, k * 2):
        ker[int(round(c + dy * t)), int(round(c + dx * t))] = 1
    return ker / ker.sum()


def disk_kernel(rad):
    k = int(math.ceil(rad)) * 2 + 1
    ker = np.zeros((k, k), np.float32)
    cv2.circle(ker, (k // 2, k // 2), max(1, int(round(rad))), 1.0, -1, cv2.LINE_AA)
    return ker / ker.sum()


def screenshot(r, photo_u8, eff):
    """Put the photo into a phone UI screenshot."""
    sw, sh = r.choice([(1080, 2400), (720, 1600), (1170, 2532), (1080, 2340), (1440, 3200), (828, 1792)])
    style = r.choice(["gallery", "chat"])
    ph, pw = photo_u8.shape[:2]
    if style == "gallery":
        canvas = np.zeros((sh, sw, 3), np.uint8)
        sc = min(sw / pw, (sh * 0.8) / ph)
        nw, nh = int(pw * sc), int(ph * sc)
        x0, y0 = (sw - nw) // 2, (sh - nh) // 2
        bar_col, txt_col = (0, 0, 0), (240, 240, 240)
    else:
        canvas = np.full((sh, sw, 3), (r.randint(215, 236), r.randint(215, 232), r.randint(200, 225)), np.uint8)
        sc = min(sw * 0.72 / pw, (sh * 0.6) / ph)
        nw, nh = int(pw * sc), int(ph * sc)
        x0, y0 = int(sw * r.uniform(0.04, 0.24)), int(sh * r.uniform(0.15, 0.3))
        cv2.rectangle(canvas, (x0 - 8, y0 - 8), (x0 + nw + 8, y0 + nh + 40), (255, 255, 255) if r.random() < 0.5 else (220, 248, 198), -1)
        bar_col, txt_col = (r.randint(0, 40), r.randint(80, 130), r.randint(70, 110)), (255, 255, 255)
    im_small = cv2.resize(photo_u8, (nw, nh), interpolation=cv2.INTER_AREA)
    canvas[y0:y0 + nh, x0:x0 + nw] = im_small
    pil = Image.fromarray(canvas)
    d = ImageDraw.Draw(pil)
    sb = int(sh * 0.035)
    d.rectangle([0, 0, sw, sb], fill=bar_col)
    f = font("opensans_semi", sb * 0.6)
    d.text((sw * 0.05, sb / 2), "%02d:%02d" % (r.randint(6, 23), r.randint(0, 59)), font=f, fill=txt_col, anchor="lm")
    d.rectangle([sw * 0.86, sb * 0.3, sw * 0.93, sb * 0.7], outline=txt_col, width=2)
    d.rectangle([sw * 0.865, sb * 0.35, sw * 0.865 + sw * 0.06 * r.uniform(0.2, 1), sb * 0.65], fill=txt_col)
    if style == "chat":
        d.rectangle([0, sb, sw, sb * 2.6], fill=bar_col)
        d.text((sw * 0.2, sb * 1.8), r.choice(["Ibu", "Pak RT", "Admin Leasing", "Grup Keluarga", "CS Bank"]), font=f, fill=txt_col, anchor="lm")
        d.text((x0 + nw - 10, y0 + nh + 20), "%02d.%02d" % (r.randint(0, 23), r.randint(0, 59)), font=font("opensans", sb * 0.45), fill=(120, 120, 120), anchor="rm")
        d.rectangle([0, sh - sb * 2, sw, sh], fill=(240, 240, 240))
    else:
        for k in range(4):
            cx = sw * (0.15 + 0.23 * k)
            d.ellipse([cx - sb * 0.4, sh - sb * 1.6, cx + sb * 0.4, sh - sb * 0.8], outline=txt_col, width=3)
    eff["screenshot"] = {"style": style, "size": [sw, sh], "photo_scale": round(sc, 3)}
    return np.asarray(pil), sc


def photograph(r, nrng, doc_rgb, doc_mask, text_frac, hard, eff, laminated_args=None, rounded=True):
    """Take a phone photo of a document texture.  Returns BGR uint8 image."""
    # frame size
    long_side = int(math.exp(r.uniform(math.log(640), math.log(4000))))
    aspect = wchoice(r, [(4 / 3, 6), (16 / 9, 3), (1.0, 1), (3 / 2, 1)])
    portrait = r.random() < 0.45
    Wf, Hf = (int(long_side / aspect), long_side) if portrait else (long_side, int(long_side / aspect))
    # working resolution
    ws = min(1.0, 2000 / long_side)
    Ww, Hw = int(Wf * ws), int(Hf * ws)
    fill = r.uniform(0.25, 0.95)
    # rotation
    kr = r.random()
    if kr < 0.55:
        base = 0
    elif kr < 0.68:
        base = 90
    elif kr < 0.8:
        base = 270
    elif kr < 0.9:
        base = 180
    else:
        base = None
    if base is None:
        rot = r.uniform(0, 360)
    else:
        rot = base + r.gauss(0, 4 if not hard else 9)
    persp = r.uniform(0.0, 0.12) if not hard else r.uniform(0.05, 0.25)

    dh, dw = doc_mask.shape
    # make sure text is big enough: cap height in final px
    min_cap = 9.0 if not hard else 6.0
    for _ in range(20):
        quad, sc = card_quad(r, dw, dh, Ww, Hw, fill, rot, persp)
        cap_final = text_frac * dw * sc / ws
        if cap_final >= min_cap:
            break
        fill = min(0.95, fill + 0.08)
        if fill >= 0.95:
            long_side = min(4000, int(long_side * 1.25))
            Wf, Hf = (int(long_side / aspect), long_side) if portrait else (long_side, int(long_side / aspect))
            ws = min(1.0, 2000 / long_side)
            Ww, Hw = int(Wf * ws), int(Hf * ws)
    eff.update({"frame": [Wf, Hf], "fill": round(fill, 3), "rotation_deg": round(rot % 360, 1),
                "perspective": round(persp, 3), "text_cap_px": round(cap_final, 1)})

    img = scene_background(r, nrng, Hw, Ww, eff)
    rgb = doc_rgb
    alpha = doc_mask.astype(np.float32) / 255.0
    off = 0
    if laminated_args is not None:
        rgb, alpha, off = laminate(r, nrng, rgb, doc_mask, dw / 85.6, eff, hard)
    bamt = 0.0
    if r.random() < 0.35:
        bamt = r.uniform(-0.02, 0.02) if not hard else r.uniform(-0.05, 0.05)
        rgb, alpha, pad = bend(r, rgb, alpha, bamt)
    else:
        pad = 0
    eff["bend"] = round(bamt, 3)
    # source quad of the document inside the (possibly padded/laminated) texture
    src = np.array([[off, off + pad], [off + dw, off + pad], [off + dw, off + pad + dh], [off, off + pad + dh]], np.float32)
    M = cv2.getPerspectiveTransform(src, quad.astype(np.float32))
    warped = cv2.warpPerspective(np.dstack([rgb, alpha * 255]).astype(np.float32), M, (Ww, Hw),
                                 flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    wa = warped[..., 3:4] / 255.0
    # drop shadow
    if r.random() < 0.8:
        sh = cv2.GaussianBlur(wa[..., 0], (0, 0), max(1.5, Ww * r.uniform(0.003, 0.012)))
        sh = np.roll(sh, (int(r.uniform(-0.01, 0.02) * Hw), int(r.uniform(-0.01, 0.02) * Ww)), (0, 1))
        img *= (1 - r.uniform(0.25, 0.55) * sh[..., None])
    img = img * (1 - wa) + warped[..., :3] * wa
    card_px_w = float(np.linalg.norm(quad[1] - quad[0]))

    # fingers over an edge
    fingers = []
    if r.random() < (0.35 if not hard else 0.55):
        for _ in range(r.choice([1, 1, 2])):
            e = r.randint(0, 3)
            a, b = quad[e], quad[(e + 1) % 4]
            t = r.uniform(0.1, 0.9) if hard else r.choice([r.uniform(0.05, 0.25), r.uniform(0.75, 0.95)])
            p_edge = a + (b - a) * t
            centre = quad.mean(axis=0)
            inward = centre - p_edge
            inward /= (np.linalg.norm(inward) + 1e-6)
            depth = card_px_w * (r.uniform(0.01, 0.05) if not hard else r.uniform(0.03, 0.12))
            width = card_px_w * r.uniform(0.1, 0.16)
            tip = p_edge + inward * depth
            draw_finger(img, r, tip, inward, width, card_px_w * 0.8, fingers)
    if fingers:
        eff["fingers"] = fingers

    # lighting: smooth illumination + vignette + colour cast
    illum = 0.8 + 0.4 * lowfreq_noise(nrng, Hw, Ww, 2)
    yy, xx = np.mgrid[0:Hw, 0:Ww].astype(np.float32)
    vig = 1 - r.uniform(0.0, 0.35) * (((xx / Ww - 0.5) ** 2 + (yy / Hw - 0.5) ** 2) * 2)
    cast_name = wchoice(r, [("neutral", 5), ("warm", 3), ("cool", 2), ("green_fluorescent", 1)])
    cast = {"neutral": (1, 1, 1), "warm": (1.08, 1.0, 0.85), "cool": (0.9, 0.98, 1.1),
            "green_fluorescent": (0.95, 1.06, 0.92)}[cast_name]
    img *= (illum * vig)[..., None] * np.array(cast, np.float32)[None, None]
    eff["light_cast"] = cast_name

    # phone / hand shadow
    if r.random() < (0.25 if not hard else 0.45):
        m = np.zeros((Hw, Ww), np.uint8)
        c = quad.mean(axis=0) + np.array([r.uniform(-0.5, 0.5) * Ww, r.uniform(-0.5, 0.5) * Hw])
        ang = r.uniform(0, 180)
        sz = (int(Ww * r.uniform(0.25, 0.5)), int(Hw * r.uniform(0.3, 0.6)))
        box = cv2.boxPoints(((float(c[0]), float(c[1])), sz, ang)).astype(np.int32)
        cv2.fillPoly(m, [box], 255)
        m = cv2.GaussianBlur(m, (0, 0), Ww * r.uniform(0.01, 0.04)).astype(np.float32) / 255
        k = r.uniform(0.25, 0.45) if not hard else r.uniform(0.4, 0.65)
        img *= (1 - k * m[..., None])
        eff["phone_shadow"] = round(k, 2)

    # glare
    if r.random() < (0.3 if not hard else 0.5):
        gx, gy = quad[:, 0].min() + r.random() * (np.ptp(quad[:, 0])), quad[:, 1].min() + r.random() * (np.ptp(quad[:, 1]))
        rad = card_px_w * r.uniform(0.06, 0.25)
        g = np.exp(-(((xx - gx) / rad) ** 2 + ((yy - gy) / (rad * r.uniform(0.5, 1.5))) ** 2))
        k = r.uniform(0.25, 0.6) if not hard else r.uniform(0.6, 1.0)
        img = img + (255 * k * g)[..., None] * wa
        eff["glare"] = round(k, 2)

    # blur
    cap_w = cap_final * ws  # cap height at working res
    bl = wchoice(r, [("none", 45), ("gauss", 25), ("defocus", 15), ("motion", 15)])
    eff["blur"] = bl
    if bl == "gauss":
        s = cap_w * (r.uniform(0.04, 0.12) if not hard else r.uniform(0.1, 0.22))
        if s > 0.3:
            img = cv2.GaussianBlur(img, (0, 0), s)
        eff["blur_px"] = round(s, 2)
    elif bl == "defocus":
        rad = cap_w * (r.uniform(0.05, 0.14) if not hard else r.uniform(0.12, 0.28))
        if rad > 0.6:
            img = cv2.filter2D(img, -1, disk_kernel(rad))
        eff["blur_px"] = round(rad, 2)
    elif bl == "motion":
        ln = cap_w * (r.uniform(0.1, 0.3) if not hard else r.uniform(0.3, 0.65))
        if ln > 1.5:
            img = cv2.filter2D(img, -1, motion_kernel(ln, r.uniform(0, math.pi)))
        eff["blur_px"] = round(ln, 2)

    # exposure
    ex = wchoice(r, [("normal", 7), ("dim", 1.6), ("bright", 1.4)])
    gain = 1.0
    if ex == "dim":
        gain = r.uniform(0.45, 0.7) if not hard else r.uniform(0.25, 0.45)
    elif ex == "bright":
        gain = r.uniform(1.15, 1.35) if not hard else r.uniform(1.35, 1.7)
    else:
        gain = r.uniform(0.9, 1.08)
    gamma = r.uniform(0.85, 1.15)
    img = 255 * np.clip(img * gain / 255, 0, 1) ** gamma
    eff["exposure"] = {"kind": ex, "gain": round(gain, 2), "gamma": round(gamma, 2)}

    # resize to final
    if (Ww, Hw) != (Wf, Hf):
        img = cv2.resize(img, (Wf, Hf), interpolation=cv2.INTER_CUBIC)
    # sensor noise (more when dim)
    sig = r.uniform(1.0, 5.0) * (1.8 if ex == "dim" else 1.0) * (1.8 if hard else 1.0)
    img = img + nrng.normal(0, sig, (Hf, Wf, 1)).astype(np.float32)
    if r.random() < 0.5:
        ch = (lowfreq_noise(nrng, Hf // 2, Wf // 2, max(4, Wf // 16), 3) - 0.5) * sig * 1.5
        img += cv2.resize(ch, (Wf, Hf), interpolation=cv2.INTER_NEAREST)
    eff["noise_sigma"] = round(sig, 2)
    if r.random() < 0.35:  # phone sharpening
        bl_ = cv2.GaussianBlur(img, (0, 0), r.uniform(1.0, 2.0))
        amt = r.uniform(0.3, 0.9)
        img = img + amt * (img - bl_)
        eff["sharpen"] = round(amt, 2)
    out = np.clip(img, 0, 255).astype(np.uint8)
    out = cv2.cvtColor(out, cv2.COLOR_RGB2BGR)

    # screenshot of a photo
    if r.random() < 0.08:
        q0 = r.randint(70, 92)
        ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, q0])
        inner = cv2.imdecode(buf, cv2.IMREAD_COLOR)
        # only if text stays readable enough on the screen
        sw_long = 2400
        shot, sc = screenshot(r, cv2.cvtColor(inner, cv2.COLOR_BGR2RGB), eff)
        if cap_final * sc >= (7 if not hard else 5):
            out = cv2.cvtColor(shot, cv2.COLOR_RGB2BGR)
        else:
            eff.pop("screenshot", None)
    return out


# ---------------------------------------------------------------------------
# driver


NEG_KINDS = [("student_card", 2), ("bpjs_card", 2), ("bank_card", 1), ("kartu_keluarga", 2), ("letter", 1.5),
             ("book_page", 1.5), ("random_scene", 1)]


def render_one(seed, i, negatives=False):
    r = random.Random("render_e:%d:%d:%d" % (seed, i, int(negatives)))
    nrng = np.random.default_rng([seed, i, 0xE, int(negatives)])
    hard = r.random() < 0.2
    eff = {"difficulty": "hard" if hard else "easy"}
    eff["_card_w"] = int(r.uniform(900, 1500))
    rec = {"renderer": "e"}
    if not negatives:
        fields, extra = make_identity(r)
        rgb, mask, th = render_ktp(r, nrng, fields, extra, hard, eff)
        if eff.get("card_tint") == "photocopy" and r.random() < 0.5:
            # a photocopy on a paper scrap
            H, W = mask.shape
            m = int(W * r.uniform(0.05, 0.2))
            paper = np.full((H + 2 * m, W + 2 * m, 3), r.uniform(230, 250), np.float32)
            paper += nrng.normal(0, 3, paper.shape[:2])[..., None]
            a = mask.astype(np.float32)[..., None] / 255
            paper[m:m + H, m:m + W] = paper[m:m + H, m:m + W] * (1 - a) + rgb * a
            cv2.rectangle(paper, (m, m), (m + W, m + H), (90, 90, 90), 1)
            rgb, mask = paper, np.full(paper.shape[:2], 255, np.uint8)
            th = th * W / (W + 2 * m)
            eff["photocopy_on_paper"] = True
        lam = r.random() < 0.2
        out = photograph(r, nrng, rgb, mask, th, hard, eff, laminated_args=True if lam and "photocopy_on_paper" not in eff else None)
        rec["fields"] = fields
    else:
        kind = wchoice(r, NEG_KINDS)
        if kind == "random_scene":
            e2 = {}
            long_side = int(math.exp(r.uniform(math.log(640), math.log(2400))))
            Hh, Ww = int(long_side * 0.75), long_side
            img = scene_background(r, nrng, Hh, Ww, eff)
            img = img * (0.8 + 0.4 * lowfreq_noise(nrng, Hh, Ww, 2))[..., None]
            img = np.clip(img + nrng.normal(0, 3, (Hh, Ww, 1)), 0, 255).astype(np.uint8)
            out = cv2.cvtColor(img, cv2.COLOR_RGB2BGR)
            eff["frame"] = [Ww, Hh]
        else:
            if kind in ("kartu_keluarga", "letter", "book_page"):
                eff["_card_w"] = int(r.uniform(1400, 2000))
            rgb, mask, th = render_negative(r, nrng, kind, eff)
            out = photograph(r, nrng, rgb, mask, th, hard, eff, laminated_args=True if (kind.endswith("card") and r.random() < 0.2) else None)
        rec["fields"] = None
        rec["kind"] = kind
    q = r.randint(30, 90) if hard else int(r.triangular(45, 90, 80))
    if r.random() < 0.15 and not hard:
        q = r.randint(30, 90)
    eff["jpeg_quality"] = q
    eff.pop("_card_w", None)
    rec["effects"] = eff
    return out, q, rec


def main(argv=None):
    ap = argparse.ArgumentParser(description="Synthetic phone photos of Indonesian e-KTP cards (renderer e).")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--negatives", action="store_true", help="render photos that are NOT a KTP")
    a = ap.parse_args(argv)
    check_fonts()
    os.makedirs(a.out, exist_ok=True)
    t0 = time.time()
    with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as tf:
        for i in range(a.n):
            img, q, rec = render_one(a.seed, i, a.negatives)
            name = "e_%d_%04d.jpg" % (a.seed, i)
            ok = cv2.imwrite(os.path.join(a.out, name), img, [cv2.IMWRITE_JPEG_QUALITY, q])
            if not ok:
                sys.exit("render_e: cannot write " + os.path.join(a.out, name))
            out = {"image": name, "renderer": "e", "fields": rec["fields"]}
            if "kind" in rec:
                out["kind"] = rec["kind"]
            out["effects"] = rec["effects"]
            tf.write(json.dumps(out, ensure_ascii=False, default=lambda o: o.item() if hasattr(o, "item") else str(o)) + "\n")
            tf.flush()
    dtt = time.time() - t0
    print("render_e: wrote %d photos to %s in %.1f s (%.2f s/photo)" % (a.n, a.out, dtt, dtt / max(1, a.n)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
