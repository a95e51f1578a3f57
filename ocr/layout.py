"""Text lines of a flattened card, found with cheap image operations instead of a text detector.

On the canonical card (preprocess.CARD_W x CARD_H) the KTP layout is fixed: two centred header
lines, then labelled rows on the left of the photo box, each `label : value`. We binarise the ink,
correct any residual skew, cut rows with a horizontal projection, locate the colon column (the
stack of small dots that lines up across rows) and split each row into a label box and value
boxes. Boxes are [x_min, x_max, y_min, y_max] in card pixels, ready for easyocr's `recognize`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

TEXT_RIGHT = 745  # the photo box starts right of this on the canonical card
HEADER_BOTTOM = 84


@dataclass
class Row:
    y0: int
    y1: int
    label: list[int] | None  # box of the label, None for a continuation line
    values: list[list[int]] = field(default_factory=list)  # value boxes split at wide gaps


@dataclass
class Layout:
    header: list[list[int]]  # boxes of the header lines, top to bottom
    rows: list[Row]
    colon_x: int | None
    ink: float  # fraction of ink pixels in the text area (0 for a blank card)


def ink_mask(gray: np.ndarray) -> np.ndarray:
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    if ink.mean() > 0.35 * 255:  # Otsu split the background itself: fall back to a fixed level
        ink = ((gray < 110) * 255).astype(np.uint8)
    return ink


def deskew(gray: np.ndarray, ink: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Undo a residual tilt of up to 3 degrees (sharpest row profile wins)."""
    small = cv2.resize(ink[:, :TEXT_RIGHT], None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    h, w = small.shape
    best, best_angle = -1.0, 0.0
    for angle in np.arange(-3.0, 3.01, 0.5):
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        prof = cv2.warpAffine(small, m, (w, h)).sum(axis=1).astype(np.float64)
        score = float(np.var(prof))
        if score > best:
            best, best_angle = score, angle
    if best_angle == 0.0:
        return gray, ink
    m = cv2.getRotationMatrix2D((gray.shape[1] / 2, gray.shape[0] / 2), best_angle, 1.0)
    gray = cv2.warpAffine(gray, m, (gray.shape[1], gray.shape[0]), borderMode=cv2.BORDER_REPLICATE)
    return gray, ink_mask(gray)


def _bands(profile: np.ndarray, min_height: int, thresh: float) -> list[tuple[int, int]]:
    on = profile > thresh
    bands, start = [], None
    for y, v in enumerate(on):
        if v and start is None:
            start = y
        elif not v and start is not None:
            if y - start >= min_height:
                bands.append((start, y))
            start = None
    if start is not None and len(on) - start >= min_height:
        bands.append((start, len(on)))
    return bands


def _split_tall(bands, profile):
    """Split bands that hold two touching rows at their weakest line."""
    if not bands:
        return bands
    med = float(np.median([b - a for a, b in bands]))
    out = []
    for i, (a, b) in enumerate(bands):
        # band 0 is the NIK row, printed larger (at most ~1.7x a row): taller than 2.2x, the name row
        # under it was joined to it (the background's pattern bridging the narrow gap under the NIK)
        top = 0.6 if i > 0 else 1.2
        if b - a > (1.9 if i > 0 else 2.2) * med and b - a > 20:
            inner = profile[a + int(med * top): b - int(med * 0.6)]
            if len(inner):
                cut = a + int(med * top) + int(np.argmin(inner))
                out.extend([(a, cut), (cut, b)])
                continue
        out.append((a, b))
    return out


def _segments(cols: np.ndarray, gap: int) -> list[tuple[int, int]]:
    xs = np.flatnonzero(cols)
    if len(xs) == 0:
        return []
    segs, start, prev = [], xs[0], xs[0]
    for x in xs[1:]:
        if x - prev > gap:
            segs.append((start, prev + 1))
            start = x
        prev = x
    segs.append((start, prev + 1))
    return segs


def _colon_x(ink: np.ndarray, bands: list[tuple[int, int]], text_right: int) -> int | None:
    """x of the colon column: small blobs that line up across many rows."""
    xs = []
    for a, b in bands:
        n, _, stats, _ = cv2.connectedComponentsWithStats(ink[a:b, :text_right], connectivity=8)
        hgt = b - a
        for i in range(1, n):
            x, y, w, h, area = stats[i]
            if 150 < x < 420 and w <= max(6, hgt * 0.3) and h <= hgt * 0.75 and area >= 4:
                xs.append(x + w / 2)
    if len(xs) < 6:
        return None
    hist, edges = np.histogram(xs, bins=np.arange(150, 424, 4))
    k = int(np.argmax(hist))
    if hist[k] < 6:
        return None
    near = [x for x in xs if edges[k] - 4 <= x <= edges[k + 1] + 4]
    return int(round(float(np.median(near))))


def _drop_border_blobs(ink: np.ndarray, margin: int = 25) -> np.ndarray:
    """Remove ink touching the card edge: table, shadow or card border left by the warp."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    h, w = ink.shape
    x, y, bw, bh = stats[:, 0], stats[:, 1], stats[:, 2], stats[:, 3]
    touch = (x <= margin) | (y <= margin) | (x + bw >= w - margin) | (y + bh >= h - margin)
    touch &= (bw > 60) | (bh > 60)  # letters are smaller than that; card edges and shadows are not
    touch |= ((bh > 120) & (bw < 30)) | ((bw > 300) & (bh < 30))  # long thin lines: the card's own edge
    # specks inside the edge strip (the table's pattern, a frayed edge): they bridge the gaps between
    # rows in the row profile, and no letter lies that close to the card's edge
    touch |= (x + bw <= margin) | (y + bh <= margin) | (x >= w - margin) | (y >= h - margin)
    touch[0] = False
    if not touch.any():
        return ink
    out = ink.copy()
    out[touch[labels]] = 0
    return out


def find_layout(gray: np.ndarray, text_right: int = TEXT_RIGHT) -> tuple[np.ndarray, Layout]:
    """(deskewed gray, layout) for a flattened card; text lies left of `text_right` below the header."""
    ink = ink_mask(gray)
    ink[:4], ink[-4:], ink[:, :4], ink[:, -4:] = 0, 0, 0, 0  # warp edges are not ink
    gray, ink = deskew(gray, ink)
    ink = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    ink = _drop_border_blobs(ink)
    h, w = gray.shape
    # header: the centred lines at the top (the NIK row starts at the left edge, the header does not)
    header: list[list[int]] = []
    top_limit = HEADER_BOTTOM + 50
    top = ink[:top_limit, 5:w - 5]
    body_start = HEADER_BOTTOM
    for a, b in _bands(top.sum(axis=1) / 255.0, 8, 6):
        segs = [g for g in _segments(top[a:b].sum(axis=0) > 0, 40) if g[1] - g[0] >= 12]
        if not segs:
            continue
        if segs[0][0] + 5 < 110 or len(header) == 2:
            break
        header.append([segs[0][0] + 5 - 3, segs[-1][1] + 5 + 3, max(0, a - 3), b + 3])
        body_start = b + 1
    if not header:
        body_start = HEADER_BOTTOM
    area = ink[body_start:, 5:text_right]
    ink_frac = float(area.mean() / 255.0) if area.size else 0.0
    profile = area.sum(axis=1) / 255.0
    bands = _split_tall(_bands(profile, 8, 4), profile)
    bands = [(a + body_start, b + body_start) for a, b in bands]
    row_segs = []
    for a, b in bands:
        cols = ink[a:b, 5:text_right].sum(axis=0) > 0
        segs = [(x0 + 5, x1 + 5) for x0, x1 in _segments(cols, 12)]
        row_segs.append([g for g in segs if g[1] - g[0] >= 10 or g[0] > 40])  # edge specks are not text
    colon = _colon_x(ink, bands, text_right)
    if colon is None or not _gap_after(ink, bands, colon):
        colon = _value_column(row_segs)
    rows: list[Row] = []
    for (a, b), segs in zip(bands, row_segs):
        if not segs:
            continue
        y0, y1 = max(0, a - 3), min(h, b + 3)
        if colon is not None:
            left = [s for s in segs if s[1] <= colon - 2]
            right_x = colon + 5
            right = [(max(s[0], right_x), s[1]) for s in segs if s[1] > right_x]
        else:  # no column found: the first wide gap separates label and value
            left, right = segs[:1], segs[1:]
        label = [left[0][0] - 3, left[-1][1] + 3, y0, y1] if left else None
        values = [[s[0] - 3, s[1] + 3, y0, y1] for s in _merge(right, 26)]
        rows.append(Row(y0, y1, label, values))
    return gray, Layout(header, rows, colon, ink_frac)


def _gap_after(ink: np.ndarray, bands: list[tuple[int, int]], colon: int) -> bool:
    """A true colon column has blank space right after it in most rows. When the colon dots are too
    faint to survive binarisation, serif fragments of the values' first letters (S, I, T) can line
    up instead, and cutting there drops the first letter (SITI -> ITI)."""
    rows = bands[1:]  # the NIK row's colon is printed larger
    if len(rows) < 4:
        return True
    inked = sum(bool(ink[a:b, colon + 4:colon + 7].any()) for a, b in rows)
    return inked <= len(rows) // 2


def _value_column(row_segs: list[list[tuple[int, int]]]) -> int | None:
    """Where values start when the colon dots could not be seen: the most common segment start."""
    starts = [s[0] for segs in row_segs for s in segs[1:] if 150 < s[0] < 420]
    if len(starts) < 5:
        return None
    hist, edges = np.histogram(starts, bins=np.arange(150, 424, 6))
    k = int(np.argmax(hist))
    if hist[k] < 4:
        return None
    return int(edges[k]) - 2


def tall_start(ink_row: np.ndarray, x0: int, x1: int) -> int:
    """First x in [x0, x1) where a character taller than half the row begins (skips a colon)."""
    band = ink_row[:, max(0, x0):x1]
    if band.size == 0:
        return x0
    n, _, stats, _ = cv2.connectedComponentsWithStats(band, connectivity=8)
    tall = [stats[i][0] for i in range(1, n) if stats[i][3] >= 0.5 * band.shape[0] * 0.7]
    return max(0, x0) + min(tall) if tall else x0


def _merge(segs: list[tuple[int, int]], gap: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s in segs:
        if s[1] - s[0] < 2:
            continue
        if out and s[0] - out[-1][1] <= gap:
            out[-1] = (out[-1][0], s[1])
        else:
            out.append(s)
    return out
