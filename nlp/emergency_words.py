"""The emergency detector's word lists: tags of words and multi-word forms (`nlp.emergency`).

`LEX_GROUPS`: tag → words (Indonesian, Javanese, Sundanese, Betawi, English). `PHRASES`: word
sequences replaced before tagging ("water just broke" → "ketuban pecah", "jaga jaga" → a
hypothetical). `EXTRA`: chat forms split into two words before anything else ("gamau").
"""
from __future__ import annotations

LEX_GROUPS: dict[str, str] = {
    "FAINT": "pingsan semaput klenger kelenger kapidara ambruk tumbang kolaps pingsun faint fainted fainting "
             "collapse collapsed unconscious unresponsive blackout kapiuhan nggeblak",
    "SADAR": "sadar sadarkan eling inget nyadar conscious respon merespon respond responding awake nyaut nyahut ngerespon respons nyaur ngawaro",
    "BANGUN": "bangkik waking wakes woke bangun tangi hudang gerak bergerak obah usik moving move moves wake",
    "STILL": "merem diam diem meneng cicing jempe anteng",
    "CALLED": "undang diundang dipanggil dipanggilin diceluk disauran digoyang digoyangin digoyang ditepuk ditepok dibangunin dibangunkan ditampar",
    "NAPAS": "angok baangok angoknyo napas nafas bernapas bernafas ambegan ambekan ngambekan ngambegan napase breathing breathe breath "
             "breathes",
    "SESAK": "sasak nyeseg sesak sesek mengap megap ngik ngos tersengal sengal gasping",
    "GASP": "megap mengap tersengal gasping",
    "HARD": "angel susah sulit kesulitan sukar difficulty trouble hardly barely",
    "LIPS": "bibir bibire lips lip",
    "BLUE": "biru blue kebiruan membiru",
    "CHOKE": "tasadak keselek kesedak tersedak keselak kasereg choking choke choked",
    "SWALLOW": "nelen nelan menelan ketelen ketelan tertelan keteleg swallowed swallow",
    "OBJECT": "pulpen tutup koin uang permen biji mainan tulang kelereng baterai peniti coin toy marble candy battery magnet magnets pin button jarum needle",
    "KEJANG": "sawanen kejang kejer kelojotan sawan seizure seizures seizing convulsion convulsions convulsing kejangnya "
              "stip",
    "EPI": "epilepsi ayan epilepsy",
    "RELAPSE": "kambuh kumat relapse",
    "STEP": "step",
    "FOAM": "berbusa busa foaming foam",
    "BLEEDSTRONG": "pendarahan perdarahan hemorrhage haemorrhage hemorrhaging",
    "DARAH": "darah berdarah getih getihen blood bleeding bleeds bleed darahe mimisan flek dhara",
    "ONGOING": "terus terusan mulu",
    "PERIOD": "haid mens menstruasi",
    "HEAVY": "bana nian banyak banget sekali pisan akeh loba seueur sanget berat ngucur mengucur ngocor kucur muncrat deras hebat "
             "parah heavily heavy lot lots badly severe severely profusely nyembur sebaskom penuh bersimbah berlumuran lumuran belepotan basah kuyup everywhere gushing spurting pouring soaked soaking",
    "STOP": "berhenti henti mandeg mandek eureun stop stops stopping stopped mampet ilang hilang brenti berenti brhenti leren",
    "DEEP": "dalam dalem deep",
    "INJURY": "luka patah sobek robek bocor cedera cidera injured injury wound wounded broken fracture tatu",
    "ACCIDENT": "hanyut tercebur kecebur kecelakaan kacilakaan kecelakan kecemplung kejegur tabrakan ketabrak ditabrak tertabrak keserempet "
                "kelindes dilindas kelindas kegiles kegilas kegiling tertimpa ketiban kejatuhan kesetrum tersetrum "
                "kesetrom setrum electrocuted tenggelam kelelep drowning drowned ketusuk tertusuk ditusuk dibacok "
                "kebacok stabbed accident crash crashed tabrak laka lakalantas ketabrakan",
    "FALL": "jatuh jatoh labuh ragrag tibo kepleset nyungsep kebentur terbentur kejedot fell fall falling",
    "HEIGHT": "pohon tangga atap genteng motor sepeda ayunan sumur ketinggian lantai tebing jurang tree stairs roof "
              "ladder",
    "HEAD": "kepala sirah head",
    "CHEST": "dado dadonyo dada dodo dhadha chest",
    "PAIN": "sakik nyeseg sakit nyeri perih nyesek ampeg loro lara tekan tindih pain hurts hurt aching kenceng",
    "HEART": "jantung heart",
    "ATTACK": "serangan attack",
    "STROKE": "stroke struk strok setrok",
    "FACE": "sungut sungutna muka wajah mulut rai beungeut face mouth raine cangkem cangkeme lambe mowa mowana",
    "CROOKED": "turun mencong merot perot miring menceng peyot mencos drooping droop droops crooked",
    "SPEECH": "nyarita bicara ngomong omong omongan ngobrol ucapan speech speak speaking talk talking ngomonge ngoca",
    "SLUR": "ngaco pelo cadel celat pelat slurred slurring rancu",
    "JELAS": "jelas clear jelasnya",
    "WEAK": "limp floppy lemah lemas lemes lumpuh kebas lunglai weak numb paralyzed paralysed lemesh",
    "PARALYSIS": "lumpuh kebas paralyzed paralysed numb",
    "LIMB": "jari jempol telunjuk tangan kaki lengan paha tulang finger thumb hand leg arm bone",
    "FRACTURE": "hancur patah putus buntung remuk fracture fractured broken",
    "SIDE": "sebelah separuh sisi side kiri kanan left right",
    "POISONED": "keracunan overdosis overdose poisoned poisoning",
    "POISON": "pembersih deterjen detergen detergent wipol soklin racun beracun bensin baygon pestisida insektisida portas bayclin karbol pembasmi herbisida poison "
              "pemutih tiner thinner spiritus oplosan kerosene gasoline petrol paraffin mothballs "
              "pesticide bleach gramoxone paraquat",
    "INGEST": "nyeruput seruput menyeruput diseruput nenggak tenggak menenggak ngombe mimik minum diminum nginum makan dimakan kemakan nelen nelan menelan ketelen ketelan tertelan drank drink "
              "swallowed ate eaten",
    "OBAT": "butir paracetamol parasetamol panadol obat pil tablet pills pill",
    "LOTS": "sekeping selembar skaligus strip sestrip selempeng bunch handful sebotol sepapan sestrip segenggam kebanyakan sekaligus botol bottle",
    "BITE": "patok kacoco attacked mauled digigit kegigit gigit gigitan dicokot kecokot dipatok kepatok dipacok disengat kesengat digegel "
            "kagegel gegel snakebite bitten bite bit stung catok kacatok dicatok patuk dipatuk kepatuk matuk dipagut kacokot kapatok",
    "ANIMAL": "dogs snakes ular ulo ula uler ulane snakebite kobra cobra snake anjing asu dog kalajengking scorpion lipan tawon lebah "
              "monyet kera rabies oray",
    "BURNED": "gosong burns terbakar kebakar kebakaran kobong kaduruk airkeras melepuh burned burnt scalded scald lukabakar",
    "SPILL": "kesiram kesiraman tersiram ketumpahan kena kecipratan spilled",
    "HOT": "panas api fire hot boiling mendidih",
    "EXPLODE": "meledak ledakan explosion exploded njeblug",
    "CHILD": "bayi bayiku baby babies newborn kids children anak adek adik balita dedek dede bocah budak orok putra "
             "putri child kid son daughter infant toddler newborn bocil",
    "FEVER": "panas demam fever febris sumeng muriang",
    "DRINK": "minum nyusu menyusu netek nenen mimik drink drinking feed feeding asi ngombe nginum mimi nursing breastfeed breastfeeding nyusuin",
    "DIARRHEA": "diare mencret diarrhea muntah vomiting",
    "EXPEL": "muntah mutah batuk berak bab vomiting vomit vomited coughing",
    "SUNKEN": "cekung",
    "PREG": "hamia hamil bumil meteng mbobot pregnant kandungan reuneuh kehamilan hamile",
    "BELLY": "perut weteng beuteung belly stomach abdomen abdominal",
    "CRAMP": "melilit mules kontraksi pembukaan bukaan contractions",
    "POSTPARTUM": "nglairke nglairaken ngelahirin lahirin ngalahirkeun ngalahirkeunana lahirkeun labor labour lahiran melahirkan nifas persalinan lairan babaran birth",
    "KETUBAN": "katuban katubannyo ketuban ketubane kawah kakawah",
    "BREAK": "pacah keliatan kelihatan nongol pecah rembes ngerembes merembes keluar broke broken bocor metu kaluar bedah burst leaking",
    "SUICIDE": "bunuhdiri suicide suicidal nyayat menyayat nyilet",
    "CUT": "sayat disayat iris diiris potong dipotong silet disilet cut cuts slit slashed",
    "WRIST": "nadi urat wrist wrists",
    "NEWBORN": "newborn",
    "DIZZY": "pusing kabur blurred dizzy",
    "WANT": "biar mau pengen pingin ingin kepingin mending arep hoyong want wanna",
    "DIE": "mati maot modar die dead",
    "SAJA": "saja",
    "LIVE": "hidup idup urip hirup live living",
    "DEVICE": "hp lampu listrik baterai batre mesin motor mobil laptop handphone phone battery",
    "JUMP": "loncat lompat terjun jump jumping",
    # a wish, not what is happening: "pengen pingsan aja" (tired of work) beside "mau pingsan" (about to)
    "DESIRE": "pengen pgn pingin pengin kepingin kepengen",
    # pills gathered: a sign of a planned overdose
    "HOARD": "kumpulin ngumpulin dikumpulin dikumpulkan mengumpulkan kumpulkan nimbun ditimbun",
    # laughter and jokes: a figure of speech ("mati gaya", "ngakak sampe mau mati"), not a person in danger
    "JOKE": "lebay ngeprank prank ketawa tertawa ketawain wkwk wkwkwk wkwkwkwk kwkw haha hahaha hehe lol lmao ngakak anjir anjay gabut xixixi awokwok bercanda becanda "
            "canda candaan bercandaan kidding joking",
    # a count of minutes or hours: "10 menit lalu", "10 min ago" is now, not the past
    # "besok sy udh gak ada lagi": a farewell
    "FUTURE": "besok bsk lusa tomorrow",
    "MINUTES": "menit mnt min mins minute minutes jam hour hours sejam setengah",
    "BEAT": "berdetak detak detaknya denyut denyutnya berdenyut nadi nadinya heartbeat pulse",
    "HIGHPLACE": "jembatan gedung tower menara balkon bridge building rooftop balcony",
    "WALK": "jalan berjalan leumpang mlaku walk walking",
    "WATER": "air cai banyu water",
    "NEG": "belum blm teu henteu tidak not no never gabisa ra moh emoh wegah alim sonde tra trada tida dak indak nyanda hana seng",
    "PALE": "pucat pucet pucat pale",
    "SWELL": "membengkak abuh bentol bengkak bengkaknya bengep swollen swelling",
    "ASTHMA": "asma asthma bengek mengi",
    "END": "ngakhirin mengakhiri akhiri ngakhiri",
    "ALL": "semuanya semua everything",
    "TIRED": "capek cape capai lelah tired",
    "VANISH": "ngilang menghilang lenyap",
    "THROAT": "tenggorokan tenggorokannya throat",
    "CLOSE": "nutup menutup tertutup ketutup closing",
    "WORKS": "mempan ngefek manjur",
    "ONEBYONE": "satusatu",
    "NECK": "leher lehernya tengkuk neck",
    "STIFF": "kaku stiff",
    "DIABETES": "diabetes diabetic",
    "CONFUSED": "ngigau ngelantur linglung meracau confused delirious bingung",
    "STUCK": "nyangkut nyangkot keselek ganjel stuck lodged",
    "WAKEUP": "dibangunin dibangunkan dibangunke digugah ditangeki ditangekke ditangekno ditangekake",
    "ANSWER": "jawab menjawab njawab nyaut nyahut answer answering",
    "MEANING": "artinya gunanya berarti makna maknanya",
    "EXIST": "ada",
    "TIGHT": "ketat sempit tight",
    # "ga bisa dihubungi", "surat pamit": signs that it is happening now, whatever came before
    "REACH": "dihubungi hubungi dihubungin ditelpon ditelepon dikontak reachable",
    # a desperate act feared ("takut dia nekat"): beside a farewell or someone unreachable, suicide
    "NEKAT": "nekat nekad",
    "FAREWELL": "pamitan pamit",
    "LIEDOWN": "berbaring baring tiduran rebahan telentang",
    # context: when, what for, how urgent
    # "sempet pingsan" after the accident tells its course; before every symptom, the past
    "ONCE": "sempet sempat",
    # relief before "udah": "alhamdulillah udah keluar sendiri", "syukurlah sudah sadar" (over now)
    "THANKGOD": "alhamdulillah alhamdulilah alhamdullilah syukurlah",
    # habits ("suka pingsan kalau kelamaan berdiri") and chronic conditions ("penderita stroke")
    # before the symptom: what the person lives with, not what is happening
    "HABIT": "suka sering kadang often sometimes",
    "CHRONIC": "penderita pengidap mengidap",
    "HELP": "tolong tulung tulungan tulungi tlg tolongin help sos darurat gawat urgent asap segera buruan cepetan",
    "SUDDEN": "mendadak ngadadak sudden suddenly barusan",
    "NOWADJ": "lagi sedang masih sekarang now currently keur lagek nembe",
    "PAST": "kungsi nate kemarin kemaren wingi kamari dulu dahulu pernah riwayat bekas pasca mbiyen biyen kantos baheula kapungkur yesterday "
            "penyintas ago history dulunya",
    "BETTER": "stabil enakan mendingan baikan membaik terkontrol terkendali fine ceria dicabut ditangkap ketangkep tertangkap",
    "HEALTHY": "sehat",
    "BATTERY": "baterai batere batre batrai battery batteries",
    "PLACENTA": "plasenta placenta",
    "CURED": "stabil enakan mendingan sembuh baik baikan pulih membaik diobati dijahit kering ditangani dirawat recovered healed "
             "dibawa dilarikan dirujuk",
    "AGO": "lalu last",
    "TIMEUNIT": "seminggu sebulan setahun sehari tahun taun minggu bulan hari year week month days "
                "senin selasa rabu kamis jumat jumaat sabtu ahad monday tuesday wednesday thursday friday saturday sunday",
    "SINCE": "ti dari sejak since",
    "DOC": "dicatat tercatat daftar pendaftaran registrasi terapi fisioterapi rehabilitasi surat rujukan jadwal kontrol resep rutin apotek lab laboratorium bpjs biaya bayar tarif komplain saran "
           "data umroh imunisasi vaksin kb prioritas kemoterapi ktp kartu keterangan suket asuransi klaim raharja "
           "visum schedule appointment certificate letter referral vaccination insurance lanjutan",
    "INFO": "artikel berita tugas makalah materi penyuluhan edukasi tanda gejala ciri film sinetron article mimpi bermimpi gosip hoax hoaks mitos myth "
            "homework news symptoms signs pengertian definisi arti cegah mencegah "
            "pencegahan prevent hindari "
            "pelatihan training p3k cpr layanan",
    "QUEUE": "antrean antrian terlewat kelewat kelewatan giliran loket",
    "SELF": "saya",
    "PERSON": "bapak ibu suami istri ayah mama papa mbah nenek kakek kakak emak indung bapa pasien orang nyak enyak babe babeh engkong encang encing mpok abang ema aki nini "
              "opa oma mertua ipar om tante paman bibi cucu ponakan keponakan sepupu pakde bude uwak",
    # hypotheticals, and explanations of being late: not happening to the writer now
    # "kalau ... puskesmas bisa ... gak?": a question about what the clinic does in a case, not a case
    "COND": "kalau kalo klo kl if misal misalnya",
    "CLINIC": "puskesmas pkm klinik",
    # a worry before the symptom is about what might happen ("takut anak kejang lagi"); after it,
    # about what is happening ("... malam terakhirnya, saya takut dia beneran")
    "WORRY": "takut khawatir worried afraid",
    "HYPO": "seandainya andaikan andai umpama umpamanya jagajaga incase",
    "CAUSE": "karena gara garagara soalnya sebab because nganter ngantar nganterin mengantar mengantarkan nemenin menemani",
    "LATE": "telat terlambat kesiangan late",
    "MILD": "hampir nyaris ringan kecil sedikit dikit lecet mild minor little",
    # "lutut biru doang", "mules agak", "udh brenti sendiri": what the writer plays down (the learned
    # model's finding is dropped beside it when nothing says it is happening now)
    "MINOR": "doang dikit sedikit agak lumayan",
    # "cuma lecet doang", "cuma benjol kecil": an injury played down (PLAYED, after the words below)
    "ONLY": "cuma cuman hanya",
    "SMALLHURT": "benjol memar lecet baret tergores gores",
    "FUNGUS": "jamur",  # wild mushrooms, then vomiting
    # "udah siapin obatnya" beside a farewell; "selamat tinggal ... selamanya"
    "PREPARED": "siapin nyiapin disiapin siapkan disiapkan menyiapkan nyiapain",
    "FOREVER": "selamanya selamanyo forever",
    "KUAT": "kuat kuwat",  # "ga kuat (lagi)" beside a farewell: giving up
    "GIVEAWAY": "bagiin dibagiin bagikan dibagikan kasihin dikasihin",  # belongings given away beside a farewell
}
LEX: dict[str, tuple[str, ...]] = {}
for tag_name, words in LEX_GROUPS.items():
    for w in words.split():
        LEX[w] = tuple(dict.fromkeys(LEX.get(w, ()) + (tag_name,)))
# "abis dirawat": after a stay in hospital; "timbang" is no typo of "tumbang"
LEX.update({"suket": (), "ledekan": (), "diledek": (), "ledek": (), "pertolongan": (), "sudah": ("SUDAH",), "su": ("SUDAH",), "cepat": ("HELP",), "abis": ("SUDAH",), "habis": ("SUDAH",),
            "timbang": (), "keliling": (), "serum": (),
            # ordinary words one or two letters from a symptom word, which the typo correction took
            # for it ("tersimpan" for "tertimpa", "keseleo" for "keselek", "kunjungan" for "kandungan")
            "tersimpan": (), "simpan": (), "disimpan": (), "menyimpan": (), "keseleo": (), "kehabisan": (),
            "kunjungan": (), "untung": (), "tambang": (), "kecakar": (), "dicakar": (), "cakar": (), "beach": (), "berbisa": (), "enggal": (), "yayat": ()})
EXTRA = {"gamau": "tidak mau", "gapapa": "tidak apa apa", "gpp": "tidak apa apa", "gakpapa": "tidak apa apa", "gabisa": "tidak bisa", "gakbisa": "tidak bisa", "gbisa": "tidak bisa",
          "gakuat": "tidak kuat", "gakmau": "tidak mau", "ndak": "tidak", "cant": "can not", "ngga": "tidak",
          "cannot": "can not", "wont": "will not", "dont": "do not", "doesnt": "does not", "didnt": "did not",
          "isnt": "is not", "couldnt": "could not", "aint": "is not"}
PHRASES: dict[tuple[str, ...], str] = {
    ("tiba", "tiba"): "mendadak", ("ujug", "ujug"): "mendadak", ("all", "of", "a", "sudden"): "mendadak",
    ("tekanan", "darah"): "", ("blood", "pressure"): "", ("patah", "hati"): "",
    ("passed", "out"): "pingsan", ("heart", "attack"): "serangan jantung", ("angin", "duduk"): "serangan jantung",
    ("water", "broke"): "ketuban pecah", ("water", "just", "broke"): "ketuban pecah",
    ("waters", "just", "broke"): "ketuban pecah", ("water", "has", "broken"): "ketuban pecah",
    ("waters", "have", "broken"): "ketuban pecah", ("water", "is", "leaking"): "ketuban pecah",
    ("jaga", "jaga"): "jagajaga", ("in", "case"): "incase",
    ("sebelum", "kena"): "jagajaga", ("jangan", "sampai"): "jagajaga", ("biar", "tidak"): "jagajaga",
    ("supaya", "tidak"): "jagajaga", ("agar", "tidak"): "jagajaga", ("waters", "broke"): "ketuban pecah", ("waters", "broken"): "ketuban pecah",
    ("water", "broken"): "ketuban pecah", ("bunuh", "diri"): "bunuhdiri", ("gantung", "diri"): "bunuhdiri",
    ("kill", "myself"): "bunuhdiri", ("end", "my", "life"): "bunuhdiri", ("akhiri", "hidup"): "bunuhdiri", ("bunuh", "dri"): "bunuhdiri",
    ("ngakhirin", "hidup"): "bunuhdiri", ("ngakhirin", "hidupku"): "bunuhdiri", ("akhiri", "hidupku"): "bunuhdiri",
    ("mengakhiri", "hidupku"): "bunuhdiri", ("ending", "my", "life"): "bunuhdiri", ("take", "my", "own", "life"): "bunuhdiri",
    ("having", "a", "fit"): "kejang", ("had", "a", "fit"): "kejang", ("kapur", "barus"): "racun",
    ("having", "a", "stroke"): "stroke mendadak",
    ("mengakhiri", "hidup"): "bunuhdiri", ("luka", "bakar"): "lukabakar", ("mati", "rasa"): "kebas",
    ("si", "kecil"): "anak", ("obat", "nyamuk"): "racun", ("racun", "tikus"): "racun",
    ("minyak", "tanah"): "racun", ("air", "ketuban"): "ketuban", ("gmn", "ini"): "tolong",
    ("gimana", "ini"): "tolong", ("bagaimana", "ini"): "tolong", ("piye", "iki"): "tolong", ("kumaha", "ieu"): "tolong",
    ("next", "step"): "", ("first", "step"): "", ("step", "by"): "", ("mati", "lampu"): "",
    ("mati", "listrik"): "", ("hari", "ini"): "sekarang", ("right", "now"): "sekarang",
    ("berat", "badan"): "", ("panas", "dalam"): "", ("baru", "saja"): "barusan", ("just", "now"): "barusan",
    ("air", "keras"): "airkeras", ("capek", "hidup"): "bunuhdiri", ("cape", "hidup"): "bunuhdiri",
    ("lelah", "hidup"): "bunuhdiri", ("baru", "lahir"): "newborn", ("hit", "by"): "ditabrak",
    ("self", "harm"): "nyayat", ("satu", "satu"): "satusatu", ("kencing", "manis"): "diabetes",
    ("sakit", "gula"): "diabetes", ("gula", "darah"): "diabetes",
    ("too", "many"): "kebanyakan", ("tidak", "apa", "apa"): "baikan", ("tidak", "papa"): "baikan", ("kalau", "nanti"): "jagajaga",
    ("nanti", "kalau"): "jagajaga",
    ("apa", "itu"): "pengertian", ("nyakitin", "diri"): "nyayat", ("menyakiti", "diri"): "nyayat",
    ("melukai", "diri"): "nyayat", ("ngelukain", "diri"): "nyayat", ("surat", "perpisahan"): "bunuhdiri",
    ("malam", "terakhirnya"): "bunuhdiri", ("pesan", "perpisahan"): "bunuhdiri", ("chat", "perpisahan"): "bunuhdiri",
    ("pergi", "selamanya"): "bunuhdiri", ("pergi", "untuk", "selamanya"): "bunuhdiri", ("lebih", "baik"): "mending", ("pil", "kb"): "pil", ("kesengat", "listrik"): "kesetrum", ("tersengat", "listrik"): "kesetrum", ("kyk", "mau", "pingsan"): "hampir pingsan", ("kayak", "mau", "pingsan"): "hampir pingsan",
    ("kaya", "mau", "pingsan"): "hampir pingsan", ("kek", "mau", "pingsan"): "hampir pingsan",
    ("seperti", "mau", "pingsan"): "hampir pingsan", ("surat", "pamit"): "bunuhdiri pamitan",
    ("pesan", "pamit"): "bunuhdiri pamitan", ("chat", "pamit"): "bunuhdiri pamitan",
    ("nadinya", "tidak", "ada"): "tidak berdenyut", ("nadi", "tidak", "ada"): "tidak berdenyut",
    ("denyutnya", "tidak", "ada"): "tidak berdenyut", ("denyut", "nadi"): "denyut",
    ("mati", "gaya"): "gabut", ("cuma", "nanya"): "pengertian", ("main", "biasa"): "sudah baikan", ("point", "anymore"): "bunuhdiri", ("pegi", "selamonyo"): "bunuhdiri",  ("pergi", "selamonyo"): "bunuhdiri",
    ("pegi", "selamanya"): "bunuhdiri", ("dulu", "selamanya"): "bunuhdiri", ("dulu", "selamonyo"): "bunuhdiri", ("do", "this", "anymore"): "bunuhdiri",
    ("denger", "denger"): "berita", ("dengar", "dengar"): "berita", ("grup", "wa"): "berita", ("tapi", "tidak", "apa", "apa"): "sudah baikan",
    ("tp", "tidak", "apa", "apa"): "sudah baikan", ("hanya", "ingin", "tahu"): "pengertian", ("cuma", "ingin", "tahu"): "pengertian",
    ("cuma", "pengen", "tau"): "pengertian", ("sekedar", "ingin", "tahu"): "pengertian", ("cuma", "tanya"): "pengertian", ("hanya", "bertanya"): "pengertian",
    ("just", "asking"): "pengertian", ("nanya", "soal"): "pengertian", ("tanya", "soal"): "pengertian",
    ("nanya", "tentang"): "pengertian", ("tanya", "tentang"): "pengertian",
    ("baru", "pulih"): "sudah pulih", ("baru", "sembuh"): "sudah sembuh", ("just", "recovered"): "sudah pulih",
    ("cek", "luka", "jahitan"): "kontrol", ("cek", "jahitan"): "kontrol", ("kontrol", "jahitan"): "kontrol",
    ("lepas", "jahitan"): "kontrol", ("buka", "jahitan"): "kontrol", ("angkat", "jahitan"): "kontrol", ("waktu", "itu"): "dulu", ("what", "is"): "pengertian",
    ("ari", "ari"): "plasenta", ("nangis", "kejer"): "nangis",
    # round 22: a first pregnancy told beside the present one; "hampir putus" is not mild; news heard;
    # joining the dead, no longer a burden: suicide said without a suicide word
    ("pas", "hamil", "anak", "pertama"): "dulu hamil", ("waktu", "hamil", "anak", "pertama"): "dulu hamil",
    ("hampir", "putus"): "putus parah", ("nyaris", "putus"): "putus parah",
    ("dengar", "kabar"): "berita", ("denger", "kabar"): "berita", ("dapat", "kabar"): "berita", ("dapet", "kabar"): "berita",
    ("dpt", "kabar"): "berita", ("denger", "ada"): "berita ada", ("dengar", "ada"): "berita ada",
    # round 23: weed killer; "gak nyambung diajak ngomong" is confusion; afraid of oneself; nobody hurt
    ("obat", "semprot"): "racun", ("obat", "rumput"): "racun", ("obat", "hama"): "racun", ("racun", "rumput"): "racun",
    ("gak", "nyambung"): "bingung", ("ga", "nyambung"): "bingung", ("tidak", "nyambung"): "bingung",
    ("takut", "sama", "diriku", "sendiri"): "bunuhdiri", ("takut", "sama", "diri", "sendiri"): "bunuhdiri",
    ("takut", "dengan", "diri", "sendiri"): "bunuhdiri", ("takut", "sm", "diri", "sendiri"): "bunuhdiri",
    ("gerak", "aktif"): "sudah baikan", ("gula", "darahnya"): "diabetes", ("nyusul", "almarhum"): "bunuhdiri", ("nyusul", "almarhumah"): "bunuhdiri",
    ("menyusul", "almarhum"): "bunuhdiri", ("menyusul", "almarhumah"): "bunuhdiri", ("nyusul", "alm"): "bunuhdiri",
    ("repot", "lagi", "ngurus"): "bunuhdiri", ("nyusahin", "lagi"): "bunuhdiri", ("ngerepotin", "lagi"): "bunuhdiri",
    # told as over or harmless: "masih main kok", "gak ada korban, semua aman", "ternyata cuma laper", "bebas kejang"
    ("masih", "main"): "sudah baikan", ("masih", "maen"): "sudah baikan", ("semua", "aman"): "sudah baikan",
    ("semua", "selamat"): "sudah baikan", ("ternyata", "cuma"): "sudah baikan", ("ternyata", "hanya"): "sudah baikan",
    ("kata", "dokter", "normal"): "sudah baikan", ("bebas", "kejang"): "sudah sembuh", ("normal", "lagi"): "baikan", ("udh", "normal"): "sudah baikan", ("udah", "normal"): "sudah baikan", ("sudah", "normal"): "sudah baikan",
}

# Compounds: (name, first tag, second tag, max tokens from first to second).
COMPOUNDS = (
    ("NOTAWAKE", "NEG", "SADAR", 2), ("NOTAWAKE", "NEG", "BANGUN", 2), ("NOTBREATH", "NEG", "NAPAS", 3),
    ("NOTBREATH", "NAPAS", "STOP", 2), ("NOTBREATH", "STOP", "NAPAS", 1), ("NOTSTOP", "NEG", "STOP", 2), ("NOTCLEAR", "NEG", "JELAS", 2),
    ("NOTDRINK", "NEG", "DRINK", 2), ("NOTLIVE", "NEG", "LIVE", 3), ("RECENTPAST", "TIMEUNIT", "AGO", 2),
    ("RECENTPAST", "AGO", "TIMEUNIT", 1), ("CUREDNOW", "SUDAH", "CURED", 2), ("SELFNEG", "SELF", "NEG", 1), ("STOPPED", "SUDAH", "STOP", 2), ("PLAYED", "ONLY", "SMALLHURT", 2), ("GIVEUP", "NEG", "KUAT", 1), ("CUREDNOW", "THANKGOD", "SUDAH", 3),
    ("WANTDIE", "WANT", "DIE", 2), ("NOTSPEAK", "NEG", "SPEECH", 2), ("NOTBREATH", "HARD", "NAPAS", 2), ("NOTBREATH", "NAPAS", "HARD", 1),
    ("CALLEDSTILL", "CALLED", "STILL", 3), ("NOTWALK", "NEG", "WALK", 3),
    ("LABOURNOW", "POSTPARTUM", "NOWADJ", 1), ("JUMPOFF", "JUMP", "HIGHPLACE", 3), ("TIREDLIFE", "TIRED", "LIVE", 3), ("NOTAWAKE", "NEG", "WAKEUP", 3), ("NOANSWER", "NEG", "ANSWER", 2),
    ("NOTWORK", "NEG", "WORKS", 2), ("NOMEANING", "NEG", "MEANING", 3), ("SELFGONE", "SELFNEG", "EXIST", 1),
    ("NOTLIE", "NEG", "LIEDOWN", 3), ("NOTBREATH", "NAPAS", "ONEBYONE", 3), ("WATERBREAK", "WATER", "BREAK", 2), ("WATERBREAK", "BREAK", "WATER", 2),
    ("NOTREACH", "NEG", "REACH", 3), ("WISHFAINT", "DESIRE", "FAINT", 2), ("NOBEAT", "NEG", "BEAT", 3),
    # "udah tidur siang mendingan", "skrg di rumah bedrest, stabil", "udh normal lagi": better now
    ("CUREDNOW", "SUDAH", "BETTER", 4), ("CUREDNOW", "NOWADJ", "BETTER", 4), ("CUREDNOW", "SUDAH", "HEALTHY", 4), ("CUREDNOW", "BETTER", "NOWADJ", 2), ("JUMPOFF", "JUMP", "HEIGHT", 3),
    ("SWALLOWBATTERY", "SWALLOW", "BATTERY", 3), ("PLAYED", "SMALLHURT", "MINOR", 1), ("PLAYED", "SMALLHURT", "SAJA", 1),
    ("RETAINED", "PLACENTA", "NEG", 2), ("RETAINED", "PLACENTA", "STUCK", 2),
)

# Rules, one a line: kind, tags that must all occur ("+"), window in tokens ("*": anywhere in the
# message), then flags: "mild" (a MILD word within 2 tokens cancels it), "-TAG" (TAG anywhere cancels it).
RULE_TEXT = """
suicide SUICIDE 1 | suicide JUMPOFF 1 | suicide TIREDLIFE 1 | suicide END+ALL 2 | suicide WANT+VANISH 2 -DEVICE | suicide CUT+WRIST 3 | suicide WANTDIE 1 -DEVICE | suicide DIE+SAJA 1 -DEVICE | suicide NOTLIVE 1 -DEVICE
suicide LIVE+NOMEANING 4 | suicide WANT+SELFGONE 3 | suicide END+LIVE 2 | suicide NEKAT+NOTREACH * | suicide NEKAT+FAREWELL * | suicide WANT+END+SAJA 3 | suicide FUTURE+SELF+SUDAH+NEG+EXIST 6 | suicide OBAT+HOARD 4 | suicide JUMP+HIGHPLACE 10 | suicide FAREWELL+NOTREACH * | suicide FAREWELL+PREPARED * | suicide FAREWELL+FOREVER * | suicide FAREWELL+HIGHPLACE * | suicide FAREWELL+GIVEAWAY * | suicide FAREWELL+GIVEUP *
pregnancy KETUBAN+BREAK 3 | pregnancy PREG+DARAH * | pregnancy PREG+BLEEDSTRONG *
pregnancy PREG+BELLY+PAIN+HEAVY * | pregnancy PREG+CRAMP * | pregnancy POSTPARTUM+DARAH *
pregnancy POSTPARTUM+BLEEDSTRONG * | pregnancy POSTPARTUM+CRAMP * | pregnancy PREG+DIZZY+HEAVY *
pregnancy PREG+FALL * | pregnancy RETAINED+DARAH * | pregnancy RETAINED+BLEEDSTRONG * | pregnancy CHILD+HEAD+BREAK 3 | pregnancy LABOURNOW 1 | pregnancy PREG+WATERBREAK *
child_fever CHILD+FEVER+NOTDRINK * | child_fever CHILD+NOTDRINK+WEAK * | child_fever CHILD+NOTDRINK+DIARRHEA *
child_fever CHILD+SUNKEN * | child_fever CHILD+FEVER+HIGHTEMP * | child_fever NEWBORN+NOTDRINK *
child_fever NEWBORN+FEVER * | child_fever CHILD+FEVER+WEAK *
choking CHOKE 1 | choking SWALLOW+OBJECT 3 | choking THROAT+STUCK 3 | seizure KEJANG 1 | seizure FOAM 1 | seizure EPI+RELAPSE 3
stroke STROKE+SUDDEN * | stroke STROKE+HELP * | stroke STROKE+NOWADJ 1 | stroke FACE+CROOKED 3
stroke SPEECH+SLUR 3 | stroke SPEECH+NOTCLEAR 3 | stroke WEAK+SIDE 3
stroke SLUR+SUDDEN * | stroke NOTWALK+SUDDEN * | stroke NOTSPEAK+SUDDEN * | stroke PARALYSIS+SUDDEN *
chest_pain CHEST+PAIN 3 | chest_pain CHEST+SESAK 3 | chest_pain ATTACK+HEART 1
not_breathing NOTBREATH 1 | not_breathing GASP 1 | not_breathing SESAK+HEAVY 2 | not_breathing LIPS+BLUE 2
not_breathing SESAK+BLUE * | not_breathing CHILD+BLUE 2 | not_breathing NOBEAT 1
not_breathing ASTHMA+HEAVY 4 | not_breathing NOTLIE+ASTHMA * | not_breathing NOTLIE+SESAK * | chest_pain CHEST+TIGHT 2 | not_breathing ASTHMA+NOTWORK * | not_breathing NOTSPEAK+SESAK 4
allergy SWELL+SESAK 6 | allergy THROAT+SWELL 3 | allergy SWELL+NAPAS 3 | allergy FACE+SWELL+NAPAS 10 | allergy THROAT+CLOSE 3
serious_illness NECK+STIFF+FEVER * | serious_illness DIABETES+CONFUSED *
unconscious FAINT 1 mild -WISHFAINT | unconscious NOTAWAKE 1 -SELFNEG -QUEUE | unconscious CALLEDSTILL 1 -QUEUE -SELFNEG | unconscious FALL+PALE 6 mild | unconscious FALL+STILL 6 mild | unconscious CALLED+NOANSWER 3 -QUEUE -SELFNEG
poisoning POISONED 1 | poisoning SWALLOWBATTERY 1 | poisoning FUNGUS+EXPEL 10 | poisoning POISON+INGEST 4 | poisoning OBAT+LOTS 3 | poisoning CHILD+INGEST+OBAT+HEAVY 6 | poisoning CHILD+SWALLOW+OBAT 4 | poisoning INGEST+OBAT+LOTS 6
bite BITE+ANIMAL 4 mild | burn BURNED 1 mild | burn SPILL+HOT 4 mild | burn EXPLODE 1
bleeding BLEEDSTRONG 1 mild | bleeding DARAH+HEAVY 3 mild | bleeding DARAH+NOTSTOP 8 mild
bleeding DARAH+HEAD 2 mild | bleeding DARAH+ACCIDENT 4 mild | bleeding EXPEL+DARAH 2
bleeding DARAH+ONGOING 3 mild -PERIOD
accident ACCIDENT 1 mild | accident FALL+HEIGHT 4 mild | accident FALL+HEAD 4 mild
accident INJURY+DEEP 2 mild | accident INJURY+HEAVY 2 mild | accident FRACTURE+LIMB 2 mild
"""
# "nomornya ga aktif", "hp nya gak aktif": someone who cannot be reached (not "bpjs ga aktif")
PHRASES.update({(*phone, neg, "aktif"): "tidak dihubungi"
                for phone in (("nomornya",), ("nomornyo",), ("hpnya",), ("hp",), ("hp", "nya"), ("hpnyo",))
                for neg in ("ga", "gak", "gk", "nggak", "ngga", "tidak", "tdk", "dak", "ndak", "tak", "indak")})
# "hpnya mati", "hp nya dimatiin": the same (a phone gone dead or switched off after a farewell)
PHRASES.update({(*phone, now, neg, "aktif"): "tidak dihubungi"  # "hp nya skrg gak aktif"
                for phone in (("nomornya",), ("hpnya",), ("hp", "nya"), ("hp",)) for now in ("skrg", "sekarang", "udah", "udh", "sdh")
                for neg in ("ga", "gak", "gk", "nggak", "tidak", "tdk")})
PHRASES.update({(*phone, off): "tidak dihubungi"
                for phone in (("nomornya",), ("hpnya",), ("hp", "nya"), ("hpnyo",), ("hapenya",))
                for off in ("mati", "dimatiin", "dimatikan", "off")})
# an ambulance asked for is help wanted now ("mohon dikirim ambulans", "nyuwun ambulans")
PHRASES.update({(neg, "ada", "korban"): "sudah baikan" for neg in ("gak", "ga", "gk", "nggak", "tidak", "tdk", "tak")})
PHRASES.update({(neg, "ada", who, "luka"): "sudah baikan" for neg in ("gak", "ga", "gk", "nggak", "tidak", "tdk", "tak")
                for who in ("yg", "yang")})
PHRASES.update({(verb, amb): "tolong" for amb in ("ambulans", "ambulan", "ambulance")
                for verb in ("kirim", "dikirim", "kirimkan", "minta", "butuh", "panggil", "panggilkan", "nyuwun",
                             "tolong", "send", "need")})
# Javanese krama: "kringet adhem" (a cold sweat); "sisa stroke" (what a past stroke left)
PHRASES.update({("kringet", "adhem"): "keringat dingin", ("sisa", "stroke"): "bekas stroke",
                ("makasih", "ya", "semuanya"): "pamitan", ("makasih", "semuanya"): "pamitan",
                ("terima", "kasih", "semuanya"): "pamitan", ("maafin", "aku", "semuanya"): "pamitan"})
# a last message, a letter to one's family, "jangan cari aku", "don't stop me", "the world is better
# without me"; a faint or a death "like" something, at something seen (figures of speech); a video watched
PHRASES.update({("pesan", "terakhir"): "pamitan", ("pesan", "terakhirku"): "pamitan", ("chat", "terakhir"): "pamitan",
                ("jangan", "cari", "aku"): "tidak dihubungi", ("jangan", "cari", "gw"): "tidak dihubungi",
                ("jangan", "cariin", "aku"): "tidak dihubungi", ("jangan", "nyari", "aku"): "tidak dihubungi",
                ("ga", "usah", "dicegah"): "bunuhdiri pamitan", ("jangan", "dicegah"): "bunuhdiri pamitan",
                ("jangan", "halangi"): "bunuhdiri pamitan", ("praktikum", "di", "lab"): "praktikum",
                ("mati", "bosan"): "gabut", ("mati", "bosen"): "gabut",
                ("tidak", "darurat", "lagi"): "sudah baikan", ("bernapas", "normal"): "sudah baikan",
                ("napas", "normal"): "sudah baikan", ("main", "seperti", "biasa"): "sudah baikan",
                ("sudah", "main", "lagi"): "sudah baikan", ("udah", "main", "lagi"): "sudah baikan",
                ("lab", "sekolah"): "praktikum", ("lab", "kimia"): "praktikum", ("lab", "kampus"): "praktikum",
                ("dunia", "lebih", "baik", "tanpa"): "bunuhdiri", ("better", "off", "without", "me"): "bunuhdiri",
                ("mau", "pingsan", "liat"): "gabut", ("mau", "pingsan", "lihat"): "gabut",
                ("liat", "video"): "berita", ("lihat", "video"): "berita", ("nonton", "video"): "berita"})
PHRASES.update({(like, "mau", "mati"): "" for like in ("kayak", "kaya", "kyk", "kek", "kayaknya", "seperti")})
PHRASES.update({("surat", to, family): "pamitan" for to in ("buat", "untuk", "utk", "ke")
                for family in ("ibu", "mama", "mamah", "nyokap", "ayah", "bapak", "papa", "bokap", "keluarga", "mamak", "emak")})
# "selamat tinggal (selamanya)", "goodbye forever": a farewell (suicide beside "nekat" or unreachable)
PHRASES.update({("selamat", "tinggal"): "pamitan", ("selamat", "tinggal", "selamanya"): "bunuhdiri pamitan",
                ("goodbye", "forever"): "bunuhdiri pamitan"})

# Word sets the detector's context checks read (nlp/emergency.py)
READING_ONLY = frozenset("DIABETES ONGOING HEAVY PERSON SELF CHILD TIMEUNIT MINUTES SINCE PAST SUDAH NEG".split())
DENIED = frozenset("sampe sampai pernah kepikiran kepikir terpikir pengen ingin mau niat berniat ada".split())
DENIED_MARK = frozenset("sampe sampai pernah kepikiran kepikir terpikir niat".split())  # "gak ada niat nyakitin diri"
# "bekas gigitan bengkak", "ada bekas muntah": the marks of what just happened, not a former thing
TRACES = frozenset("gigitan gigit patukan sengatan tusukan cakaran muntah muntahan darah".split())
TREND = frozenset("naik turun tinggi rendah terus trus mulu melulu".split())
KNOW = frozenset("ngerti mengerti paham tau tahu bisa know".split())  # "ga ngerti CPR": no question for information
# "tolong hapus data saya", "mohon dibatalkan": a polite request to the bot, not a cry for help
REQUESTS = frozenset("dievaluasi diperbaiki ditingkatkan hapus hapuskan dihapus batalkan batalin dibatalkan ubah ubahkan diubah ganti diganti cek cekin dicek "
                     "kirim kirimkan dikirim info infoin infokan jelaskan jelasin daftarkan daftarin didaftarkan catat "
                     "dicatat perbaiki benerin dibenerin konfirmasi simpan".split())
BLOOD_TEST = frozenset("cek tes test periksa pemeriksaan diperiksa ambil pengambilan donor cuci gula tekanan "
                        "golongan kurang tambah transfusi sampel hasil lab".split())
DEGREES = frozenset("derajat drjt c celcius celsius degrees suhu suhunya temperature temp".split())
YESTERDAY = frozenset("kemarin kemaren kmrn kmarin wingi kamari yesterday".split())
BLOOD_AFTER = frozenset("tinggi rendah putih merah lengkap rutin test pressure sugar".split())
