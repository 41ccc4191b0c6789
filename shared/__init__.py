"""The course's helper package: data, figures, reproducibility and setup.

Every notebook starts with ``shared.setup(COURSE_LANG)``; the rest is imported
from here, e.g. ``shared.load_mnist()`` or ``shared.plot_images(...)``.
"""

import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's C++ info and warning logs

from .cnn import build_cnn, course_optimizer, plot_conv_weights, plot_feature_maps  # noqa: E402
from .data import DatasetError, load_fashion_mnist, load_mnist, read_idx  # noqa: E402
from .drawpad import DrawPad, Inspection, plot_inside, plot_preprocess_steps, plot_preprocessing  # noqa: E402
from .i18n import language, set_language, t  # noqa: E402
from .plots import (  # noqa: E402
    plot_confusion_matrix,
    plot_history,
    plot_images,
    plot_linear_weights,
    plot_misclassified,
)
from .preprocess import load_drawings, render_strokes, shrink, to_mnist  # noqa: E402
from .repro import SEED, seed_everything  # noqa: E402
from .setup import setup  # noqa: E402
from .training import run_training  # noqa: E402

__all__ = [
    "DatasetError", "SEED", "language", "load_fashion_mnist", "load_mnist", "plot_confusion_matrix",
    "plot_history", "plot_images", "plot_linear_weights", "plot_misclassified", "read_idx",
    "run_training", "seed_everything", "set_language", "setup", "t",
    "build_cnn", "course_optimizer", "plot_conv_weights", "plot_feature_maps",
    "DrawPad", "Inspection", "load_drawings", "plot_inside", "plot_preprocess_steps", "plot_preprocessing",
    "render_strokes", "shrink", "to_mnist",
]
