"""What surrounds every lesson, in every language: prerequisites, the time it takes, the
learner's glossary (after the overview); further reading and the previous/next links (at the end)."""

from __future__ import annotations

import math
import re
from pathlib import Path

import nbformat
import pytest
from course_rules import FRAME_HEADINGS
from exercises import reading_words
from nbtools import NOTEBOOKS, all_notebooks, english_source, language_of

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
NUMBER = r"(\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+|\d+)"  # 2,253 / 2\u00a0253 / 2253


def read(path: Path):
    return nbformat.read(path, as_version=4)


def frame(path: Path) -> tuple[str, str]:
    """The 'Before you start' cell (right after the overview) and the last cell."""
    nb, (before, further) = read(path), FRAME_HEADINGS[language_of(path)]
    overview = next(i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith("## "))
    first, last = nb.cells[overview + 1].source, nb.cells[-1].source
    assert first.startswith(f"### {before}\n"), f"cell {overview + 1} is not '### {before}'"
    assert last.startswith(f"## {further}\n"), f"the last cell is not '## {further}'"
    return first, last


def local_links(path: Path, text: str) -> list[tuple[str, Path]]:
    return [(label, (path.parent / target).resolve()) for label, target in LINK.findall(text)
            if not target.startswith(("http://", "https://"))]


def title(path: Path) -> str:
    return read(path).cells[0].source.splitlines()[0].removeprefix("# ").strip()


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: str(p.relative_to(NOTEBOOKS)))
class TestLessonFrame:
    def test_prerequisites_and_glossary_links_work(self, path):
        before, _ = frame(path)
        links = local_links(path, before)
        assert all(target.is_file() for _, target in links), links
        glossary = ROOT / "glossary" / f"{language_of(path)}.md"
        assert glossary in [target for _, target in links], "no link to the learner's glossary"

    def test_study_time_follows_from_the_words_and_the_measured_run(self, path):
        before, _ = frame(path)
        line = before.splitlines()[3]  # heading, blank line, prerequisites, time
        minutes, words = (int(re.sub(r"\D", "", n)) for n in re.findall(NUMBER, line)[:2])
        seconds = int(re.search(r"(\d+) ?(?:s\b|秒)", line)[1])
        actual = reading_words(read(english_source(path)))
        assert abs(words - actual) <= 0.05 * actual, f"states {words} words; the English lesson has {actual}"
        assert minutes == 5 * math.ceil((words / 150 + seconds / 60) / 5), "minutes = words / 150 + run time"

    def test_further_reading_and_the_neighbours(self, path):
        _, last = frame(path)
        assert len(re.findall(r"\]\(https://", last)) >= 3, "at least three further-reading links"
        lessons = sorted(path.parent.glob("0*.ipynb"))
        k = lessons.index(path)
        expected = [lessons[k - 1] if k else ROOT / "README.md",
                    lessons[k + 1] if k + 1 < len(lessons) else ROOT / "README.md"]
        navigation = local_links(path, last.rsplit("---", 1)[-1])
        assert [target for _, target in navigation] == expected
        for label, target in navigation:
            if target.suffix == ".ipynb":
                assert title(target) in label, f"link text {label!r} is not the title of {target.name}"
