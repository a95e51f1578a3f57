"""NIK rules (ocr.nik): pure, no easyocr."""
import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocr.nik import card_problems, decode_nik, is_valid_nik, mask_nik, nik_problems, ocr_to_digits

TODAY = dt.date(2026, 11, 23)


def test_spec_example_is_valid_and_decodes_to_a_woman_born_5_sep_1990():
    info = decode_nik("3507124509900003", TODAY)
    assert is_valid_nik("3507124509900003", TODAY)
    assert info.birth_date == dt.date(1990, 9, 5)
    assert info.sex == "PEREMPUAN"
    assert info.province == "JAWA TIMUR"
    assert (info.regency_code, info.district_code, info.serial) == ("07", "12", "0003")


def test_man_has_plain_day():
    info = decode_nik("3507120509900003", TODAY)
    assert info.sex == "LAKI-LAKI" and info.birth_date == dt.date(1990, 9, 5)


@pytest.mark.parametrize("nik,why", [
    ("350712450990000", "16 digits"),
    ("35071245099000031", "16 digits"),
    ("35071245O9900003", "digits only"),
    ("3507124509900000", "serial 0000"),
    ("9907124509900003", "province code 99"),
    ("3507123209900003", "not a valid date"),   # day 32
    ("3507127209900003", "not a valid date"),   # 72 - 40 = 32
    ("3507124513900003", "not a valid date"),   # month 13
    ("3507122902010003", "not a valid date"),   # 29-02-2001 / 1901
    ("3500124509900003", "00"),
    ("", "missing"),
])
def test_invalid_niks_say_why(nik, why):
    problems = nik_problems(nik, TODAY)
    assert problems and any(why in p for p in problems), problems


def test_leap_day_is_valid_when_a_century_allows_it():
    assert is_valid_nik("3507126902000003", TODAY)  # woman, 29-02-2000


def test_card_year_fixes_the_century():
    assert decode_nik("3507120509200003", TODAY, card_year=1920).birth_date.year == 1920
    assert decode_nik("3507120509200003", TODAY).birth_date.year == 2020


def test_card_cross_check():
    nik = "3507124509900003"
    assert card_problems(nik, dt.date(1990, 9, 5), "PEREMPUAN") == []
    assert card_problems(nik, dt.date(1990, 9, 6), "PEREMPUAN") == ["NIK birth date does not match card"]
    assert card_problems(nik, dt.date(1990, 9, 5), "LAKI-LAKI") == ["NIK sex does not match card"]
    assert card_problems(nik, None, None) == []


@pytest.mark.parametrize("ocr,digits", [
    ("35O7l245O99OOOO3", "3507124509900003"),
    ("3S07I2ZG0B9e0b03", "3507122608920603"),
    ("3507 1245 0990 0003", "3507124509900003"),
    (":3507-124509900003.", "3507124509900003"),
])
def test_ocr_confusions_become_digits(ocr, digits):
    assert ocr_to_digits(ocr) == digits


def test_mask_nik_spec_example():
    assert mask_nik("3507124509900003") == "3507**********03"
    assert mask_nik(None) == "" and mask_nik("123") == "***"


@given(st.text(max_size=30))
def test_validation_never_raises_on_any_text(text):
    assert isinstance(nik_problems(text, TODAY), list)
    mask_nik(text)
    ocr_to_digits(text)


def test_module_has_no_heavy_imports():
    code = "import sys, ocr.nik; bad = {'torch', 'easyocr', 'cv2', 'numpy'} & set(sys.modules); print(sorted(bad))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_papua_nik_issued_before_the_2022_renumbering_matches_its_card():
    import datetime as dt

    from ocr.fields import RowText, Text, build

    rows = [RowText(Text("NIK", 0.9), [Text("9471076902840158", 0.99)]),
            RowText(Text("Tempat/Tgl Lahir", 0.9), [Text("SLEMAN, 29-02-1984", 0.95)]),
            RowText(Text("Jenis Kelamin", 0.9), [Text("PEREMPUAN", 0.99)])]
    res = build(rows, [Text("PROVINSI PAPUA", 0.95), Text("KOTA JAYAPURA", 0.95)], dt.date(2026, 12, 1))
    assert res.nik_valid and res.problems == [] and res.fields["provinsi"] == "PAPUA"
