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
USE_MIRROR = f"`export {MIRROR_ENV}=<the folder holding mnist/ and fashion-mnist/>`"

Split = tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


class DatasetError(RuntimeError):
    """A dataset could not be loaded; the message says what to do about it."""


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
        raise DatasetError(f"{path} is corrupt or truncated ({err}). Replace it with a good copy.") from err
    if len(raw) < 4 or raw[0:2] != b"\x00\x00" or raw[2] != 0x08:
        raise DatasetError(f"{path} is not an IDX file of unsigned bytes (bad header).")
    ndim = raw[3]
    header = 4 + 4 * ndim
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = header + int(np.prod(shape))
    if len(raw) != expected:
        raise DatasetError(
            f"{path} holds {len(raw):,} bytes but its header promises {expected:,}: "
            "the file is truncated or corrupt. Replace it with a good copy."
        )
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
        raise DatasetError(f"{MIRROR_ENV}={value!r} is not a folder. Point it at the offline mirror, "
                           "e.g. the folder that holds mnist/ and fashion-mnist/.")
    return mirror


def _load_idx_folder(mirror: Path, dataset: str) -> Split:
    """Verify a dataset's four files against the mirror's SHA256SUMS, then read them."""
    sums_path = mirror / "SHA256SUMS"
    sums = _read_sha256sums(sums_path)
    for name in IDX_NAMES:
        relative = f"{dataset}/{name}"
        path = mirror / relative
        if not path.is_file():
            raise DatasetError(f"The offline mirror has no {path}. Copy the standard IDX files of "
                               f"{dataset} there, or unset {MIRROR_ENV} to download them.")
        if relative not in sums:
            raise DatasetError(f"{sums_path} has no line for {relative}. Add one, e.g. with "
                               f"`sha256sum {relative} >> SHA256SUMS` inside {mirror}.")
        actual = _hexdigest(path, "sha256")
        if actual != sums[relative]:
            raise DatasetError(
                f"Checksum mismatch for {path}: sha256 is {actual}, but {sums_path} says "
                f"{sums[relative]}. The mirror's copy is damaged or not the published file: copy it "
                f"again from the mirror's source. If you know the file is good, regenerate the "
                f"checksums with `sha256sum */*.gz > SHA256SUMS` inside {mirror}."
            )
    return _read_four(mirror / dataset)


def _read_sha256sums(path: Path) -> dict[str, str]:
    """Parse ``sha256sum`` output into ``{relative path: digest}``."""
    if not path.is_file():
        raise DatasetError(f"The offline mirror has no {path}. Create it with "
                           f"`sha256sum */*.gz > SHA256SUMS` inside {path.parent}.")
    sums = {}
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        fields = line.split(maxsplit=1)
        if not fields:
            continue
        if len(fields) != 2 or not re.fullmatch(r"[0-9a-fA-F]{64}", fields[0]):
            raise DatasetError(
                f"{path}, line {number}: {line.strip()!r} is not a checksum line. Each line should be "
                f"a SHA-256 digest, two spaces and a path, e.g. `{SUMS_EXAMPLE}` "
                f"(`sha256sum */*.gz > SHA256SUMS` inside {path.parent} writes them)."
            )
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
    if isinstance(err, ValueError) and target.is_file():
        # A fresh download that failed verification: get_file raises but keeps the file.
        actual = _hexdigest(target, algorithm)
        if actual != digest:
            target.unlink()
            return DatasetError(
                f"Checksum mismatch for {target.name} downloaded from {url}: {algorithm} is {actual}, "
                f"expected {digest}. The download was damaged or is not the published file, so "
                f"it was deleted. Load again to retry, or use an offline copy: {USE_MIRROR}.")
    if isinstance(err, PermissionError):
        return DatasetError(f"Could not save {dataset} in {target.parent} ({err}). Set {CACHE_ENV} to "
                            f"a folder you can write to, or use an offline copy: {USE_MIRROR}.")
    return DatasetError(
        f"Could not download {dataset} from {url} ({err}).\n"
        f"Either connect to the internet and run this again, or point the environment variable "
        f"{MIRROR_ENV} at an offline copy holding mnist/ and fashion-mnist/ with their IDX .gz "
        f"files and a SHA256SUMS: {USE_MIRROR}.")


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
