"""Photo bytes to an image, safely: size and pixel limits, truncated or non-image files; a dim or
washed-out photo evened out (`evened`).

(The card itself is not searched for by colour or shape: `ocr.pipeline` reads the text wherever
the detector finds it.)
"""
from __future__ import annotations

import io

import cv2
import numpy as np

MAX_PIXELS = 40_000_000
BRIGHT_ENOUGH, DARK_ENOUGH = 180, 60  # grey levels a photo's brightest / darkest 0.5% reach unless dim or washed out


class ImageError(ValueError):
    """The file is not a usable image (message is safe to show)."""


def decode(data: bytes, max_bytes: int) -> np.ndarray:
    """BGR image from bytes; raises ImageError for oversized, non-image or truncated data."""
    if len(data) > max_bytes:
        raise ImageError(f"file too large: {len(data)} bytes, limit {max_bytes}")
    if not data:
        raise ImageError("empty file")
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.width * im.height > MAX_PIXELS:
                raise ImageError(f"image too large: {im.width}x{im.height} pixels")
            im.load()  # raises on truncated data (PIL does not accept truncated images by default)
            from PIL import ImageOps

            upright = ImageOps.exif_transpose(im)
            rgb = np.asarray(upright.convert("RGB"))
    except ImageError:
        raise
    except Image.DecompressionBombError:
        raise ImageError(f"image too large: more than {MAX_PIXELS} pixels") from None
    except UnidentifiedImageError:
        raise ImageError("not an image (or an image format that cannot be read)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageError(f"damaged or truncated image: {exc}") from None
    if min(rgb.shape[:2]) < 200:
        raise ImageError(f"image too small: {rgb.shape[1]}x{rgb.shape[0]} pixels")
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)


def evened(bgr: np.ndarray) -> np.ndarray:
    """A dim or washed-out photo stretched to the full range (its darkest and brightest 0.5% clipped):
    the detector and recognisers see a dim card's grey ink on grey paper as no text."""
    g = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    lo, hi = (float(v) for v in np.percentile(g[::4, ::4], [0.5, 99.5]))
    if hi >= BRIGHT_ENOUGH and lo <= DARK_ENOUGH or hi - lo < 16:
        return bgr
    lut = np.clip((np.arange(256, dtype=np.float32) - lo) * (245.0 / (hi - lo)), 0, 255).astype(np.uint8)
    return cv2.LUT(bgr, lut)
