"""The KTP reading entry points: bytes or a file -> the JSON-ready dict of ktp.md.

Decoding checks size and format (`ocr.preprocess`); the reading itself is `ocr.pipeline` (text
detector, easyocr's recogniser on the lines it finds, labels and values by geometry).
easyocr/torch are imported lazily in `load_reader`, so importing this module stays cheap.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from ocr.fields import FIELDS, Result

DEFAULT_MAX_BYTES = 10_000_000
# Height crops are scaled to before recognition. easyocr uses 64; its recogniser pools the height
# away, so a lower height works and costs ~(h/64)^2 as much (measured in bench/ocr.py).
LINE_HEIGHT = 48


def load_reader(threads: int | None = None):
    """easyocr Reader from the offline model package; never downloads."""
    import warnings

    import easyocr
    import easyocr_en_models
    import torch

    # One thread per worker: on a small shared machine more threads spin against each other
    # (measured: 2 threads were 3-8x slower than 1 while other processes were busy).
    torch.set_num_threads(threads or 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch quantization deprecation noise on stderr
        reader = easyocr.Reader(["en"], gpu=False, model_storage_directory=easyocr_en_models.model_dir(),
                                download_enabled=False, verbose=False)
    import easyocr.easyocr as easyocr_module

    easyocr_module.imgH = int(os.environ.get("PUSQUE_OCR_LINE_HEIGHT", LINE_HEIGHT))  # module global there
    from ocr import places

    places.warm()  # the place names are read now, not on the first card
    return reader


def read_array(reader, bgr, today: dt.date | None = None) -> Result:
    """Fields of a decoded photo (`ocr.pipeline`)."""
    from ocr.pipeline import read_photo

    return read_photo(reader, bgr, today or dt.date.today())


def empty_output(image: str, problems: list[str], seconds: float, error: str | None = None) -> dict:
    out = {"image": image, "fields": {k: None for k in FIELDS}, "confidence": {k: 0.0 for k in FIELDS},
           "nik_valid": False, "problems": problems, "seconds": round(seconds, 2)}
    if error:
        out["error"] = error
    return out


def read_bytes(reader, data: bytes, image: str, max_bytes: int = DEFAULT_MAX_BYTES,
               today: dt.date | None = None) -> dict:
    """The ktp.md JSON object for one image; bad input gives an "error" object, never an exception."""
    from ocr.preprocess import ImageError, decode

    start = time.perf_counter()
    try:
        bgr = decode(data, max_bytes)
    except ImageError as exc:
        return empty_output(image, [str(exc)], time.perf_counter() - start, error=str(exc))
    try:
        res = read_array(reader, bgr, today)
    except Exception as exc:  # a reading bug must not take the other images down
        msg = f"could not read the card: {type(exc).__name__}"
        return empty_output(image, [msg], time.perf_counter() - start, error=msg)
    return {"image": image, "fields": res.fields, "confidence": res.confidence, "nik_valid": res.nik_valid,
            "problems": res.problems, "seconds": round(time.perf_counter() - start, 2)}


def read_path(reader, path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, today: dt.date | None = None) -> dict:
    path = Path(path)
    start = time.perf_counter()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            msg = f"file too large: {size} bytes, limit {max_bytes}"
            return empty_output(str(path), [msg], time.perf_counter() - start, error=msg)
        data = path.read_bytes()
    except OSError as exc:
        msg = f"cannot open file: {exc.strerror or exc}"
        return empty_output(str(path), [msg], time.perf_counter() - start, error=msg)
    return read_bytes(reader, data, str(path), max_bytes, today)
