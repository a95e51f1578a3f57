"""Hybrid FAQ scoring: TF-IDF (word 1-2-grams + character 2-5-grams) fused with rapidfuzz.

For a question, every corpus phrasing gets
    fused = w_word * cos(word tf-idf) + w_char * cos(char tf-idf) + w_fuzz * token_sort_ratio / 100
an intent's score is its best phrasing's fused score plus w_intent * cos(word tf-idf of all the
intent's phrasings together), scaled by coverage ** alpha, where coverage is the IDF-weighted
share of the question's words the corpus knows (a question about rendang shares "cara" with
"cara daftar" but little else; a word found only by typo correction counts half). Weights, alpha and the out-of-scope threshold are set
on the calibration split named in the corpus file; `FittedModel` holds everything fitted and is
cached with joblib under a key made of the corpus, the calibration split and this code.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import sklearn
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

from nlp.corpus import INTENT_IDS, Corpus
from nlp.normalize import Analysis, Normalizer, squeeze_known
from nlp.slang import FILLER, SLANG

FORMAT_VERSION = "1"
_CODE_FILES = ("normalize.py", "slang.py", "matcher.py", "corpus.py")
DEFAULT_WEIGHTS = (0.3, 0.3, 0.2, 0.2)
DEFAULT_ALPHA = 1.0
DEFAULT_THRESHOLD = 0.4


def read_labelled(path: Path) -> list[tuple[str, str | None]]:
    """`question<TAB>intent` lines (empty intent = out of scope); `#` lines are comments."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        question, _, intent = line.partition("\t")
        intent = intent.strip() or None
        if intent is not None and intent not in INTENT_IDS:
            raise ValueError(f"{path}:{n}: unknown intent {intent!r}")
        rows.append((question.strip(), intent))
    return rows


def cache_key(corpus: Corpus) -> str:
    h = hashlib.sha256()
    h.update(FORMAT_VERSION.encode())
    h.update(sklearn.__version__.encode())
    h.update(corpus.path.read_bytes())
    if corpus.calibration and corpus.calibration.exists():
        h.update(corpus.calibration.read_bytes())
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    return h.hexdigest()


@dataclass
class FittedModel:
    key: str
    intent_ids: tuple[str, ...]
    vocabulary: frozenset[str]
    phrases: list[str]  # normalised, grouped by intent
    starts: np.ndarray  # index of each intent's first phrasing in `phrases`
    word_vec: TfidfVectorizer
    char_vec: TfidfVectorizer
    word_matrix: object  # sparse, (phrases, features), rows L2-normalised
    char_matrix: object
    intent_matrix: object  # sparse, (intents, word features): each intent's phrasings as one text
    idf: dict[str, float]
    max_idf: float
    smalltalk_words: dict[str, frozenset[str]]
    weights: tuple[float, float, float, float] = DEFAULT_WEIGHTS
    alpha: float = DEFAULT_ALPHA
    threshold: float = DEFAULT_THRESHOLD
    calibration: dict = field(default_factory=dict)  # what calibration measured, for reports
    normalizer: Normalizer | None = field(default=None, repr=False)

    def __getstate__(self):  # the normaliser's lru_cache is rebuilt on load
        state = dict(self.__dict__)
        state["normalizer"] = None
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.normalizer = Normalizer(self.vocabulary)

    # -------------------------------------------------------------- scoring

    def components(self, analyses: list[Analysis]) -> tuple[np.ndarray, ...]:
        """Per question and phrasing: word cosine, char cosine, fuzzy ratio; per question and
        intent: cosine with the intent's words; per question: coverage."""
        texts = [a.text for a in analyses]
        words = self.word_vec.transform(texts)
        word = (words @ self.word_matrix.T).toarray()
        intent = (words @ self.intent_matrix.T).toarray()
        char = (self.char_vec.transform(texts) @ self.char_matrix.T).toarray()
        fz = process.cdist(texts, self.phrases, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=1) / 100.0
        coverage = np.array([self.coverage(a) for a in analyses])
        return word, char, fz, intent, coverage

    def coverage(self, a: Analysis) -> float:
        if not a.tokens:
            return 0.0
        total = known = 0.0
        for t in a.tokens:
            w = self.idf.get(t)
            total += w if w is not None else self.max_idf
            known += (w or 0.0) * (0.5 if t in a.guessed else 1.0)
        return known / total

    def intent_scores(self, word, char, fz, intent, coverage, weights=None, alpha=None) -> np.ndarray:
        w = self.weights if weights is None else weights
        a = self.alpha if alpha is None else alpha
        fused = w[0] * word + w[1] * char + w[2] * fz
        best = np.maximum.reduceat(fused, self.starts, axis=1) + w[3] * intent
        return best * (coverage ** a)[:, None]

    def content(self, analysis: Analysis) -> Analysis:
        """Drop greeting/thanks words the FAQ phrasings never use ("halo min, jam brp buka")."""
        drop = self._smalltalk_only
        if not any(t in drop for t in analysis.tokens):
            return analysis
        return Analysis(tuple(t for t in analysis.tokens if t not in drop), analysis.surface, analysis.guessed)

    @property
    def _smalltalk_all(self) -> frozenset[str]:
        return frozenset().union(*self.smalltalk_words.values()) if self.smalltalk_words else frozenset()

    @property
    def _smalltalk_only(self) -> frozenset[str]:
        return frozenset(w for w in self._smalltalk_all if w not in self.idf)

    def score(self, analysis: Analysis) -> tuple[str | None, float]:
        analysis = self.content(analysis)
        if not analysis.tokens:
            return None, 0.0
        scores = self.intent_scores(*self.components([analysis]))[0]
        i = int(np.argmax(scores))
        s = float(min(max(scores[i], 0.0), 1.0))
        return (self.intent_ids[i] if s >= self.threshold else None), s

    def smalltalk_kind(self, analysis: Analysis) -> str | None:
        """A message made only of greetings/thanks/fillers is small talk; returns its kind."""
        surface = {squeeze_known(w, self._smalltalk_all) for w in analysis.surface}
        words = [w for w in surface if w not in FILLER and SLANG.get(w) != ""]
        if not surface:
            return None
        everything = self._smalltalk_all
        if not all(w in everything or w in FILLER or SLANG.get(w) == "" for w in surface):
            return None
        best, hits = None, 0
        for kind in ("thanks", "bye", "greeting", "ack"):
            n = sum(w in self.smalltalk_words.get(kind, ()) for w in (words or surface))
            if n > hits:
                best, hits = kind, n
        return best or next(iter(self.smalltalk_words), None)


# ------------------------------------------------------------------ fitting


def fit(corpus: Corpus, key: str) -> FittedModel:
    bootstrap = Normalizer(None)
    all_phrases = [p for ps in corpus.intents.values() for p in ps] + [p for ps in corpus.smalltalk.values() for p in ps]
    targets = {w for target in SLANG.values() for w in target.split()}
    # two passes: raw corpus words, then the same with clitics split off known stems
    vocab = frozenset(targets.union(*(bootstrap.analyze(p).tokens for p in all_phrases)))
    second = Normalizer(vocab, correct_typos=False)
    vocab = frozenset(targets.union(*(second.analyze(p).tokens for p in all_phrases)))
    norm = Normalizer(vocab)
    phrases, starts = [], []
    for iid in INTENT_IDS:
        starts.append(len(phrases))
        phrases.extend(norm.normalize(p) for p in corpus.intents[iid])
    word_vec = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    word_matrix = word_vec.fit_transform(phrases)
    char_matrix = char_vec.fit_transform(phrases)
    intent_docs = [" ".join(phrases[a:b]) for a, b in zip(starts, starts[1:] + [len(phrases)])]
    intent_matrix = word_vec.transform(intent_docs)
    idf = {t: float(word_vec.idf_[i]) for t, i in word_vec.vocabulary_.items() if " " not in t}
    smalltalk_words = {
        kind: frozenset(w for p in ps for w in bootstrap.analyze(p).surface) for kind, ps in corpus.smalltalk.items()
    }
    model = FittedModel(
        key=key,
        intent_ids=INTENT_IDS,
        vocabulary=vocab,
        phrases=phrases,
        starts=np.array(starts),
        word_vec=word_vec,
        char_vec=char_vec,
        word_matrix=word_matrix.tocsr(),
        char_matrix=char_matrix.tocsr(),
        intent_matrix=intent_matrix.tocsr(),
        idf=idf,
        max_idf=max(idf.values()),
        smalltalk_words=smalltalk_words,
        normalizer=norm,
    )
    if corpus.calibration and corpus.calibration.exists():
        calibrate(model, read_labelled(corpus.calibration))
    return model


def _best_threshold(scores: np.ndarray, predicted: np.ndarray, gold: list[str | None]) -> tuple[float, float, float, float]:
    """Threshold maximising (in-scope top-1 accuracy + out-of-scope rejection) / 2.

    Returns (threshold, objective, accuracy, rejection); among equally good thresholds the middle
    of the widest run is taken, away from both error kinds.
    """
    in_scope = np.array([g is not None for g in gold])
    correct = np.array([g is not None and p == g for p, g in zip(predicted, gold)])
    cands = np.unique(np.concatenate([[0.0], scores, [1.0 + 1e-9]]))
    mids = np.concatenate([[0.0], (cands[:-1] + cands[1:]) / 2])
    best, best_ts = -1.0, []
    n_in, n_out = max(in_scope.sum(), 1), max((~in_scope).sum(), 1)
    for t in mids:
        accepted = scores >= t
        acc = (correct & accepted).sum() / n_in
        rej = ((~in_scope) & ~accepted).sum() / n_out
        obj = (acc + rej) / 2
        if obj > best + 1e-12:
            best, best_ts = obj, [(t, acc, rej)]
        elif abs(obj - best) <= 1e-12:
            best_ts.append((t, acc, rej))
    t, acc, rej = best_ts[len(best_ts) // 2]
    return float(t), float(best), float(acc), float(rej)


def calibrate(model: FittedModel, rows: list[tuple[str, str | None]]) -> None:
    """Choose weights, alpha and threshold on the calibration split (never the evaluation one)."""
    analyses = [model.normalizer.analyze(q) for q, _ in rows]
    gold = [g for _, g in rows]
    parts = model.components(analyses)
    steps = [round(0.1 * i, 1) for i in range(1, 8)]
    best = None
    for w_word, w_char, w_fuzz in itertools.product(steps, steps, steps):
        w_intent = round(1.0 - w_word - w_char - w_fuzz, 1)
        if w_intent < 0.0:
            continue
        weights = (w_word, w_char, w_fuzz, w_intent)
        for alpha in (0.0, 0.5, 1.0, 1.5, 2.0):
            scores = model.intent_scores(*parts, weights, alpha)
            top = scores.argmax(axis=1)
            predicted = np.array([model.intent_ids[i] for i in top], dtype=object)
            t, obj, acc, rej = _best_threshold(scores.max(axis=1), predicted, gold)
            if best is None or obj > best[0] + 1e-9:
                best = (obj, weights, alpha, t, acc, rej)
    obj, weights, alpha, t, acc, rej = best
    model.weights, model.alpha, model.threshold = weights, alpha, t
    model.calibration = {
        "questions": len(rows),
        "in_scope": sum(g is not None for g in gold),
        "out_of_scope": sum(g is None for g in gold),
        "accuracy": acc,
        "rejection": rej,
    }
