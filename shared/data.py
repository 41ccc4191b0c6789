"""Load MNIST and Fashion-MNIST as NumPy arrays.

Two sources, one result:

* **Offline mirror** – if the environment variable ``COURSE_DATA_DIR`` names a
  folder, the standard IDX ``.gz`` files are read from
  ``$COURSE_DATA_DIR/mnist/`` and ``$COURSE_DATA_DIR/fashion-mnist/`` and
  checked against the mirror's own ``SHA256SUMS``. The network is never used.
* **Download** – otherwise ``keras.utils.get_file`` fetches the files once from
  the public origin that Keras uses, checks them against their published
  checksums and caches them in ``~/.keras/datasets`` (or ``$COURSE_CACHE_DIR``).
  A failed download leaves nothing new behind and raises ``DatasetError``.

Both functions return ``(x_train, y_train), (x_test, y_test)``: uint8 images of
shape (n, 28, 28) and uint8 labels 0–9, with the standard 60,000/10,000 split.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import zlib
from pathlib import Path

import numpy as np

from .i18n import t
from .numbers import number

MIRROR_ENV = "COURSE_DATA_DIR"
CACHE_ENV = "COURSE_CACHE_DIR"
KERAS_ORIGIN = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/"

# Published checksums of the files served at KERAS_ORIGIN: (algorithm, digest).
MNIST_NPZ = ("mnist.npz", "sha256", "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1")
FASHION_FILES = {
    "train-images-idx3-ubyte.gz": ("md5", "8d4fb7e6c68d591d4c3dfef9ec88bf0d"),
    "train-labels-idx1-ubyte.gz": ("md5", "25c81989df183df01b3e8a0aad5dffbe"),
    "t10k-images-idx3-ubyte.gz": ("md5", "bef4ecab320f06d8554ea6380940ec79"),
    "t10k-labels-idx1-ubyte.gz": ("md5", "bb300cfdad3c16e7a12a480ee83cd310"),
}
IDX_NAMES = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
SUMS_EXAMPLE = "<sha256>  mnist/train-images-idx3-ubyte.gz"

Split = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class DatasetError(RuntimeError):
    """A dataset could not be loaded; the message says what to do about it, in the chosen language."""


def load_mnist() -> Split:
    """Return MNIST as ``(x_train, y_train), (x_test, y_test)``."""
    mirror = _mirror_dir()
    if mirror is not None:
        return _load_idx_folder(mirror, "mnist")
    name, algorithm, digest = MNIST_NPZ
    path = _download(name, algorithm, digest, _cache_dir(), "MNIST")
    with np.load(path) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])


def load_fashion_mnist() -> Split:
    """Return Fashion-MNIST as ``(x_train, y_train), (x_test, y_test)``."""
    mirror = _mirror_dir()
    if mirror is not None:
        return _load_idx_folder(mirror, "fashion-mnist")
    folder = _cache_dir() / "fashion-mnist"
    for name, (algorithm, digest) in FASHION_FILES.items():
        _download(name, algorithm, digest, folder, "Fashion-MNIST")
    return _read_four(folder)


def read_idx(path: Path) -> np.ndarray:
    """Read one IDX file (gzip-compressed or not) of unsigned bytes into an array.

    The IDX header is 2 zero bytes, a type byte (0x08 = uint8), the number of
    dimensions, then each dimension as a big-endian 32-bit integer.
    """
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as f:
            raw = f.read()
    except (OSError, EOFError, zlib.error) as err:
        raise DatasetError(t("data_corrupt").format(path=path, error=err)) from err
    if len(raw) < 4 or raw[0:2] != b"\x00\x00" or raw[2] != 0x08:
        raise DatasetError(t("data_bad_header").format(path=path))
    ndim = raw[3]
    header = 4 + 4 * ndim
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(shape))
    if len(raw) != expected:
        raise DatasetError(t("data_size_mismatch").format(path=path, size=number(len(raw)),
                                                          expected=number(expected)))
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _read_four(folder: Path) -> Split:
    """Read the four standard IDX files of one dataset from ``folder``."""
    x_train, y_train, x_test, y_test = (read_idx(folder / name) for name in IDX_NAMES)
    return (x_train, y_train), (x_test, y_test)


def _hexdigest(path: Path, algorithm: str) -> str:
    """Return the ``algorithm`` (e.g. "sha256", "md5") digest of a file."""
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --- offline mirror ----------------------------------------------------------------------

def _mirror_dir() -> Path | None:
    """The offline mirror named by ``$COURSE_DATA_DIR``, or None when it is unset."""
    value = os.environ.get(MIRROR_ENV)
    if not value:
        return None
    mirror = Path(value).expanduser()
    if not mirror.is_dir():
        raise DatasetError(t("data_not_a_folder").format(setting=f"{MIRROR_ENV}={value!r}"))
    return mirror


def _load_idx_folder(mirror: Path, dataset: str) -> Split:
    """Verify a dataset's four files against the mirror's SHA256SUMS, then read them."""
    sums_path = mirror / "SHA256SUMS"
    sums = _read_sha256sums(sums_path)
    for name in IDX_NAMES:
        relative = f"{dataset}/{name}"
        path = mirror / relative
        if not path.is_file():
            raise DatasetError(t("data_mirror_no_file").format(path=path, dataset=dataset, env=MIRROR_ENV))
        if relative not in sums:
            raise DatasetError(t("data_sums_no_line").format(sums=sums_path, relative=relative, mirror=mirror))
        actual = _hexdigest(path, "sha256")
        if actual != sums[relative]:
            raise DatasetError(t("data_mirror_mismatch").format(path=path, actual=actual, sums=sums_path,
                                                                expected=sums[relative], mirror=mirror))
    return _read_four(mirror / dataset)


def _read_sha256sums(path: Path) -> dict[str, str]:
    """Parse ``sha256sum`` output into ``{relative path: digest}``."""
    if not path.is_file():
        raise DatasetError(t("data_sums_missing").format(path=path, folder=path.parent))
    sums = {}
    for line_number, line in enumerate(path.read_text().splitlines(), start=1):
        fields = line.split(maxsplit=1)
        if not fields:
            continue
        if len(fields) != 2 or not re.fullmatch(r"[0-9a-fA-F]{64}", fields[0]):
            raise DatasetError(t("data_sums_bad_line").format(path=path, number=line_number, line=repr(line.strip()),
                                                              example=SUMS_EXAMPLE, folder=path.parent))
        digest, name = fields
        sums[name.rstrip().lstrip("*")] = digest.lower()
    return sums


# --- downloads ---------------------------------------------------------------------------

def _cache_dir() -> Path:
    """The download cache: ``$COURSE_CACHE_DIR`` or, as in Keras, ``~/.keras/datasets``."""
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".keras" / "datasets").expanduser().absolute()


def _download(name: str, algorithm: str, digest: str, folder: Path, dataset: str) -> Path:
    """Return ``folder/name``, downloaded from ``KERAS_ORIGIN`` by ``keras.utils.get_file``.

    get_file reuses a cached copy whose checksum matches and downloads it again
    otherwise. On any failure this removes what the attempt left behind (a file
    that failed verification, folders it created) and raises DatasetError.
    Files of the same dataset that were verified earlier stay cached.
    """
    import keras  # heavy, and needed only when something must be downloaded

    url = KERAS_ORIGIN + name
    new_folders = _missing_folders(folder)
    try:
        # An absolute cache_subdir is used as is: get_file would otherwise quietly switch to
        # /tmp/.keras when cache_dir does not exist yet or is not writable.
        return Path(keras.utils.get_file(name, url, file_hash=digest, hash_algorithm=algorithm,
                                         cache_dir=str(_cache_dir()), cache_subdir=str(folder)))
    except Exception as err:  # offline, get_file raises a bare Exception("URL fetch failure ...")
        error = _download_error(err, folder / name, url, algorithm, digest, dataset)
        _remove_empty(new_folders)
        raise error from err


def _download_error(err: Exception, target: Path, url: str, algorithm: str, digest: str,
                    dataset: str) -> DatasetError:
    """What went wrong in a download, and what to do; deletes a file that failed verification."""
    use_mirror = t("data_use_mirror").format(env=MIRROR_ENV)
    if isinstance(err, ValueError) and target.is_file():
        # A fresh download that failed verification: get_file raises but keeps the file.
        actual = _hexdigest(target, algorithm)
        if actual != digest:
            target.unlink()
            return DatasetError(t("data_download_mismatch").format(
                name=target.name, url=url, algorithm=algorithm, actual=actual, expected=digest,
                use_mirror=use_mirror))
    if isinstance(err, PermissionError):
        return DatasetError(t("data_cannot_save").format(dataset=dataset, folder=target.parent, error=err,
                                                         env=CACHE_ENV, use_mirror=use_mirror))
    return DatasetError(t("data_cannot_download").format(dataset=dataset, url=url, error=err, env=MIRROR_ENV,
                                                         use_mirror=use_mirror))


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and those of its ancestors that do not exist yet, deepest first."""
    missing = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    return missing


def _remove_empty(folders: list[Path]) -> None:
    """Remove the given folders, deepest first, where they exist and are empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            pass
