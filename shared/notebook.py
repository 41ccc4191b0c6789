"""``setup(COURSE_LANG)``: the first call of every notebook."""

from __future__ import annotations

import sys

import keras
import tensorflow as tf

from .fonts import use_course_fonts
from .i18n import set_language, t
from .repro import seed_everything

# The oldest versions the course is tested with: Colab's (constraints-colab.txt), which are also
# the lower bounds of pyproject.toml (tests/test_environment.py keeps them equal).
MIN_TENSORFLOW = (2, 20)
MIN_KERAS = (3, 13)


def _version(text: str) -> tuple[int, int]:
    major, minor = text.split(".")[:2]
    return int(major), int(minor)


def check_versions(lang: str | None = None) -> None:
    """Stop with a helpful message, in ``lang`` (default: the chosen language), if TensorFlow or
    Keras is too old for the course."""
    fix = t("setup_fix_colab" if "google.colab" in sys.modules else "setup_fix_local", lang)
    for package, version, minimum in (("TensorFlow", tf.__version__, MIN_TENSORFLOW),
                                      ("Keras", keras.__version__, MIN_KERAS)):
        if _version(version) < minimum:
            raise RuntimeError(t("setup_too_old", lang).format(package=package, minimum=".".join(map(str, minimum)),
                                                               version=version, fix=fix))


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
    """Choose the language of figures and messages, check versions, set fonts, seed everything."""
    set_language(lang)  # first: it refuses an unknown COURSE_LANG, and the version check speaks ``lang``
    check_versions(lang)
    _show_figures_inline()
    use_course_fonts(lang)
    seed_everything()
    print(f"TensorFlow {tf.__version__}, Keras {keras.__version__}, COURSE_LANG = {lang!r}")
