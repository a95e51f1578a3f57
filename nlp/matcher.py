"""Hybrid FAQ scoring: TF-IDF (word 1-2-grams + character 2-5-grams) fused with rapidfuzz.

For a question, every corpus phrasing gets
    fused = w_word * cos(word tf-idf) + w_char * cos(char tf-idf) + w_fuzz * token_sort_ratio / 100
an intent's score is its best phrasing's fused score, plus w_intent * cos(word tf-idf of all the
intent's phrasings together), plus w_clf * P(intent) from a logistic regression over the same
word+char tf-idf features (it learns which words tell intents apart: "lab buka jam brp" is about
the lab, not the opening hours), all scaled by coverage ** alpha. Coverage is the IDF-weighted
share of the question's topic words the corpus knows (a question about rendang shares "cara"
with "cara daftar" but little else); function words are left out, and a word found only by typo
correction counts half. Weights, alpha and the out-of-scope threshold are set
on the calibration split named in the corpus file; `FittedModel` holds everything fitted and is
cached with joblib under a key made of the corpus, the calibration split and this code.
"""
from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse
import sklearn
from sklearn.linear_model import LogisticRegression
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

from nlp.corpus import INTENT_IDS, Corpus
from nlp.normalize import Analysis, Normalizer, squeeze_known
from nlp.slang import FILLER, SLANG, STOPWORDS

FORMAT_VERSION = "1"
_CODE_FILES = ("normalize.py", "slang.py", "matcher.py", "corpus.py")
DEFAULT_WEIGHTS = (0.2, 0.2, 0.2, 0.2, 0.2)
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
    clf_coef: np.ndarray  # (word + char features, intents): logistic regression weights
    clf_intercept: np.ndarray
    idf: dict[str, float]
    max_idf: float
    smalltalk_words: dict[str, frozenset[str]]
    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    alpha: float = DEFAULT_ALPHA
    unknown_weight: float = 1.0  # how much an unknown topic word weighs against known ones
    threshold: float = DEFAULT_THRESHOLD
    calibration: dict = field(default_factory=dict)  # what calibration measured, for reports
    normalizer: Normalizer | None = field(default=None, repr=False)

    def __getstate__(self):  # caches are rebuilt on load, not stored
        state = dict(self.__dict__)
        for key in ("normalizer", "_fast"):
            state.pop(key, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.normalizer = Normalizer(self.vocabulary)

    def _prepare(self) -> None:
        """Per-process lookup tables for scoring one question without sklearn's per-call checks."""
        def table(vec, matrix):
            return (vec.build_analyzer(), vec.vocabulary_, vec.idf_.astype(np.float32),
                    np.ascontiguousarray(matrix.T.toarray(), dtype=np.float32))
        word = table(self.word_vec, self.word_matrix)
        intent_t = np.ascontiguousarray(self.intent_matrix.T.toarray(), dtype=np.float32)
        everything = frozenset().union(*self.smalltalk_words.values()) if self.smalltalk_words else frozenset()
        self._fast = {
            "word": word,
            "char": table(self.char_vec, self.char_matrix),
            "intent": intent_t,
            "coef": np.ascontiguousarray(self.clf_coef, dtype=np.float32),
            "smalltalk_all": everything,
            "smalltalk_only": frozenset(w for w in everything if w not in self.idf),
        }

    @property
    def fast(self) -> dict:
        if getattr(self, "_fast", None) is None:
            self._prepare()
        return self._fast

    @staticmethod
    def _tfidf(analyzer, vocabulary, idf, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Feature rows and L2-normalised sublinear tf-idf weights of `text` (as TfidfVectorizer)."""
        counts: dict[int, int] = {}
        for gram in analyzer(text):
            j = vocabulary.get(gram)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32)
        idx = np.fromiter(counts, dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        w = (1.0 + np.log(tf)) * idf[idx]
        return idx, w / np.linalg.norm(w)

    def components(self, analyses: list[Analysis]) -> tuple[np.ndarray, ...]:
        """Per question and phrasing: word cosine, char cosine, fuzzy ratio; per question and
        intent: cosine with the intent's words; per question: coverage."""
        f = self.fast
        n, p = len(analyses), len(self.phrases)
        word = np.zeros((n, p), dtype=np.float32)
        char = np.zeros((n, p), dtype=np.float32)
        intent = np.zeros((n, len(self.intent_ids)), dtype=np.float32)
        logits = np.tile(self.clf_intercept.astype(np.float32), (n, 1))
        n_word = len(self.word_vec.vocabulary_)
        texts = [a.text for a in analyses]
        for i, text in enumerate(texts):
            idx, w = self._tfidf(*f["word"][:3], text)
            if len(idx):
                word[i] = w @ f["word"][3][idx]
                intent[i] = w @ f["intent"][idx]
                logits[i] += w @ f["coef"][idx]
            idx, w = self._tfidf(*f["char"][:3], text)
            if len(idx):
                char[i] = w @ f["char"][3][idx]
                logits[i] += w @ f["coef"][idx + n_word]
        logits -= logits.max(axis=1, keepdims=True)
        proba = np.exp(logits)
        proba /= proba.sum(axis=1, keepdims=True)
        fz = process.cdist(texts, self.phrases, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=1) / 100.0
        coverage = np.array([self.coverage_parts(a) for a in analyses], dtype=np.float32).reshape(n, 3)
        return word, char, fz, intent, proba, coverage

    def coverage_parts(self, a: Analysis) -> tuple[float, float, float]:
        """(IDF mass of known topic words, counting typo guesses half; all known; unknown)."""
        known = total_known = unknown = 0.0
        for t in a.tokens:
            if t in STOPWORDS or t.isdigit():
                continue
            w = self.idf.get(t)
            if w is None:
                unknown += self.max_idf
            else:
                total_known += w
                known += w * (0.5 if t in a.guessed else 1.0)
        return known, total_known, unknown

    @staticmethod
    def coverage(parts: np.ndarray, unknown_weight: float) -> np.ndarray:
        known, total_known, unknown = parts[:, 0], parts[:, 1], parts[:, 2]
        total = total_known + unknown_weight * unknown
        return np.where(total > 0, known / np.maximum(total, 1e-9), 1.0)

    def intent_scores(self, word, char, fz, intent, proba, coverage, weights=None, alpha=None, unknown=None) -> np.ndarray:
        w = self.weights if weights is None else weights
        a = self.alpha if alpha is None else alpha
        coverage = self.coverage(coverage, self.unknown_weight if unknown is None else unknown)
        fused = w[0] * word + w[1] * char + w[2] * fz
        best = np.maximum.reduceat(fused, self.starts, axis=1) + w[3] * intent + w[4] * proba
        return best * (coverage ** a)[:, None]

    def content(self, analysis: Analysis) -> Analysis:
        """Drop greeting/thanks words the FAQ phrasings never use ("halo min, jam brp buka")."""
        drop = self._smalltalk_only
        if not any(t in drop for t in analysis.tokens):
            return analysis
        return Analysis(tuple(t for t in analysis.tokens if t not in drop), analysis.surface, analysis.guessed)

    @property
    def _smalltalk_all(self) -> frozenset[str]:
        return self.fast["smalltalk_all"]

    @property
    def _smalltalk_only(self) -> frozenset[str]:
        return self.fast["smalltalk_only"]

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
    labels = np.repeat(np.arange(len(INTENT_IDS)), np.diff(starts + [len(phrases)]))
    clf = LogisticRegression(C=20.0, max_iter=3000)
    clf.fit(scipy.sparse.hstack([word_matrix, char_matrix]).tocsr(), labels)
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
        clf_coef=clf.coef_.T.astype(np.float32),
        clf_intercept=clf.intercept_.astype(np.float32),
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

    Returns (threshold, objective, accuracy, rejection). A threshold sits halfway between two
    neighbouring scores; among equally good ones the middle one is taken.
    """
    gold_arr = np.array(gold, dtype=object)
    in_scope = np.array([g is not None for g in gold])
    correct = in_scope & (np.asarray(predicted, dtype=object) == gold_arr)
    n_in, n_out = max(int(in_scope.sum()), 1), max(int((~in_scope).sum()), 1)
    order = np.argsort(-scores, kind="stable")
    s = scores[order]
    cum_c = np.concatenate([[0], np.cumsum(correct[order])])
    cum_o = np.concatenate([[0], np.cumsum(~in_scope[order])])
    # accept the top k questions, k = 0..n, only where a threshold can separate k from k + 1
    ks = [k for k in range(len(s) + 1) if k in (0, len(s)) or s[k - 1] > s[k]]
    ks = np.array(ks)
    acc = cum_c[ks] / n_in
    rej = (n_out - cum_o[ks]) / n_out
    obj = (acc + rej) / 2
    best = np.flatnonzero(obj >= obj.max() - 1e-12)
    k = ks[best[len(best) // 2]]
    upper = s[k - 1] if k > 0 else 1.0 + 1e-6
    lower = s[k] if k < len(s) else 0.0
    t = (upper + lower) / 2 if 0 < k < len(s) else (upper + 1e-6 if k == 0 else lower / 2)
    i = best[len(best) // 2]
    return float(t), float(obj[i]), float(acc[i]), float(rej[i])


def calibrate(model: FittedModel, rows: list[tuple[str, str | None]]) -> None:
    """Choose weights, alpha and threshold on the calibration split (never the evaluation one)."""
    analyses = [model.normalizer.analyze(q) for q, _ in rows]
    gold = [g for _, g in rows]
    word, char, fz, intent, proba, cov_parts = model.components(analyses)
    # weights and coverage settings are chosen here, on the calibration split only
    covers = {
        (alpha, unknown): model.coverage(cov_parts, unknown)[:, None] ** alpha
        for alpha, unknown in itertools.product((0.0, 0.5, 1.0, 1.5, 2.0), (1.0, 2.0, 3.0))
        if alpha > 0.0 or unknown == 1.0
    }
    tenths = range(1, 10)
    best = None
    for i_word, i_char, i_fuzz in itertools.product(tenths, tenths, tenths):
        rest = 10 - i_word - i_char - i_fuzz
        if rest < 0:
            continue
        nearest = np.maximum.reduceat(0.1 * (i_word * word + i_char * char + i_fuzz * fz), model.starts, axis=1)
        for i_intent in range(rest + 1):
            weights = tuple(round(0.1 * i, 1) for i in (i_word, i_char, i_fuzz, i_intent, rest - i_intent))
            base = nearest + weights[3] * intent + weights[4] * proba
            top = base.argmax(axis=1)  # the coverage factor is per question: it never changes the argmax
            predicted = np.array([model.intent_ids[i] for i in top], dtype=object)
            top_base = base[np.arange(len(top)), top]
            for (alpha, unknown), factor in covers.items():
                t, obj, acc, rej = _best_threshold(top_base * factor[:, 0], predicted, gold)
                if best is None or obj > best[0] + 1e-9:
                    best = (obj, weights, alpha, unknown, t, acc, rej)
    obj, weights, alpha, unknown, t, acc, rej = best
    model.weights, model.alpha, model.unknown_weight, model.threshold = weights, alpha, unknown, t
    model.calibration = {
        "questions": len(rows),
        "in_scope": sum(g is not None for g in gold),
        "out_of_scope": sum(g is None for g in gold),
        "accuracy": acc,
        "rejection": rej,
    }
