"""Looking inside a convolutional network: its filters (its feature maps are drawn by
``shared.feature_maps``), and the network and training recipe of lessons 02 and 03.

Lessons 02 and 03 draw the same pictures of the same network, once built from
raw TensorFlow operations and once from Keras layers. ``plot_conv_weights`` returns
a ``matplotlib.figure.Figure`` whose labels follow ``shared.setup(COURSE_LANG)``.

``build_cnn`` and ``course_optimizer`` hold the network and the training recipe
of those lessons for code that is not a lesson, such as the benchmark in
``benchmarks/``; the lessons write their own, since that is what they teach.

``RandomStrokeWidth`` is a data-augmentation layer of lesson 06: during training it
makes the strokes of each digit a little thicker or thinner.
"""

from __future__ import annotations

import math

import keras
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .i18n import t
from .plots import localise_ticks, no_ticks

# The course's recipe (lessons 02 and 03): Adam with a short linear warm-up,
# then a cosine decay to zero over two epochs of 55,000 images.
BATCH_SIZE = 128
WARMUP_STEPS = 100
EPOCHS = 2
START_LEARNING_RATE = 1e-4
PEAK_LEARNING_RATE = 3e-3


def _panels(count: int) -> tuple[Figure, list, Axes]:
    """A figure with a near-square grid of ``count`` panels and a colour bar on the right.

    Positions are set by hand (in inches) rather than by a layout engine, which keeps
    figures with dozens of panels quick to draw.
    """
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    cell = 1.1 if columns <= 4 else 0.95  # inches per panel
    grid_width, grid_height = columns * cell, rows * cell
    width, height = grid_width + 1.5, grid_height + 0.8
    left, bottom = 0.2, 0.1  # inches
    fig = Figure(figsize=(width, height))
    grid = fig.add_gridspec(rows, columns, left=left / width, right=(left + grid_width) / width,
                            bottom=bottom / height, top=(bottom + grid_height - 0.1) / height,
                            wspace=0.12, hspace=0.3)
    axes = [no_ticks(fig.add_subplot(grid[i // columns, i % columns])) for i in range(count)]
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
        raise ValueError(t("kernel_shape").format(shape=weights.shape))
    kernels = weights[:, :, input_channel, :]
    limit = float(np.abs(weights).max()) or 1.0
    fig, axes, bar = _panels(kernels.shape[-1])
    for i, ax in enumerate(axes):
        image = ax.imshow(kernels[:, :, i], cmap="seismic", vmin=-limit, vmax=limit)
        ax.set_title(str(i), fontsize=8, pad=2)
    fig.colorbar(image, cax=bar, label=t("weight_scale"))
    fig.suptitle(t("conv_weights").format(channel=input_channel), wrap=True)
    return localise_ticks(fig)


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


@keras.saving.register_keras_serializable(package="tf_mnist_course")
class RandomStrokeWidth(keras.layers.Layer):
    """Data augmentation: during training, make each image's strokes a little thicker or thinner.

    A 3×3 max-pooling with stride 1 gives every pixel the brightest value around it, which
    widens bright strokes by a pixel on each side (a *dilation*); the same on the negated
    image narrows them (an *erosion*). Each image gets a random ``amount`` between
    ``-factor`` and ``factor``: the image moves that far towards its eroded (negative) or
    dilated (positive) version. Outside training the layer passes images through unchanged.
    """

    def __init__(self, factor: float = 0.5, seed: int | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.factor, self.seed = factor, seed
        self.seed_generator = keras.random.SeedGenerator(seed)

    def call(self, images, training=False):
        if not training:
            return images
        ops = keras.ops
        thicker = ops.max_pool(images, 3, strides=1, padding="same")
        thinner = -ops.max_pool(-images, 3, strides=1, padding="same")
        amount = keras.random.uniform((ops.shape(images)[0], 1, 1, 1), -self.factor, self.factor,
                                      seed=self.seed_generator)
        return images + ops.where(amount > 0, amount * (thicker - images), -amount * (thinner - images))

    def get_config(self) -> dict:
        return {**super().get_config(), "factor": self.factor, "seed": self.seed}
