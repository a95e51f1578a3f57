"""Where the text is in a photo: a text detector, not assumptions about how a card is drawn.

The detector is PaddleOCR's PP-OCRv4 DB text detector and its 0/180-degree line classifier, as
ONNX models shipped inside the `rapidocr-onnxruntime` package (run by onnxruntime, offline). It
finds text lines of any font, size and colour and gives each one a rotated quadrilateral, so tilt
and perspective come from the text itself. easyocr's own detector (CRAFT) was measured at 1.8 s on
a 640 px photo on one core here; DB takes ~0.2 s on a 960 px photo.

The same package's PP-OCRv4 line recogniser (`Detector.read`) gives the first reading of every
line: on blurred, small or low-contrast lines it reads far more letters and digits right than
easyocr (docs/benchmarks.md), but it drops most spaces between words; `ocr.merge` takes the spaces
from easyocr's reading of the same line. onnxruntime is imported lazily.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

DETECT_SIDE = 960  # long side the whole photo is searched at
TEXT_HEIGHT = 26  # px a text line should have for the detector; a small card is searched again at this
MAX_DETECT_SIDE = 1600
MAX_ZOOM = 3.0  # the closer search may enlarge the photo at most this much (a 640 px photo of a small card)
REC_HEIGHT = 48  # PP-OCRv4's recogniser input height
REC_MIN_WIDTH = 320  # and the width short lines are padded to
INK_SHARE, INK_MIN = 0.3, 12  # a pixel is ink when this share of the line's contrast (and grey levels) below its paper
WORD_GAP = 0.14  # an ink-free run between two letters at least this share of the line's height is a space


@dataclass
class Box:
    """One text line: its corners in the photo (top-left, top-right, bottom-right, bottom-left,
    in reading order) and what it measures."""

    quad: np.ndarray  # 4x2 float32

    @property
    def centre(self) -> np.ndarray:
        return self.quad.mean(axis=0)

    @property
    def direction(self) -> np.ndarray:
        v = (self.quad[1] - self.quad[0]) + (self.quad[2] - self.quad[3])
        return v / max(1e-6, float(np.linalg.norm(v)))

    @property
    def length(self) -> float:
        return float(np.linalg.norm(self.quad[1] - self.quad[0]) + np.linalg.norm(self.quad[2] - self.quad[3])) / 2

    @property
    def height(self) -> float:
        return float(np.linalg.norm(self.quad[3] - self.quad[0]) + np.linalg.norm(self.quad[2] - self.quad[1])) / 2


def _package_model(name: str) -> str:
    import rapidocr_onnxruntime

    path = Path(rapidocr_onnxruntime.__file__).parent / "models" / name
    if not path.exists():
        raise FileNotFoundError(f"text detector model missing: {path} (install rapidocr-onnxruntime)")
    return str(path)


class Detector:
    """Text line detector and line-orientation classifier, loaded once per process."""

    def __init__(self, threads: int = 1):
        from rapidocr_onnxruntime.ch_ppocr_cls import TextClassifier
        from rapidocr_onnxruntime.ch_ppocr_det import TextDetector

        common = {"intra_op_num_threads": threads, "inter_op_num_threads": 1, "use_cuda": False, "use_dml": False}
        self._det = TextDetector({**common, "model_path": _package_model("ch_PP-OCRv4_det_infer.onnx"),
                                  "limit_side_len": MAX_DETECT_SIDE, "limit_type": "max",
                                  "std": [0.5, 0.5, 0.5], "mean": [0.5, 0.5, 0.5], "thresh": 0.3,
                                  "box_thresh": 0.5, "max_candidates": 1000, "unclip_ratio": 1.6,
                                  "use_dilation": True, "score_mode": "fast"})
        self._cls = TextClassifier({**common, "model_path": _package_model("ch_ppocr_mobile_v2.0_cls_infer.onnx"),
                                    "cls_image_shape": [3, 48, 192], "cls_batch_num": 8, "cls_thresh": 0.9,
                                    "label_list": ["0", "180"]})

        self._rec: Any = None  # rapidocr's TextRecognizer, loaded on first use
        self._common = common

    def read(self, crops: list[np.ndarray]) -> list[tuple[str, float]]:
        """(text, mean character probability) of each line crop (colour or grey, any height)."""
        if not crops:
            return []
        if self._rec is None:
            from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer

            self._rec = TextRecognizer({**self._common, "model_path": _package_model("ch_PP-OCRv4_rec_infer.onnx"),
                                        "rec_img_shape": [3, REC_HEIGHT, 320], "rec_batch_num": 6})
            self._alphabet = self._rec.postprocess_op.character
        return [self._read_one(c if c.ndim == 3 else cv2.cvtColor(c, cv2.COLOR_GRAY2BGR)) for c in crops]

    def _read_one(self, bgr: np.ndarray) -> tuple[str, float]:
        """Greedy CTC decoding that keeps where each character was seen, so that a space the model
        did not output can be put back where the line's own ink has a word gap (`ink_spaces`)."""
        h, w = bgr.shape[:2]
        width = max(8, int(np.ceil(REC_HEIGHT * w / h)))
        x = np.zeros((3, REC_HEIGHT, max(width, REC_MIN_WIDTH)), np.float32)  # padded as the model was trained
        x[:, :, :width] = cv2.resize(bgr, (width, REC_HEIGHT)).astype(np.float32).transpose(2, 0, 1) / 127.5 - 1.0
        probs = self._rec.session(x[None])[0][0][: int(np.ceil(len(x[0][0]) * width / x.shape[2] / 8)) or None]
        best = probs.argmax(axis=1)
        chars, where, scores = [], [], []
        prev = 0
        for t, k in enumerate(best):
            if k != 0 and k != prev:
                chars.append(self._alphabet[k])
                where.append((t + 0.5) * w / len(best))
                scores.append(float(probs[t, k]))
            prev = k
        if not chars:
            return "", 0.0
        # the model's alphabet is Chinese + Latin: full-width colons and digits become ASCII
        text = ink_spaces(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY), chars, where)
        return unicodedata.normalize("NFKC", text), float(np.mean(scores))

    def boxes(self, bgr: np.ndarray) -> list[Box]:
        """Text lines of an image, as it is (no rotation), in its own pixel coordinates."""
        h, w = bgr.shape[:2]
        size = (max(32, int(round(w / 32)) * 32), max(32, int(round(h / 32)) * 32))  # the network's stride
        x = cv2.resize(bgr, size) if size != (w, h) else bgr
        # (x / 255 - 0.5) / 0.5 in float32 (rapidocr's own preprocessing does it in float64, slower)
        x = (x.astype(np.float32) * np.float32(2 / 255) - np.float32(1.0)).transpose(2, 0, 1)[None]
        quads, _ = self._det.postprocess_op(self._det.infer(x)[0], (h, w))
        quads = self._det.filter_tag_det_res(quads, (h, w)) if quads is not None and len(quads) else quads
        if quads is None or len(quads) == 0:
            return []
        return [Box(reading_order(np.asarray(q, np.float32))) for q in quads]

    def upside_down(self, crops: list[np.ndarray]) -> float:
        """Share of the crops the classifier takes for text turned 180 degrees (weighted by its score)."""
        if not crops:
            return 0.0
        _, res, _ = self._cls([c if c.ndim == 3 else cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in crops])
        votes = [(score if label == "180" else -score) for label, score in res]
        return float(np.mean([v > 0 for v in votes]))


def overlap(a: Box, b: Box) -> float:
    """Share of the smaller box's bounding rectangle covered by the other's."""
    (ax0, ay0), (ax1, ay1) = a.quad.min(axis=0), a.quad.max(axis=0)
    (bx0, by0), (bx1, by1) = b.quad.min(axis=0), b.quad.max(axis=0)
    iw, ih = min(ax1, bx1) - max(ax0, bx0), min(ay1, by1) - max(ay0, by0)
    if iw <= 0 or ih <= 0:
        return 0.0
    return float(iw * ih / max(1e-6, min((ax1 - ax0) * (ay1 - ay0), (bx1 - bx0) * (by1 - by0))))


def turned_180(boxes: list[Box], shape: tuple[int, ...]) -> list[Box]:
    h, w = shape[:2]
    out = []
    for b in boxes:
        q = np.array([w - 1, h - 1], np.float32) - b.quad
        out.append(Box(np.roll(q, 2, axis=0)))
    return out


def turned_90(boxes: list[Box], shape: tuple[int, ...]) -> list[Box]:
    """Boxes of a photo turned 90 degrees clockwise into a photo of `shape` (the turned one)."""
    w = shape[1]
    return [Box(reading_order(np.stack([w - 1 - b.quad[:, 1], b.quad[:, 0]], axis=1).astype(np.float32)))
            for b in boxes]


def reading_order(quad: np.ndarray) -> np.ndarray:
    """Corners ordered so that quad[0]->quad[1] runs along the text's long side, left to right as the
    photo lies (a box's own orientation can still be 180 degrees off: the caller decides that)."""
    c = quad.mean(axis=0)
    ang = np.arctan2(quad[:, 1] - c[1], quad[:, 0] - c[0])
    quad = quad[np.argsort(ang)]  # clockwise in image coordinates, starting anywhere
    sides = [np.linalg.norm(quad[(i + 1) % 4] - quad[i]) for i in range(4)]
    start = 0 if sides[0] + sides[2] >= sides[1] + sides[3] else 1  # start on a long side
    quad = np.roll(quad, -start, axis=0)
    if quad[1, 0] + quad[2, 0] < quad[0, 0] + quad[3, 0]:  # the long side runs right to left: flip
        quad = np.roll(quad, 2, axis=0)
    return quad


def crop(image: np.ndarray, box: Box, height: int | None = None, pad: float = 0.25,
         pad_end: float | None = None) -> np.ndarray:
    """The box cut out and straightened (perspective), a little padding along the text (`pad_end`
    line heights after its end instead of `pad`: a box that cut off a thin last letter)."""
    q = box.quad.astype(np.float32)
    d = box.direction
    grow = pad * box.height
    grow_end = grow if pad_end is None else pad_end * box.height
    q = q + np.array([-d * grow, d * grow_end, d * grow_end, -d * grow], np.float32)
    w = max(4, int(round(box.length + grow + grow_end)))
    h = max(4, int(round(box.height)))
    if height is not None:
        w, h = max(4, int(round(w * height / h))), height
    dst = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(q, dst)
    return cv2.warpPerspective(image, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def ink_spaces(gray: np.ndarray, chars: list[str], where: list[float]) -> str:
    """The characters joined, with a space between two of them wherever the line's ink (dark
    pixels of the letters' body) has a run of empty columns of at least WORD_GAP line heights."""
    h = gray.shape[0]
    # ink: pixels clearly darker than the paper around them (the paper is the brightest pixel within
    # a line height, so a tint gradient or glare does not count as ink, nor blur's grey as paper)
    paper = cv2.dilate(gray, np.ones((h, h), np.uint8))
    dark = paper.astype(np.int16) - gray
    ink = (dark > max(INK_MIN, INK_SHARE * float(np.percentile(dark, 99)))).astype(np.uint8)
    # the letters' body: rows with a fair share of the ink. A fixed band would cut off the bars of
    # L and T at the baseline and cap line, and the gap beside them would look like a word gap.
    rows = ink.sum(axis=1)
    body = np.flatnonzero(rows >= 0.25 * rows.max()) if rows.max() else np.array([0, h - 1])
    empty = ink[body[0]:body[-1] + 1].sum(axis=0) == 0
    out = chars[0]
    for i in range(1, len(chars)):
        a, b = int(where[i - 1]), int(where[i])
        run = longest = 0
        for col in empty[a:b]:
            run = run + 1 if col else 0
            longest = max(longest, run)
        joined = (chars[i - 1] + chars[i]).isdigit() or chars[i - 1] in "-/" or chars[i] in "-/.,:"
        if longest >= WORD_GAP * h and not joined and chars[i] != " " and not out.endswith(" "):
            out += " "
        out += chars[i]
    return out
