"""Turn a drawing into an MNIST-style digit, the way the MNIST images themselves were made.

MNIST's authors took each scanned digit, scaled its bounding box to fit a 20×20
square (keeping the aspect ratio, with anti-aliasing, which creates grey levels),
and placed it in a 28×28 image so that its centre of mass sits at the centre. A
network trained on MNIST has only ever seen digits prepared that way, so a
drawing must go through the same steps before the network can read it well:

* ``render_strokes`` draws a list of strokes (as the drawing pad records them)
  into a grey canvas image: ink is 255, background 0;
* ``input_problem`` recognises images that are no digit for the network (a dot, a canvas
  full of ink, grey levels 0–1, a dark digit on light paper), with a friendly message;
* ``to_mnist`` prepares a grey image like an MNIST digit (``None`` if it is blank);
* ``preprocess_steps`` returns the intermediate results, for figures that explain it;
* ``shrink`` is the naive alternative: scale the whole canvas down to 28×28;
* ``load_drawings`` returns the hand-drawn examples bundled in ``shared/strokes/``, and
  ``drawing_variants`` the same drawing as other people might draw it (thicker, slanted, ...).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from .i18n import t
from .numbers import number

CANVAS_SIZE = 280  # the drawing pad's canvas, in its own pixels (ten per MNIST pixel)
STROKE_WIDTH = 18  # pen width on that canvas: about two MNIST pixels once the digit is scaled
MNIST_SIZE = 28
BOX_SIZE = 20  # MNIST digits fit a 20×20 box inside the 28×28 image
INK_LEVEL = 32  # grey levels above this count as ink when looking for the digit (out of 255)
DRAWINGS_FILE = Path(__file__).with_name("strokes") / "digits.json"
# The drawing variants of ``drawing_variants``; each name is also the i18n key of its label.
VARIANTS = ("variant_drawn", "variant_thick", "variant_thin", "variant_left", "variant_right",
            "variant_slanted", "variant_shifted", "variant_smaller")

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

    Raises ``ValueError`` with a message, in the chosen language, that says what was expected.
    """
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[-1] in (1, 3, 4):
        raise ValueError(t("image_colour").format(shape=array.shape))
    if array.ndim != 2:
        raise ValueError(t("image_not_2d").format(shape=array.shape))
    if array.size == 0:
        raise ValueError(t("image_empty").format(shape=array.shape))
    if not (np.issubdtype(array.dtype, np.number) and not np.issubdtype(array.dtype, np.complexfloating)):
        raise ValueError(t("image_dtype").format(dtype=array.dtype))
    array = array.astype(np.float32)
    if not np.isfinite(array).all():
        raise ValueError(t("image_not_finite"))
    if array.min() < 0 or array.max() > 255:
        raise ValueError(t("image_range").format(low=_level(array.min()), high=_level(array.max())))
    return array


def _level(value: float) -> str:
    """A grey level as the chosen language writes it: 300, or -0.50 for one that is not whole."""
    return number(float(value), 0 if float(value).is_integer() else 2)


def input_problem(image: np.ndarray) -> str | None:
    """Why ``image`` is no digit the network can read, or None if it may well be one (or is blank).

    The answer is an i18n key whose text explains it to the learner, ``t(problem)``:

    * ``"input_float"``: grey levels from 0 to 1 (e.g. an image divided by 255 already);
    * ``"input_inverted"``: a dark digit on light paper (its frame and most of it are ink, the digit is not);
    * ``"input_filled"``: ink covers more than half of the image (MNIST digits: at most 44%);
    * ``"input_dot"``: the ink fits in a box an eighth of the image's side, a dot rather than a digit.

    ``image``: a 2-D grey image, ink bright, any size (a pad canvas or a 28×28 digit).
    """
    array = check_image(image)
    if 0 < array.max() <= 1:
        return "input_float"
    ink = array > INK_LEVEL
    box = ink_box(array)
    if box is None:
        return None
    frame = np.concatenate([ink[0], ink[-1], ink[:, 0], ink[:, -1]])
    if frame.mean() > 0.9 and 0.5 < ink.mean() < 0.98:  # a frame drawn around a digit is not enough
        return "input_inverted"
    if ink.mean() > 0.5:
        return "input_filled"
    top, bottom, left, right = box
    if max(bottom - top, right - left) < min(array.shape) / 8:
        return "input_dot"
    return None


def render_strokes(strokes: Sequence[Stroke], size: int = CANVAS_SIZE, width: float = STROKE_WIDTH) -> np.ndarray:
    """Draw strokes into a ``size``×``size`` uint8 image: ink 255 on background 0.

    Each stroke is a list of (x, y) points in canvas pixels, x to the right and y
    down, as the drawing pad records them. Lines get round ends and joints, like
    a pen's; a stroke of a single point is a dot.
    """
    canvas = Image.new("L", (size, size), 0)
    pen = ImageDraw.Draw(canvas)
    radius = width / 2
    for index, stroke in enumerate(strokes):
        points = _stroke_points(stroke, index)
        if len(points) > 1:
            pen.line(points, fill=255, width=max(1, round(width)), joint="curve")
        for x, y in points:  # round caps at both ends and at every joint
            pen.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return np.asarray(canvas, dtype=np.uint8)


def _stroke_points(stroke: Stroke, index: int) -> list[tuple[float, float]]:
    """The points of one stroke as float pairs; ValueError if they are not (x, y) pairs."""
    try:
        points = [(float(x), float(y)) for x, y in stroke]
    except (TypeError, ValueError) as error:
        raise ValueError(t("stroke_not_points").format(number=index, error=error)) from None
    if not all(math.isfinite(v) for point in points for v in point):
        raise ValueError(t("stroke_not_finite").format(number=index))
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
    any size, e.g. ``render_strokes(...)``. Raises ``ValueError`` for anything else,
    and for images that are no digit (``input_problem``), with a friendly message.
    """
    array = check_image(image)
    problem = input_problem(array)
    if problem:
        raise ValueError(t(problem))
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


def transform_strokes(strokes: Sequence[Stroke], angle: float = 0.0, slant: float = 0.0) -> list[list[list[float]]]:
    """The strokes rotated by ``angle`` degrees (anticlockwise) and slanted to the right by ``slant``
    (x moves by ``slant`` times the height above the canvas's centre), around the canvas's centre."""
    middle = CANVAS_SIZE / 2
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    moved = []
    for stroke in strokes:
        points = []
        for x, y in stroke:
            dx, dy = x - middle, y - middle
            dx, dy = cos * dx + sin * dy, -sin * dx + cos * dy  # y points down: anticlockwise on screen
            points.append([middle + dx - slant * dy, middle + dy])
        moved.append(points)
    return moved


def drawing_variants(strokes: Sequence[Stroke]) -> dict[str, np.ndarray]:
    """One drawing drawn the ways people differ, each prepared like MNIST (28×28 uint8), by ``VARIANTS`` key.

    As drawn; with a pen twice as wide, and a third as wide; rotated 20° to the left and
    to the right; slanted like italics. The last two change the prepared digit itself,
    as an imperfect preparation would: shifted 2 pixels down and 3 to the right, and
    shrunk to 70% around the centre.
    """
    def prepared(strokes: Sequence[Stroke], width: float = STROKE_WIDTH) -> np.ndarray:
        margin = CANVAS_SIZE / 2  # a larger canvas, so that a rotated drawing is never cut off
        moved = [[[x + margin, y + margin] for x, y in stroke] for stroke in strokes]
        return to_mnist(render_strokes(moved, size=2 * CANVAS_SIZE, width=width))

    drawn = prepared(strokes)
    shifted = np.zeros_like(drawn)
    shifted[2:, 3:] = drawn[:-2, :-3]
    smaller = np.zeros_like(drawn)
    smaller[4:24, 4:24] = np.asarray(Image.fromarray(drawn).resize((20, 20), Image.Resampling.BILINEAR))
    return {"variant_drawn": drawn,
            "variant_thick": prepared(strokes, 2 * STROKE_WIDTH),
            "variant_thin": prepared(strokes, STROKE_WIDTH / 3),
            "variant_left": prepared(transform_strokes(strokes, angle=20)),
            "variant_right": prepared(transform_strokes(strokes, angle=-20)),
            "variant_slanted": prepared(transform_strokes(strokes, slant=0.35)),
            "variant_shifted": shifted,
            "variant_smaller": smaller}
