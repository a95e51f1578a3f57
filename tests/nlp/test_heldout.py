"""The evaluation split is big enough and honest: none of its questions is in the corpus."""
from pathlib import Path

from rapidfuzz import fuzz, process

from nlp.matcher import read_labelled

from .conftest import HELDOUT


def test_heldout_has_200_informal_and_50_out_of_scope_questions():
    rows = read_labelled(HELDOUT)
    assert sum(g is not None for _, g in rows) >= 200
    assert sum(g is None for _, g in rows) >= 50


def _close(norm, texts, others):
    sim = process.cdist([norm.normalize(t) for t in texts], [norm.normalize(o) for o in others], scorer=fuzz.ratio)
    return [(texts[i], others[j]) for i, j in zip(*(sim >= 90).nonzero())]


def test_no_heldout_or_calibration_question_is_in_the_corpus(matcher):
    """No corpus phrasing (intents and the off-topic class) is within normalised similarity 90 of
    a held-out or calibration question."""
    held = [q for f in (HELDOUT, Path(matcher.corpus.calibration)) for q, _ in read_labelled(f)]
    phrases = [p for ps in matcher.corpus.intents.values() for p in ps] + list(matcher.corpus.out_of_scope)
    assert matcher.corpus.out_of_scope
    close = _close(matcher.model.normalizer, phrases, held)
    assert not close, close


def test_no_calibration_question_is_a_heldout_one(matcher):
    """The threshold is set on questions other than the ones the figures are reported on."""
    calibration = [q for q, _ in read_labelled(Path(matcher.corpus.calibration))]
    held = [q for q, _ in read_labelled(HELDOUT)]
    too_close = [c for c, _ in _close(matcher.model.normalizer, calibration, held)]
    assert not too_close, too_close  # names the calibration line only
