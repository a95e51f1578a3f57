"""easyocr's recogniser on given boxes of one image (no detector of its own: `ocr.detect` finds them).

torch/easyocr come in through the `reader` passed in (`ocr.engine.load_reader`).
"""
from __future__ import annotations

from ocr.fields import Text


def _buckets(boxes: list[list[int]]) -> list[list[int]]:
    """Group box indices of similar aspect ratio: easyocr pads every crop of a call to the widest."""
    ratio = [max(1.0, (b[1] - b[0]) / max(1, b[3] - b[2])) for b in boxes]
    order = sorted(range(len(boxes)), key=lambda i: ratio[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and ratio[i] <= 1.6 * ratio[groups[-1][0]] + 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def recognize(reader, gray, boxes: list[list[int]], allowlist: str | None = None) -> list[Text]:
    """Text of each box [x_min, x_max, y_min, y_max] (same order as `boxes`)."""
    out = [Text("", 0.0) for _ in boxes]
    h, w = gray.shape[:2]
    boxes = [[max(0, b[0]), min(w, b[1]), max(0, b[2]), min(h, b[3])] for b in boxes]
    for group in _buckets(boxes):
        sub = [boxes[i] for i in group]
        res = reader.recognize(gray, horizontal_list=sub, free_list=[], allowlist=allowlist,
                               batch_size=8, detail=1, paragraph=False)
        where = {(int(b[0]), int(b[2])): i for i, b in zip(group, sub)}
        for pts, text, conf in res:
            key = (int(pts[0][0]), int(pts[0][1]))
            if key in where:
                out[where[key]] = Text(text, float(conf))
    return out
