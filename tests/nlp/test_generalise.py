"""Issue 20: typo and abbreviation handling, regional words, calibration on several sets, and the
emergency detector's regional words, hypotheticals and explanations.

Every sentence here was written for this file (none copied from the calibration or evaluation
sets).
"""
from pathlib import Path

import numpy as np
import pytest

from nlp.calibration import best_threshold
from nlp.corpus import load_corpus
from nlp.emergency import detect
from nlp.labelled import read_labelled
from nlp.matcher import read_calibration
from nlp.normalize import Normalizer, is_subsequence, skeleton

from .conftest import CORPUS


@pytest.fixture(scope="module")
def norm(matcher):
    return matcher.model.normalizer


# ------------------------------------------------------------------ typos and abbreviations


def test_skeleton_and_subsequence():
    assert skeleton("ganti") == skeleton("gnti") == "gnt"
    assert skeleton("imunisasi") == "imnss"
    assert is_subsequence("srat", "surat") and not is_subsequence("srat", "saat")


@pytest.mark.parametrize("text, expected", [
    ("jdwl dktr umum", "jadwal dokter umum"),  # vowels left out
    ("btl antrn", "batal antrean"),
    ("srt rjkn", "surat rujukan"),
    ("kpn bka lg", "kapan buka lagi"),
    ("imnssi anak", "imunisasi anak"),
    ("syrt dftr", "persyaratan daftar"),  # "syrt": syarat, whose letters it keeps in order
])
def test_words_with_letters_left_out_are_read(norm, text, expected):
    assert norm.normalize(text) == expected


def test_a_correction_that_only_adds_letters_wins_over_a_substitution():
    norm = Normalizer(frozenset({"zorat", "zaat", "zyarat"}))  # made-up words: no slang form is near
    assert norm.normalize("zrat") == "zorat"  # zorat: one letter added; zaat: one changed
    assert norm.normalize("zyrat") == "zyarat"  # zyarat: one added; zorat: one changed


def test_the_more_frequent_word_wins_a_tie():
    norm = Normalizer(frozenset({"zoka", "zuka"}), frequency={"zoka": 9, "zuka": 1})
    assert norm.normalize("zka") == "zoka"
    norm = Normalizer(frozenset({"zoka", "zuka"}), frequency={"zoka": 1, "zuka": 9})
    assert norm.normalize("zka") == "zuka"


@pytest.mark.parametrize("word", ["merah", "jatuh", "jangan", "ular", "kering", "cucu"])
def test_everyday_words_are_not_corrected_into_corpus_words(norm, word):
    assert norm.normalize(word) == word


# ------------------------------------------------------------------ regional words in FAQ questions


@pytest.mark.parametrize("question, intent", [
    ("ade poli ape aje", "daftar_poli"),  # Betawi
    ("ktp aye aman kagak", "data_pribadi"),
    ("wonten dokter gigi mboten", "daftar_poli"),  # Javanese krama
    ("bade nyandak nomer antrian", "cara_ambil_antrean"),  # Sundanese
    ("nmr tlp puskesmas", "kontak"),
    ("lbr gk tgl merah", "hari_libur"),
])
def test_regional_and_abbreviated_questions(matcher, question, intent):
    assert matcher.match(question).intent == intent


# ------------------------------------------------------------------ calibration


def test_the_corpus_is_calibrated_on_every_listed_set():
    corpus = load_corpus(CORPUS)
    assert len(corpus.calibration) >= 2 and all(isinstance(p, Path) and p.exists() for p in corpus.calibration)
    rows = read_calibration(corpus)
    assert len(rows) == sum(len([r for r in p.read_text(encoding="utf-8").splitlines()
                                 if r.strip() and not r.startswith("#") and not r.endswith("\temergency")])
                            for p in corpus.calibration)


def test_a_single_calibration_file_is_still_accepted(tmp_path):
    text = CORPUS.read_text(encoding="utf-8")
    start = text.index("calibration:\n")
    end = text.index("\n\n", start)
    one = text[:start] + "calibration: ../tests/nlp/data/blind_calibration.tsv" + text[end:]
    (tmp_path / "nlp").mkdir()
    path = tmp_path / "nlp" / "faq_corpus.yaml"
    path.write_text(one, encoding="utf-8")
    assert load_corpus(path).calibration == ((tmp_path / "tests/nlp/data/blind_calibration.tsv").resolve(),)


def test_accuracy_weight_moves_the_threshold():
    # one in-scope question scores below one out-of-scope question: accept both or reject both
    scores = np.array([0.9, 0.5, 0.4, 0.1])
    predicted = np.array(["a", None, "b", None], dtype=object)
    gold = ["a", None, "b", None]
    strict = best_threshold(scores, predicted, gold, accuracy_weight=0.3)
    lenient = best_threshold(scores, predicted, gold, accuracy_weight=0.7)
    assert 0.5 < strict[0] < 0.9 and strict[3] == 1.0
    assert 0.1 < lenient[0] < 0.4 and lenient[2] == 1.0


# ------------------------------------------------------------------ emergencies


@pytest.mark.parametrize("kind, text", [
    ("unconscious", "engkong kagak nyaut dipanggil dari tadi"),  # Betawi
    ("unconscious", "babe dipanggil diem aje, matanya merem"),
    ("bite", "bapak dipatok uler pas ngarit"),
    ("bite", "adi kacatok oray di sawah"),  # Sundanese
    ("child_fever", "dede muriang teu daek nyusu ti isuk"),
    ("child_fever", "anakku panas, ora gelem ngombe, lemes"),  # Javanese
    ("pregnancy", "bojoku banyu kawahe wis pecah"),
    ("pregnancy", "cai ketuban istri abdi bedah"),
    ("pregnancy", "my wife's water has broken"),
    ("bleeding", "mimisan ga brenti brenti dari tadi"),
    ("bleeding", "idungnya berdarah terus, bajunya penuh darah"),
])
def test_regional_emergencies(kind, text):
    found = detect(text)
    assert found is not None and kind in found.kinds, (text, found)


@pytest.mark.parametrize("text", [
    "buat jaga jaga seandainya ada kecelakaan di jalan, nomor ambulans berapa",
    "olahraga rutin biar tidak kena serangan jantung, ada senam lansia?",
    "sebelum kena stroke, cek tensi di poli mana",
    "maaf telat, tadi nganter tetangga yang jatuh dari motor ke rs, nomor saya masih berlaku?",
    "sy terlambat karena bantu korban tabrakan di jalan, antrean hangus?",
    "taun kamari imah kabakaran, ayeuna bade ngarobih alamat",
])
def test_hypotheticals_and_explanations_do_not_alert(text):
    assert detect(text) is None, (text, detect(text))


def test_a_now_word_keeps_an_emergency_behind_a_hypothetical_or_an_excuse():
    assert detect("seandainya telat, tapi sekarang bapak tiba tiba pingsan") is not None
    assert detect("maaf telat, anak saya lagi kejang") is not None


# ------------------------------------------------------------------ round 4: writers' sets, glued words


@pytest.mark.parametrize("text, expected", [
    ("jambrpbuka", "jam berapa buka"),
    ("caradaftaranak", "cara daftar anak"),
    ("nomorwapuskesmas", "nomor whatsapp puskesmas"),
])
def test_words_typed_without_spaces_are_cut_into_known_words(norm, text, expected):
    assert norm.normalize(text) == expected


def test_an_unknown_long_word_is_not_cut_into_pieces():
    norm = Normalizer(frozenset({"jam", "buka", "tri", "serida"}))
    assert norm.normalize("jambuka") == "jam buka"
    assert norm.normalize("trigliserida") == "trigliserida"  # "gli" is no known word


def test_the_training_sets_are_phrasings_and_calibration_questions(matcher):
    corpus = matcher.corpus
    assert len(corpus.training) >= 3 and all(p.exists() for p in corpus.training)
    model = matcher.model
    assert len(model.phrases) > sum(map(len, corpus.intents.values()))  # the writers' questions joined
    held_out = sum(len(read_labelled(p)) for p in corpus.training)
    assert model.calibration["questions"] == len(read_calibration(corpus)) + held_out


@pytest.mark.parametrize("kind, text", [
    ("pregnancy", "istri sy hamil 8 bulan, tiba tiba keluar air banyak"),
    ("pregnancy", "istri mau lahiran sekarang, tolong"),
    ("suicide", "adik sy bilang mau lompat dari gedung"),
    ("poisoning", "anak sy minum 15 tablet obat batuk"),
    ("poisoning", "adek nenggak obat nyamuk"),
    ("stroke", "ibu tiba2 ga bisa jalan"),
    ("bite", "the dogs attacked my father"),
])
def test_emergencies_the_writers_taught(kind, text):
    found = detect(text)
    assert found is not None and kind in found.kinds, (text, found)


@pytest.mark.parametrize("text", [
    "tadi sempet mau pingsan tp udh enakan, antrean sy nomor brp",
    "anak keselek permen tadi, udh gapapa, poli anak buka?",
    "kalau nanti ada yg kejang, nomor ugd brp",
    "minum obat banyak ga papa?",
    "timbang bayi di poli kia hari apa",
    "biaya persalinan sekarang berapa",
])
def test_calm_questions_the_writers_taught(text):
    assert detect(text) is None, (text, detect(text))
