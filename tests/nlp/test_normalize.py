"""Informal Indonesian is normalised: slang, stretched letters, numbers in words, typos."""
import pytest

from nlp.normalize import Normalizer, clean, numbers_to_digits


@pytest.fixture(scope="module")
def norm(matcher):
    return matcher.model.normalizer


@pytest.mark.parametrize("text, expected", [
    ("jam brp buka", "jam berapa buka"),
    ("yg gak bs dtg", "yang tidak bisa datang"),
    ("ga / gk / nggak / tdk", "tidak tidak tidak tidak"),
    ("dmn alamatnya", "dimana alamat"),
    ("di mana", "dimana"),
    ("bsk sy jg mau daftar aja", "besok saya juga mau daftar saja"),
    ("dll", "dll"),
    ("piye carane", "bagaimana cara"),
    ("kumaha daftarna", "bagaimana daftar"),
    ("bukaaaa gaaa", "buka tidak"),
    ("antri anak2", "antrean anak anak"),
    ("jadwalnya", "jadwal"),
    ("dibatalin", "batal"),
    ("What's the address?", "what is the alamat"),
])
def test_slang_and_forms(norm, text, expected):
    assert norm.normalize(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("seratus sembilan belas", "119"),
    ("jam tujuh", "jam 7"),
    ("dua puluh lima", "25"),
    ("umur enam puluh tahun", "umur 60 tahun"),
    ("sebelas", "11"),
    ("seribu lima ratus", "1500"),
])
def test_numbers_in_words_become_digits(text, expected):
    assert " ".join(numbers_to_digits(clean(text))) == expected


@pytest.mark.parametrize("typo, fixed", [
    ("pendaftaan", "pendaftaran"), ("imunsasi", "imunisasi"), ("laboratorum", "laboratorium"),
    ("rujkan", "rujukan"), ("apotk", "apotek"),
])
def test_typos_are_corrected_to_corpus_words(norm, typo, fixed):
    a = norm.analyze(typo)
    assert a.tokens == (fixed,)
    assert fixed in a.guessed or typo in ("imunsasi",)  # imunsasi is in the slang table


def test_without_vocabulary_only_the_dictionary_applies():
    assert Normalizer(None).normalize("brp pendaftaan") == "berapa pendaftaan"
