"""Two recognisers' readings of one line made into one, word gaps from the ink, rows from their values."""
import cv2
import numpy as np

from ocr import rows_by_content
from ocr.card_text import Found, Line
from ocr.detect import Box, ink_spaces
from ocr.merge import merged, with_spaces


def test_spaces_of_the_other_reading_are_carried_over_to_the_same_letters():
    assert with_spaces("ENDANGANGGRAINI", "ENDANG ANGGRA1NI") == "ENDANG ANGGRAINI"
    assert with_spaces("JLMERDEKANO12", "JL MERDEKA N0 12") == "JL MERDEKA NO 12"


def test_no_spaces_are_carried_over_from_a_reading_of_other_words():
    assert with_spaces("SITIAMINAH", "KECAMATAN BARU") == "SITIAMINAH"


def test_agreeing_readings_keep_the_spaced_one_and_are_surer():
    text, conf = merged(("BUDISANTOSO", 0.7), ("BUDI SANTOSO", 0.6))
    assert text == "BUDI SANTOSO" and abs(conf - 0.8) < 1e-9


def test_disagreeing_readings_keep_the_first_recogniser_letters():
    assert merged(("SRI WAHYUNI", 0.9), ("SRL WAHYUNL", 0.5)) == ("SRI WAHYUNI", 0.9)
    assert merged(("SRIWAHYUNI", 0.9), ("SRL WAHYUNL", 0.5)) == ("SRI WAHYUNI", 0.9)


def test_an_empty_reading_gives_way_to_the_other():
    assert merged(("", 0.0), ("RT 003", 0.4)) == ("RT 003", 0.4)
    assert merged(("DESA  MAJU", 0.8), (" ", 0.1)) == ("DESA MAJU", 0.8)


def _line_image(text: str, letter_gap: int = 2, word_gap: int = 14) -> tuple[np.ndarray, list[str], list[float]]:
    """A drawn line with `letter_gap` px of paper between the ink of two letters and `word_gap` at a
    space; its characters and the x of each (as a recogniser reports where it saw them)."""
    img = np.full((36, 40 * len(text) + 20), 255, np.uint8)
    x, chars, where = 10, [], []
    for ch in text:
        if ch == " ":
            x += word_gap - letter_gap
            continue
        glyph = np.full((36, 60), 255, np.uint8)
        cv2.putText(glyph, ch, (10, 30), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
        cols = np.flatnonzero((glyph < 128).any(axis=0))
        ink = glyph[:, cols[0]:cols[-1] + 1]
        img[:, x:x + ink.shape[1]] = np.minimum(img[:, x:x + ink.shape[1]], ink)
        chars.append(ch)
        where.append(x + ink.shape[1] / 2)
        x += ink.shape[1] + letter_gap
    return img, chars, where


def test_a_word_gap_in_the_ink_becomes_a_space_and_letters_close_together_stay_one_word():
    img, chars, where = _line_image("AB CD")
    assert ink_spaces(img, chars, where) == "AB CD"
    img, chars, where = _line_image("ABCD")
    assert ink_spaces(img, chars, where) == "ABCD"


def test_no_space_is_put_between_digits_or_around_a_dash():
    img, chars, where = _line_image("12 34-5")
    assert ink_spaces(img, chars, where) == "1234-5"


def _line(i: int, x: float, y: float, text: str, w: float = 300) -> Line:
    quad = np.array([[x, y], [x + w, y], [x + w, y + 20], [x, y + 20]], np.float32)
    return Line(Box(quad), text, 0.9, i)


def test_rows_whose_labels_were_not_read_are_found_from_their_values_and_order():
    lines = [_line(0, 10, 0, "NIK"), _line(1, 120, 0, "3273011708750003"),
             _line(2, 120, 30, "BUDI SANTOSO"), _line(3, 120, 60, "BANDUNG, 17-08-1975"),
             _line(4, 120, 90, "LAKI-LAKI"), _line(5, 120, 120, "JL MERDEKA NO 12"),
             _line(6, 120, 150, "003/007"), _line(7, 120, 180, "SUKAMAJU"), _line(8, 120, 210, "CICENDO"),
             _line(9, 120, 240, "ISLAM"), _line(10, 700, 240, "TANDA TANGAN")]
    found = {"nik": Found("nik", lines[0], 1.0, values=[lines[1]])}
    rows_by_content.add_rows(found, lines)
    got = {k: [v.text for v in f.values] for k, f in found.items()}
    assert got["nama"] == ["BUDI SANTOSO"] and got["ttl"] == ["BANDUNG, 17-08-1975"]
    assert got["jk"] == ["LAKI-LAKI"] and got["alamat"] == ["JL MERDEKA NO 12"]
    assert got["rt_rw"] == ["003/007"] and got["kel_desa"] == ["SUKAMAJU"] and got["kecamatan"] == ["CICENDO"]
    assert got["agama"] == ["ISLAM"]
    assert all("TANDA TANGAN" not in v for v in got.values())  # off the value column


def test_a_row_found_by_its_label_is_kept():
    lines = [_line(0, 10, 0, "NIK"), _line(1, 120, 0, "3273011708750003"),
             _line(2, 10, 30, "Nama"), _line(3, 120, 30, "SITI"), _line(4, 120, 60, "BANDUNG, 17-08-1975")]
    found = {"nik": Found("nik", lines[0], 1.0, values=[lines[1]]),
             "nama": Found("nama", lines[2], 1.0, values=[lines[3]])}
    rows_by_content.add_rows(found, lines)
    assert [v.text for v in found["nama"].values] == ["SITI"] and found["nama"].label.index == 2
    assert [v.text for v in found["ttl"].values] == ["BANDUNG, 17-08-1975"]


def test_an_apostrophe_only_one_recogniser_saw_is_kept():
    assert merged(("MARUF ARIF", 0.9), ("MA'RUF ARIF", 0.6))[0] == "MA'RUF ARIF"


def test_two_listed_names_run_together_are_split_and_an_unlisted_name_is_left_alone():
    from ocr.names import split_joined

    names = frozenset({"NI", "PUTU", "JOKO", "SUSILO", "I", "WAYAN"})
    assert split_joined("NIPUTU WIDIASTUTI", names) == "NI PUTU WIDIASTUTI"
    assert split_joined("JOKOSUSILO", names) == "JOKO SUSILO"
    assert split_joined("IWAYAN", names) == "I WAYAN"
    assert split_joined("IRWANTO", names) == "IRWANTO"
    assert split_joined("JOKOSUSILO, S.H", names) == "JOKO SUSILO, S.H"  # the comma stays after the name


def test_two_unlisted_words_that_are_one_listed_name_are_joined_and_two_listed_names_stay_apart():
    from ocr.names import joined_parts

    names = frozenset({"SIREGAR", "PUSPITA", "SARI", "PUSPITASARI"})
    assert joined_parts("KOMANG SIRE GAR, S.SOS", names) == "KOMANG SIREGAR, S.SOS"
    assert joined_parts("SITI PUSPITA SARI", names) == "SITI PUSPITA SARI"
    assert joined_parts("SIRE GARDU", names) == "SIRE GARDU"


def test_an_apostrophe_the_first_recogniser_saw_is_not_lost_to_the_other():
    assert merged(("ROBI'AH NINGSIH", 0.9), ("ROBIAH NINGSIH", 0.6))[0] == "ROBI'AH NINGSIH"
    assert merged(("NUR'AINIBR.NASUTION", 0.9), ("NURAINI BR NASUTION", 0.6))[0] == "NUR'AINI BR. NASUTION"


def test_a_speck_read_as_a_comma_at_the_line_end_is_dropped_and_the_birth_date_still_parses():
    from ocr.fields import Text, _ttl

    text, _ = merged(("PANDEGLANG,20-03-1991", 0.95), ("PANDEGLANG, 20-03-1991 ,", 0.8))
    assert text == "PANDEGLANG, 20-03-1991"
    place, birth = _ttl(Text("MAKASSAR,03-11-1965 ,", 0.9))
    assert (place, str(birth)) == ("MAKASSAR", "1965-11-03")


def test_only_a_sure_exact_closed_vocabulary_reading_skips_the_second_recogniser():
    from ocr.pipeline import _settled

    box = Box(np.array([[0, 0], [50, 0], [50, 10], [0, 10]], np.float32))
    assert _settled("agama", Line(box, ": ISLAM", 0.97, 0))
    assert not _settled("agama", Line(box, "ISLAN", 0.97, 0))
    assert not _settled("agama", Line(box, "ISLAM", 0.6, 0))
    assert not _settled("alamat", Line(box, "ISLAM", 0.97, 0))


def test_readings_parting_the_same_letters_differently_are_no_surer_than_the_less_sure():
    assert merged(("I WAYAN MAHENDRA", 0.87), ("IWAYAN MAHENDRA", 0.99))[1] == 0.87
    # only a mark differs, and a word gap: PP-OCR's marks, the less sure confidence
    assert merged(("DSN. GRAHAASRI", 0.92), ("DSN: GRAHA ASRI", 0.76)) == ("DSN. GRAHAASRI", 0.76)
    assert merged(("DSN. GRAHA ASRI", 0.92), ("DSN: GRAHA ASRI", 0.76)) == ("DSN. GRAHA ASRI", 0.92)
