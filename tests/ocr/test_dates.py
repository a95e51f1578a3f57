"""The birth date: the row's reading, the NIK's date, and the row's image looked at again."""
import datetime as dt

import numpy as np
import pytest

from ocr import dates
from ocr.fields import RowText, Text, build

TODAY = dt.date(2026, 12, 1)
NIK = "3507124509900003"  # born 05-09-1990, a woman


def card(ttl: str, conf: float):
    return [RowText(Text("NIK", 0.9), [Text(NIK, 0.99)]), RowText(Text("Nama", 0.9), [Text("SITI AMINAH", 0.9)]),
            RowText(Text("Tempat/Tgl Lahir", 0.9), [Text(ttl, conf)]),
            RowText(Text("Jenis Kelamin", 0.9), [Text("PEREMPUAN", 0.9)])]


def test_an_unreadable_date_is_taken_from_the_nik_when_the_row_supports_it():
    asked = []
    res = build(card('MALANG 43.42.4062', 0.2), [], TODAY, check_date=lambda ds: asked.append(ds) or ds[0])
    assert asked == [[dt.date(1990, 9, 5)]]  # 2090 is in the future
    assert res.fields["tanggal_lahir"] == "1990-09-05"
    assert "birth date on the card unclear; taken from the NIK" in res.problems
    assert res.nik_valid is True


def test_an_unreadable_date_stays_null_when_the_row_does_not_support_the_nik():
    res = build(card('MALANG 43.42.4062', 0.2), [], TODAY, check_date=lambda ds: None)
    assert res.fields["tanggal_lahir"] is None
    assert "NIK could not be checked against the card" in res.problems


def test_a_clear_different_date_is_kept_and_flagged_unless_the_row_sides_with_the_nik():
    res = build(card("MALANG, 06-09-1990", 0.95), [], TODAY, check_date=lambda ds: None)
    assert res.fields["tanggal_lahir"] == "1990-09-06"
    assert "NIK birth date does not match card" in res.problems and res.nik_valid is False
    # a clear reading is never overruled by digit agreement alone, only by the image (check_date)
    res = build(card("MALANG, 06-09-1990", 0.95), [], TODAY)
    assert res.fields["tanggal_lahir"] == "1990-09-06"


def test_an_unsure_date_one_digit_off_a_sure_nik_is_the_nik_date():
    # the row's small print read unsurely (6 for 5), the NIK read alike by both recognisers
    res = build(card("MALANG, 06-09-1990", 0.8), [], TODAY, check_date=lambda ds: None)
    assert res.fields["tanggal_lahir"] == "1990-09-05" and res.nik_valid is True
    assert "birth date on the card unclear; taken from the NIK" in res.problems
    # two digits off: kept and flagged
    res = build(card("MALANG, 06-09-1991", 0.8), [], TODAY, check_date=lambda ds: None)
    assert res.fields["tanggal_lahir"] == "1991-09-06" and res.nik_valid is False


@pytest.mark.parametrize("text,want", [("MALANG, 05-09-1990", "MALANG, "), ("PADANG 43.42.4062", "PADANG, "),
                                       ("SURABAYA", "")])
def test_the_place_is_kept_when_the_date_is_replaced(text, want):
    assert dates._place_part(text) == want


@pytest.mark.slow
def test_the_row_image_supports_its_own_date_and_not_another(reader):
    from ocr import card_text, pipeline
    from ocr.preprocess import decode
    from ocr.synthetic import make_card

    jpeg, truth = make_card(104, hard=False)
    bgr, boxes = pipeline._upright(decode(jpeg, 10**8))
    lines, crops = pipeline._read_lines(reader, bgr, boxes)
    found = card_text.find_labels(lines)
    card_text.attach_values(found, lines)
    crop = crops[found["ttl"].values[-1].index]
    born = dt.date.fromisoformat(truth["fields"]["tanggal_lahir"])
    other = born.replace(day=born.day % 28 + 1)
    assert dates.supported_date(reader, crop, [born])[0] == born
    assert dates.supported_date(reader, crop, [other])[0] is None
    assert dates.supported_date(reader, np.zeros((2, 2), np.uint8), [born])[0] is None


def test_a_missing_birth_row_and_an_unreadable_sex_are_taken_from_a_sure_nik():
    rows = [RowText(Text("NIK", 0.9), [Text(NIK, 0.95)]), RowText(Text("Nama", 0.9), [Text("SITI AMINAH", 0.9)]),
            RowText(Text("Jenis Kelamin", 0.9), [Text("XQ", 0.3)])]
    res = build(rows, [], TODAY)
    assert res.fields["tanggal_lahir"] == "1990-09-05" and res.fields["jenis_kelamin"] == "PEREMPUAN"
    assert "birth date on the card unclear; taken from the NIK" in res.problems
    assert "sex on the card unclear; taken from the NIK" in res.problems
    unsure = [RowText(Text("NIK", 0.9), [Text(NIK, 0.6)])] + rows[1:]
    res = build(unsure, [], TODAY)
    assert res.fields["tanggal_lahir"] is None and res.fields["jenis_kelamin"] is None
