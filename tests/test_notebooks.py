"""Notebook hygiene, for every notebook in every language.

Valid and normalised JSON, executed top to bottom without errors, no absolute paths,
figures that exist, the course's structure (one title, overview, setup, summary,
exercises), a Colab button and setup cell that match course.toml, an accuracy check,
and a written reason for every nbval marker.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from codeparity import agree
from course_rules import FRAME_HEADINGS, REQUIRED_HEADINGS, colab_url, package_url
from exercises import exercises, solution_code
from nbtools import all_notebooks, formatted, language_of

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = all_notebooks()
IDS = [str(p.relative_to(ROOT / "notebooks")) for p in NOTEBOOKS]
ABSOLUTE_PATH = re.compile(r"(?<![\w.])(/(home|root|tmp|work|Users|var/folders)/|[A-Za-z]:\\\\)")
IMAGE_REF = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]*src=\"([^\"]+)\"")
NBVAL_MARKER = re.compile(r"^\s*#\s*(NBVAL_\w+)\s*$")


@pytest.fixture(params=NOTEBOOKS, ids=IDS)
def notebook(request):
    path = request.param
    return path, nbformat.read(path, as_version=4)


def headings(nb, level: int) -> list[str]:
    prefix = "#" * level + " "
    return [line[len(prefix):].strip() for cell in nb.cells if cell.cell_type == "markdown"
            for line in cell.source.splitlines() if line.startswith(prefix)]


def test_valid_and_normalised(notebook):
    path, nb = notebook
    nbformat.validate(nb)
    assert path.read_text(encoding="utf-8") == formatted(path), (
        f"{path.relative_to(ROOT)} is not normalised: run `python3 course.py format`")


def test_executed_top_to_bottom_without_errors(notebook):
    path, nb = notebook
    code = [c for c in nb.cells if c.cell_type == "code"]
    counts = [c.execution_count for c in code]
    assert counts == list(range(1, len(code) + 1)), (
        f"execution counts {counts}: run `python3 course.py execute {path.relative_to(ROOT)}`")
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert not errors, f"stored error output: {errors[0].get('ename')}: {errors[0].get('evalue')}"


def test_no_absolute_paths(notebook):
    path, _ = notebook
    found = ABSOLUTE_PATH.findall(path.read_text(encoding="utf-8"))
    assert not found, f"absolute paths in {path.name}: {found[:3]}"


def test_referenced_images_exist(notebook):
    path, nb = notebook
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for match in IMAGE_REF.finditer(cell.source):
            ref = match.group(1) or match.group(2)
            if ref.startswith(("http://", "https://")):
                continue
            target = (path.parent / ref).resolve()
            assert target.is_file(), f"{ref} does not exist"
            assert target.parent == ROOT / "images", f"{ref}: figures belong in images/"


def test_structure(notebook):
    path, nb = notebook
    lang = language_of(path)
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    assert len(headings(nb, 1)) == 1, "a notebook has exactly one H1 title"
    sections = headings(nb, 2)
    overview, setup, summary, exercises = REQUIRED_HEADINGS[lang]
    for heading in (overview, setup, summary, exercises):
        assert heading in sections, f"missing section '## {heading}'"
    assert sections.index(overview) < sections.index(setup) < sections.index(summary)
    assert sections[-2:] == [exercises, FRAME_HEADINGS[lang][1]], "the lesson ends with exercises, then further reading"
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    before = "\n".join(c.source for c in nb.cells[:first_code])
    assert f"## {overview}" in before, "the overview comes before any code"


def test_colab_button_matches_the_file(notebook):
    path, nb = notebook
    urls = re.findall(r"https://colab\.research\.google\.com/github/[^)\s\"]+", nb.cells[0].source)
    assert urls == [colab_url(path.relative_to(ROOT).as_posix())]


def setup_cell(nb) -> str:
    return next(c for c in nb.cells if c.cell_type == "code").source


def test_setup_cell(notebook):
    path, nb = notebook
    setup = setup_cell(nb)
    assert re.findall(r'^COURSE_LANG = "(\w+)"$', setup, re.MULTILINE) == [language_of(path)]
    install = f'%pip install --quiet "tf-mnist-course @ {package_url()}"'
    assert install in setup, "in Colab the cell installs the package from course.toml's address"
    assert "shared.setup(COURSE_LANG)" in setup
    assert len(setup.splitlines()) <= 12, "the setup cell stays short"


def test_setup_cell_is_the_same_in_every_notebook():
    """The same code everywhere; a translation translates its comment and error message (codeparity)."""
    first = setup_cell(nbformat.read(NOTEBOOKS[0], as_version=4))
    differ = [p.name for p in NOTEBOOKS if not agree(setup_cell(nbformat.read(p, as_version=4)), first)]
    assert not differ, f"setup cells differ beyond COURSE_LANG, comments and messages: {differ}"


def test_nothing_finds_shared_through_sys_path():
    """The package is installed; no notebook, test, tool or benchmark puts the course on sys.path."""
    files = [*NOTEBOOKS, *ROOT.glob("tests/*.py"), *ROOT.glob("tools/*.py"), *ROOT.glob("benchmarks/*.py"),
             ROOT / "course.py"]
    offenders = [f.name for f in files if re.search(r"sys\.path\.(insert|append)", f.read_text())
                 and f.name != "test_notebooks.py"]
    assert not offenders


def test_accuracy_is_checked_by_the_notebook(notebook):
    """In a code cell, or in a solution that trains (lesson 04's tasks), which the tests run too."""
    _, nb = notebook
    code = "\n".join([c.source for c in nb.cells if c.cell_type == "code"]
                     + [block for i in exercises(nb) for block in solution_code(nb.cells[i].source)])
    assert re.search(r"^assert .*accuracy.*>=", code, re.MULTILINE), "no accuracy threshold is asserted"


def test_nbval_markers_give_a_reason(notebook):
    _, nb = notebook
    for cell in nb.cells:
        lines = cell.source.splitlines()
        for i, line in enumerate(lines):
            if NBVAL_MARKER.match(line):
                reason = lines[i + 1].strip() if i + 1 < len(lines) else ""
                assert reason.startswith("#") and len(reason.split()) >= 4, (
                    f"{line.strip()} needs a comment on the next line saying why")


def test_lessons_hold_no_test_hooks(notebook):
    """The harness sets up its runs from outside (tools/ipython); no lesson reads its variables."""
    _, nb = notebook
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    found = re.findall(r"os\.environ|COURSE_(?!LANG\b)\w+", code)
    assert not found, f"a lesson reads the test harness's settings: {found}"
