"""A classifier of single handwritten digits, trained on real handwriting (the MNIST sheet).

The training sheet ``ocr/data/mnist_digits.png`` holds 5,000 handwritten digits of
20 x 20 pixels, 500 of each digit in order: OpenCV's sample sheet
(samples/data/digits.png), taken from the MNIST database of handwritten digits
(LeCun, Cortes, Burges), licensed CC BY-SA 3.0; details in ocr/data/SOURCES.md.
The classifier is trained once per process, when the first digit is asked for
(well under a second), and kept in memory.

A digit's ink (light on dark, any size) is fitted into a 20 x 20 square, centred on
its centre of mass and straightened by its own slant, the same way for the training
digits and for a cell of a scanned form. Two opinions come from different features:
a support vector machine on histograms of gradient directions (HOG), whose certainty
is the share of the nearest training digits (by the same features) of that digit,
and a second support vector machine on the blurred pixels.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib.resources import files

import cv2
import numpy as np

SHEET = "mnist_digits.png"
SHEET_GRID = (50, 100)        # rows, columns of 20 x 20 digits on the sheet
PER_DIGIT = 500               # the sheet's digits run 0..9, this many of each
SIDE = 20                     # px: the square every digit is fitted into
FIT = 16                      # px: the longer side of a digit's ink inside the square
INK_LEVEL = 40                # of 255: what counts as ink when the ink's box is found
HOG_CELL, HOG_BINS = 5, 9     # px, directions: 16 cells x 9 bins
NEIGHBOURS = 9                # nearest training digits asked for the certainty
# Ink farther from its nearest training digits than all but this share of the training
# digits are from theirs does not look like a digit (a cross, a scribble, a letter).
FAMILIAR = 0.995
FAMILIAR_SAMPLE = 10          # every this many training digits measure that distance
PIXELS = 10                   # px: the blurred square the second opinion looks at
# Kernel settings of OpenCV's own digits sample (HOG); the pixel machine's are smooth.
HOG_SVM = {"C": 2.67, "gamma": 5.383}
PIXEL_SVM = {"C": 2.0, "gamma": 2.0}


@dataclass(frozen=True)
class DigitOpinion:
    """What the classifier makes of one digit's ink."""

    digit: str      # the HOG machine's digit
    share: float    # share of the nearest training digits that are this digit
    second: str     # the pixel machine's digit, an independent opinion
    familiar: bool  # as near to the training digits as nearly all of them are to each other


def classify(ink: np.ndarray) -> DigitOpinion | None:
    """The opinion on ``ink`` (a digit light on dark, float or uint8); None without ink."""
    square = normalise(ink)
    if square is None:
        return None
    model = _model()
    hog = hog_features(square[None])
    digit = int(model.svm.predict(hog)[1][0, 0])
    _, _, neighbours, distances = model.knn.findNearest(hog, NEIGHBOURS)
    second = int(model.pixel_svm.predict(pixel_features(square)[None])[1][0, 0])
    return DigitOpinion(str(digit), round(float(np.mean(neighbours[0] == digit)), 3),
                        str(second), float(distances.mean()) <= model.familiar_distance)


def normalise(ink: np.ndarray) -> np.ndarray | None:
    """``ink`` straightened by its own slant, then fitted into the SIDE x SIDE square and
    centred on its mass."""
    ink = _straighten(_cut(ink))
    if ink is None:
        return None
    ink = _cut(ink)
    h, w = ink.shape
    scale = FIT / max(h, w)
    nh, nw = max(1, round(h * scale)), max(1, round(w * scale))
    square = np.zeros((SIDE, SIDE), np.float32)
    y0, x0 = (SIDE - nh) // 2, (SIDE - nw) // 2
    square[y0:y0 + nh, x0:x0 + nw] = cv2.resize(ink, (nw, nh), interpolation=cv2.INTER_AREA)
    cx, cy, _ = _moments(square)
    shift = np.float32([[1, 0, SIDE / 2 - cx], [0, 1, SIDE / 2 - cy]])
    return cv2.warpAffine(square, shift, (SIDE, SIDE))


def _cut(ink: np.ndarray | None) -> np.ndarray | None:
    """``ink`` cut to the box of its pixels brighter than INK_LEVEL (None: no ink)."""
    if ink is None:
        return None
    ys, xs = np.nonzero(ink > INK_LEVEL)
    if ys.size == 0:
        return None
    return ink[ys.min():ys.max() + 1, xs.min():xs.max() + 1].astype(np.float32)


def _straighten(ink: np.ndarray | None) -> np.ndarray | None:
    """``ink`` sheared so that its strokes stand upright (its own slant, from moments)."""
    if ink is None:
        return None
    _, cy, slant = _moments(ink)
    h, w = ink.shape
    pad = int(np.ceil(abs(slant) * h)) + 2
    wide = cv2.copyMakeBorder(ink, 0, 0, pad, pad, cv2.BORDER_CONSTANT, value=0)
    shear = np.float32([[1, -slant, slant * cy], [0, 1, 0]])
    return cv2.warpAffine(wide, shear, (w + 2 * pad, h), flags=cv2.INTER_LINEAR)


def _moments(ink: np.ndarray) -> tuple[float, float, float]:
    """(centre x, centre y, slant: x change per row) of ``ink`` weighted by brightness.

    (``cv2.moments`` would take an ink two pixels wide for a list of points.)"""
    ink = ink.astype(np.float64)
    total = float(ink.sum())
    ys, xs = np.arange(ink.shape[0], dtype=np.float64), np.arange(ink.shape[1], dtype=np.float64)
    rows, by_row = ink.sum(axis=1), ink @ xs
    cx, cy = float(by_row.sum()) / total, float(rows @ ys) / total
    mu02 = float(rows @ ys ** 2) - total * cy * cy
    mu11 = float(by_row @ ys) - total * cx * cy
    return cx, cy, (mu11 / mu02 if mu02 > 1e-2 else 0.0)


def hog_features(squares: np.ndarray) -> np.ndarray:
    """Histograms of gradient directions, weighted by strength, per HOG_CELL square: one
    row of features per square of ``squares`` (N x SIDE x SIDE)."""
    p = np.pad(squares.astype(np.float32), ((0, 0), (1, 1), (1, 1)), mode="reflect")
    gx = (p[:, :-2, 2:] - p[:, :-2, :-2]) + 2 * (p[:, 1:-1, 2:] - p[:, 1:-1, :-2]) \
        + (p[:, 2:, 2:] - p[:, 2:, :-2])
    gy = (p[:, 2:, :-2] - p[:, :-2, :-2]) + 2 * (p[:, 2:, 1:-1] - p[:, :-2, 1:-1]) \
        + (p[:, 2:, 2:] - p[:, :-2, 2:])
    magnitude = np.hypot(gx, gy)
    angle = np.arctan2(gy, gx) % (2 * np.pi)
    bins = np.minimum((HOG_BINS * angle / (2 * np.pi)).astype(np.int64), HOG_BINS - 1)
    n, cells = len(squares), SIDE // HOG_CELL
    cell = (np.arange(SIDE) // HOG_CELL)
    index = (np.arange(n)[:, None, None] * cells * cells
             + cell[None, :, None] * cells + cell[None, None, :]) * HOG_BINS + bins
    h = np.bincount(index.ravel(), magnitude.ravel(), n * cells * cells * HOG_BINS)
    h = np.sqrt(h.reshape(n, -1) / (h.reshape(n, -1).sum(axis=1, keepdims=True) + 1e-7))
    return (h / (np.linalg.norm(h, axis=1, keepdims=True) + 1e-7)).astype(np.float32)


def pixel_features(square: np.ndarray) -> np.ndarray:
    """The square blurred and shrunk to PIXELS x PIXELS, of unit length."""
    small = cv2.resize(cv2.GaussianBlur(square, (3, 3), 0), (PIXELS, PIXELS),
                       interpolation=cv2.INTER_AREA).ravel().astype(np.float32)
    return small / (np.linalg.norm(small) + 1e-7)


@dataclass(frozen=True)
class _Model:
    svm: cv2.ml.SVM
    knn: cv2.ml.KNearest
    pixel_svm: cv2.ml.SVM
    familiar_distance: float   # mean distance to the nearest training digits, at most


_lock = threading.Lock()
_trained: _Model | None = None


def _model() -> _Model:
    global _trained
    with _lock:
        if _trained is None:
            _trained = _train()
        return _trained


def training_digits() -> tuple[np.ndarray, np.ndarray]:
    """(digits as N x 20 x 20 uint8 light on dark, their labels) from the shipped sheet."""
    data = files("ocr").joinpath("data", SHEET).read_bytes()
    sheet = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    rows, cols = SHEET_GRID
    digits = sheet.reshape(rows, SIDE, cols, SIDE).swapaxes(1, 2).reshape(-1, SIDE, SIDE)
    return digits, np.repeat(np.arange(10), PER_DIGIT)


def _svm(features: np.ndarray, labels: np.ndarray, settings: dict) -> cv2.ml.SVM:
    svm = cv2.ml.SVM_create()
    svm.setType(cv2.ml.SVM_C_SVC)
    svm.setKernel(cv2.ml.SVM_RBF)
    svm.setC(settings["C"])
    svm.setGamma(settings["gamma"])
    svm.train(features, cv2.ml.ROW_SAMPLE, labels.astype(np.int32))
    return svm


def _train() -> _Model:
    digits, labels = training_digits()
    squares = [normalise(d) for d in digits]
    hog = hog_features(np.array(squares))
    pixels = np.array([pixel_features(s) for s in squares])
    knn = cv2.ml.KNearest_create()
    knn.train(hog, cv2.ml.ROW_SAMPLE, labels.astype(np.float32))
    # a sample's own row is its nearest neighbour (distance 0): leave it out
    distances = knn.findNearest(hog[::FAMILIAR_SAMPLE], NEIGHBOURS + 1)[3][:, 1:]
    familiar = float(np.quantile(distances.mean(axis=1), FAMILIAR))
    return _Model(_svm(hog, labels, HOG_SVM), knn, _svm(pixels, labels, PIXEL_SVM), familiar)
