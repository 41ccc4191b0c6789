"""Colab's stack: every English lesson runs top to bottom with the package versions Colab publishes.

``python3 course.py test`` builds .venv-colab from constraints-colab.txt and names its Python in
COURSE_COLAB_PYTHON. These tests never change that environment: each builds a throwaway one on
top of it, which sees Colab's packages (as a virtual environment with system site packages
would) and installs into itself, the way a Colab runtime starts from its own packages.

* Lessons 01-05 run with the course's package installed by pip from a copy of this folder (a
  real wheel build, so the package data must be in it).
* Lesson 06 runs as in Colab: a stand-in ``google.colab`` (tests/fake_colab) is imported when the
  kernel starts, the setup cell's own ``%pip install`` fetches the package from a git repository
  of this folder (a file:// address in place of the public one), and lesson 06's network, saved
  by the pinned (newer) Keras, waits in the model folder, as a learner's earlier local run would
  have left it. Colab's Keras describes the same layers with fewer settings, so that file has
  another architecture fingerprint; the lesson must say which Keras wrote it, and train.

pip runs without this machine's pip configuration (PIP_CONFIG_FILE=os.devnull), as on Colab.

Stored outputs are not compared (other versions print other numbers); the lessons' own asserts
must pass, no cell may fail, pip must leave Colab's packages alone, and nothing may appear on
stderr except the lines listed in ALLOWED_STDERR. The executed notebooks go to
artifacts/colab_stack/, their times to artifacts/colab_stack.json.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
import venv
from pathlib import Path

import keras
import nbformat
import pytest
from course_rules import COLAB_PYTHON_ENV, CONFIG, package_url, pins
from jupyter_client import KernelManager
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbtools import IPYTHON_PROFILE, NOTEBOOKS, english_notebooks, harness_environment
from packaging.utils import canonicalize_name

from shared.models import MODEL_CACHE_ENV, architecture_fingerprint

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
FAKE_COLAB = Path(__file__).resolve().parent / "fake_colab"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
PAD_LESSON = "06_visualize_activations.ipynb"  # the lesson with the drawing pad runs as in Colab
LESSONS = [p.name for p in english_notebooks() if p.name != PAD_LESSON]
COLAB_VERSIONS = pins(ROOT / "constraints-colab.txt")
NO_PIP_CONFIG = {"PIP_CONFIG_FILE": os.devnull}  # pip as on Colab, without this machine's settings

# What may appear on stderr, each pattern with its reason. Anything else fails the test.
ALLOWED_STDERR: list[str] = []


def require_colab_stack() -> Path:
    """The Colab stack's Python; skip (or fail under CI) when course.py has not built it."""
    python = os.environ.get(COLAB_PYTHON_ENV)
    if python and Path(python).exists():
        return Path(python)
    reason = "the Colab stack is not set up: run `python3 course.py test`, which builds .venv-colab"
    if os.environ.get("CI"):
        pytest.fail(reason + " (CI must run it)")
    pytest.skip(reason)


def site_packages(python: Path) -> Path:
    code = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    return Path(subprocess.run([python, "-c", code], capture_output=True, text=True, check=True).stdout.strip())


def layer(folder: Path) -> Path:
    """A virtual environment in ``folder`` that sees the Colab stack's packages and installs into itself."""
    base = require_colab_stack()
    venv.create(folder, with_pip=False)  # pip itself comes from the Colab stack
    python = folder / "bin" / "python"
    (site_packages(python) / "colab_stack.pth").write_text(f"{site_packages(base)}\n")
    return python


def distributions(python: Path) -> dict[str, str]:
    """Name → version of what is installed in this environment itself (not what it sees beneath)."""
    found = {}
    for info in site_packages(python).glob("*.dist-info"):
        name, version = info.name.removesuffix(".dist-info").rsplit("-", 1)
        found[canonicalize_name(name)] = version
    return found


def replaced_colab_packages(python: Path) -> list[str]:
    """Packages of the Colab stack that pip installed again into the layer (replacing Colab's)."""
    return sorted(set(distributions(python)) & set(distributions(require_colab_stack())))


def kernel_env(tmp_path: Path, ipython_dir: Path = IPYTHON_PROFILE, **extra: str) -> dict[str, str]:
    """The runner's environment, with a training cache of this test's own (so every lesson trains
    here for real), the given kernel settings, pip as on Colab, and ``extra``."""
    (tmp_path / "training").mkdir()
    env = harness_environment(str(tmp_path / "training"))
    env.pop("PYTHONPATH", None)
    env.update(IPYTHONDIR=str(ipython_dir), **NO_PIP_CONFIG, **extra)
    return env


def kernel_profile(tmp_path: Path, extra: str) -> Path:
    """An IPython folder with the course's kernel settings (tools/ipython) plus ``extra`` lines."""
    profile = tmp_path / "ipython" / "profile_default"
    profile.mkdir(parents=True)
    course = (IPYTHON_PROFILE / "profile_default" / "ipython_kernel_config.py").read_text()
    (profile / "ipython_kernel_config.py").write_text(course + extra)
    return profile.parent


def execute(nb: nbformat.NotebookNode, python: Path, env: dict[str, str], tmp_path: Path) -> float:
    """Run ``nb`` top to bottom in a kernel of ``python``, from the lessons' folder; return the seconds."""
    spec = tmp_path / "kernels" / "colab-stack"
    spec.mkdir(parents=True)
    argv = [str(python), "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    (spec / "kernel.json").write_text(json.dumps({"argv": argv, "display_name": "Colab stack", "language": "python"}))
    manager = KernelManager(kernel_name="colab-stack", kernel_spec_manager=KernelSpecManager(
        kernel_dirs=[str(spec.parent)]))
    client = NotebookClient(nb, km=manager, timeout=1200, resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.perf_counter()
    client.execute(env=env)  # raises CellExecutionError, with the cell and its traceback, if a cell fails
    return time.perf_counter() - start


def unexpected_stderr(nb: nbformat.NotebookNode) -> list[str]:
    return [line for cell in nb.cells for output in cell.get("outputs", [])
            if output.output_type == "stream" and output.name == "stderr"
            for line in output.text.splitlines()
            if line.strip() and not any(re.search(pattern, line) for pattern in ALLOWED_STDERR)]


def record(name: str, nb: nbformat.NotebookNode, seconds: float, **facts) -> None:
    """Keep the executed notebook, and its time (with what else a closing note needs) in
    artifacts/colab_stack.json."""
    (ARTIFACTS / "colab_stack").mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, ARTIFACTS / "colab_stack" / name)
    path = ARTIFACTS / "colab_stack.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    data[name] = {"seconds": round(seconds, 1), **facts}
    path.write_text(json.dumps(data, indent=2) + "\n")


@pytest.fixture(scope="module", autouse=True)
def fresh_artifacts():
    """This run's notebooks and times only (kept when the stack is missing and nothing runs)."""
    if os.environ.get(COLAB_PYTHON_ENV):
        shutil.rmtree(ARTIFACTS / "colab_stack", ignore_errors=True)
        (ARTIFACTS / "colab_stack.json").unlink(missing_ok=True)


def git_snapshot(folder: Path) -> Path:
    """This folder as a git repository on the course's branch: what Colab's pip would clone.

    A copy, so that building the package writes nothing here (setuptools leaves build/ behind).
    """
    ignore = shutil.ignore_patterns(".git", ".venv*", "artifacts", "__pycache__", "*.egg-info", "build")
    shutil.copytree(ROOT, folder, ignore=ignore)
    git = ["git", "-c", "user.name=course tests", "-c", "user.email=tests@localhost", "-c", "init.defaultBranch=x"]
    for command in (["init", "-q", "-b", CONFIG["repository"]["branch"]], ["add", "-A"],
                    ["commit", "-q", "-m", "snapshot for the Colab test"]):
        subprocess.run([*git, *command], cwd=folder, check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """One git copy of this folder for the module: what pip installs from, as Colab would clone it."""
    require_colab_stack()
    return git_snapshot(tmp_path_factory.mktemp("course") / "repository")


@pytest.fixture(scope="module")
def course_layer(tmp_path_factory, repository) -> Path:
    """Colab's stack plus the course's package, installed by pip from a copy of this folder."""
    python = layer(tmp_path_factory.mktemp("colab-layer") / "env")
    result = subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(repository)],
                            capture_output=True, text=True, env={**os.environ, **NO_PIP_CONFIG})
    assert result.returncode == 0, result.stdout + result.stderr
    return python


def test_installing_the_package_leaves_colab_packages_alone(course_layer):
    added = distributions(course_layer)
    assert "tf-mnist-course" in added
    assert replaced_colab_packages(course_layer) == [], "pip replaced packages that Colab already has"
    code = ("import json, pathlib, anywidget, ipywidgets, keras, numpy, tensorflow, shared\n"
            "folder = pathlib.Path(shared.__file__).parent\n"
            "print(json.dumps({'versions': [tensorflow.__version__, keras.__version__, numpy.__version__,"
            " ipywidgets.__version__, anywidget.__version__], 'folder': str(folder), 'files': sorted("
            "p.relative_to(folder).as_posix() for p in folder.rglob('*') if p.is_file() and p.suffix != '.pyc')}))")
    seen = json.loads(subprocess.run([course_layer, "-c", code], capture_output=True, text=True, check=True,
                                     cwd=course_layer.parent,  # not this folder, which holds shared/ itself
                                     env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}).stdout.splitlines()[-1])
    assert seen["versions"] == [COLAB_VERSIONS[name] for name in
                                ("tensorflow", "keras", "numpy", "ipywidgets", "anywidget")], "Colab's own versions"
    assert Path(seen["folder"]).is_relative_to(site_packages(course_layer)), "the installed copy is imported"
    ours = sorted(p.relative_to(ROOT / "shared").as_posix() for p in (ROOT / "shared").rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)
    assert seen["files"] == ours, "the wheel holds exactly the package's modules and data"


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_on_colab_stack(lesson, course_layer, tmp_path):
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    seconds = execute(nb, course_layer, kernel_env(tmp_path), tmp_path)
    record(lesson, nb, seconds)
    assert unexpected_stderr(nb) == []


CHECK_CELL = """
import json
import anywidget
import ipywidgets
from google.colab import output

state = pad.get_state()
print("COLAB-CHECK", json.dumps({
    "colab_calls": output.CALLS, "anywidget": anywidget.__version__, "ipywidgets": ipywidgets.__version__,
    "keras": keras.__version__, "tensorflow": tf.__version__, "shared": shared.__file__,
    "model_id": pad.model_id, "esm_loaded": "export default" in state["_esm"],
    "css_loaded": ".drawpad" in state["_css"],
    "status": pad.result.get("status"), "best": pad.result.get("best"), "label": int(drawings[8].label),
}))
"""

def test_setup_cell_without_the_package_says_what_to_do(tmp_path):
    """A learner opens a lesson in a Jupyter without the course's environment (and not in Colab)."""
    python = layer(tmp_path / "env")
    setup = next(cell for cell in nbformat.read(NOTEBOOKS / LESSONS[0], as_version=4).cells if cell.cell_type == "code")
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(setup.source)])
    with pytest.raises(CellExecutionError) as raised:
        execute(nb, python, kernel_env(tmp_path), tmp_path)
    assert raised.value.ename == "ModuleNotFoundError"
    assert "`python3 course.py lab`" in raised.value.evalue and "%pip install -e" in raised.value.evalue
    assert "tf-mnist-course" not in distributions(python), "outside Colab the cell installs nothing"


def saved_by_this_keras(nb: nbformat.NotebookNode, folder: Path) -> str:
    """Build the lesson's network here (pinned Keras) from its own cell, save it as the lesson would;
    return the file name as the lesson prints it."""
    name = re.search(r'shared\.model_file\("(\w+)", model\)', "\n".join(c.source for c in nb.cells)).group(1)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "keras.Model(inputs" in c.source)
    scope = {"keras": keras}
    exec(cell.source.replace("model.summary()", ""), scope)  # the lesson's own layers, nothing else
    path = folder / f"{name}-{architecture_fingerprint(scope['model'])}.keras"
    scope["model"].save(path)
    return f"${MODEL_CACHE_ENV}/{path.name}"


def test_pad_lesson_as_in_colab(tmp_path, repository):
    python = layer(tmp_path / "env")
    nb = nbformat.read(NOTEBOOKS / PAD_LESSON, as_version=4)
    setup = next(cell for cell in nb.cells if cell.cell_type == "code")
    assert package_url() in setup.source
    # file://localhost/…: pip 23.2 (Colab's runtime and this machine) rejects file:/// in a "name @ url" requirement.
    local = f"git+file://localhost{repository}@{CONFIG['repository']['branch']}"
    setup.source = setup.source.replace(package_url(), local)
    nb.cells.append(nbformat.v4.new_code_cell(CHECK_CELL))
    models = tmp_path / "models"
    models.mkdir()
    saved = saved_by_this_keras(nb, models)
    profile = kernel_profile(tmp_path, 'c.InteractiveShellApp.exec_lines = ["import google.colab"]  # as in Colab\n')
    env = kernel_env(tmp_path, profile, PYTHONPATH=str(FAKE_COLAB), **{MODEL_CACHE_ENV: str(models)})

    seconds = execute(nb, python, env, tmp_path)

    text = "\n".join(o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.output_type == "stream")
    facts = json.loads(text.split("COLAB-CHECK ", 1)[1].splitlines()[0])
    installed = distributions(python)
    record(PAD_LESSON, nb, seconds, installed_by_setup_cell=installed, pad=facts)
    assert "tf-mnist-course" in installed, "the setup cell's %pip install put the package into the runtime"
    assert Path(facts["shared"]).is_relative_to(site_packages(python))
    assert replaced_colab_packages(python) == [], "the setup cell's install replaced packages Colab already has"
    for name in ("keras", "tensorflow", "anywidget", "ipywidgets"):
        assert facts[name] == COLAB_VERSIONS[name], f"Colab's own {name}"
    assert facts["colab_calls"] == ["enable_custom_widget_manager"], "Colab's widget manager was switched on"
    assert facts["esm_loaded"] and facts["css_loaded"], "the pad's front end was sent to the browser"
    assert (facts["status"], facts["best"]) == ("ok", facts["label"]), "the pad read the bundled drawing"
    views = [o for c in nb.cells for o in c.get("outputs", []) if WIDGET_VIEW in o.get("data", {})]
    assert [view["data"][WIDGET_VIEW]["model_id"] for view in views] == [facts["model_id"]], "the pad is a widget"
    assert f"{saved} was saved by Keras {keras.__version__} and this is Keras {facts['keras']}: training again." in text
    assert "Epoch 2/2" in text, "the lesson trained"
    assert unexpected_stderr(nb) == []

