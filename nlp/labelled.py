"""Labelled question sets: `question<TAB>intent[<TAB>kind]` files (tests/nlp/data/*.tsv).

An empty intent is out of scope. Kinds: faq, oos (out of scope), emergency (the detector's),
calm (an ordinary question that mentions an illness or a past emergency).
"""
from __future__ import annotations

from pathlib import Path

from nlp.corpus import INTENT_IDS, Corpus


def read_labelled(path: Path, skip_kinds: tuple[str, ...] = ("emergency",)) -> list[tuple[str, str | None]]:
    """`question<TAB>intent[<TAB>kind]` lines (empty intent = out of scope); `#` lines are comments.
    Lines of a kind in `skip_kinds` are left out: emergencies are the detector's, not the FAQ's."""
    return [(q, intent) for q, intent, kind in read_kinds(path) if kind not in skip_kinds]


def read_calibration(corpus: Corpus) -> list[tuple[str, str | None]]:
    """The questions of every calibration set of `corpus` (their emergencies left out)."""
    return [row for path in corpus.calibration if path.exists() for row in read_labelled(path)]


def read_kinds(path: Path) -> list[tuple[str, str | None, str]]:
    """(question, intent, kind); a line without a kind is "faq" when it has an intent, else "oos"."""
    rows: list[tuple[str, str | None, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        question, _, rest = line.partition("\t")
        label, _, kind = rest.partition("\t")
        intent = label.strip() or None
        if intent is not None and intent not in INTENT_IDS:
            raise ValueError(f"{path}:{n}: unknown intent {intent!r}")
        rows.append((question.strip(), intent, kind.strip() or ("faq" if intent else "oos")))
    return rows


def read_training(paths) -> tuple[dict[str, list[str]], list[str]]:
    """The questions of the training sets: by intent (kinds faq and calm), and the out-of-scope
    ones. Emergencies are left out: they are the detector's."""
    by_intent: dict[str, list[str]] = {}
    off_topic: list[str] = []
    for path in paths:
        if not path.exists():  # as with calibration sets: a corpus copied without its data still fits
            continue
        for question, intent, kind in read_kinds(path):
            if kind == "emergency":
                continue
            if intent is None:
                off_topic.append(question)
            else:
                by_intent.setdefault(intent, []).append(question)
    return by_intent, off_topic
