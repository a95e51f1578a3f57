"""Photos from the renderers written blind after b-d (e, g, h and i: tuning renderers now; the held-out
j stays out of CI, where a failure would be looked at): the three smallest files of each at seed 12,
picked by file size, not by how they read, and two of h's and i's photos of other things. What a
patient sees is checked: the fields pre-filled at the shipped threshold. The per-renderer
benchmark is bench/ocr.py."""
import json
from pathlib import Path

import pytest

from ocr.engine import read_bytes
from ocr.prefill import prefilled

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data" / "cards_more"
ITEMS = [json.loads(line) for line in (DATA / "truth.jsonl").read_text().splitlines()]
CARDS = [i for i in ITEMS if i["fields"]]
OTHERS = [i for i in ITEMS if not i["fields"]]
CORE = ("nik", "nama", "tanggal_lahir", "jenis_kelamin")
THRESHOLD = 0.90  # ocr.min_confidence's default


@pytest.fixture(scope="module")
def results(reader):
    return {i["image"]: read_bytes(reader, (DATA / i["image"]).read_bytes(), i["image"]) for i in ITEMS}


@pytest.mark.parametrize("item", CARDS, ids=[i["image"] for i in CARDS])
def test_a_card_is_pre_filled_right_or_the_field_is_asked(results, item):
    shown = prefilled(results[item["image"]], THRESHOLD)
    for key in CORE:
        assert shown[key] in (None, item["fields"][key]), (key, shown[key], item["fields"][key])


def test_most_core_fields_of_those_cards_are_pre_filled(results):
    shown = {i["image"]: prefilled(results[i["image"]], THRESHOLD) for i in CARDS}
    right = sum(shown[i["image"]][k] == i["fields"][k] for i in CARDS for k in CORE)
    assert right >= 0.6 * len(CARDS) * len(CORE), right  # 35 of 48 when written; a floor against regressions


@pytest.mark.parametrize("item", OTHERS, ids=[f"{i['image']}-{i['kind']}" for i in OTHERS])
def test_a_photo_of_something_else_is_not_a_ktp_and_gets_no_nik(results, item):
    out = results[item["image"]]
    assert "not a KTP" in out["problems"]
    assert out["fields"]["nik"] is None and out["nik_valid"] is False
