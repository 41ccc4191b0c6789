"""Every test of the course, in one run: lint, unit and consistency tests, then every
notebook in every language under nbval. Called by ``python3 course.py test``."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from nbtools import all_notebooks  # noqa: E402


def main(extra: list[str]) -> int:
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT)
    if lint.returncode:
        return lint.returncode
    env = dict(os.environ)
    env.setdefault("MPLBACKEND", "Agg")
    env["IPYTHONDIR"] = str(ROOT / "tools" / "ipython")  # the same kernel settings as the runner
    # One fresh cache per run: a translation replays the training its English original just did.
    env.setdefault("COURSE_TRAINING_CACHE", tempfile.mkdtemp(prefix="course-training-"))
    notebooks = [str(p.relative_to(ROOT)) for p in all_notebooks()]
    command = [sys.executable, "-m", "pytest", "tests", *notebooks, "--nbval",
               "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
               "--nbval-cell-timeout", "1200", *extra]
    return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
