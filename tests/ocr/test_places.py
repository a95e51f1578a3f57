"""Place names (Kel/Desa, Kecamatan, birthplace) checked against the Ministry's list, and addresses
written the one way a card prints them."""
import datetime as dt

import pytest

from ocr import places
from ocr.fields import clean_address, split_letters


def test_a_listed_name_is_surer_and_an_unlisted_one_less_sure():
    assert places.checked("SUMBERSARI", 0.85) == ("SUMBERSARI", pytest.approx(0.95))
    assert places.checked("JAKARTA", 0.85)[1] == pytest.approx(0.95)  # DKI JAKARTA, a birthplace
    text, conf = places.checked("XQZWPLMK", 0.9)
    assert text == "XQZWPLMK" and conf < 0.9


def test_one_letter_off_a_single_listed_name_is_that_name():
    assert places.checked("CIBIN0NG", 0.9) == ("CIBINONG", 0.9)
    assert places.checked("LOWOKWAR", 0.9) == ("LOWOKWARU", 0.9)


def test_a_reading_that_broke_a_word_or_ran_two_together_gets_the_lists_spaces():
    # a recogniser drops a narrow space or breaks a word; the list spaces these names so
    assert places.checked("NGAGELREJO", 0.9) == ("NGAGEL REJO", 0.9)
    assert places.checked("JAKARTAUTARA", 0.9) == ("JAKARTA UTARA", 0.9)
    assert places.checked("BELITU NG TIMUR", 0.9) == ("BELITUNG TIMUR", 0.9)
    assert places.checked("PAN AKKUKANG", 0.9) == ("PANAKKUKANG", 0.9)
    assert places.checked("NGAGEL REJO", 0.9) == ("NGAGEL REJO", pytest.approx(1.0))


def test_a_name_spaced_word_by_word_where_the_list_runs_it_together_is_kept_less_sure():
    # the list writes JATIASIH and SUNGAIBANGKONG; cards print them word by word
    assert places.checked("JATI ASIH", 1.0) == ("JATI ASIH", pytest.approx(0.9))
    assert places.checked("SUNGAI BANGKONG", 1.0) == ("SUNGAI BANGKONG", pytest.approx(0.9))


def test_a_hamlet_named_like_a_village_is_surer():
    assert places.hamlet_checked("DSN. TEGALREJO", 0.85) == pytest.approx(0.95)
    assert places.hamlet_checked("JL. TEGALREJO NO. 4", 0.85) == 0.85


@pytest.mark.parametrize("read,printed", [
    ("JL.MAWAR NO.12", "JL. MAWAR NO. 12"), ("GG. H.ABDULLAH NO. 3", "GG. H. ABDULLAH NO. 3"),
    ("JL. MAWAR NO. 1 2", "JL. MAWAR NO. 12"), ("JL. MAWAR N0. 12", "JL. MAWAR NO. 12"),
    ("PERUM BUMI ASRI BLOKA3 NO.5", "PERUM BUMI ASRI BLOK A3 NO. 5"),
    ("JL. SISINGAMANGARAJA KM, 9", "JL. SISINGAMANGARAJA KM. 9"), ("JL.MAWAR,NO.12", "JL. MAWAR, NO. 12"),
    ("PERUM. TAMAN SARI BLOK K18 NO. 20", "PERUM. TAMAN SARI BLOK K18 NO. 20"),
    ("OL. TUANKU IMAM", "JL. TUANKU IMAM"), ("J SETIABUDI NO. 94", "JL. SETIABUDI NO. 94"),
    ("LINGK TEGAL RAHAYU", "LINGK. TEGAL RAHAYU"), ("JL. TERATAI NO. 127.", "JL. TERATAI NO. 127")])
def test_addresses_are_written_as_printed(read, printed):
    assert clean_address(read) == printed


def test_a_word_read_in_pieces_is_noticed():
    assert split_letters("JL. B R AWIJAYA GG. 7") and split_letters("GG. I I NO. 75")
    assert not split_letters("I WAYAN MAHENDRA") and not split_letters("BLOK A NO. 3")


def test_a_lone_letter_in_a_name_makes_it_unsure_and_the_name_is_asked():
    from ocr.fields import RowText, Text, build, lone_letter

    assert lone_letter("ADITYA N GAD MAN") and lone_letter("A RAHMAN")
    assert not lone_letter("M. IQBAL") and not lone_letter("I WAYAN SUDARSANA") and not lone_letter("SLAMET, S.KEP")
    rows = [RowText(Text("Nama", 0.99), [Text("ADITYA N GAD MAN", 0.95)])]
    res = build(rows, [], dt.date(2026, 12, 7))
    assert res.fields["nama"] == "ADITYA N GAD MAN" and res.confidence["nama"] < 0.9  # read, but asked


def test_a_hamlet_read_without_its_dot_gets_it():
    assert clean_address("DSNNGASEM") == "DSN. NGASEM"


def test_an_address_numbered_in_upright_strokes_is_less_sure():
    import datetime as dt

    from ocr.fields import RowText, Text, build

    def conf(address):
        rows = [RowText(Text("Alamat", 1.0), [Text(address, 0.95)])]
        return build(rows, [], dt.date(2026, 12, 1)).confidence["alamat"]

    # GG. I, GG. 1 and GG. III look alike to a recogniser that miscounts thin strokes
    assert conf("JL. MAWAR GG. III NO. 12") < 0.9 and conf("JL. MAWAR GG. 1 NO. 12") < 0.9
    assert conf("JL. MAWAR GG. 7 NO. 12") >= 0.9 and conf("JL. MAWAR NO. 1") >= 0.9


def test_a_valid_nik_under_the_header_lines_of_its_own_province_and_regency_is_a_ktp():
    from ocr.fields import Result
    from ocr.nik_card import header_agrees

    res = Result()
    res.nik_valid = True
    res.fields.update(nik="1212356210078441", provinsi="SUMATERA UTARA", kabupaten_kota="KABUPATEN TOBA SAMOSIR")
    assert header_agrees(res)
    res.fields["kabupaten_kota"] = "KABUPATEN SAMOSIR"  # the header names another regency
    assert not header_agrees(res)
    res.fields["kabupaten_kota"], res.nik_valid = "KABUPATEN TOBA SAMOSIR", False
    assert not header_agrees(res)
