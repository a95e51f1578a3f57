"""The synthetic card generator: ground truth is self-consistent and reproducible."""
import datetime as dt
import io
import json

from PIL import Image

from ocr import synthetic
from ocr.nik import card_problems, is_valid_nik
from ocr.vocab import PROVINCES


def test_ground_truth_obeys_the_nik_rules():
    for seed in range(40):
        _, truth = synthetic.make_card(seed)
        f = truth["fields"]
        assert is_valid_nik(f["nik"], dt.date(2026, 11, 23)), f["nik"]
        assert card_problems(f["nik"], dt.date.fromisoformat(f["tanggal_lahir"]), f["jenis_kelamin"]) == []
        assert PROVINCES[f["nik"][:2]] == f["provinsi"]


def test_same_seed_same_card_and_photos_are_jpegs():
    a, ta = synthetic.make_card(5)
    b, tb = synthetic.make_card(5)
    assert a == b and ta == tb
    with Image.open(io.BytesIO(a)) as im:
        assert im.format == "JPEG" and min(im.size) >= 600


def test_hard_mode_covers_turns_and_low_quality():
    photos = [synthetic.make_card(s)[1]["photo"] for s in range(60)]
    assert {p["turn"] for p in photos} >= {0, 90, 180, 270}
    assert min(p["quality"] for p in photos) < 45 and max(abs(p["angle"]) for p in photos) > 10


def test_command_line_writes_images_and_truth(tmp_path):
    assert synthetic.main(["--n", "2", "--seed", "3", "--out", str(tmp_path)]) == 0
    truth = json.loads((tmp_path / "card_0001.json").read_text())
    assert (tmp_path / "card_0001.jpg").stat().st_size > 10_000
    assert set(truth["fields"]) >= {"nik", "nama", "tanggal_lahir", "provinsi", "kabupaten_kota"}
