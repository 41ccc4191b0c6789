"""The course's repository, as course.toml names it: the addresses of the notebooks' Colab buttons,
of the package that Colab's setup cell installs, and of the course's files on GitHub. The
notebooks, the slides, the website and the tests all take them from here."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).resolve().parent.parent / "course.toml").read_text(encoding="utf-8"))
GITHUB, BRANCH = CONFIG["repository"]["github"], CONFIG["repository"]["branch"]


def colab_url(relative_path: str) -> str:
    """The "Open in Colab" address of a notebook, e.g. of ``notebooks/es/01_linear_baseline.ipynb``."""
    return f"https://colab.research.google.com/github/{GITHUB}/blob/{BRANCH}/{relative_path}"


def package_url() -> str:
    """Where the setup cell installs the course's package from in Colab (pip's VCS form)."""
    return f"git+https://github.com/{GITHUB}@{BRANCH}"


def github_url(relative_path: str) -> str:
    """A file of the course on GitHub, e.g. ``README.md``."""
    return f"https://github.com/{GITHUB}/blob/{BRANCH}/{relative_path}"
