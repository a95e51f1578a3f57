"""One text's sublinear, L2-normalised tf-idf row, computed as scikit-learn's TfidfVectorizer
would (sublinear_tf, norm="l2") from a fitted vectoriser's analyzer, vocabulary and idf, without
building a sparse matrix: the FAQ matcher and the emergency model score one message at a time."""
from __future__ import annotations

from typing import Any, Callable

import numpy as np


def tfidf_row(analyzer: Callable[[str], Any], vocabulary: dict[str, int], idf: np.ndarray, text: str,
              dtype: Any = np.float32) -> tuple[np.ndarray, np.ndarray]:
    """The feature columns of `text` and their weights (empty arrays when no feature is known)."""
    counts: dict[int, int] = {}
    for gram in analyzer(text):
        j = vocabulary.get(gram)
        if j is not None:
            counts[j] = counts.get(j, 0) + 1
    if not counts:
        return np.empty(0, dtype=np.intp), np.empty(0, dtype=dtype)
    idx = np.fromiter(counts, dtype=np.intp, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=dtype, count=len(counts))
    w = (1.0 + np.log(tf)) * idf[idx]
    return idx, w / np.linalg.norm(w)
