"""A list of common Indonesian name words, and the CTC score that lets it correct a reading.

`candidates` gives the list's words within a small edit distance of a word as read (rapidfuzz);
`ctc_log_likelihood` scores any spelling against the recogniser's per-frame probabilities, so
`ocr.names` can weigh a listed spelling against the one read (the list gives a small prior, the
image decides). The list, `ocr/data/names.txt`, is one name word a line; `#` starts a comment.
"""
from __future__ import annotations

import functools
import math
import os
from pathlib import Path

import numpy as np

NAMES_FILE = Path(__file__).parent / "data" / "names.txt"


def load_names(path: str | None = None) -> frozenset[str]:
    """The name list: `path`, else $PUSQUE_OCR_NAMES (a clinic's own list), else the shipped one."""
    return _load(str(path or os.environ.get("PUSQUE_OCR_NAMES") or NAMES_FILE))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> frozenset[str]:
    text = Path(path).read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().upper() for line in text.splitlines())
    return frozenset(w for w in words if w)


def ctc_log_likelihood(probs: np.ndarray, labels: list[int]) -> float:
    """log P(labels | frames) under CTC (blank = class 0): the sum over all alignments."""
    t_len = probs.shape[0]
    logp = np.log(np.maximum(probs, 1e-12))
    ext = [0]
    for c in labels:
        ext += [c, 0]
    ext_a = np.array(ext)
    s_len = len(ext)
    if t_len == 0:
        return -math.inf
    # a label may skip the blank before it unless it repeats the previous label
    skip = np.zeros(s_len, bool)
    for s in range(2, s_len):
        skip[s] = ext[s] != 0 and ext[s] != ext[s - 2]
    alpha = np.full(s_len, -np.inf)
    alpha[0] = logp[0, 0]
    if s_len > 1:
        alpha[1] = logp[0, ext[1]]
    for t in range(1, t_len):
        prev = alpha
        one = np.concatenate(([-np.inf], prev[:-1]))
        two = np.where(skip, np.concatenate(([-np.inf, -np.inf], prev[:-2])), -np.inf)
        alpha = np.logaddexp(np.logaddexp(prev, one), two) + logp[t, ext_a]
    return float(np.logaddexp(alpha[-1], alpha[-2]) if s_len > 1 else alpha[-1])


def encode(text: str, alphabet: str) -> list[int] | None:
    out = []
    for ch in text:
        i = alphabet.find(ch)
        if i < 0:
            return None
        out.append(i + 1)
    return out


def _max_distance(word: str) -> int:
    return 1 if len(word) <= 4 else 2


def candidates(word: str, names: frozenset[str], limit: int = 6) -> list[str]:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    found = process.extract(word, names, scorer=Levenshtein.distance, limit=limit,
                            score_cutoff=_max_distance(word))
    return [name for name, _, _ in found if abs(len(name) - len(word)) <= 1]
