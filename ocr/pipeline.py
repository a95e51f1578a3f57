"""A KTP photo read by a text detector and easyocr's recogniser.

    even out a dim photo (ocr.preprocess) -> detect text lines on the whole photo at 960 px,
    enlarged or reduced (ocr.detect) -> turn the photo upright (90/270 from the lines' direction,
    180 from the line classifier, then from the labels) -> search again closer when the text is
    small or merged into blocks -> too few labels read: search again turned 90/270, or around the
    labels read -> cut each line out straight and read it (easyocr) -> labels and values by
    geometry (ocr.card_text) -> the name, NIK and birth date read again with care -> fields.build

No colour, layout or font of one card printer is assumed; a photo with no readable KTP labels is
"not a KTP".
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

import cv2
import numpy as np

from ocr import card_text, rows_by_content, vocab
from ocr import nik as nikrules
from ocr.detect import (
    DETECT_SIDE,
    MAX_DETECT_SIDE,
    MAX_ZOOM,
    TEXT_HEIGHT,
    Box,
    Detector,
    crop,
    overlap,
    turned_90,
    turned_180,
)
from ocr.fields import Result, build, nik_digits
from ocr.merge import AGREE_BONUS, MIN_SIMILAR, agreement, merged
from ocr.nik_card import header_agrees
from ocr.photo_column import drop_issue_lines
from ocr.preprocess import evened
from ocr.recognition import recognize

DIGITS = "0123456789"
VALUE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;/-'()"  # values are printed in capitals
PP_HEIGHT = 48  # px lines are cut out at for PP-OCRv4's recogniser (its own input height)
READ_HEIGHT = 64  # px lines are cut out at for easyocr, which scales them to its own line height
MIN_NAME_HEIGHT = 20  # the name is cut out at its own size (ocr.deblur measures the blur on it), at least this
NAME_PAD_END = 0.4  # line heights of photo kept after the name's box: a box ending inside a thin last letter (ZULKIFL)
MIN_LABELS = 3  # labels read below which the photo is also read the other way up
FEW_LABELS = 6  # labels read below which the card is searched again closer around them (a KTP prints 14)
CARD_WIDE, CARD_HIGH = 40, 25  # a KTP's size in heights of its labels' print (85.6 x 54 mm, print ~2 mm)
READABLE_HEIGHT = 20  # px (at DETECT_SIDE) at which the small lines need no closer search,
ENOUGH_LINES = 24  # when at least this many lines were found (a KTP has ~30)
FEW_LINES = 12  # lines found on the whole photo below which it is searched again tile by tile
TILE_SIDE = 1280
TILE_OVERLAP = 320  # wider than a KTP line is long on a card small enough to need tiles
CLOSED = {"jk": vocab.GENDERS, "agama": vocab.RELIGION_SPELLINGS, "status_perkawinan": vocab.MARITAL,
          "kewarganegaraan": vocab.CITIZENSHIP, "berlaku_hingga": ("SEUMUR HIDUP",)}
SETTLED_CONF = 0.9  # PP-OCR confidence at which such a reading is not read again by easyocr


@functools.lru_cache(maxsize=1)
def detector() -> Detector:
    return Detector()


def _scaled(bgr: np.ndarray, side: int) -> tuple[np.ndarray, float]:
    """The photo at `side` px long side: a small photo (a 640 px phone picture) is enlarged, so that
    its small print is not merged into one blob by the detector."""
    s = side / max(bgr.shape[:2])
    if abs(s - 1.0) < 0.05:
        return bgr, 1.0
    return cv2.resize(bgr, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1.0 else cv2.INTER_CUBIC), s


def _vertical(boxes: list[Box]) -> bool:
    long = [b for b in boxes if b.length > 2.5 * b.height]
    if len(long) < 3:
        return False
    return sum(abs(b.direction[1]) > abs(b.direction[0]) for b in long) > len(long) / 2


def _coarse(bgr: np.ndarray) -> tuple[list[Box], float, float]:
    """Lines in full-photo coordinates found on the whole photo at DETECT_SIDE (tile by tile when
    few were found: a card far from the camera in a big photo), the scale searched at, and the
    height of its small lines there."""
    det = detector()
    small, s = _scaled(bgr, DETECT_SIDE)
    boxes = det.boxes(small)
    if len(boxes) < FEW_LINES and s < 1.0:
        tiled = _detect_tiles(bgr)
        if len(tiled) > len(boxes):
            s = DETECT_SIDE / max(bgr.shape[:2])
            boxes = [Box(b.quad * s) for b in tiled]
    if not boxes:
        return [], s, 0.0
    return [Box(b.quad / s) for b in boxes], s, float(np.percentile([b.height for b in boxes], 10))


def _closer(bgr: np.ndarray, first: list[Box], s: float, small_h: float) -> list[Box]:
    """The lines searched again closer on the region around what was found, when its small lines
    came out small (a card far from the camera: only the big header and NIK show at first). Not
    when a whole card's lines were found at a height the detector reads well: the closer search
    costs more than the rest of the reading and then rarely finds a line more."""
    # few lines with a large height are small print the detector merged into blocks: closer too
    blocks = len(first) < FEW_LINES
    if not first or (not blocks and (small_h >= TEXT_HEIGHT or (small_h >= READABLE_HEIGHT and len(first) >= ENOUGH_LINES))):
        return first
    x0, y0, x1, y1 = _region_around(first, bgr.shape)
    # up to MAX_ZOOM x the photo's own pixels: a small card in a small photo has lines a few pixels high
    zoom = min(MAX_ZOOM, MAX_DETECT_SIDE / max(x1 - x0, y1 - y0))
    if zoom < 1.4 * s and not (blocks and zoom > s):
        return first
    again = _detect_zoomed(bgr, (x0, y0, x1, y1), zoom)
    return again if len(again) > len(first) else first


def _region_around(boxes: list[Box], shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) of the part of the photo around the lines: the card reaches well beyond its
    biggest lines."""
    pts = np.concatenate([b.quad for b in boxes])
    (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
    grow = 0.6 * max(x1 - x0, y1 - y0)
    return max(0, int(x0 - grow)), max(0, int(y0 - grow)), min(shape[1], int(x1 + grow)), min(shape[0], int(y1 + grow))


def _detect_zoomed(bgr: np.ndarray, region: tuple[int, int, int, int], zoom: float) -> list[Box]:
    """The lines found on `region` (x0, y0, x1, y1) of the photo enlarged `zoom` times, in photo coordinates."""
    x0, y0, x1, y1 = region
    part = cv2.resize(bgr[y0:y1, x0:x1], None, fx=zoom, fy=zoom,
                      interpolation=cv2.INTER_AREA if zoom < 1.0 else cv2.INTER_CUBIC)
    return [Box(b.quad / zoom + np.array([x0, y0], np.float32)) for b in detector().boxes(part)]


def _upside_down_turned(bgr: np.ndarray, boxes: list[Box]) -> tuple[np.ndarray, list[Box]]:
    """The photo and its lines turned 180 degrees when the line classifier reads its longest lines so."""
    longest = sorted(boxes, key=lambda b: -b.length)[:10]
    if detector().upside_down([crop(bgr, b, 48) for b in longest]) > 0.5:
        bgr = cv2.rotate(bgr, cv2.ROTATE_180)
        boxes = turned_180(boxes, bgr.shape)
    return bgr, boxes


def _detect_tiles(bgr: np.ndarray) -> list[Box]:
    """Lines found on overlapping tiles of the photo at its own resolution, duplicates in the
    overlaps dropped (the larger box of two that overlap mostly is kept)."""
    det = detector()
    h, w = bgr.shape[:2]
    step = TILE_SIDE - TILE_OVERLAP
    found: list[Box] = []
    for y in range(0, max(1, h - TILE_OVERLAP), step):
        for x in range(0, max(1, w - TILE_OVERLAP), step):
            tile = bgr[y:y + TILE_SIDE, x:x + TILE_SIDE]
            found += [Box(b.quad + np.array([x, y], np.float32)) for b in det.boxes(tile)]
    kept: list[Box] = []
    for b in sorted(found, key=lambda b: -b.length * b.height):
        if not any(overlap(b, k) > 0.5 for k in kept):
            kept.append(b)
    return kept


def _gray(image: np.ndarray) -> np.ndarray:
    """The channel with the most contrast (blue on a blue card, any on a photocopy), evened out."""
    chans = cv2.split(image)
    spread = [float(np.percentile(c, 95) - np.percentile(c, 5)) for c in chans]
    g = chans[int(np.argmax(spread))]
    k = max(3, (g.shape[0] // 2) | 1)
    bg = cv2.dilate(g, np.ones((k, k), np.uint8))
    flat = cv2.divide(g, bg, scale=255)
    return cv2.normalize(flat, np.empty_like(flat), 0, 255, cv2.NORM_MINMAX)


def _canvas(crops: list[np.ndarray]) -> tuple[np.ndarray, list[list[int]]]:
    """Crops stacked on one white page for easyocr's `recognize`, with their boxes."""
    gap = 12
    width = max(c.shape[1] for c in crops) + 2 * gap
    height = sum(c.shape[0] + gap for c in crops) + gap
    page = np.full((height, width), 255, np.uint8)
    boxes, y = [], gap
    for c in crops:
        page[y:y + c.shape[0], gap:gap + c.shape[1]] = c
        boxes.append([gap, gap + c.shape[1], y, y + c.shape[0]])
        y += c.shape[0] + gap
    return page, boxes


class _Crops:
    """Each line cut out straight in grey for easyocr, on first use: most lines are never read twice."""

    def __init__(self, bgr: np.ndarray, boxes: list[Box]):
        self._bgr, self._boxes = bgr, boxes
        self._done: dict[Any, Any] = {}

    def __getitem__(self, i: int) -> np.ndarray:
        if i not in self._done:
            self._done[i] = _gray(crop(self._bgr, self._boxes[i], READ_HEIGHT))
        return self._done[i]


def _read_lines(reader, bgr: np.ndarray, boxes: list[Box]) -> tuple[list[card_text.Line], _Crops]:
    """Every line read by PP-OCRv4 (`Detector.read`); `reader` (easyocr) reads the values again later."""
    texts = detector().read([crop(bgr, b, PP_HEIGHT) for b in boxes])
    lines = [card_text.Line(b, text, conf, i) for i, (b, (text, conf)) in enumerate(zip(boxes, texts))]
    return lines, _Crops(bgr, boxes)


def _upright(bgr: np.ndarray) -> tuple[np.ndarray, list[Box]]:
    boxes, s, small_h = _coarse(bgr)
    if _vertical(boxes):  # turned before the closer search, which then runs once
        bgr = cv2.rotate(bgr, cv2.ROTATE_90_CLOCKWISE)
        boxes, s, small_h = _coarse(bgr)
    boxes = _closer(bgr, boxes, s, small_h)
    if _vertical(boxes):  # seen turned only now that the small print was found
        bgr = cv2.rotate(bgr, cv2.ROTATE_90_CLOCKWISE)
        boxes = turned_90(boxes, bgr.shape)
    return _upside_down_turned(bgr, boxes)


def _around(bgr: np.ndarray, boxes: list[Box]) -> np.ndarray:
    """The part of the photo around the lines found (the card reaches beyond them), or all of it."""
    if not boxes:
        return bgr
    x0, y0, x1, y1 = _region_around(boxes, bgr.shape)
    return bgr[y0:y1, x0:x1]


def _around_labels(bgr: np.ndarray, found: dict[str, card_text.Found]) -> list[Box]:
    """The lines found on the part of the photo where a card with these labels can be (a KTP is about
    CARD_WIDE label heights wide and CARD_HIGH high, its labels at the left), enlarged up to
    MAX_DETECT_SIDE: on a photo where the card is small beside other things (a screenshot's
    buttons, a table top), the first search saw only its largest print."""
    pts = np.concatenate([f.label.box.quad for f in found.values()])
    h = float(np.median([f.label.box.height for f in found.values()]))
    (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
    x0, y0 = max(0, int(x0 - 3 * h)), max(0, int(y0 - CARD_HIGH * h))
    x1, y1 = min(bgr.shape[1], int(x1 + CARD_WIDE * h)), min(bgr.shape[0], int(y1 + CARD_HIGH * h))
    zoom = min(MAX_ZOOM, MAX_DETECT_SIDE / max(1, x1 - x0, y1 - y0))
    return _detect_zoomed(bgr, (x0, y0, x1, y1), zoom)


def _searched(bgr: np.ndarray) -> tuple[np.ndarray, list[Box]]:
    """The lines of a photo taken to be upright but for 180 degrees (the classifier decides that),
    searched once at DETECT_SIDE and once closer (no tiles: this is the last try on a poor photo)."""
    small, s = _scaled(bgr, DETECT_SIDE)
    boxes = [Box(b.quad / s) for b in detector().boxes(small)]
    small_h = float(np.percentile([b.height for b in boxes], 10)) if boxes else 0.0
    return _upside_down_turned(bgr, _closer(bgr, boxes, s, small_h))


def read_photo(reader, bgr: np.ndarray, today: dt.date) -> Result:
    bgr, boxes = _upright(evened(bgr))
    if not boxes:
        return _not_ktp()
    lines, crops = _read_lines(reader, bgr, boxes)
    found = card_text.find_labels(lines)
    if len(found) < MIN_LABELS:  # the classifier may have been wrong: the other way up
        flipped = cv2.rotate(bgr, cv2.ROTATE_180)
        boxes2 = turned_180(boxes, flipped.shape)
        lines2, crops2 = _read_lines(reader, flipped, boxes2)
        found2 = card_text.find_labels(lines2)
        if len(found2) > len(found):
            bgr, lines, crops, found = flipped, lines2, crops2, found2
    if len(found) < MIN_LABELS:  # the lines' direction may have misled: searched again turned 90 degrees
        region = _around(bgr, boxes)
        for turn in (cv2.ROTATE_90_CLOCKWISE, cv2.ROTATE_90_COUNTERCLOCKWISE):
            turned, boxes2 = _searched(cv2.rotate(region, turn))
            lines2, crops2 = _read_lines(reader, turned, boxes2)
            found2 = card_text.find_labels(lines2)
            if len(found2) > len(found) or _valid_nik(lines2) and not _valid_nik(lines):
                bgr, lines, crops, found = turned, lines2, crops2, found2
    if 0 < len(found) < FEW_LABELS:  # a few labels read: the rest of the card searched closer around them
        boxes2 = _around_labels(bgr, found)
        if len(boxes2) > len(lines):
            lines2, crops2 = _read_lines(reader, bgr, boxes2)
            found2 = card_text.find_labels(lines2)
            if len(found2) > len(found):
                lines, crops, found = lines2, crops2, found2
    card_text.nik_by_content(found, lines)
    card_text.attach_values(found, lines)
    drop_issue_lines(found, lines)
    by_labels = card_text.looks_like_ktp(found, lines)
    nik_labelled = "nik" in found and found["nik"].label.index >= 0
    rows_by_content.add_rows(found, lines)
    _careful(reader, found, crops, bgr, today)
    rows = card_text.rows(found)
    head = card_text.header(lines, found)
    ttl = found.get("ttl")
    res = build(rows, head, today, check_date=lambda dates: _check_date(reader, ttl, crops, dates))
    # a NIK that passes every check is enough beside its own label, beside rows only a KTP has that
    # were told by their values, or under the header lines naming its province and regency
    if not by_labels and not (res.nik_valid and (nik_labelled or card_text.looks_like_ktp(found, lines))
                              or header_agrees(res)):
        return _not_ktp()
    return res


def _valid_nik(lines: list[card_text.Line]) -> bool:  # a turn that reads a whole valid NIK reads the card
    return any(not nikrules.nik_problems(nik_digits(ln.text)) for ln in lines if sum(ch.isdigit() for ch in ln.text) >= 12)


def _not_ktp() -> Result:
    return Result(problems=["not a KTP"])


def _careful(reader, found: dict[str, card_text.Found], crops: _Crops, bgr: np.ndarray,
             today: dt.date) -> None:
    """Values read again in capitals (the NIK digits-only), the name again with `ocr.names`."""
    from ocr.names import joined_parts, marks_as_printed, read_name, split_joined, with_apostrophes

    jobs: dict[str | None, list[card_text.Line]] = {}
    for key, f in found.items():
        if key != "nama":
            jobs.setdefault(DIGITS if key == "nik" else VALUE_CHARS, []).extend(
                v for v in f.values if not _settled(key, v))
    for allow, lines in jobs.items():
        if not lines:
            continue
        cut = [_strip_colon(crops[v.index]) for v in lines]
        page, where = _canvas(cut)
        for v, t in zip(lines, recognize(reader, page, where, allowlist=allow)):
            if allow == DIGITS:
                v.text, v.conf = _nik_reading((v.text, v.conf), (t.text, t.conf), today)
            else:
                v.text, v.conf = merged((_value_part(v.text), v.conf), (t.text, t.conf))
    name = found.get("nama")
    for v in name.values if name is not None else []:
        c = _strip_colon(_gray(crop(bgr, v.box, MIN_NAME_HEIGHT if v.box.height < MIN_NAME_HEIGHT else None,
                                    pad_end=NAME_PAD_END)))
        text, conf = read_name(reader, c, [0, c.shape[1], 0, c.shape[0]])
        # PP-OCR drops narrow spaces ("IWAYAN"): its reading parted by the name list first, so that
        # two readings of the same words agree instead of counting as parted otherwise
        pp = (split_joined(_value_part(v.text)), v.conf)
        v.text, v.conf = merged(pp, (text, conf))
        # a name is the field a clinic trusts most: when easyocr read other words (a garbled or
        # misplaced crop), PP-OCR's reading has no support and is not sure
        alike = agreement(pp[0], text)
        v.conf *= alike if alike < MIN_SIMILAR else 1.0
        v.text = marks_as_printed(with_apostrophes(joined_parts(split_joined(v.text))))


def _settled(key: str, line: card_text.Line) -> bool:
    """A value PP-OCR read surely as exactly a word of its row's closed vocabulary (ISLAM,
    PEREMPUAN, WNI ...): a second reading could only raise its confidence a little."""
    words = CLOSED.get(key)
    return words is not None and line.conf >= SETTLED_CONF and " ".join(_value_part(line.text).split()) in words


def _value_part(text: str) -> str:
    """A value line's PP-OCR text without the colon it starts with (the easyocr crop has it cut off)."""
    return re.sub(r"^\s*[:;.,|'`]+", "", text).strip()


def _nik_reading(pp: tuple[str, float], easy: tuple[str, float], today: dt.date) -> tuple[str, float]:
    """The NIK from whichever reading gives 16 digits that pass the NIK's own rules, PP-OCR's first;
    surer when both readers give the same digits."""
    from ocr.nik import nik_problems, ocr_to_digits

    def digits(text: str) -> str:
        return re.sub(r"[^0-9]", "", ocr_to_digits(_value_part(text)))

    for text, conf in (pp, easy):
        d = digits(text)
        if len(d) == 16 and not nik_problems(d, today):
            return d, min(1.0, conf + AGREE_BONUS) if digits(pp[0]) == digits(easy[0]) else conf
    return easy


def _strip_colon(gray: np.ndarray) -> np.ndarray:
    """Cut a leading colon off a value crop: a first mark narrower than a letter whose ink, in the
    line's middle band (the lines above and below may show at the crop's edges), is two dots or
    one short mark rather than a full-height stroke."""
    h, w = gray.shape
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    band = ink[int(0.12 * h):int(0.82 * h)] > 0
    cols = band.sum(axis=0) > max(2, 0.06 * band.shape[0])
    x = 0
    while x < w and not cols[x]:
        x += 1
    start = x
    while x < w and cols[x]:
        x += 1
    if x >= w or x - start > 0.3 * h or x == start:
        return gray
    rows = np.asarray(band[:, start:x].any(axis=1))
    ys = np.flatnonzero(rows)
    if ys[-1] - ys[0] < 0.35 * band.shape[0] or not rows[ys[0]:ys[-1] + 1].all():
        return gray[:, min(w - 4, x + max(1, int(0.04 * h))):]
    return gray


def _check_date(reader, ttl: card_text.Found | None, crops: _Crops, dates):
    from ocr.dates import supported_date

    if ttl is None or not ttl.values:
        return None
    return supported_date(reader, crops[ttl.values[-1].index], dates)[0]
