"""The parity rule of translated code (tools/codeparity.py): comments and displayed text may be
translated, nothing else may change. Each slip below is made in a real cell of an English
lesson and must be caught; each allowed change must pass."""

from __future__ import annotations

import nbformat
import pytest
from codeparity import agree, merge, skeleton, spans, translatable, untranslated
from nbtools import NOTEBOOKS


def code_cell(lesson: str, needle: str) -> str:
    """The code cell of an English lesson that contains ``needle``."""
    nb = nbformat.read(next(NOTEBOOKS.glob(f"{lesson}_*.ipynb")), as_version=4)
    return next(c.source for c in nb.cells if c.cell_type == "code" and needle in c.source)


# (lesson, a text of the cell, what a careless translator changes it into)
SLIPS = {
    "a layer name": ("03", 'name="conv1"', 'name="conv_1"'),
    "a padding mode": ("03", 'padding="same"', 'padding="valid"'),
    "a raw-op padding mode": ("02", '("SAME", "VALID")', '("SAME", "SAME")'),
    "a number of filters": ("03", "layers.Conv2D(16, 5", "layers.Conv2D(32, 5"),
    "a learning rate": ("02", "warmup_target=3e-3", "warmup_target=3e-4"),
    "an accuracy threshold": ("01", "test_accuracy >= 0.92", "test_accuracy >= 0.9"),
    "a check's name": ("01", '"01.softmax"', '"01.soft_max"'),
    "a format spec in a message": ("02", "{stride}:", "{stride:2}:"),
    "a field of a message": ("02", "{output.shape}", "{output.dtype}"),
    "a dictionary key": ("02", '"conv1": conv1,', '"conv_1": conv1,'),
    "an activation": ("03", 'activation="relu", name="fc1"', 'activation="tanh", name="fc1"'),
    "a string that is no message": ("04", '"label"', '"etiqueta"'),
    "the language line's neighbour": ("01", "import sys", "import os"),
}


@pytest.mark.parametrize("slip", SLIPS)
def test_a_slip_in_the_code_is_caught(slip):
    lesson, old, new = SLIPS[slip]
    english = code_cell(lesson, old)
    assert not agree(english.replace(old, new, 1), english), f"changing {slip} went unnoticed"


def test_an_added_statement_is_caught():
    english = code_cell("01", "test accuracy after training")
    assert not agree(english + "\ntest_accuracy = 1.0", english)


# Translations a translator may make: (lesson, English text, translated text)
ALLOWED = {
    "a printed label": ("01", '"pixel values:"', '"valores de los píxeles:"'),
    "the words of an f-string": ("01", "test accuracy after training:", "exactitud en prueba tras el entrenamiento:"),
    "an assertion message": ("01", "is below the 92% this lesson should reach", "está por debajo del 92 %"),
    "a comment": ("02", "# top, left, bottom, right", "# arriba, izquierda, abajo, derecha"),
    "a docstring": ("02", '"""Random weights;', '"""Pesos aleatorios;'),
    "the setup cell's error": ("01", "This kernel lacks the course's package", "A este núcleo le falta el paquete"),
    "the language": ("01", 'COURSE_LANG = "en"', 'COURSE_LANG = "es"'),
}


@pytest.mark.parametrize("change", ALLOWED)
def test_a_translation_of_text_passes(change):
    lesson, old, new = ALLOWED[change]
    english = code_cell(lesson, old)
    assert agree(english.replace(old, new, 1), english), f"translating {change} was refused"


def test_the_fields_of_a_message_may_change_order():
    english = 'print(f"after {steps} steps: {accuracy:.2%}")'
    assert agree('print(f"{accuracy:.2%} tras {steps} pasos")', english)
    assert not agree('print(f"{accuracy:.2%} tras {steps} pasos {steps}")', english)


def test_translatable_text_is_what_a_translator_sees():
    source = 'x = "label"  # a comment\nprint("shown:", x)\nassert x, f"bad {x}"'
    assert translatable(source) == ["# a comment", "'shown:'", "f'bad {x}'"]
    assert translatable('print("one "\n      "line")') == translatable('print("one line")')


def test_magics_are_understood():
    assert skeleton('%pip install --quiet "a"\nprint("x")') == skeleton('%pip install --quiet "a"\nprint("y")')
    assert skeleton('%pip install --quiet "a"') != skeleton('%pip install --quiet "b"')


def test_merge_keeps_the_translation_of_unchanged_lines():
    english = 'n = 1  # one\nprint(f"count: {n}")'
    spanish = 'n = 1  # uno\nprint(f"cuenta: {n}")'
    assert merge(spanish, english.replace("n = 1", "n = 2")) == ('n = 2  # one\nprint(f"cuenta: {n}")', True)
    assert merge(spanish, english) == (spanish, True)


def test_merge_keeps_a_message_when_english_wraps_its_line():
    spanish = 'assert ok, f"la exactitud {a} está por debajo del 92 %"'
    assert merge(spanish, 'assert ok, (\n    f"accuracy {a} is below the 92% this lesson should reach")') == (
        spanish, True)  # the same code: nothing to bring over
    changed = 'assert ok and b, (\n    f"accuracy {a} is below the 92% this lesson should reach")'
    assert merge(spanish, changed) == ('assert ok and b, (\n    f"la exactitud {a} está por debajo del 92 %")', True)


def test_positions_count_characters_not_bytes():
    (span,) = [s for s in spans('print(f"28×28: {x}")  # ×') if s.stand_in != "#…"]
    assert span.text == 'f"28×28: {x}"'


def test_merge_never_moves_a_plain_message_and_reports_english_text():
    """Plain strings all look alike: a lost translation is not guessed into another string."""
    spanish = 'x = 1\nprint("Guardando modelo")'
    english = 'y = load()\nprint("Saving model")\nprint("Done")'
    merged, agrees = merge(spanish, english)
    assert agrees and merged.count("Guardando modelo") <= 1
    assert "'Done'" in untranslated(merged, spanish, english)


def test_leading_blank_lines_keep_positions_right():
    assert [s.text for s in spans('\nx = 1  # uno\nprint("hola", x)')] == ["# uno", '"hola"']
