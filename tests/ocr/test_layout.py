"""Labels and their values on photos taken at an angle: the row order and the rows' own direction."""
import datetime as dt

import numpy as np

from ocr.card_text import Line, attach_values, find_labels, label_match
from ocr.detect import Box
from ocr.fields import Result, build


def line(text, x, y, width, angle_deg, height=20.0, index=0):
    """A text line starting at (x, y) (its left end's middle), running at `angle_deg`."""
    a = np.radians(angle_deg)
    d, n = np.array([np.cos(a), np.sin(a)]), np.array([-np.sin(a), np.cos(a)])
    p0 = np.array([x, y], float)
    quad = np.array([p0 - n * height / 2, p0 + d * width - n * height / 2, p0 + d * width + n * height / 2,
                     p0 + n * height / 2], np.float32)
    return Line(Box(quad), text, 0.95, index)


def converging_card():
    """Rows 40 px apart whose angle falls from 12 to 3 degrees down the card (a photo taken from
    below its top edge), labels at x=50, values at x=300."""
    rows = [("NIK", "3507124509900003"), ("Nama", "SITI AMINAH"), ("Tempat/Tgl Lahir", "MALANG, 05-09-1990"),
            ("Jenis Kelamin", "PEREMPUAN"), ("Alamat", "JL. MAWAR NO. 12"), ("RT/RW", "003/005"),
            ("Kel/Desa", "SUMBERSARI"), ("Kecamatan", "LOWOKWARU"), ("Agama", "ISLAM"),
            ("Status Perkawinan", "KAWIN")]
    lines = []
    for i, (label, value) in enumerate(rows):
        angle = 12.0 - i
        y = 100 + 40 * i
        a = np.radians(angle)
        lines.append(line(label, 50, y, 9 * len(label), angle, index=len(lines)))
        lines.append(line(value, 50 + 250 * np.cos(a), y + 250 * np.sin(a), 12 * len(value), angle, index=len(lines)))
    return lines


def test_values_are_found_along_their_row_when_the_rows_converge():
    lines = converging_card()
    found = find_labels(lines)
    attach_values(found, lines)
    assert [v.text for v in found["nama"].values] == ["SITI AMINAH"]
    assert [v.text for v in found["ttl"].values] == ["MALANG, 05-09-1990"]
    assert [v.text for v in found["kecamatan"].values] == ["LOWOKWARU"]


def test_a_label_starts_its_text():
    # the sex's value with the blood type's label after it is not the blood type's label
    assert label_match("PEREMPUAN Gol Darah: O")[0] != "gol"
    assert label_match("Gol. Darah : O")[0] == "gol"


def test_an_ambiguous_label_takes_the_key_that_keeps_the_card_order():
    lines = converging_card()
    assert label_match("Alamta")[0] == "alamat"
    # under NIK and above Tempat/Tgl Lahir, a label read nearly as well as Alamat and as Nama is Nama
    lines[2] = Line(lines[2].box, "Nlamat", 0.9, lines[2].index)
    found = find_labels(lines)
    assert found["nama"].label.text == "Nlamat" and found["alamat"].label.text == "Alamat"


def test_a_weak_label_out_of_order_is_dropped():
    lines = converging_card()
    lines[2] = Line(lines[2].box, "Lame", 0.9, lines[2].index)  # only Alamat is near, but the order says Nama
    found = find_labels(lines)
    assert found["alamat"].label.text == "Alamat" and "nama" not in found


def test_an_unsure_card_date_one_digit_off_a_sure_nik_is_the_nik_date():
    from ocr.fields import RowText, Text

    def card(date, sex, nik_conf=0.99, date_conf=0.8):
        return [RowText(Text("NIK", 1.0), [Text("6171135804930009", nik_conf)]),
                RowText(Text("Nama", 1.0), [Text("SITI", 0.9)]),
                RowText(Text("Tempat/Tgl Lahir", 1.0), [Text(f"PONTIANAK, {date}", date_conf)]),
                RowText(Text("Jenis Kelamin", 1.0), [Text(sex, 0.9)])]

    today = dt.date(2026, 12, 1)
    res: Result = build(card("10-04-1993", "PEREMPUAN"), [], today)
    assert res.fields["tanggal_lahir"] == "1993-04-18" and res.nik_valid
    assert "birth date on the card unclear; taken from the NIK" in res.problems
    # a date read surely, two digits off, the NIK unsure (one recogniser), or the sex disagreeing:
    # the card is not overruled (the card itself may be wrong)
    assert not build(card("10-04-1993", "PEREMPUAN", date_conf=0.95), [], today).nik_valid
    assert not build(card("10-04-1998", "PEREMPUAN"), [], today).nik_valid
    assert not build(card("10-04-1993", "PEREMPUAN", 0.8), [], today).nik_valid
    assert not build(card("10-04-1993", "LAKI-LAKI"), [], today).nik_valid



def test_a_stray_digit_beside_the_nik_is_not_joined_to_it():
    from ocr.fields import RowText, Text

    rows = [RowText(Text("NIK", 1.0), [Text("3", 0.83), Text(": 3573040704800283", 1.0)]),
            RowText(Text("Tempat/Tgl Lahir", 1.0), [Text("KABANJAHE, 07-04-1980", 0.96)]),
            RowText(Text("Jenis Kelamin", 1.0), [Text("LAKI-LAKI", 0.93)])]
    res = build(rows, [], dt.date(2026, 12, 1))
    assert res.fields["nik"] == "3573040704800283" and res.nik_valid


def test_a_nik_found_by_its_digits_is_not_a_header_of_look_alike_letters():
    from ocr.card_text import nik_by_content

    lines = [line("PROVINSI SUMATERA BARAT", 200, 60, 300, 0, index=0),
             line("KOTA PADANG", 240, 90, 160, 0, index=1),
             line("MIK", 50, 130, 40, 0, index=2),
             line(": 1371096401820238", 200, 130, 260, 0, index=3),
             line("Nama", 50, 170, 60, 0, index=4),
             line("ZULFAHMI HIDAYAT", 200, 170, 220, 0, index=5)]
    found = find_labels(lines)
    assert "nik" not in found
    nik_by_content(found, lines)
    assert [v.text for v in found["nik"].values] == [": 1371096401820238"]


def rows_read(rows, wrap, gap):
    """The labels found and their values on level rows, labels at x=50 and values at x=300; a
    value's second line `wrap` px under its first, `gap` px from a row's last line to the next row."""
    lines, y = [], 100
    for label, values in rows:
        lines.append(line(label, 50, y, 9 * len(label), 0.0, index=len(lines)))
        for k, value in enumerate(values):
            lines.append(line(value, 300, y + wrap * k, 12 * len(value), 0.0, index=len(lines)))
        y += wrap * len(values) + gap
    found = find_labels(lines)
    attach_values(found, lines)
    return found


def test_a_wrapped_name_and_birth_row_keep_their_second_lines_and_the_rows_below_keep_theirs():
    """A long name and a place of birth pushed down with its date each go on over a second line
    under the value (rows 40 px apart, second lines 20 px under their first)."""
    rows = [("NIK", ["3507124509900003"]), ("Nama", ["NI PUTU DEWANTARA", "ASTUTI"]),
            ("Tempat/Tgl Lahir", ["KEPULAUAN SANGIHE,", "05-09-1990"]), ("Jenis Kelamin", ["PEREMPUAN"]),
            ("Alamat", ["JL. MAWAR NO. 12"]), ("RT/RW", ["003/005"]), ("Kel/Desa", ["SUMBERSARI"])]
    found = rows_read(rows, wrap=22, gap=18)
    assert [v.text for v in found["nama"].values] == ["NI PUTU DEWANTARA", "ASTUTI"]
    assert [v.text for v in found["ttl"].values] == ["KEPULAUAN SANGIHE,", "05-09-1990"]
    assert [v.text for v in found["jk"].values] == ["PEREMPUAN"]
    assert [v.text for v in found["rt_rw"].values] == ["003/005"]


def test_the_place_and_date_of_issue_under_the_photo_stay_out_of_the_rows_beside_them():
    """"KAYONG UTARA" / "12-08-2018" under the photo stand level with the Kecamatan and Agama rows:
    a value read along its row must not run into them; the birth date in the values stays."""
    from ocr.photo_column import drop_issue_lines

    rows = [("NIK", "6104151208900002"), ("Nama", "BUDI"), ("Tempat/Tgl Lahir", "SAMBAS, 12-08-1990"),
            ("Jenis Kelamin", "LAKI-LAKI"), ("Alamat", "JL. MAWAR NO. 12"), ("RT/RW", "003/005"),
            ("Kel/Desa", "SUMBERSARI"), ("Kecamatan", "BANJAR GEDE"), ("Agama", "ISLAM")]
    lines = []
    for i, (label, value) in enumerate(rows):
        lines.append(line(label, 50, 100 + 30 * i, 9 * len(label), 0.0, index=len(lines)))
        lines.append(line(value, 300, 100 + 30 * i, 12 * len(value), 0.0, index=len(lines)))
    lines.append(line("KAYONG UTARA", 470, 100 + 30 * 7, 110, 0.0, index=len(lines)))  # just right of BANJAR GEDE
    lines.append(line("12-08-2018", 495, 100 + 30 * 8, 100, 0.0, index=len(lines)))  # right of the NIK
    found = find_labels(lines)
    attach_values(found, lines)
    assert [v.text for v in found["kecamatan"].values] == ["BANJAR GEDE", "KAYONG UTARA"]  # read along the row
    drop_issue_lines(found, lines)
    assert [v.text for v in found["kecamatan"].values] == ["BANJAR GEDE"]
    assert [v.text for v in found["agama"].values] == ["ISLAM"]
    assert [v.text for v in found["ttl"].values] == ["SAMBAS, 12-08-1990"]


def test_tightly_wrapped_rows_keep_their_second_lines_and_a_block_number_is_not_the_rt_rw():
    """A birth date wrapped under its place only 11 px lower (0.55 of the label's height), and an
    address whose second line is a block with a slash (`BLOK G13/30`): both are continuations; the
    RT/RW row below keeps its own value."""
    rows = [("NIK", ["3507124509900003"]), ("Nama", ["KEVIN FAJAR"]), ("Tempat/Tgl Lahir", ["PESISIR BARAT,", "03-09-2004"]),
            ("Jenis Kelamin", ["LAKI-LAKI"]), ("Alamat", ["PERUM BUKIT GOLF", "BLOK G13/30"]), ("RT/RW", ["007/016"]),
            ("Kel/Desa", ["PURWOREJO"])]
    found = rows_read(rows, wrap=11, gap=22)
    assert [v.text for v in found["ttl"].values] == ["PESISIR BARAT,", "03-09-2004"]
    assert [v.text for v in found["alamat"].values] == ["PERUM BUKIT GOLF", "BLOK G13/30"]
    assert [v.text for v in found["rt_rw"].values] == ["007/016"]


def test_a_place_of_birth_of_two_words_read_without_its_date_stays_whole():
    from ocr.fields import Text, _ttl

    assert _ttl(Text(": PESISIR BARAT", 0.9)) == ("PESISIR BARAT", None)
    assert _ttl(Text("MALANG 12-03-1990", 0.9)) == ("MALANG", dt.date(1990, 3, 12))
