"""The instructor guides (instructors/<lang>/): their structure, and the measured timings in them.

    python tools/guides.py            fill the timing table of every guide from instructors/timings.json
    python tools/guides.py --check    exit 1 if a table is out of date (what tests/test_guides.py checks)
    python tools/guides.py --measure ARTIFACTS
                                      update timings.json from a test run's artifacts folder:
                                      colab_stack.json (the lessons on Colab's stack) and
                                      solutions/<lesson>.ipynb (the lessons run with every solution)

A guide holds the two marker lines of MARKERS; the table between them is generated, never typed,
in the guide's language (its numbers written by shared.numbers.number, minutes rounded up).
The headings a guide must have, the form of its time blocks and the slow-network heading of the
workshop plan are defined here too, once for the tool and the tests.
"""

from __future__ import annotations

import json
import math
import re
import sys
from datetime import datetime
from pathlib import Path

from shared.i18n import LANGUAGES
from shared.numbers import number

ROOT = Path(__file__).resolve().parent.parent

GUIDES = ROOT / "instructors"
TIMINGS = GUIDES / "timings.json"
LESSONS = tuple(path.stem for path in sorted((ROOT / "notebooks").glob("*.ipynb")))
WORKSHOP = "workshop.md"
MARKERS = ("<!-- timings -->", "<!-- /timings -->")
MEASURES = ("cpu_seconds", "colab_stack_seconds", "solutions_seconds")  # the rows of a table, in order
MAX_BLOCK_MINUTES = 90  # the longest block of teaching a guide may plan

# The six sections of a lesson guide, in order, per language.
SECTIONS = {
    "en": ("Learning objectives", "Time", "Before class", "Common misconceptions", "Discussion questions",
           "Solutions and the student edition"),
    "es": ("Objetivos de aprendizaje", "Tiempo", "Antes de la clase", "Ideas erróneas frecuentes",
           "Preguntas para el debate", "Soluciones y edición para estudiantes"),
    "zh": ("学习目标", "时间", "课前准备", "常见误解", "讨论题", "参考答案与学生版"),
    "fr": ("Objectifs d'apprentissage", "Durée", "Avant le cours", "Idées reçues fréquentes",
           "Questions de discussion", "Solutions et édition pour les élèves"),
}
TIME_SECTION = 1  # the index of "Time" in SECTIONS

# A block of the suggested split: a bullet that starts with its length, e.g. "- 45 min: ..."
# (es "- 45 min: ...", zh "- 45 分钟：...", fr "- 45 min : ...").
SPACE = "[ \u00a0\u202f]"  # a space, or the non-breaking ones of French typography
BLOCK = {
    "en": re.compile(rf"^- (\d+){SPACE}min: "),
    "es": re.compile(rf"^- (\d+){SPACE}min: "),
    "zh": re.compile(rf"^- (\d+){SPACE}?分钟："),
    "fr": re.compile(rf"^- (\d+){SPACE}min{SPACE}: "),
}

# A teacher reads a lesson guide in five minutes: 300-600 English words, or the equivalent. The
# equivalent is the ratio of the translated lessons' prose to the English (reading_length of their
# markdown without code blocks): Spanish 1.13, Chinese 1.69 (characters), French 1.11.
LENGTH_RATIO = {"en": 1.0, "es": 1.13, "zh": 1.69, "fr": 1.11}
READING_LENGTH = {lang: (round(300 * ratio), round(600 * ratio)) for lang, ratio in LENGTH_RATIO.items()}

# The workshop plan has a section on a slow or absent network: a heading with this word.
NETWORK_WORD = {"en": "network", "es": "red", "zh": "网络", "fr": "réseau"}

# The words of the generated table, per language.
TABLE_WORDS = {
    "en": {
        "header": ("Measured run", "Seconds", "Minutes (rounded up)"),
        "cpu_seconds": "The lesson, top to bottom, on 2 CPU cores",
        "colab_stack_seconds": "The lesson on Colab's package versions, on 2 CPU cores",
        "solutions_seconds": "The exercises' solutions, on top of the lesson",
        "missing": "not measured",
        "source": "Measured at commit {commit} on 2 CPU cores; where each number comes from: "
                  "[timings.json](../timings.json). Colab's own machines differ, and its first cell's "
                  "`%pip install` adds about a minute per session.",
    },
    "es": {
        "header": ("Ejecución medida", "Segundos", "Minutos (redondeados hacia arriba)"),
        "cpu_seconds": "La lección, de principio a fin, en 2 núcleos de CPU",
        "colab_stack_seconds": "La lección con las versiones de paquetes de Colab, en 2 núcleos de CPU",
        "solutions_seconds": "Las soluciones de los ejercicios, además de la lección",
        "missing": "sin medir",
        "source": "Medido en el commit {commit} con 2 núcleos de CPU; el origen de cada número está en "
                  "[timings.json](../timings.json). Las máquinas de Colab son otras, y el `%pip install` de su "
                  "primera celda añade alrededor de un minuto por sesión.",
    },
    "zh": {
        "header": ("实测项目", "秒", "分钟（向上取整）"),
        "cpu_seconds": "在 2 个 CPU 核心上从头到尾运行本课",
        "colab_stack_seconds": "用 Colab 的软件包版本运行本课（2 个 CPU 核心）",
        "solutions_seconds": "练习参考答案在本课之外增加的时间",
        "missing": "未测量",
        "source": "在提交 {commit} 上用 2 个 CPU 核心测得；每个数字的来源见 [timings.json](../timings.json)。"
                  "Colab 自己的机器与此不同；第一个单元格的 `%pip install` 每次会话还要另加约一分钟。",
    },
    "fr": {
        "header": ("Exécution mesurée", "Secondes", "Minutes (arrondies au-dessus)"),
        "cpu_seconds": "La leçon, du début à la fin, sur 2 cœurs de processeur",
        "colab_stack_seconds": "La leçon avec les versions des paquets de Colab, sur 2 cœurs de processeur",
        "solutions_seconds": "Les solutions des exercices, en plus de la leçon",
        "missing": "non mesuré",
        "source": "Mesuré au commit {commit} sur 2 cœurs de processeur\u00a0; l'origine de chaque nombre est dans "
                  "[timings.json](../timings.json). Les machines de Colab sont différentes, et le "
                  "`%pip install` de sa première cellule ajoute environ une minute par session.",
    },
}


def reading_length(text: str, lang: str) -> int:
    """The length of a text as READING_LENGTH counts it: words (a code name such as `tf.function`
    is one), and in Chinese every Han character plus every word in Latin letters or digits."""
    words = re.findall(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.sub(r"[\u4e00-\u9fff]", " ", text))
    return len(words) + (len(re.findall(r"[\u4e00-\u9fff]", text)) if lang == "zh" else 0)


def guide_paths() -> list[tuple[str, str, Path]]:
    """(language, lesson, path) of every lesson guide that should exist."""
    return [(lang, lesson, GUIDES / lang / f"{lesson}.md") for lang in LANGUAGES for lesson in LESSONS]


def load_timings(path: Path = TIMINGS) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def table(lesson: str, lang: str, timings: dict) -> str:
    """The Markdown table of ``lesson``'s measured times in ``lang``, with its source line."""
    words, measured = TABLE_WORDS[lang], timings["lessons"][lesson]
    rows = [f"| {' | '.join(words['header'])} |", "|---|---:|---:|"]
    for key in MEASURES:
        seconds = measured.get(key)
        if seconds is None:
            rows.append(f"| {words[key]} | {words['missing']} | – |")
        else:
            rows.append(f"| {words[key]} | {number(seconds, 1, lang)} | {math.ceil(seconds / 60)} |")
    return "\n".join(rows) + "\n\n" + words["source"].format(commit=timings["measured"]["commit"])


def filled(text: str, lesson: str, lang: str, timings: dict) -> str:
    """``text`` with the table between its markers (re)generated; a guide without both markers,
    in order and once each, raises ValueError."""
    start, end = MARKERS
    if text.count(start) != 1 or text.count(end) != 1 or text.index(start) > text.index(end):
        raise ValueError(f"the guide needs the two lines {start} and {end}, once each, in this order")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    return f"{before}{start}\n\n{table(lesson, lang, timings)}\n\n{end}{after}"


def stale_guides(timings: dict | None = None) -> list[Path]:
    """The guides whose timing table is not what ``filled`` would write (missing guides are not listed)."""
    timings = timings or load_timings()
    stale = []
    for lang, lesson, path in guide_paths():
        if path.exists():
            text = path.read_text(encoding="utf-8")
            if filled(text, lesson, lang, timings) != text:
                stale.append(path)
    return stale


def fill_all() -> list[Path]:
    """Rewrite the timing table of every existing guide; return the guides changed."""
    timings = load_timings()
    changed = stale_guides(timings)
    for path in changed:
        lang, lesson = path.parent.name, path.stem
        path.write_text(filled(path.read_text(encoding="utf-8"), lesson, lang, timings), encoding="utf-8")
    return changed


def cell_seconds(cell) -> float | None:
    """How long a cell of a notebook executed by nbclient ran: nbclient records the kernel's
    timestamps in ``metadata.execution`` (busy → idle, or execute_input → execute_reply)."""
    stamps = cell.get("metadata", {}).get("execution", {})
    for begin, end in (("iopub.status.busy", "iopub.status.idle"), ("iopub.execute_input", "shell.execute_reply")):
        if begin in stamps and end in stamps:
            return (datetime.fromisoformat(stamps[end]) - datetime.fromisoformat(stamps[begin])).total_seconds()
    return None


def solutions_seconds(nb: dict) -> float | None:
    """The seconds the solutions add to a lesson: the sum over the cells that tools/exercises.py
    inserts for them (tagged ``solution-<n>``); None if none of them holds a timing."""
    times = [cell_seconds(cell) for cell in nb["cells"]
             if any(re.fullmatch(r"solution-\d+", tag) for tag in cell.get("metadata", {}).get("tags", []))]
    times = [t for t in times if t is not None]
    return round(sum(times), 1) if times else None


def measure(artifacts: Path, timings: dict) -> list[str]:
    """Set ``timings``' Colab-stack and solution times from a test run's ``artifacts`` folder;
    return what could not be found there (those stay None)."""
    colab = artifacts / "colab_stack.json"
    colab = json.loads(colab.read_text(encoding="utf-8")) if colab.exists() else {}
    missing = []
    for lesson in LESSONS:
        entry = timings["lessons"].setdefault(lesson, {})
        found = {"colab_stack_seconds": colab.get(f"{lesson}.ipynb", {}).get("seconds")}
        executed = artifacts / "solutions" / f"{lesson}.ipynb"
        if executed.exists():
            found["solutions_seconds"] = solutions_seconds(json.loads(executed.read_text(encoding="utf-8")))
        # A time the run did not measure keeps its earlier value (and says so), never becomes None.
        missing += [f"{lesson}: {key}" for key in ("colab_stack_seconds", "solutions_seconds")
                    if found.get(key) is None]
        entry.update({key: value for key, value in found.items() if value is not None})
    return missing


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        stale = stale_guides()
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)} (run `.venv/bin/python tools/guides.py`)")
        return 1 if stale else 0
    if len(argv) == 2 and argv[0] == "--measure":
        timings = load_timings()
        missing = measure(Path(argv[1]), timings)
        TIMINGS.write_text(json.dumps(timings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print("Updated instructors/timings.json (write the commit it measured into its \"measured\" note)"
              + (f"; not in this run, kept as they were: {', '.join(missing)}" if missing else "."))
        return 0
    if argv:
        print(__doc__)
        return 2
    changed = fill_all()
    print(f"Timing tables rewritten: {len(changed)}" + "".join(f"\n  {p.relative_to(ROOT)}" for p in changed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
