"""Lesson 06's drawing pad, and its static twin for readers without a live kernel.

``DrawPad(look_inside)`` is a Jupyter widget (built with anywidget): draw a digit
with the mouse, a pen or a finger, and when a stroke ends, Python prepares the
drawing like an MNIST digit, calls ``look_inside(image)`` and shows what it
returns: the ten probabilities (the best one highlighted), every feature map of
every layer, and a saliency map; a drawing that is no digit (a dot, a canvas full
of ink) gets a friendly message instead. ``plot_inside`` draws the same picture as
a Matplotlib figure, so a notebook can show it without a browser, and
``plot_variants`` compares networks on drawings drawn in different ways.

Where no kernel runs (GitHub, nbviewer, the course's website), a widget cannot show.
So the pad's display also carries a picture (``image/png``, beside the widget view and
the line of text): one of the course's bundled drawings with its probabilities and
feature maps (``plot_pad_picture``). Front ends that run widgets show the live pad;
the others show the picture.

``look_inside`` is written in the lesson: it takes a 28×28 uint8 image and
returns an ``Inspection``. The pad only records strokes and displays results;
everything that concerns the network stays in the notebook, in plain sight.

The widget works wherever anywidget does: JupyterLab 4, Jupyter Notebook 7
(both load anywidget's extension when the package is installed in the server's
environment), VS Code, and Colab, where anywidget itself switches on Colab's
custom widget manager when the pad is created.
"""

from __future__ import annotations

import base64
import io
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import anywidget
import numpy as np
import traitlets
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from PIL import Image

from .feature_maps import maps_rgb
from .i18n import joined, pair, t
from .numbers import percent
from .plots import localise_ticks, no_ticks
from .preprocess import (
    CANVAS_SIZE,
    STROKE_WIDTH,
    Drawing,
    Stroke,
    input_problem,
    load_drawings,
    preprocess_steps,
    render_strokes,
    to_mnist,
)

FOR_COLOUR = np.array((0.84, 0.13, 0.13))  # saliency: ink that supports the predicted class
AGAINST_COLOUR = np.array((0.13, 0.38, 0.80))  # saliency: ink that speaks against it
BEST_COLOUR, OTHER_COLOUR = "#e8710a", "#8aa4c8"  # the best class and the others, in figures and the pad
# The pad's colours, sent to the browser (the `colours` trait): drawpad.js paints the canvas with
# them and hands them to drawpad.css as custom properties (--drawpad-best, --drawpad-other, ...).
PAD_COLOURS = {"best": BEST_COLOUR, "other": OTHER_COLOUR, "ink": "#111111", "paper": "#ffffff", "hint": "#9aa5b1"}
PICTURE_DRAWING = 8  # the bundled drawing (load_drawings()) in the pad's picture: lesson 06 puts it on the pad next


@dataclass(frozen=True)
class Inspection:
    """What a network computed for one image.

    ``probabilities``: the ten softmax outputs; ``maps``: each inspected layer's
    output for this image, by layer name, shaped (height, width, channels);
    ``saliency``: one number per input pixel (28×28), positive where the pixel
    pushes the predicted class up, negative where it pushes it down.
    """

    probabilities: np.ndarray
    maps: dict[str, np.ndarray]
    saliency: np.ndarray

    @property
    def best(self) -> int:
        """The predicted class: the one with the highest probability."""
        return int(np.argmax(self.probabilities))


LookInside = Callable[[np.ndarray], Inspection]


# --- Pictures as arrays: shared by the figures and the widget -------------------------------


def digit_rgb(image: np.ndarray) -> np.ndarray:
    """A grey digit (0 background, 255 ink) as RGB, dark ink on white as the course draws digits."""
    grey = 1.0 - np.asarray(image, dtype=np.float32).reshape(28, 28) / 255.0
    return np.repeat(grey[..., None], 3, axis=2)


def saliency_rgb(image: np.ndarray, saliency: np.ndarray) -> np.ndarray:
    """The digit in light grey, tinted red where its pixels push the prediction up and blue where down."""
    ink = np.asarray(image, dtype=np.float32).reshape(28, 28) / 255.0
    saliency = np.asarray(saliency, dtype=np.float32).reshape(28, 28)
    strength = saliency / (float(np.abs(saliency).max()) or 1.0)
    base = np.repeat((1.0 - 0.3 * ink)[..., None], 3, axis=2)
    tint = np.where(strength[..., None] > 0, FOR_COLOUR, AGAINST_COLOUR)
    weight = np.sqrt(np.abs(strength))[..., None]  # the square root makes weak contributions visible
    return base * (1.0 - weight) + tint * weight


def png_data_url(rgb: np.ndarray, scale: int = 1) -> str:
    """An RGB picture (values 0–1) as a PNG ``data:`` URL, enlarged ``scale`` times with sharp pixels."""
    pixels = np.round(np.clip(rgb, 0.0, 1.0) * 255).astype(np.uint8)
    if scale > 1:
        pixels = pixels.repeat(scale, axis=0).repeat(scale, axis=1)
    buffer = io.BytesIO()
    Image.fromarray(pixels, mode="RGB").save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def layer_title(name: str, maps: np.ndarray) -> str:
    """"conv1: 16 feature maps of 28×28 pixels", in the chosen language."""
    height, width, count = np.asarray(maps).shape[-3:]
    return joined(name, t("feature_maps").format(count=count, height=height, width=width))


# --- Static figures -------------------------------------------------------------------------


def _two_lines(title: str) -> str:
    """Break a title before its parenthesis, so it fits above a narrow panel in every language."""
    return title.replace(" (", "\n(", 1).replace("（", "\n（", 1)


def plot_probabilities(ax: Axes, probabilities: np.ndarray) -> None:
    """Ten bars, the predicted class in orange with its probability written above it."""
    probabilities = np.asarray(probabilities, dtype=float)
    best = int(np.argmax(probabilities))
    colours = [BEST_COLOUR if d == best else OTHER_COLOUR for d in range(10)]
    ax.bar(range(10), probabilities, color=colours)
    ax.text(best, min(probabilities[best], 1.0) + 0.03, percent(probabilities[best], 1),
            ha="center", va="bottom", fontsize=10, color=BEST_COLOUR)
    ax.set_xticks(range(10))
    ax.set_ylim(0, 1.15)
    ax.set_yticks([0, 0.5, 1])
    ax.set_xlabel(t("class"))
    ax.set_title(t("pad_probabilities"))
    ax.spines[["top", "right"]].set_visible(False)


def plot_inside(image: np.ndarray, inspection: Inspection, label: int | None = None,
                heading: str | None = None) -> Figure:
    """Everything the network computed for one image, as the drawing pad shows it.

    Top: the 28×28 input, the saliency map and the ten probabilities. Below: the
    feature maps of each inspected layer in a grid, dark where they respond
    strongly (one grey scale per layer, so a pale map is a weak one).
    ``label`` (the true class, if known) goes into the title; ``heading``, if
    given, is a line above it.
    """
    layers = list(inspection.maps.items())
    pictures = [maps_rgb(maps) for _, maps in layers]
    # Two layers per row; each row as tall as its taller mosaic, at a fixed width per picture.
    rows = [pictures[i:i + 2] for i in range(0, len(pictures), 2)]
    heights = [2.4] + [4.6 * max(p.shape[0] / p.shape[1] for p in row) + 0.45 for row in rows]
    fig = Figure(figsize=(10, round(sum(heights) + 0.5, 1)), layout="constrained")
    grid = fig.add_gridspec(len(heights), 4, height_ratios=heights)
    no_ticks(fig.add_subplot(grid[0, 0])).imshow(digit_rgb(image))
    fig.axes[-1].set_title(_two_lines(t("pad_input")), fontsize=10)
    no_ticks(fig.add_subplot(grid[0, 1])).imshow(saliency_rgb(image, inspection.saliency))
    fig.axes[-1].set_title(_two_lines(t("pad_saliency").format(digit=inspection.best)), fontsize=10)
    plot_probabilities(fig.add_subplot(grid[0, 2:]), inspection.probabilities)
    for index, ((name, maps), picture) in enumerate(zip(layers, pictures)):
        ax = no_ticks(fig.add_subplot(grid[1 + index // 2, 2 * (index % 2):2 * (index % 2) + 2]))
        ax.imshow(picture, interpolation="nearest")
        ax.set_title(layer_title(name, maps), fontsize=10)
    title = pair("pred", inspection.best)
    if label is not None:
        title = pair("true", label) + "   " + title
    fig.suptitle(title if heading is None else f"{heading}\n{title}")
    return localise_ticks(fig)


def plot_pad_picture(look_inside: LookInside, drawing: Drawing) -> Figure:
    """The drawing pad as a picture: ``drawing`` prepared like MNIST, with what ``look_inside``
    finds in it (``plot_inside``), titled as a picture of the pad in the chosen language."""
    image = to_mnist(render_strokes(drawing.strokes))
    return plot_inside(image, look_inside(image), label=drawing.label, heading=t("pad_picture"))


def plot_preprocessing(canvases: Sequence[np.ndarray], shrunk: np.ndarray, prepared: np.ndarray,
                       labels: Sequence[int], shrunk_predictions: Sequence[int],
                       prepared_predictions: Sequence[int]) -> Figure:
    """One column per drawing: the canvas, the canvas shrunk to 28×28, the MNIST-style digit.

    Under each 28×28 version: what the network predicts for it, red when wrong.
    """
    count = len(canvases)
    fig = Figure(figsize=(1.25 * count + 1.2, 4.9), layout="constrained")
    axes = fig.subplots(3, count, squeeze=False)
    for column in range(count):
        label = int(labels[column])
        axes[0, column].imshow(255 - np.asarray(canvases[column]), cmap="gray", vmin=0, vmax=255)
        axes[0, column].set_title(pair("true", label), fontsize=9)
        for row, images, predictions in ((1, shrunk, shrunk_predictions), (2, prepared, prepared_predictions)):
            axes[row, column].imshow(digit_rgb(images[column]))
            prediction = int(predictions[column])
            axes[row, column].set_xlabel(pair("pred", prediction), fontsize=9,
                                         color="black" if prediction == label else "#c62828")
    for ax in axes.flat:
        no_ticks(ax)
    size = np.asarray(canvases[0]).shape[0]
    for row, key in enumerate(("prep_canvas", "prep_shrunk", "prep_mnist")):
        axes[row, 0].set_ylabel(t(key).format(size=size), fontsize=9)
    fig.suptitle(t("prep_title"))
    return fig


def plot_preprocess_steps(canvas: np.ndarray) -> Figure:
    """The three steps of ``to_mnist`` on one drawing: crop the ink, scale to 20×20, centre by mass."""
    steps = preprocess_steps(canvas)
    if steps is None:
        raise ValueError(t("pad_blank_canvas"))
    fig = Figure(figsize=(10, 3.3), layout="constrained")
    axes = [no_ticks(ax) for ax in fig.subplots(1, 3)]
    top, bottom, left, right = steps.box
    axes[0].imshow(255 - np.asarray(canvas), cmap="gray", vmin=0, vmax=255)
    axes[0].add_patch(Rectangle((left - 0.5, top - 0.5), right - left, bottom - top,
                                fill=False, edgecolor=BEST_COLOUR, linewidth=2))
    height, width = steps.scaled.shape  # one side is 20, the other at most 20: show it in a 20×20 frame
    x0, y0 = (20 - width) / 2 - 0.5, (20 - height) / 2 - 0.5
    axes[1].imshow(1 - steps.scaled, cmap="gray", vmin=0, vmax=1, extent=(x0, x0 + width, y0 + height, y0))
    axes[1].set_xlim(-0.5, 19.5)
    axes[1].set_ylim(19.5, -0.5)
    axes[2].imshow(digit_rgb(steps.result))
    row, column = steps.offset[0] + steps.center_of_mass[0], steps.offset[1] + steps.center_of_mass[1]
    axes[2].axhline(13.5, color=OTHER_COLOUR, linewidth=1)
    axes[2].axvline(13.5, color=OTHER_COLOUR, linewidth=1)
    axes[2].plot([column], [row], marker="+", markersize=14, mew=2.5, color=BEST_COLOUR)
    for ax, key in zip(axes, ("prep_step_box", "prep_step_scale", "prep_step_centre")):
        ax.set_title(t(key), fontsize=10)
    return fig


def plot_variants(examples: Mapping[str, np.ndarray], correct: Mapping[str, Mapping[str, float]]) -> Figure:
    """How networks read drawings drawn in different ways.

    ``examples``: one drawing in each way, by variant key (``preprocess.VARIANTS``),
    shown on top. ``correct``: for each network, by label key (e.g. ``"aug_with"``),
    the share of drawings it reads correctly in each variant; one group of bars per variant.
    """
    keys = list(examples)
    fig = Figure(figsize=(1.3 * len(keys) + 1, 4.6), layout="constrained")
    grid = fig.add_gridspec(2, len(keys), height_ratios=(1, 2.2))
    for column, key in enumerate(keys):
        ax = no_ticks(fig.add_subplot(grid[0, column]))
        ax.imshow(digit_rgb(examples[key]))
        ax.set_title(textwrap.fill(t(key), 12), fontsize=9)
    ax = fig.add_subplot(grid[1, :])
    width = 0.8 / len(correct)
    for index, (network, shares) in enumerate(correct.items()):
        positions = np.arange(len(keys)) + (index - (len(correct) - 1) / 2) * width
        values = [shares[key] for key in keys]
        ax.bar(positions, values, width, label=t(network), color=(OTHER_COLOUR, BEST_COLOUR)[index % 2])
        for x, value in zip(positions, values):
            ax.text(x, value + 0.02, percent(value, 0), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(keys)), [textwrap.fill(t(key), 12) for key in keys], fontsize=8)
    ax.set_xlim(-0.5, len(keys) - 0.5)  # each group of bars under its picture
    ax.set_ylim(0, 1.35)
    ax.set_yticks([0, 0.5, 1], [percent(share, 0) for share in (0, 0.5, 1)])
    ax.legend(loc="upper center", ncols=len(correct), fontsize=9, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(t("aug_title"))
    return fig


# --- The widget -----------------------------------------------------------------------------


def pad_labels() -> dict[str, str]:
    """The words the pad shows, in the chosen language."""
    return {"clear": t("pad_clear"), "draw_here": t("pad_draw_here"), "empty": t("pad_empty"),
            "probabilities": t("pad_probabilities"), "input": t("pad_input")}


def inspection_payload(image: np.ndarray, inspection: Inspection) -> dict:
    """What the browser needs to show one result: numbers, their texts, titles and PNG pictures.

    ``percents`` holds the probabilities as the chosen language writes percentages ("99.1%",
    "99,1 %"): the browser shows these texts, and uses ``probabilities`` for the bars' widths.
    """
    probabilities = [float(p) for p in np.asarray(inspection.probabilities, dtype=float).ravel()]
    percents = [percent(p, 1) for p in probabilities]
    best = inspection.best
    return {
        "status": "ok",
        "message": t("pad_prediction").format(prediction=pair("pred", best), percent=percents[best]),
        "probabilities": probabilities,
        "percents": percents,
        "best": best,
        "input": png_data_url(digit_rgb(image), scale=5),
        "saliency": png_data_url(saliency_rgb(image, inspection.saliency), scale=5),
        "saliency_title": t("pad_saliency").format(digit=best),
        "layers": [{"name": name, "title": layer_title(name, maps),
                    "src": png_data_url(maps_rgb(maps), scale=2)}
                   for name, maps in inspection.maps.items()],
    }


def analyse(strokes: Sequence[Stroke], look_inside: LookInside) -> tuple[np.ndarray | None, dict]:
    """Strokes → canvas → MNIST-style digit → ``look_inside`` → what the pad displays.

    Returns the 28×28 digit (None when there is nothing to show) and the payload.
    Never raises: a blank canvas, or a drawing that is no digit (``input_problem``),
    gives a friendly message, and an error in ``look_inside`` is shown in the pad,
    where the learner sees it (an exception raised while the widget handles a
    browser message would only reach a log).
    """
    try:
        canvas = render_strokes(strokes)
        problem = input_problem(canvas)
        image = None if problem else to_mnist(canvas)
    except ValueError as error:
        return None, {"status": "error", "message": str(error)}
    if problem:
        return None, {"status": "problem", "problem": problem, "message": t(problem)}
    if image is None:
        return None, {"status": "empty", "message": t("pad_empty")}
    try:
        return image, inspection_payload(image, look_inside(image))
    except Exception as error:  # noqa: BLE001 - shown to the learner instead of vanishing
        return image, {"status": "error", "message": f"{type(error).__name__}: {error}"}


class DrawPad(anywidget.AnyWidget):
    """Draw a digit; see the network's probabilities, feature maps and saliency map update.

    ``look_inside(image)`` receives each drawing as a 28×28 uint8 MNIST-style
    image and returns an ``Inspection``. Setting ``pad.strokes`` from Python
    draws those strokes on the pad; ``pad.digit`` holds the last prepared image.
    """

    _esm = Path(__file__).with_name("drawpad.js")
    _css = Path(__file__).with_name("drawpad.css")

    strokes = traitlets.List(help="the drawing: strokes of [x, y] points on the canvas").tag(sync=True)
    result = traitlets.Dict(help="what the pad shows, made by analyse()").tag(sync=True)
    labels = traitlets.Dict(help="the pad's words, in the course's language").tag(sync=True)
    canvas_size = traitlets.Int(CANVAS_SIZE).tag(sync=True)
    stroke_width = traitlets.Float(STROKE_WIDTH).tag(sync=True)
    colours = traitlets.Dict(PAD_COLOURS, help="the pad's colours: best, other, ink, paper, hint").tag(sync=True)

    def __init__(self, look_inside: LookInside, **kwargs) -> None:
        super().__init__(labels=pad_labels(), **kwargs)
        self._look_inside = look_inside
        self._serial = 0
        self.digit: np.ndarray | None = None
        self.observe(self._update, names="strokes")
        self._update()

    def _update(self, _change: dict | None = None) -> None:
        """Recompute what the pad shows whenever the strokes change (a stroke ended, or Clear)."""
        self.digit, result = analyse(self.strokes, self._look_inside)
        self._serial += 1
        # A serial number makes every answer a new value, even for the same picture; the stroke
        # count tells the browser which drawing this answer belongs to.
        self.result = {**result, "serial": self._serial, "stroke_count": len(self.strokes)}

    def clear(self) -> None:
        """Wipe the drawing, as the Clear button does."""
        self.strokes = []

    def __repr__(self) -> str:
        """The line of text in the pad's display, for front ends that show neither widgets nor pictures."""
        return t("pad_text")

    def picture_png(self) -> bytes | None:
        """The pad as a PNG picture (``plot_pad_picture`` on the bundled drawing ``PICTURE_DRAWING``),
        or None if ``look_inside`` fails: the live pad then shows the error as soon as a digit is drawn."""
        try:
            fig = plot_pad_picture(self._look_inside, load_drawings()[PICTURE_DRAWING])
        except Exception:  # noqa: BLE001 - the picture is an extra: it must never hide the pad itself
            return None
        buffer = io.BytesIO()
        # White behind the picture, as on the live pad, also where a page is dark (GitHub's dark theme).
        fig.savefig(buffer, format="png", bbox_inches="tight", facecolor="white")
        return buffer.getvalue()

    def _repr_mimebundle_(self, **kwargs) -> tuple[dict, dict] | None:
        """The widget view and the line of text (anywidget's), plus the pad's picture as ``image/png``.

        Front ends that run widgets (JupyterLab, Notebook 7, VS Code, Colab) rank the widget view
        first and show the live pad; GitHub, nbviewer and the course's website show the picture.
        """
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        picture = self.picture_png()
        if picture is not None:
            data = {**data, "image/png": base64.b64encode(picture).decode("ascii")}
        return data, metadata
