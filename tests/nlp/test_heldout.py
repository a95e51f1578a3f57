"""The evaluation split is big enough and honest: none of its questions is in the corpus."""
from pathlib import Path

from rapidfuzz import fuzz, process

from nlp.matcher import read_labelled

from .conftest import HELDOUT


def test_heldout_has_200_informal_and_50_out_of_scope_questions():
    rows = read_labelled(HELDOUT)
    assert sum(g is not None for _, g in rows) >= 200
    assert sum(g is None for _, g in rows) >= 50


def test_no_heldout_or_calibration_question_is_in_the_corpus(matcher):
    """No corpus phrasing is within normalised similarity 90 of a held-out or calibration question."""
    norm = matcher.model.normalizer
    held = [q for f in (HELDOUT, Path(matcher.corpus.calibration)) for q, _ in read_labelled(f)]
    phrases = [p for ps in matcher.corpus.intents.values() for p in ps]
    sim = process.cdist([norm.normalize(p) for p in phrases], [norm.normalize(q) for q in held], scorer=fuzz.ratio)
    close = [(phrases[i], held[j]) for i, j in zip(*(sim >= 90).nonzero())]
    assert not close, close
