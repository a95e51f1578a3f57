"""The evaluation sets are big enough and honest: none of their questions is in the corpus."""
from pathlib import Path

from rapidfuzz import fuzz, process

from nlp.matcher import read_labelled

from .conftest import HELDOUT

DATA = Path(__file__).resolve().parent / "data"
BLIND_EVAL = DATA / "blind_eval.tsv"
BEFORE_BLIND = DATA / "corpus_before_blind.txt"


def test_heldout_has_200_informal_and_50_out_of_scope_questions():
    for path in (HELDOUT, BLIND_EVAL):
        rows = read_labelled(path)
        assert sum(g is not None for _, g in rows) >= 200
        assert sum(g is None for _, g in rows) >= 50


def _close(norm, texts, others):
    sim = process.cdist([norm.normalize(t) for t in texts], [norm.normalize(o) for o in others], scorer=fuzz.ratio)
    return [(texts[i], others[j]) for i, j in zip(*(sim >= 90).nonzero())]


def test_no_heldout_or_calibration_question_is_in_the_corpus(matcher):
    """No corpus phrasing (intents and the off-topic class) is within normalised similarity 90 of
    a question of the evaluation sets or the calibration set, except short common questions the
    corpus had before the blind sets were written. The message names the corpus phrasing only:
    the evaluation questions stay unread."""
    held = [q for f in (HELDOUT, BLIND_EVAL, *matcher.corpus.calibration) for q, _ in read_labelled(f, skip_kinds=())]
    phrases = [p for ps in matcher.corpus.intents.values() for p in ps] + list(matcher.corpus.out_of_scope)
    assert matcher.corpus.out_of_scope
    before = {line for line in BEFORE_BLIND.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")}
    close = sorted({p for p, _ in _close(matcher.model.normalizer, phrases, held)} - before)
    assert not close, close
