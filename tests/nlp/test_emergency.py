"""The emergency detector (`nlp.emergency`) and its place in front of the FAQ matcher.

Examples written for this file (none copied from the blind calibration or evaluation sets).
"""
import json
import subprocess
import sys

import pytest

from nlp.emergency import KINDS, detect
from tests.deadlines import scaled

from .conftest import ROOT

EMERGENCIES = [
    # collapse, fainting, unconscious
    ("unconscious", "nenek ambruk di dapur ga bangun bangun"),
    ("unconscious", "suamiku pinsan pas lagi kerja di sawah"),
    ("unconscious", "my mom fainted and she is not responding"),
    ("unconscious", "kakek gak sadarkan diri abis jatuh di kamar mandi"),
    ("unconscious", "bapak klenger ora iso tangi"),
    ("unconscious", "ema kapiuhan di dapur, teu eling"),
    # not breathing
    ("not_breathing", "bayi sy napasnya berhenti"),
    ("not_breathing", "my dad can't breathe"),
    ("not_breathing", "suami sesak napas parah bibir membiru"),
    ("not_breathing", "mbah ora iso ambegan"),
    ("not_breathing", "nafasnya tersengal-sengal"),
    # choking
    ("choking", "anak ketelen koin, batuk batuk terus"),
    ("choking", "kakek kesedak tulang ikan"),
    ("choking", "my baby is choking on a grape"),
    # seizures
    ("seizure", "anakku step, badannya kaku matanya mendelik"),
    ("seizure", "suami kambuh ayannya kelojotan di lantai"),
    ("seizure", "my son is having a seizure"),
    ("seizure", "adik kejangg"),
    # heavy bleeding
    ("bleeding", "kaki kena beling darahnya gak mau berhenti"),
    ("bleeding", "jari kepotong pisau darah ngucur"),
    ("bleeding", "he is bleeding a lot from his head"),
    ("bleeding", "getihe metu akeh banget"),
    # accident with injury
    ("accident", "tetangga ketabrak mobil kakinya patah"),
    ("accident", "anak jatuh dari tangga kepalanya bocor"),
    ("accident", "ada yang tenggelam di kali"),
    ("accident", "my brother crashed his motorbike"),
    ("accident", "kacilakaan di jalan raya"),
    # chest pain
    ("chest_pain", "dada kiri suami nyeri menjalar ke lengan"),
    ("chest_pain", "chest pain and sweating"),
    ("chest_pain", "ibu bilang dadanya sesek kaya ditindih"),
    ("chest_pain", "kayaknya bapak kena angin duduk"),
    ("chest_pain", "dodone loro banget"),
    # stroke signs
    ("stroke", "mulut bapak perot, tangan kanan lumpuh"),
    ("stroke", "face drooping and slurred speech"),
    ("stroke", "kakek kena stroke barusan"),
    ("stroke", "omongane pelo ujug ujug"),
    # poisoning
    ("poisoning", "anak minum bensin"),
    ("poisoning", "keponakan ketelan obat nyamuk cair"),
    ("poisoning", "my kid drank bleach"),
    ("poisoning", "suami keracunan jengkol"),
    ("poisoning", "dia minum obat tidur sepapan"),
    # bites
    ("bite", "anak dipatok ular pas main di kebun"),
    ("bite", "bitten by a stray dog"),
    ("bite", "kakinya dicokot ulo"),
    ("bite", "leungeun budak digegel anjing"),
    # severe burns
    ("burn", "tangan adik melepuh kena knalpot"),
    ("burn", "kesiram air mendidih sebadan"),
    ("burn", "my son spilled boiling water on himself"),
    ("burn", "tabung gas njeblug"),
    # baby or child: high fever with convulsions or not drinking
    ("child_fever", "anak 2 tahun demam 40 derajat"),
    ("child_fever", "bayiku demam ga mau nenen seharian"),
    ("child_fever", "balita mencret terus ga mau minum lemes"),
    ("child_fever", "my baby has a fever and won't feed"),
    ("seizure", "orok panas tinggi terus kejang"),
    ("child_fever", "bayi baru lahir ga mau nyusu"),
    # pregnancy
    ("pregnancy", "istri hamil 5 bulan flek darah"),
    ("pregnancy", "lagi hamil 9 bulan perut sakit banget"),
    ("pregnancy", "ketuban sy rembes padahal baru 7 bulan"),
    ("pregnancy", "my waters broke"),
    ("pregnancy", "habis melahirkan darahnya keluar terus"),
    ("pregnancy", "pamajikan reuneuh, beuteungna nyeri pisan"),
    ("pregnancy", "ibu hamil 8 bln pusing hebat pandangan kabur"),
    # suicidal words
    ("suicide", "aku pengen mengakhiri hidup"),
    ("suicide", "i want to kill myself"),
    ("suicide", "rasanya pengin mati saja"),
    ("suicide", "udah gak ada gunanya hidup"),
    ("suicide", "i dont want to live anymore"),
    ("suicide", "kanca ku arep gantung diri"),
    # allergy, serious illness (round 5: the kinds the sealed sets showed were missing)
    ("allergy", "habis disuntik mukanya bengkak terus sesak"),
    ("allergy", "tenggorokan anakku rasanya nutup abis makan kacang"),
    ("serious_illness", "kakak panas tinggi lehernya kaku banget"),
    ("serious_illness", "mbah sakit gula dari pagi ngelantur terus"),
    ("not_breathing", "asma bapak kumat inhalernya ga mempan"),
    ("choking", "ada tulang ikan nyangkut di tenggorokan bayi"),
    # round 2 (issue 20, the bot's emergency handler): words and forms the first round missed
    ("unconscious", "suami gak respon dipanggil2"),
    ("not_breathing", "he stopped breathing"),
    ("seizure", "my daughter is having a fit"),
    ("bleeding", "darah keluar terus dari luka di kepala"),
    ("poisoning", "anak makan kapur barus"),
    ("poisoning", "my daughter drank kerosene"),
    ("poisoning", "bapak minum oplosan sekarang muntah2"),
    ("suicide", "aku mau ngakhirin hidupku"),
    ("suicide", "tlg sy mau bunuh dri"),
    ("suicide", "i feel like ending my life"),
    ("stroke", "mbah kenek stroke cangkeme mencong"),
    ("stroke", "my grandmother is having a stroke"),
    ("child_fever", "bayiku panas ra gelem mimik"),
    # past words do not hide an emergency happening now
    ("unconscious", "tolong, kemarin bapak jatuh sekarang ga sadar"),
    ("seizure", "dulu pernah kejang, ini lagi kejang lagi"),
    ("child_fever", "anak lemes ga mau minum dari kemarin"),
    # round 7 (forms of the sixth writer's misses, new sentences)
    ("unconscious", "kakektibatibajatuhdikamarmandibelumsadar"),
    ("not_breathing", "napas bayi berhenti berhenti, kadang lama baru napas lagi"),
    ("poisoning", "anak sy ketelan pil kb sestrip, sekarang lemes"),
    ("burn", "suami kebakar waktu bakar daun, celananya sempat kena api"),
    ("unconscious", "bapak kesetrum pompa air, sempat pingsan"),
    ("seizure", "adik hamil 8 bulan kejang, kakinya bengkak kemarin"),
    ("suicide", "rasanya lebih baik aku tidak ada"),
    ("suicide", "hidupku udah ga ada gunanya"),
    ("suicide", "adik kirim chat perpisahan trus hp nya mati"),
    ("suicide", "capek, mau pergi untuk selamanya"),
    ("not_breathing", "bapak penderita asma, sesak sampai ga bisa berbaring"),
    ("chest_pain", "dada ketat banget dari tadi"),
    # round 9 (forms of the ninth writer's misses, new sentences)
    ("seizure", "istri kejang dari tadi ga berhenti2, dulu pernah epilepsi"),
    ("bleeding", "operasi sesar minggu lalu, sekarang keluar darah banyak sekali"),
    ("suicide", "kakak sy bilang mau mengakhiri hidupnya, udh nulis surat buat ibu"),
    ("suicide", "teman sy di atas gedung parkir bilang mau lompat"),
    ("not_breathing", "kakek jatuh di teras, nadinya ga ada"),
    # round 10 (forms of the tenth writer's misses, new sentences)
    ("stroke", "istri sy mukanya mencong dan ngomongnya pelo, mulai 15 menit lalu"),
    ("bite", "adik digigit anjing kampung sampai sobek, anjingnya belum divaksin"),
    ("suicide", "obat tidur udh sy kumpulin semua, malam ini sy minum"),
    ("unconscious", "bapak mboten saged ditangekke, dipanggil meneng wae"),
    # round 11 (forms of the eleventh writer's misses, new sentences)
    ("suicide", "kakak sy pamit ke semua orang trs pergi, skrg hp nya gk bisa dihubungi"),
    ("allergy", "my husband's throat is swelling after a bee sting"),
    ("unconscious", "paman sy gk sadar, dipanggil gk jawab"),
    ("unconscious", "mama su sonde bangun, badan dingin"),
    # round 12 (forms of the twelfth writer's misses, new sentences)
    ("suicide", "makasih ya semuanya, besok aku udah gak ada"),
    ("unconscious", "oma sy tiba2 gk sadar di kursi"),
    # round 13 (forms of the thirteenth writer's misses, new sentences)
    ("suicide", "i don't see the point anymore, sorry everyone"),
    ("bleeding", "jahitan sesar yg baru kemarin robek, darah keluar banyak"),
    # round 14 (forms of the fourteenth writer's misses, new sentences)
    ("suicide", "kaka bilang de tra mau hidup lagi, de pegang pisau"),
    ("suicide", "abang pamit pegi selamonyo, nomornyo dak aktif, kami takut dio nekat"),
    ("not_breathing", "amak ambo sasak angok, bibianyo biru"),
    # round 15 (forms of the fifteenth writer's misses, new sentences)
    ("seizure", "my sister has epilepsy and she is having a seizure that won't stop"),
    ("chest_pain", "bapak nyeri dada hebat, ada riwayat jantung"),
    # round 16 (forms of the sixteenth writer's misses, new sentences)
    ("chest_pain", "om sy dadanya nyeri dari tadi keringetan punya riwayat jantung"),
    ("suicide", "adik ngirim selamat tinggal ke grup trus hpnya dimatiin kami takut dia nekat"),
    ("suicide", "kakak nulis goodbye forever di status, nomornya ga aktif"),
    # rounds 17 and 18 (forms of the seventeenth and eighteenth writers' misses, new sentences)
    ("not_breathing", "bapak2 di halte ga napas, saya ga tau CPR, tolong"),
    ("pregnancy", "menantu saya melahirkan 3 hari lalu, sekarang darahnya banyak sekali keluar gumpalan"),
    ("suicide", "obatnya udah aku siapin, makasih semuanya ya"),
    ("suicide", "selamat tinggal, mungkin aku pergi aja, selamanya"),
    ("poisoning", "ibu makan jamur liar dari hutan, muntah terus dan lemas"),
    ("chest_pain", "bapak dadanya nyeri hebat keringat dingin. dulu pernah dipasang ring. mohon kirim ambulans"),
    ("chest_pain", "bapak dhadhanipun sakit sanget, kringet adhem. nyuwun ambulans"),
    # round 19 (forms of the nineteenth writer's misses, new sentences)
    ("suicide", "ini pesan terakhir dari aku, aku lagi di atas gedung"),
    ("suicide", "udah aku tulis surat buat mama, hp sama laptop udah aku bagiin ke adek"),
    ("suicide", "maaf ya aku pamit, jangan cariin aku"),
    ("suicide", "aku udah ga kuat, surat buat bapak ada di meja"),
    ("suicide", "obat tidurnya udah aku kumpulin, malam ini aku minum. jangan dicegah"),
    ("suicide", "dunia lebih baik tanpa aku"),
    ("burn", "adik di lab sekolah kesiram air keras di tangan, kulitnya melepuh"),
    # round 20: the marks of what just happened ("bekas gigitan", "bekas muntah") are no past
    ("bite", "pekerja dipatuk ular di kebun, bekas gigitan membiru dan kakinya bengkak"),
    ("unconscious", "siswa ditemukan pingsan tidak sadar di toilet sekolah, ada bekas muntah di lantai"),
    # a diabetic's confusion is no chronic condition told ("penderita asma, sesak lagi" still is)
    ("stroke", "nenek penderita diabetes ngomongnya ngaco dari tadi, keringetan"),
    # round 21: a retained placenta, still not awake after being carried home, a now that opens the
    # clauses after it, a baby unresponsive after a vaccination, a swallowed battery before any sign
    ("pregnancy", "bidan di sini, plasenta belum keluar sejam, pendarahan terus, minta rujukan segera"),
    ("unconscious", "kakek pingsan waktu nyangkul, sudah dibawa ke rumah tapi belum sadar juga"),
    ("bleeding", "kemarin keguguran di rumah, hari ini meriang, perut keras dan darah keluar banyak"),
    ("unconscious", "bayi abis imunisasi tadi pagi kok lemas, tidak respon waktu dipanggil"),
    ("choking", "adik kayaknya nelen baterai jam tangan, belum ada gejala apa2"),
    # round 22: joining the dead, no longer a burden, unreachable "skrg", a jump from a floor, a finger nearly severed
    ("suicide", "adik bilang mau nyusul almarhum bapak, dia udah di kamar sendirian"),
    ("suicide", "sy udah titip surat, besok kalian gak usah repot lagi ngurus sy"),
    ("suicide", "temanku pamit lewat chat, hp nya skrg gak aktif"),
    ("suicide", "ada suara nyuruh dia loncat dari lantai 4, sekarang dia di balkon"),
    ("accident", "tangan kena gergaji, jari hampir putus"),
    # round 23: weed killer drunk (Javanese), afraid of oneself, ending it all with poison at hand, low sugar after iftar
    ("poisoning", "nenek ngombe obat rumput, saiki lemes muntah terus"),
    ("suicide", "aku pegang silet, aku takut sama diriku sendiri"),
    ("suicide", "sy mau akhiri semua malam ini, racun udah di tangan"),
    ("serious_illness", "ayah baru buka puasa lalu gemetar keringat dingin, gula darahnya turun, ngomongnya gak nyambung"),
    # round 23: Madurese: a face gone crooked, blood that goes on after a birth
    ("stroke", "bapak ngadek langsung geblak, mowana mencong, ta' bisa ngoca'"),
    ("bleeding", "bhuru ngalahirkeun, dhara kalowar terus, tolong"),
]

CALM = [
    # past events
    "kemarin anak sy kejang, sekarang sudah sembuh, perlu kontrol ga?",
    "tahun lalu sy digigit anjing, vaksin rabies lanjutan kapan?",
    "dulu pernah pingsan waktu donor darah, skrg boleh donor?",
    "my father had a stroke last year, what day is the elderly clinic?",
    "bulan lalu kena luka bakar, bekasnya masih gatal",
    "sy sering pingsan kalau berdiri lama, periksa ke poli apa",
    "takut anak kejang lagi, obat penurun panas apa?",
    "bapak sy penderita stroke, bisa daftar online?",
    # documents and schedules
    "surat rujukan operasi jantung bapak berlaku berapa lama",
    "jadwal poli buat kontrol stroke hari apa",
    "minta surat keterangan buat klaim asuransi kecelakaan",
    "obat kejang anak sy habis, resepnya bisa ditebus di apotek?",
    "info dong tanda-tanda serangan jantung",
    # ordinary questions with words that look alarming
    "hp saya mau mati, bisa ambil antrean lewat sms?",
    "sy ga sadar nomor antrian sy udh dipanggil, gmn?",
    "cek gula darah bayar berapa",
    "tekanan darah tinggi periksa di poli mana",
    "ibu hamil cek darah di lab bisa?",
    "luka kecil kena pisau perlu dijahit ga",
    "anak sy demam obatnya apa ya",
    "obat panas buat anak 40 ribu ada ga",
    "sy ga mau mati muda, mau cek kesehatan lengkap",
    "lampu ruang tunggu mati",
    "jam berapa buka?",
    "next step after registration?",
    "sy ga nyadar dipanggil, nomor sy kelewat",
    "bapak ga sadar antrean sudah lewat",
    "mens darah keluar terus seminggu, periksa ke poli apa",
    "gula darah naik terus",
    "anak sy batuk terus dari kemarin",
    "my father had a stroke last year, is the clinic open on saturday?",
    # round 7: past markers of Javanese and Sundanese, habits, a chronic condition, another
    # patient's accident while asking about one's own queue, registration and therapy
    "ema kungsi stroke, aya poli lansia?",
    "bapak nate stroke, sakniki kontrol teng pundi",
    "kakek suka sesak kalau kecapekan, periksa ke poli apa",
    "tadi di loket ada pasien pingsan, antrean sy masih lama ga",
    "mau daftarin ibu yg lumpuh sebelah, bisa lewat bot?",
    "bapak habis kecelakaan motor bulan lalu, mau terapi di puskesmas bisa?",
    # round 9: a question asked only to know; a hypothetical about a known condition
    "ibu hamil yg pendarahan dapat prioritas ga? sy hanya ingin tahu",
    "anak sy epilepsi, kalau kejang pas antre apa petugas bisa nolong?",
    # ordinary words a letter or two from a symptom word, never corrected into one
    "data sy udh tersimpan blm ya?",
    "kaki keseleo pas main bola, ke poli umum bisa?",
    "jadwal kunjungan posyandu bulan ini kapan",
    # round 10: jokes and figures of speech, wishes, symptoms played down
    "wkwk capek bgt ujian, rasanya mau mati aja",
    "pengen pingsan aja liat tagihan listrik bulan ini",
    "mati gaya nunggu antrean, masih lama ga ya",
    "temen bilang mending mati aja drpd ujian 🤣, btw poli gigi buka jam brp?",
    "sy pamit dulu ya min, makasih infonya",
    # round 12: a "lagi" that means "again", a mine that is no collapse, a simile that is fine
    "dulu digigit kucing udh vaksin, perlu suntik lagi? kucingnya sehat",
    "suami kerja di tambang batu bara, mau cek paru di poli mana",
    "abis makan seblak mulut kayak kebakar, tp gpp kok",
    # round 13: a scratch is no burn, a rumour is no case
    "tangan kecakar kucing tetangga, perlu vaksin ga?",
    "denger2 di grup wa ada yg keracunan di kampung sebelah, bener ga sih",
    # round 14: laughing hurts, someone already stable in hospital, a card that is not active
    "perut sakit ketawa liat video lucu, poli gigi buka ga",
    "om sy kecelakaan minggu kmrn tp su stabil di RS",
    "bpjs ibu ga aktif, kemaren pingsan dan dirawat, skrg mau kontrol gmn?",
    # round 15: a sweet swallowed the wrong way that came out, the child playing again
    "td anak keselek kacang tp udh keluar, skrg main biasa lagi",
    # round 16: relief ("alhamdulillah udah"), a blood-pressure reading, a polite request, "wajar ya"
    "bapak td keselek tulang ikan alhamdulillah udah bisa ketelen, makan lagi",
    "tensi ibu tadi 150 minum obat skrg 120 obatnya abis mau tebus lagi",
    "tolong hapus riwayat saya, dulu pernah dirawat karena mau bunuh diri, skrg sudah pulih",
    "bayi muntah sekali abis nyusu terus udah ceria lagi wajar ya",
    # rounds 17 and 18: an injury played down, a wait told as a figure of speech, a stroke's remains
    "cucu jatuh dari motor2an, cuma lecet di lutut, udah main lagi, perlu ke puskesmas ga",
    "antri lama banget sampe mau pingsan rasanya, nomor sy kapan dipanggil",
    "bapak jalannya pelan sisa stroke, boleh minta dipanggil duluan?",
    # round 19: hyperbole, a prank, a video watched, a thought denied, "aman ga sih?"
    "mau pingsan liat tagihan kos bulan ini, poli umum buka jam brp",
    "rasanya kayak mau mati abis lari 5 km wkwk, tapi sehat kok",
    "temen ngeprank pura2 kejang di kelas, untung ketauan",
    "abis nonton video orang tenggelam jadi takut berenang",
    "lagi sedih tapi ga pernah kepikiran bunuh diri kok, mau konseling aja",
    "anak ga sengaja nelen biji jeruk, aman ga sih?",
    # round 20: playing as usual again, no longer an emergency, dying of boredom
    "tadi anak sempat kejang sebentar, sekarang sudah main seperti biasa, perlu kontrol kapan?",
    "yang tadi tersedak sudah tidak darurat lagi, sudah bernapas normal",
    "nunggu antrean lama banget mau mati bosen, jam berapa dipanggil?",
    # round 21: hearsay, stable or better again, a sign that stopped, a dream, a child still playing
    "katanya di desa sebelah ada yg meninggal keracunan jamur, jamurnya jenis apa ya?",
    "ibu sudah dua kali stroke, sekarang di rumah stabil, bisa minta kunjungan rumah?",
    "tadi anak keselek air, batuk sebentar, sekarang udah normal lagi",
    "skrg gak kejang lagi sejak rutin minum obat",
    "semalam mimpi anak tenggelam, serem, dia baik baik aja kok",
    "ada kebakaran di pasar, tp gak ada korban",
    "adek udah ga sesak lagi abis diuap",
    # round 22: news heard, a first pregnancy's bleeding told beside this one, better now, nearly hit
    "dapet kabar ada tabrakan di pertigaan tadi, semoga korbannya selamat",
    "pas hamil anak pertama sy pendarahan, sekarang hamil lagi mau periksa",
    "my brother fainted at work yesterday, he's fine now. is the clinic open saturday?",
    "bapak epilepsi, kejangnya udh terkontrol pake obat, obatnya bisa diambil di sini?",
    "td nyaris ketabrak truk, jantung mau copot, tp gak papa",
    # round 23: cheerful again, praise for quick care, an animal hit, nobody hurt, no intent, "benjol aja"
    "santri pingsan waktu upacara, udah minum teh, skrg ceria lagi",
    "istri kemarin pendarahan tapi ditangani cepat, terima kasih bidan",
    "ada kucing ketabrak motor depan rumah, kasihan",
    "gempa tadi, semua lari keluar tapi gak ada yang luka",
    "lagi cemas tapi gak ada niat nyakitin diri, ada psikolog?",
    "dahi kebentur meja, benjol aja, gak pusing",
    "bocah jatuh dari sepeda tadi, lutut lecet doang",
]


@pytest.mark.parametrize("kind,text", EMERGENCIES)
def test_emergency_recognised_with_its_kind(kind, text):
    found = detect(text)
    assert found is not None, text
    assert kind in found.kinds, (text, found)
    assert found.kind in KINDS and found.words


def test_every_kind_has_examples():
    assert {k for k, _ in EMERGENCIES} == set(KINDS)


@pytest.mark.parametrize("text", CALM)
def test_calm_message_is_not_an_emergency(text):
    assert detect(text) is None, (text, detect(text))


def test_a_question_whether_it_is_normal_typed_without_a_question_mark_is_calm_context():
    """The learned model's finding is dropped in a calm context: "wajar ya" at the end asks whether
    something is normal, with or without its "?" (voice typing leaves it out)."""
    from nlp.emergency import calm_context

    assert calm_context("bayi muntah sekali abis nyusu terus udah ceria lagi wajar ya")
    assert calm_context("bayi muntah sekali abis nyusu terus udah ceria lagi, wajar?")
    assert not calm_context("bayi muntah terus dari pagi lemes ga mau nyusu")


def test_a_bare_blood_sugar_reading_is_calm_context_but_not_beside_a_sign_the_rules_do_not_know():
    from nlp.emergency import calm_context

    assert calm_context("gula darah naik terus")
    assert calm_context("gula darah sy naik terus dari kemarin")
    assert not calm_context("gula darah 40 bapak keringetan gemetar")  # untagged signs: the model decides


def test_match_reports_darurat_first(matcher):
    r = matcher.match("bapak tiba2 pingsan di jalan")
    assert (r.intent, r.kind, r.score, r.emergency) == ("darurat", "faq", 1.0, "unconscious")
    assert "119" in matcher.reply(r, "id")
    calm = matcher.match("dulu pernah pingsan, jadwal kontrol kapan?")
    assert calm.intent != "darurat" and calm.emergency is None
    assert matcher.match("jam brp buka?").intent == "jam_buka"


def test_cli_reports_darurat(faq_config):
    questions = ["anakku kejang kejang tolong", "jam brp buka?", "istri hamil keluar darah banyak"]
    proc = subprocess.run(
        [sys.executable, "-m", "nlp.faq", "match", "--config", str(faq_config)],
        input="\n".join(questions) + "\n", capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=scaled(120),
    )
    assert proc.returncode == 0, proc.stderr
    objs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [list(o) for o in objs] == [["question", "intent", "score"]] * 3
    assert [o["intent"] for o in objs] == ["darurat", "jam_buka", "darurat"]
    assert objs[0]["score"] == 1.0
