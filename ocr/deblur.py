"""Undo the blur of a text crop: estimate how blurred it is, then Wiener-deconvolve.

A phone photo out of focus, or a small card in a big photo, blurs 16-pixel letters until the
recogniser reads M as H and N as M. The blur is estimated from the crop itself: the steepest edges
of a step from paper to ink blurred by a Gaussian of width s rise at contrast / (s * sqrt(2 pi)) per
pixel, so s follows from the 99th percentile of the gradient over the ink-to-paper contrast. A
sharp crop on the canonical card still measures about `SHARP_SIGMA` (anti-aliasing, resampling):
only the blur beyond that is taken out, and none when it is under `MIN_SIGMA`.

Deconvolution is Wiener filtering with a Gaussian point-spread function; `NOISE` (the noise-to-
signal ratio it assumes) keeps JPEG blocks and grain from being amplified into strokes.
Tuned on the name crops of dev seeds 44 and 45 (docs/benchmarks.md, "KTP reading").
"""
from __future__ import annotations

import math

import cv2
import numpy as np

SHARP_SIGMA = 0.85
MIN_SIGMA = 0.5
NOISE = 0.05


def blur_sigma(gray: np.ndarray) -> float:
    """Estimated Gaussian blur of a grayscale text crop, in pixels."""
    g = gray.astype(np.float32)
    gx = cv2.Sobel(g, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(g, cv2.CV_32F, 0, 1, ksize=3) / 8
    contrast = float(np.percentile(g, 97) - np.percentile(g, 3))
    steepest = float(np.percentile(np.hypot(gx, gy), 99))
    if contrast < 1 or steepest <= 0:
        return 0.0
    return contrast / (steepest * math.sqrt(2 * math.pi))


def wiener(gray: np.ndarray, sigma: float, noise: float = NOISE) -> np.ndarray:
    """`gray` deconvolved by a Gaussian of width `sigma` (uint8 in, uint8 out, same size)."""
    pad = int(3 * sigma) + 4  # replicated border: no dark wrap-around at the crop's edges
    g = cv2.copyMakeBorder(gray.astype(np.float32) / 255.0, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
    fy = np.fft.fftfreq(g.shape[0])[:, None]
    fx = np.fft.fftfreq(g.shape[1])[None, :]
    h = np.exp(-2 * (math.pi * sigma) ** 2 * (fx ** 2 + fy ** 2))  # the Gaussian's transfer function
    gain = h * (1 + noise) / (h * h + noise)  # scaled so that flat paper keeps its brightness
    out = np.real(np.fft.ifft2(np.fft.fft2(g) * gain))[pad:-pad, pad:-pad]
    return (np.clip(out, 0, 1) * 255).astype(np.uint8)


def sharpened(gray: np.ndarray) -> np.ndarray:
    """The crop with its blur beyond a sharp card's taken out; the crop itself if it is sharp."""
    extra = math.sqrt(max(0.0, blur_sigma(gray) ** 2 - SHARP_SIGMA ** 2))
    return wiener(gray, extra) if extra >= MIN_SIGMA else gray
