"""The fitted model is saved with joblib and refitted when the corpus changes."""
import os
import shutil

from nlp.corpus import load_corpus
from nlp.faq import FaqMatcher
from settings import load_settings

from .conftest import CORPUS, write_config


def _copy_corpus(folder, with_training=True):
    """The corpus and its calibration (and training) sets, at the same relative place. Without
    its training sets (a set that is not there is skipped) a fit is one model instead of four."""
    folder.mkdir()
    shutil.copy(CORPUS, folder / CORPUS.name)
    shipped = load_corpus(CORPUS)
    for labelled in shipped.calibration + (shipped.training if with_training else ()):
        copy = folder / os.path.relpath(labelled, CORPUS.parent)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(labelled, copy)
    return folder / CORPUS.name


def _calibration(corpus):
    return load_corpus(corpus).calibration[0]


def test_model_is_cached_then_refitted_when_the_corpus_changes(tmp_path):
    corpus = _copy_corpus(tmp_path / "corpus", with_training=False)
    settings = load_settings(write_config(tmp_path, corpus=corpus), env={})
    first = FaqMatcher(settings)
    assert first.rebuilt and first.cache_file.exists()
    second = FaqMatcher(settings)
    assert not second.rebuilt and second.cache_file == first.cache_file
    assert second.match("jam brp buka").intent == "jam_buka"

    text = corpus.read_text(encoding="utf-8").replace(
        "      - jam operasional\n", "      - jam operasional\n      - kapan loket pendaftaran mulai melayani\n"
    )
    corpus.write_text(text, encoding="utf-8")
    third = FaqMatcher(settings)
    assert third.rebuilt and third.cache_file != first.cache_file
    assert not first.cache_file.exists(), "the stale model is removed"
    assert "kapan loket pendaftaran mulai melayani" in third.corpus.intents["jam_buka"]


def _seeded(tmp_path, matcher):
    """Settings for a copy of the corpus whose cache folder holds the shipped corpus's fitted model
    (the same key: same corpus, calibration and code), as a previous start would have left it:
    the tests below begin from a valid cache without fitting a model of their own (~10-30 s)."""
    corpus = _copy_corpus(tmp_path / "corpus")
    settings = load_settings(write_config(tmp_path, corpus=corpus), env={})
    cache = settings.resolve(settings.faq_cache_dir)
    cache.mkdir(parents=True)
    shutil.copy(matcher.cache_file, cache / matcher.cache_file.name)
    return corpus, settings


def test_calibration_split_change_also_refits(tmp_path, matcher):
    corpus, settings = _seeded(tmp_path, matcher)
    assert not FaqMatcher(settings).rebuilt  # the cached model is valid for this corpus...
    with open(_calibration(corpus), "a", encoding="utf-8") as f:
        f.write("resep sayur asem\t\n")
    assert FaqMatcher(settings).rebuilt  # ...until the calibration split changes


def test_unreadable_cache_file_is_refitted(tmp_path, matcher):
    _, settings = _seeded(tmp_path, matcher)
    first = FaqMatcher(settings)
    assert not first.rebuilt
    path = first.cache_file
    path.write_bytes(b"not a joblib file")
    again = FaqMatcher(settings)
    assert again.rebuilt and again.match("alamat pkm dmn").intent == "lokasi"
