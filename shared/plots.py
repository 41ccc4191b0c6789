"""Figures used across the lessons.

Every function returns a ``matplotlib.figure.Figure``; in a notebook, the figure
shows when it is the cell's last expression. Titles and axis labels follow the
language chosen with ``shared.setup(COURSE_LANG)``, and so do the numbers
(``shared.numbers``: 0.5 is 0,5 in French).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, ScalarFormatter

from .i18n import language, pair, t
from .numbers import STYLES, number

DIGITS = tuple(str(d) for d in range(10))


def no_ticks(ax: Axes) -> Axes:
    """Remove the ticks and tick labels of a panel that shows an image; return the panel."""
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


class _LocalTicks(ScalarFormatter):
    """Matplotlib's usual tick labels, with the chosen language's decimal mark."""

    def __call__(self, x, pos=None):
        return super().__call__(x, pos).replace(".", STYLES[language()].decimal)


def localise_ticks(fig: Figure) -> Figure:
    """Give every numeric axis of ``fig`` the chosen language's decimal mark; return ``fig``.

    Only axes that still use matplotlib's default labels are changed (not the ones a
    helper labelled itself, e.g. with class names or percentages).
    """
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if type(axis.get_major_formatter()) is ScalarFormatter:
                axis.set_major_formatter(_LocalTicks())
    return fig


def _caption(label: int, prediction: int | None, names: Sequence[str]) -> str:
    text = pair("true", names[label])
    if prediction is not None:
        text += "\n" + pair("pred", names[prediction])
    return text


def plot_images(images: np.ndarray, labels: Sequence[int], predictions: Sequence[int] | None = None,
                class_names: Sequence[str] = DIGITS, title: str | None = None) -> Figure:
    """Show the first nine images in a 3×3 grid, each with its true (and predicted) label."""
    fig = Figure(figsize=(6, 6.6), layout="constrained")
    axes = fig.subplots(3, 3)
    for i, ax in enumerate(axes.flat):
        no_ticks(ax)
        if i >= len(images):
            ax.axis("off")
            continue
        ax.imshow(np.asarray(images[i]).reshape(28, 28), cmap="binary")
        prediction = None if predictions is None else int(predictions[i])
        ax.set_xlabel(_caption(int(labels[i]), prediction, class_names))
    fig.suptitle(title or t("sample_images"))
    return fig


def plot_misclassified(images: np.ndarray, labels: np.ndarray, predictions: np.ndarray,
                       class_names: Sequence[str] = DIGITS) -> Figure:
    """Show the first nine images whose prediction differs from the true label."""
    wrong = np.flatnonzero(np.asarray(labels) != np.asarray(predictions))[:9]
    title = t("misclassified") if len(wrong) else t("no_errors")
    return plot_images(images[wrong], labels[wrong], predictions[wrong], class_names, title)


def plot_confusion_matrix(labels: Sequence[int], predictions: Sequence[int],
                          class_names: Sequence[str] = DIGITS, normalize: bool = False) -> Figure:
    """Rows: true class; columns: predicted class. ``normalize`` divides each row by its total."""
    n = len(class_names)
    matrix = np.zeros((n, n))
    np.add.at(matrix, (np.asarray(labels), np.asarray(predictions)), 1)
    if normalize:
        matrix = matrix / np.maximum(matrix.sum(axis=1, keepdims=True), 1)
    fig = Figure(figsize=(6.5, 5.5), layout="constrained")
    ax = fig.subplots()
    image = ax.imshow(matrix, cmap="Blues")
    fig.colorbar(image, ax=ax, label=t("accuracy") if normalize else t("count"))
    for (row, col), value in np.ndenumerate(matrix):
        text = number(value, 2) if normalize else f"{int(value)}"
        dark = value > matrix.max() / 2
        ax.text(col, row, text, ha="center", va="center", fontsize=7, color="white" if dark else "black")
    ax.set_xticks(range(n), class_names, rotation=45 if n and len(max(class_names, key=len)) > 2 else 0)
    ax.set_yticks(range(n), class_names)
    ax.set_xlabel(t("predicted_label"))
    ax.set_ylabel(t("true_label"))
    ax.set_title(t("confusion_matrix"))
    return localise_ticks(fig)


def plot_linear_weights(weights: np.ndarray, class_names: Sequence[str] = DIGITS) -> Figure:
    """Show each class's 784 weights as a 28×28 image: red positive, blue negative.

    All ten images share one colour scale, centred on zero, so they can be compared.
    """
    weights = np.asarray(weights)
    limit = np.abs(weights).max()
    fig = Figure(figsize=(10, 4.6), layout="constrained")
    axes = fig.subplots(2, 5)
    for i, ax in enumerate(axes.flat):
        image = ax.imshow(weights[:, i].reshape(28, 28), cmap="seismic", vmin=-limit, vmax=limit)
        no_ticks(ax).set_title(pair("class", class_names[i]))
    fig.colorbar(image, ax=axes, label=t("weight_scale"), shrink=0.8)
    fig.suptitle(t("weights"))
    return localise_ticks(fig)


def plot_history(history: dict[str, Sequence[float]]) -> Figure:
    """Plot loss and accuracy per epoch for training, and validation if present.

    ``history`` uses Keras's keys: ``loss``, ``accuracy``, ``val_loss``, ``val_accuracy``.
    """
    fig = Figure(figsize=(10, 3.8), layout="constrained")
    axes = fig.subplots(1, 2)
    for ax, metric in zip(axes, ("loss", "accuracy")):
        for prefix, split in (("", "train"), ("val_", "validation")):
            values = history.get(prefix + metric)
            if values is not None:
                ax.plot(range(1, len(values) + 1), values, marker="o", label=t(split))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # epochs are whole numbers
        ax.set_xlabel(t("epoch"))
        ax.set_ylabel(t(metric))
        ax.set_title(t(metric))
        ax.legend()
        ax.grid(alpha=0.3)
    fig.suptitle(t("training_curves"))
    return localise_ticks(fig)
