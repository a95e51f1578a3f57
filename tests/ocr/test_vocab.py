"""Closed-vocabulary correction of OCR text."""
import pytest

from ocr.fields import match_label, parse_date
from ocr.vocab import GENDERS, MARITAL, RELIGION_SPELLINGS, RELIGIONS, correct, correct_blood, correct_province


@pytest.mark.parametrize("text,vocab,want", [
    ("PEREMPUAM", GENDERS, "PEREMPUAN"),
    ("LAKI-LAK1", GENDERS, "LAKI-LAKI"),
    ("lSLAM", RELIGIONS, "ISLAM"),
    ("KATOLlK", RELIGIONS, "KATOLIK"),
    ("BELUM KAWlN", MARITAL, "BELUM KAWIN"),
    ("CERAl MATI", MARITAL, "CERAI MATI"),
    ("KAWIN", MARITAL, "KAWIN"),
    ("BUDDHA", RELIGION_SPELLINGS, "BUDDHA"),  # both spellings are printed: as the card has it
    ("BUDHA", RELIGION_SPELLINGS, "BUDHA"),
])
def test_close_misreadings_are_corrected(text, vocab, want):
    assert correct(text, vocab)[0] == want


@pytest.mark.parametrize("text,vocab", [("XQZ", GENDERS), ("", RELIGIONS), ("CERAI", MARITAL)])
def test_far_or_ambiguous_text_is_not_guessed(text, vocab):
    assert correct(text, vocab)[0] is None


@pytest.mark.parametrize("text,want", [("0", "O"), ("O", "O"), ("AB", "AB"), ("8", "B"), ("-", "-"), ("xyz", None)])
def test_blood_type(text, want):
    assert correct_blood(text)[0] == want


def test_province_header():
    assert correct_province("PROVINSI JAWA TlMUR")[0] == "JAWA TIMUR"
    assert correct_province("PROVINSI NUSA TENGGARA TImuR")[0] == "NUSA TENGGARA TIMUR"
    assert correct_province("HELLO WORLD")[0] is None


def test_labels_match_even_when_cut_or_misread():
    assert match_label("Tempat/Tgl")[0] == "ttl"
    assert match_label("Kewarganeg")[0] == "kewarganegaraan"
    assert match_label("Kel/0esa")[0] == "kel_desa"
    assert match_label("xx")[0] is None


def test_dates_with_ocr_noise():
    assert str(parse_date("O5-O9-199O")) == "1990-09-05"
    assert str(parse_date("05.09 1990")) == "1990-09-05"
    assert parse_date("31-02-1990") is None
