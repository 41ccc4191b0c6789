"""Notebook tools: execute (the course's runner), format, and translation records.

Run through ``course.py`` (``python3 course.py execute|format|translated``), which
uses the course's virtual environment. The tests import the same functions, so
what the runner writes and what the tests check cannot drift apart.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from shared.i18n import LANGUAGES
from shared.models import MODEL_CACHE_ENV
from shared.training import CACHE_ENV

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != "en")  # each has its folder in notebooks/
IPYTHON_PROFILE = ROOT / "tools" / "ipython"  # the kernel settings of every run, see that folder
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
KEPT_CELL_METADATA = ("tags", "jupyter")  # tags for nbval markers, jupyter for hidden solution cells


def english_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def all_notebooks() -> list[Path]:
    """English first, then each translation folder: the order the training cache relies on."""
    paths = english_notebooks()
    for lang in TRANSLATIONS:
        paths += sorted((NOTEBOOKS / lang).glob("*.ipynb"))
    return paths


def language_of(path: Path) -> str:
    return path.parent.name if path.parent.name in TRANSLATIONS else "en"


def english_source(path: Path) -> Path:
    return NOTEBOOKS / path.name


def source_digest(path: Path) -> str:
    """A digest of an English notebook's prose (its markdown cells, in order).

    Editing any markdown cell changes it; re-running the notebook or editing code does
    not: code is copied to the translations by ``sync-code`` and checked for identity.
    """
    nb = nbformat.read(path, as_version=4)
    h = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            h.update(cell.source.encode() + b"\0")
    return h.hexdigest()


def sync_code(path: Path) -> bool:
    """Copy the English notebook's code cells into the translation ``path``; True if it changed.

    Only the ``COURSE_LANG`` line keeps the translation's language. Refuses when the two
    notebooks have a different number of code cells: then a translator must restructure it.
    """
    english = [c.source for c in nbformat.read(english_source(path), as_version=4).cells
               if c.cell_type == "code"]
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    if len(code) != len(english):
        raise ValueError(f"{path}: {len(code)} code cells, English has {len(english)}; update it by hand")
    lang = language_of(path)
    changed = False
    for cell, source in zip(code, english):
        source = source.replace('COURSE_LANG = "en"', f'COURSE_LANG = "{lang}"')
        if cell.source != source:
            cell.source, cell.outputs, cell.execution_count, changed = source, [], None, True
    if changed:
        nbformat.write(nb, path)
        format_notebook(path)
    return changed


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop machine- and session-specific metadata; keep what the course uses."""
    course = nb.metadata.get("course")
    nb.metadata = nbformat.NotebookNode(kernelspec=KERNELSPEC, language_info={"name": "python"})
    if course:
        nb.metadata["course"] = course
    nb.nbformat, nb.nbformat_minor = 4, 5
    # Cell ids are kept as they are (nbformat gives a new cell a random one when it reads the
    # file), so inserting a cell changes no other cell.
    for cell in nb.cells:
        cell.metadata = nbformat.NotebookNode(
            {k: v for k, v in cell.metadata.items() if k in KEPT_CELL_METADATA})
        if cell.cell_type == "code":
            cell.outputs = [_clean_output(o) for o in _merge_streams(cell.outputs)]
    return nb


def _merge_streams(outputs: list) -> list:
    merged = []
    for output in outputs:
        if (output.output_type == "stream" and merged and merged[-1].output_type == "stream"
                and merged[-1].name == output.name):
            merged[-1].text += output.text
        else:
            merged.append(output)
    return merged


def _clean_output(output):
    output.pop("transient", None)
    return output


def formatted(path: Path) -> str:
    """The normalised JSON text of a notebook file."""
    return nbformat.writes(normalise(nbformat.read(path, as_version=4))) + "\n"


def format_notebook(path: Path) -> bool:
    """Rewrite ``path`` in normal form; True if it changed."""
    text = formatted(path)
    if path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def mark_translated(path: Path) -> None:
    """Record in a translation which version of the English notebook it follows."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata.setdefault("course", {})["translated_from"] = source_digest(english_source(path))
    nbformat.write(nb, path)
    format_notebook(path)


def harness_environment(training_cache: str) -> dict[str, str]:
    """The environment in which the runner and the tests execute notebooks.

    The course's kernel settings (tools/ipython: among them a fresh model folder for every
    notebook, so that lesson 06 trains instead of loading a model saved earlier), figures
    drawn off-screen, and one training cache for the whole run (an empty folder), so that a
    translation replays the training its English original has just done (shared/training.py).
    """
    env = dict(os.environ)
    env["IPYTHONDIR"] = str(IPYTHON_PROFILE)
    env.setdefault("MPLBACKEND", "Agg")
    env[CACHE_ENV] = training_cache
    env.pop(MODEL_CACHE_ENV, None)  # the kernel settings give every notebook its own
    return env


def execute(paths: list[Path]) -> None:
    """Run each notebook top to bottom in its own folder and store the outputs."""
    from nbclient import NotebookClient

    with tempfile.TemporaryDirectory(prefix="course-training-") as cache:
        env = harness_environment(cache)
        for path in paths:
            start = time.perf_counter()
            nb = nbformat.read(path, as_version=4)
            NotebookClient(nb, timeout=1800, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute(env=env)
            nbformat.write(normalise(nb), path)
            format_notebook(path)
            print(f"{path.relative_to(ROOT)}: executed in {time.perf_counter() - start:.1f} s", flush=True)


def main(argv: list[str]) -> None:
    command, args = argv[0], [Path(a).resolve() for a in argv[1:]]
    if command == "execute":
        execute(args or all_notebooks())
    elif command == "format":
        for path in args or all_notebooks():
            if format_notebook(path):
                print(f"formatted {path.relative_to(ROOT)}")
    elif command == "sync-code":
        for path in args or [p for p in all_notebooks() if language_of(p) != "en"]:
            try:
                changed = sync_code(path)
            except ValueError as error:
                sys.exit(str(error))
            if changed:
                print(f"{path.relative_to(ROOT)}: code updated from English; run `execute` on it")
    elif command == "translated":
        if not args:
            sys.exit("Name the translated notebooks, e.g. notebooks/es/01_linear_baseline.ipynb")
        for path in args:
            mark_translated(path)
            print(f"{path.relative_to(ROOT)} now follows {english_source(path).relative_to(ROOT)}")
    else:
        sys.exit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
