#!/usr/bin/env python3
"""The course's one entry point. Needs nothing but Python 3.11 or newer.

    python3 course.py lab                 set up (first time only) and open the course in JupyterLab
    python3 course.py test                set up (first time only) and run every test, as CI does
    python3 course.py execute [NB ...]    run notebooks and store their outputs (default: all)
    python3 course.py format              normalise the JSON of every notebook
    python3 course.py sync-code [NB ...]  copy English code cells into the translations
    python3 course.py translated NB ...   record that these translations follow the current English prose
    python3 course.py solve NB ...        run lessons with every exercise's solution after it, checked
    python3 course.py student-edition DIR every notebook without solutions or outputs, for a class, in DIR

Setting up means: a virtual environment in .venv with the pinned packages of
requirements-dev.txt and the course's package `shared` (editable). `test` also sets up
.venv-colab, Colab's published package versions (constraints-colab.txt), where the English
lessons run a second time. Each is created once and updated when its files change.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
COLAB_VENV = ROOT / ".venv-colab"
COLAB_PYTHON_ENV = "COURSE_COLAB_PYTHON"  # tells the tests where the Colab-stack Python is


def venv_python(folder: Path) -> Path:
    return folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(folder: Path, requirements: str, also_read: tuple[str, ...], what: str) -> Path:
    """Create ``folder`` as a virtual environment and ``pip install -r requirements`` into it,
    unless that was done already with the same ``requirements`` and ``also_read`` files (the
    files it refers to): a digest of them is kept in the folder."""
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under whatever python3 a learner has
        sys.exit(f"The course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    python = venv_python(folder)
    if not python.exists():
        print(f"Creating the virtual environment {folder} ...", flush=True)
        venv.create(folder, with_pip=True)
    stamp = folder / "course-requirements.sha256"
    digest = hashlib.sha256(b"".join((ROOT / name).read_bytes() for name in (requirements, *also_read)))
    if not stamp.exists() or stamp.read_text().strip() != digest.hexdigest():
        print(f"Installing {what} (first time: a few minutes) ...", flush=True)
        stamp.unlink(missing_ok=True)  # a failed install must not look finished
        run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", ROOT / requirements])
        stamp.write_text(digest.hexdigest() + "\n")
    return python


def ensure_environment() -> Path:
    """The course's environment: the pins of requirements-dev.txt and the package, in .venv."""
    return ensure_venv(VENV, "requirements-dev.txt", ("requirements.txt", "pyproject.toml"),
                       "the course's pinned packages and its helper package")


def ensure_colab_environment() -> Path:
    """Colab's published stack in .venv-colab (the course's package is added per test run)."""
    return ensure_venv(COLAB_VENV, "constraints-colab.txt", (), "Colab's package versions")


def run(command: list, **kwargs) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def main(argv: list[str]) -> None:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return
    command, args = argv[0], argv[1:]
    python = ensure_environment()
    if command == "lab":
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--allow-root")  # containers often run as root; JupyterLab refuses it otherwise
        run([python, "-m", "jupyterlab", "--notebook-dir", ROOT, *args])
    elif command == "test":
        colab_python = ensure_colab_environment()
        env = {**os.environ, COLAB_PYTHON_ENV: str(colab_python)}
        run([python, ROOT / "tools" / "run_tests.py", *args], env=env)
    elif command in {"student-edition", "solve"}:
        run([python, ROOT / "tools" / "exercises.py", command, *args])
    elif command in {"execute", "format", "sync-code", "translated"}:
        run([python, ROOT / "tools" / "nbtools.py", command, *args])
    else:
        sys.exit(f"Unknown command {command!r}.\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv[1:])
