"""``setup(COURSE_LANG)``: the first call of every notebook."""

from __future__ import annotations

import sys

import keras
import tensorflow as tf

from .fonts import use_course_fonts
from .i18n import set_language
from .repro import seed_everything

# The oldest versions the course is tested with: Colab's (constraints-colab.txt), which are also
# the lower bounds of pyproject.toml (tests/test_environment.py keeps them equal).
MIN_TENSORFLOW = (2, 20)
MIN_KERAS = (3, 13)


def _version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor)


def check_versions() -> None:
    """Stop with a helpful message if TensorFlow or Keras is too old for the course."""
    in_colab = "google.colab" in sys.modules
    fix = ("In Colab, choose Runtime > Restart session, then run the notebook again."
           if in_colab else
           "Set up the course's environment (see README.md: `python3 course.py lab`) and choose its kernel.")
    if _version(tf.__version__) < MIN_TENSORFLOW:
        raise RuntimeError(f"This course needs TensorFlow >= {'.'.join(map(str, MIN_TENSORFLOW))}, "
                           f"but this kernel has {tf.__version__}. {fix}")
    if _version(keras.__version__) < MIN_KERAS:
        raise RuntimeError(f"This course needs Keras >= {'.'.join(map(str, MIN_KERAS))}, "
                           f"but this kernel has {keras.__version__}. {fix}")


def _show_figures_inline() -> None:
    """In a notebook, draw returned figures as images under the cell (``%matplotlib inline``)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None and hasattr(shell, "kernel"):
        shell.run_line_magic("matplotlib", "inline")


def setup(lang: str) -> None:
    """Check versions, choose the language of figures, set fonts, seed everything."""
    check_versions()
    _show_figures_inline()
    set_language(lang)
    use_course_fonts(lang)
    seed_everything()
    print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}, COURSE_LANG = {lang!r}")
