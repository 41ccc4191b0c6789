"""shared.models: a saved model is reused only when it fits, and a file that does not fit never crashes.

Each case a learner can meet: nothing saved yet, the same network, a file written by another Keras
version, a damaged file, and a changed network, including a change without weights (no Dropout).
The real cross-version case (a file saved by the pinned Keras, loaded by Colab's) runs in
tests/test_colab_stack.py.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import keras
import numpy as np
import pytest

import shared
from shared import i18n, models


def network(dropout: bool = True, filters: int = 4, named: bool = True) -> keras.Model:
    """A small CNN shaped like lesson 06's (its layers named, or numbered by Keras)."""
    name = (lambda n: n) if named else (lambda n: None)
    inputs = keras.Input(shape=(28, 28, 1), name=name("image"))
    x = keras.layers.Conv2D(filters, 5, padding="same", activation="relu", name=name("conv1"))(inputs)
    x = keras.layers.MaxPooling2D(2, name=name("pool1"))(x)
    x = keras.layers.Flatten(name=name("flatten"))(x)
    x = keras.layers.Dense(8, activation="relu", name=name("dense"))(x)
    if dropout:
        x = keras.layers.Dropout(0.5, name=name("dropout"))(x)
    return keras.Model(inputs, keras.layers.Dense(10, name=name("logits"))(x))


@pytest.fixture(autouse=True)
def model_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(models.MODEL_CACHE_ENV, str(tmp_path))
    i18n.set_language("en")
    yield tmp_path
    i18n.set_language("en")


def saved(model: keras.Model) -> Path:
    path = shared.model_file("digits", model)
    shared.save_model(model, path)
    return path


def same_weights(a: keras.Model, b: keras.Model) -> bool:
    return all(np.array_equal(x, y) for x, y in zip(a.get_weights(), b.get_weights()))


def test_nothing_saved_means_train_silently(capsys):
    model = network()
    assert shared.load_saved_weights(model, shared.model_file("digits", model)) is False
    assert capsys.readouterr().out == ""


def test_the_same_network_gets_its_weights_back(model_folder, capsys):
    trained = network()
    path = saved(trained)
    assert path.parent == model_folder and path.name.startswith("digits-") and path.suffix == ".keras"
    assert f"${models.MODEL_CACHE_ENV}/{path.name}" in capsys.readouterr().out, "the message names the file"
    fresh = network()
    assert not same_weights(fresh, trained)
    assert shared.load_saved_weights(fresh, shared.model_file("digits", fresh)) is True
    assert same_weights(fresh, trained)
    assert "Loaded the trained network" in capsys.readouterr().out
    assert [p.name for p in model_folder.iterdir()] == [path.name], "nothing half-written is left behind"


def test_unnamed_layers_rebuilt_keep_the_fingerprint():
    """Keras numbers unnamed layers anew on every rebuild; the fingerprint ignores names."""
    assert models.architecture_fingerprint(network(named=False)) == models.architecture_fingerprint(
        network(named=False))


def with_keras_version(path: Path, version: str) -> None:
    """Rewrite the Keras version a .keras file records, as another Keras would have written it."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["metadata.json"] = json.dumps({**json.loads(members["metadata.json"]), "keras_version": version})
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_file_from_another_keras_version_means_retrain(capsys):
    path = saved(network())
    with_keras_version(path, "3.13.2")
    capsys.readouterr()
    assert shared.load_saved_weights(network(), path) is False
    line = capsys.readouterr().out
    assert line.count("\n") == 1, "one line says why"
    assert "Keras 3.13.2" in line and f"Keras {keras.__version__}" in line and "training again" in line


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "empty", "no weights"])
def test_a_damaged_file_means_retrain(damage, capsys):
    path = saved(network())
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "not a zip":
        path.write_bytes(b"this is not a Keras file")
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        with zipfile.ZipFile(path) as archive:
            kept = {n: archive.read(n) for n in archive.namelist() if n != "model.weights.h5"}
        with zipfile.ZipFile(path, "w") as archive:
            for name, content in kept.items():
                archive.writestr(name, content)
    capsys.readouterr()
    assert shared.load_saved_weights(network(), path) is False
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "cannot be read" in line and "training again" in line


@pytest.mark.parametrize("changed", [network(dropout=False), network(filters=8)], ids=["no dropout", "more filters"])
def test_a_changed_network_is_trained_not_loaded(changed, capsys):
    """Removing Dropout changes no weight shape; it must still count as another network."""
    saved(network())
    path = shared.model_file("digits", changed)
    assert not path.exists(), "the file name follows the architecture"
    capsys.readouterr()
    assert shared.load_saved_weights(changed, path) is False
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "another architecture" in line


def test_the_old_network_is_found_again_after_a_change(capsys):
    original = network()
    saved(original)
    saved(network(dropout=False))
    back = network()
    assert shared.load_saved_weights(back, shared.model_file("digits", back)) is True
    assert same_weights(back, original)


def test_a_failed_save_says_why_and_leaves_nothing(model_folder, monkeypatch, capsys):
    model = network()

    def broken_save(*args, **kwargs):
        Path(args[0]).write_bytes(b"half a file")
        raise OSError("No space left on device")

    monkeypatch.setattr(model, "save", broken_save)
    capsys.readouterr()
    assert shared.save_model(model, shared.model_file("digits", model)) is False, "the lesson goes on"
    line = capsys.readouterr().out
    assert line.count("\n") == 1 and "No space left on device" in line and "the next run trains again" in line
    assert list(model_folder.iterdir()) == []


def test_weights_of_other_shapes_leave_the_model_untouched(capsys):
    """A file whose weights do not fit (here: renamed by hand) is refused before any weight changes."""
    path = saved(network(filters=8))
    target = network()
    before = target.get_weights()
    stolen = shared.model_file("digits", target)
    path.rename(stolen)
    capsys.readouterr()
    assert shared.load_saved_weights(target, stolen) is False
    assert "other shapes" in capsys.readouterr().out
    assert all(np.array_equal(a, b) for a, b in zip(before, target.get_weights()))


def test_messages_follow_the_course_language(capsys):
    path = saved(network())
    with_keras_version(path, "3.13.2")
    i18n.set_language("zh")
    capsys.readouterr()
    shared.load_saved_weights(network(), path)
    assert "重新训练" in capsys.readouterr().out


def test_weights_of_other_shapes_are_explained_in_the_course_language(capsys):
    path = saved(network(filters=8))
    target = network()
    stolen = shared.model_file("digits", target)
    path.rename(stolen)
    i18n.set_language("fr")
    capsys.readouterr()
    assert shared.load_saved_weights(target, stolen) is False
    line = capsys.readouterr().out
    assert "Impossible de lire" in line and "ses poids n'ont pas les mêmes formes que ceux de ce réseau" in line


def test_paths_are_shown_as_a_learner_reads_them(monkeypatch):
    monkeypatch.delenv(models.MODEL_CACHE_ENV)
    assert models.model_folder() == Path.home() / ".cache" / "tf-mnist-course"
    assert models.shown(Path.home() / ".cache" / "x.keras") == "~/.cache/x.keras"
