"""Bad input gives a clear error or "not a KTP", never a crash or a made-up NIK."""
import io

import numpy as np
import pytest
from PIL import Image, ImageDraw

from ocr.engine import read_bytes, read_path
from ocr.synthetic import make_card

LIMIT = 10_000_000


def _assert_error(out, words):
    assert out["fields"]["nik"] is None and out["nik_valid"] is False
    assert all(v is None for v in out["fields"].values())
    assert any(w in out["error"] for w in words), out["error"]
    assert out["problems"]


def test_not_an_image():
    _assert_error(read_bytes(None, b"%PDF-1.4 hello", "x.pdf", LIMIT), ["not an image"])


def test_empty_file():
    _assert_error(read_bytes(None, b"", "x.jpg", LIMIT), ["empty"])


def test_truncated_jpeg():
    jpeg, _ = make_card(1)
    _assert_error(read_bytes(None, jpeg[: len(jpeg) // 2], "half.jpg", LIMIT), ["truncated", "damaged"])


def test_twenty_megabyte_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"\0" * 20_000_000)
    _assert_error(read_path(None, big, LIMIT), ["too large"])
    _assert_error(read_bytes(None, big.read_bytes(), "big.jpg", LIMIT), ["too large"])


def test_decompression_bomb_is_refused():
    buf = io.BytesIO()
    Image.new("L", (9000, 9000)).save(buf, format="PNG")  # small file, 81 Mpixel
    assert len(buf.getvalue()) < LIMIT
    _assert_error(read_bytes(None, buf.getvalue(), "bomb.png", LIMIT), ["too large"])


def test_missing_file():
    _assert_error(read_path(None, "/nonexistent/ktp.jpg", LIMIT), ["cannot open"])


@pytest.mark.slow
def test_photo_of_something_else_is_not_a_ktp(reader):
    rng = np.random.default_rng(3)
    img = (rng.normal(120, 30, (900, 1200, 3))).clip(0, 255).astype(np.uint8)
    pil = Image.fromarray(img)
    d = ImageDraw.Draw(pil)
    d.rectangle((300, 200, 900, 700), fill=(240, 240, 230))  # a receipt on a table
    for i in range(8):
        d.text((340, 230 + 50 * i), f"TOTAL {i * 1234:08d} RP", fill=(20, 20, 20))
    buf = io.BytesIO()
    pil.save(buf, format="JPEG", quality=80)
    out = read_bytes(reader, buf.getvalue(), "receipt.jpg", LIMIT)
    assert "not a KTP" in out["problems"]
    assert out["fields"]["nik"] is None and out["nik_valid"] is False
