"""Does the birth-date crop support the date inside the NIK? A second, careful look at one date.

The card prints the birth date twice: as `DD-MM-YYYY` in the Tempat/Tgl Lahir row and inside the
NIK (`DDMMYY`, day + 40 for women). The NIK is printed larger and read with a digits-only alphabet,
so it survives blur that turns the row's small digits into `43.42.4062` or `160"-1988`. When the
row's reading does not give the NIK's date, the row is looked at again the way `ocr.names` reads the
name: easyocr's network on several views of the crop, output restricted to what the row can hold,
and the NIK's date (each possible century) scored against the views' own greedy readings by the CTC
likelihood summed over the views. The NIK's date is taken only when the image supports it nearly as
well as the best reading (within `MARGIN` nats): a clearly printed different date loses by far more,
so a card whose NIK disagrees with its printed date is still reported.
torch is imported lazily (through `ocr.names.view_probs`).
"""
from __future__ import annotations

import datetime as dt
import re

import numpy as np

from ocr import lexicon

TTL_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-/"
MARGIN = 6.0  # nats the NIK's date may trail the best reading by
_DATE_TAIL = re.compile(r"[0-9A-Z.\-/ ]{6,12}$")


def _place_part(text: str) -> str:
    """The reading before its date: up to the last comma, else the last space."""
    if "," in text:
        return text.rsplit(",", 1)[0].rstrip() + ", "
    m = _DATE_TAIL.search(text)
    if m and " " in text[: m.start() + 1]:
        return text[: text.rfind(" ", 0, m.start() + 1)].rstrip() + ", "
    return text.rsplit(" ", 1)[0] + ", " if " " in text else ""


def supported_date(reader, crop: np.ndarray, dates: list[dt.date]) -> tuple[dt.date | None, float]:
    """The date among `dates` the crop of the row's value supports best, and by how many nats it
    trails the best reading of the crop (None when none is within MARGIN)."""
    from ocr.names import VIEWS, greedy, view_probs

    if crop.shape[0] < 4 or crop.shape[1] < 4 or not dates:
        return None, float("inf")
    probs = view_probs(reader, crop, VIEWS, TTL_CHARS)
    alphabet = reader.character
    readings = {" ".join(greedy(p, alphabet)[0].split()) for p in probs} - {""}
    if not readings:
        return None, float("inf")

    def score(text: str) -> float:
        labels = lexicon.encode(text, alphabet)
        return -np.inf if labels is None else sum(lexicon.ctc_log_likelihood(p, labels) for p in probs)

    best = max(score(t) for t in readings)
    found, found_score = None, -np.inf
    for text in readings:
        place = _place_part(text)
        for d in dates:
            s = score(f"{place}{d:%d-%m-%Y}")
            if s > found_score:
                found, found_score = d, s
    gap = best - found_score
    return (found, gap) if gap <= MARGIN else (None, gap)
