"""Looking inside a convolutional network: its filters and its feature maps.

Lessons 02 and 03 draw the same pictures of the same network, once built from
raw TensorFlow operations and once from Keras layers, with these helpers. Both
return a ``matplotlib.figure.Figure`` whose labels follow ``shared.setup(COURSE_LANG)``.

``build_cnn`` and ``course_optimizer`` hold the network and the training recipe
of those lessons for code that is not a lesson, such as the benchmark in
``benchmarks/``; the lessons write their own, since that is what they teach.
"""

from __future__ import annotations

import math

import keras
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .i18n import t

# The course's recipe (lessons 02 and 03): Adam with a short linear warm-up,
# then a cosine decay to zero over two epochs of 55,000 images.
BATCH_SIZE = 128
WARMUP_STEPS = 100
EPOCHS = 2
START_LEARNING_RATE = 1e-4
PEAK_LEARNING_RATE = 3e-3


def _panels(count: int, image_panel: bool = False) -> tuple[Figure, list, Axes]:
    """A figure with a near-square grid of ``count`` panels, a colour bar on the right,
    and optionally a larger panel on the left for the input image.

    Positions are set by hand (in inches) rather than by a layout engine, which keeps
    figures with dozens of panels quick to draw.
    """
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    cell = 1.1 if columns <= 4 else 0.95  # inches per panel
    left = 2.7 if image_panel else 0.2
    grid_width, grid_height = columns * cell, rows * cell
    body = max(grid_height, 2.9 if image_panel else 0.0)  # room for the image and its title
    width, height = left + grid_width + 1.3, body + 0.8
    bottom = 0.1 + (body - grid_height) / 2
    fig = Figure(figsize=(width, height))
    grid = fig.add_gridspec(rows, columns, left=left / width, right=(left + grid_width) / width,
                            bottom=bottom / height, top=(bottom + grid_height - 0.1) / height,
                            wspace=0.12, hspace=0.3)
    axes = [fig.add_subplot(grid[i // columns, i % columns]) for i in range(count)]
    for ax in axes:
        ax.set_xticks([])
        ax.set_yticks([])
    bar = fig.add_axes(((left + grid_width + 0.25) / width, (bottom + 0.15 * grid_height) / height,
                        0.15 / width, 0.7 * grid_height / height))
    return fig, axes, bar


def plot_conv_weights(weights: np.ndarray, input_channel: int = 0) -> Figure:
    """Show every filter of a convolution for one input channel: red positive, blue negative.

    ``weights`` has TensorFlow's kernel shape (height, width, input channels,
    filters), e.g. (5, 5, 1, 16). All filters share one colour scale, centred
    on zero, so they can be compared with each other.
    """
    weights = np.asarray(weights)
    if weights.ndim != 4:
        raise ValueError(f"expected a kernel of shape (height, width, in, out), got {weights.shape}")
    kernels = weights[:, :, input_channel, :]
    limit = float(np.abs(weights).max()) or 1.0
    fig, axes, bar = _panels(kernels.shape[-1])
    for i, ax in enumerate(axes):
        image = ax.imshow(kernels[:, :, i], cmap="seismic", vmin=-limit, vmax=limit)
        ax.set_title(str(i), fontsize=8, pad=2)
    fig.colorbar(image, cax=bar, label=t("weight_scale"))
    fig.suptitle(t("conv_weights").format(channel=input_channel), wrap=True)
    return fig


def plot_feature_maps(maps: np.ndarray, image: np.ndarray | None = None) -> Figure:
    """Show the channels that one layer outputs for one image, optionally next to that image.

    ``maps`` has shape (height, width, channels), or (1, height, width, channels)
    as a layer returns it for a batch of one image. ``image``, if given, is the
    28×28 digit that went in, shown on the left. Dark means a strong response;
    all channels share one grey scale, so a pale map is a weak one.
    """
    maps = np.asarray(maps)
    if maps.ndim == 4:
        maps = maps[0]
    if maps.ndim != 3:
        raise ValueError(f"expected feature maps of shape (height, width, channels), got {maps.shape}")
    height, width, count = maps.shape
    fig, axes, bar = _panels(count, image_panel=image is not None)
    top = float(maps.max()) or 1.0
    for i, ax in enumerate(axes):
        shown = ax.imshow(maps[:, :, i], cmap="binary", vmin=0.0, vmax=top)
        ax.set_title(str(i), fontsize=8, pad=2)
    fig.colorbar(shown, cax=bar, label=t("activation"))
    if image is not None:
        fig_width, fig_height = fig.get_size_inches()  # the image: 2.2 inches, centred beside the grid
        ax = fig.add_axes((0.2 / fig_width, (0.1 + (fig_height - 0.8) / 2 - 1.25) / fig_height,
                           2.2 / fig_width, 2.2 / fig_height))
        ax.imshow(np.asarray(image).reshape(28, 28), cmap="binary")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(t("input_image"))
    fig.suptitle(t("feature_maps").format(count=count, height=height, width=width), wrap=True)
    return fig


def build_cnn() -> keras.Model:
    """The network of lessons 02 and 03 as a Keras model that outputs logits."""
    layers = keras.layers
    inputs = keras.Input(shape=(28, 28, 1), name="image")
    x = layers.Conv2D(16, 5, padding="same", activation="relu", name="conv1")(inputs)
    x = layers.MaxPooling2D(2, name="pool1")(x)
    x = layers.Conv2D(36, 5, padding="same", activation="relu", name="conv2")(x)
    x = layers.MaxPooling2D(2, name="pool2")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(128, activation="relu", name="fc1")(x)
    logits = layers.Dense(10, name="logits")(x)
    return keras.Model(inputs, logits, name="cnn")


def course_schedule(steps_per_epoch: int, epochs: int = EPOCHS) -> keras.optimizers.schedules.CosineDecay:
    """The learning rate rises linearly over WARMUP_STEPS, then falls to zero along a cosine over ``epochs``."""
    return keras.optimizers.schedules.CosineDecay(
        initial_learning_rate=START_LEARNING_RATE, warmup_target=PEAK_LEARNING_RATE,
        warmup_steps=WARMUP_STEPS, decay_steps=epochs * steps_per_epoch)


def course_optimizer(steps_per_epoch: int, epochs: int = EPOCHS) -> keras.optimizers.Optimizer:
    """Adam with ``course_schedule``: the optimizer of lessons 02 and 03."""
    return keras.optimizers.Adam(course_schedule(steps_per_epoch, epochs))
