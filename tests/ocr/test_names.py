"""The careful name reading: CTC scoring over several views, the name list as a small prior."""
import math

import numpy as np
import pytest

from ocr import lexicon, names

ALPHA = names.NAME_CHARS  # class i+1 is ALPHA[i], class 0 the CTC blank


N_CLASSES = len(ALPHA) + 1


def frames(spec, n_classes=N_CLASSES):
    """Per-frame probabilities: each item is a letter (a sure spike), a dict {letter: p} (an
    unclear letter), each followed by a blank frame."""
    rows = []
    for item in spec:
        row = np.full(n_classes, 1e-4)
        for ch, p in (item.items() if isinstance(item, dict) else [(item, 0.97)]):
            row[ALPHA.index(ch) + 1] = p
        rows.append(row / row.sum())
        blank = np.full(n_classes, 1e-4)
        blank[0] = 0.99
        rows.append(blank / blank.sum())
    return np.array(rows)


def test_ctc_likelihood_matches_torch():
    torch = pytest.importorskip("torch")
    rng = np.random.default_rng(3)
    for labels in ([3, 3, 5], [1, 2, 3, 4], [7], [2, 2]):
        p = rng.dirichlet(np.ones(9) * 0.5, size=20)
        ref = -torch.nn.functional.ctc_loss(torch.log(torch.tensor(p)).unsqueeze(1), torch.tensor([labels]),
                                            torch.tensor([20]), torch.tensor([len(labels)]), reduction="sum")
        assert lexicon.ctc_log_likelihood(p, labels) == pytest.approx(float(ref), abs=1e-6)


def test_ctc_likelihood_prefers_what_the_frames_show():
    p = frames("SITI")
    ll = {t: lexicon.ctc_log_likelihood(p, lexicon.encode(t, ALPHA)) for t in ("SITI", "SITT", "SIT")}
    assert ll["SITI"] > ll["SITT"] and ll["SITI"] > ll["SIT"]
    assert math.exp(ll["SITI"]) > 0.5


def test_candidates_are_close_spellings_from_the_list():
    lst = frozenset({"SITI", "JOKO", "SANTOSO", "SUSANTO", "NUR"})
    assert "SITI" in lexicon.candidates("SITT", lst)
    assert "SANTOSO" in lexicon.candidates("SANT0SO".replace("0", "Q"), lst)
    assert lexicon.candidates("BAMBANG", lst) == []


def test_the_list_settles_a_letter_the_image_left_unclear():
    # I or J? the image leans (slightly) to I; the list knows JOKO
    p = frames([{"I": 0.5, "J": 0.45}, "O", "K", "O"])
    assert names.best_reading([p], ALPHA, frozenset())[0] == "IOKO"
    assert names.best_reading([p], ALPHA, frozenset({"JOKO"}))[0] == "JOKO"


def test_a_clearly_read_uncommon_name_is_not_turned_into_a_common_one():
    p = frames("JOKA")
    text, conf = names.best_reading([p], ALPHA, frozenset({"JOKO"}))
    assert text == "JOKA"
    assert conf > 0.5


def test_views_of_different_lengths_are_combined_by_their_likelihoods():
    # view 1 is unsure between H and M, view 2 (another height: other frame count) sees M clearly
    v1 = frames(["N", "Y", "O", {"H": 0.55, "M": 0.4}, "A", "N"])
    v2 = np.repeat(frames("NYOMAN"), 2, axis=0)
    assert names.best_reading([v1], ALPHA, frozenset())[0] == "NYOHAN"
    assert names.best_reading([v1, v2], ALPHA, frozenset())[0] == "NYOMAN"


def test_a_near_tie_between_two_readings_lowers_the_confidence():
    sure = names.best_reading([frames("MUR"), frames("MUR")], ALPHA, frozenset())[1]
    torn = names.best_reading([frames([{"M": 0.5, "N": 0.48}, "U", "R"]), frames([{"M": 0.48, "N": 0.5}, "U", "R"])],
                              ALPHA, frozenset())[1]
    assert torn < 0.5 * sure


def test_nothing_read_gives_an_empty_unsure_answer():
    blank = np.zeros((10, len(ALPHA) + 1))
    blank[:, 0] = 1.0
    assert names.best_reading([blank], ALPHA, frozenset({"SITI"})) == ("", 0.0)


def test_the_shipped_name_list_is_clean():
    words = lexicon.load_names()
    assert len(words) >= 500
    assert all(w.replace("'", "").isalpha() and w.isupper() for w in words)  # MA'RUF
    lines = [ln.strip() for ln in lexicon.NAMES_FILE.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(lines) == len(set(lines)), "duplicate words in names.txt"


def test_a_clinic_can_use_its_own_name_list(tmp_path, monkeypatch):
    own = tmp_path / "names.txt"
    own.write_text("# ours\nsiti\nJOKO\n")
    monkeypatch.setenv("PUSQUE_OCR_NAMES", str(own))
    assert lexicon.load_names() == frozenset({"SITI", "JOKO"})


# hard-mode cards of the dev seeds (never the benchmark's seed 7) whose name the first reading got
# wrong or left null: blur 1.4, JPEG 50 (KETUT PURNOMO, neither word in the name list); J/I and
# M/N swaps; an M read as H. The text-detector pipeline (ocr.pipeline) reads these right.
HARD_CARDS = [11 * 1_000_003 + 78, 13 * 1_000_003 + 25, 45 * 1_000_003 + 95]
# blur 1.0-1.4 cards that the earlier pipeline read right only after its deconvolution was tuned on
# them (RIMA, LESTARI HASANAH, AHMAD FIRMANSYAH): the detector pipeline cuts the name line out
# differently and is not sure of them, so they must be left empty for the patient, never guessed.
UNSURE_CARDS = [45 * 1_000_003 + 113, 44 * 1_000_003 + 246, 45 * 1_000_003 + 248]
# IWAN HARAHAP PRATAMA, blur 1.4 under glare: easyocr's deconvolved crop reads PRATAHA nearly as well
# as PRATAMA (0.5 nats apart with the list's prior); PP-OCR's reading settles it, else it is left null
NEAR_TIE_CARD = 13 * 1_000_003 + 10


@pytest.mark.slow
@pytest.mark.parametrize("seed", HARD_CARDS)
def test_names_on_blurred_low_quality_photos_are_read(reader, seed):
    from ocr.engine import read_bytes
    from ocr.synthetic import make_card

    jpeg, truth = make_card(seed)
    out = read_bytes(reader, jpeg, f"{seed}.jpg")
    assert out["fields"]["nama"] == truth["fields"]["nama"], (out["fields"]["nama"], out["confidence"]["nama"])
    assert out["confidence"]["nama"] >= 0.35


@pytest.mark.slow
@pytest.mark.parametrize("seed", UNSURE_CARDS)
def test_a_badly_blurred_name_is_right_or_left_empty_never_wrong(reader, seed):
    from ocr.engine import read_bytes
    from ocr.synthetic import make_card

    jpeg, truth = make_card(seed)
    out = read_bytes(reader, jpeg, f"{seed}.jpg")
    assert out["fields"]["nama"] in (None, truth["fields"]["nama"]), out["fields"]["nama"]


@pytest.mark.slow
def test_a_near_tie_on_a_blurred_name_is_settled_right_or_left_null_not_guessed(reader):
    from ocr.engine import read_bytes
    from ocr.synthetic import make_card

    jpeg, truth = make_card(NEAR_TIE_CARD)
    out = read_bytes(reader, jpeg, "near_tie.jpg")
    assert out["fields"]["nama"] in (None, truth["fields"]["nama"]), out["fields"]["nama"]
    assert out["fields"]["nik"] == truth["fields"]["nik"]  # the rest of the card is still read


def test_a_listed_apostrophe_name_read_without_its_apostrophe_is_written_as_listed():
    listed = frozenset({"MU'MIN", "NUR'AINI", "NURAINI", "SITI"})
    assert names.with_apostrophes("MUMIN SITI", listed) == "MU'MIN SITI"
    # a spelling without the apostrophe that is itself listed stays; an unlisted word stays
    assert names.with_apostrophes("NURAINI MUARIF", listed) == "NURAINI MUARIF"

