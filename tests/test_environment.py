"""Dependencies, the test command and the sanitizer stay consistent."""

from __future__ import annotations

import configparser
import re
import tomllib
from pathlib import Path

import pytest
import yaml
from course_rules import COLAB_PYTHON_ENV, EDITABLE, pins
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from shared import notebook

ROOT = Path(__file__).resolve().parent.parent
TEST_COMMAND = "python3 course.py test"
LAB_COMMAND = "python3 course.py lab"
PACKAGE = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def dependencies() -> list[Requirement]:
    return [Requirement(text) for text in PACKAGE["dependencies"]]


def test_conda_file_and_requirements_pin_the_same_versions():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pins(pip_section) == pins(ROOT / "requirements.txt")
    assert "python=3.11" in env["dependencies"]


def test_requirements_and_the_conda_file_install_the_course_package():
    requirements = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert EDITABLE in requirements and EDITABLE in pip_section
    assert "-r requirements.txt" in (ROOT / "requirements-dev.txt").read_text()
    assert pins(ROOT / "requirements-dev.txt")  # every dev tool is pinned too (checked by pins())


@pytest.mark.parametrize("requirement", dependencies(), ids=str)
def test_package_range_holds_both_tested_ends(requirement):
    """Each dependency of the package admits the pin (the newest tested) and Colab's version (the oldest)."""
    name = canonicalize_name(requirement.name)
    pinned = pins(ROOT / "requirements.txt").get(name)
    colab = pins(ROOT / "constraints-colab.txt").get(name)
    assert pinned, f"{name} is a dependency of the package but not pinned in requirements.txt"
    assert requirement.specifier.contains(pinned), f"the pin {name}=={pinned} is outside {requirement}"
    lowest = colab or pinned  # Colab's version where Colab has the package, else the pin
    assert requirement.specifier.contains(lowest), f"{name}=={lowest} is outside {requirement}"
    floor = next((s.version for s in requirement.specifier if s.operator == ">="), None)
    assert floor, f"{requirement} has no lower bound"
    tested = Version(lowest).release[:len(Version(floor).release)]
    assert tested == Version(floor).release, f"{requirement}: its lower bound should be the tested {lowest}"


def test_package_never_pins_what_a_runtime_brings():
    """An exact pin or a tight cap would make pip replace a runtime's own, newer packages: the only caps
    allowed are the next major version after the newest tested one."""
    for requirement in dependencies():
        pinned = pins(ROOT / "requirements.txt")[canonicalize_name(requirement.name)]
        for spec in requirement.specifier:
            assert spec.operator in {">=", "<"}, f"{requirement}: only ranges, no {spec.operator}"
            if spec.operator == "<":
                next_major = str(int(pinned.split(".")[0]) + 1)
                assert spec.version == next_major, f"{requirement}: a cap only at the next major version"


def test_colab_constraints_say_where_they_come_from():
    text = (ROOT / "constraints-colab.txt").read_text()
    assert "googlecolab/backend-info" in text and "pip-freeze.txt" in text
    assert {"tensorflow", "keras", "numpy", "ipywidgets", "anywidget"} <= set(pins(ROOT / "constraints-colab.txt"))


def test_readme_states_the_tested_versions():
    readme = (ROOT / "README.md").read_text()
    assert "constraints-colab.txt" in readme and "requirements.txt" in readme
    for name in ("tensorflow", "keras"):
        assert pins(ROOT / "requirements.txt")[name] in readme
        assert pins(ROOT / "constraints-colab.txt")[name] in readme


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


def test_the_setup_check_asks_for_the_oldest_tested_versions():
    """shared.setup refuses what is older than the package's lower bounds (Colab's versions)."""
    floors = {r.name: next(s.version for s in r.specifier if s.operator == ">=") for r in dependencies()}
    assert ".".join(map(str, notebook.MIN_TENSORFLOW)) == floors["tensorflow"]
    assert ".".join(map(str, notebook.MIN_KERAS)) == floors["keras"]


def test_course_py_passes_the_colab_python_under_the_name_the_tests_read():
    assert f'COLAB_PYTHON_ENV = "{COLAB_PYTHON_ENV}"' in (ROOT / "course.py").read_text()


def sanitized(text: str) -> str:
    """``text`` with the sanitizer's patterns applied, as nbval applies them."""
    parser = configparser.ConfigParser()
    parser.read_string((ROOT / "tests" / "nbval_sanitize.cfg").read_text())
    for section in parser.sections():
        text = re.sub(parser[section]["regex"], parser[section]["replace"], text)
    return text


@pytest.mark.parametrize("line, expected", [
    ("epoch 1/2: loss 0.0745, validation accuracy 98.90%, 8 s",
     "epoch 1/2: loss <FLOAT>, validation accuracy <FLOAT>%, <DURATION>"),
    ("époque 1/2\u00a0: perte 0,0745, exactitude de validation 98,90\u00a0%, 8\u00a0s",
     "époque 1/2\u00a0: perte <FLOAT>, exactitude de validation <FLOAT>\u00a0%, <DURATION>"),
    ("轮次 1/2：损失 0.0745，验证集准确率 98.90%，8 秒", "轮次 1/2：损失 <FLOAT>，验证集准确率 <FLOAT>%，<DURATION>"),
    ("conv2_w  (5, 5, 16, 36)     14,400", "conv2_w  (5, 5, 16, 36)     14,400"),  # counts stay compared
])
def test_the_sanitizer_masks_varying_numbers_in_every_language(line, expected):
    assert sanitized(line) == expected
