"""Load MNIST and Fashion-MNIST as NumPy arrays.

Two sources, one result:

* **Offline mirror** – if the environment variable ``COURSE_DATA_DIR`` names a
  folder, the standard IDX ``.gz`` files are read from
  ``$COURSE_DATA_DIR/mnist/`` and ``$COURSE_DATA_DIR/fashion-mnist/`` and
  checked against the mirror's own ``SHA256SUMS``. The network is never used.
* **Download** – otherwise the files are fetched once from the public origins
  that Keras uses, verified against known checksums and cached in
  ``~/.keras/datasets`` (or ``$COURSE_CACHE_DIR``).

Both functions return ``(x_train, y_train), (x_test, y_test)``: uint8 images of
shape (n, 28, 28) and uint8 labels 0–9, with the standard 60,000/10,000 split.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zlib
from pathlib import Path

import numpy as np

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


class DatasetError(RuntimeError):
    """A dataset could not be loaded; the message says what to do about it."""


def load_mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Return MNIST as ``(x_train, y_train), (x_test, y_test)``."""
    mirror = _mirror_dir()
    if mirror is not None:
        return _load_idx_folder(mirror, "mnist")
    name, algorithm, digest = MNIST_NPZ
    path = _fetch(KERAS_ORIGIN + name, _cache_dir() / name, algorithm, digest, "MNIST")
    with np.load(path) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])


def load_fashion_mnist() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Return Fashion-MNIST as ``(x_train, y_train), (x_test, y_test)``."""
    mirror = _mirror_dir()
    if mirror is not None:
        return _load_idx_folder(mirror, "fashion-mnist")
    folder = _cache_dir() / "fashion-mnist"
    for name, (algorithm, digest) in FASHION_FILES.items():
        _fetch(KERAS_ORIGIN + name, folder / name, algorithm, digest, "Fashion-MNIST")
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
        raise DatasetError(f"{path} is corrupt or truncated ({err}). Delete it and load again.") from err
    if len(raw) < 4 or raw[0:2] != b"\x00\x00" or raw[2] != 0x08:
        raise DatasetError(f"{path} is not an IDX file of unsigned bytes (bad header).")
    ndim = raw[3]
    header = 4 + 4 * ndim
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(shape))
    if len(raw) != expected:
        raise DatasetError(
            f"{path} holds {len(raw):,} bytes but its header promises {expected:,}: "
            "the file is truncated or corrupt. Delete it and load again."
        )
    return np.frombuffer(raw, dtype=np.uint8, offset=header).reshape(shape)


def _read_four(folder: Path):
    x_train, y_train, x_test, y_test = (read_idx(folder / name) for name in IDX_NAMES)
    return (x_train, y_train), (x_test, y_test)


def _mirror_dir() -> Path | None:
    value = os.environ.get(MIRROR_ENV)
    if not value:
        return None
    mirror = Path(value).expanduser()
    if not mirror.is_dir():
        raise DatasetError(f"{MIRROR_ENV}={value!r} is not a folder. Point it at the offline mirror, "
                           "e.g. the folder that holds mnist/ and fashion-mnist/.")
    return mirror


def _load_idx_folder(mirror: Path, dataset: str):
    """Verify a dataset's four files against the mirror's SHA256SUMS, then read them."""
    sums = _read_sha256sums(mirror / "SHA256SUMS")
    for name in IDX_NAMES:
        relative = f"{dataset}/{name}"
        path = mirror / relative
        if not path.is_file():
            raise DatasetError(f"The offline mirror has no {path}. Copy the standard IDX files of "
                               f"{dataset} there, or unset {MIRROR_ENV} to download them.")
        if relative not in sums:
            raise DatasetError(f"{mirror / 'SHA256SUMS'} has no line for {relative}.")
        _verify(path, "sha256", sums[relative])
    return _read_four(mirror / dataset)


def _read_sha256sums(path: Path) -> dict[str, str]:
    if not path.is_file():
        raise DatasetError(f"The offline mirror has no {path}. Create it with "
                           f"`sha256sum */*.gz > SHA256SUMS` inside {path.parent}.")
    sums = {}
    for line in path.read_text().splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            sums[name.lstrip("*")] = digest
    return sums


def _verify(path: Path, algorithm: str, digest: str) -> None:
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    if h.hexdigest() != digest:
        raise DatasetError(f"Checksum mismatch for {path}: {algorithm} is {h.hexdigest()}, "
                           f"expected {digest}. The file is corrupt or not the published one; "
                           "delete it and load again.")


def _cache_dir() -> Path:
    return Path(os.environ.get(CACHE_ENV) or Path.home() / ".keras" / "datasets").expanduser()


def _fetch(url: str, dest: Path, algorithm: str, digest: str, dataset: str) -> Path:
    """Download ``url`` to ``dest`` unless a verified copy is already there.

    The download goes to a temporary file beside ``dest`` and is renamed only
    after its checksum matches, so a broken download never looks like a good one.
    """
    if dest.is_file():
        try:
            _verify(dest, algorithm, digest)
            return dest
        except DatasetError:
            dest.unlink()  # a damaged copy from an earlier run: fetch it again
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=dest.parent, prefix=dest.name, suffix=".part")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=60) as response:
            shutil.copyfileobj(response, out)
        _verify(tmp, algorithm, digest)
        tmp.replace(dest)
    except (urllib.error.URLError, OSError) as err:
        raise DatasetError(
            f"Could not download {dataset} from {url} ({err}).\n"
            f"Either connect to the internet and run this again, or point the environment variable "
            f"{MIRROR_ENV} at an offline copy holding mnist/ and fashion-mnist/ with their IDX .gz "
            f"files and a SHA256SUMS, e.g. `export {MIRROR_ENV}=../shared/data`."
        ) from err
    finally:
        tmp.unlink(missing_ok=True)
    return dest
