"""Informal Indonesian (and chat English) → standard words, used by `nlp.normalize`.

Keys are lower-case tokens as patients type them; values are the standard form (one or more
words, or "" to drop the token). Regional words (Javanese, Sundanese, Betawi, Malang walikan) sit
with their meaning. Keep values in the corpus's vocabulary: the matcher only knows corpus words.
"""
from __future__ import annotations

_GROUPS: dict[str, tuple[str, ...]] = {
    # question words
    "berapa": ("brp", "brapa", "brpa", "berapaa", "brapah", "piro", "pira", "pinten", "sabaraha", "brp an"),
    "bagaimana": ("gmn", "gmna", "gimana", "gimna", "bgmn", "bgmana", "bagaimna", "gmana", "piye", "pripun",
                  "kumaha", "gmn2", "gimane", "pie", "kepriye"),
    "dimana": ("nandi", "ngendi", "dmn", "dmna", "dimn", "dimanakah", "mana", "endi", "ndi", "nengdi", "ngendi", "pundi",
               "dimanaa", "dimna"),
    "kemana": ("kmn", "kmna", "kemna", "nangendi"),
    "kapan": ("kpn", "kapn", "iraha", "kapane", "kapankah"),
    "kenapa": ("knp", "napa", "ngapa", "kenopo", "ngopo", "mengapa"),
    "apa": ("ap", "apaan", "opo", "naon", "apakah", "apah"),
    "siapa": ("sp", "sapa", "sopo", "saha"),
    # negation / affirmation
    "tidak": ("ga", "gak", "gk", "g", "nggak", "ngga", "nggk", "engga", "enggak", "ndak", "nda", "tdk", "tdak",
              "kagak", "kaga", "ora", "teu", "henteu", "ogah", "gag", "ngak", "egak", "tak", "nope"),
    "belum": ("blm", "blom", "lom", "durung", "acan", "belom", "blum"),
    "sudah": ("sdh", "udh", "udah", "dah", "uda", "wis", "wes", "sampun", "tos", "sudh"),
    "bisa": ("bs", "bsa", "isa", "iso", "bisakah", "bisaa", "tiasa", "bisah"),
    "boleh": ("blh", "oleh", "bole", "bolehkah"),
    "harus": ("hrs", "kudu", "mesti", "musti", "wajib"),
    "perlu": ("prl", "perlukah", "butuh", "butuhkah", "need"),
    "masih": ("msh", "masi", "isih", "tetap", "tetep"),
    "saja": ("aja", "aj", "ae", "wae", "doang", "tok"),
    "juga": ("jg", "jga", "uga"),
    "yang": ("yg", "yng", "sing", "nu"),
    "dengan": ("dgn", "dg", "dng", "karo"),
    "sama": ("sm", "ama"),
    "untuk": ("utk", "untk", "unt", "kanggo", "for"),
    "kalau": ("klo", "kl", "kalo", "klu", "kalu", "lek", "nek", "misal", "kalaw", "if"),
    "tapi": ("tp", "tpi", "tetapi", "namun"),
    "karena": ("krn", "karna", "krna", "soalnya", "soale"),
    "terus": ("trs", "trus", "terusnya", "lalu", "then"),
    "jadi": ("jd", "jdi", "dadi"),
    "sampai": ("sampe", "smpe", "smp", "ampe", "nganti", "until"),
    "dari": ("dr", "dri", "teko", "tekan"),
    "ada": ("onok", "ono", "enten", "aya", "adakah", "adaa"),
    "banget": ("bgt", "bngt", "bgtt", "pol", "very"),
    "lagi": ("lg", "lgi", "maneh", "meneh"),
    "sekarang": ("skrg", "skrng", "skg", "saiki", "ayeuna", "now"),
    "besok": ("bsk", "besuk", "sesok", "sesuk", "isuk", "enjing", "tomorrow"),
    "hari": ("hr", "hri", "dino", "dinten", "poe", "day"),
    "tanggal": ("tgl", "tg", "tang"),
    "minggu": ("mgg", "ahad", "sunday"),
    "sabtu": ("sbtu", "saturday"),
    "jumat": ("jum'at", "jumaat", "jmt", "friday"),
    "jam": ("jm", "pukul", "pkl"),
    "menit": ("mnt", "minutes", "min'"),
    "tahun": ("thn", "th", "taun"),
    "bulan": ("bln", "month", "months"),
    "orang": ("org", "wong", "uwong"),
    "saya": ("sy", "ku", "aku", "aq", "ak", "gue", "gw", "gua", "ane", "ayas", "kulo", "abdi", "sya", "daku"),
    "kamu": ("km", "kmu", "lu", "lo", "elu", "ente", "sampeyan", "koe", "umak"),
    "anak": ("son", "daughter", "ank", "anakku", "anakq", "bocah", "bocil", "putra", "putri", "arek", "kids", "kid", "child"),
    "orang tua": ("ortu", "ortunya", "parents"),
    "ibu hamil": ("bumil", "pregnant"),
    "lansia": ("manula", "sepuh", "jompo", "elderly"),
    "disabilitas": ("difabel", "cacat", "disabled", "disability"),
    # the puskesmas and its things
    "puskesmas": ("pkm", "pusk", "puskes", "puskesmasnya", "faskes1", "klinik", "pusksmas",
                  "puskesmass"),
    "antrean": ("antri", "antre", "antrian", "antrin", "ngantri", "ngantre", "antriannya", "antreannya",
                "antrean", "antrinya", "queue", "antrinan", "antriaan", "antrianya"),
    "nomor": ("no", "nmr", "nomer", "nomr", "nmer", "nomornya", "nomernya", "number"),
    "daftar": ("dftr", "daptar", "ndaftar", "register", "regis", "registrasi", "mendaftar", "daftarin",
               "didaftarin", "didaftarkan", "mendaftarkan", "terdaftar", "pendaftarannya", "signup"),
    "pendaftaran": ("pndaftaran", "pendaftran", "registration"),
    "dokter": ("doktor", "dokternya", "doctor"),
    "dokter gigi": ("drg", "dentist"),
    "poli": ("poly", "poliklinik", "polinya"),
    "telepon": ("telp", "tlp", "tlpn", "telpon", "tilpun", "telefon", "nelpon", "ditelpon", "ditelepon",
                "phone", "call"),
    "whatsapp": ("wa", "whatsap", "watsap", "wasap", "whatapp", "whatsaap"),
    "nomor hp": ("nohp", "hpnya"),
    "alamat": ("almt", "alamate", "address", "adress"),
    "lokasi": ("lokasinya", "loc", "location", "lokasine", "maps", "sharelok", "sharelock"),
    "batal": ("btl", "cancel", "cancle", "batalin", "dibatalin", "membatalkan", "pembatalan", "batalkan",
              "dibatalkan"),
    "terlambat": ("telat", "tlt", "tlat", "late", "kesiangan"),
    "terlewat": ("kelewat", "kelewatan", "dilewati", "dilewat", "kelewatin", "missed", "miss"),
    "panggil": ("dipanggil", "manggil", "dipangil", "called", "dipanggilnya"),
    "datang": ("dtg", "dateng", "dtang", "teka", "nyampe", "come"),
    "periksa": ("prksa", "priksa", "perikso", "berobat", "brobat", "checkup"),
    "cek": ("check", "ngecek", "dicek", "cekin"),
    "punya": ("pny", "pnya", "puny", "duwe", "gaduh", "have"),
    "simpan": ("simpen", "disimpen", "disimpan", "nyimpen", "menyimpan", "store", "stored", "keep"),
    "setiap": ("tiap", "stiap", "every", "each"),
    "sampaikan": ("menyampaikan", "nyampein", "nyampaikan", "disampaikan"),
    "aktif": ("active", "aktip", "nyala"),
    "tidak aktif": ("inactive", "nonaktif", "nonaktip"),
    "akun": ("account", "akunnya"),
    "rumah": ("home", "omah", "imah"),
    "giliran": ("turn", "giliranku", "giliranmu", "gilirannya"),
    "layan": ("dilayani", "melayani", "pelayanan", "pelayananan", "served", "service", "services", "layanan"),
    "dapat": ("dapet", "dpt", "dapetin", "dapatkan", "mendapatkan", "mendapat"),
    "bayar": ("byr", "mbayar", "pay"),
    "biaya": ("biayanya", "ongkos", "tarif", "tarifnya", "cost", "fee", "harganya"),
    "gratis": ("grtis", "free", "gratiss"),
    "uang": ("duit", "doku", "money"),
    "bpjs": ("bpj", "jkn", "kis", "jamkesmas", "bepejees", "bpjsnya"),
    "ktp": ("e-ktp", "ektp", "ktpnya", "kp"),
    "kartu keluarga": ("kk", "kknya"),
    "surat keterangan": ("suket", "sk", "skd"),
    "sehat": ("sehet", "healthy"),
    "rumah sakit": ("rs", "rsud", "hospital"),
    "ugd": ("igd", "ugdnya", "er"),
    "darurat": ("emergency", "gawat", "urgent", "kedaruratan"),
    "ambulans": ("ambulan", "ambulance", "ambulance"),
    "laboratorium": ("lab", "labor", "laborat", "laboratory"),
    "imunisasi": ("imunisai", "imunsasi", "imunnisasi", "immunisation", "immunization", "imunisasinya"),
    "vaksin": ("vaccinated", "divaksin", "vaksinasi", "vaccine", "vaccination", "vaksinnya"),
    "apotek": ("apotik", "apotekk", "farmasi", "pharmacy", "apoteknya"),
    "obat": ("obatnya", "medicine", "obt", "jamu"),
    "resep": ("resepnya", "prescription"),
    "hamil": ("meteng", "bunting", "hamile", "pregnancy"),
    "komplain": ("complain", "komplen", "ngadu", "mengadu", "protes", "protest"),
    "keluhan": ("keluh", "kesah"),
    "ubah": ("rubah", "ngubah", "diubah", "merubah", "mengubah", "edit", "diedit", "ganti", "ngganti",
             "gantiin", "benerin", "dibenerin", "update", "change", "koreksi"),
    "hapus": ("apus", "ngapus", "dihapus", "delete", "remove"),
    "buka": ("bukak", "mbukak", "bukanya", "open", "dibuka", "buka'"),
    "tutup": ("ttp", "tutupnya", "close", "closed", "nutup"),
    "libur": ("prei", "liburnya", "holiday", "holidays"),
    "bawa": ("bw", "gowo", "nggowo", "dibawa", "membawa", "bring"),
    "ambil": ("ngambil", "njupuk", "jupuk", "mengambil", "diambil", "pick", "take"),
    "minta": ("mnt", "nyuwun", "njaluk", "request"),
    "mau": ("mo", "pengen", "pingin", "pgn", "ingin", "arep", "hoyong", "want", "mw", "mao"),
    "tanya": ("tny", "takon", "nanya", "tanyain", "ask", "bertanya"),
    "buat": ("bikin", "gawe", "nggawe", "make"),
    "lama": ("suwe", "lami", "lamaa", "long"),
    "cepat": ("cpt", "cepet", "gasik", "fast"),
    "bagus": ("apik", "sae"),
    "pagi": ("esuk", "isuk"),
    "malam": ("mlm", "wengi", "bengi", "night"),
    "pasien": ("psien", "pasen", "patient"),
    "kasih": ("ksh", "kasi"),
    "lewat": ("lwt", "via"),
    "online": ("onlen", "daring", "onlain"),
    "persyaratan": ("syarat", "syaratnya", "requirements", "requirement"),
    "dokumen": ("berkas", "documents", "document"),
    "ke": ("nang", "menyang", "to"),
    "di": ("ning", "neng", "at"),
    "rujukan": ("rujuk", "dirujuk", "referral", "rujukannya", "rujukanya"),
    "kb": ("keluarga berencana",),
    "": ("kah", "sih", "dong", "deh", "nih", "tuh", "kok", "loh", "lho", "yah", "kan", "pun", "gan", "sis", "bro",
         "ges", "guys", "plis", "pls", "plz", "please", "tolong", "mohon", "min", "mimin", "admin", "kak", "ka",
         "kk", "mas", "mbak", "mba", "bu", "pak", "bang", "om", "tante", "sus", "suster", "hehe", "wkwk",
         "hihi", "ya", "yaa", "yah", "ok", "oke", "nggih", "mangga", "atuh", "teh", "sob"),
}

# Regional words (Sundanese, Javanese krama and ngoko, Betawi) and chat forms of patient questions,
# added to the groups above (a group named twice in one dict literal would lose its first half).
_MORE: dict[str, tuple[str, ...]] = {
    "fotokopi": ("fc", "fotocopy", "fotokopian", "fotocopian", "xerox", "fotokopinya"),
    "email": ("surel", "imel", "emailnya", "gmail"),
    "ubah": ("ngarobih", "robih", "dirobih", "ngerubah", "ngerubahnya"),
    "batal": ("batalkeun", "ngabatalkeun", "batalke", "mbatalke", "batalno", "dibatalke"),
    "datang": ("sumping", "rawuh", "dugi", "tekane"),
    "periksa": ("pariksa", "mariksa", "dipariksa", "dipriksa", "periksain", "diperiksain"),
    "ambil": ("nyandak", "candak", "mendet", "njipuk", "jipuk", "ngambilnya"),
    "mau": ("bade", "badhe", "kepengen", "kepingin", "pengin", "pgn"),
    "harus": ("kedah", "kudune", "mestinya"),
    "pernah": ("kantos",),
    "sini": ("dieu", "kene", "mriki", "mrene"),
    "kurang": ("kirang", "kurangan"),
    "lapor": ("ngalaporkeun", "laporkeun", "ngelaporin", "laporin", "lapur"),
    "duluan": ("didisikke", "disikke", "didisikno", "dipayunkeun", "payun", "didahuluin", "didahulukan",
               "nyelak", "nyerobot", "nyalip", "disalip", "diduluin", "duluin"),
    "lansia": ("sepuh", "kolot", "simbah", "mbah", "aki", "nini"),
    "hamil": ("ngandeg", "reuneuh", "ngandung", "mengandung", "kakandungan"),
    "obat": ("landong", "tamba", "obatan"),
    "jam": ("tabuh", "jamnya"),
    "bisa": ("saged", "tiasa", "iso", "isa"),
    "tidak": ("mboten", "boten", "henteu"),
    "belum": ("dereng", "durung"),
    "besok": ("enjang", "isukan", "mbenjang"),
    "terlambat": ("kasep", "kesorean", "ketelatan"),
    "daftar": ("ngadaptar", "ngadaptarkeun", "daptarkeun", "ndaftarke", "ndaftarno", "daftarke"),
    "keluhan": ("sambat", "curhat", "pujian", "memuji", "apresiasi", "testimoni"),
    "kontak": ("cs", "kontaknya", "contact"),
    "sabtu minggu": ("wiken", "weekend", "weekends", "wikend"),
    "": ("nya", "ne"),
}

# Betawi, Javanese krama and Sundanese words met in patients' questions (issue 20), merged like _MORE.
_REGIONAL: dict[str, tuple[str, ...]] = {
    "apa": ("ape", "nape", "nopo", "menopo"),
    "saja": ("aje", "mawon", "kemawon", "wungkul"),
    "dimana": ("dimane", "mane"),
    "kenapa": ("kenape",),
    "berapa": ("berape", "brape"),
    "bagaimana": ("pegimane", "begimane"),
    "ada": ("ade", "wonten"),
    "sudah": ("udeh", "ude", "udahan"),
    "belum": ("belon", "blon"),
    "nanti": ("entar", "ntar", "engke", "mangke", "mengko"),
    "yang": ("nyang",),
    "itu": ("ntu", "entu", "kuwi", "iku", "eta"),
    "ini": ("iki", "ieu", "niki"),
    "ibu": ("nyak", "enyak", "emak", "indung", "biyung"),
    "bapak": ("babe", "babeh", "abah", "bapa"),
    "di": ("teng",),
    "darah": ("getih",),
    "anak": ("murangkalih", "budak", "dede", "putrane", "putrana"),
    "pakai": ("nganggo", "dianggo", "dienggo", "ngangge", "diangge", "dipake", "pake"),
    "kalau": ("upami", "menawi", "yen"),
    "perlu": ("peryogi", "perlune"),
    "masih": ("iseh", "taksih", "keneh"),
    "minta": ("nyuhunkeun", "nyuhun", "neda"),
    "datang": ("dongkap",),
    "sedang": ("nuju",),
    "buat": ("ngadamel", "damel", "ndamel"),
    "tunggu": ("antosan", "ngantosan", "nunggu", "ditunggu"),
    "ubah": ("robah", "ngarobah", "gentos", "ngagentos", "ngagantos", "ngagantosna", "gantos", "dirobah"),
    "setelah": ("saatos", "sasampun", "sawise"),
    "kemarin": ("kamari", "kmrn", "kmrin"),
    "mata": ("netra", "mripat", "panon"),
    "harga": ("regane", "reginipun"),
    "dulu": ("rumiyin", "biyen", "mbiyen", "dlu"),
    "sekarang": ("sakniki", "saniki"),
    "tentang": ("perkawis",),
    "informasi": ("info", "infonya", "informasinya"),
    "hasil": ("hsl", "hasile", "hasilna"),
    "sehat": ("sht", "sehate"),
    "puskesmas": ("pkesmas", "puskesmase", "puskesmasna", "pusksms"),
    "dekat": ("deket", "dket", "dkt", "cedak", "cedhak", "caket", "deukeut", "near", "nearby"),
    "instagram": ("ig", "insta", "instagramnya"),
    "lokasi": ("lok", "shareloc", "shareloct"),
    "salah": ("typo", "keliru", "lepat", "wrong"),
    "buruk": ("jelek", "elek", "awon", "bad"),
    "saya": ("aye", "abdi"),
    "kamu": ("anda", "kalian", "panjenengan", "sampean", "situ", "antum", "kowe", "sia", "maneh"),
    "jalan": ("jl", "jln", "jalane", "jalanna"),
    "bawa": ("mbeta", "mbekta", "bekta", "mbekto", "mawa", "dibekta", "dibeta", "gawa", "nggawa"),
}
for _more in (_MORE, _REGIONAL):
    for _standard, _variants in _more.items():
        _GROUPS[_standard] = _GROUPS.get(_standard, ()) + _variants

# "kk" means kartu keluarga in this domain far more often than "kakak": keep the document sense.
_DROP_OVERRIDES = {"kk"}

SLANG: dict[str, str] = {}
for _standard, _variants in _GROUPS.items():
    for _v in _variants:
        if _standard == "" and _v in _DROP_OVERRIDES:
            continue
        SLANG.setdefault(_v, _standard)

# English contractions after the apostrophe is removed.
SLANG.update({
    "dont": "do not", "doesnt": "does not", "didnt": "did not", "cant": "can not", "cannot": "can not",
    "im": "i am", "ive": "i have", "whats": "what is", "wheres": "where is", "isnt": "is not",
    "wont": "will not", "u": "you", "ur": "your", "r": "are", "wat": "what", "hw": "how", "wen": "when",
    "ppl": "people", "thru": "through", "bcs": "because", "coz": "because",
})

# Two-word forms joined before lookup.
BIGRAMS: dict[tuple[str, str], str] = {
    ("di", "mana"): "dimana",
    ("ke", "mana"): "kemana",
    ("nang", "endi"): "dimana",
    ("neng", "endi"): "dimana",
    ("tanggal", "merah"): "libur",
    ("tgl", "merah"): "libur",
    ("tg", "merah"): "libur",
    ("e", "ktp"): "ktp",
    ("share", "loc"): "lokasi",
    ("no", "hp"): "nomor hp",
    ("no", "wa"): "nomor whatsapp",
    ("no", "telp"): "nomor telepon",
    ("tanda", "tangan"): "ttd",
}

# Filler: carries no meaning for the question (dropped from the FAQ text, allowed in small talk).
FILLER = frozenset(
    {"kah", "sih", "dong", "deh", "nih", "tuh", "kok", "loh", "lho", "yah", "kan", "gan", "sis", "bro", "ges",
     "guys", "tolong", "mohon", "min", "mimin", "admin", "kak", "ka", "mas", "mbak", "mba", "bu",
     "pak", "bang", "om", "tante", "sus", "suster", "hehe", "wkwk", "hihi", "ya", "yaa", "nggih",
     "mangga", "atuh", "teh", "sob"}
)

# Number words (Indonesian, Javanese and English) for `normalize.numbers_to_digits`.
UNITS = {
    "nol": 0, "kosong": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "siji": 1, "loro": 2, "telu": 3, "papat": 4, "limo": 5, "nem": 6,
    "pitu": 7, "wolu": 8, "songo": 9,
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "sepuluh": 10, "sebelas": 11, "sedoso": 10,
}
HUNDREDS = {"seratus": 100, "hundred": 100, "ratus": 100}
THOUSANDS = {"seribu": 1000, "ribu": 1000, "thousand": 1000}
TEENS = {"belas": 10}
TENS = {"puluh": 10}

# Function words: no topic of their own, so they neither help nor hurt coverage.
STOPWORDS = frozenset(
    """yang di ke dari dan atau untuk dengan ini itu saya kamu kami kita dia ada apa siapa bagaimana dimana
    kemana kapan kenapa berapa bisa boleh harus perlu mau sudah belum masih saja juga tidak ya kalau tapi
    karena terus jadi lagi sama banget sekarang nanti akan sedang pada oleh para punya dapat the a an is
    are am was were be to of for in on at by with my me i you your we our it this that do does did can
    could will would should what how where when which who why there here have has please just also not
    no so if then any some about from as or and but get got""".split()
)

# Common words outside the corpus that typo correction must leave alone ("biasa" is not "biaya").
COMMON_WORDS = frozenset(
    """biasa tiap siap sebelah baru lama lain sakit demam pusing batuk pilek mual muntah diare luka tinggi
    rendah besar kecil banyak sedikit dulu duluan tadi nanti pernah selalu sering jarang semua setiap
    rumah sekolah kantor pasar jalan kerja makan minum tidur mandi beli jual harga murah mahal baik buruk
    benar salah sama beda orang anak bapak ibu suami istri adik kakak nenek kakek keluarga teman tetangga
    kota desa kampung polisi presiden pemerintah negara bank uang emas beras cabai minyak bensin motor
    mobil bus kereta pesawat hujan panas dingin cuaca film lagu musik game bola main olahraga tahu tau
    gimana nama umur lahir tempat waktu pagi siang sore malam kemarin lusa depan belakang atas bawah
    dalam luar kiri kanan dekat jauh cepat lambat mulai selesai habis ganti hilang rusak sehat sembuh
    vitamin masker hp pulsa internet wifi kuota listrik air api tanah hewan kucing anjing ayam ikan
    sayur buah nasi roti kopi teh gula garam rokok nikah cerai kuliah beasiswa lowongan gaji pajak sim
    paspor akta surat kabar berita agama masjid gereja sholat puasa lebaran natal imlek soon some home
    many much more most other time
    kecamatan kelurahan kabupaten provinsi camat lurah bupati walikota gubernur menteri partai pemilu
    pilkada dprd kampanye demo polres polsek satpol tentara samsat dukcapil imigrasi notaris pengadilan
    soto bakso sate rendang mie martabak gorengan kue bolu resep masak sambal warung restoran kafe
    sd sma smk kampus universitas guru murid siswa mahasiswa skripsi ujian rapor ppdb zonasi
    ojek ojol grab gojek taksi travel terminal stasiun bandara tiket tol macet parkir bengkel
    loker pabrik karyawan honorer pensiun lamaran magang gajian bansos pinjol pinjaman kredit cicilan
    tabungan transfer rekening atm saham investasi togel judi arisan tv radio youtube tiktok instagram
    facebook aplikasi laptop komputer printer charger sinyal baju celana sepatu sandal tas toko mall
    minimarket indomaret alfamart supermarket diskon promo liburan wisata pantai gunung hotel villa
    kolam renang taman kebun sawah jerawat ketombe rambut kulit gatal panu kurap bisul herbal dosis
    antibiotik salep tetes sariawan sembelit kembung asam lambung maag kolesterol hipertensi diabetes
    stroke kanker jantung ginjal paru asma alergi migrain insomnia stres depresi diet langsing gemuk
    kurus senam yoga sepeda truk kapal perahu pelabuhan banjir gempa angin badai mendung cerah kemarau
    lirik puisi pantun cerita dongeng lelucon lucu humor catur kartu
    merah maaf pelan agak jatuh jangan pada malah jelas ular kering tanda cuci cucu sana kami link year
    last ragu susul bini siti dini siaga medis penderita pulih patah tulang sepi bias usus ayah anter rame
    alasan pertigaan perempatan kesana kesini warna hijau kuning putih hitam biru coklat abu sapi kambing
    kerbau kelinci burung monyet ular tikus nyamuk lalat semut kecoa gelas piring sendok botol kursi meja
    pintu jendela lantai dinding atap kamar dapur toilet wc kasur bantal selimut handuk sabun sampo odol
    sikat kaca cermin jam tangan kaki kepala mata hidung telinga mulut gigi perut dada punggung lutut
    damkar pemadam kebakaran pln pdam telkom pos""".split()
)

# Words of the story around a question ("my father had a stroke last year, ..."): outside the
# corpus they say nothing about which question is asked, so coverage leaves them out instead of
# counting them as unknown topic words. Known corpus words still count as known.
CONTEXT_WORDS = frozenset(
    """bapak ibu nenek kakek suami istri adik kakak mertua tetangga teman saudara keponakan cucu
    bapakku ibuku suamiku istriku adikku mamah mama papa papah ayah bunda emak umi abah
    kemarin tadi dulu dahulu lalu kemaren barusan semalam minggu tahun bulan pagi siang sore malam
    pernah baru udah sempat habis abis setelah sesudah sebelum waktu pas soalnya gara
    sakit demam batuk pilek pusing mual muntah diare luka operasi jahitan jahit kecelakaan jatuh
    stroke jantung tensi darah gula diabetes kolesterol asma maag katarak patah tulang gigitan
    dirawat opname sembuh baikan kambuh kontrol
    kerja kantor sekolah kuliah pabrik karyawan macet hujan ojek motor mobil rumah""".split()
)
