"""The notebook tools behind the runner: normal form, the translation record, sync-code."""

from __future__ import annotations

import json

import nbformat
import nbtools
import pytest


@pytest.fixture
def course(tmp_path, monkeypatch):
    """A tiny course: one English notebook and its Spanish translation."""
    (tmp_path / "es").mkdir()
    english = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Title\n\nSome prose."),
        nbformat.v4.new_code_cell('COURSE_LANG = "en"\nprint(1)'),
    ])
    spanish = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# Título\n\nAlgo de prosa."),
        nbformat.v4.new_code_cell('COURSE_LANG = "es"\nprint(1)'),
    ])
    nbformat.write(english, tmp_path / "01.ipynb")
    nbformat.write(spanish, tmp_path / "es" / "01.ipynb")
    monkeypatch.setattr(nbtools, "NOTEBOOKS", tmp_path)
    return tmp_path / "01.ipynb", tmp_path / "es" / "01.ipynb"


def edit(path, index, source):
    nb = nbformat.read(path, as_version=4)
    nb.cells[index].source = source
    nbformat.write(nb, path)


def test_prose_and_displayed_text_make_translations_stale_and_code_edits_do_not(course):
    english, spanish = course
    nbtools.mark_translated(spanish)
    recorded = nbformat.read(spanish, as_version=4).metadata["course"]["translated_from"]
    edit(english, 1, 'COURSE_LANG = "en"\nprint(2)')
    assert nbtools.source_digest(english) == recorded
    for changed in ('COURSE_LANG = "en"\nprint(2)  # a new comment', 'COURSE_LANG = "en"\nprint("two:", 2)'):
        edit(english, 1, changed)
        assert nbtools.source_digest(english) != recorded, changed
    edit(english, 1, 'COURSE_LANG = "en"\nprint(1)')
    edit(english, 0, "# Title\n\nBetter prose.")
    assert nbtools.source_digest(english) != recorded


def test_sync_code_copies_english_code_but_keeps_the_language(course):
    english, spanish = course
    edit(english, 1, 'COURSE_LANG = "en"\nprint(2)')
    assert nbtools.sync_code(spanish) == []
    cells = nbformat.read(spanish, as_version=4).cells
    assert cells[1].source == 'COURSE_LANG = "es"\nprint(2)'
    assert cells[1].outputs == [] and cells[1].execution_count is None  # must be executed again
    assert cells[0].source.startswith("# Título")
    before = spanish.read_text()
    assert nbtools.sync_code(spanish) == [] and spanish.read_text() == before


TRANSLATED = (
    'COURSE_LANG = "es"\n'
    "total = 3  # la suma\n"
    'print(f"total: {total:,}")\n'
    'assert total > 0, "el total debe ser positivo"'
)


def test_sync_code_keeps_translated_comments_and_messages(course):
    english, spanish = course
    edit(spanish, 1, TRANSLATED)
    edit(english, 1, 'COURSE_LANG = "en"\ntotal = 3  # the sum\nprint(f"total: {total:,}")\n'
                     'assert total > 0, "the total must be positive"')
    assert nbtools.sync_code(spanish) == []
    assert nbformat.read(spanish, as_version=4).cells[1].source == TRANSLATED  # nothing to do
    edit(english, 1, 'COURSE_LANG = "en"\ntotal = 4  # the sum\nprint(f"total: {total:,}")\n'
                     'assert total > 0, "the total must be positive"')
    assert nbtools.sync_code(spanish) == [0]  # the changed line brought its English comment: reported
    assert nbformat.read(spanish, as_version=4).cells[1].source == TRANSLATED.replace("total = 3  # la suma",
                                                                                      "total = 4  # the sum")


def test_sync_code_takes_a_line_whose_message_fields_changed_from_english(course):
    english, spanish = course
    edit(spanish, 1, TRANSLATED)
    edit(english, 1, 'COURSE_LANG = "en"\ntotal = 3  # the sum\nprint(f"total: {total:.2f}")\n'
                     'assert total > 0, "the total must be positive"')
    assert nbtools.sync_code(spanish) == [0]  # its message came from English: to be translated
    assert nbformat.read(spanish, as_version=4).cells[1].source == TRANSLATED.replace(
        'print(f"total: {total:,}")', 'print(f"total: {total:.2f}")')


def test_sync_code_refuses_a_different_structure(course):
    english, spanish = course
    nb = nbformat.read(english, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("print(3)"))
    nbformat.write(nb, english)
    with pytest.raises(ValueError, match="update it by hand"):
        nbtools.sync_code(spanish)


def test_normal_form_is_stable_and_strips_machine_metadata(course):
    english, _ = course
    nb = nbformat.read(english, as_version=4)
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    nb.cells[1].metadata["execution"] = {"iopub.status.busy": "2026-11-22T18:00:00"}
    nbformat.write(nb, english)
    nbtools.format_notebook(english)
    text = english.read_text()
    assert "3.11.7" not in text and "iopub" not in text
    assert nbtools.format_notebook(english) is False


def test_cell_ids_are_created_only_where_missing(course):
    english, _ = course
    nbtools.format_notebook(english)
    before = [c.id for c in nbformat.read(english, as_version=4).cells]
    raw = json.loads(english.read_text())
    raw["cells"].insert(1, {"cell_type": "markdown", "metadata": {}, "source": "A new cell"})  # no id
    english.write_text(json.dumps(raw))
    nbtools.format_notebook(english)
    after = [c.id for c in nbformat.read(english, as_version=4).cells]
    assert after[0] == before[0] and after[2:] == before[1:], "inserting a cell renumbers no other cell"
    assert after[1] and after[1] not in before


def test_kernel_settings_use_the_package_variable_names():
    """tools/ipython needs no course package, so it names the variables itself: the same names."""
    from shared.models import MODEL_CACHE_ENV
    from shared.training import CACHE_ENV

    text = (nbtools.IPYTHON_PROFILE / "profile_default" / "ipython_kernel_config.py").read_text()
    assert f'TRAINING_CACHE, MODEL_CACHE = "{CACHE_ENV}", "{MODEL_CACHE_ENV}"' in text
