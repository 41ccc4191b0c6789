"""Exercises: a hint and a hidden solution each, solutions that run and say what they claim,
self-checks, the same exercises in every language, hidden in the HTML export, and the
student edition (tools/exercises.py)."""

from __future__ import annotations

import html.parser
import os
import re
from pathlib import Path

import nbformat
import pytest
from codeparity import agree
from exercises import (
    check_names,
    details,
    exercises,
    is_exercise,
    run_solutions,
    solution_code,
    student_edition,
    write_student_edition,
)
from nbtools import ROOT, all_notebooks, english_notebooks, english_source, language_of

from shared import checks, i18n

ARTIFACTS = ROOT / "artifacts" / "solutions"
CHECK_CELL = re.compile(r'answer = None\nshared\.check\("(\d\d\.\w+)", answer\)')


def read(path: Path):
    return nbformat.read(path, as_version=4)


def lesson_number(path: Path) -> str:
    return path.name[:2]


def check_cells(nb) -> list[str]:
    """The names checked by the lesson's own check cells (``answer = None`` + ``shared.check``)."""
    return [name for cell in nb.cells if cell.cell_type == "code" for name in CHECK_CELL.findall(cell.source)]


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
class TestExerciseCells:
    def test_every_exercise_has_one_hint_then_one_solution_labelled_in_its_language(self, path):
        nb, lang = read(path), language_of(path)
        assert exercises(nb), "no exercises"
        for index in exercises(nb):
            source = nb.cells[index].source
            hints, solutions = details(source, "hint"), details(source, "solution")
            assert len(hints) == 1 and len(solutions) == 1, f"cell {index}: one hint and one solution"
            assert hints[0].start() < solutions[0].start(), f"cell {index}: the hint comes first"
            assert hints[0]["summary"] == i18n.t("hint", lang), f"cell {index}: hint label"
            assert solutions[0]["summary"] == i18n.t("solution", lang), f"cell {index}: solution label"
            assert solution_code(source), f"cell {index}: a solution without a ```python block"

    def test_nothing_is_shown_open_and_no_details_block_is_malformed(self, path):
        for cell in read(path).cells:
            if cell.cell_type == "markdown":
                assert "<details open" not in cell.source
                assert cell.source.count("<details") == len(details(cell.source, "hint")) + len(
                    details(cell.source, "solution")), "a <details> block the exercise format does not match"

    def test_at_least_two_self_checks_each_known_and_answered_by_a_solution(self, path):
        nb = read(path)
        names = check_cells(nb)
        assert len(set(names)) >= 2, "fewer than two self-checks"
        answered = {n for i in exercises(nb) for code in solution_code(nb.cells[i].source) for n in check_names(code)}
        for name in names:
            checks.spec(name)  # raises if unknown
            assert name.startswith(lesson_number(path) + "."), f"{name} belongs to another lesson"
            assert name in answered, f"no solution calls shared.check({name!r}, ...)"
        code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        assert len(check_names(code)) == len(names), "a shared.check call outside the standard check cell"

    def test_a_check_cell_follows_its_exercise(self, path):
        nb = read(path)
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code" and CHECK_CELL.search(cell.source):
                assert cell.source == CHECK_CELL.search(cell.source)[0]
                assert is_exercise(nb.cells[index - 1]), f"check cell {index} does not follow an exercise"


@pytest.mark.parametrize("path", [p for p in all_notebooks() if language_of(p) != "en"],
                         ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_a_translation_has_the_same_exercises_and_solution_code(path):
    """The same code but for comments and displayed text, as in the lesson's code cells."""
    ours, english = read(path), read(english_source(path))
    assert exercises(ours) == exercises(english), "the exercises are not in the same cells as in English"
    for index in exercises(english):
        blocks, english_blocks = solution_code(ours.cells[index].source), solution_code(english.cells[index].source)
        assert len(blocks) == len(english_blocks), f"cell {index}: not as many code blocks as in English"
        for block, english_block in zip(blocks, english_blocks):
            assert agree(block, english_block), (
                f"cell {index}: solution code differs from the English notebook in more than comments "
                "and displayed text (tools/codeparity.py)")


def test_every_check_in_the_answer_files_is_used_by_its_lesson():
    used = {name for path in english_notebooks() for name in check_cells(read(path))}
    defined = {f"{lesson}.{key}" for lesson in ("01", "02", "03", "04", "05", "06")
               for key in checks.lesson_checks(lesson)}
    assert defined == used


class VisibleText(html.parser.HTMLParser):
    """The text of an HTML page, split into what is inside a closed solution block and the rest."""

    def __init__(self):
        super().__init__()
        self.depth, self.hidden, self.shown, self.opened = 0, [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "details" and (self.depth or "solution" in (attrs.get("class") or "")):
            self.depth += 1
            self.opened += "open" in attrs

    def handle_endtag(self, tag):
        if tag == "details" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        (self.hidden if self.depth else self.shown).append(data)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_the_html_export_shows_solutions_only_when_opened(path):
    from nbconvert import HTMLExporter

    nb = read(path)
    page, _ = HTMLExporter().from_notebook_node(nb)
    text = VisibleText()
    text.feed(page)
    assert text.opened == 0
    hidden = squeeze("".join(text.hidden))
    for index in exercises(nb):
        for code in solution_code(nb.cells[index].source):
            assert squeeze(code) in hidden, f"cell {index}: solution code not inside a closed <details>"
    assert len(text.hidden) and len(text.shown)


@pytest.mark.parametrize("path", english_notebooks(), ids=lambda p: p.stem)
def test_every_solution_runs_after_its_exercise_and_its_checks_say_right(path):
    """The lesson, each solution's code right after its exercise, in one kernel (the same
    settings as nbval's runs; the training cache lets the lesson replay its training)."""
    nb = run_solutions(path, dict(os.environ), keep=ARTIFACTS / path.name)  # every output, for a reviewer
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors


def test_the_student_edition_has_no_solutions_and_runs(tmp_path):
    from nbclient import NotebookClient

    target = tmp_path / "class"
    written = write_student_edition(ROOT, target)
    assert len(written) == len(all_notebooks()) == 24
    assert (target / "images").is_dir()
    for path in written:
        nb = read(path)
        source = read(ROOT / path.relative_to(target))
        assert not any(details(c.source, "solution") for c in nb.cells if c.cell_type == "markdown")
        assert [len(details(c.source, "hint")) for c in nb.cells] == [
            len(details(c.source, "hint")) for c in source.cells]
        assert check_cells(nb) == check_cells(source)
        assert not any(c.outputs for c in nb.cells if c.cell_type == "code")
    with pytest.raises(FileExistsError):
        write_student_edition(ROOT, target)
    first = target / "notebooks" / "fr" / "01_linear_baseline.ipynb"
    nb = read(first)
    NotebookClient(nb, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(first.parent)}}).execute(env=dict(os.environ))
    printed = [o.get("text", "") for c in nb.cells if c.cell_type == "code" and CHECK_CELL.search(c.source)
               for o in c.outputs]
    assert printed and all(text.strip() == i18n.t("check_missing", "fr") for text in printed)


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(ROOT / "notebooks")))
def test_the_exercises_open_with_the_course_text(path):
    """One text in shared.i18n, which the student edition swaps for one that promises no solutions."""
    lang = language_of(path)
    opening = [c.source for c in read(path).cells if i18n.t("exercises_intro", lang) in c.source]
    assert len(opening) == 1 and opening[0].startswith("## "), "no exercises opening cell with the course's text"
    edition = student_edition(read(path), lang)
    assert not any(i18n.t("exercises_intro", lang) in c.source for c in edition.cells)
    assert any(i18n.t("exercises_intro_student", lang) in c.source for c in edition.cells)


def test_student_edition_keeps_a_lesson_readable():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        '**1. Try.** Do it.\n\n<details class="hint"><summary>Hint</summary>\n\nThink.\n\n</details>\n\n'
        '<details class="solution"><summary>Solution</summary>\n\n```python\nx = 1\n```\n\n</details>')])
    cell = student_edition(nb).cells[0]
    assert cell.source == '**1. Try.** Do it.\n\n<details class="hint"><summary>Hint</summary>\n\nThink.\n\n</details>'
