"""The KTP reading pipeline: bytes -> the JSON-ready dict of ktp.md.

    decode -> flatten (find card, warp, upright) -> text image -> layout (rows, colon, boxes)
    -> easyocr `recognize` on the known boxes only (no text detector) -> fields

easyocr/torch are imported lazily in `load_reader`, so importing this module stays cheap.
"""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

from ocr.fields import FIELDS, Result, RowText, Text, build

DIGITS = "0123456789"
DEFAULT_MAX_BYTES = 10_000_000
# Height crops are scaled to before recognition. easyocr uses 64; its recogniser pools the height
# away, so a lower height works and costs ~(h/64)^2 as much (measured in bench/ocr.py).
LINE_HEIGHT = 48
LABEL_RATIO = 4.0  # labels are read only this many line-heights wide: enough to tell them apart


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
    return reader


def _buckets(boxes: list[list[int]]) -> list[list[int]]:
    """Group box indices of similar aspect ratio: easyocr pads every crop of a call to the widest."""
    ratio = [max(1.0, (b[1] - b[0]) / max(1, b[3] - b[2])) for b in boxes]
    order = sorted(range(len(boxes)), key=lambda i: ratio[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and ratio[i] <= 1.6 * ratio[groups[-1][0]] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def recognize(reader, gray, boxes: list[list[int]], allowlist: str | None = None) -> list[Text]:
    """Text of each box [x_min, x_max, y_min, y_max] (same order as `boxes`)."""
    out = [Text("", 0.0) for _ in boxes]
    h, w = gray.shape[:2]
    boxes = [[max(0, b[0]), min(w, b[1]), max(0, b[2]), min(h, b[3])] for b in boxes]
    for group in _buckets(boxes):
        sub = [boxes[i] for i in group]
        res = reader.recognize(gray, horizontal_list=sub, free_list=[], allowlist=allowlist,
                               batch_size=8, detail=1, paragraph=False)
        where = {(int(b[0]), int(b[2])): i for i, b in zip(group, sub)}
        for pts, text, conf in res:
            key = (int(pts[0][0]), int(pts[0][1]))
            if key in where:
                out[where[key]] = Text(text, float(conf))
    return out


def _read_card(reader, gray, text_right: int, today: dt.date) -> Result:
    from ocr.layout import find_layout

    gray, lay = find_layout(gray, text_right)
    if not lay.rows:
        return Result()
    nik_row = lay.rows[0]
    default_boxes, owners = list(lay.header), [("h", i) for i in range(len(lay.header))]
    for r, row in enumerate(lay.rows):
        if row.label is not None:
            x0, x1, y0, y1 = row.label
            default_boxes.append([x0, min(x1, x0 + int(LABEL_RATIO * (y1 - y0))), y0, y1])
            owners.append(("l", r))
        if row is not nik_row:
            for v, box in enumerate(row.values):
                default_boxes.append(box)
                owners.append(("v", r, v))
    texts = recognize(reader, gray, default_boxes)
    header = [Text("", 0.0) for _ in lay.header]
    rows = [RowText(None, [Text("", 0.0) for _ in row.values]) for row in lay.rows]
    for owner, t in zip(owners, texts):
        if owner[0] == "h":
            header[owner[1]] = t
        elif owner[0] == "l":
            rows[owner[1]].label = t
        else:
            rows[owner[1]].values[owner[2]] = t
    if nik_row.values:
        # one box from the first digit to the last: the colon is cut off, digits only
        from ocr.layout import ink_mask, tall_start

        x0 = tall_start(ink_mask(gray[nik_row.y0:nik_row.y1]), nik_row.values[0][0], nik_row.values[-1][1])
        box = [max(nik_row.values[0][0], x0 - 3), nik_row.values[-1][1], nik_row.y0, nik_row.y1]
        rows[0].values = recognize(reader, gray, [box], allowlist=DIGITS)
    _read_name(reader, gray, lay.rows, rows)
    return build(rows, header, today, check_date=lambda dates: _check_date(reader, gray, lay.rows, rows, dates))


def _check_date(reader, gray, layout_rows, rows: list[RowText], dates):
    """The NIK's birth date if the Tempat/Tgl Lahir row's image supports it (`ocr.dates`), else None."""
    from ocr.dates import supported_date
    from ocr.fields import row_keys

    for key, lrow in zip(row_keys(rows), layout_rows):
        if key == "ttl" and lrow.values:
            x0, x1 = lrow.values[0][0], lrow.values[-1][1]
            return supported_date(reader, gray[max(0, lrow.y0):lrow.y1, max(0, x0):x1], dates)[0]
    return None


def _read_name(reader, gray, layout_rows, rows: list[RowText]) -> None:
    """Read the name row again with `ocr.names` (several views, CTC scoring, the name list);
    keep the first reading when the careful one found nothing."""
    from ocr.fields import row_keys
    from ocr.names import read_name

    for key, lrow, row in zip(row_keys(rows), layout_rows, rows):
        if key != "nama" or not lrow.values:
            continue
        again = [Text(*read_name(reader, gray, box)) for box in lrow.values]
        # a speck or the photo's edge beside the name reads as a letter or two with no confidence:
        # drop it rather than let it make the whole name unsure
        kept = [t for t in again if len(t.text.replace(" ", "")) >= 3 or t.conf >= 0.35]
        if any(t.text for t in kept):
            row.values = kept
        return


def read_array(reader, bgr, today: dt.date | None = None) -> tuple[Result, dict]:
    """Fields of a decoded photo; tries the card upside down when the layout does not fit."""
    import cv2

    from ocr.preprocess import flatten, text_gray

    today = today or dt.date.today()
    card = flatten(bgr)
    res = _read_card(reader, text_gray(card.image), card.photo_x, today)
    if res.labels_matched < 5 and not card.orientation_sure:
        flipped = cv2.rotate(card.image, cv2.ROTATE_180)
        other = _read_card(reader, text_gray(flipped), 745, today)
        if other.labels_matched > res.labels_matched:
            res = other
    if res.labels_matched < 3 and res.fields["nik"] is None:
        res = Result()
        res.problems = ["not a KTP"]
    return res, {"card_found": card.found, "turned": card.turned}


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
        res, _ = read_array(reader, bgr, today)
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
