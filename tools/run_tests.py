"""Every test of the course, in one run: lint, unit and consistency tests, then every
notebook in every language under nbval. Called by ``python3 course.py test``."""

from __future__ import annotations

import subprocess
import sys
import tempfile

from nbtools import ROOT, all_notebooks, harness_environment


def main(extra: list[str]) -> int:
    lint = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT)
    if lint.returncode:
        return lint.returncode
    notebooks = [str(p.relative_to(ROOT)) for p in all_notebooks()]
    command = [sys.executable, "-m", "pytest", "tests", *notebooks, "--nbval",
               "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
               "--nbval-cell-timeout", "1200", *extra]
    with tempfile.TemporaryDirectory(prefix="course-training-") as cache:
        env = harness_environment(cache)  # the same settings as the runner (tools/nbtools.py)
        return subprocess.run(command, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
