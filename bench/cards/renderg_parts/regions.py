"""Province / regency / district / village tables (codes as used in NIK)."""

# province code -> (header name, {regency code: (printed name, birth-city name,
#                                   [(kecamatan, [kelurahan...]), ...])})
REGIONS = {
    "11": ("ACEH", {
        "71": ("KOTA BANDA ACEH", "BANDA ACEH", [
            ("SYIAH KUALA", ["KOPELMA DARUSSALAM", "LAMGUGOB", "JEULINGKE", "RUKOH"]),
            ("KUTA ALAM", ["LAMPRIT", "BANDAR BARU", "BEURAWE", "PEUNAYONG"]),
            ("BAITURRAHMAN", ["NEUSU JAYA", "SUKA RAMAI", "PELANGGAHAN"])]),
        "06": ("KABUPATEN ACEH BESAR", "JANTHO", [
            ("DARUSSALAM", ["LAMBARO SKEP", "TANJUNG SELAMAT"]),
            ("INGIN JAYA", ["LAMBARO ANGAN", "BINEUH BLANG"])])}),
    "12": ("SUMATERA UTARA", {
        "75": ("KOTA MEDAN", "MEDAN", [
            ("MEDAN BARU", ["PADANG BULAN", "DARAT", "PETISAH HULU", "MERDEKA"]),
            ("MEDAN JOHOR", ["GEDUNG JOHOR", "KWALA BEKALA", "PANGKALAN MASHUR"]),
            ("MEDAN TEMBUNG", ["BANTAN", "BANDAR SELAMAT", "TEGAL SARI MANDALA I"])]),
        "07": ("KABUPATEN DELI SERDANG", "LUBUK PAKAM", [
            ("PERCUT SEI TUAN", ["BANDAR KLIPPA", "TEMBUNG", "SAMPALI"]),
            ("TANJUNG MORAWA", ["BANGUN SARI", "TANJUNG MORAWA A"])]),
        "12": ("KABUPATEN TOBA", "BALIGE", [
            ("BALIGE", ["NAPITUPULU BAGASAN", "PARDEDE ONAN", "SANGKAR NIHUTA"]),
            ("LAGUBOTI", ["PASAR LAGUBOTI", "SITOLUAMA"])])}),
    "13": ("SUMATERA BARAT", {
        "71": ("KOTA PADANG", "PADANG", [
            ("PADANG UTARA", ["AIR TAWAR BARAT", "ULAK KARANG SELATAN", "GUNUNG PANGILUN"]),
            ("KOTO TANGAH", ["BATANG KABUNG GANTING", "LUBUK BUAYA", "DADOK TUNGGUL HITAM"]),
            ("KURANJI", ["KALUMBUK", "KORONG GADANG"])]),
        "75": ("KOTA BUKITTINGGI", "BUKITTINGGI", [
            ("GUGUK PANJANG", ["BENTENG PASAR ATAS", "KAYU KUBU", "BUKIT CANGANG KAYU RAMANG"]),
            ("MANDIANGIN KOTO SELAYAN", ["PULAI ANAK AIR", "GAREGEH"])])}),
    "14": ("RIAU", {
        "71": ("KOTA PEKANBARU", "PEKANBARU", [
            ("TAMPAN", ["SIDOMULYO BARAT", "SIMPANG BARU", "DELIMA"]),
            ("SUKAJADI", ["KAMPUNG MELAYU", "JADIREJO", "KAMPUNG TENGAH"])])}),
    "16": ("SUMATERA SELATAN", {
        "71": ("KOTA PALEMBANG", "PALEMBANG", [
            ("SEBERANG ULU I", ["15 ULU", "TUAN KENTANG", "SILABERANTI"]),
            ("KEMUNING", ["SEKIP JAYA", "PIPA REJA", "20 ILIR D II"]),
            ("SUKARAMI", ["SUKABANGUN", "KEBUN BUNGA"])])}),
    "18": ("LAMPUNG", {
        "71": ("KOTA BANDAR LAMPUNG", "BANDAR LAMPUNG", [
            ("KEDATON", ["SIDODADI", "SURABAYA", "KEDATON"]),
            ("RAJABASA", ["RAJABASA", "GEDONG MENENG", "RAJABASA RAYA"])]),
        "02": ("KABUPATEN LAMPUNG TENGAH", "GUNUNG SUGIH", [
            ("TERBANGGI BESAR", ["BANDAR JAYA BARAT", "YUKUM JAYA"])])}),
    "31": ("DKI JAKARTA", {
        "71": ("JAKARTA SELATAN", "JAKARTA", [
            ("KEBAYORAN BARU", ["SENAYAN", "MELAWAI", "GANDARIA UTARA", "KRAMAT PELA"]),
            ("TEBET", ["TEBET BARAT", "MANGGARAI", "BUKIT DURI", "KEBON BARU"]),
            ("PASAR MINGGU", ["PEJATEN TIMUR", "JATI PADANG", "RAGUNAN"])]),
        "72": ("JAKARTA TIMUR", "JAKARTA", [
            ("DUREN SAWIT", ["KLENDER", "PONDOK BAMBU", "MALAKA SARI"]),
            ("CAKUNG", ["CAKUNG BARAT", "PULO GEBANG", "PENGGILINGAN"])]),
        "74": ("JAKARTA BARAT", "JAKARTA", [
            ("KEMBANGAN", ["MERUYA UTARA", "KEMBANGAN SELATAN", "SRENGSENG"]),
            ("CENGKARENG", ["KAPUK", "DURI KOSAMBI", "RAWA BUAYA"])]),
        "75": ("JAKARTA UTARA", "JAKARTA", [
            ("TANJUNG PRIOK", ["SUNTER AGUNG", "KEBON BAWANG", "PAPANGGO"])])}),
    "32": ("JAWA BARAT", {
        "73": ("KOTA BANDUNG", "BANDUNG", [
            ("COBLONG", ["DAGO", "LEBAK SILIWANGI", "SEKELOA", "CIPAGANTI", "SADANG SERANG"]),
            ("SUKAJADI", ["PASTEUR", "CIPEDES", "SUKAGALIH", "SUKABUNGAH"]),
            ("ANTAPANI", ["ANTAPANI KIDUL", "ANTAPANI TENGAH", "ANTAPANI WETAN"]),
            ("BUAHBATU", ["MARGASARI", "SEKEJATI", "CIJAWURA", "JATISARI"]),
            ("CICENDO", ["PASIRKALIKI", "ARJUNA", "HUSEN SASTRANEGARA", "SUKARAJA"])]),
        "04": ("KABUPATEN BANDUNG", "BANDUNG", [
            ("BALEENDAH", ["ANDIR", "MANGGAHANG", "JELEKONG", "BALEENDAH"]),
            ("DAYEUHKOLOT", ["CITEUREUP", "PASAWAHAN", "CANGKUANG KULON"]),
            ("SOREANG", ["SOREANG", "PAMEKARAN", "SADU"])]),
        "01": ("KABUPATEN BOGOR", "BOGOR", [
            ("CIBINONG", ["PAKANSARI", "NANGGEWER", "PONDOK RAJEG"]),
            ("CITEUREUP", ["PUSPANEGARA", "TAJUR", "SANJA"])]),
        "75": ("KOTA BEKASI", "BEKASI", [
            ("BEKASI TIMUR", ["AREN JAYA", "DUREN JAYA", "BEKASI JAYA"]),
            ("BEKASI BARAT", ["KRANJI", "BINTARA", "KOTA BARU"])]),
        "76": ("KOTA DEPOK", "DEPOK", [
            ("BEJI", ["KEMIRI MUKA", "PONDOK CINA", "KUKUSAN"]),
            ("CIMANGGIS", ["TUGU", "MEKARSARI", "HARJAMUKTI"])]),
        "07": ("KABUPATEN CIAMIS", "CIAMIS", [
            ("CIAMIS", ["KERTASARI", "MAGINTI", "CIGEMBOR"]),
            ("CIKONENG", ["CIKONENG", "SINDANGSARI"])]),
        "09": ("KABUPATEN CIREBON", "CIREBON", [
            ("SUMBER", ["SUMBER", "TUKMUDAL", "KALIWADAS"]),
            ("PLUMBON", ["PLUMBON", "KARANGMULYA"])]),
        "06": ("KABUPATEN TASIKMALAYA", "TASIKMALAYA", [
            ("SINGAPARNA", ["SINGAPARNA", "CIPAKAT", "CINTARAJA"])])}),
    "33": ("JAWA TENGAH", {
        "74": ("KOTA SEMARANG", "SEMARANG", [
            ("TEMBALANG", ["TEMBALANG", "BULUSAN", "SENDANGMULYO", "METESEH"]),
            ("BANYUMANIK", ["SRONDOL WETAN", "PUDAKPAYUNG", "GEDAWANG"]),
            ("SEMARANG UTARA", ["BANDARHARJO", "TANJUNG MAS", "KUNINGAN"])]),
        "72": ("KOTA SURAKARTA", "SURAKARTA", [
            ("LAWEYAN", ["SONDAKAN", "PAJANG", "PENUMPING"]),
            ("BANJARSARI", ["MANAHAN", "SUMBER", "NUSUKAN", "KADIPIRO"])]),
        "02": ("KABUPATEN BANYUMAS", "BANYUMAS", [
            ("PURWOKERTO UTARA", ["GRENDENG", "BOBOSAN", "PURWANEGARA"]),
            ("SOKARAJA", ["SOKARAJA KULON", "SOKARAJA TENGAH", "BANJARSARI KIDUL"])]),
        "19": ("KABUPATEN KUDUS", "KUDUS", [
            ("JATI", ["JATI KULON", "GETAS PEJATEN", "LORAM WETAN"]),
            ("BAE", ["BACIN", "DERSALAM"])]),
        "10": ("KABUPATEN KLATEN", "KLATEN", [
            ("KLATEN TENGAH", ["BUNTALAN", "GAYAMPRIT", "KABUPATEN"]),
            ("PRAMBANAN", ["TLOGO", "BUGISAN"])]),
        "08": ("KABUPATEN MAGELANG", "MAGELANG", [
            ("MUNGKID", ["MENDUT", "SAWITAN", "PABELAN"])]),
        "29": ("KABUPATEN BREBES", "BREBES", [
            ("BULAKAMBA", ["BULAKAMBA", "PULOGADING"])])}),
    "34": ("DAERAH ISTIMEWA YOGYAKARTA", {
        "04": ("KABUPATEN SLEMAN", "SLEMAN", [
            ("DEPOK", ["CATURTUNGGAL", "CONDONGCATUR", "MAGUWOHARJO"]),
            ("MLATI", ["SINDUADI", "SENDANGADI", "TLOGOADI"]),
            ("NGAGLIK", ["SARIHARJO", "SINDUHARJO", "MINOMARTANI"])]),
        "71": ("KOTA YOGYAKARTA", "YOGYAKARTA", [
            ("GONDOKUSUMAN", ["TERBAN", "KOTABARU", "DEMANGAN"]),
            ("UMBULHARJO", ["WARUNGBOTO", "MUJA MUJU", "SOROSUTAN"])]),
        "02": ("KABUPATEN BANTUL", "BANTUL", [
            ("BANGUNTAPAN", ["BANGUNTAPAN", "BATURETNO", "POTOROTO"]),
            ("SEWON", ["PANGGUNGHARJO", "BANGUNHARJO"])])}),
    "35": ("JAWA TIMUR", {
        "78": ("KOTA SURABAYA", "SURABAYA", [
            ("GUBENG", ["AIRLANGGA", "MOJO", "GUBENG", "BARATAJAYA"]),
            ("WONOKROMO", ["JAGIR", "NGAGEL REJO", "DARMO"]),
            ("TAMBAKSARI", ["PLOSO", "PACAR KELING", "GADING"]),
            ("RUNGKUT", ["KALIRUNGKUT", "PENJARINGAN SARI", "MEDOKAN AYU"])]),
        "73": ("KOTA MALANG", "MALANG", [
            ("LOWOKWARU", ["DINOYO", "KETAWANGGEDE", "TLOGOMAS", "SUMBERSARI"]),
            ("KLOJEN", ["ORO-ORO DOWO", "KAUMAN", "SAMAAN"])]),
        "15": ("KABUPATEN SIDOARJO", "SIDOARJO", [
            ("WARU", ["WARU", "KEPUH KIRIMAN", "WADUNGASRI"]),
            ("TAMAN", ["BEBEKAN", "SEPANJANG", "WAGE"])]),
        "09": ("KABUPATEN JEMBER", "JEMBER", [
            ("SUMBERSARI", ["TEGAL GEDE", "KARANGREJO", "ANTIROGO"]),
            ("KALIWATES", ["KEPATIHAN", "MANGLI", "SEMPUSARI"])]),
        "25": ("KABUPATEN GRESIK", "GRESIK", [
            ("KEBOMAS", ["GIRI", "RANDUAGUNG", "KEMBANGAN"])]),
        "29": ("KABUPATEN SUMENEP", "SUMENEP", [
            ("KOTA SUMENEP", ["PAJAGALAN", "BANGSELOK", "KOLOR"])]),
        "07": ("KABUPATEN MALANG", "MALANG", [
            ("SINGOSARI", ["CANDIRENGGO", "PAGENTAN", "ARDIMULYO"]),
            ("KEPANJEN", ["CEPOKOMULYO", "PENARUKAN"])])}),
    "36": ("BANTEN", {
        "71": ("KOTA TANGERANG", "TANGERANG", [
            ("CILEDUG", ["PARUNG SERAB", "SUDIMARA JAYA", "TAJUR"]),
            ("KARAWACI", ["BOJONG JAYA", "CIMONE", "NUSAJAYA"])]),
        "03": ("KABUPATEN TANGERANG", "TANGERANG", [
            ("CURUG", ["BINONG", "KADU", "CURUG WETAN"])])}),
    "51": ("BALI", {
        "71": ("KOTA DENPASAR", "DENPASAR", [
            ("DENPASAR BARAT", ["DAUH PURI", "PADANGSAMBIAN", "PEMECUTAN"]),
            ("DENPASAR SELATAN", ["SANUR", "PANJER", "SESETAN", "RENON"])]),
        "03": ("KABUPATEN BADUNG", "BADUNG", [
            ("KUTA", ["KUTA", "LEGIAN", "SEMINYAK", "TUBAN"]),
            ("MENGWI", ["MENGWI", "ABIANBASE", "KAPAL"])]),
        "04": ("KABUPATEN GIANYAR", "GIANYAR", [
            ("UBUD", ["UBUD", "PELIATAN", "MAS"])])}),
    "52": ("NUSA TENGGARA BARAT", {
        "71": ("KOTA MATARAM", "MATARAM", [
            ("CAKRANEGARA", ["CAKRANEGARA TIMUR", "SAYANG-SAYANG", "SAPTA MARGA"]),
            ("AMPENAN", ["AMPENAN TENGAH", "PEJERUK"])]),
        "01": ("KABUPATEN LOMBOK BARAT", "GERUNG", [
            ("GERUNG", ["GERUNG UTARA", "BANTIR"])])}),
    "53": ("NUSA TENGGARA TIMUR", {
        "71": ("KOTA KUPANG", "KUPANG", [
            ("OEBOBO", ["OEBOBO", "FATULULI", "KAYU PUTIH"]),
            ("KELAPA LIMA", ["OESAPA", "OESAPA BARAT", "KELAPA LIMA"])])}),
    "61": ("KALIMANTAN BARAT", {
        "71": ("KOTA PONTIANAK", "PONTIANAK", [
            ("PONTIANAK KOTA", ["DARAT SEKIP", "SUNGAI BANGKONG", "MARIANA"])])}),
    "64": ("KALIMANTAN TIMUR", {
        "72": ("KOTA SAMARINDA", "SAMARINDA", [
            ("SAMARINDA ULU", ["AIR PUTIH", "SIDODADI", "DADI MULYA"]),
            ("SUNGAI KUNJANG", ["KARANG ASAM ULU", "TELUK LERONG ULU"])]),
        "71": ("KOTA BALIKPAPAN", "BALIKPAPAN", [
            ("BALIKPAPAN SELATAN", ["SEPINGGAN", "DAMAI", "GUNUNG BAHAGIA"])])}),
    "71": ("SULAWESI UTARA", {
        "71": ("KOTA MANADO", "MANADO", [
            ("WANEA", ["TELING ATAS", "BUMI NYIUR", "RANOTANA"]),
            ("MALALAYANG", ["MALALAYANG SATU", "BAHU", "KLEAK"])])}),
    "73": ("SULAWESI SELATAN", {
        "71": ("KOTA MAKASSAR", "MAKASSAR", [
            ("TAMALANREA", ["TAMALANREA", "KAPASA", "TAMALANREA INDAH"]),
            ("PANAKKUKANG", ["PANDANG", "KARUWISI", "TAMAMAUNG"]),
            ("RAPPOCINI", ["BONTOMAKKIO", "GUNUNG SARI", "BUAKANA"]),
            ("MARISO", ["LETTE", "PANAMBUNGAN"])]),
        "06": ("KABUPATEN GOWA", "SUNGGUMINASA", [
            ("SOMBA OPU", ["SUNGGUMINASA", "TOMBOLO", "KALEGOWA"])]),
        "11": ("KABUPATEN BONE", "WATAMPONE", [
            ("TANETE RIATTANG", ["WATAMPONE", "MANURUNGE", "BUKAKA"])]),
        "13": ("KABUPATEN WAJO", "SENGKANG", [
            ("TEMPE", ["ATAKKAE", "LAPONGKODA", "SITAMPAE"])])}),
    "94": ("PAPUA", {
        "71": ("KOTA JAYAPURA", "JAYAPURA", [
            ("ABEPURA", ["KOTA BARU", "YOBE", "AWIYO"]),
            ("JAYAPURA UTARA", ["GURABESI", "TANJUNG RIA"])])}),
}

# weights: population-ish, with a bias towards the example provinces
PROV_WEIGHTS = {"11": 2, "12": 5, "13": 3, "14": 2, "16": 3, "18": 3, "31": 7,
                "32": 14, "33": 11, "34": 4, "35": 12, "36": 4, "51": 3,
                "52": 2, "53": 2, "61": 2, "64": 2, "71": 2, "73": 6, "94": 1}

OTHER_BIRTH_CITIES = ["JAKARTA", "BANDUNG", "SURABAYA", "MEDAN", "SEMARANG",
                      "MAKASSAR", "PALEMBANG", "YOGYAKARTA", "MALANG", "BOGOR",
                      "TEGAL", "CILACAP", "PEKALONGAN", "KEDIRI", "BLITAR",
                      "BANYUWANGI", "TULUNGAGUNG", "GARUT", "SUMEDANG", "KUNINGAN",
                      "PARE-PARE", "PALOPO", "AMBON", "TERNATE", "PEMATANGSIANTAR",
                      "TANJUNG KARANG", "PADANG PANJANG", "BUKITTINGGI", "SOLO",
                      "PURWOREJO", "WONOGIRI", "LAMONGAN", "PONOROGO", "SINGARAJA",
                      "TABANAN", "BIMA", "ENDE", "MAUMERE", "TARUTUNG", "SIBOLGA",
                      "LHOKSEUMAWE", "BIREUEN", "KENDARI", "GORONTALO", "PALU",
                      "BANJARMASIN", "PANGKALPINANG", "BATAM", "SUKABUMI", "INDRAMAYU"]
