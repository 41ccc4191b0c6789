"""Save a trained model once, and reuse it on the next run if, and only if, it still fits.

A lesson that trains for a minute (lesson 06) saves its model to a ``.keras`` file and
loads it on the next run instead of training again. The file name carries a fingerprint
of the network's architecture (every layer's type and settings, Dropout included, as this
Keras version describes them), so a changed network never picks up weights trained for
another one. Nothing here stops a lesson: when a saved file cannot be used, or a model
cannot be saved, one line says why, and the lesson goes on (it trains, or trains again
next time).

Models live in ``~/.cache/tf-mnist-course/``, or in the folder named by the environment
variable ``COURSE_MODEL_CACHE`` (the course's runner and tests give every notebook a
fresh one, so that their runs always train).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import t

if TYPE_CHECKING:
    import keras

MODEL_CACHE_ENV = "COURSE_MODEL_CACHE"


def model_folder() -> Path:
    """Where trained models are kept: ``$COURSE_MODEL_CACHE`` or ``~/.cache/tf-mnist-course``."""
    return Path(os.environ.get(MODEL_CACHE_ENV) or Path.home() / ".cache" / "tf-mnist-course").expanduser()


def architecture_fingerprint(model: keras.Model) -> str:
    """12 hex digits that change whenever a layer is added, removed or configured differently.

    Layer names are left out, so rebuilding the same network (Keras numbers unnamed layers
    anew each time) gives the same fingerprint. Another Keras version may describe the same
    layers with more settings, and so give another fingerprint.
    """
    layers = [(type(layer).__name__, {k: v for k, v in layer.get_config().items() if k != "name"})
              for layer in model.layers]
    text = json.dumps(layers, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def model_file(name: str, model: keras.Model) -> Path:
    """The file for ``model``: ``<model folder>/<name>-<architecture fingerprint>.keras``."""
    return model_folder() / f"{name}-{architecture_fingerprint(model)}.keras"


def shown(path: Path) -> str:
    """The path as the learner should read it: ``~/...`` under the home folder."""
    for folder, label in ((os.environ.get(MODEL_CACHE_ENV), f"${MODEL_CACHE_ENV}"), (Path.home(), "~")):
        if folder and path.is_relative_to(Path(folder).expanduser()):
            return f"{label}/{path.relative_to(Path(folder).expanduser()).as_posix()}"
    return str(path)


def saved_keras_version(path: Path) -> str:
    """The Keras version recorded in a ``.keras`` file (raises if the file is not a readable one)."""
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("metadata.json"))["keras_version"]


def load_saved_weights(model: keras.Model, path: Path) -> bool:
    """Copy the weights saved in ``path`` into ``model``; False, with one line saying why, if they don't fit.

    No file and no other version of it: False, silently (nothing was ever saved). ``model``
    is changed only when every saved weight fits it.
    """
    import keras

    if not path.exists():
        _explain_missing(path, keras.__version__)
        return False
    try:
        version = saved_keras_version(path)
        if version != keras.__version__:
            print(t("model_other_keras").format(path=shown(path), saved=version, current=keras.__version__))
            return False
        weights = keras.models.load_model(path, compile=False).get_weights()
        if [w.shape for w in weights] != [tuple(v.shape) for v in model.weights]:
            raise ValueError(t("model_other_shapes"))
    except Exception as error:  # noqa: BLE001 - any file that cannot be used means: train again
        message = f"{type(error).__name__}: {error}".splitlines()[0][:160]
        print(t("model_unreadable").format(path=shown(path), error=message))
        return False
    model.set_weights(weights)
    print(t("model_loaded").format(path=shown(path)))
    return True


def _explain_missing(path: Path, current: str) -> None:
    """No file for this network: if one was saved for another, say whether its network or its Keras differs."""
    try:
        others = sorted(path.parent.glob(path.name.rsplit("-", 1)[0] + "-*.keras"), key=os.path.getmtime)
        version = saved_keras_version(others[-1]) if others else None
    except Exception:  # noqa: BLE001 - an unreadable folder or file: nothing to explain
        others, version = [], None
    if others and version not in (None, current):
        print(t("model_other_keras").format(path=shown(others[-1]), saved=version, current=current))
    elif others:
        print(t("model_other_architecture").format(path=shown(others[-1])))


def save_model(model: keras.Model, path: Path) -> bool:
    """Save ``model`` to ``path``; the file appears only once it is complete.

    Returns False, with one line saying why, when it cannot be saved (a full disk, a
    read-only folder): the model stays usable, and the next run trains again.
    """
    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".keras")
        os.close(handle)
        model.save(partial)
        os.replace(partial, path)
    except OSError as error:
        print(t("model_not_saved").format(path=shown(path), error=f"{type(error).__name__}: {error}"))
        return False
    finally:
        if partial:
            Path(partial).unlink(missing_ok=True)
    print(t("model_saved").format(path=shown(path)))
    return True
