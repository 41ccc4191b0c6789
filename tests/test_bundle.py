"""The offline classroom bundle (tools/bundle.py): `python3 course.py bundle DIR`, then `python3 start.py`.

Quick tests, in this process: which files make the course, the datasets copied from a mirror or
rewritten from the download cache with every checksum checked, the refusals (no verified data, a
corrupt file, a folder that is not a bundle), that a failed build leaves nothing behind, and what
start.py says, in four languages, in a folder that is not a complete bundle or under another Python.

The real thing, once for the module (a few minutes; its times go to artifacts/bundle.json): the
command builds a bundle into a folder whose path has a space, downloading the wheels from PyPI (or
pip's cache). Then, without network, the bundle's own `start.py --setup-only` creates the course's
environment from it, a learner's Python imports `shared` and loads MNIST and Fashion-MNIST from the
bundled copy, and lesson 01 runs from top to bottom in Chinese; finally `start.py --lang fr` opens
JupyterLab on the French lessons. "Without network" means a network namespace with nothing but
loopback (`unshare -rn`) when the system allows it; pip is also told to use no index
(`--no-index`, set by start.py), its index URL and the HTTP(S) proxies point at a closed port, and
the computer's pip configuration is ignored. Where `unshare` is refused, only the settings remain;
artifacts/bundle.json says which proof was used. The bundle and its environment (about 4 GB) are
deleted at the end.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import bundle
import numpy as np
import pytest
from course_rules import pins
from test_browser import free_port, stop_server, wait_for_server

from shared import data, i18n

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CLOSED = "http://127.0.0.1:9"  # the discard port: nothing listens there
LESSON = "notebooks/zh/01_linear_baseline.ipynb"


# --- quick tests -----------------------------------------------------------------------------

def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tiny_dataset(seed: int) -> list[np.ndarray]:
    """x_train, y_train, x_test, y_test of five and three images: the order of data.IDX_NAMES."""
    rng = np.random.default_rng(seed)
    return [rng.integers(0, 256, (5, 28, 28), dtype=np.uint8), rng.integers(0, 10, 5, dtype=np.uint8),
            rng.integers(0, 256, (3, 28, 28), dtype=np.uint8), rng.integers(0, 10, 3, dtype=np.uint8)]


@pytest.fixture
def mirror(tmp_path):
    """A small offline mirror in COURSE_DATA_DIR's layout, with its SHA256SUMS."""
    folder = tmp_path / "mirror"
    lines = []
    for seed, dataset in enumerate(bundle.DATASETS):
        (folder / dataset).mkdir(parents=True)
        for name, array in zip(data.IDX_NAMES, tiny_dataset(seed)):
            bundle.write_idx(array, folder / dataset / name)
            lines.append(f"{sha256(folder / dataset / name)}  {dataset}/{name}\n")
    (folder / "SHA256SUMS").write_text("".join(lines))
    return folder


@pytest.fixture
def no_data(tmp_path, monkeypatch):
    """Neither a mirror nor anything in the download cache."""
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "empty cache"))


def test_the_course_is_what_git_tracks():
    files = bundle.course_files(ROOT)
    assert {"course.py", "requirements.txt", "pyproject.toml", "shared/data.py", "tools/bundle.py",
            "notebooks/01_linear_baseline.ipynb", "notebooks/zh/01_linear_baseline.ipynb"} <= set(files)
    unwanted = [name for name in files if name.split("/")[0] in {".git", ".venv", ".venv-colab", "artifacts", "build"}
                or ".egg-info" in name or "__pycache__" in name or "node_modules" in name]
    assert not unwanted, f"not part of the course: {unwanted[:5]}"


def test_outside_git_the_course_is_the_folder_without_environments_and_outputs(tmp_path):
    for name in ("course.py", "shared/data.py", ".venv/bin/python", "artifacts/a.png", "build/site/index.html",
                 "shared/__pycache__/data.pyc", "tf_mnist_course.egg-info/PKG-INFO", "tools/web/node_modules/x.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert bundle.course_files(tmp_path) == ["course.py", "shared/data.py"]


def test_data_from_a_mirror_is_copied_verified_in_the_layout_the_course_reads(mirror, tmp_path, monkeypatch):
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))
    source = bundle.gather_data(tmp_path / "data")
    assert source == f"{data.MIRROR_ENV}={mirror}"
    assert (tmp_path / "data" / "SHA256SUMS").read_text() == (mirror / "SHA256SUMS").read_text()
    assert "Zalando" in (tmp_path / "data" / "LICENSES.txt").read_text()
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path / "data"))
    (x_train, y_train), (x_test, _) = data.load_fashion_mnist()
    assert x_train.shape == (5, 28, 28) and x_test.shape == (3, 28, 28)
    assert np.array_equal(y_train, tiny_dataset(1)[1])


def test_a_corrupt_file_in_the_mirror_is_refused(mirror, tmp_path, monkeypatch):
    broken = mirror / "mnist" / "t10k-labels-idx1-ubyte.gz"
    content = bytearray(broken.read_bytes())
    content[-5] ^= 0xFF  # one byte of the gzip trailer's checksum
    broken.write_bytes(bytes(content))
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))
    with pytest.raises(bundle.BundleError) as refused:
        bundle.gather_data(tmp_path / "data")
    assert str(broken) in str(refused.value) and "does not match its checksum" in str(refused.value)
    assert f"Fix the folder {data.MIRROR_ENV} names" in str(refused.value)


def test_without_verified_data_the_command_refuses_and_says_what_to_do(no_data, tmp_path):
    target = tmp_path / "bundle"
    with pytest.raises(SystemExit) as refused:
        bundle.main([str(target)])
    message = str(refused.value.code)
    assert message.startswith("No verified copy of the datasets to bundle")
    assert "shared.load_mnist(); shared.load_fashion_mnist()" in message and f"set {data.MIRROR_ENV}" in message
    assert message.endswith("then build the bundle again.")
    assert not list(tmp_path.iterdir()), "the refused bundle left files behind"


def test_the_download_cache_is_checked_and_mnist_rewritten_as_idx_files(tmp_path, monkeypatch):
    """The lessons cache MNIST as Keras's mnist.npz: the bundle writes its arrays as the four IDX files."""
    cache = tmp_path / "cache"
    (cache / "fashion-mnist").mkdir(parents=True)
    x_train, y_train, x_test, y_test = tiny_dataset(0)
    np.savez(cache / "mnist.npz", x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    fashion = {}
    for name, array in zip(data.IDX_NAMES, tiny_dataset(1)):
        bundle.write_idx(array, cache / "fashion-mnist" / name)
        fashion[name] = ("md5", hashlib.md5((cache / "fashion-mnist" / name).read_bytes()).hexdigest())
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    monkeypatch.setattr(data, "MNIST_NPZ", ("mnist.npz", "sha256", sha256(cache / "mnist.npz")))
    monkeypatch.setattr(data, "FASHION_FILES", fashion)

    assert bundle.gather_data(tmp_path / "data") == f"the download cache {cache}"
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path / "data"))
    (a, b), (c, d) = data.load_mnist()  # verified against the bundle's SHA256SUMS on the way
    assert all(np.array_equal(*pair) for pair in [(a, x_train), (b, y_train), (c, x_test), (d, y_test)])
    first = (tmp_path / "data" / "mnist" / data.IDX_NAMES[0]).read_bytes()
    bundle.write_idx(x_train, tmp_path / "again.gz")
    assert (tmp_path / "again.gz").read_bytes() == first, "the same arrays must give the same bytes"

    (cache / "fashion-mnist" / data.IDX_NAMES[3]).write_bytes(gzip.compress(b"not the published file"))
    monkeypatch.delenv(data.MIRROR_ENV)
    with pytest.raises(bundle.BundleError, match="t10k-labels-idx1-ubyte.gz does not match its checksum"):
        bundle.gather_data(tmp_path / "data again")


def test_a_failed_build_leaves_nothing_and_keeps_the_earlier_bundle(mirror, tmp_path, monkeypatch):
    monkeypatch.setenv(data.MIRROR_ENV, str(mirror))

    def no_pypi(course, wheels):
        raise bundle.BundleError("pip could not download the wheels")

    monkeypatch.setattr(bundle, "build_wheels", no_pypi)
    with pytest.raises(bundle.BundleError):
        bundle.build(tmp_path / "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mirror"], "a half-built bundle was left"

    earlier = tmp_path / "earlier"
    earlier.mkdir()
    (earlier / "BUNDLE.json").write_text("{}")
    with pytest.raises(bundle.BundleError):
        bundle.build(earlier)
    assert [p.name for p in earlier.iterdir()] == ["BUNDLE.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["earlier", "mirror"]


def test_a_folder_that_is_not_a_bundle_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(bundle.BundleError, match="is not empty and is not a course bundle"):
        bundle.build(tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_start_refuses_an_incomplete_bundle_in_the_chosen_language(tmp_path):
    with pytest.raises(SystemExit) as refused:
        bundle.start(tmp_path, ["--lang", "fr"])
    assert str(refused.value.code) == (f"{tmp_path} n'est pas un paquet complet du cours (BUNDLE.json ou certains "
                                       "de ses wheels manquent)\u00a0: reconstruisez-le avec `python3 course.py "
                                       "bundle DIR` et copiez le dossier entier.")


def test_start_refuses_a_bundle_with_wheels_missing(tmp_path):
    (tmp_path / "wheels").mkdir()
    (tmp_path / "wheels" / "pip-26.0-py3-none-any.whl").write_bytes(b"")
    (tmp_path / "BUNDLE.json").write_text(json.dumps({"python": bundle.this_python(),
                                                      "platform": bundle.this_platform(), "wheels": 180}))
    with pytest.raises(SystemExit) as refused:
        bundle.start(tmp_path, [])
    assert "some of its wheels are missing" in str(refused.value.code)


def test_start_refuses_another_python_and_says_which_one(tmp_path):
    (tmp_path / "BUNDLE.json").write_text(json.dumps({"python": "3.99", "platform": bundle.this_platform()}))
    with pytest.raises(SystemExit) as refused:
        bundle.start(tmp_path, ["--lang=zh", "--setup-only"])
    message = str(refused.value.code)
    assert message.startswith(f"此离线包中的软件包适用于 {bundle.this_platform()} 上的 Python 3.99")
    assert "`python3.99 start.py`" in message


def test_start_and_readme_speak_every_course_language():
    for key, texts in bundle.START_MESSAGES.items():
        assert tuple(texts) == i18n.LANGUAGES, key
    assert tuple(bundle.README) == i18n.LANGUAGES
    text = bundle.readme({"python": "3.11", "platform": "linux-x86_64"})
    assert "{" not in text and text.count("Python 3.11") == 4 and text.count("Linux x86_64") == 4
    for lang in ("es", "zh", "fr"):
        assert f"python3 start.py --lang {lang}" in text
    assert bundle.message_language(["--port", "8890", "--lang", "es"]) == "es"
    assert bundle.message_language(["--lang", "de"]) == "en"


def test_offline_settings_keep_a_path_with_spaces_whole(tmp_path):
    settings = bundle.offline_environment(tmp_path / "class room")
    assert settings["PIP_NO_INDEX"] == "1" and settings["PIP_CONFIG_FILE"] == os.devnull
    assert " " not in settings["PIP_FIND_LINKS"], "pip splits its list settings at spaces"
    assert settings["COURSE_DATA_DIR"] == str(tmp_path / "class room" / "data")


# --- the real bundle, built, installed and used without network ---------------------------------

def namespace_works() -> bool:
    """Whether this system lets an unprivileged process run in its own network namespace."""
    try:
        return subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    except OSError:
        return False


NO_NETWORK = namespace_works()
# In a fresh network namespace even loopback is down: bring it up (the kernel talks to its client on it).
OFFLINE_PREFIX = ["unshare", "-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"] if NO_NETWORK else []
FACTS: dict = {}  # what the module measures, written to artifacts/bundle.json at its end


def learner_env(tmp: Path, **extra: str) -> dict[str, str]:
    """A learner's environment: none of the course's or pip's settings of this machine, pip's index
    and any proxy closed, a fresh IPython folder; then ``extra``."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("COURSE_", "PIP_")) and key not in {"IPYTHONDIR", "VIRTUAL_ENV"}}
    env.update(PIP_INDEX_URL=f"{CLOSED}/simple", HTTP_PROXY=CLOSED, HTTPS_PROXY=CLOSED, http_proxy=CLOSED,
               https_proxy=CLOSED, IPYTHONDIR=str(tmp / "ipython"), **extra)
    return env


def offline(command: list, env: dict[str, str], cwd: Path, timeout: float) -> subprocess.CompletedProcess:
    result = subprocess.run([*OFFLINE_PREFIX, *map(str, command)], env=env, cwd=cwd, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"{command[:3]} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A bundle built by the command, in a folder whose path has a space; deleted after the module."""
    folder = tmp_path_factory.mktemp("class room")
    target = folder / "bundle"
    start = time.perf_counter()
    result = subprocess.run([sys.executable, ROOT / "course.py", "bundle", target], capture_output=True, text=True,
                            timeout=1800)
    FACTS["build_seconds"] = round(time.perf_counter() - start, 1)
    assert result.returncode == 0, f"the bundle failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    print(result.stdout.strip().splitlines()[-1])
    yield target
    shutil.rmtree(folder, ignore_errors=True)
    write_facts()


@pytest.fixture(scope="module")
def installed(built):
    """The course's environment, set up by the bundle's start.py without network."""
    started = time.perf_counter()
    result = offline([sys.executable, "start.py", "--setup-only"], learner_env(built.parent), built, timeout=1800)
    FACTS["install_seconds"] = round(time.perf_counter() - started, 1)
    FACTS["installed_bytes"] = bundle.folder_bytes(built / "course" / ".venv")
    assert result.stdout.strip().endswith("The course is set up, offline. Open it with: python3 start.py")
    return bundle.load_course(built / "course").venv_python(built / "course" / ".venv")


def write_facts() -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "bundle.json").write_text(json.dumps(FACTS, indent=2) + "\n")
    print("artifacts/bundle.json:", json.dumps(FACTS, indent=2))


def test_the_bundle_is_complete(built):
    info = json.loads((built / "BUNDLE.json").read_text())
    FACTS.update(bytes=info["bytes"], gigabytes={part: round(size / 1e9, 3) for part, size in info["bytes"].items()},
                 wheels=info["wheels"], python=info["python"], platform=info["platform"],
                 data_source=info["data_source"], network="none (a network namespace)" if NO_NETWORK else
                 "refused by settings (--no-index, closed index and proxies)")
    assert (info["python"], info["platform"]) == (bundle.this_python(), bundle.this_platform())
    assert sorted(p.name for p in built.iterdir()) == ["BUNDLE.json", "README.md", "course", "data", "start.py",
                                                       "wheels"]
    assert not list(built.parent.glob(".bundle.*")), "the temporary folder is still there"
    wheels = sorted(p.name for p in (built / "wheels").iterdir())
    assert all(name.endswith(".whl") for name in wheels) and len(wheels) == info["wheels"]
    pinned = pins(ROOT / "requirements.txt")
    for project in ("tf_mnist_course-", f"tensorflow-{pinned['tensorflow']}-", f"jupyterlab-{pinned['jupyterlab']}-",
                    "setuptools-", "pip-"):
        assert any(name.startswith(project) for name in wheels), f"no wheel of {project}"
    copied = sorted(path.relative_to(built / "course").as_posix() for path in (built / "course").rglob("*")
                    if path.is_file())
    assert copied == bundle.course_files(ROOT), "the course copy differs from the course (or building left files)"
    parts = info["bytes"]
    assert parts["wheels"] + parts["data"] + parts["course"] < parts["total"]
    assert parts["total"] == bundle.sizes(built)["total"] - (built / "BUNDLE.json").stat().st_size
    for lang in ("English", "Español", "中文", "Français"):
        assert f"## {lang}" in (built / "README.md").read_text(encoding="utf-8")


def test_shared_loads_the_bundled_datasets_without_network(built, installed):
    code = ("import shared; print(shared.__file__)\n"
            "for load in (shared.load_mnist, shared.load_fashion_mnist):\n"
            "    (x, y), (u, v) = load(); print(x.shape, x.dtype, y.shape, u.shape, v.shape, int(y.max()))\n"
            "import socket\n"
            "try:\n"
            "    socket.create_connection(('pypi.org', 443), timeout=5); print('network')\n"
            "except OSError:\n"
            "    print('no network')\n")
    env = learner_env(built.parent, **bundle.offline_environment(built))
    lines = offline([installed, "-c", code], env, built.parent, timeout=300).stdout.splitlines()
    assert Path(lines[0]) == built / "course" / "shared" / "__init__.py", "shared is the bundled course's"
    assert lines[1:3] == ["(60000, 28, 28) uint8 (60000,) (10000, 28, 28) (10000,) 9"] * 2
    if NO_NETWORK:
        assert lines[3] == "no network"
    else:  # no network namespace here: pip's settings alone keep it off the network, which proves less
        assert not os.environ.get("CI"), "CI must prove the offline install in a network namespace (unshare -rn)"


def test_a_lesson_runs_from_the_bundle_without_network(built, installed):
    code = ("import sys, nbformat, nbclient\n"
            "nb = nbformat.read(sys.argv[1], as_version=4)\n"
            "nbclient.NotebookClient(nb, timeout=900, kernel_name='python3',\n"
            "                        resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
            "print(sum(1 for cell in nb.cells if cell.cell_type == 'code'))\n")
    lesson = built / "course" / LESSON
    env = learner_env(built.parent, **bundle.offline_environment(built))
    started = time.perf_counter()
    result = offline([installed, "-c", code, lesson, lesson.parent], env, built.parent, timeout=1200)
    FACTS["lesson_seconds"] = {LESSON: round(time.perf_counter() - started, 1)}
    assert int(result.stdout.split()[-1]) > 10, "the lesson ran its code cells"


def test_start_opens_jupyterlab_on_the_lessons_in_the_chosen_language(built, installed, tmp_path):
    port, token = free_port(), secrets.token_hex(16)
    log_path = tmp_path / "lab.log"
    log = log_path.open("w")
    server = subprocess.Popen([sys.executable, "start.py", "--lang", "fr", "--no-browser",
                               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
                               f"--IdentityProvider.token={token}"],
                              cwd=built, env=learner_env(tmp_path), stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for_server(base, token, server, log_path)
        with urllib.request.urlopen(f"{base}/api/contents/notebooks/fr?token={token}", timeout=10) as response:
            lessons = {item["name"] for item in json.load(response)["content"]}
        assert {path.name for path in (ROOT / "notebooks").glob("*.ipynb")} <= lessons
    finally:
        stop_server(server, log)
    settings = built / "course" / ".venv" / "course-jupyterlab" / "settings"
    assert '"fr_FR"' in next(settings.rglob("plugin.jupyterlab-settings")).read_text()


def test_the_environment_takes_the_disk_space_the_readme_says(built, installed):
    assert 0.65 * bundle.INSTALLED_GB < FACTS["installed_bytes"] / 1e9 < 1.35 * bundle.INSTALLED_GB
