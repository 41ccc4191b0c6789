"""A translated lesson prints in its own language: no stored text output that the course itself
prints may be the English one. Only what TensorFlow, Keras and pandas print themselves stays.

A line of a translation's output is English when the English notebook's same cell printed the
same line, numbers aside (a French "99,14 %" is the English "99.14%" as far as words go), and it
holds an English word: a word of letters only that is not a name the course prints in every
language (NEUTRAL). Shapes, numbers, layer and variable names pass. NumPy prints its arrays
itself, with decimal points in every language ("[[0.12 0.032 ...]]").
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbtools import NOTEBOOKS, TRANSLATIONS, english_source

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = sorted(p for lang in TRANSLATIONS for p in (NOTEBOOKS / lang).glob("*.ipynb"))
WORD = re.compile(r"(?<![\w./])[A-Za-z]{2,}(?![\w(])")  # not the parts of a name like conv1/kernel
# Names, units and Python values printed the same in every language, and names the code gives
# to layers and stages (printed as the learner types them: model.get_layer("logits")).
NEUTRAL = {"TensorFlow", "Keras", "MNIST", "COURSE_LANG", "True", "False", "None", "MB", "KB", "en", "es", "zh",
           "fr", "logits", "flat"}
# What the libraries print themselves, left as they print it (each with the reason).
THEIRS = [
    re.compile(r"^Epoch \d+/\d+$"),  # Keras's fit: the epoch header ...
    re.compile(r"^\d+/\d+ - .*step"),  # ... and its progress line ("430/430 - 10s - 24ms/step - accuracy: ...")
    re.compile(r"^\s*(val_)?(accuracy|loss):"),  # the keys of Keras's history dict, as the learner types them
]


def text_outputs(cell) -> list[str]:
    """The text a cell shows: printed streams, and values shown as plain text only. Rich outputs
    (pandas' tables, Keras's model summary with its colour codes, figures) are the libraries' own."""
    texts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            texts.append(output.text)
        elif output.output_type in {"execute_result", "display_data"} and set(output.data) == {"text/plain"}:
            if "\x1b[" not in output.data["text/plain"]:
                texts.append(output.data["text/plain"])
    return texts


NUMBER = re.compile(r"\d[\d.,\u00a0\u202f]*\s?%?")


def words(line: str) -> str:
    """A line with every number (and its % sign) masked, so that only the words are compared."""
    return NUMBER.sub("<n>", line)


def is_english(line: str, english: set[str]) -> bool:
    """Whether a line of a translation's output is one of ``english`` (lines masked by ``words``)."""
    return (words(line) in english and not any(p.search(line) for p in THEIRS)
            and bool(set(WORD.findall(line)) - NEUTRAL))


def english_lines(path: Path) -> list[tuple[int, str]]:
    """(code cell number, line) of every output line of a translation that is English."""
    ours = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    theirs = [c for c in nbformat.read(english_source(path), as_version=4).cells if c.cell_type == "code"]
    found = []
    for number, (cell, english) in enumerate(zip(ours, theirs)):
        english_text = {words(line) for text in text_outputs(english) for line in text.splitlines()}
        found += [(number, line) for text in text_outputs(cell) for line in text.splitlines()
                  if is_english(line, english_text)]
    return found


@pytest.mark.parametrize("path", TRANSLATED, ids=[str(p.relative_to(NOTEBOOKS)) for p in TRANSLATED])
def test_a_translation_prints_in_its_language(path):
    found = english_lines(path)
    assert not found, "English output (code cell number, line): " + "; ".join(f"{n}: {line!r}" for n, line in found)


def test_the_check_sees_english():
    """The rule itself: an English line is caught, with its numbers written another way too; a
    translated or neutral line is not."""
    english = {words(line) for line in ["test accuracy: 99.14%", "conv1: (2, 28, 28, 16)", "Epoch 1/2"]}
    assert is_english("test accuracy: 99.14%", english)
    assert is_english("test accuracy: 99,14\u00a0%", english)
    assert not is_english("exactitude : 99,14\u00a0%", english)
    assert not is_english("conv1: (2, 28, 28, 16)", english)
    assert not is_english("Epoch 1/2", english)
