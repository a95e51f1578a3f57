"""FAQ matcher for PusQue, and its command line.

    python -m nlp.faq match [--config PATH]            stdin questions -> JSON lines
    python -m nlp.faq evaluate FILE [--config PATH]    accuracy / out-of-scope rejection

The bot holds one `FaqMatcher` (built from settings in post_init, `close()` in post_shutdown):

    m = FaqMatcher(settings)
    r = m.match("jam brp buka?")     # MatchResult(intent="jam_buka", score=0.8, kind="faq", ...)
    m.reply(r, "id")                  # the answer, the small-talk reply, or the "ask staff" one
    m.match("TOLONG bapak pingsan")   # intent="darurat", score=1.0, emergency="unconscious"

An emergency (`nlp.emergency.detect`: its rules, then its learned model) is looked for before
anything else: it is reported as the intent `darurat` with score 1.0 and its kind in `emergency`
("unknown" when only the model recognised it), whatever the FAQ would have said.
    m.answer("lokasi", "en")          # one intent's answer with config facts filled in
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from nlp import emergency_model, model_file
from nlp.corpus import INTENT_IDS, LANGS, Corpus, answer_context, load_corpus, render
from nlp.emergency import detect as detect_emergency
from nlp.matcher import FittedModel, cache_key, fit, read_labelled

KIND = "faq-model"  # the cache file family (nlp/model_file.py)

_EN_WORDS = frozenset(
    "what how where when which who is are the do does did i my me you your can could a an to for of "
    "with without there have has get need bring open close clinic queue number time doctor please "
    "register cancel late miss missed hours address phone accept pay cost free child kid baby data "
    "certificate complaint referral test results pharmacy medicine emergency priority schedule".split()
)


@dataclass(frozen=True)
class MatchResult:
    """`intent`: a spec intent id, or None (small talk or not understood).

    `kind`: "faq" (intent set), "smalltalk" (`smalltalk` names it: greeting/thanks/ack/bye) or
    "unknown" (out of scope: the bot stores the question for admins). `score` is the best FAQ
    score in [0, 1], compared with the calibrated `threshold`. `lang` is a guess ("id"/"en").
    `emergency`: the kind the emergency detector recognised (intent "darurat", score 1.0), or None.
    """

    question: str
    intent: str | None
    score: float
    kind: str
    smalltalk: str | None = None
    lang: str = "id"
    emergency: str | None = None
    # not understood, but nearest to `darurat` ("butuh pertolongan"): the bot's reply also
    # gives the `darurat` answer, so a person in distress is never left with "I don't know" alone
    near_emergency: bool = False


class _LoadedModels:
    """The fitted models this process has loaded, by cache file: a matcher built again from the
    same file (a restart of the bot's services in the same process, /reload, every end-to-end test)
    shares the loaded model and its lookup tables (~0.1 s to load, ~1 s and ~110 MB to prepare)
    instead of reading them again. A model is only read after it is fitted (`match`), so sharing
    it is safe; a file replaced or rewritten since (other size, time or inode) is read again."""

    def __init__(self, size: int = 2) -> None:
        self.size = size
        self._models: dict[Path, tuple[tuple[int, int, int], FittedModel]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int, int] | None:
        try:
            st = path.stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size, st.st_ino

    def get(self, path: Path, key: str) -> FittedModel | None:
        with self._lock:
            entry = self._models.get(path.resolve())
        if entry is None or entry[1].key != key or entry[0] != self._stamp(path):
            return None
        return entry[1]

    def put(self, path: Path, model: FittedModel) -> None:
        stamp = self._stamp(path)
        if stamp is None:  # not saved (read-only cache dir): nothing to recognise it by
            return
        with self._lock:
            self._models.pop(path.resolve(), None)
            self._models[path.resolve()] = (stamp, model)
            while len(self._models) > self.size:
                self._models.pop(next(iter(self._models)))


_LOADED = _LoadedModels()


class FaqMatcher:
    """Built once from settings; loads its fitted model from the cache dir or fits it (~1 s)."""

    def __init__(self, settings, *, cache_dir: Path | None = None, emergencies: bool = True,
                 live_settings: Callable[[], object] | None = None) -> None:
        """`emergencies=False` leaves the emergency detector out (to measure the FAQ alone).
        `live_settings`: where the running settings are (the bot's, which /reload replaces);
        answers are filled from them when they are sent, not from `settings` at start-up."""
        self._settings = settings
        self._live = live_settings
        self.emergencies = emergencies
        corpus_path = settings.resolve(settings.faq_corpus)
        self.corpus: Corpus = load_corpus(corpus_path)
        self.cache_dir = Path(cache_dir) if cache_dir else settings.resolve(settings.faq_cache_dir)
        if emergencies:  # the detector's learned second opinion, cached beside the FAQ model; first,
            emergency_model.current(self.cache_dir)  # as its fit takes a second, the FAQ's a minute
        self.model, self.rebuilt = self._load_or_fit()
        self._rendered: tuple[object, dict] | None = None
        self._answers_for(self.settings)  # a bad placeholder fails at start-up, not at a patient
        self.match("jam buka")  # warm the lookup tables so the first patient does not wait

    @classmethod
    def from_config(cls, path: str | Path | None = None) -> "FaqMatcher":
        from settings import load_settings

        return cls(load_settings(path))

    # -------------------------------------------------------------- model cache

    @property
    def cache_file(self) -> Path:
        return model_file.path_for(self.cache_dir, KIND, self.model.key)

    def _load_or_fit(self) -> tuple[FittedModel, bool]:
        key = cache_key(self.corpus)
        path = model_file.path_for(self.cache_dir, KIND, key)
        model = _LOADED.get(path, key) or model_file.read(path, FittedModel, key)
        fitted = model is None
        if model is None:
            model = fit(self.corpus, key)
            model_file.write(model, path, KIND)
        _LOADED.put(path, model)
        return model, fitted

    # -------------------------------------------------------------- answers

    @property
    def settings(self):
        """The settings answers are filled from now: the running ones when the bot gave them."""
        return self._live() if self._live is not None else self._settings

    @settings.setter
    def settings(self, value) -> None:
        self._settings, self._live = value, None

    def _answers_for(self, settings) -> dict[tuple[str, str], str]:
        """Every answer filled from `settings`; rendered again whenever the settings object changes."""
        cached = self._rendered
        if cached is not None and cached[0] is settings:
            return cached[1]
        answers = self._render_all(settings)
        self._rendered = (settings, answers)
        return answers

    def _render_all(self, settings) -> dict[tuple[str, str], str]:
        out = {}
        for lang in LANGS:
            ctx = answer_context(settings, self.corpus, lang)
            for iid, by_lang in self.corpus.answers.items():
                out[(iid, lang)] = render(by_lang[lang], ctx, f"intents.{iid}.answer.{lang}")
            for kind, by_lang in self.corpus.smalltalk_answers.items():
                out[("smalltalk:" + kind, lang)] = render(by_lang[lang], ctx, f"smalltalk.{kind}.answer.{lang}")
            out[("fallback", lang)] = render(self.corpus.fallback[lang], ctx, f"fallback.{lang}")
        return out

    def answer(self, intent: str | None, lang: str = "id") -> str:
        """The answer for `intent` in "id" or "en"; None gives the honest "ask staff" answer."""
        if lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
        if intent is None:
            return self._answers_for(self.settings)[("fallback", lang)]
        if intent not in INTENT_IDS:
            raise KeyError(f"unknown intent {intent!r}")
        return self._answers_for(self.settings)[(intent, lang)]

    def reply(self, result: MatchResult, lang: str | None = None) -> str:
        """What to send back for a match: the answer, the small-talk reply, or the fallback."""
        lang = lang or result.lang
        if result.kind == "smalltalk" and result.smalltalk:
            return self._answers_for(self.settings)[("smalltalk:" + result.smalltalk, lang)]
        return self.answer(result.intent, lang)

    # -------------------------------------------------------------- matching

    @property
    def intents(self) -> tuple[str, ...]:
        return INTENT_IDS

    @property
    def threshold(self) -> float:
        return self.model.threshold

    def match(self, question: str) -> MatchResult:
        question = question if isinstance(question, str) else str(question)
        normalizer = self.model.normalizer
        if normalizer is None:
            raise RuntimeError("the FAQ model has no normalizer: it was not fitted")
        analysis = normalizer.analyze(question[:500])
        lang = "en" if analysis.surface and sum(w in _EN_WORDS for w in analysis.surface) * 2 >= len(analysis.surface) else "id"
        found = detect_emergency(question) if self.emergencies else None
        if found is not None:
            return MatchResult(question, "darurat", 1.0, "faq", None, lang, found.kind)
        kind = self.model.smalltalk_kind(analysis)
        if kind is not None:
            return MatchResult(question, None, 0.0, "smalltalk", kind, lang)
        intent, score, nearest = self.model.ranked(analysis)
        if intent is not None:
            return MatchResult(question, intent, round(score, 4), "faq", None, lang)
        near = score >= self.threshold and nearest == "darurat"
        return MatchResult(question, None, round(score, 4), "unknown", None, lang, near_emergency=near)

    def close(self) -> None:
        """Nothing to release; here so the bot treats every helper alike."""


# ------------------------------------------------------------------ command line


def evaluate(matcher: FaqMatcher, rows: list[tuple[str, str | None]]) -> dict:
    n_in = sum(g is not None for _, g in rows)
    n_out = len(rows) - n_in
    correct = rejected = false_accept = 0
    errors = []
    for q, gold in rows:
        r = matcher.match(q)
        if gold is None:
            rejected += r.intent is None
            false_accept += r.intent is not None
        else:
            correct += r.intent == gold
        if r.intent != gold:
            errors.append((q, gold, r.intent, r.score))
    return {
        "in_scope": n_in,
        "out_of_scope": n_out,
        "top1_accuracy": correct / n_in if n_in else 0.0,
        "oos_rejection": rejected / n_out if n_out else 0.0,
        "errors": errors,
    }


def _cmd_match(matcher: FaqMatcher, stdin, stdout) -> None:
    for line in stdin:
        question = line.rstrip("\r\n")
        r = matcher.match(question)
        stdout.write(json.dumps({"question": question, "intent": r.intent, "score": round(r.score, 2)}, ensure_ascii=False) + "\n")
        stdout.flush()


def _cmd_evaluate(matcher: FaqMatcher, path: Path, show_errors: bool) -> None:
    res = evaluate(matcher, read_labelled(path))
    print(f"file: {path}")
    print(f"in-scope questions:      {res['in_scope']}")
    print(f"out-of-scope questions:  {res['out_of_scope']}")
    print(f"top-1 accuracy:          {res['top1_accuracy']:.1%}  (in-scope; a wrong or missing intent is an error)")
    print(f"out-of-scope rejection:  {res['oos_rejection']:.1%}  (out-of-scope questions given no intent)")
    print(f"threshold:               {matcher.threshold:.3f}  (set on {', '.join(map(str, matcher.corpus.calibration))})")
    if show_errors:
        for q, gold, got, score in res["errors"]:
            print(f"  {q!r}: expected {gold}, got {got} ({score:.2f})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlp.faq", description="PusQue FAQ matcher")
    sub = parser.add_subparsers(dest="command", required=True)
    p_match = sub.add_parser("match", help="questions on stdin, one JSON object per line on stdout")
    p_match.add_argument("--config", type=Path, default=None)
    p_eval = sub.add_parser("evaluate", help="top-1 accuracy and out-of-scope rejection on a labelled TSV")
    p_eval.add_argument("file", type=Path)
    p_eval.add_argument("--config", type=Path, default=None)
    p_eval.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    matcher = FaqMatcher.from_config(args.config)
    if args.command == "match":
        for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "strict")):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(encoding="utf-8", errors=errors)
        _cmd_match(matcher, sys.stdin, sys.stdout)
    else:
        _cmd_evaluate(matcher, args.file, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
