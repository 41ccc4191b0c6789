"""Translations follow their English notebook: the same code but for comments and displayed text,
recorded source version, glossary terms;
the learner's glossaries (glossary/<lang>.md) define the same terms and link the lesson that introduces each."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from codeparity import agree
from nbtools import (
    NOTEBOOKS,
    TRANSLATIONS,
    english_notebooks,
    english_source,
    readme_digest,
    readme_translations,
    recorded_readme_digest,
    source_digest,
)

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
    """Markdown without inline code, formulas, link targets and the titles of outside sources
    (a paper keeps its English title in every language): the words a translator translates."""
    text = re.sub(r"\[[^\]]*\]\(https?://[^)]*\)", " ", text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\$\$.*?\$\$|\$[^$]*\$", " ", text, flags=re.DOTALL)
    return re.sub(r"\]\([^)]*\)", "]", text)


def table(lang: str) -> list[list[str]]:
    """The rows of the table in glossary/<lang>.md, header and rule left out: a list of cells per term."""
    lines = (ROOT / "glossary" / f"{lang}.md").read_text(encoding="utf-8").splitlines()
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines if line.startswith("|")]
    return rows[2:]


def glossary(lang: str) -> list[tuple[str, list[str]]]:
    """(English term, accepted translations) from the first two columns of glossary/<lang>.md."""
    return [(row[0], [t.strip() for t in row[1].split(" / ")]) for row in table(lang)]


def mentions(text: str, term: str) -> bool:
    """Whether lower-case `text` uses `term`, alone or with an English ending (weights, padded, ...)."""
    return re.search(rf"\b{re.escape(term.lower())}(s|es|d|ed|ing|led)?\b", text) is not None


def test_there_are_lessons():
    assert english_notebooks(), "no English notebooks found in notebooks/"


@pytest.mark.parametrize("en, lang", PAIRS, ids=[f"{lang}/{en.name}" for en, lang in PAIRS])
def test_every_english_notebook_is_translated(en, lang):
    assert (NOTEBOOKS / lang / en.name).is_file(), f"{lang}/{en.name} is missing"


@pytest.mark.parametrize("path", TRANSLATED, ids=[str(p.relative_to(NOTEBOOKS)) for p in TRANSLATED])
class TestTranslation:
    def test_has_an_english_source(self, path):
        assert english_source(path).is_file(), f"{path.relative_to(ROOT)} has no English original"

    def test_code_is_the_english_code_but_for_comments_and_displayed_text(self, path):
        """tools/codeparity.py: a translator translates comments, printed and error messages and
        docstrings; any other difference (a name, a number, a padding mode) fails here."""
        lang = path.parent.name
        ours, theirs = code_cells(read(path)), code_cells(read(english_source(path)))
        assert len(ours) == len(theirs), "a different number of code cells than the English notebook"
        differ = [i for i, (a, b) in enumerate(zip(ours, theirs)) if not agree(a, b)]
        assert not differ, (f"code cells {differ} (counting code cells from 0) differ from the English notebook "
                            "in more than comments and displayed text: `python3 course.py sync-code` brings "
                            "English code in and keeps the translated text")
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
                   if mentions(english_text, term) and not any(choice.lower() in text for choice in choices)]
        assert not missing, f"terms of the English notebook without their glossary translation: {missing}"


@pytest.mark.parametrize("lang", TRANSLATIONS)
def test_glossary_is_readable(lang):
    assert len(glossary(lang)) >= 20


# The learner's glossaries, glossary/en.md and one per translation: term (and translation),
# definition, and a link to the lesson that introduces the term.
LINK = re.compile(r"\[(\d\d)\]\((\.\./notebooks/[^)]+\.ipynb)\)")
NOT_IN_LESSONS = {"training set"}  # the lessons say "training images" or "training, validation and test sets"


def first_lessons(lang: str) -> dict[str, Path]:
    """English term → the notebook its row links to, checked to be a lesson of that language."""
    folder = NOTEBOOKS if lang == "en" else NOTEBOOKS / lang
    lessons = {}
    for row in table(lang):
        link = LINK.fullmatch(row[-1])
        assert link, f"{lang}.md, {row[0]}: the last column is not a link like [01](../notebooks/...)"
        path = (ROOT / "glossary" / link[2]).resolve()
        assert path.is_file() and path.parent == folder, f"{lang}.md, {row[0]}: no lesson {link[2]}"
        assert path.name.startswith(link[1]), f"{lang}.md, {row[0]}: [{link[1]}] links to {path.name}"
        lessons[row[0]] = path
    return lessons


@pytest.mark.parametrize("lang", ("en", *TRANSLATIONS))
def test_glossary_defines_every_term_and_links_its_lesson(lang):
    columns = 3 if lang == "en" else 4  # term, (translation,) definition, lesson
    for row in table(lang):
        assert len(row) == columns and all(row), f"{lang}.md, {row[0]}: expected {columns} non-empty columns"
    assert {row[0] for row in table(lang)} == {row[0] for row in table("en")}, "not the same terms as en.md"
    theirs = {term: path.name for term, path in first_lessons("en").items()}
    differ = [term for term, path in first_lessons(lang).items() if path.name != theirs[term]]
    assert not differ, f"{lang}.md links other lessons than en.md for {differ}"


def test_glossary_links_a_lesson_that_uses_the_term():
    """The link goes to the lesson that introduces the term; it must at least use it. (Not
    necessarily its first mention: a lesson may name a term in passing before one explains it.)"""
    text = {path: markdown(read(path)).lower() for path in english_notebooks()}
    for term, lesson in first_lessons("en").items():
        if term not in NOT_IN_LESSONS:
            assert mentions(text[lesson], term), f"{term} does not occur in {lesson.name}"


# The README's part for learners and teachers in each language (README.es.md, ...).
@pytest.mark.parametrize("path", readme_translations(), ids=lambda p: p.name)
class TestReadme:
    def test_is_up_to_date_with_the_english_readme(self, path):
        assert path.is_file(), f"{path.name} is missing"
        assert recorded_readme_digest(path) == readme_digest(), (
            f"README.md changed (before its section for authors) since {path.name} was translated: update it, "
            f"then `python3 course.py translated {path.name}`")

    def test_has_the_two_commands_the_lessons_and_colab(self, path):
        lang = path.name.split(".")[1]
        text = path.read_text(encoding="utf-8")
        assert f"python3 course.py lab --lang {lang}" in text and "python3 course.py test" in text
        for lesson in english_notebooks():
            assert f"(notebooks/{lang}/{lesson.name})" in text, f"no link to {lang}/{lesson.name}"
        assert "colab.research.google.com" in text.lower(), "no Colab link"
        links = [link for link in re.findall(r"\]\(([^)\s#]+)", text) if not link.startswith("http")]
        missing = [link for link in links if not (ROOT / link).exists()]
        assert not missing, f"links to missing files: {missing}"
        assert "(README.md)" in text, "no link back to the English README"

    def test_the_english_readme_links_it(self, path):
        assert f"({path.name})" in (ROOT / "README.md").read_text(encoding="utf-8")
