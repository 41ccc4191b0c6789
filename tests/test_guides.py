"""The instructor guides (instructors/): one per lesson and language plus a workshop plan, with the
headings tools/guides.py defines, timing tables generated from instructors/timings.json (never
typed), teaching blocks of 90 minutes at most, working links, and a plan for a slow network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import guides
import nbformat
import pytest
from guides import (
    BLOCK,
    GUIDES,
    LESSONS,
    MARKERS,
    MAX_BLOCK_MINUTES,
    MEASURES,
    NETWORK_WORD,
    SECTIONS,
    TIME_SECTION,
    WORKSHOP,
    guide_paths,
    load_timings,
)
from nbtools import guide_digest, recorded_guide_digest

from shared.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
SLOT = re.compile(r"^## (\d\d):(\d\d)[–-](\d\d):(\d\d)\b", re.M)  # a workshop block: "## 09:00–10:30 ..."
GUIDE_IDS = [f"{lang}/{lesson}" for lang, lesson, _ in guide_paths()]


def read(path: Path) -> str:
    assert path.exists(), f"{path.relative_to(ROOT)} is missing"
    return path.read_text(encoding="utf-8")


def lesson_notebook(lang: str, lesson: str) -> Path:
    return ROOT / "notebooks" / ("" if lang == "en" else lang) / f"{lesson}.ipynb"


def sections(text: str) -> dict[str, str]:
    """The text under each level-2 heading, by heading."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return {heading.strip(): body for heading, body in zip(parts[1::2], parts[2::2])}


def without_table(text: str) -> str:
    """The guide without its generated timing table (what the teacher writes)."""
    start, end = MARKERS
    return re.sub(re.escape(start) + ".*?" + re.escape(end), "", text, flags=re.S)


def study_minutes(notebook: Path) -> int:
    """The study time the lesson states in its "Before you start" cell (its fourth line), in minutes."""
    cells = nbformat.read(notebook, as_version=4).cells
    before = next(c.source for c in cells if c.cell_type == "markdown" and c.source.startswith("### "))
    return int(re.search(r"\d+", before.splitlines()[3])[0])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lesson_has_a_guide_and_there_is_a_workshop_plan(lang):
    expected = {f"{lesson}.md" for lesson in LESSONS} | {WORKSHOP}
    present = {path.name for path in (GUIDES / lang).glob("*.md")}
    assert sorted(expected - present) == [], f"missing in instructors/{lang}/"
    assert sorted(present - expected) == [], f"unexpected files in instructors/{lang}/"


@pytest.mark.parametrize(("lang", "lesson", "path"), guide_paths(), ids=GUIDE_IDS)
class TestLessonGuide:
    def test_title_is_the_lessons_and_the_sections_are_in_order(self, lang, lesson, path):
        text = read(path)
        notebook_title = nbformat.read(lesson_notebook(lang, lesson), as_version=4).cells[0].source.splitlines()[0]
        assert text.splitlines()[0] == notebook_title, "the first line is the notebook's H1"
        assert re.findall(r"^# ", text, flags=re.M) == ["# "], "one level-1 heading"
        assert tuple(re.findall(r"^## (.+)$", text, flags=re.M)) == SECTIONS[lang]

    def test_objectives_misconceptions_and_questions_are_counted_bullets(self, lang, lesson, path):
        parts = sections(read(path))
        counts = {heading: len(re.findall(r"^- ", parts.get(heading, ""), flags=re.M)) for heading in SECTIONS[lang]}
        objectives, _, _, misconceptions, questions, _ = SECTIONS[lang]
        assert 3 <= counts[objectives] <= 6 and 2 <= counts[misconceptions] <= 4 and 2 <= counts[questions] <= 3, counts

    def test_timing_table_is_generated_and_up_to_date(self, lang, lesson, path):
        text = read(path)
        assert guides.filled(text, lesson, lang, load_timings()) == text, "run `.venv/bin/python tools/guides.py`"

    def test_blocks_of_at_most_90_minutes_cover_the_lesson(self, lang, lesson, path):
        time = without_table(sections(read(path))[SECTIONS[lang][TIME_SECTION]])
        bullets = [line for line in time.splitlines() if re.match(r"^\s*[-*] ", line)]
        blocks = [BLOCK[lang].match(line) for line in bullets]
        assert all(blocks), f"every bullet of the time section starts like {BLOCK[lang].pattern!r}: {bullets}"
        minutes = [int(block[1]) for block in blocks]
        assert len(minutes) >= 2 and max(minutes) <= MAX_BLOCK_MINUTES, minutes
        stated = study_minutes(lesson_notebook(lang, lesson))
        assert sum(minutes) >= stated, f"the blocks ({sum(minutes)} min) cover less than the lesson's {stated} min"

    def test_a_teacher_reads_it_in_five_minutes(self, lang, lesson, path):
        low, high = guides.READING_LENGTH[lang]
        assert low <= guides.reading_length(without_table(read(path)), lang) <= high


@pytest.mark.parametrize("lang", LANGUAGES)
def test_workshop_plan_has_short_blocks_and_a_slow_network_section(lang):
    text = read(GUIDES / lang / WORKSHOP)
    assert re.match(r"# \S", text), "a level-1 title"
    slots = [(int(a) * 60 + int(b), int(c) * 60 + int(d)) for a, b, c, d in SLOT.findall(text)]
    assert len(slots) >= 6, "an hour-by-hour plan: ## HH:MM–HH:MM headings"
    for (start, end), (next_start, _) in zip(slots, slots[1:] + [(24 * 60, None)]):
        assert 0 < end - start <= MAX_BLOCK_MINUTES and end <= next_start, (start, end)
    network = [body for heading, body in sections(text).items() if NETWORK_WORD[lang] in heading.lower()
               and not SLOT.match(f"## {heading}")]
    assert network, f"a heading with {NETWORK_WORD[lang]!r}: what to do when the room's network is slow"
    assert any("course.py bundle" in body for body in network), "the offline bundle as the fallback"


def test_every_relative_link_in_instructors_resolves():
    broken = []
    for path in sorted(GUIDES.rglob("*.md")):
        for target in LINK.findall(path.read_text(encoding="utf-8")):
            if not re.match(r"[a-z]+:|#", target) and not (path.parent / target.split("#")[0]).exists():
                broken.append(f"{path.relative_to(ROOT)}: {target}")
    assert broken == []


def test_the_index_links_every_guide_in_every_language():
    index = GUIDES / "README.md"
    linked = {(index.parent / target).resolve() for target in LINK.findall(read(index))}
    expected = {path for *_, path in guide_paths()} | {GUIDES / lang / WORKSHOP for lang in LANGUAGES}
    assert sorted(p.relative_to(ROOT).as_posix() for p in expected - linked) == []


def test_timings_name_their_source_and_every_lesson():
    timings = load_timings()
    assert set(timings["lessons"]) == set(LESSONS)
    assert {"commit", "machine", *MEASURES} <= set(timings["measured"]), "where each number comes from"
    for lesson, measured in timings["lessons"].items():
        assert set(measured) == set(MEASURES), lesson
        assert isinstance(measured["cpu_seconds"], int | float), f"{lesson}: the CPU time is measured"
        assert all(value is None or value > 0 for value in measured.values()), lesson


def test_the_check_command_is_the_tests_check():
    assert guides.main(["--check"]) == 0


# The tool itself, on made-up guides and runs.

TIMINGS = {"measured": {"commit": "abc1234"},
           "lessons": {"x": {"cpu_seconds": 61.3, "colab_stack_seconds": None, "solutions_seconds": 1234.5}}}


def test_filling_writes_the_table_between_the_markers_in_the_guides_language():
    empty = "# T\n\n## Durée\n\n<!-- timings -->\n<!-- /timings -->\n\n- 45 min : lecture\n"
    text = guides.filled(empty, "x", "fr", TIMINGS)
    assert guides.filled(text, "x", "fr", TIMINGS) == text, "filling again changes nothing"
    assert "| La leçon, du début à la fin, sur 2 cœurs de processeur | 61,3 | 2 |" in text  # minutes rounded up
    assert "| La leçon avec les versions des paquets de Colab, sur 2 cœurs de processeur | non mesuré | – |" in text
    assert "| Les solutions des exercices, en plus de la leçon | 1\u00a0234,5 | 21 |" in text
    assert "commit abc1234" in text and text.endswith("<!-- /timings -->\n\n- 45 min : lecture\n")
    assert "| 1,234.5 | 21 |" in guides.filled(empty, "x", "en", TIMINGS)
    assert "| 实测项目 | 秒 | 分钟（向上取整） |" in guides.filled(empty, "x", "zh", TIMINGS)
    with pytest.raises(ValueError):
        guides.filled("# T\n<!-- /timings -->\n<!-- timings -->\n", "x", "fr", TIMINGS)


def test_reading_length_counts_words_or_chinese_characters():
    assert guides.reading_length("- **Run** `tf.function`, it's 42 words.", "en") == 5
    assert guides.reading_length("运行 `tf.function` 两次", "zh") == 5


def test_an_out_of_date_table_is_reported(tmp_path, monkeypatch):
    guide = tmp_path / "en" / f"{LESSONS[0]}.md"
    guide.parent.mkdir()
    timings = {"measured": {"commit": "abc1234"}, "lessons": {lesson: TIMINGS["lessons"]["x"] for lesson in LESSONS}}
    guide.write_text(guides.filled("# T\n<!-- timings -->\n<!-- /timings -->\n", LESSONS[0], "en", timings))
    monkeypatch.setattr(guides, "GUIDES", tmp_path)
    assert guides.stale_guides(timings) == []
    timings["lessons"][LESSONS[0]] = {**TIMINGS["lessons"]["x"], "cpu_seconds": 15.0}
    assert guides.stale_guides(timings) == [guide]


def test_solution_times_are_read_from_the_executed_notebook(tmp_path):
    def cell(tags, busy, idle):
        stamps = {"iopub.status.busy": f"2026-01-01T10:00:{busy}Z", "iopub.status.idle": f"2026-01-01T10:00:{idle}Z"}
        return {"cell_type": "code", "metadata": {"tags": tags, "execution": stamps}, "source": "", "outputs": []}

    nb = {"cells": [cell([], "00.000000", "30.000000"),  # a lesson cell
                    cell(["solution-12"], "30.000000", "32.500000"), cell(["solution-12"], "32.500000", "40.000000"),
                    cell(["solution-checks"], "40.000000", "41.000000")]}  # the final verdict, not a solution
    assert guides.solutions_seconds(nb) == 10.0
    assert guides.solutions_seconds({"cells": [cell([], "00.000000", "01.000000")]}) is None
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / f"{LESSONS[0]}.ipynb").write_text(json.dumps(nb))
    (tmp_path / "colab_stack.json").write_text(json.dumps({f"{LESSONS[1]}.ipynb": {"seconds": 99.9}}))
    timings = {"lessons": {lesson: {"cpu_seconds": 1.0} for lesson in LESSONS}}
    missing = guides.measure(tmp_path, timings)
    assert timings["lessons"][LESSONS[0]]["solutions_seconds"] == 10.0
    assert timings["lessons"][LESSONS[1]]["colab_stack_seconds"] == 99.9
    assert f"{LESSONS[0]}: colab_stack_seconds" in missing and f"{LESSONS[1]}: colab_stack_seconds" not in missing
    assert all(entry["cpu_seconds"] == 1.0 for entry in timings["lessons"].values()), "measured by hand, kept"


@pytest.mark.parametrize("path", sorted(p for lang in ("es", "zh", "fr") for p in (GUIDES / lang).glob("*.md")),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_translated_guide_follows_its_english_guide(path):
    """Like the notebooks and READMEs: a change to the English guide (its timing table aside) makes
    its translations stale until a translator updates them and records it."""
    english = GUIDES / "en" / path.name
    assert recorded_guide_digest(path) == guide_digest(english), (
        f"{english.relative_to(ROOT)} changed since {path.relative_to(ROOT)} was written: update it, then "
        f"`python3 course.py translated {path.relative_to(ROOT)}`")
