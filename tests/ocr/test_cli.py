"""`python -m ocr.ktp IMAGE [IMAGE ...]`: one JSON object per image per line."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from ocr.fields import FIELDS
from ocr.synthetic import make_card
from tests.deadlines import scaled

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


def test_cli_prints_one_json_line_per_image_and_survives_a_bad_one(tmp_path):
    jpeg, truth = make_card(103, hard=False)
    good = tmp_path / "card.jpg"
    good.write_bytes(jpeg)
    bad = tmp_path / "notes.jpg"
    bad.write_text("this is not a photo")
    proc = subprocess.run([sys.executable, "-m", "ocr.ktp", str(good), str(bad)], cwd=ROOT,
                          capture_output=True, text=True, timeout=scaled(600))
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 2, proc.stderr[-2000:]
    first, second = (json.loads(line) for line in lines)
    assert first["image"] == str(good)
    assert set(first) >= {"image", "fields", "confidence", "nik_valid", "problems", "seconds"}
    assert list(first["fields"]) == list(FIELDS)
    assert first["fields"]["nik"] == truth["fields"]["nik"]
    assert second["image"] == str(bad) and "error" in second and second["fields"]["nik"] is None
    assert proc.returncode == 1  # one image could not be read
