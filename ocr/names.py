"""The name line read with care: several views of the crop, one answer scored on all of them.

easyocr's `recognize` decodes one crop and throws the per-frame probabilities away. For the name
(the field a clinic reads first) we run easyocr's recogniser network directly on a few views of
the same crop (as is, darkened and sharpened, sharpened; at two line heights), restrict its output
to the characters a KTP name can hold, and decode each view greedily. Every distinct reading, and
for each word not in the name list its close spellings from the list (`ocr.lexicon`), is then
scored by its CTC likelihood summed over all the views (a product of experts: each view sums over
its own alignments, so views need not line up frame by frame; averaging the frame probabilities
instead lost letters, because CTC spikes fall on different frames in different views). A word in
the name list gets a small prior bonus (`LEXICON_BONUS` nats), enough to settle a letter the image
left unclear (J/I, F/T, H/M, G/C), too small to overrule a clear reading of an uncommon name.

A blurred crop is deconvolved first (`ocr.deblur`, with the blur it measures on itself), and
the views are taken of that: on the dev seeds 44 and 45 this alone turned 459 of 500 names right
into 474, the misses being M/H/N swaps and lost thin letters on blurred photos.

The confidence is the mean per-character probability of the answer across the views, scaled down
when a rival reading (another view's, or a listed spelling) was nearly as likely. (Adding each
view's runner-up letters as candidates was tried: 2 names fewer right on the dev cards.)

Developed on generated cards of seeds 11 and 13 (160 cards), never on the benchmark's seed 7:
names right 135 -> 149 of 160 (docs/benchmarks.md).
torch is imported lazily.
"""
from __future__ import annotations

import functools
import math
import re

import cv2
import numpy as np

from ocr import deblur, lexicon

NAME_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ '.,-"
# (view, line height): the darkened and sharpened views read blurred, glared photos better, the
# plain crop keeps sharp photos from being over-sharpened (FAJAR read FAIAR without it); a lower
# height helps thin strokes. On the 160 dev cards of seeds 11 and 13 every mix of 3-5 of these
# views was right on 146-150 (one view alone: 135-141); this one was kept after seed 19's cards.
VIEWS = (("plain", 48), ("dark", 48), ("dark", 40), ("sharp", 40))
LEXICON_BONUS = 3.0
GAP_FULL = 3.0  # nats between the answer and the runner-up at which the confidence is not reduced
# titles a KTP prints before a name, each with a dot (hajji and hajjah, doctorandus/-a, engineer,
# kiai haji, Javanese raden and raden roro, the short forms of Muhammad, professor, doctor)
TITLES = frozenset({"H", "HJ", "DRS", "DRA", "IR", "KH", "R", "RR", "MOH", "MUH", "PROF", "DR"})
# titles always printed with their dot (MOH, MUH and R are printed with or without one)
DOTTED_TITLES = TITLES - {"MOH", "MUH", "R"}
# a degree at the end of a name whose comma was read as a dot (S.KEP sarjana keperawatan, A.MD
# ahli madya, M.M magister manajemen...): only these codes, since "MUHAMMAD S. HADI" is a name
DEGREE_AFTER_DOT = re.compile(r"([A-Z]{3,})\.\s*([SAM])\.\s?(H|E|T|M|PD|KEP|SOS|KOM|AG|IP|PSI|FARM|KM|GZ|TR|SI|KES|KED|"
                              r"HUT|PT|AK|MD|SN|IKOM|STAT|PDI|HI|KEB|TP|PI)\.?$")


def _sharp(gray: np.ndarray) -> np.ndarray:
    return cv2.addWeighted(gray, 1.8, cv2.GaussianBlur(gray, (0, 0), 1.5), -0.8, 0)


def _dark(gray: np.ndarray) -> np.ndarray:
    lo = float(np.percentile(gray, 3))
    dark = (np.clip((gray.astype(np.float32) - lo) / max(1.0, 255 - lo), 0, 1) ** 1.8 * 255).astype(np.uint8)
    return _sharp(dark)


_VIEW = {"plain": lambda g: g, "dark": _dark, "sharp": _sharp}


def _keep(alphabet: str, allowed: str) -> np.ndarray:
    keep = np.zeros(len(alphabet) + 1, bool)
    keep[0] = True  # CTC blank
    keep[1:] = [c in allowed for c in alphabet]
    return keep


def view_probs(reader, crop: np.ndarray, views=VIEWS, allowed: str = NAME_CHARS) -> list[np.ndarray]:
    """Per view: frames x classes probabilities (class 0 = blank), other characters removed."""
    import torch

    keep = _keep(reader.character, allowed)
    out: list[np.ndarray] = []
    by_height: dict[int, list[str]] = {}
    for name, height in views:
        by_height.setdefault(height, []).append(name)
    model = reader.recognizer
    for height, names in by_height.items():
        width = max(height, int(round(crop.shape[1] * height / max(1, crop.shape[0]))))
        batch = np.stack([cv2.resize(_VIEW[n](crop), (width, height), interpolation=cv2.INTER_CUBIC)
                          for n in names])
        x = torch.from_numpy(batch.astype(np.float32) / 127.5 - 1.0).unsqueeze(1)
        with torch.no_grad():
            prob = torch.softmax(model(x, None), dim=2).numpy()  # easyocr's CTC models ignore `text`
        prob[:, :, ~keep] = 0.0
        prob /= prob.sum(axis=2, keepdims=True)
        out.extend(prob)
    return out


def greedy(probs: np.ndarray, alphabet: str) -> tuple[str, float]:
    """Best-path decoding and easyocr's confidence formula."""
    idx = probs.argmax(axis=1)
    out, prev = [], 0
    for i in idx:
        if i != 0 and i != prev:
            out.append(alphabet[i - 1])
        prev = i
    best = probs.max(axis=1)[idx != 0]
    conf = float(best.prod() ** (2.0 / np.sqrt(len(best)))) if len(best) else 0.0
    return "".join(out), conf


def _tidy(text: str) -> str:
    return " ".join(text.strip(" .,'-:").split())


def best_reading(probs: list[np.ndarray], alphabet: str, names: frozenset[str],
                 bonus: float = LEXICON_BONUS) -> tuple[str, float]:
    """(text, confidence) from the views' probabilities; see the module docstring."""
    cands = {_tidy(greedy(p, alphabet)[0]) for p in probs} - {""}
    if not cands:
        return "", 0.0
    if names:
        for text in list(cands):
            words = text.split(" ")
            for i, word in enumerate(words):
                if len(word) >= 3 and word.isalpha() and word not in names:
                    cands.update(" ".join(words[:i] + [c] + words[i + 1:]) for c in lexicon.candidates(word, names))
                    # a narrow space lost between two names: "ABDULANAM" -> "ABDUL ANAM"
                    cands.update(" ".join(words[:i] + [word[:j], word[j:]] + words[i + 1:])
                                 for j in range(1, len(word) - 2)
                                 if (word[:j] in names or word[:j] == "I") and word[j:] in names)  # I KADEK
    scored = []
    for text in cands:
        labels = lexicon.encode(text, alphabet)
        if labels is None:
            continue
        ll = sum(lexicon.ctc_log_likelihood(p, labels) for p in probs)
        prior = bonus * sum(w in names for w in text.split(" "))
        scored.append((ll + prior, ll, text))
    if not scored:
        return "", 0.0
    scored.sort(reverse=True)
    score, ll, text = scored[0]
    gap = score - scored[1][0] if len(scored) > 1 else GAP_FULL
    per_char = math.exp(ll / len(probs) / max(1, len(text)))
    return text, per_char * min(1.0, gap / GAP_FULL)


def split_joined(text: str, names: frozenset[str] | None = None) -> str:
    """`text` with each word that is not a listed name, but is two listed names run together, split
    in two ("NIPUTU" -> "NI PUTU", "JOKOSUSILO" -> "JOKO SUSILO"): a recogniser that drops a narrow
    space (PP-OCR's does, `ocr.merge`) leaves such words, and a name list tells where they part. A
    comma or dot after the word stays after its second part ("CICISINAGA," -> "CICI SINAGA,")."""
    names = lexicon.load_names() if names is None else names
    out = []
    for word in text.split():
        bare = word.rstrip(".,")
        cuts = [j for j in range(1, len(bare) - 2) if bare[:j] in names and bare[j:] in names]
        out.extend([bare[:cuts[-1]], word[cuts[-1]:]] if bare not in names and cuts else [word])
    return " ".join(out)


def joined_parts(text: str, names: frozenset[str] | None = None) -> str:
    """Two neighbouring words, neither a listed name, joined when together they are one ("SIRE GAR"
    -> "SIREGAR"): a wide letter gap read as a space. Two listed names stay apart (PUSPITA SARI)."""
    names = lexicon.load_names() if names is None else names
    words = text.split()
    out: list[str] = []
    for word in words:
        prev = out[-1] if out else ""
        bare = word.rstrip(".,")
        if prev and prev.isalpha() and prev not in names and bare not in names and prev + bare in names:
            out[-1] = prev + word
        else:
            out.append(word)
    return " ".join(out)


def marks_as_printed(text: str) -> str:
    """A KTP's own spacing of dots and commas, where the recogniser lost it: a title or an initial
    before the name has a space after its dot ("H.WAHYU" -> "H. WAHYU"), and a comma read for that
    dot is a dot ("H, RIZKY" -> "H. RIZKY": a name never has a comma after a title); an academic
    degree after the name has a comma before it and no space after its dot ("SLAMET, S. KEP" and
    "SIREGAR. S. SOS" -> "SLAMET, S.KEP", "SIREGAR, S.SOS", as S.H, S.PD, A.MD print)."""
    title = re.match(r"([A-Z]+)\s*,\s*(?=[A-Z])", text)
    if title and title.group(1) in TITLES:
        text = title.group(1) + ". " + text[title.end():]
    if re.match(r"HI\.\s*[A-Z]", text):  # HJ. read with its J lost in the dot's stroke
        text = "HJ. " + text[3:].lstrip()
    first, _, rest = text.partition(" ")
    if first in DOTTED_TITLES and rest:  # its dot too small to be read ("HJ QOMARIYAH")
        text = f"{first}. {rest}"
    text = DEGREE_AFTER_DOT.sub(r"\1, \2.\3", text)
    name, comma, degrees = text.partition(",")
    name = re.sub(r"\.(?=[A-Z])", ". ", name)
    return name + comma + re.sub(r"\.\s+(?=[A-Z])", ".", degrees)


def with_apostrophes(text: str, names: frozenset[str] | None = None) -> str:
    """`text` with each word that is not a listed name, but is one with its apostrophe left out
    (MUMIN for the listed MU'MIN), written as listed: both recognisers often miss the small mark."""
    names = lexicon.load_names() if names is None else names
    bare = _bare_forms(names)
    return " ".join(w if w in names else bare.get(w, w) for w in text.split())


@functools.lru_cache(maxsize=4)
def _bare_forms(names: frozenset[str]) -> dict[str, str]:
    bare: dict[str, str] = {}
    for name in names:
        if "'" in name and name.replace("'", "") not in names:
            bare[name.replace("'", "")] = name
    return bare


def read_name(reader, gray: np.ndarray, box: list[int], names: frozenset[str] | None = None) -> tuple[str, float]:
    """The name in `box` ([x_min, x_max, y_min, y_max] of `gray`): (text, confidence)."""
    x0, x1, y0, y1 = box
    crop = gray[max(0, y0):max(0, y1), max(0, x0):max(0, x1)]
    if crop.shape[0] < 4 or crop.shape[1] < 4:
        return "", 0.0
    names = lexicon.load_names() if names is None else names
    return best_reading(view_probs(reader, deblur.sharpened(crop)), reader.character, names)
