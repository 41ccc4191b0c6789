"""Exercises in the notebooks: their hidden hints and solutions, and the student edition.

An exercise is a markdown cell holding two closed ``<details>`` blocks, written like this
(the summaries in the notebook's language, ``shared.i18n`` keys "hint" and "solution"):

    **3. A title.** What to do.

    <details class="hint"><summary>Hint</summary>

    A nudge in the right direction.

    </details>

    <details class="solution"><summary>Solution</summary>

    Prose, and the code that answers it, in fenced ```python blocks.

    </details>

Markdown never runs, so "Run all" leaves the solutions alone, and every renderer (JupyterLab,
Colab, GitHub, nbviewer, the HTML export) shows a closed ``<details>`` as its summary only.
The tests run each solution's code right after its exercise, in the lesson's own kernel
(``solutions_notebook``); ``student_edition`` drops the solutions for an instructor's class.
"""

from __future__ import annotations

import copy
import re
import shutil
import sys
from pathlib import Path

import nbformat

DETAILS = re.compile(r'<details class="(?P<kind>hint|solution)"><summary>(?P<summary>[^<]*)</summary>\n'
                     r'(?P<body>.*?)\n</details>\n?', re.S)
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)\n```$", re.S | re.M)
CHECK_CALL = re.compile(r'shared\.check\(\s*"([^"]+)"')


def details(source: str, kind: str) -> list[re.Match]:
    """The ``<details class="kind">`` blocks of a markdown cell's source."""
    return [m for m in DETAILS.finditer(source) if m["kind"] == kind]


def is_exercise(cell) -> bool:
    return cell.cell_type == "markdown" and bool(details(cell.source, "solution"))


def exercises(nb) -> list[int]:
    """The indices of the exercise cells (tasks included), in order."""
    return [i for i, cell in enumerate(nb.cells) if is_exercise(cell)]


def solution_code(source: str) -> list[str]:
    """The fenced ```python blocks of an exercise cell's solution."""
    return [code for match in details(source, "solution") for code in PYTHON_BLOCK.findall(match["body"])]


def check_names(text: str) -> list[str]:
    """The names of the self-checks called in a piece of code, e.g. ["02.fc1_without_pooling"]."""
    return CHECK_CALL.findall(text)


def solutions_notebook(nb):
    """A copy of the lesson with each solution's code as code cells right after its exercise.

    The cells are tagged ``solution-<index of the exercise cell>``; a last cell asserts
    that every self-check called by a solution said "right".
    """
    nb = copy.deepcopy(nb)
    cells, called = [], []
    for index, cell in enumerate(nb.cells):
        cells.append(cell)
        for code in solution_code(cell.source) if is_exercise(cell) else []:
            cells.append(nbformat.v4.new_code_cell(code, metadata={"tags": [f"solution-{index}"]}))
            called += check_names(code)
    verdict = ("import shared.checks\n"
               f"wrong = [name for name in {called!r} if not shared.checks.RESULTS.get(name)]\n"
               "assert not wrong, f'solutions whose self-check is not right: {wrong}'")
    cells.append(nbformat.v4.new_code_cell(verdict, metadata={"tags": ["solution-checks"]}))
    nb.cells = cells
    return nb


def student_edition(nb, lang: str = "en"):
    """A copy of the lesson without the solutions and without outputs (hints and checks stay);
    the exercises' opening text no longer mentions solutions."""
    from shared.i18n import t

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = cell.source.replace(t("exercises_intro", lang), t("exercises_intro_student", lang))
            for match in reversed(details(cell.source, "solution")):
                cell.source = (cell.source[:match.start()] + cell.source[match.end():]).rstrip("\n")
        elif cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def write_student_edition(root: Path, target: Path) -> list[Path]:
    """Write every notebook of ``root``/notebooks without solutions to ``target``/notebooks,
    with the images they show; return the notebooks written."""
    from nbtools import all_notebooks, format_notebook, language_of

    target = target.resolve()
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} is not empty: choose a new folder for the student edition.")
    written = []
    for path in all_notebooks():
        out = target / path.relative_to(root)
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(student_edition(nbformat.read(path, as_version=4), language_of(path)), out)
        format_notebook(out)
        written.append(out)
    shutil.copytree(root / "images", target / "images")
    return written


def reading_words(nb) -> int:
    """The words a learner reads in a lesson: its markdown without the folded hints and
    solutions, and its code (a lesson's study time is counted from it)."""
    words = 0
    for cell in nb.cells:
        text = DETAILS.sub("", cell.source) if cell.cell_type == "markdown" else cell.source
        words += len(text.split())
    return words


def run_solutions(path: Path, env: dict[str, str], keep: Path | None = None):
    """Run the lesson ``path`` with every solution after its exercise; return the executed notebook.

    Raises nbclient's CellExecutionError, which names the cell, when a solution fails. ``keep``:
    a file to write the executed notebook to, as far as it ran, failure or not.
    """
    from nbclient import NotebookClient

    nb = solutions_notebook(nbformat.read(path, as_version=4))
    try:
        NotebookClient(nb, timeout=1200, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
    finally:
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, keep)
    return nb


def main(argv: list[str]) -> None:
    from nbtools import ROOT, harness_environment

    command, args = (argv[0], argv[1:]) if argv else ("", [])
    if command == "student-edition" and len(args) == 1:
        try:
            notebooks = write_student_edition(ROOT, Path(args[0]))
        except FileExistsError as error:
            sys.exit(str(error))
        print(f"Wrote {len(notebooks)} notebooks without solutions to {Path(args[0]) / 'notebooks'}.")
    elif command == "solve" and args:
        import tempfile
        import time

        with tempfile.TemporaryDirectory(prefix="course-training-") as cache:
            for name in args:
                start = time.perf_counter()
                run_solutions(Path(name).resolve(), harness_environment(cache))
                print(f"{name}: the lesson and its solutions ran in {time.perf_counter() - start:.1f} s")
    else:
        sys.exit("usage: exercises.py student-edition DIR | solve NOTEBOOK ...")


if __name__ == "__main__":  # through course.py: student-edition DIR, solve NOTEBOOK ...
    main(sys.argv[1:])
