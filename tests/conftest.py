"""Shared test settings and helpers: figures drawn off-screen, a fixture that runs a test once
per course language, one that switches the language within a test, and a warning-catching
renderer. (`shared` is installed in the course's environment; pyproject.toml puts tests/ and
tools/ on pytest's import path.)"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from shared import fonts, i18n  # noqa: E402


@pytest.fixture(params=i18n.LANGUAGES)
def lang(request):
    """Run the test once per language, with that language's labels and fonts."""
    i18n.set_language(request.param)
    fonts.use_course_fonts(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture
def speak():
    """``speak("fr")`` switches the course's language for the rest of the test; English comes back after it."""
    yield i18n.set_language
    i18n.set_language("en")


def draw(fig: Figure, path: Path | None = None) -> list[str]:
    """Draw the figure off-screen (and to a PNG if ``path`` is given); return the warnings
    raised meanwhile, e.g. a glyph missing from the font."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        FigureCanvasAgg(fig).draw()
        if path is not None:
            path.parent.mkdir(exist_ok=True)
            fig.savefig(path)
    return [str(w.message) for w in caught]
