"""The dataset loader: IDX parsing, checksums, the offline mirror, downloads and their failures."""

from __future__ import annotations

import gzip
import hashlib
import http.server
import io
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from shared import data
from shared.data import DatasetError, read_idx

ROOT = Path(__file__).resolve().parent.parent
MIRROR = os.environ.get(data.MIRROR_ENV)


def idx_bytes(array: np.ndarray) -> bytes:
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(d.to_bytes(4, "big") for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def make_mirror(folder: Path, dataset: str = "mnist", n_train: int = 6, n_test: int = 4) -> dict[str, bytes]:
    """A tiny mirror with the standard layout and a SHA256SUMS file."""
    rng = np.random.default_rng(0)
    files = {
        "train-images-idx3-ubyte.gz": rng.integers(0, 256, (n_train, 28, 28)),
        "train-labels-idx1-ubyte.gz": rng.integers(0, 10, n_train),
        "t10k-images-idx3-ubyte.gz": rng.integers(0, 256, (n_test, 28, 28)),
        "t10k-labels-idx1-ubyte.gz": rng.integers(0, 10, n_test),
    }
    (folder / dataset).mkdir(parents=True)
    lines, contents = [], {}
    for name, array in files.items():
        raw = gzip.compress(idx_bytes(array))
        (folder / dataset / name).write_bytes(raw)
        contents[name] = raw
        lines.append(f"{hashlib.sha256(raw).hexdigest()}  {dataset}/{name}")
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n")
    return contents


# --- IDX parsing -------------------------------------------------------------------------

def test_read_idx_round_trip(tmp_path):
    images = np.arange(2 * 28 * 28, dtype=np.uint8).reshape(2, 28, 28)
    path = tmp_path / "images.gz"
    path.write_bytes(gzip.compress(idx_bytes(images)))
    assert np.array_equal(read_idx(path), images)
    plain = tmp_path / "labels-idx1-ubyte"
    plain.write_bytes(idx_bytes(np.array([3, 1, 4], dtype=np.uint8)))
    assert read_idx(plain).tolist() == [3, 1, 4]


def test_truncated_idx_names_the_file(tmp_path):
    path = tmp_path / "short.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.zeros((3, 28, 28)))[:-100]))
    with pytest.raises(DatasetError, match="short.gz.*truncated") as info:
        read_idx(path)
    assert "load again" not in str(info.value)  # the file may be in the mirror, which never downloads


def test_truncated_gzip_names_the_file(tmp_path):
    path = tmp_path / "cut.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.zeros((3, 28, 28))))[:-30])
    with pytest.raises(DatasetError, match="cut.gz.*(corrupt|truncated)") as info:
        read_idx(path)
    assert "load again" not in str(info.value)


def test_bad_header_is_rejected(tmp_path):
    path = tmp_path / "notidx"
    path.write_bytes(b"PK\x03\x04 this is a zip file")
    with pytest.raises(DatasetError, match="not an IDX file"):
        read_idx(path)


# --- offline mirror ----------------------------------------------------------------------

def test_mirror_is_read_and_verified(tmp_path, monkeypatch):
    make_mirror(tmp_path, "fashion-mnist", n_train=6, n_test=4)
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    monkeypatch.setattr(data, "_download", _no_download)
    (x_train, y_train), (x_test, y_test) = data.load_fashion_mnist()
    assert x_train.shape == (6, 28, 28) and x_test.shape == (4, 28, 28)
    assert y_train.shape == (6,) and y_test.shape == (4,)
    assert x_train.dtype == np.uint8


def test_mirror_checksum_mismatch_is_reported(tmp_path, monkeypatch):
    make_mirror(tmp_path)
    damaged = tmp_path / "mnist" / "t10k-labels-idx1-ubyte.gz"
    damaged.write_bytes(gzip.compress(idx_bytes(np.array([9, 9, 9, 9]))))
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    with pytest.raises(DatasetError, match="Checksum mismatch.*t10k-labels") as info:
        data.load_mnist()
    message = str(info.value)
    assert "load again" not in message  # the mirror never downloads, so no "delete it and load again"
    assert "copy it again" in message and "sha256sum */*.gz > SHA256SUMS" in message


def test_mirror_without_checksums_says_how_to_make_them(tmp_path, monkeypatch):
    make_mirror(tmp_path)
    (tmp_path / "SHA256SUMS").unlink()
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    with pytest.raises(DatasetError, match="sha256sum"):
        data.load_mnist()


def test_mirror_checksum_line_with_one_field_names_file_and_line(tmp_path, monkeypatch):
    make_mirror(tmp_path)
    sums = tmp_path / "SHA256SUMS"
    lines = sums.read_text().splitlines()
    lines[2] = lines[2].split()[0]  # the path is missing
    sums.write_text("\n".join(lines) + "\n")
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    with pytest.raises(DatasetError) as info:
        data.load_mnist()
    message = str(info.value)
    assert str(sums) in message and "line 3" in message
    assert "<sha256>  mnist/train-images-idx3-ubyte.gz" in message


def test_mirror_checksums_ignore_blank_lines_and_binary_marks(tmp_path, monkeypatch):
    make_mirror(tmp_path)
    sums = tmp_path / "SHA256SUMS"
    sums.write_text("\n" + sums.read_text().replace("  mnist/t10k", " *mnist/t10k") + "\n\n")
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    (x_train, _), _ = data.load_mnist()
    assert x_train.shape == (6, 28, 28)


def test_mirror_missing_file_is_named(tmp_path, monkeypatch):
    make_mirror(tmp_path)
    (tmp_path / "mnist" / "train-images-idx3-ubyte.gz").unlink()
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    with pytest.raises(DatasetError, match="train-images-idx3-ubyte.gz"):
        data.load_mnist()


def test_mirror_that_is_not_a_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(DatasetError, match="not a folder"):
        data.load_mnist()


@pytest.mark.skipif(not MIRROR, reason="COURSE_DATA_DIR is not set (CI sets it to ../shared/data)")
@pytest.mark.parametrize("loader", [data.load_mnist, data.load_fashion_mnist])
def test_real_mirror_has_the_standard_split(loader):
    (x_train, y_train), (x_test, y_test) = loader()
    assert x_train.shape == (60_000, 28, 28) and x_test.shape == (10_000, 28, 28)
    assert x_train.dtype == np.uint8 and y_train.dtype == np.uint8
    assert set(np.unique(y_train)) == set(range(10)) and set(np.unique(y_test)) == set(range(10))


# --- downloads ---------------------------------------------------------------------------

def _no_download(*args, **kwargs):
    raise AssertionError("the offline mirror must not download")


def test_importing_the_loader_does_not_import_keras():
    code = "import sys, shared.data; sys.exit('keras' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


@pytest.fixture
def offline(monkeypatch):
    """No mirror, and an origin on 127.0.0.1 that refuses connections, as when offline."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setattr(data, "KERAS_ORIGIN", f"http://127.0.0.1:{port}/")


def test_offline_without_mirror_names_both_fixes(tmp_path, monkeypatch, offline):
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path))
    with pytest.raises(DatasetError) as info:
        data.load_mnist()
    message = str(info.value)
    assert "connect to the internet" in message and data.MIRROR_ENV in message
    assert f"export {data.MIRROR_ENV}=" in message, "the message shows how to point at an offline copy"
    assert list(tmp_path.iterdir()) == [], "a failed download left a file behind"


@pytest.mark.parametrize("cache_exists", [True, False])
def test_offline_fashion_leaves_no_folder(tmp_path, monkeypatch, offline, cache_exists):
    cache = tmp_path / "keras" / "datasets"
    if cache_exists:
        cache.mkdir(parents=True)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    with pytest.raises(DatasetError, match="connect to the internet"):
        data.load_fashion_mnist()
    expected = [tmp_path / "keras", cache] if cache_exists else []
    assert sorted(tmp_path.rglob("*")) == expected, "a failed download left a folder behind"


@pytest.fixture
def server(tmp_path):
    """Serve tmp_path/'served' over HTTP on the loopback interface."""
    served = tmp_path / "served"
    served.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(served), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield served, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def npz_bytes() -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, x_train=np.zeros((6, 28, 28), np.uint8), y_train=np.arange(6, dtype=np.uint8),
             x_test=np.ones((4, 28, 28), np.uint8), y_test=np.arange(4, dtype=np.uint8))
    return buffer.getvalue()


def test_download_is_verified_and_cached(tmp_path, monkeypatch, server):
    served, url = server
    payload = npz_bytes()
    (served / "mnist.npz").write_bytes(payload)
    cache = tmp_path / "cache"
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    monkeypatch.setattr(data, "KERAS_ORIGIN", url)
    monkeypatch.setattr(data, "MNIST_NPZ", ("mnist.npz", "sha256", hashlib.sha256(payload).hexdigest()))
    (x_train, y_train), (x_test, _) = data.load_mnist()
    assert x_train.shape == (6, 28, 28) and y_train.tolist() == list(range(6)) and x_test.shape == (4, 28, 28)
    assert [p.name for p in cache.iterdir()] == ["mnist.npz"]
    (served / "mnist.npz").unlink()  # the second load must come from the cache
    data.load_mnist()


@pytest.mark.parametrize("cache_exists", [True, False])
def test_download_with_wrong_checksum_leaves_nothing(tmp_path, monkeypatch, server, cache_exists):
    served, url = server
    (served / "mnist.npz").write_bytes(npz_bytes())
    cache = tmp_path / "cache"
    if cache_exists:
        cache.mkdir()
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    monkeypatch.setattr(data, "KERAS_ORIGIN", url)
    monkeypatch.setattr(data, "MNIST_NPZ", ("mnist.npz", "sha256", "0" * 64))
    with pytest.raises(DatasetError, match="Checksum mismatch.*mnist.npz") as info:
        data.load_mnist()
    assert "deleted" in str(info.value)
    if cache_exists:
        assert list(cache.iterdir()) == [], "a download that failed verification was kept"
    else:
        assert not cache.exists(), "a failed download left a folder behind"


def test_fashion_download_with_wrong_md5_leaves_nothing(tmp_path, monkeypatch, server):
    served, url = server
    contents = make_mirror(tmp_path / "source", "fashion-mnist")
    for name, raw in contents.items():
        (served / name).write_bytes(raw)
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    monkeypatch.setattr(data, "KERAS_ORIGIN", url)
    monkeypatch.setattr(data, "FASHION_FILES", {name: ("md5", "0" * 32) for name in contents})
    with pytest.raises(DatasetError, match="Checksum mismatch.*md5"):
        data.load_fashion_mnist()
    assert list(cache.iterdir()) == [], "a download that failed verification was kept"


def test_damaged_cached_file_is_fetched_again(tmp_path, monkeypatch, server):
    served, url = server
    payload = npz_bytes()
    (served / "mnist.npz").write_bytes(payload)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "mnist.npz").write_bytes(payload[: len(payload) // 2])  # an interrupted earlier copy
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    monkeypatch.setattr(data, "KERAS_ORIGIN", url)
    monkeypatch.setattr(data, "MNIST_NPZ", ("mnist.npz", "sha256", hashlib.sha256(payload).hexdigest()))
    data.load_mnist()
    assert (cache / "mnist.npz").read_bytes() == payload


def test_missing_file_at_the_origin_is_a_dataset_error(tmp_path, monkeypatch, server):
    _, url = server  # serves nothing: 404
    cache = tmp_path / "cache"
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(cache))
    monkeypatch.setattr(data, "KERAS_ORIGIN", url)
    with pytest.raises(DatasetError, match="Could not download MNIST.*404"):
        data.load_mnist()
    assert not cache.exists()


def test_unwritable_cache_says_to_move_it(tmp_path, monkeypatch):
    import keras

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "cache"))

    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(keras.utils, "get_file", refuse)
    with pytest.raises(DatasetError, match=f"Could not save MNIST.*{data.CACHE_ENV}"):
        data.load_mnist()
    assert list(tmp_path.iterdir()) == []


def test_fashion_download_fetches_four_verified_files(tmp_path, monkeypatch, server):
    served, url = server
    contents = make_mirror(tmp_path / "source", "fashion-mnist")
    for name, raw in contents.items():
        (served / name).write_bytes(raw)
    monkeypatch.delenv(data.MIRROR_ENV, raising=False)
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(data, "KERAS_ORIGIN", url)
    monkeypatch.setattr(data, "FASHION_FILES",
                        {name: ("md5", hashlib.md5(raw).hexdigest()) for name, raw in contents.items()})
    (x_train, _), (x_test, _) = data.load_fashion_mnist()
    assert x_train.shape == (6, 28, 28) and x_test.shape == (4, 28, 28)
    assert sorted(p.name for p in (tmp_path / "cache" / "fashion-mnist").iterdir()) == sorted(contents)


# --- messages in the notebook's language ---------------------------------------------------

def test_idx_errors_follow_the_course_language(tmp_path, speak):
    speak("fr")
    path = tmp_path / "short.gz"
    path.write_bytes(gzip.compress(idx_bytes(np.zeros((3, 28, 28)))[:-100]))
    with pytest.raises(DatasetError) as info:
        read_idx(path)
    message = str(info.value)
    assert str(path) in message and "tronqué ou corrompu" in message and "Replace" not in message
    assert "2\u00a0268 octets" in message and "2\u00a0368" in message, "numbers written the French way"
    (tmp_path / "notidx").write_bytes(b"PK\x03\x04 this is a zip file")
    with pytest.raises(DatasetError, match="n'est pas un fichier IDX"):
        read_idx(tmp_path / "notidx")


def test_mirror_errors_follow_the_course_language(tmp_path, monkeypatch, speak):
    speak("fr")
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(DatasetError, match="n'est pas un dossier"):
        data.load_mnist()
    make_mirror(tmp_path)
    monkeypatch.setenv(data.MIRROR_ENV, str(tmp_path))
    damaged = tmp_path / "mnist" / "t10k-labels-idx1-ubyte.gz"
    damaged.write_bytes(gzip.compress(idx_bytes(np.array([9, 9, 9, 9]))))
    with pytest.raises(DatasetError) as info:
        data.load_mnist()
    message = str(info.value)
    assert message.startswith(f"Somme de contrôle incorrecte pour {damaged} :")
    assert "`sha256sum */*.gz > SHA256SUMS`" in message, "commands stay as they are"
    (tmp_path / "SHA256SUMS").unlink()
    speak("zh")
    with pytest.raises(DatasetError, match="离线镜像中没有.*sha256sum"):
        data.load_mnist()


def test_download_errors_follow_the_course_language(tmp_path, monkeypatch, offline, speak):
    speak("fr")
    monkeypatch.setenv(data.CACHE_ENV, str(tmp_path))
    with pytest.raises(DatasetError) as info:
        data.load_mnist()
    message = str(info.value)
    assert message.startswith("Impossible de télécharger MNIST depuis http://127.0.0.1:")
    assert f"`export {data.MIRROR_ENV}=<le dossier qui contient mnist/ et fashion-mnist/>`" in message
    assert "connect to the internet" not in message
