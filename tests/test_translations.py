"""Translations follow their English notebook: same code, recorded source version, glossary terms."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from nbtools import NOTEBOOKS, TRANSLATIONS, english_notebooks, english_source, source_digest

ROOT = Path(__file__).resolve().parent.parent
LANG_LINE = re.compile(r'^COURSE_LANG = "(\w+)"$', re.MULTILINE)
PAIRS = [(en, lang) for en in english_notebooks() for lang in TRANSLATIONS]
TRANSLATED = sorted(p for lang in TRANSLATIONS for p in (NOTEBOOKS / lang).glob("*.ipynb"))


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def code_cells(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def prose(text: str) -> str:
    """Markdown without inline code, formulas and link targets: the words a translator translates."""
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " ", text, flags=re.DOTALL)
    return re.sub(r"\]\([^)]*\)", "]", text)


def glossary(lang: str) -> list[tuple[str, list[str]]]:
    """(English term, accepted translations) from glossary/<lang>.md."""
    rows = []
    for line in (ROOT / "glossary" / f"{lang}.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 2 and cells[0] not in {"English", "---"}:
            rows.append((cells[0], [t.strip() for t in cells[1].split(" / ")]))
    return rows


def test_there_are_lessons():
    assert english_notebooks(), "no English notebooks found in notebooks/"


@pytest.mark.parametrize("en, lang", PAIRS, ids=[f"{lang}/{en.name}" for en, lang in PAIRS])
def test_every_english_notebook_is_translated(en, lang):
    assert (NOTEBOOKS / lang / en.name).is_file(), f"{lang}/{en.name} is missing"


@pytest.mark.parametrize("path", TRANSLATED, ids=[str(p.relative_to(NOTEBOOKS)) for p in TRANSLATED])
class TestTranslation:
    def test_has_an_english_source(self, path):
        assert english_source(path).is_file(), f"{path.relative_to(ROOT)} has no English original"

    def test_code_is_identical_but_for_the_language_line(self, path):
        lang = path.parent.name
        ours, theirs = code_cells(read(path)), code_cells(read(english_source(path)))
        assert len(ours) == len(theirs), "a different number of code cells than the English notebook"
        for i, (a, b) in enumerate(zip(ours, theirs)):
            expected = b.replace('COURSE_LANG = "en"', f'COURSE_LANG = "{lang}"')
            assert a == expected, f"code cell {i} differs from the English notebook"
        assert LANG_LINE.findall("\n".join(ours)) == [lang]

    def test_is_up_to_date_with_english(self, path):
        recorded = read(path).metadata.get("course", {}).get("translated_from")
        assert recorded, f"no translation record: run `python3 course.py translated {path.relative_to(ROOT)}`"
        assert recorded == source_digest(english_source(path)), (
            f"{english_source(path).relative_to(ROOT)} changed since this translation was made: "
            "update the translation, then `python3 course.py translated` it")

    def test_follows_the_glossary(self, path):
        lang = path.parent.name
        english_text = prose(markdown(read(english_source(path)))).lower()
        text = markdown(read(path)).lower()
        missing = [f"{term} → {' / '.join(choices)}" for term, choices in glossary(lang)
                   if re.search(rf"\b{re.escape(term.lower())}(s|es|d|ed|ing|led)?\b", english_text)
                   and not any(choice.lower() in text for choice in choices)]
        assert not missing, f"terms of the English notebook without their glossary translation: {missing}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_glossary_is_readable(lang):
    assert len(glossary(lang)) >= 20
