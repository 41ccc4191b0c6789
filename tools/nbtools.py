"""Notebook tools: execute (the course's runner), format, and translation records.

Run through ``course.py`` (``python3 course.py execute|format|translated``), which
uses the course's virtual environment. The tests import the same functions, so
what the runner writes and what the tests check cannot drift apart.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from codeparity import merge, translatable, untranslated
from guides import GUIDES, MARKERS

from shared.i18n import LANGUAGES
from shared.models import MODEL_CACHE_ENV
from shared.training import CACHE_ENV

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TRANSLATIONS = tuple(lang for lang in LANGUAGES if lang != "en")  # each has its folder in notebooks/
IPYTHON_PROFILE = ROOT / "tools" / "ipython"  # the kernel settings of every run, see that folder
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
KEPT_CELL_METADATA = ("tags", "jupyter", "slideshow")  # tags for nbval markers, jupyter for hidden
# solution cells, slideshow for the slide types of the decks (tools/slides.py)


def english_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def all_notebooks() -> list[Path]:
    """English first, then each translation folder: the order the training cache relies on."""
    paths = english_notebooks()
    for lang in TRANSLATIONS:
        paths += sorted((NOTEBOOKS / lang).glob("*.ipynb"))
    return paths


README = ROOT / "README.md"
README_LEARNER_END = "## For authors and translators"  # what comes before it is translated
README_RECORD = re.compile(r"^<!-- translated from README\.md: ([0-9a-f]{64}) -->\n", re.MULTILINE)


def readme_translations() -> list[Path]:
    """README.es.md, README.zh.md, README.fr.md: the README's part for learners and teachers."""
    return [ROOT / f"README.{lang}.md" for lang in TRANSLATIONS]


def readme_digest() -> str:
    """A digest of the English README up to its section for authors and translators."""
    text = README.read_text(encoding="utf-8")
    return hashlib.sha256(text.split(README_LEARNER_END, 1)[0].encode()).hexdigest()


def recorded_readme_digest(path: Path) -> str | None:
    """The digest a translated README records in its first line, or None."""
    match = README_RECORD.match(path.read_text(encoding="utf-8"))
    return match[1] if match else None


GUIDE_RECORD = re.compile(r"\n<!-- translated from (instructors/en/\S+): ([0-9a-f]{64}) -->\n")
TIMING_TABLE = re.compile(re.escape(MARKERS[0]) + ".*?" + re.escape(MARKERS[1]), re.DOTALL)  # tools/guides.py's


def guide_digest(english: Path) -> str:
    """A digest of an English guide, without its timing table (tools/guides.py writes that one)."""
    return hashlib.sha256(TIMING_TABLE.sub("", english.read_text(encoding="utf-8")).encode()).hexdigest()


def recorded_guide_digest(path: Path) -> str | None:
    """The digest a translated guide records in its last line, or None."""
    match = GUIDE_RECORD.search(path.read_text(encoding="utf-8"))
    return match[2] if match else None


def language_of(path: Path) -> str:
    return path.parent.name if path.parent.name in TRANSLATIONS else "en"


def english_source(path: Path) -> Path:
    return NOTEBOOKS / path.name


def source_digest(path: Path) -> str:
    """A digest of what a translator translates in an English notebook: its markdown cells,
    and its code cells' comments and displayed text (tools/codeparity.py), in order.

    Editing any of them changes it; re-running the notebook or editing the code itself does
    not: code is copied to the translations by ``sync-code`` and checked by the tests.
    """
    nb = nbformat.read(path, as_version=4)
    h = hashlib.sha256()
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            h.update(cell.source.encode() + b"\0")
        elif cell.cell_type == "code":
            for text in translatable(cell.source):
                h.update(text.encode() + b"\1")
    return h.hexdigest()


def sync_code(path: Path) -> list[int]:
    """Bring the English notebook's code cells into the translation ``path``.

    A cell that differs from English only in comments and displayed text is left alone.
    Otherwise the English code is merged in, keeping the translation's comments and
    displayed text on the lines English did not change (``codeparity.merge``); where that
    is not possible the English cell is taken whole. The ``COURSE_LANG`` line keeps the
    translation's language. Returns the numbers (among code cells, from 0) of the cells that
    now hold English comments or messages the translation did not have: a translator must
    translate them. (Any change to English comments or messages also makes the translation
    stale: ``source_digest``.) Refuses when the two notebooks have a different number of
    code cells: then a translator must restructure it.
    """
    english = [c.source for c in nbformat.read(english_source(path), as_version=4).cells
               if c.cell_type == "code"]
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    if len(code) != len(english):
        raise ValueError(f"{path}: {len(code)} code cells, English has {len(english)}; update it by hand")
    lang = language_of(path)
    changed, to_translate = False, []
    for number, (cell, source) in enumerate(zip(code, english)):
        merged, _ = merge(cell.source, source)
        merged = merged.replace('COURSE_LANG = "en"', f'COURSE_LANG = "{lang}"')
        if untranslated(merged, cell.source, source):
            to_translate.append(number)
        if cell.source != merged:
            cell.source, cell.outputs, cell.execution_count, changed = merged, [], None, True
    if changed:
        nbformat.write(nb, path)
        format_notebook(path)
    return to_translate


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
    """Record in a translation which version of the English notebook (README, teachers' guide) it follows."""
    if path.suffix == ".md" and path.parent.parent == GUIDES:
        english = GUIDES / "en" / path.name
        text = GUIDE_RECORD.sub("\n", path.read_text(encoding="utf-8")).rstrip("\n") + "\n"
        record = f"<!-- translated from {english.relative_to(ROOT)}: {guide_digest(english)} -->\n"
        path.write_text(text + "\n" + record, encoding="utf-8")
        return
    if path.suffix == ".md":
        text = README_RECORD.sub("", path.read_text(encoding="utf-8"), count=1)
        path.write_text(f"<!-- translated from README.md: {readme_digest()} -->\n" + text, encoding="utf-8")
        return
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
            before = path.read_text(encoding="utf-8")
            try:
                to_translate = sync_code(path)
            except ValueError as error:
                sys.exit(str(error))
            if path.read_text(encoding="utf-8") != before:
                print(f"{path.relative_to(ROOT)}: code updated from English; run `execute` on it")
            if to_translate:
                print(f"  code cells {to_translate} (counting code cells from 0) now hold English comments or "
                      "messages: translate them, then `python3 course.py translated` the notebook")
    elif command == "translated":
        if not args:
            sys.exit("Name the translated notebooks, e.g. notebooks/es/01_linear_baseline.ipynb")
        for path in args:
            mark_translated(path)
            source = (GUIDES / "en" / path.name if path.parent.parent == GUIDES else README if path.suffix == ".md"
                      else english_source(path))
            print(f"{path.relative_to(ROOT)} now follows {source.relative_to(ROOT)}")
    else:
        sys.exit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
