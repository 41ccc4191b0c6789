"""Run a training function once per test run, and replay it in the translations.

The four language versions of a lesson run identical code with identical seeds,
so they train bit for bit the same model. When the environment variable
``COURSE_TRAINING_CACHE`` names a folder (the course's test runner sets it to a
fresh folder per run), the first notebook to train saves the result there, and
the others restore it instead of training again. Learners never set it: for
them ``run_training`` simply calls the training function.

What training printed is replayed too. Text (Keras's own progress lines) is
replayed as it was; lines printed with ``print_epoch`` are kept as numbers and
printed again in the replaying notebook's language.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from .i18n import t
from .numbers import number, percent
from .repro import SEED

CACHE_ENV = "COURSE_TRAINING_CACHE"


def epoch_line(epoch: int, epochs: int, loss: float, val_accuracy: float, seconds: float | None = None) -> str:
    """"epoch 1/2: loss 0.0745, validation accuracy 98.90%, 8 s", in the chosen language."""
    line = t("epoch_line").format(epoch=f"{epoch:>{len(str(epochs))}}", epochs=epochs, loss=number(loss, 4),
                                  accuracy=percent(val_accuracy, 2))
    return line if seconds is None else line + t("epoch_seconds").format(seconds=number(seconds))


def print_epoch(epoch: int, epochs: int, loss: float, val_accuracy: float, seconds: float | None = None) -> None:
    """Print one line of training progress (``epoch_line``); a recorded training keeps its numbers."""
    values = {"epoch": epoch, "epochs": epochs, "loss": float(loss), "val_accuracy": float(val_accuracy),
              "seconds": None if seconds is None else float(seconds)}
    if isinstance(sys.stdout, _Recorder):
        sys.stdout.record(values)
    else:
        print(epoch_line(**values), flush=True)


class _Recorder(io.TextIOBase):
    """Pass what training prints on to the notebook, and keep it: text as text, epochs as numbers."""

    def __init__(self, stream):
        self.stream, self.events = stream, []

    def write(self, text):
        if self.events and isinstance(self.events[-1], str):
            self.events[-1] += text
        else:
            self.events.append(text)
        return self.stream.write(text)

    def record(self, values: dict) -> None:
        self.events.append(values)
        self.stream.write(epoch_line(**values) + "\n")

    def flush(self):
        self.stream.flush()


def run_training(name: str, state: Sequence, train: Callable[[], dict]) -> dict:
    """Call ``train()`` and return its result (a JSON-serialisable dict, e.g. a history).

    ``state`` lists every variable that training changes (model weights and the
    optimizer's variables); ``train`` must change nothing else. Afterwards the
    random generators are seeded again, so the rest of the notebook does not
    depend on whether training ran here or was restored.
    """
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        result = train()
    else:
        key = hashlib.sha256(name.encode())
        for variable in state:
            key.update(np.asarray(variable).tobytes())
        path = Path(folder) / f"{name}-{key.hexdigest()[:16]}.npz"
        if path.exists():
            result = _restore(path, state)
        else:
            recorder = _Recorder(sys.stdout)
            with contextlib.redirect_stdout(recorder):
                result = train()
            Path(folder).mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.partial.npz")  # renamed only when complete
            np.savez(partial, *[np.asarray(v) for v in state],
                     log=json.dumps(recorder.events), result=json.dumps(result))
            partial.replace(path)
    import keras  # here rather than at the top: the runner's tools import CACHE_ENV and stay light

    keras.utils.set_random_seed(SEED)
    return result


def _restore(path: Path, state: Sequence) -> dict:
    with np.load(path) as saved:
        for i, variable in enumerate(state):
            variable.assign(saved[f"arr_{i}"])
        for event in json.loads(str(saved["log"])):
            if isinstance(event, str):
                print(event, end="")
            else:
                print_epoch(**event)
        return json.loads(str(saved["result"]))
