"""Hybrid FAQ scoring: TF-IDF (word 1-2-grams + character 2-5-grams) fused with rapidfuzz.

For a question, every corpus phrasing gets
    fused = w_word * cos(word tf-idf) + w_char * cos(char tf-idf) + w_fuzz * token_sort_ratio / 100
an intent's score is its best phrasing's fused score, plus w_intent * cos(word tf-idf of all the
intent's phrasings together), plus w_clf * P(intent) from a logistic regression over the same
word+char tf-idf features (it learns which words tell intents apart: "lab buka jam brp" is about
the lab, not the opening hours), all scaled by coverage ** alpha * (1 - P(off-topic)) ** beta.

Coverage is the IDF-weighted share of the question's topic words the intents' phrasings know (a
question about rendang shares "cara" with "cara daftar" but little else); function words are
left out, and a word found only by typo correction counts half. The logistic regression has one
class more than the intents: "off-topic", trained on the corpus's `out_of_scope` questions
(other offices, medicine advice, jobs, transport...), so words like "cpns", "samsat" or "obat
jerawat" pull a question away from the intents it shares "daftar" or "jam" with.

The phrasings are the corpus's and the questions of its `training:` sets (one a writer, issue
20). Weights, alpha, beta and the out-of-scope threshold are set (`nlp.calibration`) on the
calibration sets and on the training sets, held out in two folds, each scored by a model fitted
without its fold;
`FittedModel` holds everything fitted and is cached with joblib under a key made of the corpus,
its labelled sets and this code.
"""
from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse
import sklearn
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from nlp.corpus import INTENT_IDS, Corpus
from nlp.labelled import read_calibration, read_kinds, read_labelled, read_training
from nlp.normalize import Analysis, Normalizer, squeeze_known
from nlp.slang import CONTEXT_WORDS, FILLER, SLANG, STOPWORDS
from nlp.tfidf import tfidf_row

# the readers of labelled sets live in nlp.labelled; benches and tests import them from here too
__all__ = ["FittedModel", "cache_key", "fit", "fit_one", "read_calibration", "read_kinds", "read_labelled"]

FORMAT_VERSION = "4"
_CODE_FILES = ("normalize.py", "slang.py", "matcher.py", "corpus.py", "calibration.py", "labelled.py")
DEFAULT_WEIGHTS = (0.2, 0.2, 0.2, 0.2, 0.2)
DEFAULT_ALPHA = 1.0
DEFAULT_THRESHOLD = 0.4
FUZZY_CANDIDATES = 150  # phrasings a question gets a fuzzy ratio with: its nearest by characters


def cache_key(corpus: Corpus) -> str:
    h = hashlib.sha256()
    h.update(FORMAT_VERSION.encode())
    h.update(sklearn.__version__.encode())
    h.update(corpus.path.read_bytes())
    for labelled in corpus.calibration + corpus.training:
        if labelled.exists():
            h.update(labelled.name.encode())
            h.update(labelled.read_bytes())
    here = Path(__file__).resolve().parent
    for name in _CODE_FILES:
        h.update((here / name).read_bytes())
    return h.hexdigest()


# The calm `darurat` answer needs a surer score than the other intents: reported as `darurat`, it
# reads as an emergency. Questions that only mention one (first aid, the ambulance's number, IGD
# hours) scored 0.12-0.69 for it; leaving each of nine writers out (docs/benchmarks.md "FAQ",
# round 9) at 0.35 took its wrong answers from 21 to 9 of 3,890 ordinary questions for 10 of 154
# right ones, and FAQ top-1 from 2,522 to 2,521 of 2,644.
DARURAT_MIN = 0.35


@dataclass
class FittedModel:
    key: str
    intent_ids: tuple[str, ...]
    vocabulary: frozenset[str]
    phrases: list[str]  # normalised, grouped by intent
    starts: np.ndarray  # index of each intent's first phrasing in `phrases`
    word_vec: TfidfVectorizer
    char_vec: TfidfVectorizer
    word_matrix: Any  # sparse, (phrases, features), rows L2-normalised
    char_matrix: Any
    intent_matrix: Any  # sparse, (intents, word features): each intent's phrasings as one text
    clf_coef: np.ndarray  # (word + char features, intents [+ off-topic]): logistic regression weights
    clf_intercept: np.ndarray
    idf: dict[str, float]  # of the intents' phrasings' words only: what coverage counts as known
    max_idf: float
    smalltalk_words: dict[str, frozenset[str]]
    weights: tuple[float, ...] = DEFAULT_WEIGHTS
    alpha: float = DEFAULT_ALPHA
    unknown_weight: float = 1.0  # how much an unknown topic word weighs against known ones
    off_topic_power: float = 0.0  # beta: scores are scaled by (1 - P(off-topic)) ** beta
    threshold: float = DEFAULT_THRESHOLD
    calibration: dict = field(default_factory=dict)  # what calibration measured, for reports
    word_counts: dict[str, int] = field(default_factory=dict)  # corpus word frequencies (typo ties)
    normalizer: Normalizer | None = field(default=None, repr=False)

    def __getstate__(self):  # caches are rebuilt on load, not stored
        state = dict(self.__dict__)
        for key in ("normalizer", "_fast"):
            state.pop(key, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.normalizer = Normalizer(self.vocabulary, frequency=self.word_counts)

    def _prepare(self) -> None:
        """Per-process lookup tables for scoring one question without sklearn's per-call checks."""
        def table(vec, matrix):  # (features, phrasings), sparse: the writers' phrasings make it big
            return (vec.build_analyzer(), vec.vocabulary_, vec.idf_.astype(np.float32),
                    scipy.sparse.csr_matrix(matrix.T, dtype=np.float32))
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
    def has_off_topic(self) -> bool:
        """The logistic regression has an off-topic class (the corpus has `out_of_scope`)."""
        return self.clf_coef.shape[1] > len(self.intent_ids)

    @property
    def fast(self) -> dict[str, Any]:
        if getattr(self, "_fast", None) is None:
            self._prepare()
        return self._fast  # type: ignore[has-type]  # set by _prepare, dropped when pickled

    def components(self, analyses: list[Analysis]) -> tuple[np.ndarray, ...]:
        """Per question and phrasing: word cosine, char cosine, fuzzy ratio; per question and
        intent: cosine with the intent's words, P(intent); per question: P(off-topic), coverage."""
        f = self.fast
        n, p, n_intents = len(analyses), len(self.phrases), len(self.intent_ids)
        word = np.zeros((n, p), dtype=np.float32)
        char = np.zeros((n, p), dtype=np.float32)
        intent = np.zeros((n, n_intents), dtype=np.float32)
        logits = np.tile(self.clf_intercept.astype(np.float32), (n, 1))
        n_word = len(self.word_vec.vocabulary_)
        texts = [a.text for a in analyses]
        word_analyzer, word_vocabulary, word_idf, word_rows = f["word"]
        char_analyzer, char_vocabulary, char_idf, char_rows = f["char"]
        for i, text in enumerate(texts):
            idx, w = tfidf_row(word_analyzer, word_vocabulary, word_idf, text)
            if len(idx):
                word[i] = word_rows[idx].T @ w
                intent[i] = w @ f["intent"][idx]
                logits[i] += w @ f["coef"][idx]
            idx, w = tfidf_row(char_analyzer, char_vocabulary, char_idf, text)
            if len(idx):
                char[i] = char_rows[idx].T @ w
                logits[i] += w @ f["coef"][idx + n_word]
        logits -= logits.max(axis=1, keepdims=True)
        proba = np.exp(logits)
        proba /= proba.sum(axis=1, keepdims=True)
        off = proba[:, n_intents] if proba.shape[1] > n_intents else np.zeros(n, dtype=np.float32)
        # the fuzzy ratio only for the phrasings nearest by characters (the others' is 0): with the
        # writers' phrasings, comparing a question with all of them was most of its time
        fz = np.zeros((n, p), dtype=np.float32)
        k = min(FUZZY_CANDIDATES, p)
        for i, text in enumerate(texts):
            near = np.argpartition(-char[i], k - 1)[:k] if k < p else np.arange(p)
            fz[i, near] = process.cdist([text], [self.phrases[j] for j in near], scorer=fuzz.token_sort_ratio,
                                        dtype=np.float32, workers=1)[0] / 100.0
        coverage = np.array([self.coverage_parts(a) for a in analyses], dtype=np.float32).reshape(n, 3)
        return word, char, fz, intent, proba[:, :n_intents], off, coverage

    def coverage_parts(self, a: Analysis) -> tuple[float, float, float]:
        """(IDF mass of known topic words, counting typo guesses half; all known; unknown)."""
        known = total_known = unknown = 0.0
        for t in a.tokens:
            if t in STOPWORDS or t.isdigit():
                continue
            w = self.idf.get(t)
            if w is None and t in CONTEXT_WORDS:
                continue
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

    def intent_scores(self, word, char, fz, intent, proba, off, coverage) -> np.ndarray:
        w = self.weights
        factor = self.coverage(coverage, self.unknown_weight) ** self.alpha * (1.0 - off) ** self.off_topic_power
        fused = w[0] * word + w[1] * char + w[2] * fz
        best = np.maximum.reduceat(fused, self.starts, axis=1) + w[3] * intent + w[4] * proba
        return best * factor[:, None]

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
        intent, top, _ = self.ranked(analysis)
        return intent, top

    def ranked(self, analysis: Analysis) -> tuple[str | None, float, str | None]:
        """(the intent answered, or None; the best score; the intent that scored best, sure or not)."""
        analysis = self.content(analysis)
        if not analysis.tokens:
            return None, 0.0, None
        scores = self.intent_scores(*self.components([analysis]))[0]
        order = np.argsort(-scores)
        nearest = self.intent_ids[int(order[0])]
        top = float(min(max(scores[order[0]], 0.0), 1.0))
        for i in order[:3]:
            s = float(min(max(scores[i], 0.0), 1.0))
            if s < self.threshold:
                break
            if self.intent_ids[i] == "darurat" and s < DARURAT_MIN:
                continue  # the next intent, if it is sure enough
            return self.intent_ids[i], s, nearest
        return None, top, nearest

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


# Training sets are held out in this many folds for calibration: one fit a fold, so the
# fit's cost stays that of the shipped model plus two whatever the number of writers (three folds
# of five writers cost 3% more CPU than the four fits of three writers did; two cost less)
CALIBRATION_FOLDS = 2


def fit(corpus: Corpus, key: str) -> FittedModel:
    """The model of the corpus and all its training sets, calibrated on the calibration sets and
    on the training sets, each fold of them scored by a model fitted without that fold (so the
    threshold is set on writers the scoring model never saw, as the bot's patients are)."""
    model = fit_one(corpus, key, corpus.training)
    held_out = []
    present = [p for p in corpus.training if p.exists()]
    if len(present) >= 2:
        folds = [present[i::CALIBRATION_FOLDS] for i in range(min(CALIBRATION_FOLDS, len(present)))]
        for fold in folds:
            others = [p for p in present if p not in fold]
            held_out.append((fit_one(corpus, key, others), [row for path in fold for row in read_labelled(path)]))
    rows = read_calibration(corpus)
    if rows or held_out:
        from nlp.calibration import calibrate

        calibrate(model, rows, held_out)
    return model


def fit_one(corpus: Corpus, key: str, training=()) -> FittedModel:
    """One model of the corpus's phrasings plus the questions of the `training` sets, uncalibrated."""
    bootstrap = Normalizer(None)
    all_phrases = [p for ps in corpus.intents.values() for p in ps] + [p for ps in corpus.smalltalk.values() for p in ps]
    all_phrases += corpus.out_of_scope  # known words, so typo correction leaves "cpns" alone
    targets = {w for target in SLANG.values() for w in target.split()}
    # two passes: raw corpus words, then the same with clitics split off known stems
    vocab = frozenset(targets.union(*(bootstrap.analyze(p).tokens for p in all_phrases)))
    second = Normalizer(vocab, correct_typos=False)
    second_tokens = [second.analyze(p).tokens for p in all_phrases]
    vocab = frozenset(targets.union(*second_tokens))
    word_counts = dict(Counter(t for tokens in second_tokens for t in tokens))
    norm = Normalizer(vocab, frequency=word_counts)
    smalltalk_words = {
        kind: frozenset(w for p in ps for w in bootstrap.analyze(p).surface) for kind, ps in corpus.smalltalk.items()
    }
    corpus_words = set().union(*(norm.analyze(p).tokens for ps in corpus.intents.values() for p in ps))
    # greetings and thanks the corpus phrasings never use are dropped from questions (`content`),
    # so from the training questions too
    greeting_only = frozenset().union(*smalltalk_words.values()) - corpus_words

    def content(text: str) -> str:
        return " ".join(t for t in norm.analyze(text).tokens if t not in greeting_only)

    extra, extra_off = read_training(training)
    phrases: list[str] = []
    starts: list[int] = []
    for iid in INTENT_IDS:
        starts.append(len(phrases))
        own = [norm.normalize(p) for p in corpus.intents[iid]]
        seen = set(own)
        added = [t for t in dict.fromkeys(content(q) for q in extra.get(iid, ())) if t and t not in seen]
        phrases.extend(own + added)
    off_topic = [t for t in dict.fromkeys([norm.normalize(p) for p in corpus.out_of_scope] + [content(q) for q in extra_off]) if t]
    # the vectorizers know the off-topic questions' words too (for the classifier); similarity
    # is computed against the intents' phrasings only
    word_vec = TfidfVectorizer(analyzer="word", token_pattern=r"\S+", ngram_range=(1, 2), sublinear_tf=True)
    char_vec = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    word_vec.fit(phrases + off_topic)
    char_vec.fit(phrases + off_topic)
    word_matrix = word_vec.transform(phrases)
    char_matrix = char_vec.transform(phrases)
    intent_docs = [" ".join(phrases[a:b]) for a, b in zip(starts, starts[1:] + [len(phrases)])]
    intent_matrix = word_vec.transform(intent_docs)
    labels = np.repeat(np.arange(len(INTENT_IDS)), np.diff(np.array(starts + [len(phrases)])))
    features = scipy.sparse.hstack([word_matrix, char_matrix])
    if off_topic:  # one class more: off-topic, index len(INTENT_IDS)
        features = scipy.sparse.vstack([features, scipy.sparse.hstack([word_vec.transform(off_topic), char_vec.transform(off_topic)])])
        labels = np.concatenate([labels, np.full(len(off_topic), len(INTENT_IDS))])
    # C: 5-fold cross-validation on the blind calibration set over 2, 5, 10, 20 (10: top-1 97.1%,
    # rejection 95.4%; 5: 96.1%, 94.3%)
    # the classifier learns only from n-grams found in two texts or more: one found once says little
    # about other writers' questions, and leaving those out makes the fit faster
    features = features.tocsr()
    keep = np.flatnonzero(np.diff(features.tocsc().indptr) >= 2)
    clf = LogisticRegression(C=10.0, max_iter=3000)
    clf.fit(features[:, keep], labels)
    coef = np.zeros((features.shape[1], clf.coef_.shape[0]), dtype=np.float32)
    coef[keep] = clf.coef_.T
    idf = intent_idf(phrases)
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
        clf_coef=coef,
        clf_intercept=clf.intercept_.astype(np.float32),
        idf=idf,
        max_idf=max(idf.values()),
        smalltalk_words=smalltalk_words,
        normalizer=norm,
        word_counts=word_counts,
    )
    return model


def intent_idf(phrases: list[str]) -> dict[str, float]:
    """Smoothed IDF (as TfidfVectorizer's) of the words of the intents' phrasings."""
    df = Counter(w for p in phrases for w in set(p.split()))
    n = len(phrases)
    return {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
