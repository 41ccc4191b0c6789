"""What the tests expect, in one place: headings per language, the Colab URL, the address from
which Colab installs the course's package, how requirement files pin versions."""

from __future__ import annotations

from pathlib import Path

from packaging.utils import canonicalize_name
from repository import CONFIG, colab_url, package_url  # noqa: F401 - the tests' names for them

ROOT = Path(__file__).resolve().parent.parent
COLAB_PYTHON_ENV = "COURSE_COLAB_PYTHON"  # course.py names the Colab stack's Python in it
EDITABLE = "-e ."  # how requirements.txt and environment.yml install the course's package

# Section headings every lesson has, in each language (level-2 headings).
REQUIRED_HEADINGS = {
    "en": ("Overview", "Setup", "Summary", "Exercises"),
    "es": ("Descripción general", "Configuración", "Resumen", "Ejercicios"),
    "zh": ("概述", "环境设置", "总结", "练习"),
    "fr": ("Vue d'ensemble", "Configuration", "Résumé", "Exercices"),
}

# What frames every lesson (tests/test_lesson_frame.py): a level-3 heading right after the
# overview, and the last section, with further reading and the links to the neighbouring lessons.
FRAME_HEADINGS = {
    "en": ("Before you start", "Further reading"),
    "es": ("Antes de empezar", "Para saber más"),
    "zh": ("开始之前", "延伸阅读"),
    "fr": ("Avant de commencer", "Pour aller plus loin"),
}


def pins(lines: list[str] | Path) -> dict[str, str]:
    """Package → pinned version; every line must be pinned with == (or install the course itself)."""
    if isinstance(lines, Path):
        lines = lines.read_text().splitlines()
    result = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if line and not line.startswith("-r") and line != EDITABLE:
            name, sep, version = line.partition("==")
            assert sep, f"'{line}' is not pinned with =="
            result[canonicalize_name(name)] = version
    return result
