"""Which row is the name: labels, row order, and fragments beside the name."""

from ocr.fields import RowText, Text, row_keys


def rows(*labels):
    return [RowText(None if lbl is None else Text(lbl, 0.9), [Text("X", 0.9)]) for lbl in labels]


def test_rows_are_keyed_by_their_labels():
    assert row_keys(rows("NIK", "Nama", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat", None))[:6] == \
        ["nik", "nama", "ttl", "jk", "alamat", "alamat"]


def test_a_weak_label_match_out_of_order_gives_way_to_position():
    # a blurred "Nama" read as "Raa" is closest to "Alamat", but the row under NIK is the name
    assert row_keys(rows("NIK", "Raa", "Tempat/Tgl Lahir"))[:3] == ["nik", "nama", "ttl"]


def test_a_clear_label_keeps_its_key_even_out_of_order():
    # the name row was lost by the layout: a clearly read "Tempat/Tgl Lahir" is still ttl
    assert row_keys(rows("NIK", "Tempat/Tgl Lahir", "Jenis Kelamin"))[:3] == ["nik", "ttl", "jk"]


def test_a_label_nearly_as_close_to_the_expected_row_keeps_the_row_order():
    # a blurred "Nama" read "Nala" is closer to the start of "Alamat"; under NIK it is the name
    keys = row_keys(rows("NIK", "Nala", "Tempat/Tgl Lahir", "Jenis Kelamin", "Alamat"))
    assert keys[:5] == ["nik", "nama", "ttl", "jk", "alamat"]


def test_a_speck_beside_the_birth_date_does_not_hide_it():
    import datetime as dt

    from ocr.fields import build

    texts = rows("NIK", "Nama", "Tempat/Tgl Lahir")
    texts[0].values = [Text("6505124108999495", 0.99)]
    texts[2].values = [Text("KEDIRI; 01-08-1999", 0.81), Text("I", 0.10)]
    res = build(texts, [], dt.date(2026, 12, 1))
    assert res.fields["tanggal_lahir"] == "1999-08-01" and res.fields["tempat_lahir"] == "KEDIRI"
    assert res.confidence["tanggal_lahir"] == 0.81


def test_a_one_letter_blood_type_is_not_a_speck():
    import datetime as dt

    from ocr.fields import build

    texts = rows("NIK", "Nama", "Tempat/Tgl Lahir", "Jenis Kelamin")
    texts[3].values = [Text("LAKI-LAKI", 0.9), Text("Gol. Darah :", 0.5), Text("A", 0.2)]
    assert build(texts, [], dt.date(2026, 12, 1)).fields["golongan_darah"] == "A"
