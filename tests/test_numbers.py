"""Numbers as each language writes them (shared/numbers.py), and the prose writing them the same way."""

from __future__ import annotations

import re

import nbformat
import pytest
from matplotlib.figure import Figure
from nbtools import all_notebooks, language_of

from shared import i18n
from shared.numbers import NBSP, STYLES, number, percent
from shared.plots import localise_ticks


@pytest.mark.parametrize("lang, share, digits, expected", [
    ("en", 0.9914, 2, "99.14%"), ("zh", 0.9914, 2, "99.14%"),
    ("es", 0.9914, 2, f"99.14{NBSP}%"), ("fr", 0.9914, 2, f"99,14{NBSP}%"),
    ("en", 1.0, 0, "100%"), ("fr", 0.5, 0, f"50{NBSP}%"),
])
def test_percent(lang, share, digits, expected):
    assert percent(share, digits, lang) == expected


@pytest.mark.parametrize("lang, value, digits, expected", [
    ("en", 242062, 0, "242,062"), ("zh", 1720, 0, "1,720"), ("en", -0.0255, 4, "-0.0255"),
    ("es", 242062, 0, f"242{NBSP}062"), ("es", 1720, 0, "1720"), ("es", 2.5, 1, "2.5"),
    ("fr", 242062, 0, f"242{NBSP}062"), ("fr", 1720, 0, f"1{NBSP}720"), ("fr", -0.0255, 4, "-0,0255"),
    ("fr", 1234567.891, 2, f"1{NBSP}234{NBSP}567,89"), ("en", 0.000100, 6, "0.000100"),
])
def test_number(lang, value, digits, expected):
    assert number(value, digits, lang) == expected


def test_the_chosen_language_is_the_default():
    try:
        i18n.set_language("fr")
        assert percent(0.25) == f"25,0{NBSP}%"
    finally:
        i18n.set_language("en")


def test_french_figures_get_a_decimal_comma():
    fig = Figure()
    ax = fig.subplots()
    ax.plot([0, 1], [0.0, 0.5])
    ax.set_xticks([0, 1], ["a", "b"])  # a helper's own labels are left alone
    try:
        i18n.set_language("fr")
        localise_ticks(fig)
        fig.canvas.draw()
        labels = [label.get_text() for label in ax.get_yticklabels()]
    finally:
        i18n.set_language("en")
    assert "0,5" in labels and not any("." in label for label in labels)
    assert [label.get_text() for label in ax.get_xticklabels()] == ["a", "b"]


# --- The prose ---------------------------------------------------------------------------------

def prose_numbers(source: str) -> str:
    """Markdown without code, formulas, HTML tags and link targets: where the prose writes numbers."""
    text = re.sub(r"```.*?```", " ", source, flags=re.S)
    text = re.sub(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|<[^>]+>|\]\([^)]*\)", " ", text, flags=re.S)
    return text


NUMBER_PERCENT = re.compile(r"(\d[\d.,]*)([ \u00a0\u202f]?)%")
SPACE_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])")
COMMA_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")
DECIMAL_COMMA = re.compile(r"(?<![\w.,])\d+,\d{1,2}(?![\d,])|(?<![\w.,])\d+,\d{4,}(?![\d,])")
DECIMAL_POINT = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")
VERSIONED = re.compile(r"(TensorFlow|Keras|Python|NumPy|pandas|matplotlib|ipywidgets|anywidget|IPython|version|"
                       r"versión|版本|JupyterLab|Notebook)\s*$", re.I)


def slips(text: str, lang: str) -> list[str]:
    """The numbers of ``text`` (prose, see prose_numbers) not written the way ``lang`` writes them."""
    style, found = STYLES[lang], []
    for match in NUMBER_PERCENT.finditer(text):
        digits, space = match.groups()
        wrong_mark = ("." if style.decimal == "," else ",") in digits
        wrong_space = (space != "") if style.before_percent == "" else (space not in {NBSP, "\u202f"})
        if wrong_mark or wrong_space:
            found.append(match.group())
    if style.thousands == ",":
        found += SPACE_GROUPS.findall(text)
    else:
        found += [g for g in COMMA_GROUPS.findall(text) if style.decimal != ","]  # French 0,125 is a decimal
        found += [g for g in SPACE_GROUPS.findall(text) if " " in g  # groups need a no-break space
                  or len(re.sub(r"\D", "", g)) < style.group_from]  # Spanish writes 1720, not 1 720
    if style.decimal == ".":
        found += DECIMAL_COMMA.findall(text)
    if style.decimal == ",":
        found += [m.group() for m in DECIMAL_POINT.finditer(text) if not VERSIONED.search(text[:m.start()])]
    return found


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(p.parents[1])) if
                         language_of(p) != "en" else p.name)
def test_the_prose_writes_numbers_the_languages_way(path):
    lang = language_of(path)
    text = "\n".join(prose_numbers(c.source) for c in nbformat.read(path, as_version=4).cells
                     if c.cell_type == "markdown")
    found = slips(text, lang)
    assert not found, f"numbers not written as {lang} writes them (shared/numbers.py): {found[:10]}"


def test_the_prose_check_sees_slips():
    assert slips("about 99 % of them, 55 000 images", "en") == ["99 %", "55 000"]
    assert slips(f"environ 99,1{NBSP}% et 0.5 de plus", "fr") == ["0.5"]
    assert slips("el 99% de 55,000 imágenes", "es") == ["99%", "55,000"]
    assert slips(f"TensorFlow 2.21 y el 99.1{NBSP}%", "es") == []
    assert slips(f"una tasa de 0,5 y 1{NBSP}720 pasos", "es") == ["1\u00a0720", "0,5"]
