"""Finding the card's corners and the colon column when the image misleads (no OCR, fast)."""
import cv2
import numpy as np

from ocr import layout, preprocess

CARD = np.array([[100, 120], [500, 100], [520, 350], [110, 360]], np.float32)  # a tilted card


def region_with(extra) -> np.ndarray:
    mask = np.zeros((480, 640), np.uint8)
    cv2.fillPoly(mask, [CARD.astype(np.int32)], 255)
    extra(mask)
    return mask


def corners_error(quad: np.ndarray) -> float:
    return float(np.abs(preprocess._order(quad) - preprocess._order(CARD)).max())


def candidates(mask):
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    return preprocess._quads(max(contours, key=cv2.contourArea), mask.shape)


def test_a_bump_on_one_side_does_not_move_the_corners():
    # glare spilling onto the table beside the card's right edge
    quads = candidates(region_with(lambda m: cv2.rectangle(m, (505, 200), (560, 230), 255, -1)))
    assert min(corners_error(q) for q in quads) <= 4


def test_a_plain_card_gives_one_candidate():
    quads = candidates(region_with(lambda m: None))
    assert len(quads) == 1 and corners_error(quads[0]) <= 4


def test_the_straighter_warp_is_kept():
    photo = np.full((480, 640, 3), 200, np.uint8)
    card = np.full((preprocess.CARD_H // 2, preprocess.CARD_W // 2, 3), 235, np.uint8)
    for y in range(40, card.shape[0] - 20, 20):
        cv2.putText(card, "NAMA : SITI AMINAH", (20, y), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (20, 20, 20), 1)
    src = np.array([[0, 0], [card.shape[1], 0], [card.shape[1], card.shape[0]], [0, card.shape[0]]], np.float32)
    m = cv2.getPerspectiveTransform(src, CARD)
    cv2.warpPerspective(card, m, (640, 480), dst=photo, borderMode=cv2.BORDER_TRANSPARENT)
    skewed = CARD.copy()
    skewed[2] += [30, 60]  # one corner dragged off by a bump
    assert preprocess._straightness(photo, CARD) > preprocess._straightness(photo, skewed)


def test_a_column_inside_the_letters_is_not_the_colon():
    ink = np.zeros((200, 400), np.uint8)
    bands = [(10 + 30 * k, 30 + 30 * k) for k in range(6)]
    for a, b in bands:
        ink[a + 5:a + 8, 100:103] = ink[a + 13:a + 16, 100:103] = 255  # the colon's dots
        ink[a + 2:b - 2, 112:160] = 255  # the value, a space after the colon
    assert layout._gap_after(ink, bands, 100)
    assert not layout._gap_after(ink, bands, 120)
