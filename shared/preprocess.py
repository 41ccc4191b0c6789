"""Turn a drawing into an MNIST-style digit, the way the MNIST images themselves were made.

MNIST's authors took each scanned digit, scaled its bounding box to fit a 20×20
square (keeping the aspect ratio, with anti-aliasing, which creates grey levels),
and placed it in a 28×28 image so that its centre of mass sits at the centre. A
network trained on MNIST has only ever seen digits prepared that way, so a
drawing must go through the same steps before the network can read it well:

* ``render_strokes`` draws a list of strokes (as the drawing pad records them)
  into a grey canvas image: ink is 255, background 0;
* ``to_mnist`` prepares a grey image like an MNIST digit (``None`` if it is blank);
* ``preprocess_steps`` returns the intermediate results, for figures that explain it;
* ``shrink`` is the naive alternative: scale the whole canvas down to 28×28;
* ``load_drawings`` returns the hand-drawn examples bundled in ``shared/strokes/``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

CANVAS_SIZE = 280  # the drawing pad's canvas, in its own pixels (ten per MNIST pixel)
STROKE_WIDTH = 18  # pen width on that canvas: about two MNIST pixels once the digit is scaled
MNIST_SIZE = 28
BOX_SIZE = 20  # MNIST digits fit a 20×20 box inside the 28×28 image
INK_LEVEL = 32  # grey levels above this count as ink when looking for the digit (out of 255)
DRAWINGS_FILE = Path(__file__).with_name("strokes") / "digits.json"

Point = Sequence[float]
Stroke = Sequence[Point]


@dataclass(frozen=True)
class Drawing:
    """A hand-drawn example: the digit it shows and its strokes on a CANVAS_SIZE canvas."""

    label: int
    strokes: list[list[list[float]]]


@dataclass(frozen=True)
class PreprocessSteps:
    """What ``to_mnist`` did to one image, step by step.

    ``box`` is the ink's bounding box in the input as (top, bottom, left, right),
    bottom and right exclusive; ``scaled`` the cropped ink scaled to fit 20×20
    (values 0–1); ``center_of_mass`` its centre of mass as (row, column) in
    ``scaled``; ``offset`` where its top-left corner went in the 28×28 image;
    ``result`` the final uint8 image.
    """

    box: tuple[int, int, int, int]
    scaled: np.ndarray
    center_of_mass: tuple[float, float]
    offset: tuple[int, int]
    result: np.ndarray


def check_image(image: np.ndarray) -> np.ndarray:
    """Return ``image`` as float32 after checking it is a 2-D grey image with values 0–255.

    Raises ``ValueError`` with a message that says what was expected.
    """
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[-1] in (1, 3, 4):
        raise ValueError(f"expected a 2-D grey image (height, width), got shape {array.shape}: "
                         "convert colour images to grey and drop the channel axis first")
    if array.ndim != 2:
        raise ValueError(f"expected a 2-D grey image (height, width), got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"expected a 2-D grey image (height, width), got an empty one of shape {array.shape}")
    if not (np.issubdtype(array.dtype, np.number) and not np.issubdtype(array.dtype, np.complexfloating)):
        raise ValueError(f"expected grey levels as numbers, got dtype {array.dtype}")
    array = array.astype(np.float32)
    if not np.isfinite(array).all():
        raise ValueError("the image contains NaN or infinite values")
    if array.min() < 0 or array.max() > 255:
        raise ValueError(f"expected grey levels from 0 (background) to 255 (ink), "
                         f"got values from {array.min():g} to {array.max():g}")
    return array


def render_strokes(strokes: Sequence[Stroke], size: int = CANVAS_SIZE, width: float = STROKE_WIDTH) -> np.ndarray:
    """Draw strokes into a ``size``×``size`` uint8 image: ink 255 on background 0.

    Each stroke is a list of (x, y) points in canvas pixels, x to the right and y
    down, as the drawing pad records them. Lines get round ends and joints, like
    a pen's; a stroke of a single point is a dot.
    """
    canvas = Image.new("L", (size, size), 0)
    pen = ImageDraw.Draw(canvas)
    radius = width / 2
    for number, stroke in enumerate(strokes):
        points = _stroke_points(stroke, number)
        if len(points) > 1:
            pen.line(points, fill=255, width=max(1, round(width)), joint="curve")
        for x, y in points:  # round caps at both ends and at every joint
            pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return np.asarray(canvas, dtype=np.uint8)


def _stroke_points(stroke: Stroke, number: int) -> list[tuple[float, float]]:
    """The points of one stroke as float pairs; ValueError if they are not (x, y) pairs."""
    try:
        points = [(float(x), float(y)) for x, y in stroke]
    except (TypeError, ValueError) as error:
        raise ValueError(f"stroke {number} is not a list of (x, y) points: {error}") from None
    if not all(math.isfinite(v) for point in points for v in point):
        raise ValueError(f"stroke {number} has a NaN or infinite coordinate")
    return points


def ink_box(image: np.ndarray, ink_level: float = INK_LEVEL) -> tuple[int, int, int, int] | None:
    """The bounding box (top, bottom, left, right) of the pixels above ``ink_level``; None if there are none."""
    ink = check_image(image) > ink_level
    rows, columns = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(columns[0]), int(columns[-1]) + 1


def center_of_mass(image: np.ndarray) -> tuple[float, float]:
    """The grey-level-weighted mean position (row, column) of a non-blank image."""
    image = np.asarray(image, dtype=np.float64)
    total = image.sum()
    rows, columns = np.indices(image.shape)
    return float((rows * image).sum() / total), float((columns * image).sum() / total)


def _resize(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Resize a float image with an anti-aliasing (area-weighted) bilinear filter."""
    resized = Image.fromarray(image.astype(np.float32)).resize((width, height), Image.Resampling.BILINEAR)
    return np.asarray(resized, dtype=np.float32)


def preprocess_steps(image: np.ndarray, ink_level: float = INK_LEVEL) -> PreprocessSteps | None:
    """Prepare a grey image like an MNIST digit and return every step; None if it is blank.

    1. crop the ink's bounding box;
    2. scale it, keeping its aspect ratio, so that its longer side is 20 pixels,
       with an anti-aliasing filter (that is where the grey edges come from);
    3. put it in a 28×28 image so that its centre of mass lands at the centre
       (as close as whole-pixel shifts allow, and never cutting the digit off).

    ``image`` is a 2-D array of grey levels from 0 (background) to 255 (ink) of
    any size, e.g. ``render_strokes(...)``. Raises ``ValueError`` for anything else.
    """
    array = check_image(image)
    box = ink_box(array, ink_level)
    if box is None:
        return None
    top, bottom, left, right = box
    crop = array[top:bottom, left:right]
    scale = BOX_SIZE / max(crop.shape)
    height = min(BOX_SIZE, max(1, round(crop.shape[0] * scale)))
    width = min(BOX_SIZE, max(1, round(crop.shape[1] * scale)))
    scaled = np.clip(_resize(crop, height, width), 0, None)
    scaled /= scaled.max()
    com = center_of_mass(scaled)
    middle = (MNIST_SIZE - 1) / 2  # 13.5: between the two middle pixels
    row = int(np.clip(round(middle - com[0]), 0, MNIST_SIZE - height))
    column = int(np.clip(round(middle - com[1]), 0, MNIST_SIZE - width))
    result = np.zeros((MNIST_SIZE, MNIST_SIZE), np.float32)
    result[row:row + height, column:column + width] = scaled
    return PreprocessSteps(box, scaled, com, (row, column), np.round(result * 255).astype(np.uint8))


def to_mnist(image: np.ndarray, ink_level: float = INK_LEVEL) -> np.ndarray | None:
    """A 28×28 uint8 image prepared like an MNIST digit, or None if ``image`` has no ink.

    See ``preprocess_steps`` for what happens; ``ValueError`` for a wrong input.
    """
    steps = preprocess_steps(image, ink_level)
    return None if steps is None else steps.result


def shrink(image: np.ndarray) -> np.ndarray:
    """The naive way: scale the whole canvas down to 28×28, without cropping or centring."""
    array = check_image(image)
    return np.round(np.clip(_resize(array, MNIST_SIZE, MNIST_SIZE), 0, 255)).astype(np.uint8)


def load_drawings(path: Path = DRAWINGS_FILE) -> list[Drawing]:
    """The hand-drawn examples that come with the course (strokes, not images)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Drawing(int(item["label"]), item["strokes"]) for item in data["drawings"]]
