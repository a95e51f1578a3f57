#!/usr/bin/env python3
"""render_b.py - synthetic phone photos of Indonesian e-KTP identity cards (renderer "b").

Usage:
    python render_b.py --n N --seed S --out DIR
writes DIR/b_<seed>_<i:04d>.jpg and appends one JSON line per photo to DIR/truth.jsonl.

Font packages (Debian): fonts-liberation2 (Liberation Sans), fonts-liberation (Liberation Sans
Narrow), fonts-freefont-ttf (FreeSans / FreeSansBold).  FONT_PACKAGES below lists them; the script
stops with a message naming the package when a font file is missing.

What the card looks like (drawn with Pillow at 1600-2000 px card width, proportions measured in mm
on the 85.6 x 54 mm ID-1 card):
  * rounded light blue / blue-green card with a vertical colour gradient, a guilloche pattern of
    3-6 overlapping families of sine-wave lines, a rosette, a faint watermark (island-chain "map"
    and a round emblem) and sometimes faint repeated micro text;
  * two centred bold header lines (PROVINSI ..., KABUPATEN/KOTA ...), a larger bold NIK row, then
    the labelled rows (Nama ... Berlaku Hingga) with the colon column placed at 26.5% +-8% of the
    card width, row pitch and font sizes jittered +-15%, label variants ("Gol. Darah"/"Gol Darah",
    "Tempat/Tgl Lahir"/"Tempat/Tgl. Lahir", "Kel/Desa"/"Kel / Desa"), long values squeezed
    horizontally, the address on two lines on some cards (~30%);
  * one font family per card: Liberation Sans, Liberation Sans Narrow or FreeSans (bold NIK and
    header from the same family);
  * a procedurally drawn head-and-shoulders portrait on red or blue, place and date of issue and a
    signature scribble under it; sometimes a faded / yellowed card.
Data: valid 16-digit NIK (province + regency/city code matching the header, district 01-30,
DDMMYY with DD+40 for women, serial), names of many Indonesian origins matched to sex, religion
and job consistent with origin and age, varied address formats.

Photo effects and ranges:
  * background generated procedurally: wood grain (planks, several wood colours), cloth weave
    with folds (bed sheet), patterned tablecloth (gingham, stripes, dots, floral vinyl), plain desk;
  * card width 30-90% of the frame width (portrait frames 50-95%), never narrower than 700 px;
  * in-plane rotation -20..+20 degrees, 3D tilt -18..+18 degrees about both axes with a phone-like
    focal length (perspective); no 90/180/270 rotations;
  * soft contact shadow of the card; on ~30% a large soft shadow of a phone/hand;
  * strong elliptical glare spot on ~40% (kept off the NIK, name and birth-date values);
  * lighting gradient and vignetting, brightness x0.7-1.25, contrast x0.75-1.2, white balance gains
    0.88-1.12 per channel, gamma 0.85-1.15;
  * no blur (20%), gaussian blur sigma 0.3-2 px or defocus (disk) radius 0.6-2 px, capped at
    card width / 550 px for small cards; optional mild phone sharpening (30%);
  * sensor noise (luma sigma 1-7, slightly correlated, plus chroma noise);
  * JPEG quality 30-90 (>= 45 for small cards), output long side 1280-4000 px, 4:3, 16:9, 3:2
    landscape or portrait.
"""
import argparse
import json
import math
import os
import random
import sys

import numpy as np
import cv2
from PIL import Image, ImageDraw, ImageFont, ImageFilter

FONT_PACKAGES = ["fonts-liberation2", "fonts-liberation", "fonts-freefont-ttf"]

FONT_FAMILIES = {
    "LiberationSans": ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
                       "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
                       "fonts-liberation2"),
    "LiberationSansNarrow": ("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
                             "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Bold.ttf",
                             "fonts-liberation"),
    "FreeSans": ("/usr/share/fonts/truetype/freefont/FreeSans.ttf",
                 "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
                 "fonts-freefont-ttf"),
}


def check_fonts():
    missing = []
    for fam, (reg, bold, pkg) in FONT_FAMILIES.items():
        for p in (reg, bold):
            if not os.path.exists(p):
                missing.append((p, pkg))
    if missing:
        pk = sorted(set(m[1] for m in missing))
        sys.exit("render_b.py: missing font file(s): %s\nInstall the Debian package(s): "
                 "apt-get install -y %s" % (", ".join(m[0] for m in missing), " ".join(pk)))


_FONT_CACHE = {}


def font(path, size):
    key = (path, int(size))
    f = _FONT_CACHE.get(key)
    if f is None:
        f = ImageFont.truetype(path, max(6, int(size)))
        _FONT_CACHE[key] = f
    return f


# ----------------------------------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------------------------------

# code, province, regency/city as printed, short place name, kecamatan list
REGIONS = [
    ("3507", "JAWA TIMUR", "KABUPATEN MALANG", "MALANG",
     ["KEPANJEN", "SINGOSARI", "LAWANG", "TUMPANG", "PAKIS", "TUREN", "DAMPIT", "KARANGPLOSO", "DAU"]),
    ("3573", "JAWA TIMUR", "KOTA MALANG", "MALANG",
     ["LOWOKWARU", "KLOJEN", "BLIMBING", "SUKUN", "KEDUNGKANDANG"]),
    ("3578", "JAWA TIMUR", "KOTA SURABAYA", "SURABAYA",
     ["GUBENG", "WONOKROMO", "TEGALSARI", "RUNGKUT", "SUKOLILO", "TAMBAKSARI", "GENTENG", "SAWAHAN"]),
    ("3515", "JAWA TIMUR", "KABUPATEN SIDOARJO", "SIDOARJO",
     ["SIDOARJO", "WARU", "TAMAN", "GEDANGAN", "BUDURAN", "CANDI", "PORONG"]),
    ("3509", "JAWA TIMUR", "KABUPATEN JEMBER", "JEMBER", ["KALIWATES", "SUMBERSARI", "PATRANG"]),
    ("3525", "JAWA TIMUR", "KABUPATEN GRESIK", "GRESIK", ["GRESIK", "KEBOMAS", "MANYAR"]),
    ("3273", "JAWA BARAT", "KOTA BANDUNG", "BANDUNG",
     ["COBLONG", "SUKAJADI", "ANDIR", "CIBEUNYING KIDUL", "BANDUNG WETAN", "ANTAPANI"]),
    ("3204", "JAWA BARAT", "KABUPATEN BANDUNG", "BANDUNG",
     ["SOREANG", "BALEENDAH", "DAYEUHKOLOT", "MARGAHAYU", "CILEUNYI", "BOJONGSOANG"]),
    ("3201", "JAWA BARAT", "KABUPATEN BOGOR", "BOGOR",
     ["CIBINONG", "CITEUREUP", "BOJONGGEDE", "CILEUNGSI", "GUNUNG PUTRI", "DRAMAGA"]),
    ("3271", "JAWA BARAT", "KOTA BOGOR", "BOGOR", ["BOGOR TENGAH", "BOGOR UTARA", "TANAH SAREAL"]),
    ("3275", "JAWA BARAT", "KOTA BEKASI", "BEKASI",
     ["BEKASI BARAT", "BEKASI TIMUR", "BEKASI UTARA", "BEKASI SELATAN", "RAWALUMBU"]),
    ("3276", "JAWA BARAT", "KOTA DEPOK", "DEPOK", ["PANCORAN MAS", "BEJI", "SUKMAJAYA", "CIMANGGIS"]),
    ("3374", "JAWA TENGAH", "KOTA SEMARANG", "SEMARANG",
     ["SEMARANG TENGAH", "BANYUMANIK", "TEMBALANG", "PEDURUNGAN", "NGALIYAN", "CANDISARI"]),
    ("3372", "JAWA TENGAH", "KOTA SURAKARTA", "SURAKARTA", ["LAWEYAN", "BANJARSARI", "JEBRES", "PASAR KLIWON"]),
    ("3471", "DI YOGYAKARTA", "KOTA YOGYAKARTA", "YOGYAKARTA",
     ["GONDOKUSUMAN", "UMBULHARJO", "JETIS", "KOTAGEDE", "MERGANGSAN", "WIROBRAJAN"]),
    ("3404", "DI YOGYAKARTA", "KABUPATEN SLEMAN", "SLEMAN", ["DEPOK", "MLATI", "GAMPING", "NGAGLIK"]),
    ("3402", "DI YOGYAKARTA", "KABUPATEN BANTUL", "BANTUL", ["BANTUL", "KASIHAN", "SEWON", "BANGUNTAPAN"]),
    ("3171", "DKI JAKARTA", "KOTA ADM. JAKARTA PUSAT", "JAKARTA",
     ["GAMBIR", "MENTENG", "TANAH ABANG", "SENEN", "KEMAYORAN"]),
    ("3172", "DKI JAKARTA", "KOTA ADM. JAKARTA UTARA", "JAKARTA",
     ["KOJA", "TANJUNG PRIOK", "PENJARINGAN", "CILINCING", "KELAPA GADING"]),
    ("3173", "DKI JAKARTA", "KOTA ADM. JAKARTA BARAT", "JAKARTA",
     ["KEBON JERUK", "CENGKARENG", "GROGOL PETAMBURAN", "KALIDERES", "PALMERAH"]),
    ("3174", "DKI JAKARTA", "KOTA ADM. JAKARTA SELATAN", "JAKARTA",
     ["KEBAYORAN BARU", "TEBET", "SETIABUDI", "MAMPANG PRAPATAN", "PASAR MINGGU", "CILANDAK", "JAGAKARSA"]),
    ("3175", "DKI JAKARTA", "KOTA ADM. JAKARTA TIMUR", "JAKARTA",
     ["DUREN SAWIT", "CAKUNG", "MATRAMAN", "JATINEGARA", "KRAMAT JATI"]),
    ("3603", "BANTEN", "KABUPATEN TANGERANG", "TANGERANG",
     ["CIKUPA", "CURUG", "PASAR KEMIS", "BALARAJA", "TIGARAKSA", "KELAPA DUA"]),
    ("3671", "BANTEN", "KOTA TANGERANG", "TANGERANG", ["CIPONDOH", "KARAWACI", "TANGERANG", "CILEDUG"]),
    ("1271", "SUMATERA UTARA", "KOTA MEDAN", "MEDAN",
     ["MEDAN BARU", "MEDAN PETISAH", "MEDAN KOTA", "MEDAN JOHOR", "MEDAN SUNGGAL"]),
    ("1371", "SUMATERA BARAT", "KOTA PADANG", "PADANG", ["PADANG BARAT", "KOTO TANGAH", "KURANJI"]),
    ("1671", "SUMATERA SELATAN", "KOTA PALEMBANG", "PALEMBANG",
     ["ILIR TIMUR I", "BUKIT KECIL", "KEMUNING", "SEBERANG ULU I"]),
    ("1871", "LAMPUNG", "KOTA BANDAR LAMPUNG", "BANDAR LAMPUNG",
     ["TANJUNG KARANG PUSAT", "KEDATON", "RAJABASA"]),
    ("1171", "ACEH", "KOTA BANDA ACEH", "BANDA ACEH", ["BAITURRAHMAN", "KUTA ALAM", "SYIAH KUALA"]),
    ("1471", "RIAU", "KOTA PEKANBARU", "PEKANBARU", ["SUKAJADI", "TAMPAN", "MARPOYAN DAMAI"]),
    ("7371", "SULAWESI SELATAN", "KOTA MAKASSAR", "MAKASSAR",
     ["PANAKKUKANG", "TAMALATE", "RAPPOCINI", "MARISO", "UJUNG PANDANG", "BIRINGKANAYA"]),
    ("7171", "SULAWESI UTARA", "KOTA MANADO", "MANADO", ["WENANG", "MALALAYANG", "WANEA"]),
    ("5171", "BALI", "KOTA DENPASAR", "DENPASAR",
     ["DENPASAR BARAT", "DENPASAR TIMUR", "DENPASAR SELATAN", "DENPASAR UTARA"]),
    ("5103", "BALI", "KABUPATEN BADUNG", "BADUNG", ["KUTA", "KUTA UTARA", "MENGWI"]),
    ("5271", "NUSA TENGGARA BARAT", "KOTA MATARAM", "MATARAM", ["MATARAM", "AMPENAN", "CAKRANEGARA"]),
    ("5371", "NUSA TENGGARA TIMUR", "KOTA KUPANG", "KUPANG", ["OEBOBO", "KELAPA LIMA"]),
    ("6171", "KALIMANTAN BARAT", "KOTA PONTIANAK", "PONTIANAK",
     ["PONTIANAK KOTA", "PONTIANAK BARAT", "PONTIANAK SELATAN"]),
    ("6471", "KALIMANTAN TIMUR", "KOTA BALIKPAPAN", "BALIKPAPAN", ["BALIKPAPAN KOTA", "BALIKPAPAN UTARA"]),
    ("6472", "KALIMANTAN TIMUR", "KOTA SAMARINDA", "SAMARINDA", ["SAMARINDA ULU", "SUNGAI KUNJANG"]),
    ("8171", "MALUKU", "KOTA AMBON", "AMBON", ["SIRIMAU", "NUSANIWE"]),
    ("9471", "PAPUA", "KOTA JAYAPURA", "JAYAPURA", ["JAYAPURA UTARA", "ABEPURA"]),
]

OTHER_TOWNS = ["SURABAYA", "BLITAR", "KEDIRI", "MADIUN", "KLATEN", "CIREBON", "TASIKMALAYA", "GARUT",
               "BUKITTINGGI", "PEMATANGSIANTAR", "TARUTUNG", "PALU", "GORONTALO", "KUPANG", "ENDE",
               "TABANAN", "GIANYAR", "SINGARAJA", "BANYUWANGI", "LAMONGAN", "TUBAN", "BOJONEGORO",
               "NGAWI", "PONOROGO", "PURWOKERTO", "TEGAL", "PEKALONGAN", "KUDUS", "PATI", "JEPARA",
               "MAGELANG", "WONOSOBO", "SUKABUMI", "CIANJUR", "KARAWANG", "SERANG", "PANDEGLANG",
               "BENGKULU", "JAMBI", "DUMAI", "SAMPIT", "BANJARMASIN", "KENDARI", "TERNATE", "SORONG",
               "MERAUKE", "BIMA", "MAUMERE", "PASURUAN", "PROBOLINGGO", "MOJOKERTO", "JOMBANG",
               "TULUNGAGUNG", "TRENGGALEK", "SAMPANG", "PAMEKASAN", "SUMENEP", "BANGKALAN",
               "INDRAMAYU", "MAJALENGKA", "KUNINGAN", "SUBANG", "PURWAKARTA", "BOYOLALI", "SRAGEN",
               "WONOGIRI", "KEBUMEN", "CILACAP", "BANJARNEGARA", "LHOKSEUMAWE", "SIBOLGA",
               "PADANG SIDEMPUAN", "BATAM", "TANJUNG PINANG", "PANGKAL PINANG", "PAREPARE", "BONE",
               "PALOPO", "TOMOHON", "BITUNG", "JAKARTA", "BANDUNG", "SEMARANG", "MEDAN", "MAKASSAR"]

KELURAHAN = ["SUMBERSARI", "KARANGREJO", "SUKAMAJU", "MEKARSARI", "TLOGOMAS", "DINOYO", "KETAWANGGEDE",
             "CEMPAKA PUTIH", "PONDOK LABU", "SIDOMULYO", "WONOREJO", "JATIMULYO", "SUKAHARJO",
             "TAMANSARI", "PANDANWANGI", "KARANGANYAR", "SUMBEREJO", "MARGOREJO", "PURWODADI",
             "BANJARSARI", "KEDUNGDORO", "GUNUNGSARI", "CIPINANG", "MEKAR JAYA", "SUKARAME",
             "BATU AMPAR", "TELUK DALAM", "SUKADAMAI", "KEBONSARI", "JATIRAHAYU", "PAGESANGAN",
             "TEGALREJO", "SIDOREJO", "KALIRUNGKUT", "NGAGELREJO", "PLAOSAN", "GADANG", "BANDULAN",
             "MULYOREJO", "TANJUNGREJO", "CIBADUYUT", "PASIRKALIKI", "LEBAK BULUS", "RAWAMANGUN",
             "PADANG BULAN", "SEI SIKAMBING B", "PANAIKANG", "BALLAPARANG", "SESETAN", "PEGUYANGAN",
             "KAYUMANIS", "SUKAMENAK", "SRENGSENG SAWAH", "DUREN TIGA", "KEBON MELATI",
             "BENDUNGAN HILIR", "KARANG BESUKI", "MOJOLANGU", "JODIPAN", "PURWANTORO", "SAWOJAJAR",
             "LESANPURO", "CEPOKOMULYO", "SUMBERPUCUNG", "AMADANOM", "KEDUNGREJO", "BANGUNREJO"]

STREETS = ["MAWAR", "MELATI", "ANGGREK", "KENANGA", "CEMPAKA", "DAHLIA", "SUDIRMAN", "DIPONEGORO",
           "GAJAH MADA", "AHMAD YANI", "PAHLAWAN", "MERDEKA", "PEMUDA", "VETERAN", "KARTINI",
           "SOEKARNO HATTA", "IMAM BONJOL", "HASANUDDIN", "KH. WAHID HASYIM", "DR. SUTOMO",
           "GATOT SUBROTO", "MT. HARYONO", "BRAWIJAYA", "RAYA DARMO", "SEMERU", "BROMO", "KAWI",
           "TERUSAN BATAM", "SUNAN KALIJAGA", "PANGLIMA SUDIRMAN", "RAJAWALI", "CENDRAWASIH",
           "KAKATUA", "MERPATI", "KENARI", "NANGKA", "MANGGA", "DURIAN", "SALAK", "KELAPA GADING",
           "BUNGUR", "JATI", "BERINGIN", "SEROJA", "TERATAI", "FLAMBOYAN", "KAMBOJA",
           "RAYA BOGOR", "RAYA PASAR MINGGU", "HANG TUAH", "PATTIMURA", "SISINGAMANGARAJA",
           "GURU PATIMPUS", "URIP SUMOHARJO", "AP. PETTARANI", "GUNUNG AGUNG", "TEUKU UMAR",
           "CUT NYAK DIEN", "TUANKU TAMBUSAI", "KOL. SUGIONO", "LETJEN SUTOYO", "SEKARPUTIH"]

DUSUN = ["KRAJAN", "KRAJAN LOR", "KRAJAN KIDUL", "SUMBERAGUNG", "NGEMPLAK", "KEDUNGSARI", "BARENG",
         "PAGERSARI", "SUKOREJO", "JAMBEAN", "PUTUKREJO", "SIDOMUKTI", "TEGALSARI", "KALIWUNGU",
         "GEMPOL", "NGASEM", "BANYUURIP", "BULUSARI", "WATUGEDE", "SEMANDING"]

PERUM = ["GRIYA PERMATA ASRI", "BUMI ASRI", "TAMAN SARI INDAH", "VILLA BUKIT MAS", "PONDOK MAS",
         "GRIYA SANTA", "BUKIT CEMARA TIDAR", "PURI INDAH", "TAMAN HARAPAN BARU", "GRAHA PERMAI",
         "CITRA GARDEN", "PESONA ALAM", "BUMI MANDIRI", "SAWOJAJAR II", "PERMATA JINGGA"]

M_FIRST = ["MUHAMMAD", "AHMAD", "ABDUL", "RIZKY", "FAUZAN", "ARIF", "BUDI", "AGUS", "HENDRA", "DEDI",
           "ANDI", "YUSUF", "IBRAHIM", "HASAN", "RAHMAT", "HIDAYAT", "SYAHRIL", "FIRMAN", "IRFAN",
           "FAJAR", "DIMAS", "BAYU", "EKO", "DWI", "TEGUH", "WAHYU", "JOKO", "BAMBANG", "HERU", "ADI",
           "PUTRA", "RENDI", "YOGA", "ILHAM", "HAFIZ", "ZAINAL", "ARIFIN", "SAIFUL", "ANWAR",
           "ROHMAN", "KHOIRUL", "ANAM", "MUCHLIS", "IMAM", "SODIQ", "TAUFIK", "REZA", "ALDI",
           "FARHAN", "NAUFAL", "DANU", "GILANG", "RAFI", "ARYA", "SATRIO", "PRASETYO", "NUGROHO",
           "SETIAWAN", "KURNIAWAN", "SAPUTRA", "PRATAMA", "RAMADHAN", "HIDAYATULLAH", "FIRDAUS",
           "MAULANA", "SYAIFUDDIN", "ZULKIFLI", "LUKMAN", "HAKIM", "RIDWAN", "SUPRIYADI", "ARDIANSYAH"]
F_FIRST = ["SITI", "NUR", "AMINAH", "FATIMAH", "AISYAH", "DEWI", "SRI", "RATNA", "WULAN", "PUTRI",
           "AYU", "INDAH", "LESTARI", "RAHAYU", "NURUL", "HIDAYAH", "KHOIRUN", "NISA", "ANISA",
           "FITRI", "YULIANA", "KARTIKA", "MEGA", "RINA", "YANTI", "SUSANTI", "WATI", "DIAN",
           "NOVITA", "EKA", "TRI", "MAYA", "SALSABILA", "NABILA", "ZAHRA", "AULIA", "NUR'AINI",
           "MAWARNI", "PURNAMASARI", "HANDAYANI", "WAHYUNI", "NINGSIH", "UTAMI", "PERMATASARI",
           "MAULIDA", "KHASANAH", "ROHMAH", "LAILATUL", "FITRIANI", "AGUSTINA", "SEPTIANI",
           "RAHMAWATI", "KURNIASIH", "MARDIYAH", "ZULAIKHA", "UMI", "KALSUM", "HALIMAH"]
M_JAVA = ["SLAMET", "SUPARNO", "SUGIYANTO", "PAIMIN", "SUKIRNO", "SUTRISNO", "MULYONO", "SUPRAPTO",
          "WAGIMAN", "TUKIMAN", "KASIMAN", "SUWARNO", "PONIMAN", "SUNARTO", "SUYANTO", "SUMADI",
          "PARJO", "KATIMIN", "SARDI", "WARSITO"]
F_JAVA = ["SUPARMI", "SUMIATI", "PAINEM", "SUKINAH", "TUMINAH", "SUNARSIH", "WAGINEM", "SRI SUMARNI",
          "MARYATI", "SUMARSIH", "JUMIATI", "SURATMI", "PONIYEM", "SUKARTI", "SITI ROMLAH", "KASIYAH",
          "MUJIATI", "SAMIRAH"]
M_SUNDA = ["ASEP", "UJANG", "DADANG", "CECEP", "ENDANG", "YAYAT", "OMAN", "DEDE", "AAN", "ENCEP"]
F_SUNDA = ["EUIS", "TATI", "NENENG", "ENOK", "IMAS", "NENG", "ENGKAY", "YAYAH", "CUCU", "ELIS"]
SUNDA_LAST = ["SUNARYA", "SUPRIATNA", "HIDAYAT", "KURNIAWAN", "SOPIAN", "RUSTANDI", "SUHENDAR",
              "KOMARUDIN", "RAHMAT", "SETIADI", "NURHAYATI", "ROSMIATI", "JUBAEDAH", "MULYATI"]
M_BATAK = ["JOSUA", "DANIEL", "HOTMAN", "BONAR", "PARLINDUNGAN", "SAHAT", "TUMPAL", "MARULI",
           "BINSAR", "ROBERT", "JONNI", "RICARDO", "HENDRIK", "POLTAK", "RUDOLF", "TORANG"]
F_BATAK = ["ROSMAWATI", "DORTA", "MARIA", "LAMRIA", "SRI ULINA", "HOTMAIDA", "RIA", "NURHAYATI",
           "TIOMINAR", "DEBORA", "HANA", "MERY", "RUTH", "LASMARIA", "EVA"]
CLANS_CHR = ["SITUMORANG", "SIMANJUNTAK", "NAINGGOLAN", "HUTAPEA", "PANJAITAN", "SIHOMBING", "SINAGA",
             "SIMATUPANG", "MANURUNG", "SIAHAAN", "PASARIBU", "TAMPUBOLON", "SITOMPUL", "GINTING",
             "SEMBIRING", "TARIGAN", "HUTAGALUNG", "SIAGIAN", "SIBURIAN", "SIANTURI", "BR. SINAGA",
             "BR. GINTING"]
CLANS_MUS = ["NASUTION", "LUBIS", "HARAHAP", "SIREGAR", "DAULAY", "RANGKUTI", "HASIBUAN", "PULUNGAN"]
BALI_M_PRE = ["I WAYAN", "I MADE", "I NYOMAN", "I KETUT", "I PUTU", "I GEDE", "I KADEK", "I KOMANG",
              "I GUSTI NGURAH", "IDA BAGUS"]
BALI_F_PRE = ["NI LUH", "NI MADE", "NI WAYAN", "NI KADEK", "NI KOMANG", "NI NYOMAN", "NI KETUT",
              "NI PUTU", "IDA AYU", "DESAK MADE"]
BALI_M = ["SUDARSANA", "ARTAWAN", "SUARDANA", "WIRAWAN", "ADI PUTRA", "MERTAYASA", "SUKADANA",
          "DARMAWAN", "ARIMBAWA", "SUTAMA", "ASTAWA", "PARWATA", "SUWECA"]
BALI_F = ["SRI WAHYUNI", "ARI SUSANTI", "SUCIPTA DEWI", "PUSPITA SARI", "KARTINI", "SUARNI",
          "ARIASIH", "WIDIASTUTI", "SUKERTI", "RATNADI", "ARSINI", "SUWENDRI"]
CHN_M = ["HENDRA", "WILLIAM", "KEVIN", "JOHAN", "FELIX", "STEVEN", "HARTONO", "ANTON", "SUGIANTO",
         "RUDY", "JIMMY", "YOHANES", "BUDIMAN"]
CHN_F = ["LIANA", "MEILIANA", "SHERLY", "CINDY", "VERONICA", "JESSICA", "LINDA", "FENNY", "SUSAN",
         "MELINDA", "IRENE", "LILY", "MEI LING"]
CHN_LAST = ["GUNAWAN", "SANTOSO", "WIJAYA", "TANUWIJAYA", "HALIM", "SALIM", "KUSUMA", "SETIAWAN",
            "LIMANTO", "HARTANTO", "SUSANTO", "TANDIONO", "SUGIARTO", "WIBOWO", "HADINATA"]
CHN_OLD_M = ["TAN KIM LIANG", "LIM SIOK HUAT", "OEI HOK SENG", "LIE TJIN SAN", "GO BOEN TJHING",
             "THE KIAN HOK", "KHO PING LIONG"]
CHN_OLD_F = ["TAN SIOK LAN", "LIM MEI HWA", "OEI LIAN NIO", "LIE SIAUW LING", "GO GIOK NIO"]
EAST_M = ["YOHANES", "PETRUS", "MARKUS", "YAKOBUS", "FRANSISKUS", "ANTONIUS", "YOSEF", "PAULUS",
          "MIKHAEL", "STEFANUS", "ALBERTUS", "YULIUS"]
EAST_F = ["MARIA GORETI", "MAGDALENA", "YOSEFINA", "MARGARETA", "ELISABETH", "AGUSTINA", "KRISTINA",
          "VERONIKA", "THERESIA", "YULIANA"]
EAST_LAST = ["LEKI", "NDUN", "BENU", "FANGGIDAE", "TOALA", "LOBO", "DA COSTA", "PATTINAMA",
             "LATUHERU", "WAROMI", "KOLO", "LAKA", "MANEK", "SERAN", "PELLO", "RUMBIAK", "WENDA",
             "LUMINTANG", "PANGEMANAN", "RONDONUWU", "WAWORUNTU"]
ABBREV_M = ["M.", "MOH.", "MUH.", "MOCH.", "A."]
APOS_M = ["MA'RUF", "SYAFI'I", "MU'MININ", "ROFI'I", "BAHRUL ULUM", "NU'MAN"]
APOS_F = ["NUR'AINI", "JUMA'AH", "ROBI'AH", "ZULQA'IDAH", "MU'AWANAH", "NI'MAH", "SA'DIYAH"]

JOBS_ADULT = ["WIRASWASTA"] * 6 + ["KARYAWAN SWASTA"] * 6 + ["PETANI/PEKEBUN"] * 3 + \
    ["BURUH HARIAN LEPAS"] * 3 + ["PEGAWAI NEGERI SIPIL (PNS)"] * 2 + ["GURU"] * 2 + \
    ["NELAYAN/PERIKANAN", "PEDAGANG", "PEDAGANG", "SOPIR", "TNI", "POLRI", "KARYAWAN BUMN",
     "PERAWAT", "BIDAN", "DOKTER", "BURUH TANI/PERKEBUNAN", "TUKANG BATU", "TUKANG KAYU",
     "KARYAWAN HONORER", "DOSEN", "PERANGKAT DESA", "MEKANIK", "PENJAHIT", "WARTAWAN",
     "BELUM/TIDAK BEKERJA", "PERDAGANGAN", "TRANSPORTASI", "KONSTRUKSI", "BURUH NELAYAN/PERIKANAN",
     "APOTEKER", "PENATA RIAS", "TUKANG LAS/PANDAI BESI", "PELAUT", "ARSITEK", "PENDETA", "USTADZ/MUBALIGH"]


def make_name(r, male, origin):
    if origin == "java_single":
        return r.choice(M_JAVA if male else F_JAVA)
    if origin == "sunda":
        first = r.choice(M_SUNDA if male else F_SUNDA)
        return first if r.random() < 0.3 else first + " " + r.choice(SUNDA_LAST)
    if origin == "batak":
        muslim = r.random() < 0.35
        clan = r.choice(CLANS_MUS if muslim else CLANS_CHR)
        if clan.startswith("BR.") and male:
            clan = clan[4:]
        given = r.choice(M_BATAK if male else F_BATAK) if not muslim else \
            r.choice(M_FIRST if male else F_FIRST)
        if not male and r.random() < 0.4 and not clan.startswith("BR."):
            clan = "BR. " + clan
        return given + " " + clan, ("ISLAM" if muslim else r.choice(["KRISTEN", "KRISTEN", "KATOLIK"]))
    if origin == "bali":
        pre = r.choice(BALI_M_PRE if male else BALI_F_PRE)
        return pre + " " + r.choice(BALI_M if male else BALI_F)
    if origin == "chinese":
        if r.random() < 0.2:
            return r.choice(CHN_OLD_M if male else CHN_OLD_F)
        return r.choice(CHN_M if male else CHN_F) + " " + r.choice(CHN_LAST)
    if origin == "east":
        n = r.choice(EAST_M if male else EAST_F)
        return n + " " + r.choice(EAST_LAST)
    # muslim / general names
    k = r.choices([1, 2, 3, 4], [0.15, 0.45, 0.32, 0.08])[0]
    pool = M_FIRST if male else F_FIRST
    words = []
    if male and r.random() < 0.12:
        words.append(r.choice(ABBREV_M))
        k = max(1, k - 1)
    for _ in range(k):
        if r.random() < 0.06:
            w = r.choice(APOS_M if male else APOS_F)
        else:
            w = r.choice(pool)
        if w not in words:
            words.append(w)
    name = " ".join(words)
    while len(name) > 30:
        words = words[:-1]
        name = " ".join(words)
    return name


def make_address(r, origin, want_long):
    st = r.choice(STREETS)
    forms = [
        lambda: "JL. %s NO. %d" % (st, r.randint(1, 150)),
        lambda: "JL. %s NO. %d%s" % (st, r.randint(1, 99), r.choice("ABCD")),
        lambda: "JL. %s GG. %s NO. %d" % (st, r.choice(["I", "II", "III", "IV", "V", "VI", "7", "12"]),
                                           r.randint(1, 80)),
        lambda: "GG. %s NO. %d" % (r.choice(STREETS), r.randint(1, 60)),
        lambda: "DSN. %s" % r.choice(DUSUN),
        lambda: "DUSUN %s" % r.choice(DUSUN),
        lambda: "PERUM %s BLOK %s%d NO. %d" % (r.choice(PERUM), r.choice("ABCDEFGHK"), r.randint(1, 12),
                                               r.randint(1, 40)),
        lambda: "KOMP. %s BLOK %s NO. %d" % (r.choice(PERUM), r.choice("ABCDEF"), r.randint(1, 40)),
        lambda: "JL. %s KM. %d" % (st, r.randint(2, 25)),
        lambda: r.choice(DUSUN),
    ]
    weights = [5, 1.5, 2, 1.5, 2, 1.5, 1.5, 1, 0.7, 1]
    if origin == "bali" and r.random() < 0.5:
        return "BR. %s" % r.choice(["DINAS KAJA", "TENGAH", "KELOD", "ANYAR", "PEKANDELAN", "SADING"]) \
            if r.random() < 0.5 else "JL. %s NO. %d" % (st, r.randint(1, 120))
    for _ in range(30):
        a = r.choices(forms, weights)[0]()
        if want_long and len(a) < 26:
            continue
        if not want_long and len(a) > 34:
            continue
        return a
    return "JL. %s GG. %s NO. %d BLOK %s" % (st, r.choice(["II", "III", "V"]), r.randint(1, 80), r.choice("ABC"))


def make_fields(r):
    reg = r.choice(REGIONS)
    code, prov, kabkota, place, kecs = reg
    male = r.random() < 0.5
    # birth
    year = r.choices([r.randint(1945, 1965), r.randint(1966, 1990), r.randint(1991, 2006)], [0.2, 0.5, 0.3])[0]
    month = r.randint(1, 12)
    mdays = [31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28, 31, 30, 31, 30,
             31, 31, 30, 31, 30, 31][month - 1]
    day = r.randint(1, mdays)
    # origin by province
    if prov == "BALI":
        origin = r.choices(["bali", "muslim", "java_single"], [0.8, 0.15, 0.05])[0]
    elif prov in ("SUMATERA UTARA",):
        origin = r.choices(["batak", "muslim", "chinese"], [0.55, 0.35, 0.1])[0]
    elif prov in ("NUSA TENGGARA TIMUR", "MALUKU", "PAPUA", "SULAWESI UTARA"):
        origin = r.choices(["east", "muslim"], [0.75, 0.25])[0]
    elif prov == "JAWA BARAT" or prov == "BANTEN":
        origin = r.choices(["sunda", "muslim", "java_single", "chinese", "batak"], [0.4, 0.45, 0.05, 0.06, 0.04])[0]
    elif prov in ("JAWA TIMUR", "JAWA TENGAH", "DI YOGYAKARTA"):
        origin = r.choices(["java_single", "muslim", "chinese", "batak", "bali"], [0.3, 0.58, 0.07, 0.03, 0.02])[0]
    elif prov == "KALIMANTAN BARAT":
        origin = r.choices(["muslim", "chinese", "east"], [0.6, 0.3, 0.1])[0]
    else:
        origin = r.choices(["muslim", "chinese", "batak", "java_single", "east"], [0.7, 0.1, 0.07, 0.08, 0.05])[0]
    if origin == "java_single" and year > 1985 and r.random() < 0.7:
        origin = "muslim"
    nm = make_name(r, male, origin)
    religion = None
    if isinstance(nm, tuple):
        nm, religion = nm
    if religion is None:
        religion = {"bali": "HINDU",
                    "chinese": r.choices(["BUDHA", "KRISTEN", "KATOLIK", "KONGHUCU"], [0.4, 0.3, 0.2, 0.1])[0],
                    "east": r.choices(["KRISTEN", "KATOLIK"], [0.6, 0.4])[0]}.get(origin, "ISLAM")
        if origin in ("java_single",) and r.random() < 0.08:
            religion = r.choice(["KRISTEN", "KATOLIK"])
    if r.random() < 0.015:
        religion = "KEPERCAYAAN TERHADAP TUHAN YME"
    dd = day + (0 if male else 40)
    district = r.randint(1, 30)
    serial = int(r.choices([r.randint(1, 40), r.randint(41, 999), r.randint(1000, 9999)], [0.6, 0.3, 0.1])[0])
    nik = "%s%02d%02d%02d%02d%04d" % (code, district, dd, month, year % 100, serial)
    assert len(nik) == 16
    # place of birth
    if r.random() < 0.55:
        tempat = place
    else:
        tempat = r.choice(OTHER_TOWNS)
    # issue date
    iy_lo = max(2011, year + 17)
    iy = r.randint(iy_lo, max(iy_lo, 2024))
    im = r.randint(1, 12)
    idd = r.randint(1, 28)
    age = 2024 - year
    if age < 24 and r.random() < 0.7:
        job = "PELAJAR/MAHASISWA"
    elif age > 58 and r.random() < 0.4:
        job = "PENSIUNAN"
    elif not male and r.random() < 0.35:
        job = "MENGURUS RUMAH TANGGA"
    else:
        job = r.choice(JOBS_ADULT)
    if age < 22:
        status = "BELUM KAWIN" if r.random() < 0.85 else "KAWIN"
    elif age < 30:
        status = r.choices(["BELUM KAWIN", "KAWIN", "CERAI HIDUP"], [0.5, 0.47, 0.03])[0]
    else:
        status = r.choices(["KAWIN", "BELUM KAWIN", "CERAI HIDUP", "CERAI MATI"],
                           [0.78, 0.06, 0.06, 0.10 if age > 50 else 0.03])[0]
    if r.random() < 0.14 and iy <= 2016:
        by = iy + 5
        bd = min(day, 28) if month == 2 else day
        berlaku = "%02d-%02d-%04d" % (bd, month, by)
    else:
        berlaku = "SEUMUR HIDUP"
    fields = {
        "nik": nik, "nama": nm, "tempat_lahir": tempat,
        "tanggal_lahir": "%04d-%02d-%02d" % (year, month, day),
        "jenis_kelamin": "LAKI-LAKI" if male else "PEREMPUAN",
        "golongan_darah": r.choices(["A", "B", "AB", "O", "-"], [0.2, 0.22, 0.06, 0.3, 0.22])[0],
        "alamat": None,
        "rt_rw": "%03d/%03d" % (r.randint(1, 15), r.randint(1, 12)),
        "kel_desa": r.choice(KELURAHAN),
        "kecamatan": r.choice(kecs),
        "agama": religion,
        "status_perkawinan": status,
        "pekerjaan": job,
        "kewarganegaraan": "WNI" if r.random() < 0.995 else "WNA",
        "berlaku_hingga": berlaku,
        "provinsi": prov,
        "kabupaten_kota": kabkota,
    }
    extra = {
        "origin": origin, "male": male, "issue_place": None,
        "issue_date": "%02d-%02d-%04d" % (idd, im, iy),
    }
    if kabkota.startswith("KABUPATEN"):
        extra["issue_place"] = r.choice(["KAB. " + place, place, kabkota])
    elif kabkota.startswith("KOTA ADM."):
        extra["issue_place"] = kabkota[len("KOTA ADM. "):]
    else:
        extra["issue_place"] = r.choice([kabkota, place])
    return fields, extra


# ----------------------------------------------------------------------------------------------
# Card drawing
# ----------------------------------------------------------------------------------------------

CARD_MM = (85.6, 54.0)


def draw_text(img, draw, x, y, text, fnt, fill, max_w=None, anchor="ls"):
    """Draw text with left-baseline anchor; squeeze horizontally if wider than max_w.
    Returns the drawn width in px."""
    w = fnt.getlength(text)
    if max_w is None or w <= max_w:
        draw.text((x, y), text, font=fnt, fill=fill, anchor=anchor)
        return w
    l, t, rr, b = fnt.getbbox(text, anchor="ls")
    pad = 4
    mw, mh = int(rr - l) + 2 * pad, int(b - t) + 2 * pad
    m = Image.new("L", (mw, mh), 0)
    ImageDraw.Draw(m).text((pad - l, pad - t), text, font=fnt, fill=255, anchor="ls")
    nw = max(1, int(round(mw * max_w / w)))
    m = m.resize((nw, mh), Image.LANCZOS)
    col = Image.new("RGB", m.size, fill)
    img.paste(col, (int(round(x + (l - pad) * max_w / w)), int(round(y + t - pad))), m)
    return max_w


def fit_font(path, size, text, max_w, min_squeeze):
    """Largest font <= size for which text fits max_w with a squeeze >= min_squeeze."""
    s = size
    while s > 8:
        f = font(path, s)
        if f.getlength(text) * min_squeeze <= max_w:
            return f
        s -= max(1, int(s * 0.05))
    return font(path, s)


def draw_portrait(r, w, h, male, origin):
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    if r.random() < 0.55:
        top = (r.randint(185, 225), r.randint(20, 45), r.randint(25, 50))
    else:
        top = (r.randint(20, 60), r.randint(80, 130), r.randint(170, 225))
    for yy in range(h):
        t = yy / h
        c = tuple(int(top[k] * (1.0 - 0.18 * t)) for k in range(3))
        d.line([(0, yy), (w, yy)], fill=c)
    skin_base = r.choice([(224, 180, 150), (205, 160, 125), (180, 135, 100), (150, 105, 75), (120, 85, 60)])
    skin = tuple(max(0, min(255, c + r.randint(-12, 12))) for c in skin_base)
    shirt = r.choice([(245, 245, 245), (30, 30, 35), (40, 60, 110), (120, 30, 40), (90, 90, 95),
                      (200, 190, 160), (60, 100, 70), (150, 110, 60)])
    hijab = (not male) and origin in ("muslim", "sunda", "java_single") and r.random() < 0.6
    cx = w * (0.5 + r.uniform(-0.03, 0.03))
    hw = w * r.uniform(0.17, 0.21)
    hy0, hy1 = h * r.uniform(0.16, 0.22), h * r.uniform(0.62, 0.68)
    # shoulders / body
    d.ellipse([cx - w * 0.55, h * 0.74, cx + w * 0.55, h * 1.6], fill=shirt)
    if hijab:
        hc = r.choice([(230, 230, 225), (30, 30, 35), (150, 40, 60), (60, 90, 140), (200, 170, 130),
                       (90, 120, 80), (220, 150, 160)])
        d.ellipse([cx - w * 0.42, h * 0.62, cx + w * 0.42, h * 1.3], fill=hc)
        d.ellipse([cx - hw * 1.45, hy0 - h * 0.05, cx + hw * 1.45, hy1 + h * 0.12], fill=hc)
        d.ellipse([cx - hw * 0.92, hy0 + h * 0.07, cx + hw * 0.92, hy1], fill=skin)
    else:
        neck = tuple(int(c * 0.88) for c in skin)
        hair = r.choice([(20, 18, 18), (35, 28, 25), (50, 40, 35)]) if r.random() < 0.85 else (150, 150, 150)
        if not male:
            d.rounded_rectangle([cx - hw * 1.3, hy0 + h * 0.05, cx + hw * 1.3, h * r.uniform(0.78, 0.92)],
                                radius=int(hw * 0.5), fill=hair)
        d.rectangle([cx - hw * 0.5, hy1 - h * 0.08, cx + hw * 0.5, h * 0.8], fill=neck)
        if shirt != (245, 245, 245) and r.random() < 0.6:
            d.polygon([(cx - hw * 0.8, h * 0.76), (cx, h * 0.9), (cx + hw * 0.8, h * 0.76)],
                      fill=(240, 240, 240))
        d.polygon([(cx - hw * 0.5, h * 0.77), (cx, h * 0.86), (cx + hw * 0.5, h * 0.77)], fill=neck)
        d.ellipse([cx - hw * 1.05, hy0 - h * 0.02, cx + hw * 1.05, hy0 + (hy1 - hy0) * 0.65], fill=hair)
        d.ellipse([cx - hw, hy0 + h * 0.04, cx + hw, hy1], fill=skin)
        d.chord([cx - hw * 1.03, hy0 - h * 0.02, cx + hw * 1.03, hy0 + (hy1 - hy0) * 0.55], 180, 360, fill=hair)
        # ears
        d.ellipse([cx - hw * 1.12, (hy0 + hy1) / 2 - h * 0.04, cx - hw * 0.9, (hy0 + hy1) / 2 + h * 0.04], fill=skin)
        d.ellipse([cx + hw * 0.9, (hy0 + hy1) / 2 - h * 0.04, cx + hw * 1.12, (hy0 + hy1) / 2 + h * 0.04], fill=skin)
    # face features
    ey = hy0 + (hy1 - hy0) * 0.47
    dark = (40, 30, 28)
    for sx in (-1, 1):
        ex = cx + sx * hw * 0.42
        d.ellipse([ex - hw * 0.13, ey - hw * 0.06, ex + hw * 0.13, ey + hw * 0.06], fill=(235, 235, 230))
        d.ellipse([ex - hw * 0.07, ey - hw * 0.06, ex + hw * 0.07, ey + hw * 0.06], fill=dark)
        d.line([ex - hw * 0.2, ey - hw * 0.2, ex + hw * 0.18, ey - hw * 0.23], fill=dark, width=max(2, int(hw * 0.06)))
    ny = hy0 + (hy1 - hy0) * 0.68
    nc = tuple(int(c * 0.8) for c in skin)
    d.line([cx, ey + hw * 0.1, cx - hw * 0.08, ny, cx + hw * 0.06, ny], fill=nc, width=max(1, int(hw * 0.04)))
    my = hy0 + (hy1 - hy0) * 0.82
    d.arc([cx - hw * 0.3, my - hw * 0.15, cx + hw * 0.3, my + hw * 0.08], 20, 160,
          fill=(140, 70, 70), width=max(2, int(hw * 0.05)))
    im = im.filter(ImageFilter.GaussianBlur(max(1.0, w / 220.0)))
    return im


def catmull(points, n=16):
    out = []
    P = [points[0]] + points + [points[-1]]
    for i in range(1, len(P) - 2):
        p0, p1, p2, p3 = P[i - 1], P[i], P[i + 1], P[i + 2]
        for k in range(n):
            t = k / n
            t2, t3 = t * t, t * t * t
            x = 0.5 * ((2 * p1[0]) + (-p0[0] + p2[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2 +
                       (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3)
            y = 0.5 * ((2 * p1[1]) + (-p0[1] + p2[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2 +
                       (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3)
            out.append((x, y))
    out.append(points[-1])
    return out


def draw_card(r, nrng, fields, extra):
    W = r.randint(1600, 2000)
    H = int(round(W * CARD_MM[1] / CARD_MM[0]))
    s = W / CARD_MM[0]  # px per mm
    info = {"card_px": [W, H]}

    # ---- background colour gradient
    hue = r.choice(["blue", "blue", "cyan", "green"])
    if hue == "blue":
        c_top = np.array([r.randint(170, 205), r.randint(212, 232), r.randint(238, 252)], np.float32)
        c_bot = np.array([r.randint(125, 165), r.randint(185, 215), r.randint(222, 242)], np.float32)
    elif hue == "cyan":
        c_top = np.array([r.randint(180, 210), r.randint(228, 244), r.randint(238, 252)], np.float32)
        c_bot = np.array([r.randint(120, 160), r.randint(200, 222), r.randint(218, 238)], np.float32)
    else:
        c_top = np.array([r.randint(190, 215), r.randint(232, 246), r.randint(226, 242)], np.float32)
        c_bot = np.array([r.randint(140, 175), r.randint(208, 226), r.randint(200, 220)], np.float32)
    yy = np.linspace(0, 1, H, dtype=np.float32)[:, None, None]
    xx = np.linspace(0, 1, W, dtype=np.float32)[None, :, None]
    tmix = np.clip(yy * 0.8 + 0.2 * xx * r.uniform(-1, 1), 0, 1)
    base = c_top * (1 - tmix) + c_bot * tmix
    # subtle radial lighter zone (centre of security print)
    cxr, cyr = r.uniform(0.3, 0.6), r.uniform(0.4, 0.7)
    rad = np.sqrt((xx - cxr) ** 2 + ((yy - cyr) * 0.63) ** 2)
    base = base + (np.exp(-(rad / 0.25) ** 2) * r.uniform(4, 12)).astype(np.float32)
    card = Image.fromarray(np.clip(base, 0, 255).astype(np.uint8), "RGB")

    # ---- guilloche: overlapping sine-wave line families
    ov = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    od = ImageDraw.Draw(ov)
    nfam = r.randint(3, 6)
    xs = np.linspace(-10, W + 10, 360)
    for f in range(nfam):
        lam = r.uniform(0.12, 0.6) * W
        amp = r.uniform(0.015, 0.09) * H
        nlines = r.randint(14, 40)
        spacing = r.uniform(0.012, 0.04) * H
        phase0 = r.uniform(0, 2 * math.pi)
        dphase = r.uniform(0.05, 0.35)
        y0 = r.uniform(-0.1, 0.7) * H
        lum = r.choice([-1, 1])
        col = (int(c_bot[0] * 0.7), int(c_bot[1] * 0.8), int(c_bot[2] * 0.9)) if lum < 0 else (255, 255, 255)
        alpha = r.randint(40, 95) if lum < 0 else r.randint(70, 140)
        lw = max(1, int(round(s * r.uniform(0.05, 0.12))))
        mod_lam = r.uniform(0.5, 2.0) * W
        for k in range(nlines):
            ph = phase0 + k * dphase
            ys = y0 + k * spacing + amp * np.sin(2 * math.pi * xs / lam + ph) * \
                (0.6 + 0.4 * np.sin(2 * math.pi * xs / mod_lam + k * 0.1))
            od.line(list(zip(xs.tolist(), ys.tolist())), fill=col + (alpha,), width=lw)
    # rosette
    if r.random() < 0.8:
        rcx, rcy = r.uniform(0.25, 0.7) * W, r.uniform(0.3, 0.8) * H
        R0 = r.uniform(0.12, 0.22) * W
        petals = r.randint(6, 18)
        col = (int(c_bot[0] * 0.75), int(c_bot[1] * 0.85), int(c_bot[2] * 0.92), r.randint(25, 55))
        th = np.linspace(0, 2 * math.pi, 720)
        for k in range(r.randint(6, 14)):
            rr = R0 * (0.45 + 0.55 * k / 14) * (1 + 0.12 * np.sin(petals * th + k * 0.4))
            pts = list(zip((rcx + rr * np.cos(th)).tolist(), (rcy + rr * np.sin(th)).tolist()))
            od.line(pts, fill=col, width=max(1, int(s * 0.07)))
    # watermark: island chain map and round emblem
    q4 = 4.0
    wm = Image.new("RGBA", (int(W / q4), int(H / q4)), (0, 0, 0, 0))
    wd0 = ImageDraw.Draw(wm)

    class _Scaled:  # draw in full-card coordinates onto the quarter-size layer
        def ellipse(self, b, **k):
            if "width" in k:
                k["width"] = max(1, int(k["width"] / q4))
            wd0.ellipse([v / q4 for v in b], **k)

        def polygon(self, pts, **k):
            wd0.polygon([(x / q4, y / q4) for x, y in pts], **k)
    wd = _Scaled()
    wcol = (int(c_bot[0] * 0.8), int(c_bot[1] * 0.88), int(c_bot[2] * 0.95))
    wa = r.randint(22, 45)
    x = r.uniform(0.05, 0.15) * W
    ymap = r.uniform(0.35, 0.6) * H
    while x < r.uniform(0.75, 0.95) * W:
        iw = r.uniform(0.02, 0.12) * W
        ih = iw * r.uniform(0.25, 0.8)
        yc = ymap + 0.12 * H * math.sin(x / W * 3.0) + r.uniform(-0.05, 0.05) * H
        wd.ellipse([x, yc - ih / 2, x + iw, yc + ih / 2], fill=wcol + (wa,))
        x += iw * r.uniform(0.6, 1.3)
    if r.random() < 0.7:
        ecx, ecy = r.uniform(0.3, 0.55) * W, r.uniform(0.4, 0.65) * H
        er = r.uniform(0.09, 0.15) * W
        wd.ellipse([ecx - er, ecy - er, ecx + er, ecy + er], outline=wcol + (wa + 10,), width=max(2, int(s * 0.3)))
        pts = []
        for k in range(10):
            a = -math.pi / 2 + k * math.pi / 5
            rr = er * (0.8 if k % 2 == 0 else 0.35)
            pts.append((ecx + rr * math.cos(a), ecy + rr * math.sin(a)))
        wd.polygon(pts, fill=wcol + (wa,))
    wm = wm.filter(ImageFilter.GaussianBlur(s * 0.15 / q4)).resize((W, H), Image.BILINEAR)
    card = card.convert("RGBA")
    card.alpha_composite(wm)
    card.alpha_composite(ov)
    # micro text
    if r.random() < 0.5:
        mt = Image.new("RGBA", (W, H), (0, 0, 0, 0))
        md = ImageDraw.Draw(mt)
        fpath = FONT_FAMILIES["LiberationSans"][0]
        mf = font(fpath, max(8, int(s * 0.9)))
        txt = ("REPUBLIK INDONESIA " * 20)
        a = r.randint(18, 35)
        for yv in np.arange(r.uniform(0, 6) * s, H, r.uniform(5.5, 9) * s):
            md.text((-r.uniform(0, 30 * s), yv), txt, font=mf, fill=wcol + (a,))
        card.alpha_composite(mt)
    card = card.convert("RGB")
    draw = ImageDraw.Draw(card)

    # ---- typography
    fam = r.choice(list(FONT_FAMILIES.keys()))
    freg, fbold = FONT_FAMILIES[fam][0], FONT_FAMILIES[fam][1]
    lab_fam = fam if r.random() < 0.8 else r.choice(list(FONT_FAMILIES.keys()))
    flab = FONT_FAMILIES[lab_fam][0]
    info["font"] = fam
    info["label_font"] = lab_fam
    ink = (r.randint(10, 40),) * 3
    ink = (ink[0], ink[1], ink[2] + r.randint(0, 15))
    jit = lambda: r.uniform(0.85, 1.15)

    # photo area
    ph_w = r.uniform(19.0, 21.5) * s
    ph_h = ph_w * r.uniform(1.22, 1.32)
    ph_x = W - r.uniform(3.2, 4.8) * s - ph_w
    ph_y = r.uniform(11.0, 13.0) * s

    # header
    hsize = 2.75 * s * jit()
    fh = font(fbold, hsize)
    prov_line = "PROVINSI " + fields["provinsi"]
    kab_line = fields["kabupaten_kota"]
    hy1 = r.uniform(4.2, 5.0) * s
    hy2 = hy1 + hsize * r.uniform(1.1, 1.3)
    for txt, yv in ((prov_line, hy1), (kab_line, hy2)):
        fhh = fit_font(fbold, hsize, txt, W * 0.9, 1.0)
        wv = fhh.getlength(txt)
        draw.text((W / 2 - wv / 2 + r.uniform(-0.3, 0.3) * s, yv), txt, font=fhh, fill=ink, anchor="ls")

    # rows
    label_x = r.uniform(2.3, 3.6) * s
    colon_frac = 0.265 + r.uniform(-0.08, 0.08)
    colon_x = colon_frac * W
    info["colon_x_frac"] = round(colon_frac, 3)
    gap = r.uniform(0.5, 1.0) * s
    val_x = colon_x + gap + 0.4 * s
    val_max = ph_x - r.uniform(1.0, 2.0) * s - val_x

    nik_size = 3.3 * s * jit()
    row_font = 2.15 * s * jit()
    lab_font = row_font * r.uniform(0.92, 1.05)
    pitch = 2.78 * s * jit()

    addr_two = r.random() < 0.3
    alamat = make_address(r, extra["origin"], addr_two)
    fields["alamat"] = alamat
    fval = font(freg, row_font)
    addr_lines = [alamat]
    if addr_two or fval.getlength(alamat) > val_max * 1.25:
        words = alamat.split(" ")
        if len(words) >= 2:
            best = None
            for k in range(1, len(words)):
                a, b = " ".join(words[:k]), " ".join(words[k:])
                la, lb = fval.getlength(a), fval.getlength(b)
                score = max(la, lb) + (0 if la >= lb else 0.15 * la)
                if best is None or score < best[0]:
                    best = (score, a, b)
            if addr_two or best[0] < fval.getlength(alamat):
                addr_lines = [best[1], best[2]]
    info["address_two_lines"] = len(addr_lines) == 2

    nik_y = ph_y + r.uniform(-0.5, 1.2) * s + nik_size * 0.72
    n_rows = 12 + (len(addr_lines) - 1)
    first_y = nik_y + max(nik_size * 0.7 + pitch * 0.35, pitch * r.uniform(1.05, 1.3))
    bottom = 52.6 * s
    if first_y + (n_rows - 1) * pitch > bottom:
        pitch = (bottom - first_y) / (n_rows - 1)
    row_font = min(row_font, pitch * 0.86)
    lab_font = min(lab_font, pitch * 0.86)
    info["row_pitch_mm"] = round(pitch / s, 3)
    info["font_mm"] = round(row_font / s, 3)

    lab_variants = {
        "ttl": r.choice(["Tempat/Tgl Lahir", "Tempat/Tgl. Lahir", "Tempat/Tgl Lahir"]),
        "kel": r.choice(["Kel/Desa", "Kel / Desa", "Kel/Desa"]),
        "gol": r.choice(["Gol. Darah", "Gol Darah"]),
    }
    labels = ["Nama", lab_variants["ttl"], "Jenis Kelamin", "Alamat", "RT/RW", lab_variants["kel"],
              "Kecamatan", "Agama", "Status Perkawinan", "Pekerjaan", "Kewarganegaraan", "Berlaku Hingga"]
    indent = r.choice([0.0, 0.0, r.uniform(1.0, 2.5)]) * s  # sub-rows of Alamat indented on some cards
    lab_max = colon_x - label_x - 0.4 * s
    longest = max(labels, key=lambda t: font(flab, lab_font).getlength(t))
    flabel = fit_font(flab, lab_font, longest, lab_max, 0.82)
    lab_squeeze_max = lab_max
    colon_font = font(freg, row_font)

    def label_row(y, text, sub=False):
        x0 = label_x + (indent if sub else 0)
        draw_text(card, draw, x0, y, text, flabel, ink, max_w=lab_squeeze_max - (indent if sub else 0))
        draw.text((colon_x, y), ":", font=colon_font, fill=ink, anchor="ls")

    def value(y, text, x=None, max_w=None):
        xv = val_x if x is None else x
        mw = val_max if max_w is None else max_w
        f = fit_font(freg, row_font, text, mw, 0.72)
        return draw_text(card, draw, xv, y, text, f, ink, max_w=mw)

    boxes = {}
    # NIK
    fnik_lab = font(fbold if r.random() < 0.6 else freg, nik_size * r.uniform(0.8, 1.0))
    draw.text((label_x, nik_y), "NIK", font=fnik_lab, fill=ink, anchor="ls")
    fnik = font(fbold, nik_size)
    draw.text((colon_x, nik_y), ":", font=fnik, fill=ink, anchor="ls")
    nik_x = val_x + r.uniform(0, 1.0) * s
    nik_text = fields["nik"]
    if r.random() < 0.3:
        nik_text_draw = nik_text
        nw = draw_text(card, draw, nik_x, nik_y, nik_text_draw, fnik, ink, max_w=val_max)
    else:
        nw = draw_text(card, draw, nik_x, nik_y, nik_text, fnik, ink, max_w=val_max)
    boxes["nik"] = (nik_x, nik_y - nik_size * 0.8, nik_x + nw, nik_y + nik_size * 0.1)

    y = first_y
    rowy = {}
    ttl_val = "%s, %s" % (fields["tempat_lahir"], "-".join(reversed(fields["tanggal_lahir"].split("-"))))
    order = ["nama", "ttl", "jk", "alamat", "rtrw", "kel", "kec", "agama", "status", "pekerjaan", "wn", "berlaku"]
    vals = {"nama": fields["nama"], "ttl": ttl_val, "jk": fields["jenis_kelamin"],
            "rtrw": fields["rt_rw"], "kel": fields["kel_desa"], "kec": fields["kecamatan"],
            "agama": fields["agama"], "status": fields["status_perkawinan"],
            "pekerjaan": fields["pekerjaan"], "wn": fields["kewarganegaraan"], "berlaku": fields["berlaku_hingga"]}
    for key, lab in zip(order, labels):
        sub = key in ("rtrw", "kel", "kec")
        label_row(y, lab, sub)
        rowy[key] = y
        if key == "alamat":
            for li, line in enumerate(addr_lines):
                value(y, line)
                if li < len(addr_lines) - 1:
                    y += pitch
        elif key == "jk":
            vw = value(y, vals[key], max_w=val_max * 0.5)
            gol_lab = lab_variants["gol"]
            gx = max(val_x + vw + r.uniform(2.0, 4.0) * s, val_x + val_max * r.uniform(0.44, 0.52))
            fg = flabel
            gl_w = fg.getlength(gol_lab)
            rest = fg.getlength(" : AB")
            if gx + gl_w + rest > val_x + val_max:
                gx = max(val_x + vw + 1.2 * s, val_x + val_max - gl_w - rest)
            draw_text(card, draw, gx, y, gol_lab, fg, ink, max_w=max(10, val_x + val_max - gx - rest))
            gx2 = gx + min(gl_w, val_x + val_max - gx - rest) + 0.6 * s
            draw.text((gx2, y), ":", font=colon_font, fill=ink, anchor="ls")
            draw.text((gx2 + colon_font.getlength(": "), y), fields["golongan_darah"],
                      font=font(freg, row_font), fill=ink, anchor="ls")
        else:
            vw = value(y, vals[key])
            if key in ("nama", "ttl"):
                boxes[key] = (val_x, y - row_font * 0.78, val_x + vw, y + row_font * 0.1)
        y += pitch

    # photo, issue place/date, signature
    pim = draw_portrait(r, int(ph_w), int(ph_h), extra["male"], extra["origin"])
    card.paste(pim, (int(ph_x), int(ph_y)))
    fsm = font(freg, row_font * r.uniform(0.85, 1.0))
    pcx = ph_x + ph_w / 2
    iy1 = ph_y + ph_h + r.uniform(2.4, 3.2) * s
    for txt, yv in ((extra["issue_place"], iy1), (extra["issue_date"], iy1 + pitch * r.uniform(0.85, 1.0))):
        ff = fit_font(freg, fsm.size, txt, ph_w * 1.25, 1.0)
        draw.text((pcx - ff.getlength(txt) / 2, yv), txt, font=ff, fill=ink, anchor="ls")
    sy0 = iy1 + pitch * 1.3
    sy1 = min(H - 1.8 * s, sy0 + 6 * s)
    npts = r.randint(6, 12)
    pts = []
    amp = (sy1 - sy0) * r.uniform(0.25, 0.5)
    ymid = (sy0 + sy1) / 2
    xs0, xs1 = ph_x + ph_w * r.uniform(0.05, 0.25), ph_x + ph_w * r.uniform(0.75, 0.95)
    for k in range(npts):
        t = k / (npts - 1)
        x = xs0 + (xs1 - xs0) * t + r.uniform(-0.06, 0.06) * ph_w
        y = ymid + amp * math.sin(t * r.uniform(3, 9) + r.uniform(-0.5, 0.5)) * r.uniform(0.4, 1.0)
        pts.append((x, y))
    sig = catmull(pts, 12)
    scol = r.choice([(20, 20, 30), (20, 30, 90), (40, 40, 50)])
    draw.line(sig, fill=scol, width=max(2, int(s * r.uniform(0.15, 0.25))), joint="curve")
    if r.random() < 0.5:
        yl = ymid + amp * r.uniform(0.6, 1.2)
        xa = xs0 + r.uniform(0, 0.3) * (xs1 - xs0)
        draw.line([(xa, yl), (xa + (xs1 - xs0) * r.uniform(0.3, 0.7), yl + r.uniform(-0.6, 0.6) * s)], fill=scol,
                  width=max(2, int(s * 0.15)))

    arr = np.asarray(card).astype(np.float32)
    # faded / yellowed
    if r.random() < 0.15:
        amt = r.uniform(0.08, 0.3)
        yel = np.array([235, 222, 180], np.float32)
        arr = arr * (1 - amt) + yel * amt
        info["yellowed"] = round(amt, 3)
    if r.random() < 0.12:
        fade = r.uniform(0.1, 0.3)
        arr = arr * (1 - fade) + 235 * fade
        info["faded"] = round(fade, 3)

    # rounded-corner mask (antialiased)
    rad = 3.18 * s * r.uniform(0.85, 1.15)
    ss = 4
    m = Image.new("L", (W // ss * ss // ss * 1, H // ss * 1), 0)
    mbig = Image.new("L", (W, H), 0)
    ImageDraw.Draw(mbig).rounded_rectangle([0, 0, W - 1, H - 1], radius=int(rad), fill=255)
    mask = np.asarray(mbig.filter(ImageFilter.GaussianBlur(0.8))).astype(np.float32) / 255.0
    # edge rim (card thickness / lamination edge)
    rim = mask - cv2.erode(mask, np.ones((3, 3), np.uint8), iterations=max(1, int(s * 0.1)))
    rim_col = np.array([r.randint(150, 235)] * 3, np.float32)
    arr = arr * (1 - rim[..., None] * 0.6) + rim_col * rim[..., None] * 0.6
    return np.clip(arr, 0, 255).astype(np.uint8), mask, boxes, s, info


# ----------------------------------------------------------------------------------------------
# Backgrounds
# ----------------------------------------------------------------------------------------------

def fbm(nrng, h, w, base=4, octaves=4, persistence=0.5):
    out = np.zeros((h, w), np.float32)
    amp, tot = 1.0, 0.0
    aspect = w / max(1, h)
    for o in range(octaves):
        gh = int(base * 2 ** o) + 2
        gw = int(base * 2 ** o * aspect) + 2
        g = nrng.random((gh, gw), dtype=np.float32)
        out += amp * cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
        tot += amp
        amp *= persistence
    return out / tot


def rotate_crop(img, angle, w, h):
    D = img.shape[0]
    M = cv2.getRotationMatrix2D((D / 2, D / 2), angle, 1.0)
    M[0, 2] += w / 2 - D / 2
    M[1, 2] += h / 2 - D / 2
    return cv2.warpAffine(img, M, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)


def bg_wood(r, nrng, w, h):
    D = int(math.ceil(math.hypot(w, h))) + 4
    palettes = [((205, 165, 115), (150, 105, 62)), ((122, 80, 52), (72, 46, 29)), ((165, 92, 62), (105, 55, 38)),
                ((182, 172, 160), (128, 118, 108)), ((226, 214, 194), (188, 170, 146)), ((192, 142, 92), (132, 88, 52)),
                ((214, 180, 140), (170, 128, 88))]
    light, dark = [np.array(c, np.float32) for c in r.choice(palettes)]
    k = D / 1000.0
    yy = np.arange(D, dtype=np.float32)[:, None]
    stretch = r.uniform(4, 10)
    sw = max(8, int(D / stretch))
    # slow warp, stretched along the grain (x)
    warp = cv2.resize(fbm(nrng, D, sw, base=3, octaves=4), (D, D), interpolation=cv2.INTER_LINEAR) - 0.5
    period = r.uniform(8, 26) * k
    rings = 0.5 + 0.5 * np.sin(2 * math.pi * (yy + warp * period * r.uniform(3, 9)) / period)
    rings = rings ** r.uniform(1.5, 4)
    # fine pores / streaks: random along y, very smooth along x
    fine = cv2.resize(nrng.random((D, max(3, D // 120)), dtype=np.float32), (D, D), interpolation=cv2.INTER_LINEAR)
    mid = cv2.resize(nrng.random((max(8, D // 6), max(3, D // 200)), dtype=np.float32), (D, D),
                     interpolation=cv2.INTER_CUBIC)
    t = 0.38 * rings + 0.22 * fine + 0.4 * mid
    # planks with end joints
    pw = r.uniform(0.12, 0.4) * D
    plank = np.floor(yy / pw)
    poff = ((np.sin(plank * 12.9898 + r.uniform(0, 100)) * 43758.5453) % 1.0).astype(np.float32)
    t = np.clip(t * 0.85 + (poff - 0.5) * 0.3 + 0.08, 0, 1)
    img = light[None, None, :] * (1 - t[..., None]) + dark[None, None, :] * t[..., None]
    gapw = max(1.0, 1.2 * k)
    gap = np.clip(1.0 - np.abs(((yy + pw / 2) % pw) - pw / 2) / gapw, 0, 1)
    img *= (1 - 0.55 * gap)[..., None] * np.ones((1, D, 1), np.float32)
    if r.random() < 0.6:
        d = ImageDraw.Draw(jm := Image.new("L", (D, D), 0))
        for pi in range(int(D / pw) + 2):
            x = r.uniform(0, D)
            while x < D:
                d.line([(x, pi * pw), (x, (pi + 1) * pw)], fill=150, width=max(1, int(gapw)))
                x += r.uniform(0.6, 1.6) * D
        img *= (1 - np.asarray(jm, np.float32)[..., None] / 255.0 * 0.5)
    img = rotate_crop(img, r.uniform(0, 180), w, h)
    return img, "wood"


def cloth_folds(r, nrng, h, w, strength):
    """Soft elongated folds: a few warped sine ridges plus a gentle low-frequency shading."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = r.uniform(0, math.pi)
    u = (xx * math.cos(ang) + yy * math.sin(ang)) / max(h, w)
    warp = fbm(nrng, h, w, base=1.5, octaves=2)
    lam = r.uniform(0.12, 0.35)
    ridge = np.sin(2 * math.pi * (u / lam + 1.2 * warp))
    env = fbm(nrng, h, w, base=1.5, octaves=2)
    sh = 1.0 + strength * 0.12 * ridge * (0.3 + env) + 0.08 * (fbm(nrng, h, w, base=1.5, octaves=2) - 0.5)
    return np.clip(sh, 0.75, 1.15).astype(np.float32)


def weave(r, h, w, period, angle):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ca, sa = math.cos(angle), math.sin(angle)
    u = xx * ca + yy * sa
    v = -xx * sa + yy * ca
    chk = (np.floor(u / period) + np.floor(v / period)) % 2
    cu = 0.5 + 0.5 * np.cos(2 * math.pi * v / period)
    cv_ = 0.5 + 0.5 * np.cos(2 * math.pi * u / period)
    return (chk * cu + (1 - chk) * cv_).astype(np.float32), u, v


def bg_cloth(r, nrng, w, h):
    col = np.array(r.choice([(236, 236, 230), (235, 205, 210), (190, 210, 235), (175, 175, 180), (45, 55, 95),
                             (120, 35, 45), (225, 210, 180), (150, 180, 150), (240, 230, 200), (90, 90, 95)]), np.float32)
    period = r.uniform(2.5, 6.0)
    wv, u, v = weave(r, h, w, period, r.uniform(0, math.pi))
    img = col[None, None, :] * (0.84 + 0.16 * wv[..., None])
    if r.random() < 0.3:  # printed stripes on the sheet
        sp = r.uniform(30, 120)
        stripe = ((u % sp) < sp * r.uniform(0.2, 0.5)).astype(np.float32)
        sc = np.array([r.randint(60, 230) for _ in range(3)], np.float32)
        stripe = cv2.GaussianBlur(stripe, (0, 0), 1.0)
        img = img * (1 - 0.6 * stripe[..., None]) + sc * 0.6 * stripe[..., None] * (0.84 + 0.16 * wv[..., None])
    img = img * cloth_folds(r, nrng, h, w, r.uniform(0.3, 1.0))[..., None]
    return img, "cloth"


def bg_tablecloth(r, nrng, w, h):
    kind = r.choice(["gingham", "stripes", "dots", "floral", "floral"])
    ang = r.uniform(0, math.pi)
    wv, u, v = weave(r, h, w, r.uniform(2.5, 4.5), ang)
    white = np.array([r.randint(230, 250), r.randint(228, 248), r.randint(220, 240)], np.float32)
    colc = np.array(r.choice([(190, 30, 40), (30, 70, 160), (40, 130, 70), (30, 30, 35), (230, 150, 40),
                              (120, 50, 130), (230, 110, 140)]), np.float32)
    if kind == "gingham":
        q = r.uniform(12, 45)
        sx = ((u % (2 * q)) < q).astype(np.float32)
        sy = ((v % (2 * q)) < q).astype(np.float32)
        m = 0.5 * (sx + sy)
        m = cv2.GaussianBlur(m, (0, 0), 0.8)
        img = white * (1 - m[..., None]) + colc * m[..., None]
        img = img * (0.86 + 0.14 * wv[..., None])
    elif kind == "stripes":
        q = r.uniform(10, 60)
        m = ((u % (2 * q)) < q * r.uniform(0.3, 1.0)).astype(np.float32)
        m = cv2.GaussianBlur(m, (0, 0), 0.8)
        img = white * (1 - m[..., None]) + colc * m[..., None]
        img = img * (0.86 + 0.14 * wv[..., None])
    else:
        bgc = tuple(int(c) for c in (colc if r.random() < 0.5 else white))
        pim = Image.new("RGB", (w, h), bgc)
        d = ImageDraw.Draw(pim)
        if kind == "dots":
            q = r.uniform(25, 70)
            rad = q * r.uniform(0.12, 0.3)
            dc = tuple(int(c) for c in (white if bgc != tuple(int(c) for c in white) else colc))
            for yi in np.arange(-q, h + q, q):
                for xi in np.arange(-q, w + q, q):
                    ox = q / 2 if int(yi / q) % 2 else 0
                    d.ellipse([xi + ox - rad, yi - rad, xi + ox + rad, yi + rad], fill=dc)
        else:
            nfl = int(w * h / r.uniform(5000, 15000))
            pal = [tuple(r.randint(30, 250) for _ in range(3)) for _ in range(4)]
            leaf = (r.randint(20, 80), r.randint(90, 150), r.randint(30, 80))
            for _ in range(nfl):
                x, y = r.uniform(0, w), r.uniform(0, h)
                R = r.uniform(8, 30)
                c = r.choice(pal)
                for k in range(2):
                    a = r.uniform(0, 6.28)
                    d.ellipse([x + math.cos(a) * R * 1.3 - R * 0.5, y + math.sin(a) * R * 1.3 - R * 0.25,
                               x + math.cos(a) * R * 1.3 + R * 0.5, y + math.sin(a) * R * 1.3 + R * 0.25], fill=leaf)
                npet = r.randint(4, 7)
                for k in range(npet):
                    a = k * 2 * math.pi / npet
                    px, py = x + math.cos(a) * R * 0.55, y + math.sin(a) * R * 0.55
                    d.ellipse([px - R * 0.45, py - R * 0.45, px + R * 0.45, py + R * 0.45], fill=c)
                d.ellipse([x - R * 0.25, y - R * 0.25, x + R * 0.25, y + R * 0.25], fill=(240, 210, 60))
        img = np.asarray(pim.filter(ImageFilter.GaussianBlur(0.7))).astype(np.float32)
        if r.random() < 0.5:  # vinyl: no weave, glossy
            img = img * (0.97 + 0.03 * wv[..., None])
        else:
            img = img * (0.87 + 0.13 * wv[..., None])
    img = img * cloth_folds(r, nrng, h, w, r.uniform(0.1, 0.6))[..., None]
    return img, "tablecloth_" + kind


def bg_desk(r, nrng, w, h):
    col = np.array(r.choice([(232, 232, 228), (210, 210, 208), (120, 120, 124), (60, 60, 64), (35, 35, 38),
                             (220, 205, 180), (200, 185, 160), (180, 200, 215), (240, 240, 240), (95, 80, 70)]),
                   np.float32)
    col = col * r.uniform(0.92, 1.05)
    low = fbm(nrng, h, w, base=2, octaves=3)
    img = col[None, None, :] * (0.94 + 0.12 * low[..., None])
    speck = nrng.standard_normal((h, w), dtype=np.float32) * r.uniform(1.5, 5.0)
    speck = cv2.GaussianBlur(speck, (0, 0), r.uniform(0.5, 1.2))
    img = img + speck[..., None]
    return img, "desk"


def make_background(r, nrng, W, H):
    kind = r.choices(["wood", "cloth", "tablecloth", "desk"], [0.3, 0.25, 0.25, 0.2])[0]
    scale = 0.5 if kind in ("cloth", "tablecloth") else 0.33
    w, h = max(64, int(W * scale)), max(64, int(H * scale))
    fn = {"wood": bg_wood, "cloth": bg_cloth, "tablecloth": bg_tablecloth, "desk": bg_desk}[kind]
    img, name = fn(r, nrng, w, h)
    return np.ascontiguousarray(img, dtype=np.float32), name


# ----------------------------------------------------------------------------------------------
# Photo
# ----------------------------------------------------------------------------------------------

def glare_field(w, h, cx, cy, a, b, ang):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ca, sa = math.cos(ang), math.sin(ang)
    dx, dy = xx - cx, yy - cy
    u = (dx * ca + dy * sa) / a
    v = (-dx * sa + dy * ca) / b
    d2 = u * u + v * v
    return d2


def apply_glare(r, card, boxes, s):
    h, w = card.shape[:2]
    for attempt in range(60):
        a = r.uniform(0.1, 0.28) * w * (0.6 if attempt >= 30 else 1.0)
        b = a * r.uniform(0.35, 0.8)
        ang = r.uniform(0, math.pi)
        cx = r.uniform(0.05, 0.95) * w
        cy = r.uniform(0.05, 0.95) * h
        ok = True
        for key in ("nik", "nama", "ttl"):
            x0, y0, x1, y1 = boxes[key]
            gx, gy = np.meshgrid(np.linspace(x0, x1, 24), np.linspace(y0, y1, 5))
            ca, sa = math.cos(ang), math.sin(ang)
            u = ((gx - cx) * ca + (gy - cy) * sa) / a
            v = (-(gx - cx) * sa + (gy - cy) * ca) / b
            if np.min(u * u + v * v) < 1.6:  # intensity there would exceed ~0.25
                ok = False
                break
        if ok:
            break
    else:
        return card, None
    strength = r.uniform(0.75, 1.0)
    d2 = glare_field(w, h, cx, cy, a, b, ang)
    core = np.exp(-d2 * 0.9)
    g = strength * np.clip(core * 1.25, 0, 1) + 0.12 * np.exp(-d2 * 0.12)
    g = np.clip(g, 0, 1)[..., None]
    tint = np.array([255, 255, r.uniform(240, 255)], np.float32)
    out = card.astype(np.float32) * (1 - g) + tint * g
    return out, {"center": [round(cx / w, 3), round(cy / h, 3)], "axes_frac": [round(a / w, 3), round(b / w, 3)],
                 "strength": round(strength, 3)}


def project_card(r, cw, ch, target_w, FW, FH, focal):
    rot = math.radians(r.uniform(-20, 20))
    tx = math.radians(r.uniform(-18, 18))
    ty = math.radians(r.uniform(-18, 18))
    pts = np.array([[-cw / 2, -ch / 2, 0], [cw / 2, -ch / 2, 0], [cw / 2, ch / 2, 0], [-cw / 2, ch / 2, 0]],
                   np.float64)
    Rz = np.array([[math.cos(rot), -math.sin(rot), 0], [math.sin(rot), math.cos(rot), 0], [0, 0, 1]])
    Rx = np.array([[1, 0, 0], [0, math.cos(tx), -math.sin(tx)], [0, math.sin(tx), math.cos(tx)]])
    Ry = np.array([[math.cos(ty), 0, math.sin(ty)], [0, 1, 0], [-math.sin(ty), 0, math.cos(ty)]])
    P = pts @ (Ry @ Rx @ Rz).T
    Z = focal * cw / target_w
    proj = np.stack([focal * P[:, 0] / (Z + P[:, 2]), focal * P[:, 1] / (Z + P[:, 2])], 1)
    return proj, math.degrees(rot), math.degrees(tx), math.degrees(ty)


def disk_kernel(radius):
    R = int(math.ceil(radius)) + 1
    yy, xx = np.mgrid[-R:R + 1, -R:R + 1].astype(np.float32)
    k = np.clip(radius + 0.5 - np.sqrt(xx * xx + yy * yy), 0, 1)
    return k / k.sum()


def render_one(seed, i):
    r = random.Random("ktp-b-%d-%d" % (seed, i))
    nrng = np.random.default_rng([seed, i, 7031])
    fields, extra = make_fields(r)
    card, mask, boxes, s, cinfo = draw_card(r, nrng, fields, extra)
    effects = {"card": cinfo}

    # frame
    L = r.randint(1280, 4000)
    aspect = r.choices([4 / 3, 16 / 9, 3 / 2], [0.6, 0.25, 0.15])[0]
    portrait = r.random() < 0.28
    if portrait:
        FH, FW = L, int(round(L / aspect))
    else:
        FW, FH = L, int(round(L / aspect))
    fill = r.uniform(0.5, 0.95) if portrait else r.uniform(0.3, 0.9)
    min_card = 700
    target_w = max(fill * FW, min_card)
    focal = max(FW, FH) * r.uniform(0.75, 1.3)
    ch, cw = card.shape[:2]
    proj, rot, tx, ty = project_card(r, cw, ch, target_w, FW, FH, focal)
    # fit in frame with margin
    for _ in range(20):
        ext = proj.max(0) - proj.min(0)
        if ext[0] <= FW * 0.97 and ext[1] <= FH * 0.97:
            break
        proj *= 0.93
    ext = proj.max(0) - proj.min(0)
    ox = r.uniform(0, max(0.0, FW - ext[0])) - proj[:, 0].min()
    oy = r.uniform(0, max(0.0, FH - ext[1])) - proj[:, 1].min()
    # bias towards centre
    cxm, cym = FW / 2 - (proj[:, 0].max() + proj[:, 0].min()) / 2, FH / 2 - (proj[:, 1].max() + proj[:, 1].min()) / 2
    k = r.uniform(0.3, 1.0)
    ox, oy = ox * (1 - k) + cxm * k, oy * (1 - k) + cym * k
    dst = proj + np.array([ox, oy])
    card_w_px = float(np.linalg.norm(dst[1] - dst[0]))
    effects.update({"frame": [FW, FH], "fill": round(card_w_px / FW, 3), "rotation": round(rot, 2),
                    "tilt_x": round(tx, 2), "tilt_y": round(ty, 2), "focal_px": int(focal)})

    # pre-scale the card near output size (antialiasing)
    scale = min(1.0, card_w_px * 1.15 / cw)
    if scale < 0.95:
        nw, nh = int(cw * scale), int(ch * scale)
        card_s = cv2.resize(card, (nw, nh), interpolation=cv2.INTER_AREA)
        mask_s = cv2.resize(mask, (nw, nh), interpolation=cv2.INTER_AREA)
        boxes_s = {k: tuple(v * scale for v in b) for k, b in boxes.items()}
    else:
        card_s, mask_s, boxes_s = card, mask, boxes
        scale = 1.0
    card_f = card_s.astype(np.float32)

    # glare on the glossy card
    glare = None
    if r.random() < 0.4:
        card_f, glare = apply_glare(r, card_f, boxes_s, s * scale)
    effects["glare"] = glare

    # card gloss / shading gradient
    hs, ws = card_f.shape[:2]
    gx = np.linspace(-1, 1, ws, dtype=np.float32)[None, :]
    gy = np.linspace(-1, 1, hs, dtype=np.float32)[:, None]
    ga = r.uniform(0, 2 * math.pi)
    shade = 1.0 + r.uniform(0, 0.08) * (gx * math.cos(ga) + gy * math.sin(ga))
    card_f = card_f * shade[..., None]

    src = np.array([[0, 0], [ws, 0], [ws, hs], [0, hs]], np.float32)
    Hm = cv2.getPerspectiveTransform(src, dst.astype(np.float32))

    # ---- lighting field at low resolution: gradient + vignette + optional phone/hand shadow
    lw, lh = max(16, FW // 16), max(16, FH // 16)
    ly, lx = np.mgrid[0:lh, 0:lw].astype(np.float32)
    lx, ly = lx / lw - 0.5, ly / lh - 0.5
    la = r.uniform(0, 2 * math.pi)
    grad_amt = r.uniform(0, 0.35)
    light = 1.0 + grad_amt * (lx * math.cos(la) + ly * math.sin(la))
    vig = r.uniform(0, 0.4)
    light *= 1.0 - vig * (lx * lx + ly * ly) * 2.0
    occ = None
    if r.random() < 0.3:
        om = Image.new("L", (lw, lh), 0)
        od = ImageDraw.Draw(om)
        side = r.choice(["l", "r", "t", "b"])
        depth = r.uniform(0.15, 0.45)
        if side in ("l", "r"):
            xe = depth * lw if side == "l" else (1 - depth) * lw
            xs = -lw if side == "l" else 2 * lw
            od.polygon([(xs, r.uniform(-0.5, 0.3) * lh), (xe, r.uniform(-0.2, 0.4) * lh),
                        (xe + r.uniform(-0.1, 0.1) * lw, r.uniform(0.6, 1.2) * lh), (xs, 1.5 * lh)], fill=255)
        else:
            ye = depth * lh if side == "t" else (1 - depth) * lh
            ys = -lh if side == "t" else 2 * lh
            od.polygon([(r.uniform(-0.5, 0.3) * lw, ys), (r.uniform(-0.2, 0.4) * lw, ye),
                        (r.uniform(0.6, 1.2) * lw, ye + r.uniform(-0.1, 0.1) * lh), (1.5 * lw, ys)], fill=255)
        om = om.filter(ImageFilter.GaussianBlur(max(lw, lh) * r.uniform(0.02, 0.06)))
        ostr = r.uniform(0.2, 0.45)
        light *= 1.0 - ostr * np.asarray(om, np.float32) / 255.0
        occ = {"side": side, "strength": round(ostr, 2)}
    light = light.astype(np.float32)
    effects["lighting"] = {"gradient": round(grad_amt, 3), "vignette": round(vig, 3)}
    effects["occluder_shadow"] = occ

    # ---- background (generated at reduced resolution, lit, upscaled)
    bg_small, bgname = make_background(r, nrng, FW, FH)
    bh, bw = bg_small.shape[:2]
    bg_small *= cv2.resize(light, (bw, bh), interpolation=cv2.INTER_LINEAR)[..., None]
    bg = cv2.resize(np.clip(bg_small, 0, 255).astype(np.uint8), (FW, FH), interpolation=cv2.INTER_LINEAR)
    effects["background"] = bgname

    # ---- composite the card inside its ROI
    pad = int(card_w_px * 0.08) + 8
    x0 = max(0, int(dst[:, 0].min()) - pad)
    y0 = max(0, int(dst[:, 1].min()) - pad)
    x1 = min(FW, int(dst[:, 0].max()) + pad + 1)
    y1 = min(FH, int(dst[:, 1].max()) + pad + 1)
    T = np.array([[1, 0, -x0], [0, 1, -y0], [0, 0, 1]], np.float64)
    Hr = T @ Hm
    rw, rh = x1 - x0, y1 - y0
    wc = cv2.warpPerspective(card_f, Hr, (rw, rh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    wm = cv2.warpPerspective(mask_s, Hr, (rw, rh), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT)
    # light field for the ROI (sampled from the low-res field)
    Ml = np.float32([[lw / FW, 0, (x0 + 0.5) * lw / FW - 0.5], [0, lh / FH, (y0 + 0.5) * lh / FH - 0.5]])
    lroi = cv2.warpAffine(light, Ml, (rw, rh), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_REPLICATE)
    # soft contact shadow (blurred at reduced resolution)
    sblur = card_w_px * r.uniform(0.004, 0.015)
    sdx, sdy = card_w_px * r.uniform(-0.01, 0.01), card_w_px * r.uniform(0.0, 0.012)
    f = max(1.0, sblur / 3.0)
    sw, shh = max(4, int(rw / f)), max(4, int(rh / f))
    small = cv2.resize(wm, (sw, shh), interpolation=cv2.INTER_AREA)
    Ms = np.float32([[1, 0, sdx * sw / rw], [0, 1, sdy * shh / rh]])
    small = cv2.warpAffine(small, Ms, (sw, shh))
    small = cv2.GaussianBlur(small, (0, 0), max(0.5, sblur * sw / rw))
    sh = cv2.resize(small, (rw, rh), interpolation=cv2.INTER_LINEAR)
    sstr = r.uniform(0.25, 0.55)
    roi = bg[y0:y1, x0:x1].astype(np.float32)
    roi *= (1 - sstr * sh)[..., None]
    wm3 = wm[..., None]
    roi = roi * (1 - wm3) + wc * (lroi[..., None] * wm3)
    bg[y0:y1, x0:x1] = np.clip(roi, 0, 255).astype(np.uint8)
    effects["shadow"] = {"blur": round(sblur, 1), "strength": round(sstr, 2)}

    # ---- exposure, contrast, white balance, gamma as one per-channel LUT
    bright = r.uniform(0.7, 1.25)
    contrast = r.uniform(0.75, 1.2)
    wb = [r.uniform(0.88, 1.12) for _ in range(3)]
    gamma = r.uniform(0.85, 1.15)
    v = np.arange(256, dtype=np.float32)
    lut = np.zeros((1, 256, 3), np.uint8)
    for c in range(3):
        t = np.clip(v * bright * wb[c], 0, 255)
        t = np.clip((t - 128.0) * contrast + 128.0, 0, 255) / 255.0
        lut[0, :, c] = np.clip(t ** gamma * 255.0 + 0.5, 0, 255).astype(np.uint8)
    img8 = cv2.LUT(bg, lut)
    effects.update({"brightness": round(bright, 3), "contrast": round(contrast, 3),
                    "white_balance": [round(x, 3) for x in wb], "gamma": round(gamma, 3)})

    # ---- blur (capped at card width / 550 px for small cards)
    bmax = min(2.0, card_w_px / 550.0)
    btype = r.choices(["none", "gaussian", "defocus"], [0.2, 0.5, 0.3])[0]
    bval = 0.0
    if btype == "gaussian":
        bval = r.uniform(0.3, bmax)
        img8 = cv2.GaussianBlur(img8, (0, 0), bval)
    elif btype == "defocus":
        bval = r.uniform(0.6, bmax)
        img8 = cv2.filter2D(img8, -1, disk_kernel(bval))
    effects["blur_type"] = btype
    effects["blur"] = round(bval, 2)
    if r.random() < 0.3:
        bl = cv2.GaussianBlur(img8, (0, 0), 1.5)
        amt = r.uniform(0.3, 0.8)
        img8 = cv2.addWeighted(img8, 1 + amt, bl, -amt, 0)
        effects["sharpen"] = round(amt, 2)

    # ---- sensor noise: per-pixel luma + blotchy chroma
    sig = r.uniform(1.0, 7.0)
    # phone pipelines demosaic + denoise, so noise is slightly correlated: luma at 1/2, chroma at 1/3
    n = nrng.standard_normal((FH // 2 + 1, FW // 2 + 1), dtype=np.float32)
    n *= sig * 1.3
    cn = nrng.standard_normal((max(4, FH // 3), max(4, FW // 3), 3), dtype=np.float32) * (sig * 0.5)
    cn = cv2.resize(cn, (FW // 2 + 1, FH // 2 + 1), interpolation=cv2.INTER_LINEAR)
    cn += n[..., None]
    cn = cv2.resize(np.rint(cn).astype(np.int16), (FW, FH), interpolation=cv2.INTER_LINEAR)
    img8 = cv2.add(img8, cn, dtype=cv2.CV_8U)
    effects["noise"] = round(sig, 2)

    q = r.randint(30, 90)
    if card_w_px < 900:
        q = max(q, 45)
    effects["jpeg_quality"] = q
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(img8, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, q])
    assert ok
    return buf.tobytes(), fields, effects


def main():
    ap = argparse.ArgumentParser(description="Synthetic phone photos of Indonesian e-KTP cards (renderer b)")
    ap.add_argument("--n", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    check_fonts()
    os.makedirs(a.out, exist_ok=True)
    cv2.setNumThreads(1)
    with open(os.path.join(a.out, "truth.jsonl"), "a", encoding="utf-8") as tf:
        for i in range(a.n):
            data, fields, effects = render_one(a.seed, i)
            name = "b_%d_%04d.jpg" % (a.seed, i)
            with open(os.path.join(a.out, name), "wb") as f:
                f.write(data)
            tf.write(json.dumps({"image": name, "renderer": "b", "fields": fields, "effects": effects},
                                ensure_ascii=False) + "\n")
            tf.flush()


if __name__ == "__main__":
    main()
