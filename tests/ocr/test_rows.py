"""Which row is the name: labels, row order, and fragments beside the name."""
import numpy as np

from ocr import engine, names
from ocr.fields import RowText, Text, row_keys
from ocr.layout import Row


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


def test_a_fragment_beside_the_name_does_not_make_the_name_unsure(monkeypatch):
    readings = {0: ("JOKO NUGROHO", 0.93), 1: ("L", 0.01)}
    monkeypatch.setattr(names, "read_name", lambda reader, gray, box: readings[box[0]])
    layout = [Row(0, 20, [0, 10, 0, 20], [[20, 30, 0, 20]]), Row(30, 50, [0, 10, 30, 50], [[0, 5, 30, 50], [1, 5, 30, 50]])]
    texts = rows("NIK", "Nama")
    texts[1].values = [Text("JOKO NUGROHO", 0.99), Text("U", 0.05)]
    engine._read_name(None, np.zeros((60, 60), np.uint8), layout, texts)
    assert [t.text for t in texts[1].values] == ["JOKO NUGROHO"]
    assert texts[1].values[0].conf == 0.93
