#!/usr/bin/env python3
"""The course's one entry point. Needs nothing but Python 3.10 or newer.

    python3 course.py lab                 set up (first time only) and open the course in JupyterLab
    python3 course.py test                set up (first time only) and run every test, as CI does
    python3 course.py execute [NB ...]    run notebooks and store their outputs (default: all)
    python3 course.py format              normalise the JSON of every notebook
    python3 course.py sync-code [NB ...]  copy English code cells into the translations
    python3 course.py translated NB ...   record that these translations follow the current English prose

Setting up means: a virtual environment in .venv with the pinned packages of
requirements-dev.txt. It is created once and updated when the requirements change.
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
REQUIREMENTS = ROOT / "requirements-dev.txt"
STAMP = VENV / "course-requirements.sha256"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def requirements_digest() -> str:
    h = hashlib.sha256()
    for name in ("requirements.txt", "requirements-dev.txt"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def ensure_environment() -> Path:
    """Create .venv and install the pinned requirements, unless that is already done."""
    if sys.version_info < (3, 10):  # noqa: UP036 - runs under whatever python3 a learner has
        sys.exit(f"The course needs Python 3.10 or newer; this is {sys.version.split()[0]}.")
    python = venv_python()
    if not python.exists():
        print(f"Creating the virtual environment {VENV} ...", flush=True)
        venv.create(VENV, with_pip=True)
    digest = requirements_digest()
    if not STAMP.exists() or STAMP.read_text().strip() != digest:
        print("Installing the course's pinned packages (first time: a few minutes) ...", flush=True)
        run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", REQUIREMENTS])
        STAMP.write_text(digest + "\n")
    return python


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
        run([python, ROOT / "tools" / "run_tests.py", *args])
    elif command in {"execute", "format", "sync-code", "translated"}:
        run([python, ROOT / "tools" / "nbtools.py", command, *args])
    else:
        sys.exit(f"Unknown command {command!r}.\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv[1:])
