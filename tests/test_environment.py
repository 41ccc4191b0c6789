"""Dependencies, the test command and the sanitizer stay consistent."""

from __future__ import annotations

import configparser
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEST_COMMAND = "python3 course.py test"
LAB_COMMAND = "python3 course.py lab"


def pins(path: Path) -> dict[str, str]:
    result = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-r"):
            name, sep, version = line.partition("==")
            assert sep, f"{path.name}: '{line}' is not pinned with =="
            result[name.lower()] = version
    return result


def test_conda_file_and_requirements_pin_the_same_versions():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    conda_pins = dict(line.lower().split("==") for line in pip_section)
    assert conda_pins == pins(ROOT / "requirements.txt")
    assert "python=3.11" in env["dependencies"]


def test_colab_and_dev_pins_agree_with_requirements():
    runtime = pins(ROOT / "requirements.txt")
    for name, version in pins(ROOT / "requirements-colab.txt").items():
        assert runtime.get(name) == version, f"requirements-colab.txt pins {name}=={version}"
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text()
    assert pins(ROOT / "requirements-dev.txt")  # every dev tool is pinned too (checked by pins())


def test_readme_gives_both_commands_and_ci_runs_the_test_one():
    readme = (ROOT / "README.md").read_text()
    assert TEST_COMMAND in readme and LAB_COMMAND in readme
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(rf"^{re.escape(TEST_COMMAND)}\s*$", ci, re.MULTILINE), ".ci/run must call the README's command"


def test_every_sanitizer_pattern_says_why():
    text = (ROOT / "tests" / "nbval_sanitize.cfg").read_text()
    parser = configparser.ConfigParser()
    parser.read_string(text)
    assert parser.sections()
    for section in parser.sections():
        block = text.split(f"[{section}]", 1)[1].split("\n[", 1)[0]
        assert re.search(r"^# \S", block, re.MULTILINE), f"[{section}] has no comment saying why"
        assert parser[section]["regex"] and "replace" in parser[section]


def test_readme_links_to_files_that_exist():
    readme = (ROOT / "README.md").read_text()
    links = [link for link in re.findall(r"\]\(([^)\s]+)\)", readme) if not link.startswith("http")]
    assert links, "the README links to no lesson"
    missing = [link for link in links if not (ROOT / link).exists()]
    assert not missing, f"README links to missing files: {missing}"
