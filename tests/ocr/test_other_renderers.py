"""Photos from card renderers written without seeing the reader (bench/cards, render_b and render_c:
a few cards each, picked by file size, not by how they read), and from render_d's photos of other
things (a driving licence, a blank blue card). The big per-renderer benchmark is bench/ocr.py."""
import json
from pathlib import Path

import pytest

from ocr.engine import read_bytes

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data" / "cards"
ITEMS = [json.loads(line) for line in (DATA / "truth.jsonl").read_text().splitlines()]
CARDS = [i for i in ITEMS if i.get("fields")]
OTHERS = [i for i in ITEMS if not i.get("fields")]
CORE = ("nik", "nama", "tanggal_lahir", "jenis_kelamin")


@pytest.fixture(scope="module")
def results(reader):
    return {i["image"]: read_bytes(reader, (DATA / i["image"]).read_bytes(), i["image"]) for i in ITEMS}


@pytest.mark.parametrize("item", CARDS, ids=[i["image"] for i in CARDS])
def test_a_card_drawn_by_another_renderer_is_read_right_or_left_empty(results, item):
    out = results[item["image"]]
    assert "not a KTP" not in out["problems"]
    for key in CORE:
        assert out["fields"][key] in (None, item["fields"][key]), (key, out["fields"][key], item["fields"][key])


def test_most_core_fields_of_those_cards_are_read(results):
    read = sum(results[i["image"]]["fields"][k] == i["fields"][k] for i in CARDS for k in CORE)
    assert read >= 0.7 * len(CARDS) * len(CORE), read  # 18 of 24 when written; a floor against regressions


@pytest.mark.parametrize("item", OTHERS, ids=[f"{i['image']}-{i['kind']}" for i in OTHERS])
def test_a_photo_of_another_card_is_not_a_ktp_and_gets_no_nik(results, item):
    out = results[item["image"]]
    assert "not a KTP" in out["problems"]
    assert out["fields"]["nik"] is None and out["nik_valid"] is False
