"""Run a training function once per test run, and replay it in the translations.

The four language versions of a lesson run identical code with identical seeds,
so they train bit for bit the same model. When the environment variable
``COURSE_TRAINING_CACHE`` names a folder (the course's test runner sets it to a
fresh folder per run), the first notebook to train saves the result there, and
the others restore it instead of training again. Learners never set it: for
them ``run_training`` simply calls the training function.
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

from .repro import SEED

CACHE_ENV = "COURSE_TRAINING_CACHE"


class _Tee(io.TextIOBase):
    """Write to the notebook and keep a copy of the text."""

    def __init__(self, stream):
        self.stream, self.copy = stream, io.StringIO()

    def write(self, text):
        self.copy.write(text)
        return self.stream.write(text)

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
            tee = _Tee(sys.stdout)
            with contextlib.redirect_stdout(tee):
                result = train()
            Path(folder).mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.partial.npz")  # renamed only when complete
            np.savez(partial, *[np.asarray(v) for v in state],
                     log=tee.copy.getvalue(), result=json.dumps(result))
            partial.replace(path)
    import keras  # here rather than at the top: the runner's tools import CACHE_ENV and stay light

    keras.utils.set_random_seed(SEED)
    return result


def _restore(path: Path, state: Sequence) -> dict:
    with np.load(path) as saved:
        for i, variable in enumerate(state):
            variable.assign(saved[f"arr_{i}"])
        print(str(saved["log"]), end="")
        return json.loads(str(saved["result"]))
