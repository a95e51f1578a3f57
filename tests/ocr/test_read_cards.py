"""Generated cards read end to end through the real easyocr model."""
import pytest

from ocr.engine import read_bytes
from ocr.fields import FIELDS
from ocr.synthetic import make_card

pytestmark = pytest.mark.slow
CLEAN_SEEDS = [101, 102, 103]
TURNED_SEEDS = [20]  # hard mode, photographed upside down (180 degrees)


@pytest.fixture(scope="module")
def results(reader):
    out = {}
    for seed in CLEAN_SEEDS:
        jpeg, truth = make_card(seed, hard=False)
        out[seed] = (read_bytes(reader, jpeg, f"{seed}.jpg"), truth["fields"])
    for seed in TURNED_SEEDS:
        jpeg, truth = make_card(seed)
        assert truth["photo"]["turn"] == 180
        out[seed] = (read_bytes(reader, jpeg, f"{seed}.jpg"), truth["fields"])
    return out


@pytest.mark.parametrize("seed", CLEAN_SEEDS)
def test_nik_name_and_birth_date_are_read(results, seed):
    out, truth = results[seed]
    for key in ("nik", "nama", "tanggal_lahir", "jenis_kelamin"):
        assert out["fields"][key] == truth[key], (key, out["fields"][key], truth[key], out["problems"])
    assert out["nik_valid"] is True


@pytest.mark.parametrize("seed", TURNED_SEEDS)
def test_upside_down_tilted_photo_is_turned_and_read(results, seed):
    out, truth = results[seed]
    for key in ("nik", "tanggal_lahir", "jenis_kelamin", "provinsi"):
        assert out["fields"][key] == truth[key], (key, out["fields"][key], truth[key], out["problems"])
    assert out["nik_valid"] is True


def test_output_has_every_field_and_a_confidence_for_each(results):
    for out, _ in results.values():
        assert list(out["fields"]) == list(FIELDS)
        assert set(out["confidence"]) == set(FIELDS)
        assert all(0.0 <= c <= 1.0 for c in out["confidence"].values())
        assert isinstance(out["seconds"], float)


def test_a_field_is_right_or_null_never_a_wrong_vocabulary_value(results):
    closed = ("jenis_kelamin", "agama", "status_perkawinan", "kewarganegaraan", "provinsi")
    for out, truth in results.values():
        for key in closed:
            assert out["fields"][key] in (None, truth[key]), (key, out["fields"][key], truth[key])


def test_wrong_nik_on_the_card_is_flagged(reader):
    """A NIK whose birth date disagrees with the printed one is reported, never marked valid."""
    import random

    from ocr import synthetic

    rng = random.Random(102)
    fields = synthetic.random_fields(rng)
    nik = fields["nik"]
    day = int(nik[6:8])
    fields["nik"] = nik[:6] + f"{(day % 40) % 28 + 1 + (40 if day > 40 else 0):02d}" + nik[8:]
    jpeg, _ = synthetic.photograph(synthetic.render_card(fields, rng), rng, hard=False)
    out = read_bytes(reader, jpeg, "mismatch.jpg")
    assert out["nik_valid"] is False
    assert "NIK birth date does not match card" in out["problems"]
