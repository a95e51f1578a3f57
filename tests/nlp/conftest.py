"""Shared fixtures: the shipped corpus with the model cache in a temporary folder."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from settings import DEFAULT_CONFIG_PATH, load_settings

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "nlp" / "faq_corpus.yaml"
HELDOUT = Path(__file__).resolve().parent / "data" / "heldout.tsv"
# The fitted model of the shipped corpus is kept where the bot keeps it (config.yaml's
# faq.cache_dir): the bot in the end-to-end tests and these tests fit it once a checkout, not once
# each a run (~10-30 s). A cached model is used only when its key (the corpus, its calibration
# split, the matcher's code, sklearn's version) matches; tests/nlp/test_cache.py fits in folders
# of its own.
_SHIPPED = load_settings(env={})
CACHE = _SHIPPED.resolve(_SHIPPED.faq_cache_dir)


def write_config(folder: Path, mutate=None, corpus: Path = CORPUS, cache_dir: Path | None = None) -> Path:
    """A copy of config.yaml in `folder`, FAQ cache in `folder/cache`, optionally edited."""
    raw = yaml.safe_load(DEFAULT_CONFIG_PATH.read_text(encoding="utf-8"))
    raw["faq"] = {"corpus": str(corpus), "cache_dir": str(cache_dir or folder / "cache")}
    if mutate:
        mutate(raw)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def faq_config(tmp_path_factory) -> Path:
    return write_config(tmp_path_factory.mktemp("faq"), cache_dir=CACHE)


@pytest.fixture(scope="session")
def matcher(faq_config):
    from nlp.faq import FaqMatcher

    return FaqMatcher(load_settings(faq_config, env={}))
