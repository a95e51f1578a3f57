"""Where the text is in a photo: a text detector, not assumptions about how a card is drawn.

The detector is PaddleOCR's PP-OCRv4 DB text detector and its 0/180-degree line classifier, as
ONNX models shipped inside the `rapidocr-onnxruntime` package (run by onnxruntime, offline). It
finds text lines of any font, size and colour and gives each one a rotated quadrilateral, so tilt
and perspective come from the text itself. easyocr's own detector (CRAFT) was measured at 1.8 s on
a 640 px photo on one core here; DB takes ~0.2 s on a 960 px photo.

Reading the text in the boxes stays with easyocr's recogniser (`ocr.engine`).
onnxruntime is imported lazily.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

DETECT_SIDE = 960  # long side the whole photo is searched at
TEXT_HEIGHT = 26  # px a text line should have for the detector; a small card is searched again at this
MAX_DETECT_SIDE = 1600
MAX_ZOOM = 2.0  # the closer search may enlarge the photo at most this much


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

    def boxes(self, bgr: np.ndarray) -> list[Box]:
        """Text lines of an image, as it is (no rotation), in its own pixel coordinates."""
        quads, _ = self._det(bgr)
        if quads is None or len(quads) == 0:
            return []
        return [Box(_reading_order(np.asarray(q, np.float32))) for q in quads]

    def upside_down(self, crops: list[np.ndarray]) -> float:
        """Share of the crops the classifier takes for text turned 180 degrees (weighted by its score)."""
        if not crops:
            return 0.0
        _, res, _ = self._cls([c if c.ndim == 3 else cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in crops])
        votes = [(score if label == "180" else -score) for label, score in res]
        return float(np.mean([v > 0 for v in votes]))


def _reading_order(quad: np.ndarray) -> np.ndarray:
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


def crop(image: np.ndarray, box: Box, height: int | None = None, pad: float = 0.25) -> np.ndarray:
    """The box cut out and straightened (perspective), a little padding along the text."""
    q = box.quad.astype(np.float32)
    d = box.direction
    grow = pad * box.height
    q = q + np.array([-d, d, d, -d], np.float32) * grow
    w = max(4, int(round(box.length + 2 * grow)))
    h = max(4, int(round(box.height)))
    if height is not None:
        w, h = max(4, int(round(w * height / h))), height
    dst = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], np.float32)
    m = cv2.getPerspectiveTransform(q, dst)
    return cv2.warpPerspective(image, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
