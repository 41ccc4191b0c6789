"""Figure helpers: each returns a figure in every language; Chinese renders with real glyphs."""

from __future__ import annotations

import string
from pathlib import Path

import numpy as np
import pytest
from conftest import draw as render
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ft2font import FT2Font

import shared
from shared import fonts, i18n

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
RNG = np.random.default_rng(0)
IMAGES = RNG.integers(0, 256, (20, 28, 28)).astype(np.uint8)
LABELS = RNG.integers(0, 10, 20)
PREDICTIONS = np.where(np.arange(20) % 3 == 0, (LABELS + 1) % 10, LABELS)
FIGURES = {
    "images": lambda: shared.plot_images(IMAGES[:9], LABELS[:9]),
    "images_with_predictions": lambda: shared.plot_images(IMAGES[:9], LABELS[:9], PREDICTIONS[:9]),
    "misclassified": lambda: shared.plot_misclassified(IMAGES, LABELS, PREDICTIONS),
    "confusion": lambda: shared.plot_confusion_matrix(LABELS, PREDICTIONS),
    "confusion_normalised": lambda: shared.plot_confusion_matrix(LABELS, PREDICTIONS, normalize=True),
    "weights": lambda: shared.plot_linear_weights(RNG.normal(size=(784, 10))),
    "history": lambda: shared.plot_history({"loss": [1.0, 0.5], "accuracy": [0.8, 0.9],
                                            "val_loss": [1.1, 0.6], "val_accuracy": [0.7, 0.85]}),
}


@pytest.mark.parametrize("name", FIGURES)
def test_helper_returns_a_figure_with_titles(name, lang):
    fig = FIGURES[name]()
    assert isinstance(fig, Figure)
    titles = [ax.get_title() for ax in fig.axes] + [fig._suptitle.get_text() if fig._suptitle else ""]
    assert any(titles), "the figure has no title"
    assert render(fig) == []


def test_misclassified_shows_only_errors():
    i18n.set_language("en")
    fig = shared.plot_misclassified(IMAGES, LABELS, PREDICTIONS)
    captions = [ax.get_xlabel() for ax in fig.axes if ax.get_xlabel()]
    assert captions and all(c.split("\n")[0][-1] != c.split("\n")[1][-1] for c in captions)
    wrong = np.flatnonzero(LABELS != PREDICTIONS)
    assert len(captions) == min(9, len(wrong))


def test_confusion_matrix_counts():
    i18n.set_language("en")
    fig = shared.plot_confusion_matrix([0, 0, 1, 2], [0, 1, 1, 2], class_names=["a", "b", "c"])
    matrix = fig.axes[0].images[0].get_array()
    assert matrix.tolist() == [[1, 1, 0], [0, 1, 0], [0, 0, 1]]


def test_every_label_exists_in_every_language():
    for key, words in i18n.LABELS.items():
        assert set(words) == set(i18n.LANGUAGES), f"label {key!r} lacks {set(i18n.LANGUAGES) - set(words)}"
        assert all(w.strip() for w in words.values()), f"label {key!r} has an empty translation"


def test_every_label_has_the_same_placeholders_in_every_language():
    for key, words in i18n.LABELS.items():
        fields = {lang: {name for _, name, _, _ in string.Formatter().parse(text) if name}
                  for lang, text in words.items()}
        assert len({frozenset(names) for names in fields.values()}) == 1, f"label {key!r}: {fields}"


def test_figures_write_numbers_in_the_course_language(speak):
    speak("fr")
    fig = shared.plot_confusion_matrix([0, 0, 1, 2], [0, 1, 1, 2], class_names=["a", "b", "c"], normalize=True)
    render(fig)
    assert [text.get_text() for text in fig.axes[0].texts][:3] == ["0,50", "0,50", "0,00"]
    colour_bar = [label.get_text() for label in fig.axes[1].get_yticklabels()]
    assert "0,4" in colour_bar and not any("." in tick for tick in colour_bar), colour_bar
    counts = shared.plot_confusion_matrix([0, 0, 1, 2], [0, 1, 1, 2], class_names=["a", "b", "c"])
    assert [text.get_text() for text in counts.axes[0].texts][:3] == ["1", "1", "0"], "counts stay whole numbers"
    fig = FIGURES["history"]()
    render(fig)
    accuracy = [label.get_text() for label in fig.axes[1].get_yticklabels()]
    assert "0,800" in accuracy and not any("." in tick for tick in accuracy), accuracy
    fig = shared.plot_linear_weights(RNG.normal(size=(784, 10)) / 10)
    render(fig)
    colour_bar = [label.get_text() for label in fig.axes[-1].get_yticklabels()]
    assert "0,2" in colour_bar and not any("." in tick for tick in colour_bar), colour_bar


def test_a_missing_chinese_font_is_explained_in_chinese(monkeypatch):
    monkeypatch.setattr(fonts, "cjk_family", lambda: None)
    with pytest.raises(RuntimeError, match="^找不到包含中文字形的字体.*`pip install mplfonts`"):
        fonts.use_course_fonts("zh")


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="COURSE_LANG"):
        i18n.set_language("de")


def test_chinese_labels_render_with_real_glyphs():
    """Every Chinese label has a glyph in the font the course configures, and drawing warns of nothing."""
    family = fonts.cjk_family()
    assert family, "no CJK font found: is mplfonts installed?"
    path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    charmap = FT2Font(path).get_charmap()
    text = "".join(words["zh"] for words in i18n.LABELS.values())
    missing = sorted({ch for ch in text if ord(ch) > 0x2E7F and ord(ch) not in charmap})
    assert not missing, f"{family} has no glyph for {missing}"

    i18n.set_language("zh")
    fonts.use_course_fonts("zh")
    try:
        fig = shared.plot_confusion_matrix(LABELS, PREDICTIONS)
        caught = render(fig, ARTIFACTS / "confusion_matrix_zh.png")
        assert not [w for w in caught if "missing from font" in w], caught
        assert fig.axes[0].get_title() == "混淆矩阵"
    finally:
        i18n.set_language("en")
