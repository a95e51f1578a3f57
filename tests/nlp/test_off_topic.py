"""The off-topic class: out-of-scope questions in the corpus train the matcher to say "not mine"."""
import dataclasses

import numpy as np
import pytest

from nlp.calibration import best_threshold
from nlp.corpus import INTENT_IDS, CorpusError, load_corpus
from nlp.matcher import fit

from .conftest import CORPUS


def _p_off_topic(matcher, question: str) -> float:
    model = matcher.model
    analysis = model.content(model.normalizer.analyze(question))
    return float(model.components([analysis])[5][0])


def test_corpus_off_topic_questions_are_a_class_of_their_own(matcher):
    model = matcher.model
    assert len(matcher.corpus.out_of_scope) >= 100
    assert model.has_off_topic
    assert model.clf_coef.shape[1] == len(INTENT_IDS) + 1
    assert model.off_topic_power in (0.0, 0.5, 1.0, 2.0)


@pytest.mark.parametrize("off_topic, clinic", [
    ("loket kantor kecamatan buka jam brp", "loket pkm buka jam brp"),
    ("syarat perpanjang stnk apa aja", "syarat berobat di pkm apa aja"),
    ("nomor hp kantor kelurahan", "nomor hp pkm"),
])
def test_other_offices_look_off_topic_and_the_clinic_does_not(matcher, off_topic, clinic):
    """Same question shape, another office: the off-topic probability is far higher."""
    assert _p_off_topic(matcher, off_topic) > 0.2
    assert _p_off_topic(matcher, clinic) < 0.1


@pytest.mark.parametrize("question", [
    "obat sakit tenggorokan buat lansia apa",
    "nomor hp kantor kelurahan",
    "biaya bikin akta kelahiran",
    "besok mendung atau cerah",
])
def test_near_domain_questions_get_no_intent(matcher, question):
    r = matcher.match(question)
    assert (r.intent, r.kind) == (None, "unknown"), r


def test_typo_correction_leaves_everyday_words_alone(matcher):
    """"kecamatan" is a word, not a typo of "keamanan"; "soto" is not "foto"."""
    norm = matcher.model.normalizer
    assert norm.normalize("kantor kecamatan") == "kantor kecamatan"
    assert norm.normalize("resep soto") == "resep soto"


def test_out_of_scope_must_be_a_list_of_texts(tmp_path):
    text = CORPUS.read_text(encoding="utf-8").replace("out_of_scope:\n", "out_of_scope: cuaca\nunused:\n", 1)
    bad = tmp_path / "faq_corpus.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match="out_of_scope"):
        load_corpus(bad)


def test_a_corpus_without_off_topic_questions_still_matches():
    corpus = dataclasses.replace(load_corpus(CORPUS), out_of_scope=(), calibration=(), training=())
    model = fit(corpus, "no-off-topic")
    assert not model.has_off_topic and model.clf_coef.shape[1] == len(INTENT_IDS)
    assert model.score(model.normalizer.analyze("jam brp pkm buka"))[0] == "jam_buka"


def test_best_threshold_separates_accepted_from_rejected():
    scores = np.array([0.9, 0.8, 0.3, 0.2])
    predicted = np.array(["a", "b", "a", "b"], dtype=object)
    gold = ["a", "b", None, None]
    t, objective, accuracy, rejection = best_threshold(scores, predicted, gold)
    assert 0.3 < t < 0.8 and (objective, accuracy, rejection) == (1.0, 1.0, 1.0)
