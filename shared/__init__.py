"""The course's helper package: data, figures, reproducibility and setup.

Every notebook starts with ``shared.setup(COURSE_LANG)``; the rest is used from here,
e.g. ``shared.load_mnist()`` or ``shared.plot_images(...)``.

Importing ``shared`` is quick: each helper's module (and TensorFlow, which most of them
need) is imported the first time the helper is used. ``NAMES`` says where each one lives.
"""

from __future__ import annotations

import importlib
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")  # hide TensorFlow's C++ info and warning logs

# Every public helper, by the module that defines it.
NAMES = {
    "checks": ("check",),
    "cnn": ("build_cnn", "course_optimizer", "plot_conv_weights"),
    "data": ("DatasetError", "load_fashion_mnist", "load_mnist", "read_idx"),
    "drawpad": ("DrawPad", "Inspection", "plot_inside", "plot_preprocess_steps", "plot_preprocessing"),
    "feature_maps": ("plot_feature_maps",),
    "i18n": ("language", "set_language", "t"),
    "models": ("load_saved_weights", "model_file", "save_model"),
    "notebook": ("setup",),
    "numbers": ("number", "percent"),
    "plots": ("plot_confusion_matrix", "plot_history", "plot_images", "plot_linear_weights", "plot_misclassified"),
    "preprocess": ("load_drawings", "render_strokes", "shrink", "to_mnist"),
    "repro": ("SEED", "seed_everything"),
    "training": ("print_epoch", "run_training"),
}
_MODULE_OF = {name: module for module, names in NAMES.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    """``shared.load_mnist`` and the like: import the helper's module on first use."""
    if name in NAMES:  # a module, e.g. shared.i18n
        return importlib.import_module(f"{__name__}.{name}")
    if name not in _MODULE_OF:
        raise AttributeError(f"module 'shared' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULE_OF[name]}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
