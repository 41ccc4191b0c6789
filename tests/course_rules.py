"""What the notebook tests expect, in one place: headings per language, the Colab URL."""

from __future__ import annotations

from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "course.toml").read_text())

# Section headings every lesson has, in each language (level-2 headings).
REQUIRED_HEADINGS = {
    "en": ("Overview", "Setup", "Summary", "Exercises"),
    "es": ("Descripción general", "Configuración", "Resumen", "Ejercicios"),
    "zh": ("概述", "环境设置", "总结", "练习"),
    "fr": ("Vue d'ensemble", "Configuration", "Résumé", "Exercices"),
}


def colab_url(relative_path: str) -> str:
    """The "Open in Colab" address of a notebook, from the repository set in course.toml."""
    repo = CONFIG["repository"]["github"]
    branch = CONFIG["repository"]["branch"]
    return f"https://colab.research.google.com/github/{repo}/blob/{branch}/{relative_path}"
