"""Normalise informal Indonesian chat text before matching.

Steps, in order: Unicode/case folding; `anak2` → `anak anak`; punctuation → spaces; letters and
digits split (`jam7` → `jam 7`); two-word forms joined (`di mana` → `dimana`); per token: slang
and abbreviation dictionary (`nlp.slang`), stretched letters (`bukaaa` → `buka`), clitics and
informal affixes (`jadwalnya`, `dibatalin`), typo correction against the corpus vocabulary
(optimal string alignment distance 1, or 2 for long words), words typed without spaces cut
into known words (`jamberapabukanya`); number words → digits
(`seratus sembilan belas` → `119`).

A `Normalizer` without a vocabulary does everything except the vocabulary-based steps; the
matcher builds its vocabulary from the corpus normalised that way, then normalises corpus and
questions alike with it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from nlp.slang import BIGRAMS, COMMON_WORDS, FILLER, HUNDREDS, SLANG, TEENS, TENS, THOUSANDS, UNITS

_REDUP = re.compile(r"\b([a-z]{2,})2\b")
_HYPHEN_REDUP = re.compile(r"\b([a-z]{2,})-\1\b")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_RUN3 = re.compile(r"([a-z])\1{2,}")
_RUN2 = re.compile(r"([a-z])\1+")
_CLITICS = (("nya", 3), ("kah", 3), ("lah", 3), ("ku", 3), ("mu", 3), ("na", 4), ("ne", 4), ("e", 5))
_SUFFIXES = ("nya", "kah", "lah", "in", "kan", "an", "ku", "mu", "i")
_PREFIXES = ("di", "ke", "nge", "ng", "me", "mem", "men", "meng", "ber", "ter", "pe", "pen", "peng", "se")
_NUMBER_WORDS = frozenset(UNITS) | frozenset(HUNDREDS) | frozenset(THOUSANDS) | frozenset(TEENS) | frozenset(TENS)


@dataclass(frozen=True)
class Analysis:
    """`tokens`: normalised content words; `surface`: every token as typed (cleaned only);
    `guessed`: tokens that came from typo correction (less certain than the others)."""

    tokens: tuple[str, ...]
    surface: tuple[str, ...]
    guessed: frozenset[str] = frozenset()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def clean(text: str) -> list[str]:
    """Fold case and accents, expand `kata2`, split on punctuation and letter/digit borders."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("'", "").replace("’", "").replace("`", "")
    text = _HYPHEN_REDUP.sub(r"\1 \1", text)
    text = _REDUP.sub(r"\1 \1", text)
    text = _NON_ALNUM.sub(" ", text)
    text = _LETTER_DIGIT.sub(" ", text)
    return text.split()


def squeeze_known(word: str, known: frozenset[str]) -> str:
    """`word` with stretched letters undone when that gives a word in `known` ("haloooo")."""
    if word in known:
        return word
    for squeezed in (_RUN3.sub(r"\1\1", word), _RUN3.sub(r"\1", word), _RUN2.sub(r"\1", word)):
        if squeezed in known:
            return squeezed
    return word


def numbers_to_digits(tokens: list[str]) -> list[str]:
    """Replace runs of number words with digits: `dua puluh lima` → `25`."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        if tokens[i] not in UNITS and tokens[i] not in HUNDREDS and tokens[i] not in THOUSANDS:
            out.append(tokens[i])
            i += 1
            continue
        total, cur, j = 0, 0, i
        while j < len(tokens) and tokens[j] in _NUMBER_WORDS:
            w = tokens[j]
            if w in UNITS:
                cur += UNITS[w]
            elif w in TEENS:
                cur = (cur or 1) + TEENS[w]
            elif w in TENS:
                cur = (cur or 1) * TENS[w]
            elif w in HUNDREDS:
                total += (cur or 1) * HUNDREDS[w]
                cur = 0
            else:
                total = (total + (cur or 1)) * THOUSANDS[w]
                cur = 0
            j += 1
        out.append(str(total + cur))
        i = j
    return out


class Normalizer:
    """Text → `Analysis`. `vocabulary`: known words for typo correction (None: no correction)."""

    def __init__(self, vocabulary: frozenset[str] | None = None, correct_typos: bool = True,
                 frequency: dict[str, int] | None = None) -> None:
        """`vocabulary`: known words; clitics are split off known stems, typos corrected to them.
        `frequency`: how often each word occurs in the corpus (breaks ties between corrections)."""
        self.vocabulary = vocabulary
        self.frequency = frequency or {}
        # sorted: deterministic tie-breaks between equally close words
        # (known words and the slang forms that lead to them: "dilyani" is near "dilayani")
        slang_forms = {k for k, v in SLANG.items() if v and k.isalpha() and len(k) >= 4}
        self._choices = sorted(set(vocabulary) | slang_forms) if vocabulary and correct_typos else []
        # words by consonant skeleton, for chat abbreviations that leave vowels out ("gnti alamt")
        self._skeletons: dict[str, list[str]] = {}
        for w in self._choices:
            if len(w) >= 4:
                self._skeletons.setdefault(skeleton(w), []).append(w)
        self._token = lru_cache(maxsize=50_000)(self._token_uncached)

    # ------------------------------------------------------------------ public

    def analyze(self, text: str) -> Analysis:
        surface = clean(text)
        joined = self._join_bigrams(surface)
        tokens: list[str] = []
        guessed: set[str] = set()
        for t in joined:
            out, guess = self._token(t)
            tokens.extend(out)
            if guess:
                guessed.update(out)
        tokens = numbers_to_digits(tokens)
        return Analysis(tuple(tokens), tuple(surface), frozenset(guessed))

    def normalize(self, text: str) -> str:
        return self.analyze(text).text

    # ------------------------------------------------------------------ steps

    @staticmethod
    def _join_bigrams(tokens: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(tokens):
            if i + 1 < len(tokens) and (tokens[i], tokens[i + 1]) in BIGRAMS:
                out.extend(BIGRAMS[(tokens[i], tokens[i + 1])].split())
                i += 2
            else:
                out.append(tokens[i])
                i += 1
        return out

    def _known(self, t: str) -> bool:
        return self.vocabulary is not None and t in self.vocabulary

    def _lookup(self, t: str) -> tuple[str, ...] | None:
        """Dictionary form of `t`, or None when `t` is neither slang nor known."""
        if t in SLANG:
            return tuple(SLANG[t].split())
        if t in FILLER:
            return ()
        for suf, least in _CLITICS:  # "alamatnya" → "alamat", "daftarna" → "daftar"
            stem = t[: -len(suf)]
            if t.endswith(suf) and len(stem) >= least and (stem in SLANG or self._known(stem)):
                return tuple(SLANG[stem].split()) if stem in SLANG else (stem,)
        if self._known(t) or t in _NUMBER_WORDS or t.isdigit():
            return (t,)
        return None

    def _token_uncached(self, t: str) -> tuple[tuple[str, ...], bool]:
        """(standard words for token `t`, whether they are a typo-correction guess)."""
        found = self._word(t)
        if found is not None:
            return found, False
        corrected, guess = self._typo(_RUN3.sub(r"\1", t))
        if guess or len(t) < 7:
            return corrected, guess
        pieces = self._segment(t)  # words typed without spaces: "jamberapabukanya"
        if pieces is None:
            return corrected, guess
        return tuple(w for piece in pieces for w in self._word(piece) or ()), False

    def _segment(self, t: str) -> list[str] | None:
        """`t` cut into the fewest known words (of 2 letters or more), or None."""
        if self.vocabulary is None or len(t) > 40 or not t.isalpha():
            return None
        best: list[list[str] | None] = [[]] + [None] * len(t)
        for end in range(2, len(t) + 1):
            for start in range(max(0, end - 20), end - 1):
                before, known = best[start], best[end]
                if before is None or known is not None and len(known) <= len(before) + 1:
                    continue
                if self._lookup(t[start:end]) is not None:
                    best[end] = before + [t[start:end]]
        found = best[len(t)]
        return found if found is not None and len(found) >= 2 else None

    def _word(self, t: str) -> tuple[str, ...] | None:
        found = self._lookup(t)
        if found is not None:
            return found
        if self.vocabulary is None:
            # Building the vocabulary: only the dictionary applies.
            squeezed = _RUN3.sub(r"\1", t)
            return self._lookup(squeezed) or (squeezed,)
        # stretched letters: "bukaaa" → "buka", "maaaf" → "maaf", "makasihh" → "makasih"
        for squeezed in (_RUN3.sub(r"\1\1", t), _RUN3.sub(r"\1", t), _RUN2.sub(r"\1", t)):
            if squeezed != t:
                found = self._lookup(squeezed)
                if found is not None:
                    return found
        return self._affixes(_RUN3.sub(r"\1", t))

    def _affixes(self, t: str) -> tuple[str, ...] | None:
        """Strip clitics and informal affixes when what is left is a known word."""
        stems = [t]
        for suf in _SUFFIXES:
            if t.endswith(suf) and len(t) - len(suf) >= 3:
                stems.append(t[: -len(suf)])
        candidates = list(stems)
        for s in stems:
            for pre in _PREFIXES:
                if s.startswith(pre) and len(s) - len(pre) >= 3:
                    candidates.append(s[len(pre):])
        for c in candidates[1:]:
            found = self._lookup(c)
            if found:
                return found
            if c + "kan" != t and self._known(c + "kan"):
                return (c + "kan",)
        return None

    def _typo(self, t: str) -> tuple[tuple[str, ...], bool]:
        """The known word `t` most likely stands for. Candidates: words within 1 edit (2 for long
        words), and words `t` is a vowel-less abbreviation of ("bka" buka, "srat" surat). Words
        with only letters left out ("syrat": syarat, not surat) come first, then fewer edits, then
        the more frequent word in the corpus."""
        if len(t) < 3 or t.isdigit() or t in COMMON_WORDS or not self._choices or not t.isalpha():
            return (t,), False
        ranked: list[tuple[int, int, int, str]] = []
        if len(t) >= 4:
            max_dist = 1 if len(t) < 9 else 2
            for w, dist, _ in process.extract(t, self._choices, scorer=OSA.distance, score_cutoff=max_dist,
                                              limit=None):
                ranked.append((0 if is_subsequence(t, w) else 1, int(dist), -self.frequency.get(w, 0), w))
        key = skeleton(t)
        if len(key) >= 2:
            for w in self._skeletons.get(key, ()):
                if len(w) > len(t) and is_subsequence(t, w):
                    ranked.append((0, len(w) - len(t), -self.frequency.get(w, 0), w))
        if not ranked:
            return (t,), False
        best = min(ranked)[3]
        return (self._lookup(best) or (best,)), True


_VOWELS = frozenset("aeiou")


def skeleton(word: str) -> str:
    """The first letter and the consonants after it: "ganti" and "gnti" both give "gnt"."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in _VOWELS)


def is_subsequence(short: str, long: str) -> bool:
    """Whether `short` is `long` with letters left out ("srat" of "surat")."""
    it = iter(long)
    return all(ch in it for ch in short)
