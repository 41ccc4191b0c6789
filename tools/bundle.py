"""The offline classroom bundle: everything a classroom without internet needs, in one folder.

    python3 course.py bundle DIR        build it, here (needs PyPI for the wheels, not for the data)
    python3 DIR/start.py [--lang xx]    on a classroom computer: set up the first time, open the course

What DIR holds:

    README.md    how to use it, in the course's four languages
    start.py     the one command; it runs ``start()`` below, from the bundled copy of this file
    course/      the course: the files git tracks, plus new ones it does not ignore (outside a git
                 checkout: the folder without .venv, artifacts, build and caches)
    wheels/      every package of requirements-dev.txt (it includes requirements.txt) as a wheel for
                 this machine's Python and platform, built by ``pip wheel``: the pins, what they
                 depend on, the course's package ``shared`` (tf-mnist-course), setuptools to install
                 it editable offline as course.py does, and pip itself
    data/        MNIST and Fashion-MNIST, four IDX files each, with SHA256SUMS: the layout that
                 COURSE_DATA_DIR expects (shared/data.py), and the datasets' licences
    BUNDLE.json  for which Python and platform, from which data, and the sizes; written last

Building checks the data first: it takes the folder named by COURSE_DATA_DIR when that is set,
or else the copies the lessons downloaded and verified (the download cache of shared/data.py:
MNIST as Keras's mnist.npz, rewritten as IDX files, Fashion-MNIST as IDX files). Every file is
checked against its checksum before and after copying; without verified copies the bundle
refuses and says what to do. Everything is written into a hidden sibling of DIR that is
renamed to DIR at the very end, so a bundle that failed half-way is never found at DIR.

Starting (``start``, standard library only): pip is told to install from wheels/ alone and to
ignore the computer's pip settings (PIP_NO_INDEX, PIP_FIND_LINKS, PIP_CONFIG_FILE), COURSE_DATA_DIR
points at data/, and course.py's own setup and ``lab`` command do the rest: a virtual environment
in course/.venv (its pip comes from wheels/, so Python's ensurepip is not needed), then JupyterLab.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ("mnist", "fashion-mnist")
# Never part of the course copy outside a git checkout (in one, .gitignore says the same).
NOT_COURSE = {".git", ".venv", ".venv-colab", "artifacts", "build", "__pycache__", ".ipynb_checkpoints",
              ".ruff_cache", ".pytest_cache", "node_modules"}
INSTALLED_GB = 3  # what the first start adds in course/.venv, said in README.md (the test measures it)
LICENSES = """\
The datasets in this folder:

MNIST, by Yann LeCun, Corinna Cortes and Christopher J.C. Burges: Creative Commons
Attribution-Share Alike 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).

Fashion-MNIST, Copyright (c) 2017 Zalando SE (https://github.com/zalandoresearch/fashion-mnist),
under the MIT licence:

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""
START_PY = '''\
#!/usr/bin/env python3
"""The course without internet: `python3 start.py` sets it up the first time (from wheels/) and
opens it in JupyterLab. `--lang es|zh|fr`: menus and lessons in that language; `--setup-only`:
set up, do not open. See README.md."""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("bundle", HERE / "course" / "tools" / "bundle.py")
bundle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bundle)
bundle.start(HERE, sys.argv[1:])
'''


class BundleError(Exception):
    """What stops a bundle from being built, and what to do about it."""


# --- building --------------------------------------------------------------------------------

def build(target: Path, root: Path = ROOT) -> dict:
    """Write the bundle of the course in ``root`` to ``target``; return what BUNDLE.json says.

    ``target`` may be new, empty or an earlier bundle (replaced at the end); anything else is refused.
    """
    from datetime import UTC, datetime  # here: start() below must import under an older Python too

    target = target.absolute()
    _check_target(target)
    files = [name for name in course_files(root) if not (root / name).absolute().is_relative_to(target)]
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    umask = os.umask(0o022)
    os.umask(umask)
    work.chmod(0o777 & ~umask)  # mkdtemp makes it private; the bundle is to be shared like any folder
    try:
        started = time.monotonic()
        print("Checking and copying the datasets ...", flush=True)
        source = gather_data(work / "data")
        print(f"Copying the course ({len(files)} files) ...", flush=True)
        copy_course(root, files, work / "course")
        print("Downloading the wheels of the pinned environment from PyPI (about 1 GB) ...", flush=True)
        build_wheels(work / "course", work / "wheels")
        info = {
            "course_version": _course_version(root),
            "commit": _commit(root),
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "python": this_python(), "platform": this_platform(),
            "data_source": source,
            "wheels": len(list((work / "wheels").glob("*.whl"))),
        }
        (work / "start.py").write_text(START_PY, encoding="utf-8")
        (work / "README.md").write_text(readme(info), encoding="utf-8")
        info["seconds"] = round(time.monotonic() - started, 1)
        info["bytes"] = sizes(work)
        (work / "BUNDLE.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")  # the last file
        _move_into_place(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return info


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise BundleError(f"{target} is a file: choose a new folder for the bundle.")
    if target.is_dir() and any(target.iterdir()) and not (target / "BUNDLE.json").is_file():
        raise BundleError(f"{target} is not empty and is not a course bundle: choose a new folder for the bundle.")


def _move_into_place(work: Path, target: Path) -> None:
    """Rename the finished bundle to ``target``, replacing an earlier bundle or an empty folder there."""
    if not target.exists():
        work.rename(target)
        return
    print(f"Replacing the earlier bundle in {target} ...", flush=True)
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    target.rename(old)
    work.rename(target)
    shutil.rmtree(old)


def course_files(root: Path = ROOT) -> list[str]:
    """The course's files, relative to ``root``: what git tracks plus new files it does not ignore,
    or, outside a git checkout, every file not under a NOT_COURSE folder or an *.egg-info."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=root, capture_output=True, check=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):
        listed = [str(path.relative_to(root)) for path in root.rglob("*")
                  if not any(part in NOT_COURSE or part.endswith(".egg-info")
                             for part in path.relative_to(root).parts)]
    # Not deleted files, and nothing of a bundle built inside the course folder.
    return sorted(name for name in listed if name and (root / name).is_file()
                  and not (root / name.split("/")[0] / "BUNDLE.json").is_file())


def copy_course(root: Path, files: list[str], target: Path) -> None:
    for name in files:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / name, target / name)


def build_wheels(course: Path, wheels: Path) -> None:
    """``pip wheel`` everything course.py installs (requirements-dev.txt, with the package ``shared``
    from ``course``), what builds ``shared`` (pyproject.toml's build requirements) and this pip."""
    import importlib.metadata
    import tomllib

    build_requires = tomllib.loads((course / "pyproject.toml").read_text())["build-system"]["requires"]
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check",
               "--wheel-dir", str(wheels), "-r", "requirements-dev.txt", *build_requires,
               f"pip=={importlib.metadata.version('pip')}"]
    # cwd: the requirements' `-e .` is the course's copy, so the wheel of `shared` is built from it.
    result = subprocess.run(command, cwd=course)
    for leftover in [course / "build", *course.glob("*.egg-info")]:  # what building `shared` left there
        shutil.rmtree(leftover, ignore_errors=True)
    if result.returncode:
        raise BundleError("pip could not download or build the wheels (its messages are above). Building a "
                          "bundle needs PyPI; check the connection and run the command again.")


# --- the datasets ----------------------------------------------------------------------------

def gather_data(target: Path) -> str:
    """Write MNIST and Fashion-MNIST, verified, to ``target`` in COURSE_DATA_DIR's layout, with
    SHA256SUMS and the licences; return where they came from."""
    from shared import data

    for dataset in DATASETS:
        (target / dataset).mkdir(parents=True)
    mirror = os.environ.get(data.MIRROR_ENV)
    if mirror:
        source = f"{data.MIRROR_ENV}={mirror}"
        sums = _from_mirror(Path(mirror).expanduser(), target)
        if (Path(mirror).expanduser() / "README.md").is_file():  # the mirror's provenance notes
            shutil.copyfile(Path(mirror).expanduser() / "README.md", target / "README-source.md")
    else:
        cache = data._cache_dir()
        source = f"the download cache {cache}"
        sums = _from_cache(cache, target)
    (target / "SHA256SUMS").write_text("".join(f"{digest}  {name}\n" for name, digest in sums.items()))
    (target / "LICENSES.txt").write_text(LICENSES, encoding="utf-8")
    for dataset in DATASETS:  # read back exactly as the lessons will, checksums included
        data._load_idx_folder(target, dataset)
    return source


def _relative_names() -> list[str]:
    from shared.data import IDX_NAMES

    return [f"{dataset}/{name}" for dataset in DATASETS for name in IDX_NAMES]


def _from_mirror(mirror: Path, target: Path) -> dict[str, str]:
    """Copy the eight files of the offline mirror ``mirror``, each checked against its SHA256SUMS."""
    from shared import data

    def refuse(problem: str) -> BundleError:
        return BundleError(f"{problem}. Fix the folder {data.MIRROR_ENV} names (its files and SHA256SUMS), or "
                           f"unset {data.MIRROR_ENV} to bundle the copies the lessons downloaded; then build the "
                           "bundle again.")

    try:
        published = data._read_sha256sums(mirror / "SHA256SUMS")
    except data.DatasetError as error:
        raise refuse(f"{data.MIRROR_ENV}={mirror}: {str(error).rstrip('.')}") from error
    sums = {}
    for name in _relative_names():
        if not (mirror / name).is_file() or name not in published:
            raise refuse(f"{data.MIRROR_ENV}={mirror} has no verified {name} (the file or its line in SHA256SUMS "
                         "is missing)")
        try:
            copy_verified(mirror / name, target / name, "sha256", published[name])
        except BundleError as error:
            raise refuse(str(error).rstrip(".")) from error
        sums[name] = published[name]
    return sums


def _from_cache(cache: Path, target: Path) -> dict[str, str]:
    """MNIST from Keras's mnist.npz, rewritten as IDX files, and Fashion-MNIST's IDX files, from the
    download cache, each checked against the checksum its origin publishes."""
    import numpy as np

    from shared import data

    npz_name, algorithm, digest = data.MNIST_NPZ
    fashion = cache / "fashion-mnist"
    missing = [str(path) for path in [cache / npz_name, *(fashion / name for name in data.FASHION_FILES)]
               if not path.is_file()]
    if missing:
        raise BundleError(
            f"No verified copy of the datasets to bundle: {data.MIRROR_ENV} is not set and the download cache "
            f"lacks {', '.join(missing)}. Download them once with internet, `.venv/bin/python -c \"import shared; "
            f"shared.load_mnist(); shared.load_fashion_mnist()\"` (they are verified as they arrive), or set "
            f"{data.MIRROR_ENV} to a folder holding mnist/ and fashion-mnist/ with SHA256SUMS (README.md, "
            "Offline); then build the bundle again.")
    check_digest(cache / npz_name, algorithm, digest)
    with np.load(cache / npz_name) as f:
        arrays = [f["x_train"], f["y_train"], f["x_test"], f["y_test"]]  # the order of IDX_NAMES
    for name, array in zip(data.IDX_NAMES, arrays):
        write_idx(array, target / "mnist" / name)
        if not np.array_equal(data.read_idx(target / "mnist" / name), array):
            raise BundleError(f"{target / 'mnist' / name} does not read back as written; check the disk and build "
                              "the bundle again.")
    for name, (algorithm, digest) in data.FASHION_FILES.items():
        copy_verified(fashion / name, target / "fashion-mnist" / name, algorithm, digest)
    return {name: data._hexdigest(target / name, "sha256") for name in _relative_names()}


def check_digest(path: Path, algorithm: str, digest: str) -> None:
    from shared import data

    actual = data._hexdigest(path, algorithm)
    if actual != digest.lower():
        raise BundleError(f"{path} does not match its checksum ({algorithm} {actual}, expected {digest}); delete "
                          "it, fetch a good copy and build the bundle again.")


def copy_verified(source: Path, target: Path, algorithm: str, digest: str) -> None:
    """Copy ``source`` to ``target``, checking the checksum of both."""
    check_digest(source, algorithm, digest)
    shutil.copyfile(source, target)
    check_digest(target, algorithm, digest)


def write_idx(array, path: Path) -> None:
    """Write a uint8 array as a gzip-compressed IDX file (the header read_idx expects), the same
    bytes every time (no time stamp or file name in the gzip header)."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(size.to_bytes(4, "big") for size in array.shape)
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        out.write(header + array.astype("uint8").tobytes())


# --- facts -----------------------------------------------------------------------------------

def this_python() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def this_platform() -> str:
    """The operating system and processor the wheels are for, e.g. "linux-x86_64"."""
    return f"{sys.platform}-{platform.machine().lower()}"


def folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def sizes(bundle: Path) -> dict[str, int]:
    """Bytes in the bundle: in all, and in wheels/, data/ and course/."""
    parts = {part: folder_bytes(bundle / part) for part in ("wheels", "data", "course")}
    return {"total": folder_bytes(bundle), **parts}


def _course_version(root: Path) -> str:
    import tomllib

    return tomllib.loads((root / "pyproject.toml").read_text())["project"]["version"]


def _commit(root: Path) -> str | None:
    """The git commit of the course, with "+changes" when its files differ from it; None outside git."""
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True)
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return head.stdout.strip() + ("+changes" if dirty.stdout.strip() else "")


def gigabytes(size: int) -> str:
    return f"{size / 1e9:.2f} GB"


# --- the bundle's README ---------------------------------------------------------------------

README = {
    "en": """\
## English

An offline copy of the course "Image classification with TensorFlow 2: MNIST and Fashion-MNIST"
with all it needs: the lessons (`course/`), the Python packages (`wheels/`) and the datasets
(`data/`). No internet is needed. It works on {system} with Python {python}.

Copy this whole folder to each computer, then, in it:

    python3 start.py              menus and lessons in English
    python3 start.py --lang es    or zh, fr: in Spanish, Chinese, French

The first run installs the packages into `course/.venv` (a few minutes; about {installed} GB of
disk), then opens JupyterLab; later runs open it at once. `python3 start.py --setup-only`
installs without opening: do it before class. The lessons read the datasets from `data/` and
check them against `data/SHA256SUMS`. If `python3` is another version, run `python{python} start.py`.
""",
    "es": """\
## Español

Una copia sin conexión del curso «Clasificación de imágenes con TensorFlow 2: MNIST y
Fashion-MNIST» con todo lo que necesita: las lecciones (`course/`), los paquetes de Python
(`wheels/`) y los conjuntos de datos (`data/`). No hace falta internet. Funciona en {system}
con Python {python}.

Copia la carpeta entera en cada ordenador y, dentro de ella, ejecuta:

    python3 start.py --lang es    menús y lecciones en español

La primera vez instala los paquetes en `course/.venv` (unos minutos; unos {installed} GB de
disco) y abre JupyterLab; las veces siguientes lo abre enseguida. `python3 start.py --lang es
--setup-only` instala sin abrir: hazlo antes de la clase. Las lecciones leen los datos de
`data/` y los comprueban con `data/SHA256SUMS`. Si `python3` es otra versión, usa
`python{python} start.py --lang es`.
""",
    "zh": """\
## 中文

这是课程《用 TensorFlow 2 做图像分类：MNIST 与 Fashion-MNIST》的离线副本，包含运行所需的一切：
课程（`course/`）、Python 软件包（`wheels/`）和数据集（`data/`）。无需联网。适用于 {system}
上的 Python {python}。

把整个文件夹复制到每台电脑上，然后在该文件夹中运行：

    python3 start.py --lang zh    菜单和课程为中文

第一次运行会把软件包安装到 `course/.venv`（几分钟；约占 {installed} GB 磁盘），然后打开
JupyterLab；以后运行会立即打开。`python3 start.py --lang zh --setup-only` 只安装不打开：
请在上课前完成。课程从 `data/` 读取数据集，并用 `data/SHA256SUMS` 校验。如果 `python3`
是其他版本，请运行 `python{python} start.py --lang zh`。
""",
    "fr": """\
## Français

Une copie hors ligne du cours « Classification d'images avec TensorFlow 2 : MNIST et
Fashion-MNIST » avec tout ce qu'il lui faut : les leçons (`course/`), les paquets Python
(`wheels/`) et les jeux de données (`data/`). Aucune connexion n'est nécessaire. Il fonctionne
sous {system} avec Python {python}.

Copiez le dossier entier sur chaque ordinateur puis, dans ce dossier, lancez :

    python3 start.py --lang fr    menus et leçons en français

Le premier lancement installe les paquets dans `course/.venv` (quelques minutes ; environ
{installed} Go de disque) puis ouvre JupyterLab ; les suivants l'ouvrent aussitôt.
`python3 start.py --lang fr --setup-only` installe sans ouvrir : faites-le avant le cours. Les
leçons lisent les données dans `data/` et les vérifient avec `data/SHA256SUMS`. Si `python3`
est une autre version, lancez `python{python} start.py --lang fr`.
""",
}


def readme(info: dict) -> str:
    """README.md of a bundle: the same short text in the course's four languages."""
    system = info["platform"].replace("linux-", "Linux ").replace("darwin-", "macOS ").replace("win32-", "Windows ")
    facts = {"system": system, "python": info["python"], "installed": INSTALLED_GB}
    title = "# Offline course · Curso sin conexión · 离线课程 · Cours hors ligne\n\n"
    return title + "\n".join(text.format(**facts) for text in README.values())


# --- starting, on the classroom computer (standard library only) ------------------------------

START_MESSAGES = {
    "incomplete": {
        "en": "{bundle} is not a complete course bundle (BUNDLE.json or some of its wheels are missing): "
              "build it again with `python3 course.py bundle DIR` and copy the whole folder.",
        "es": "{bundle} no es un paquete completo del curso (falta BUNDLE.json o algunos de sus wheels): "
              "vuelve a crearlo con `python3 course.py bundle DIR` y copia la carpeta entera.",
        "zh": "{bundle} 不是完整的课程离线包（缺少 BUNDLE.json 或部分 wheel 文件）："
              "请用 `python3 course.py bundle DIR` 重新生成，并复制整个文件夹。",
        "fr": "{bundle} n'est pas un paquet complet du cours (BUNDLE.json ou certains de ses wheels "
              "manquent) : reconstruisez-le avec `python3 course.py bundle DIR` et copiez le dossier entier.",
    },
    "wrong_python": {
        "en": "This bundle's packages are for Python {python} on {platform}; this is Python {here} on "
              "{here_platform}. Run `python{python} start.py`, or build a bundle on a computer like this one.",
        "es": "Los paquetes de Python de esta carpeta son para Python {python} en {platform}; este es Python {here} en "
              "{here_platform}. Ejecuta `python{python} start.py` o crea un paquete en un ordenador como este.",
        "zh": "此离线包中的软件包适用于 {platform} 上的 Python {python}；当前是 {here_platform} 上的 "
              "Python {here}。请运行 `python{python} start.py`，或在与本机相同的电脑上生成离线包。",
        "fr": "Les paquets Python de ce dossier sont pour Python {python} sous {platform} ; celui-ci est Python {here} "
              "sous {here_platform}. Lancez `python{python} start.py`, ou construisez un paquet sur un "
              "ordinateur comme celui-ci.",
    },
    "ready": {
        "en": "The course is set up, offline. Open it with: python3 start.py",
        "es": "El curso está instalado, sin conexión. Ábrelo con: python3 start.py --lang es",
        "zh": "课程已离线安装完毕。打开它：python3 start.py --lang zh",
        "fr": "Le cours est installé, hors ligne. Ouvrez-le avec : python3 start.py --lang fr",
    },
}


def offline_environment(bundle: Path) -> dict[str, str]:
    """The settings under which the course installs and runs from the bundle: pip takes packages
    from wheels/ only (a file: URL, so that a space in the path is no list separator) and ignores
    the computer's pip configuration; the lessons read data/."""
    return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": (bundle / "wheels").as_uri(), "PIP_CONFIG_FILE": os.devnull,
            "PIP_DISABLE_PIP_VERSION_CHECK": "1", "COURSE_DATA_DIR": str(bundle / "data")}


def message_language(argv: list[str]) -> str:
    """The language chosen with ``--lang xx`` (or ``--lang=xx``) for start's own messages; English otherwise."""
    for index, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else (
            argv[index + 1] if arg == "--lang" and index + 1 < len(argv) else None)
        if value in START_MESSAGES["ready"]:
            return value
    return "en"


def load_course(folder: Path):
    """The course's course.py as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("course", folder / "course.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_pip(course, wheels: Path) -> None:
    """course/.venv with a pip, installed from the bundled pip wheel (run from the wheel file itself),
    so that a Python without ensurepip (Debian's without python3-venv) does as well."""
    import venv

    python = course.venv_python(course.VENV)
    if not python.exists():
        print(f"Creating the virtual environment {course.VENV} ...", flush=True)
        venv.create(course.VENV, with_pip=False)
    if subprocess.run([str(python), "-c", "import pip"], capture_output=True).returncode:
        wheel = next(wheels.glob("pip-*.whl"))
        subprocess.run([str(python), str(wheel / "pip"), "install", "--quiet", "--no-index", str(wheel)], check=True)


def start(bundle: Path, argv: list[str]) -> None:
    """``python3 start.py [--setup-only] [lab's arguments]``: set up the course from the bundle the
    first time, then open it with ``course.py lab`` (``--lang`` and JupyterLab's options pass on)."""
    lang = message_language(argv)

    def say(key: str, **facts) -> str:
        return START_MESSAGES[key][lang].format(**facts)

    if not (bundle / "BUNDLE.json").is_file():
        sys.exit(say("incomplete", bundle=bundle))
    info = json.loads((bundle / "BUNDLE.json").read_text(encoding="utf-8"))
    if (this_python(), this_platform()) != (info["python"], info["platform"]):
        sys.exit(say("wrong_python", python=info["python"], platform=info["platform"], here=this_python(),
                     here_platform=this_platform()))
    if len(list((bundle / "wheels").glob("*.whl"))) < info["wheels"]:  # a half-copied USB stick
        sys.exit(say("incomplete", bundle=bundle))
    os.environ.update(offline_environment(bundle))
    course = load_course(bundle / "course")
    ensure_pip(course, bundle / "wheels")
    course.ensure_environment()
    if "--setup-only" in argv:
        print(say("ready"))
        return
    course.main(["lab", *argv])


# --- command line ----------------------------------------------------------------------------

def main(argv: list[str]) -> None:
    if len(argv) != 1 or argv[0].startswith("-"):
        sys.exit("usage: python3 course.py bundle DIR")
    try:
        info = build(Path(argv[0]))
    except BundleError as error:
        sys.exit(str(error))
    size = info["bytes"]
    print(f"Wrote the classroom bundle to {Path(argv[0]).absolute()} in {info['seconds']:.0f} s: "
          f"{gigabytes(size['total'])} in all, wheels {gigabytes(size['wheels'])} ({info['wheels']} files), "
          f"data {gigabytes(size['data'])}, course {gigabytes(size['course'])}; for Python {info['python']} on "
          f"{info['platform']}. In the classroom: python3 start.py (README.md in that folder).")


if __name__ == "__main__":  # through course.py: bundle DIR
    main(sys.argv[1:])
