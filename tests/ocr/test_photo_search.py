"""How a photo is prepared and searched before its lines are read (ocr.pipeline): small photos
enlarged, dim ones evened out, lines of a card turned 90 degrees turned with it, a name's crop
kept wide at its end. Fast: no models are loaded."""
import numpy as np

from ocr import pipeline
from ocr.detect import Box, crop, turned_90
from ocr.names import marks_as_printed
from ocr.preprocess import evened


def test_a_small_photo_is_enlarged_for_the_detector_and_a_large_one_reduced():
    small, s = pipeline._scaled(np.zeros((480, 640, 3), np.uint8), 960)
    assert s == 1.5 and small.shape[:2] == (720, 960)
    large, s = pipeline._scaled(np.zeros((3000, 4000, 3), np.uint8), 960)
    assert s == 0.24 and large.shape[:2] == (720, 960)


def test_a_dim_photo_is_stretched_to_the_full_range():
    rng = np.random.default_rng(1)
    dim = rng.integers(20, 110, (300, 400, 3)).astype(np.uint8)  # grey ink on grey paper, no white
    out = evened(dim)
    assert np.percentile(out, 99.5) >= 230 and np.percentile(out, 0.5) <= 5
    assert (np.diff(np.sort(dim.ravel()).astype(int)) >= 0).all()  # order of grey levels kept
    assert np.corrcoef(dim.ravel().astype(float), out.ravel().astype(float))[0, 1] > 0.99


def test_a_well_exposed_photo_is_left_as_it_is():
    rng = np.random.default_rng(2)
    fine = rng.integers(0, 256, (300, 400, 3)).astype(np.uint8)
    assert evened(fine) is fine


def test_boxes_turn_with_the_photo():
    import cv2

    img = np.zeros((100, 200, 3), np.uint8)
    img[10:20, 30:120] = 255  # a horizontal line of "text"
    box = Box(np.array([[30, 10], [119, 10], [119, 19], [30, 19]], np.float32))
    turned = cv2.rotate(img, cv2.ROTATE_90_CLOCKWISE)
    (moved,) = turned_90([box], turned.shape)
    ys, xs = np.nonzero(turned[..., 0])
    lo, hi = moved.quad.min(axis=0), moved.quad.max(axis=0)
    assert (lo[0], lo[1], hi[0], hi[1]) == (xs.min(), ys.min(), xs.max(), ys.max())
    assert abs(moved.direction[1]) > 0.99  # the line now runs down the photo


def test_a_crop_may_keep_more_after_the_text_than_before_it():
    img = np.full((60, 300, 3), 255, np.uint8)
    box = Box(np.array([[50, 20], [200, 20], [200, 40], [50, 40]], np.float32))
    plain, wide = crop(img, box), crop(img, box, pad_end=0.4)
    assert plain.shape[0] == wide.shape[0] == 20
    assert wide.shape[1] - plain.shape[1] == round(0.4 * 20 - 0.25 * 20)


def test_a_title_read_without_its_space_gets_it_back():
    assert marks_as_printed("H.WAHYU KUSUMA ARIF") == "H. WAHYU KUSUMA ARIF"
    assert marks_as_printed("HJ. SITI") == "HJ. SITI"
    assert marks_as_printed("ANDI") == "ANDI"


def test_titles_and_degrees_get_the_cards_own_dots_and_commas():
    assert marks_as_printed("H, RIZKY RAHAYU") == "H. RIZKY RAHAYU"  # a comma read for the title's dot
    assert marks_as_printed("HI. ROHMAH") == "HJ. ROHMAH"
    assert marks_as_printed("SLAMET, S. KEP") == "SLAMET, S.KEP"  # a degree prints no space after its dot
    assert marks_as_printed("KOMANG SIREGAR. S. SOS") == "KOMANG SIREGAR, S.SOS"  # its comma read as a dot
    assert marks_as_printed("DRS.H.AHMAD, M. PD") == "DRS. H. AHMAD, M.PD"
    assert marks_as_printed("MUHAMMAD S. HADI") == "MUHAMMAD S. HADI"  # an initial, not a degree
    assert marks_as_printed("SITI, H") == "SITI, H"
    assert marks_as_printed("HJ QOMARIYAH") == "HJ. QOMARIYAH"  # the dot too small to be read
    assert marks_as_printed("MOH RIZKY") == "MOH RIZKY"  # printed with or without its dot
