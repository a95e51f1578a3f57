"""Emergency detector: runs before the FAQ matcher on every free-text message.

    detect("TOLONG bapak sy pingsan")   # Emergency(kind="unconscious", words=("pingsan",), ...)
    detect("dulu pernah pingsan, jadwal kontrol kapan?")  # None

Two opinions: the rules below (`rules`), which explain themselves and name the kind of emergency
for the staff's alert; and, when no rule fires, a learned model (`nlp.emergency_model`: a
logistic regression on character and word n-grams, fitted on the labelled writers' sets) whose
P(emergency) at or above its threshold makes an emergency of kind UNKNOWN (the staff alert says
"pesan darurat" and the staff read the message). The rules catch what they were written for;
the model catches other writers' phrasings of the same emergencies, which the rules only learn
after seeing them (docs/benchmarks.md "Emergency detector", round 6).

How the rules decide, in plain rules a reader can check:
1. Tokens come from `nlp.normalize.clean` (case, `kejang2`, punctuation); a few multi-word forms
   are joined (`tiba tiba`, `bunuh diri`, `water broke`) or dropped (`darah tinggi`, `cek darah`);
   each token gets its tags from `_LEX` (Indonesian, Javanese, Sundanese, English) directly or
   through the project's slang dictionary (`nlp.slang`), stretched letters (`tolongg`), affixes
   (`kesiram`, `ketubane`) or a typo within 1-2 edits of a distinctive word (`kecelakan`, `pingsn`).
2. Tags close together make compounds: NEG + SADAR = NOTAWAKE ("ga sadar"), NEG + DRINK = NOTDRINK.
3. A rule (`RULE_TEXT`) is a kind of emergency and tags that must all occur within a window of
   tokens or anywhere in the message. A MILD word next to the evidence ("hampir pingsan", "luka
   bakar ringan") cancels the rules marked mild.
4. A match is dropped when a hypothetical comes before the symptom ("buat jaga2 klo ada
   kecelakaan", "seandainya", "sebelum kena serangan jantung", or "kalau" when the message asks
   about the clinic: "kalo ada yg kecelakaan, puskesmas buka gak?") or the message explains being late ("telat krn nganter
   tetangga yg kecelakaan"), unless a now-word or "tiba-tiba" says it is happening; and when the message speaks of the past or of information ("kemarin", "dulu",
   "pernah", "tahun lalu", "udh sembuh", "artikel", "tanda-tanda"; but "dari kemarin" is
   ongoing), unless a help word says it is urgent ("tolong", "help", "!!"); and when it speaks of
   documents and admin ("surat", "rujukan", "jadwal", "kontrol", "resep"), unless it says the
   emergency is happening now: a now-word right before the symptom ("lagi kejang", "masih
   pingsan") or "tiba-tiba" / "mendadak" / "barusan". Past words are read with their place:
   "sempet" only before every symptom ("kesetrum, sempet pingsan" is happening); "kemarin" in a
   later clause than the symptom dates that clause only; habits ("suka", "sering", "kadang")
   only before the symptom; "penderita X" only when X is all the evidence. Another patient's
   emergency ("ada pasien kecelakaan") in a message about the queue is calm.
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from nlp import emergency_model
from nlp import emergency_words as ew
from nlp.emergency_context import NOT_YET, narrow
from nlp.emergency_words import COMPOUNDS, RULE_TEXT
from nlp.emergency_words import EXTRA as _EXTRA
from nlp.emergency_words import LEX as _LEX
from nlp.emergency_words import PHRASES as _PHRASES
from nlp.normalize import clean
from nlp.slang import COMMON_WORDS, SLANG, STOPWORDS, UNITS

KINDS = (
    "unconscious", "not_breathing", "choking", "seizure", "bleeding", "accident", "chest_pain", "stroke",
    "poisoning", "bite", "burn", "child_fever", "pregnancy", "suicide", "allergy", "serious_illness",
)

_MAX_PHRASE = max(map(len, _PHRASES))
# Symptom tags: prefixes are stripped only towards these ("petugas" is not "tugas"), and typos are
# corrected only towards their words of 6 letters or more (never "darah" → "sarah").
_SYMPTOM_TAGS = frozenset(
    "FAINT SADAR BANGUN NAPAS SESAK CHOKE SWALLOW KEJANG FOAM BLEEDSTRONG DARAH INJURY ACCIDENT FALL PAIN STROKE "
    "CROOKED SLUR WEAK PARALYSIS FRACTURE POISONED POISON BITE BURNED SPILL EXPLODE PREG KETUBAN SUICIDE".split())
_FUZZY_TAGS = _SYMPTOM_TAGS - {"SADAR", "BANGUN", "PAIN"}
_FUZZY = sorted(w for w, tags in _LEX.items() if len(w) >= 6 and set(tags) & _FUZZY_TAGS)
_PLAIN = COMMON_WORDS | STOPWORDS | frozenset(SLANG) | frozenset(SLANG.values()) | frozenset(UNITS)
_SUFFIXES = ("nya", "ne", "na", "e", "ku", "mu", "an", "in", "kan", "i", "nipun", "ipun")
_PREFIXES = ("di", "ke", "ter", "ber", "me", "mem", "men", "meng", "nge", "ng", "ny", "pe", "pen", "per", "ka")
_RUN = re.compile(r"([a-z])\1+")

_RULES = tuple(
    (f[0], tuple(f[1].split("+")), None if f[2] == "*" else int(f[2]), "mild" in f[3:],
     tuple(x[1:] for x in f[3:] if x.startswith("-")))
    for f in (r.split() for line in RULE_TEXT.strip().splitlines() for r in line.split("|"))
)
assert {r[0] for r in _RULES} == set(KINDS)
UNKNOWN = "unknown"  # the learned model's finding: an emergency whose kind no rule named
# Words before/after "darah" that make it a test or a measure, not bleeding ("cek darah", "darah tinggi").
# a message that ends by asking whether something is all right, safe or allowed ("minum obat banyak
# ga papa?", "imunisasi aman ga?", "kontrol di puskesmas boleh?") asks for information
_ASKS_IF_OK = re.compile(
    r"\b(?:(?:ga|gak|nggak|ngga|tidak|tdk|gk|g)\s*(?:papa|apa\s*apa|apa2)|gapapa|gpp|gakpapa|bahaya|berbahaya|aman|boleh"
    r"|normal|wajar)(?:\s*(?:ga|gak|nggak|ngga|tidak|tdk|gk|g|ya|kah|kan|dok|bu|kak|min|sih|nih)){0,2}\s*\?+\s*$"
    r"|\b(?:normal|wajar)(?:\s+(?:ya|kan|ga|gak|nggak|tidak|kah|sih|nih)){1,2}\s*$", re.IGNORECASE)  # "wajar ya" typed without "?"
_LAUGHING = re.compile("[\U0001F600-\U0001F606\U0001F923\U0001F639\U0001F602]")  # 😀-😆 🤣 😹 😂: a joke
_CLAUSE = re.compile(r"[,.;!?\n]+")


@dataclass(frozen=True)
class Emergency:
    """`kind`: one of KINDS (the first rule that fired), or UNKNOWN when only the learned model
    recognised it; `kinds`: every kind found; `words`: the words that fired the rules (or the
    message's words the model weighs most towards an emergency); `now`: the word saying it is
    urgent or happening now, if any; `source`: "rules" or "model"; `probability`: the model's
    P(emergency) when it decided."""

    kind: str
    kinds: tuple[str, ...]
    words: tuple[str, ...]
    now: str | None = None
    source: str = "rules"
    probability: float | None = None


@lru_cache(maxsize=20_000)
def _tag(token: str) -> tuple[str, ...]:
    """The tags of one token (empty if it has none)."""
    for cand in (token, SLANG.get(token)):
        if cand in _LEX:
            return _LEX[cand]
    if token in _PLAIN or token.isdigit():
        return ("HIGHTEMP",) if token.isdigit() and 40 <= int(token) <= 43 else ()
    squeezed = _RUN.sub(r"\1", token)  # "tolongg", "sesakk"
    for cand in (squeezed, SLANG.get(squeezed)):
        if cand in _LEX:
            return _LEX[cand]
    stems = [squeezed] + [squeezed[: -len(s)] for s in _SUFFIXES
                          if squeezed.endswith(s) and len(squeezed) - len(s) >= 4]
    for stem in stems[1:]:  # "jadwalnya", "ketubane"
        if stem in _LEX:
            return _LEX[stem]
    for stem in stems:  # "kesiram", "digigitnya"; prefixes only towards symptom words ("petugas" is no "tugas")
        for cand in (stem[len(p):] for p in _PREFIXES if stem.startswith(p) and len(stem) - len(p) >= 4):
            if cand in _LEX and set(_LEX[cand]) & _SYMPTOM_TAGS:
                return _LEX[cand]
    if len(squeezed) >= 5:
        hit = process.extractOne(squeezed, _FUZZY, scorer=OSA.distance, score_cutoff=1 if len(squeezed) < 9 else 2)
        if hit is not None:
            return _LEX[hit[0]]
    return ()


def _tokens(text: str) -> list[str]:
    """Cleaned tokens, with `gamau`-style words split and the multi-word forms of `_PHRASES` joined."""
    raw = []
    for t in clean(text):
        raw.extend((_EXTRA.get(t) or _joined(t) or t).split())
    out: list[str] = []
    i = 0
    while i < len(raw):
        for n in range(_MAX_PHRASE, 1, -1):
            key = tuple(SLANG.get(t, t) if t not in _LEX else t for t in raw[i:i + n])
            if tuple(raw[i:i + n]) in _PHRASES or key in _PHRASES:
                out.extend((_PHRASES.get(tuple(raw[i:i + n])) or _PHRASES.get(key, "")).split())
                i += n
                break
        else:
            out.append(raw[i])
            i += 1
    return out


_KNOWN = frozenset(w for w in frozenset(_LEX) | _PLAIN if len(w) >= 3 and w.isalpha())


@lru_cache(maxsize=2_000)
def _joined(token: str) -> str | None:
    """A long token typed without spaces ("bapakjatuhbelumsadar") cut into known words, letters
    no word explains kept as pieces; None when it is short, known or no piece has a tag."""
    if len(token) < 14 or not token.isalpha() or _tag(token):
        return None
    # best[i]: (cost, pieces) of token[:i]; a known word costs 1, a letter no word explains 1.5
    no_way: list[tuple[float, list[str]]] = [(float("inf"), [])] * len(token)
    best: list[tuple[float, list[str]]] = [(0.0, []), *no_way]
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 15), end):
            piece = token[start:end]
            cost = 1.0 if piece in _KNOWN else 1.5 * len(piece) if end - start == 1 else None
            if cost is None or best[start][0] + cost >= best[end][0]:
                continue
            pieces = best[start][1]
            if end - start == 1 and pieces and pieces[-1] not in _KNOWN:  # letters no word explains: one piece
                pieces = pieces[:-1] + [pieces[-1] + piece]
            else:
                pieces = pieces + [piece]
            best[end] = (best[start][0] + cost, pieces)
    pieces = best[-1][1]
    return " ".join(pieces) if len(pieces) >= 3 and any(_tag(p) for p in pieces) else None


def rules(text: str) -> Emergency | None:
    """The emergency the rules find in `text` as happening now, or None."""
    words, pos = _positions(text)
    mild = pos.get("MILD", [])
    found: list[tuple[str, list[int]]] = []
    fired: set[str] = set()  # the tags of the rules that fired: a now-word must stand before one of them
    for kind, need, window, cancel, unless in _RULES:
        hit = _find(pos, need, window)
        if hit is None or (cancel and any(abs(m - i) <= 2 for m in mild for i in hit)):
            continue
        if not any(t in pos for t in unless):
            found.append((kind, hit))
            fired.update(need)
    if not found:
        return None
    evidence = sorted({i for _, hit in found for i in hit})
    kinds = tuple(dict.fromkeys(k for k, _ in found))
    calm, now = _not_now(words, pos, evidence, {i for t in fired for i in pos.get(t, ())}, text, kinds)
    if calm:
        return None
    return Emergency(kinds[0], kinds, tuple(words[i] for i in evidence), now)


def _positions(text: str) -> tuple[list[str], dict[str, list[int]]]:
    """The message's tokens, and where each tag (and compound) occurs among them."""
    text = text if isinstance(text, str) else str(text)
    words = _tokens(text[:500])
    tags: list[tuple[str, ...]] = [_tag(w) for w in words]
    pos: dict[str, list[int]] = {}
    for i, ts in enumerate(tags):
        for t in ts:
            pos.setdefault(t, []).append(i)
    narrow(words, tags, pos)
    for name, a, b, w in COMPOUNDS:
        for j in pos.get(b, ()):
            if any(0 < j - i <= w for i in pos.get(a, ())):
                pos.setdefault(name, []).append(j)
    return words, {t: p for t, p in pos.items() if p}


def _not_now(words: list[str], pos: dict[str, list[int]], evidence: list[int], symptoms: set[int],
             text: str, kinds: tuple[str, ...] = ()) -> tuple[bool, str | None]:
    """(True when the message's context says the emergency is not happening now, the now-word if any)."""
    now = _now_cue(words, pos, symptoms, text)
    first = evidence[0] if evidence else len(words)
    clause = _clauses(text, len(words))
    last = evidence[-1] if evidence else len(words) - 1
    signs = [e for e in evidence if not {"PREG", "POSTPARTUM", "CHILD", "NEWBORN"} & set(_tag(words[e]))]
    # a now-word opens its clause and the ones after ("kemarin aborsi, hari ini demam tinggi, perut keras dan
    # darah banyak"), but not a clause that says it is well ("skrg sdh 3 th sehat")
    well = {clause[i] for t in ("CURED", "CUREDNOW") for i in pos.get(t, ())}
    now_clauses = [clause[j] for j in pos.get("NOWADJ", ()) if clause[j] not in well and any(
        clause[e] >= clause[j] and e > j for e in signs)]
    # "kemarin" after the symptom, in a later clause of its own, dates that clause only
    # ("istri hamil kejang2, tensinya tinggi kemarin"), and so does "pernah" before a condition
    # ("kejang ga berhenti, pernah epilepsi", "nyeri dada, ada riwayat jantung"); a past clause before a symptom that a now-word opens
    # dates its own clause ("habis melahirkan kemarin, hari ini pendarahan"); "dulu", "bekas",
    # "pernah" anywhere else
    past_at = [i for t in ("PAST", "RECENTPAST") for i in pos.get(t, ()) if not (
        (words[i] in ew.YESTERDAY or any({"EPI", "CHRONIC"} & set(_tag(w)) for w in words[i + 1:i + 3]))
        and i > last and clause[i] != clause[last]
        or words[i] in ("riwayat", "history") and i > last  # "nyeri dada ... punya riwayat jantung": background
        # "baru lahiran 2 hari lalu, darahnya keluar banyak": the past dates the birth, not the bleeding
        or signs and clause[i] < clause[signs[0]] and any("POSTPARTUM" in _tag(w) for w in words[max(0, i - 4):i])
        or any(c > clause[i] for c in now_clauses))]
    # "sempet", habits and chronic conditions before every symptom; a chronic condition only when
    # the symptom is the condition it names ("penderita asma, dada ketat ...": not calm)
    # "suami epilepsi, kalau dia kejang": a case supposed (not "has epilepsy and the seizure has lasted")
    # ("penderita kencing manis bicaranya ngaco": diabetes names no sign, so its signs are not the condition)
    chronic = [c for c in pos.get("CHRONIC", []) if c + 1 not in pos.get("DIABETES", ())] + [
        c for c in pos.get("EPI", ()) if "KEJANG" in pos and "COND" in pos]
    before = any(i < first for i in pos.get("ONCE", ())) or any(i < last for i in pos.get("HABIT", ())) or bool(
        evidence) and all(any(0 < e - c <= 3 for c in chronic) for e in evidence)
    past = bool(past_at) or before or any(t in pos for t in ("CUREDNOW", "INFO", "JOKE", "WISHFAINT", "PLAYED")) or bool(_LAUGHING.search(text)) or bool(_ASKS_IF_OK.search(text))
    # another patient's emergency mentioned while asking about one's own place in the queue
    other = "QUEUE" in pos and any(0 < first - i <= 2 and words[i] == "pasien" for i in pos.get("PERSON", ()))
    # "ngantri sampe kaki mau patah", "mau pingsan antrenya panjang": a figure of speech about the wait
    queue_talk = "QUEUE" in pos and any(e - k in pos.get("WANT", ()) for e in evidence for k in (1, 2))
    if (other or queue_talk) and now[1] is None:
        return True, now[0]
    doc = bool(pos.get("DOC")) and "suicide" not in kinds  # a letter beside suicidal words is a farewell
    if doc and now[1] != "strong" or past and now[1] is None:
        return True, now[0]
    # "buat jaga2", "seandainya", "sebelum kena serangan jantung" before the symptom: a
    # hypothetical; "telat krn nganter tetangga yg kecelakaan": an explanation of being late
    hypo = any(i < first for t in ("HYPO", "WORRY") for i in pos.get(t, ())) or (
        ("CLINIC" in pos or "QUEUE" in pos) and any(i < first for i in pos.get("COND", ())))
    if (hypo or "LATE" in pos and "CAUSE" in pos) and now[1] != "strong":
        return True, now[0]
    return False, now[0]


def _clauses(text: str, n: int) -> list[int]:
    """The clause (between , . ; ! ? and line breaks) of each of the message's n tokens; one clause
    when the clauses' tokens do not add up to the message's (a phrase across a comma)."""
    ids = [k for k, part in enumerate(_CLAUSE.split(text[:500])) for _ in _tokens(part)]
    return ids if len(ids) == n else [0] * n


def calm_context(text: str) -> bool:
    """The rules' reading of the context, for the model's finding: the past, documents, a
    hypothetical, a question whether something is all right, the queue ("bapak ga sadar antrean
    sudah lewat"), or a symptom played down or over ("lutut biru doang", "udh berhenti darahnya"), unless a now-word stands before a symptom word or a help word is there."""
    words, pos = _positions(text)
    symptoms = sorted(i for t in _SYMPTOM_TAGS for i in pos.get(t, ()))
    calm, now = _not_now(words, pos, symptoms, set(symptoms), text)
    # "gula darah naik terus": a reading told, and nothing else the rules know of (no sign, no help word)
    reading = "DIABETES" in pos and all(w in ew.TREND or w in STOPWORDS or w.isdigit() or set(_tag(w)) & ew.READING_ONLY
                                        for w in words)
    return calm or reading or any(t in pos for t in ("QUEUE", "MINOR", "STOPPED")) and now is None


def _find(pos: dict[str, list[int]], need: tuple[str, ...], window: int | None) -> list[int] | None:
    """Positions of one occurrence of every tag in `need` within `window` tokens, or None."""
    if any(t not in pos for t in need):
        return None
    if window is None or len(need) == 1:
        return [pos[t][0] for t in need]
    for start in pos[need[0]]:
        hit = [start]
        for t in need[1:]:
            near = [j for j in pos[t] if abs(j - start) <= window]
            if not near:
                break
            hit.append(min(near, key=lambda j: abs(j - start)))  # the nearest one
        else:
            if max(hit) - min(hit) <= window:
                return hit
    return None


def _now_cue(words: list[str], pos: dict[str, list[int]], evidence: set[int],
             text: str) -> tuple[str | None, str | None]:
    """(the cue, "strong" or "help") when the message says the emergency is happening now."""
    context = {i for t in ("CHILD", "PREG", "POSTPARTUM", "WANT", "ANIMAL", "PERSON") for i in pos.get(t, ())}
    for i in pos.get("NOWADJ", ()):  # "lagi kejang", "masih pingsan", "skrg ga bisa napas"
        j = i + 1
        while j < len(words) and j not in evidence and j - i < 3 and ("NEG" in _tag(words[j]) or words[j] == "bisa"):
            j += 1
        if j in evidence and j not in context:
            return words[i], "strong"
    for i in pos.get("NOTAWAKE", ()):  # "belum sadar juga": still not awake, whatever was done before
        for w in words[max(0, i - 2):i]:
            if w in NOT_YET:
                return w, "strong"
    for t in ("NOTREACH", "FAREWELL"):  # "ga bisa dihubungi", "surat pamit": outweigh "pernah", "takut"
        if t in pos:
            return words[pos[t][0]], "strong"
    if "SUDDEN" in pos:
        return words[pos["SUDDEN"][0]], "strong"
    if "HELP" in pos:
        return words[pos["HELP"][0]], "help"
    if text.count("!") >= 2:
        return "!!", "help"
    return None, None


def detect(text: str) -> Emergency | None:
    """The emergency `text` describes as happening now, or None: the rules' finding, else the
    learned second opinion's when its P(emergency) reaches its threshold (kind UNKNOWN)."""
    found = rules(text)
    return found if found is not None else _second_opinion(text, emergency_model.loaded())


async def detect_off_loop(text: str) -> Emergency | None:
    """`detect` for an event loop: the rules run here (well under a millisecond); the learned model
    is asked here too once it is in the process, but before that (loading it from the cache or
    fitting it takes a second or more) it is asked in a worker thread, so the loop goes on."""
    found = rules(text)
    if found is not None:
        return found
    if emergency_model.is_loaded():
        return _second_opinion(text, emergency_model.loaded())
    return await asyncio.to_thread(lambda: _second_opinion(text, emergency_model.loaded()))


def decide(text: str, model: emergency_model.EmergencyModel | None) -> Emergency | None:
    """`detect` with this model as the second opinion (a benchmark's model fitted without a writer)."""
    found = rules(text)
    return found if found is not None else _second_opinion(text, model)


def _second_opinion(text: str, model: emergency_model.EmergencyModel | None) -> Emergency | None:
    """The model's finding on a text no rule named: P(emergency) at its threshold, outside a calm context."""
    if model is None:
        return None
    text = text if isinstance(text, str) else str(text)
    p = model.probability(text)
    if p < model.threshold or calm_context(text):
        return None
    return Emergency(UNKNOWN, (UNKNOWN,), model.telling_words(text), None, source="model", probability=round(p, 3))
