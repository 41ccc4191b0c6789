"""Self-checks for exercises: ``shared.check("02.fc1_without_pooling", answer)``.

The learner writes an answer in a code cell and runs it; the check says "right", or
"not yet" with a nudge, in the notebook's language. It never prints the expected answer.
The answers and nudges of lesson NN live in ``shared/answers/NN.json``:

    {"fc1_without_pooling": {"answer": 3612672,
                             "nudge": {"en": "...", "es": "...", "zh": "...", "fr": "..."}}}

``answer`` is a number, a list of numbers (e.g. a shape), or ``"softmax"``: then the
learner's answer is a function, compared with a reference softmax on a few inputs.
Numbers match within ``tolerance`` (default 0, i.e. exactly; give one for results
that are rounded).
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from .i18n import language, t

# The outcome of the last call of each check, by name (True: right); the course's tests
# read it after running the solutions.
RESULTS: dict[str, bool] = {}


@cache
def lesson_checks(lesson: str) -> dict:
    """The checks of one lesson ("01" ... "06"), read from shared/answers/<lesson>.json."""
    text = resources.files(__package__).joinpath("answers", f"{lesson}.json").read_text(encoding="utf-8")
    return json.loads(text)


def spec(name: str) -> dict:
    """The answer, tolerance and nudges of the check ``name`` ("<lesson>.<key>")."""
    lesson, _, key = name.partition(".")
    try:
        return lesson_checks(lesson)[key]
    except (FileNotFoundError, KeyError):
        raise KeyError(t("check_unknown").format(name=repr(name))) from None


def is_right(expected, tolerance: float, answer) -> bool:
    """Whether ``answer`` matches ``expected`` (a number, a list of numbers or "softmax")."""
    if expected == "softmax":
        return _softmax_is_right(answer)
    if isinstance(expected, list):
        if isinstance(answer, (str, bytes, dict)):
            return False
        try:
            answer = list(answer)
        except TypeError:
            return False
        return len(answer) == len(expected) and all(
            _number_is_right(e, tolerance, a) for e, a in zip(expected, answer))
    return _number_is_right(expected, tolerance, answer)


def _number_is_right(expected: float, tolerance: float, answer) -> bool:
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return False
    return math.isfinite(value) and abs(value - expected) <= tolerance


# Inputs for a hand-written softmax: a row of equal scores, a usual row, and scores so
# large that exp() overflows unless the maximum is subtracted first.
SOFTMAX_INPUTS = ([[0.0, 0.0, 0.0, 0.0]], [[1.0, 2.0, 3.0, 0.5], [-1.0, 0.0, 4.0, 2.0]], [[1000.0, 999.0, 0.0, -5.0]])


def _softmax_is_right(function) -> bool:
    import numpy as np

    if not callable(function):
        return False
    for rows in SOFTMAX_INPUTS:
        logits = np.array(rows, dtype="float32")
        expected = np.exp(logits - logits.max(axis=1, keepdims=True))
        expected /= expected.sum(axis=1, keepdims=True)
        try:
            result = np.asarray(function(logits), dtype="float64")
        except Exception:  # a learner's function may fail in any way: that is a wrong answer
            return False
        if result.shape != expected.shape or not np.allclose(result, expected, atol=1e-5):
            return False
    return True


def check(name: str, answer) -> None:
    """Print whether ``answer`` is right for the exercise check ``name``, with a nudge if not."""
    details = spec(name)
    if answer is None:
        print(t("check_missing"))
        return
    right = is_right(details["answer"], details.get("tolerance", 0), answer)
    RESULTS[name] = right
    print(t("check_right") if right else t("check_wrong").format(nudge=details["nudge"][language()]))

