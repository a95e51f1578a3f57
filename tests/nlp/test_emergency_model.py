"""The emergency detector's two opinions (issue 20, round 6): the rules, and the learned model
(`nlp.emergency_model`) that decides when no rule fires.

The emergencies and calm lines below are from the tuning sets in tests/nlp/data (the model has
learned from them; how it does on writers it never saw is measured by
`python -m bench.emergency_writers`, docs/benchmarks.md "Emergency detector", round 6).
"""
import asyncio
import threading
import time

import pytest

from bot.i18n import t
from nlp import emergency_model
from nlp.emergency import KINDS, UNKNOWN, detect, detect_off_loop, rules
from nlp.faq import MatchResult
from tests.deadlines import scaled

# emergencies no rule names (writer_w7): the model alone recognises them
MODEL_ONLY = [
    "budak abdi ujug2 ngagubrag di sakola, ayeuna teu walakaya",  # Sundanese: collapsed, limp
    "temenku OD obat, matanya setengah merem, napasnya pelan bgt",  # overdose
    "kakek darah tingginya 220 katanya, pusing hebat, muntah, penglihatan gelap",  # hypertensive crisis
    "bayi baru lahir di rumah ga nangis, badannya biru, tali pusar masih nempel",  # newborn
    "perut bapak sakit luar biasa sampe guling2, keras kayak papan, muntah hijau",  # acute abdomen
    "teman habis lari maraton tiba2 linglung, kulitnya merah panas, ga keringetan",  # heat stroke
    "aneuk lon umur 8 bulan mencret muntah dari kemarin, ubun2 cekung, hana mau nyusu, lemas that",  # Acehnese: a dry baby
    "Setelah minum obat antibiotik, badan ibu saya merah semua dan lidahnya membengkak",  # allergy
]

# emergencies of each kind the rules name (from the tuning sets)
RULED = [
    ("unconscious", "mbah kakung ambruk neng ngarep omah, ora iso ngadeg, piye iki"),
    ("unconscious", "DOK SUAMI SAYA PINGSAN DI DAPUR MUKANYA PUCET BGT"),
    ("choking", "tersedak tulang ikan tlg skrg"),
    ("seizure", "gimana pertolongan pertama kalo org kejang, ini lg kejang"),
    ("poisoning", "mamaku minum racun tikus, mulutnya berbusa, di mana ki bisa dibawa cepat"),
    ("pregnancy", "ibu hamil pendarahan di jalan mau ke puskesmas"),
    ("suicide", "I don't want to live anymore"),
    ("suicide", "sy ngerasa pengen nyakitin diri sendiri sekarang, ga bisa berhenti mikirin itu"),
    ("suicide", "anak sy nulis surat perpisahan trs skrg ga ada di rumah, hp nya mati"),
    ("accident", "kecelakaan di depan puskesmas ada yg luka parah tolong kirim ambulans"),
    ("not_breathing", "please help, my father collapsed and he is not breathing, kami di dekat puskesmas"),
]

# calm lines with frightening words (writer_w7's, which the rules alerted on when first scored)
CALM = [
    "dulu aq pernah keselek tulang ikan, skrg tenggorokan masih agak ga enak, poli THT ada?",
    "ada pelatihan P3K atau cara pertolongan pertama orang tenggelam gak di puskesmas?",
    "kalau bumil ketubannya pecah tengah malam, puskesmas bisa nolong lahiran gak?",
    "kalo di hari libur ada yg kecelakaan, puskesmas tetep buka gak?",
    "tetangga tadi tenggelam tapi udah dibawa ke RS, sy mau tanya apa puskesmas ada pelatihan CPR",
    "apakah ada serum anti bisa ular di puskesmas kami? di sini banyak ular sawah",
    "ada layanan berhenti merokok gak? bapak habis sakit dada katanya disuruh stop rokok",
    "ini no antrean sy A023, ibu sy lagi ngeluh pusing kyk mau pingsan, kira2 masih lama gak dipanggil?",
    "habis digigit ular weling dan selamat, mau minta cek lanjutan, ke poli umum kan?",
    "jam brp buka?",
    "wkwk bosen bgt gue",
    "tolong hapus semua data sy dr sistem",
]


@pytest.mark.parametrize("text", MODEL_ONLY)
def test_the_model_recognises_what_no_rule_names(text):
    assert rules(text) is None
    found = detect(text)
    assert found is not None, text
    assert (found.kind, found.kinds, found.source) == (UNKNOWN, (UNKNOWN,), "model")
    assert found.probability is not None and found.probability >= emergency_model.THRESHOLD
    assert found.words, "the staff see which words weighed most"


@pytest.mark.parametrize("kind,text", RULED)
def test_a_rule_keeps_its_kind(kind, text):
    found = detect(text)
    assert found is not None and kind in found.kinds and found.source == "rules", (text, found)
    assert found.kind in KINDS


@pytest.mark.parametrize("text", CALM)
def test_calm_lines_are_not_alerted(text):
    assert detect(text) is None, (text, detect(text), emergency_model.loaded().probability(text))


def test_the_staff_alert_says_honestly_what_an_unknown_kind_is(texts):
    assert "pesan darurat" in t(f"em.kind.{UNKNOWN}", "id")
    assert "not recognised" in t(f"em.kind.{UNKNOWN}", "en")


def test_match_reports_darurat_with_the_unknown_kind(matcher):
    r = matcher.match(MODEL_ONLY[0])
    assert isinstance(r, MatchResult)
    assert (r.intent, r.score, r.emergency) == ("darurat", 1.0, UNKNOWN)


def test_detection_stays_fast():
    texts = MODEL_ONLY + [text for _, text in RULED] + CALM
    detect(texts[0])  # the model loaded
    took = []
    for _ in range(3):
        for text in texts:
            t0 = time.perf_counter()
            detect(text)
            took.append(time.perf_counter() - t0)
    took.sort()
    assert took[len(took) // 2] < scaled(0.005), took[len(took) // 2]


def test_the_model_is_cached_and_refitted_when_its_data_changes(tmp_path):
    sets = emergency_model.writer_sets()
    assert len(sets) >= 8
    key = emergency_model.cache_key(sets)
    fitted = emergency_model._load_or_fit(tmp_path, sets, emergency_model.CORPUS, key)
    assert fitted is not None and fitted.key == key
    assert [p.name for p in tmp_path.iterdir()] == [f"emergency-model-{key[:16]}.joblib"]
    loaded = emergency_model._load_or_fit(tmp_path, sets, emergency_model.CORPUS, key)
    assert loaded is not fitted and loaded.probability(MODEL_ONLY[0]) == pytest.approx(fitted.probability(MODEL_ONLY[0]))
    assert emergency_model.cache_key(sets[1:]) != key
    assert emergency_model.fit([], emergency_model.CORPUS) is None  # no emergency to learn from: rules only


def test_the_staff_alert_of_a_model_finding_names_no_invented_kind(texts, settings):
    import datetime as dt

    from handlers.emergency_alerts import alert_text
    from queue_core.alerts import AlertView

    at = dt.datetime(2026, 12, 7, 9, 30)
    alert = AlertView(id=1, created_at=at, user_id=5, source="text", kind=UNKNOWN, text=MODEL_ONLY[1], name="Sari",
                      phone="0812", registered=True, escalate_at=at, escalated_at=None, acked_by=None, acked_name=None,
                      acked_at=None, messages=())
    body = alert_text(alert, settings)
    assert "Dugaan: pesan darurat (jenisnya tidak dikenali otomatis; baca pesannya)" in body
    assert MODEL_ONLY[1] in body


async def test_a_model_still_loading_is_asked_off_the_event_loop(monkeypatch):
    """The first patient text after a start can arrive while the model is being loaded or fitted
    (a second or more): the bot's loop must go on meanwhile, and a rule's finding needs no model."""
    model = emergency_model.current()
    release = threading.Event()

    class Loading(emergency_model._Current):
        def get(self, cache_dir=None, corpus_path=emergency_model.CORPUS):
            release.wait(scaled(10))
            self.key, self.model = "loaded", model
            return model

    monkeypatch.setattr(emergency_model, "_CURRENT", Loading())
    assert not emergency_model.is_loaded()
    ruled = await asyncio.wait_for(detect_off_loop(RULED[0][1]), scaled(1))
    assert ruled is not None and ruled.kind == RULED[0][0]
    asking = asyncio.create_task(detect_off_loop(MODEL_ONLY[0]))
    for _ in range(5):
        await asyncio.sleep(0)
    assert not asking.done() and not release.is_set()  # the loop runs while the model loads
    release.set()
    found = await asyncio.wait_for(asking, scaled(10))
    assert found is not None and found.kind == UNKNOWN and emergency_model.is_loaded()
