"""Blur measured on a text crop, and taken out again."""
import cv2
import numpy as np
from PIL import Image, ImageDraw

from ocr import deblur
from ocr.synthetic import _font


def line(text="SIMANJUNTAK", size=22):
    """A name line as the card shows it: dark letters on paper, 16-pixel capitals."""
    img = Image.new("L", (18 * len(text) + 16, 30), 235)
    ImageDraw.Draw(img).text((8, 3), text, font=_font("DejaVuSans-Bold.ttf", size), fill=40)
    return np.array(img)


def blurred(gray, sigma):
    return cv2.GaussianBlur(gray, (0, 0), sigma) if sigma else gray


def test_the_measured_blur_grows_with_the_blur_applied():
    sharp = line()
    measured = [deblur.blur_sigma(blurred(sharp, s)) for s in (0, 1.0, 1.5, 2.0, 2.5)]
    assert measured == sorted(measured), measured
    # beyond the sharp line's own edge width, each step measures close to the blur applied
    for applied, got in zip((1.5, 2.0, 2.5), measured[2:]):
        assert abs(got - applied) < 0.5, (applied, got)


def test_a_sharp_crop_is_left_as_it_is():
    sharp = line()
    assert deblur.blur_sigma(sharp) < deblur.SHARP_SIGMA + deblur.MIN_SIGMA
    assert deblur.sharpened(sharp) is sharp


def test_a_blank_crop_measures_no_blur():
    assert deblur.blur_sigma(np.full((30, 200), 230, np.uint8)) == 0.0


def test_deconvolution_brings_a_blurred_line_back_towards_the_sharp_one():
    sharp = line()
    blur = blurred(sharp, 1.8)
    rng = np.random.default_rng(5)
    noisy = np.clip(blur + rng.normal(0, 2, blur.shape), 0, 255).astype(np.uint8)  # sensor noise
    restored = deblur.sharpened(noisy)
    assert restored.shape == noisy.shape and restored.dtype == np.uint8

    def error(img):
        return float(np.abs(img.astype(np.float32) - sharp).mean())

    assert error(restored) < 0.8 * error(noisy), (error(restored), error(noisy))
    assert deblur.blur_sigma(restored) < deblur.blur_sigma(noisy) - 0.2
