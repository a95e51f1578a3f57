"""The emergency detector's learned second opinion: a logistic regression over character and word
n-grams that says how likely a message is an emergency (`nlp.emergency.detect` asks it when no
rule fired).

    model = current()                      # loaded from the cache, or fitted (~2 s) and cached
    model.probability("mbah ngorok ga bisa dibangunin")   # 0.96 (2026-12-07)
    model.alerts("jam brp buka")           # False

What it learns from: every labelled set in tests/nlp/data (`*.tsv`, one a writer): its
`emergency` lines are the positives; its `faq`, `oos` and `calm` lines are the negatives, except
the questions whose intent is `darurat` ("nomor ambulans brp": about emergencies, neither); and
the corpus's own phrasings (nlp/faq_corpus.yaml: every intent but `darurat`, small talk, out of
scope) are negatives too. Text is `nlp.normalize.clean`'s tokens; features are sublinear tf-idf
of character 2-5-grams inside word boundaries and of words and word pairs. `THRESHOLD` was set by
leaving one writer out (python -m bench.emergency_writers, docs/benchmarks.md "Emergency
detector"). The fit is deterministic (liblinear) and takes a second or two; the fitted model is
cached with joblib in the FAQ's cache folder under a key of its data and code, like the FAQ model.
"""
from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from nlp import model_file
from nlp.corpus import load_corpus
from nlp.labelled import read_kinds
from nlp.normalize import clean
from nlp.tfidf import tfidf_row

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "nlp" / "data"
CORPUS = Path(__file__).resolve().parent / "faq_corpus.yaml"
DEFAULT_CACHE = ROOT / "data" / "faq"  # config.yaml's faq.cache_dir
FORMAT_VERSION = "1"
KIND = "emergency-model"  # the cache file family (nlp/model_file.py)
# P(emergency) at which the model alone alerts, set by leaving one writer out (docs/benchmarks.md
# "Emergency detector", round 6): at 0.4 / 0.5 / 0.6 it caught 738 / 735 / 733 of 740 emergencies
# with the rules as they were before each writer; at 0.5 its own false alerts stay under 0.5% of
# every left-out writer's ordinary lines
THRESHOLD = 0.5
# inverse regularisation: 20 since round 8 (at 10, with the eighth writer in the data, "anak sy batuk
# terus dari kemarin" reached P 0.505; at 20, 0.462; leave-one-writer-out unchanged in C, 1285 vs
# 1286 of 1300 in B)
C = 20.0


def prepare(text: str) -> str:
    return " ".join(clean(text[:500]))


def writer_sets(folder: Path = DATA) -> list[Path]:
    """The labelled sets the model learns from: one file a writer."""
    return sorted(folder.glob("*.tsv")) if folder.is_dir() else []


def examples(sets: list[Path], corpus_path: Path = CORPUS) -> tuple[list[str], list[int]]:
    """(texts, 1 for an emergency else 0), prepared, duplicates kept once (the first label)."""
    texts: dict[str, int] = {}
    for path in sets:
        for question, intent, kind in read_kinds(path):
            if kind == "emergency":
                texts.setdefault(prepare(question), 1)
            elif intent != "darurat":
                texts.setdefault(prepare(question), 0)
    if corpus_path.exists():
        corpus = load_corpus(corpus_path)
        own = [p for iid, ps in corpus.intents.items() if iid != "darurat" for p in ps]
        own += [p for ps in corpus.smalltalk.values() for p in ps] + list(corpus.out_of_scope)
        for phrase in own:
            texts.setdefault(prepare(phrase), 0)
    texts.pop("", None)
    return list(texts), list(texts.values())


def cache_key(sets: list[Path], corpus_path: Path = CORPUS) -> str:
    h = hashlib.sha256()
    h.update(FORMAT_VERSION.encode())
    h.update(sklearn.__version__.encode())
    for path in [corpus_path, *sets]:
        if path.exists():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    here = Path(__file__).resolve().parent
    for name in ("emergency_model.py", "normalize.py", "labelled.py"):
        h.update((here / name).read_bytes())
    return h.hexdigest()


@dataclass
class EmergencyModel:
    key: str
    word_vec: TfidfVectorizer
    char_vec: TfidfVectorizer
    coef: np.ndarray  # (word + char features,)
    intercept: float
    threshold: float = THRESHOLD
    examples: dict[str, int] = field(default_factory=dict)  # positives, negatives
    _fast: Any = field(default=None, repr=False, compare=False)

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_fast"] = None
        return state

    def _tables(self):
        if self._fast is None:
            n_word = len(self.word_vec.vocabulary_)
            self._fast = tuple(
                (vec.build_analyzer(), vec.vocabulary_, vec.idf_.astype(np.float64), coef)
                for vec, coef in ((self.word_vec, self.coef[:n_word]), (self.char_vec, self.coef[n_word:])))
        return self._fast

    def probability(self, text: str) -> float:
        """P(emergency) of one message (the same arithmetic as sklearn's transform + predict_proba)."""
        prepared = prepare(text)
        logit = self.intercept
        for analyzer, vocabulary, idf, coef in self._tables():
            idx, w = tfidf_row(analyzer, vocabulary, idf, prepared, dtype=np.float64)
            if idx.size:
                logit += float(w @ coef[idx])
        return float(1.0 / (1.0 + np.exp(-logit)))

    def alerts(self, text: str) -> bool:
        return self.probability(text) >= self.threshold

    def telling_words(self, text: str, n: int = 3) -> tuple[str, ...]:
        """The message's words that speak most for an emergency (the word weights), for the staff."""
        analyzer, vocabulary, _, coef = self._tables()[0]
        words = {w for w in prepare(text).split() if w in vocabulary}
        ranked = sorted(words, key=lambda w: -coef[vocabulary[w]])
        return tuple(w for w in ranked[:n] if coef[vocabulary[w]] > 0)


def fit(sets: list[Path], corpus_path: Path = CORPUS, key: str = "", *, c: float = C) -> EmergencyModel | None:
    """The model of these sets and the corpus; None when they hold no emergency at all."""
    texts, labels = examples(sets, corpus_path)
    if not any(labels):
        return None
    word_vec = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    features = scipy.sparse.hstack([word_vec.fit_transform(texts), char_vec.fit_transform(texts)]).tocsr()
    clf = LogisticRegression(C=c, solver="liblinear", dual=True, class_weight="balanced", random_state=0)
    clf.fit(features, np.array(labels))
    return EmergencyModel(key=key, word_vec=word_vec, char_vec=char_vec, coef=clf.coef_[0].astype(np.float64),
                          intercept=float(clf.intercept_[0]),
                          examples={"positives": int(sum(labels)), "negatives": len(labels) - int(sum(labels))})


class _Current:
    """The model this process uses: loaded or fitted once for a key, then shared."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.model: EmergencyModel | None = None
        self.key: str | None = None

    def get(self, cache_dir: Path | None = None, corpus_path: Path = CORPUS) -> EmergencyModel | None:
        sets = writer_sets()
        with self.lock:
            key = cache_key(sets, corpus_path)
            if self.key == key:
                return self.model
            self.model = _load_or_fit(Path(cache_dir or DEFAULT_CACHE), sets, corpus_path, key)
            self.key = key
            return self.model

    def peek(self) -> EmergencyModel | None:
        """The model when one was loaded, else it is loaded now (from the default cache)."""
        if self.key is not None:
            return self.model
        return self.get()


_CURRENT = _Current()


def current(cache_dir: Path | None = None, corpus_path: Path = CORPUS) -> EmergencyModel | None:
    """The model for the shipped sets: cached in `cache_dir` (the FAQ's), fitted if it is not there."""
    return _CURRENT.get(cache_dir, corpus_path)


def is_loaded() -> bool:
    """A model (or the knowledge that there is none) is in this process: asking it costs no I/O or fit."""
    return _CURRENT.key is not None


def loaded() -> EmergencyModel | None:
    """What `nlp.emergency.detect` asks: the model already in use, else the default cache's."""
    return _CURRENT.peek()


def _load_or_fit(cache_dir: Path, sets: list[Path], corpus_path: Path, key: str) -> EmergencyModel | None:
    path = model_file.path_for(cache_dir, KIND, key)
    model = model_file.read(path, EmergencyModel, key)
    if model is not None:
        return model
    model = fit(sets, corpus_path, key)
    if model is not None:
        model_file.write(model, path, KIND)
    return model
