"""From read text lines (box + text) to the card's labelled rows, by geometry relative to the labels.

Nothing here knows how a particular card printer draws a KTP. Labels are found by fuzzy match
wherever they are, each read label given the key that keeps all labels in the card's row order
(`find_labels`); a label's value is the text that follows it along its row, whose direction comes
from a field fitted to the detected lines' angles over the card (`DirectionField`: under
perspective the rows converge), up to a gap wider than a few letters or the next label; a label
and its value read as one box ("Agama: ISLAM") are split at the colon. The header is the topmost line that starts with PROVINSI, and the
KABUPATEN/KOTA line under it. A wrapped value's second line (name, birth row, address, occupation)
is the unlabelled line that starts under the value, above the next row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ocr.detect import Box
from ocr.fields import RowText, Text

# key, printed label (as fields.ROW_LABELS, plus the blood type label that shares the sex row)
LABELS = (("nik", "NIK"), ("nama", "Nama"), ("ttl", "Tempat/Tgl Lahir"), ("jk", "Jenis Kelamin"),
          ("gol", "Gol. Darah"), ("alamat", "Alamat"), ("rt_rw", "RT/RW"), ("kel_desa", "Kel/Desa"),
          ("kecamatan", "Kecamatan"), ("agama", "Agama"), ("status_perkawinan", "Status Perkawinan"),
          ("pekerjaan", "Pekerjaan"), ("kewarganegaraan", "Kewarganegaraan"), ("berlaku_hingga", "Berlaku Hingga"))
SURE_LABEL = 0.75  # a label read this well places the labels' column
COLUMN_OFF = 3.0  # line heights right of that column a weakly read label may start
RIVAL_LABEL = 0.1  # a label may be read as another key scoring this much below its best (row order decides)
LABEL_MIN = 0.72  # fuzzy score (0..1) at which a text is taken for a label
LONG_LABEL_MIN = 0.6  # the same for labels of 5 letters or more ("Aqams" is Agama)
LINE_TOLERANCE = 0.5  # a value's centre may be this many line heights off the label's line
WORD_GAP = 3.0  # line heights between two boxes of one value; a wider gap ends the value
FIRST_GAP = 15.0  # line heights from a label's end to the start of its value at most
KTP_ONLY = ("nik", "rt_rw", "kel_desa", "kecamatan", "agama", "status_perkawinan", "kewarganegaraan",
            "berlaku_hingga")  # labels a driving licence or other card does not print
NIK_DIGITS = 12  # a line with this many digits (after look-alike mapping) can be the NIK's value
MIN_FIT_LINES = 6  # long lines below which the direction is the nearest lines' median
ANGLE_OFF = 3.0  # degrees a line may be off the fitted direction field and still count in it
COLON = re.compile(r"[:;：]")
RT_RW = re.compile(r"\d{2,3}\s*[/7l|]\s*\d{2,3}")  # the RT/RW value
# the RT/RW value ending a line, alone or after a colon: not a block number (`BLOK C11/11`)
RT_RW_ENDING = re.compile(r"(?:^|:)\s*" + RT_RW.pattern + r"\W*$")
RT_RW_ALONE = re.compile(r"\d{3}\s*[/7l|,.]?\s*\d{3}")  # a line that is only that value, its slash lost or misread


@dataclass
class Line:
    """One detected text line with what was read in it."""

    box: Box
    text: str
    conf: float
    index: int


@dataclass
class Found:
    """A label found on the card and the lines of its value."""

    key: str
    label: Line
    score: float
    inline: str = ""  # value text read in the label's own box, after the colon
    direction: np.ndarray = field(default_factory=lambda: np.array([1.0, 0.0]))  # reading direction there
    values: list[Line] = field(default_factory=list)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def label_match(text: str) -> tuple[str | None, float, str]:
    """(key, score, rest): the label a box's text starts with, and the text after it."""
    scores = label_scores(text)
    if not scores:
        return None, 0.0, ""
    key = max(scores, key=lambda k: scores[k][0])
    return key, scores[key][0], scores[key][1]


def label_scores(text: str) -> dict[str, tuple[float, str]]:
    """Every label the box's text may be, with its score and the text after the label."""
    from rapidfuzz import fuzz

    parts = COLON.split(text, maxsplit=1)
    head, rest = (parts[0], parts[1]) if len(parts) == 2 else (text, "")
    t = _letters(head)
    out: dict[str, tuple[float, str]] = {}
    if len(t) < 2:
        return out
    for key, printed in LABELS:
        n = _letters(printed)
        score = fuzz.ratio(t, n) / 100
        tail = rest
        if not rest and len(t) > len(n) + 1 and len(n) >= 5:
            # no colon read: "Agama ISLAM" -> the label's letters at the start, the rest is the value
            prefix = fuzz.ratio(t[: len(n)], n) / 100
            if prefix > score and prefix >= 0.85:
                score, tail = prefix, _after_letters(head, len(n))
        if len(t) > len(n) + 3 and fuzz.ratio(t[: len(n)], n) < 100 * LONG_LABEL_MIN:
            score = min(score, fuzz.ratio(t[: len(n)], n) / 100)  # a label starts its text: not "PEREMPUAN Gol Darah"
        if len(n) <= 3 and len(t) != len(n):
            score = 0.0 if t[: len(n)] != n or len(t) > len(n) + 1 else score  # "NIK", "RT/RW": exact
        if score >= (LONG_LABEL_MIN if len(n) >= 5 else LABEL_MIN):
            out[key] = (score, tail.strip())
    return out


def _after_letters(text: str, n: int) -> str:
    seen = 0
    for i, ch in enumerate(text):
        if ch.isalpha():
            seen += 1
            if seen == n:
                return text[i + 1:]
    return ""


def _frame(lines: list[Line]) -> tuple[np.ndarray, np.ndarray]:
    """The card's reading direction and its downward normal, from the longest lines."""
    longest = sorted(lines, key=lambda ln: -ln.box.length)[:12]
    d = np.median(np.array([ln.box.direction for ln in longest]), axis=0) if longest else np.array([1.0, 0.0])
    d = d / max(1e-6, float(np.linalg.norm(d)))
    return d, np.array([-d[1], d[0]])


def _local_direction(box: Box, lines: list[Line]) -> np.ndarray:
    """Reading direction at a box: the median of the nearest long lines' directions (a short box
    such as "NIK" gives a poor angle of its own; perspective makes the angle vary over the card)."""
    long = [ln.box for ln in lines if ln.box.length >= 3 * ln.box.height] or [ln.box for ln in lines]
    near = sorted(long, key=lambda b: float(np.linalg.norm(b.centre - box.centre)))[:5]
    d = np.median(np.array([b.direction for b in near]), axis=0)
    return d / max(1e-6, float(np.linalg.norm(d)))


class DirectionField:
    """The reading direction anywhere on the card, as a plane fitted to the angles of the long lines
    (angle = a + b x + c y, least squares weighted by length, lines more than ANGLE_OFF off the first
    fit dropped). Under perspective the rows converge: the angle changes down the card (measured:
    12.7 degrees at the header, 2.8 at the last row of one photo), so a median of the nearest lines,
    which mixes rows above and below, can point a label at the row under its own."""

    def __init__(self, lines: list[Line]):
        long = [ln.box for ln in lines if ln.box.length >= 3 * ln.box.height]
        self._lines = lines
        self._coef: np.ndarray | None = None
        if len(long) < MIN_FIT_LINES:
            return
        xy = np.array([b.centre for b in long], np.float64)
        self._origin, self._scale = xy.mean(axis=0), max(1.0, float(xy.std()))
        ang = np.array([np.arctan2(b.direction[1], b.direction[0]) for b in long])
        ang = np.median(ang) + np.angle(np.exp(1j * (ang - np.median(ang))))  # no wrap-around at +-180
        a = np.column_stack([np.ones(len(xy)), (xy - self._origin) / self._scale])
        w = np.sqrt(np.array([b.length for b in long]))
        keep = np.ones(len(xy), bool)
        for _ in range(2):
            coef = np.linalg.lstsq(a[keep] * w[keep, None], ang[keep] * w[keep], rcond=None)[0]
            keep = np.abs(a @ coef - ang) <= np.radians(ANGLE_OFF)
            if keep.sum() < MIN_FIT_LINES:
                return
        self._coef = coef

    def at(self, point: np.ndarray, box: Box | None = None) -> np.ndarray:
        if self._coef is None:
            return _local_direction(box, self._lines) if box is not None else _frame(self._lines)[0]
        t = float(np.array([1.0, *((np.asarray(point, np.float64) - self._origin) / self._scale)]) @ self._coef)
        return np.array([np.cos(t), np.sin(t)])


def _span(box: Box, d: np.ndarray) -> tuple[float, float]:
    proj = box.quad @ d
    return float(proj.min()), float(proj.max())


def find_labels(lines: list[Line]) -> dict[str, Found]:
    """The labels, each read label line given the key that keeps the labels in the card's row order
    with the highest total score: a blurred "Nama" read "Lame" is nearer Alamat's letters, but
    between NIK and Tempat/Tgl Lahir only Nama fits. The blood type shares the sex's row: best match."""
    order = [k for k, _ in LABELS if k != "gol"]
    d, n = _frame(lines)
    cands = [(float(ln.box.centre @ n), ln, _near_best(label_scores(ln.text))) for ln in lines]
    cands = sorted((c for c in cands if c[2]), key=lambda c: c[0])
    sure = [_span(ln.box, d)[0] for _, ln, sc in cands if max(v[0] for v in sc.values()) >= SURE_LABEL]
    if len(sure) >= 3:  # the labels' column: a weak match far right of it is a value (PERAMAT)
        column = float(np.median(sure))
        cands = [c for c in cands if max(v[0] for v in c[2].values()) >= SURE_LABEL
                 or _span(c[1].box, d)[0] < column + COLUMN_OFF * c[1].box.height]
    best: dict[str, Found] = {}
    for _, ln, scores in cands:
        if "gol" in scores and max(scores, key=lambda k: scores[k][0]) == "gol" and \
                ("gol" not in best or scores["gol"][0] > best["gol"].score):
            best["gol"] = Found("gol", ln, scores["gol"][0], inline=scores["gol"][1])
    # total[i][k]: best sum over the first i candidates with the last key used below order[k]
    m = len(order)
    total = np.zeros((len(cands) + 1, m + 1))
    pick: dict[tuple[int, int], tuple[int, int, str | None]] = {}
    for i, (y, ln, scores) in enumerate(cands, start=1):
        for k in range(m + 1):
            total[i][k], pick[i, k] = total[i - 1][k], (i - 1, k, None)  # this line not a label
            for j in range(k):  # this line is order[j]; the lines above used keys before it
                key = order[j]
                if key not in scores or (best.get("gol") and best["gol"].label is ln):
                    continue
                prev = i - 1
                while prev > 0 and cands[prev - 1][0] > y - 0.3 * ln.box.height:
                    prev -= 1  # a label on the same row cannot be the row before
                if total[prev][j] + scores[key][0] > total[i][k]:
                    total[i][k], pick[i, k] = total[prev][j] + scores[key][0], (prev, j, key)
    i, k = len(cands), m
    while i > 0:
        prev, kk, chosen = pick[i, k]
        if chosen is not None:
            ln, (score, rest) = cands[i - 1][1], cands[i - 1][2][chosen]
            best[chosen] = Found(chosen, ln, score, inline=rest)
        i, k = prev, kk
    return best


def _near_best(scores: dict[str, tuple[float, str]]) -> dict[str, tuple[float, str]]:
    """The keys a line may take: its best match and those nearly as good (a value such as PERAMAT is
    not made Pekerjaan's label because that is the key left over)."""
    top = max((sc for sc, _ in scores.values()), default=0.0)
    return {k: v for k, v in scores.items() if v[0] >= top - RIVAL_LABEL}


def nik_by_content(found: dict[str, Found], lines: list[Line]) -> None:
    """When the NIK's label was not read ("NK", covered by a finger), its value is the topmost line
    that is mostly digits and long enough, above the name's row when that was found."""
    from ocr.nik import ocr_to_digits

    if "nik" in found:
        return
    d, n = _frame(lines)
    limit = float(found["nama"].label.box.centre @ n) if "nama" in found else float("inf")
    used = {f.label.index for f in found.values()}
    best = None
    for ln in lines:
        digits = sum(ch.isdigit() for ch in ocr_to_digits(ln.text))
        printed = sum(ch.isdigit() for ch in ln.text)
        y = float(ln.box.centre @ n)
        # most of a NIK is read as digits: a header line of look-alike letters (PROVINSI SUMATERA
        # BARAT maps to 12 "digits") is not one
        if ln.index in used or digits < NIK_DIGITS or printed < NIK_DIGITS // 2 or y >= limit \
                or re.search(r"\d{2}-\d{2}-\d{4}", ln.text):
            continue
        if best is None or y < float(best.box.centre @ n):
            best = ln
    if best is not None:
        found["nik"] = Found("nik", Line(best.box, "", 0.0, -1), 0.5, values=[best])


def looks_like_ktp(found: dict[str, Found], lines: list[Line]) -> bool:
    """Labels only a KTP prints (or its NIK), and no other card's title."""
    from rapidfuzz import fuzz

    for ln in lines:
        t = _letters(ln.text)
        if len(t) >= 10 and max(fuzz.partial_ratio("suratizinmengemudi", t), fuzz.partial_ratio("drivinglicen", t)) >= 85:
            return False
    return sum(k in found for k in KTP_ONLY) >= 2


def attach_values(found: dict[str, Found], lines: list[Line]) -> None:
    """Each label's value: the lines after it along its own line (see the module docstring). A line
    belongs to the label whose line it lies closest to, so tightly packed rows do not mix."""
    label_ids = {f.label.index for f in found.values()} | {v.index for f in found.values() for v in f.values}
    owner: dict[int, tuple[float, Found, float]] = {}
    field = DirectionField(lines)
    for f in found.values():
        if f.label.index < 0:  # a NIK found by its digits: no label to follow
            continue
        d = f.direction = field.at(f.label.box.centre, f.label.box)
        _, right = _span(f.label.box, d)
        h = f.label.box.height
        for ln in lines:
            if ln.index in label_ids:
                continue
            # the row's direction halfway between label and line: a row is straight under perspective
            here = field.at((f.label.box.centre + ln.box.centre) / 2, f.label.box)
            n = np.array([-here[1], here[0]])
            off = abs(float((ln.box.centre - f.label.box.centre) @ n)) / min(h, ln.box.height)
            start = _span(ln.box, d)[0]
            if off < LINE_TOLERANCE and start >= right - 0.5 * h and (ln.index not in owner or off < owner[ln.index][0]):
                owner[ln.index] = (off, f, start)
    by_label: dict[str, list[tuple[float, Line]]] = {}
    for idx, (_, f, start) in owner.items():
        by_label.setdefault(f.key, []).append((start, lines[idx]))
    for key, cands in by_label.items():
        f = found[key]
        d = f.direction
        h = f.label.box.height
        label_end = _span(f.label.box, d)[1]
        # a value read inside the label's box continues only across a word gap; else the value may
        # start as far as the colon column puts it
        prev_end, gap = (label_end, WORD_GAP * h) if f.inline else (label_end, FIRST_GAP * h)
        for start, ln in sorted(cands, key=lambda t: t[0]):
            if start - prev_end > gap:
                break
            gap = WORD_GAP * h
            f.values.append(ln)
            prev_end = _span(ln.box, d)[1]
    _continuations(found, lines)


# rows whose value may go on over a second line (a long name, a place of birth pushed down with
# its date, a long address or occupation), and the row under each that bounds it
WRAPPING = {"nama": "ttl", "ttl": "jk", "alamat": "rt_rw", "pekerjaan": "kewarganegaraan"}


def _continuations(found: dict[str, Found], lines: list[Line]) -> None:
    """A wrapped value's second line: an unlabelled line that starts under the value's first line,
    above the row below. The address may wrap without that row found (two lines at most); the
    other rows only when it was, so an unread label's own value is not taken for a continuation."""
    used = {f.label.index for f in found.values()} | {v.index for f in found.values() for v in f.values}
    for key, below_key in WRAPPING.items():
        f = found.get(key)
        if f is None or not f.values:
            continue
        d = f.direction
        n = np.array([-d[1], d[0]])
        h = f.label.box.height
        first = f.values[0].box
        x0, y0 = _span(first, d)[0], float(first.centre @ n)
        below = found.get(below_key)
        if below is None and key != "alamat":
            continue
        y_stop = float(below.label.box.centre @ n) - 0.5 * h if below else y0 + 2.2 * h
        for ln in sorted(lines, key=lambda ln: float(ln.box.centre @ n)):
            y = float(ln.box.centre @ n)
            if ln.index in used or not (y0 + 0.45 * h < y < y_stop) or y > y0 + 2.2 * h:
                continue
            if abs(_span(ln.box, d)[0] - x0) < 2.0 * h and not RT_RW_ENDING.search(ln.text) \
                    and not RT_RW_ALONE.fullmatch(ln.text.strip(" :")):
                f.values.append(ln)
                used.add(ln.index)
                break


def header(lines: list[Line], found: dict[str, Found]) -> list[Text]:
    """[province line, regency/city line] as read (PROVINSI kept: fields.build strips it)."""
    from rapidfuzz import fuzz

    d, n = _frame(lines)
    top = float(found["nik"].label.box.centre @ n) if "nik" in found else None
    prov = kab = None
    for ln in sorted(lines, key=lambda ln: float(ln.box.centre @ n)):
        if top is not None and float(ln.box.centre @ n) > top - 0.5 * ln.box.height:
            break
        word = _letters(ln.text.split()[0]) if ln.text.split() else ""
        if prov is None and fuzz.ratio(word, "provinsi") >= 75:
            prov = ln
        elif kab is None and (fuzz.ratio(word, "kabupaten") >= 75 or fuzz.ratio(word, "kota") >= 75):
            kab = ln
    out = []
    if prov is not None:
        out.append(Text(prov.text, prov.conf))
        if kab is not None:
            out.append(Text(kab.text, kab.conf))
    return out


def _value_texts(f: Found) -> list[Text]:
    texts = [Text(f.inline, f.label.conf)] if f.inline else []
    texts += [Text(v.text, v.conf) for v in f.values]
    if texts and f.key != "nik":
        texts[0] = Text(_drop_label_tail(f.key, texts[0].text), texts[0].conf)
    return texts


def _drop_label_tail(key: str, text: str) -> str:
    """The end of a label read as a box of its own ("Tempat/Tgl" + "Lahir : DUMAI, ...") starts the value:
    drop it, and the colon after it."""
    from rapidfuzz import fuzz

    printed = dict(LABELS)[key].split()
    words = text.split()
    if len(printed) > 1 and words and fuzz.ratio(_letters(words[0]), _letters(printed[-1])) >= 75:
        return COLON.split(" ".join(words[1:]), maxsplit=1)[-1].strip() if len(words) > 1 else ""
    return text


def rows(found: dict[str, Found]) -> list[RowText]:
    """RowTexts in card order with the printed label, ready for `fields.build`."""
    from ocr.fields import ROW_LABELS

    out = []
    for key, printed in ROW_LABELS:
        f = found.get(key)
        if f is None:
            continue
        values = _value_texts(f)
        if key == "jk" and "gol" in found:
            blood = _value_texts(found["gol"])
            values = values + [Text("Gol. Darah : " + " ".join(t.text for t in blood), min([t.conf for t in blood] or [0.0]))]
        out.append(RowText(Text(printed, f.score), values))
    return out
