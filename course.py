#!/usr/bin/env python3
"""The course's one entry point. Needs Python 3.11 or newer; `test`, `slides` and `site` also
need Node.js's npm (reveal.js and MathJax come from npm).

    python3 course.py lab [--lang xx]     set up (first time only) and open the course in JupyterLab:
                                          --lang es, zh or fr: its menus in that language, on notebooks/xx/
                                          (default en: in English, on notebooks/)
    python3 course.py test                set up (first time only) and run every test, as CI does
    python3 course.py execute [NB ...]    run notebooks and store their outputs (default: all)
    python3 course.py format              normalise the JSON of every notebook
    python3 course.py sync-code [NB ...]  copy English code cells into the translations
    python3 course.py translated NB ...   record that these translations follow the current English prose
    python3 course.py solve NB ...        run lessons with every exercise's solution after it, checked
    python3 course.py student-edition DIR every notebook without solutions or outputs, for a class, in DIR
    python3 course.py slides [DIR]        every lesson as reveal.js slides (default build/slides)
    python3 course.py site [DIR]          the website of the course from the stored outputs (default build/site)
    python3 course.py bundle DIR          everything a classroom without internet needs, in DIR

Setting up means: a virtual environment in .venv with the pinned packages of
requirements-dev.txt and the course's package `shared` (editable). `test` also sets up
.venv-colab, Colab's published package versions (constraints-colab.txt), where the English
lessons run a second time. Each is created once and updated when its files change.

`lab` keeps JupyterLab's settings and open tabs for the course in .venv/course-jupyterlab
(see lab_command); your own JupyterLab settings in ~/.jupyter are neither read nor changed.
Arguments after `lab` other than --lang go to JupyterLab, e.g. `--port 8890`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
COLAB_VENV = ROOT / ".venv-colab"
COLAB_PYTHON_ENV = "COURSE_COLAB_PYTHON"  # tells the tests where the Colab-stack Python is
# `lab --lang`: each course language (shared/i18n.py's LANGUAGES; a test keeps the two equal) and the
# JupyterLab locale that shows its menus, from the language packs pinned in requirements.txt.
LAB_LOCALES = {"en": "en", "es": "es_ES", "zh": "zh_CN", "fr": "fr_FR"}
LAB_STATE = VENV / "course-jupyterlab"  # JupyterLab's settings and workspaces for the course


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


def lab_command(python: Path, lang: str, args: list[str], state: Path = LAB_STATE) -> list[str]:
    """The command that opens JupyterLab with its menus in ``lang``, on that language's lessons.

    JupyterLab shows its interface in the ``locale`` of the setting
    ``@jupyterlab/translation-extension:plugin`` ("zh_CN", "es_ES", "fr_FR"; "en" is English),
    read from the user-settings folder (the server translates the menu bar only from there).
    So JupyterLab gets a settings folder of the course's own, ``state``/settings, and this
    function writes the locale into it before every launch: ``--lang fr`` opens in French and
    a plain ``lab`` in English, whatever was chosen before. Other settings changed in JupyterLab
    (a theme, ...) stay there; open tabs are kept per language in ``state``/workspaces/<lang>.

    The server's root stays the course folder, so that the lessons' figures (../images) load;
    the file browser opens in notebooks/<lang> (English: notebooks/).
    """
    if lang not in LAB_LOCALES:
        raise ValueError(f"unknown language {lang!r}: choose one of {', '.join(LAB_LOCALES)}")
    settings = state / "settings"
    language_setting = settings / "@jupyterlab" / "translation-extension" / "plugin.jupyterlab-settings"
    language_setting.parent.mkdir(parents=True, exist_ok=True)
    language_setting.write_text("// Written by course.py at every `course.py lab`: the menus' language.\n"
                                + json.dumps({"locale": LAB_LOCALES[lang]}) + "\n", encoding="utf-8")
    lessons = "notebooks" if lang == "en" else f"notebooks/{lang}"
    command = [str(python), "-m", "jupyterlab", f"--ServerApp.root_dir={ROOT}",
               f"--ContentsManager.preferred_dir={lessons}", f"--LabApp.user_settings_dir={settings}",
               f"--LabApp.workspaces_dir={state / 'workspaces' / lang}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # containers often run as root; JupyterLab refuses it otherwise
    return command + list(args)


def lab_language(args: list[str]) -> tuple[str, list[str]]:
    """``--lang xx`` (or ``--lang=xx``, default en) out of the arguments of ``lab``; the rest is JupyterLab's."""
    parser = argparse.ArgumentParser(prog="python3 course.py lab", allow_abbrev=False, add_help=False)
    parser.add_argument("--lang", default="en", choices=list(LAB_LOCALES),
                        help="the language of JupyterLab's menus and of the lessons it opens")
    known, rest = parser.parse_known_args(args)
    return known.lang, rest


# Commands whose arguments are files or folders (the others pass theirs on to JupyterLab or pytest).
PATH_COMMANDS = {"execute", "format", "sync-code", "translated", "solve", "student-edition", "slides", "site",
                 "bundle"}
WEB = ROOT / "tools" / "web"  # reveal.js and MathJax from npm, pinned in its package-lock.json


def ensure_web_assets() -> Path:
    """The npm packages the slides and the website serve themselves (no CDN): ``npm ci`` once,
    again when package-lock.json changes. Needs Node.js and npm (Debian: apt-get install npm)."""
    if shutil.which("npm") is None:
        sys.exit("The slides, the website and the tests need Node.js's npm, to install reveal.js and MathJax: "
                 "install it (Debian/Ubuntu: sudo apt-get install npm), then run this again.")
    stamp = WEB / "node_modules" / "course-lock.sha256"
    digest = hashlib.sha256((WEB / "package-lock.json").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text().strip() != digest:
        print("Installing reveal.js and MathJax from npm (first time only) ...", flush=True)
        run(["npm", "ci", "--no-audit", "--no-fund", "--prefix", WEB])
        stamp.write_text(digest + "\n")
    return WEB / "node_modules"


def run(command: list, **kwargs) -> None:
    result = subprocess.run([str(part) for part in command], cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def main(argv: list[str]) -> None:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return
    command, args = argv[0], argv[1:]
    if command in PATH_COMMANDS:  # the tools run from the course folder: paths as the user typed them
        args = [arg if arg.startswith("-") else str(Path(arg).resolve()) for arg in args]
    if command == "lab":
        lang, args = lab_language(args)  # an unknown language stops here, before any setup
        run(lab_command(ensure_environment(), lang, args))
        return
    python = ensure_environment()
    if command == "test":
        ensure_web_assets()
        colab_python = ensure_colab_environment()
        env = {**os.environ, COLAB_PYTHON_ENV: str(colab_python)}
        run([python, ROOT / "tools" / "run_tests.py", *args], env=env)
    elif command in {"slides", "site"}:
        ensure_web_assets()
        run([python, ROOT / "tools" / f"{command}.py", *args])
    elif command == "bundle":
        run([python, ROOT / "tools" / "bundle.py", *args])
    elif command in {"student-edition", "solve"}:
        run([python, ROOT / "tools" / "exercises.py", command, *args])
    elif command in {"execute", "format", "sync-code", "translated"}:
        run([python, ROOT / "tools" / "nbtools.py", command, *args])
    else:
        sys.exit(f"Unknown command {command!r}.\n{__doc__}")


if __name__ == "__main__":
    main(sys.argv[1:])
