"""The exercises' self-checks (shared/checks.py, shared/answers/NN.json): feedback in four
languages, right or wrong with a nudge, never the expected answer."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest

import shared
from shared import checks, i18n

ANSWERS = Path(shared.__file__).parent / "answers"
ALL_CHECKS = sorted(f"{path.stem}.{key}" for path in ANSWERS.glob("*.json")
                    for key in json.loads(path.read_text(encoding="utf-8")))


def feedback(capsys, name, answer) -> str:
    checks.check(name, answer)
    return capsys.readouterr().out


def spellings(answer) -> set[str]:
    """Ways a nudge could give a numeric answer away: 3612672, 3,612,672, 3 612 672, 1.61..."""
    values = answer if isinstance(answer, list) else [answer]
    found = set()
    for value in values:
        if isinstance(value, str):
            continue
        if float(value).is_integer():
            number = int(value)
            found |= {str(number), f"{number:,}", f"{number:,}".replace(",", " "), f"{number:,}".replace(",", "\u202f")}
        else:
            found |= {f"{value:.2f}", f"{value:.3f}", f"{value:.2f}".replace(".", ",")}
    return {s for s in found if len(s) > 1 or len(values) == 1}


def test_every_lesson_has_an_answers_file():
    assert sorted(p.stem for p in ANSWERS.glob("*.json")) == ["01", "02", "03", "04", "05", "06"]


@pytest.mark.parametrize("name", ALL_CHECKS)
def test_a_check_has_a_nudge_in_every_language_that_keeps_the_answer(name):
    spec = checks.spec(name)
    assert set(spec["nudge"]) == set(i18n.LANGUAGES)
    for lang, nudge in spec["nudge"].items():
        assert nudge.strip(), f"{name}: empty nudge in {lang}"
        given_away = [s for s in spellings(spec["answer"]) if re.search(rf"(?<![\d.,]){re.escape(s)}(?![\d])", nudge)]
        assert not given_away, f"{name}: the {lang} nudge gives the answer away: {given_away}"


@pytest.mark.parametrize("name", [n for n in ALL_CHECKS if checks.spec(n)["answer"] != "softmax"])  # see below
def test_the_expected_answer_is_right_and_a_wrong_one_is_not(name):
    spec = checks.spec(name)
    expected, tolerance = spec["answer"], spec.get("tolerance", 0)
    assert checks.is_right(expected, tolerance, expected)
    wrong = [v + 1 + 2 * tolerance for v in expected] if isinstance(expected, list) else expected + 1 + 2 * tolerance
    assert not checks.is_right(expected, tolerance, wrong)


def test_feedback_is_in_the_notebook_language_and_never_shows_the_answer(capsys, monkeypatch, lang):
    name = "test.loss"
    spec = {"answer": math.log(5), "tolerance": 0.001,
            "nudge": {"en": "Think of ln.", "es": "Piensa en ln.", "zh": "想想 ln。", "fr": "Pensez à ln."}}
    monkeypatch.setattr(checks, "spec", lambda _: spec)
    assert feedback(capsys, name, None).strip() == i18n.t("check_missing", lang)
    assert feedback(capsys, name, 1.6094).strip() == i18n.t("check_right", lang)
    wrong = feedback(capsys, name, 2.3026).strip()
    assert wrong == i18n.t("check_wrong", lang).format(nudge=spec["nudge"][lang])
    assert "1.609" not in wrong and "1,609" not in wrong
    assert feedback(capsys, name, "a word").strip() == wrong  # not a number: wrong, no crash
    assert checks.RESULTS[name] is False


def stable_softmax(logits):
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def naive_softmax(logits):
    return np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # the naive softmax overflows: that is the point
def test_a_hand_written_softmax_must_survive_large_scores():
    assert checks.is_right("softmax", 0, stable_softmax)
    assert checks.is_right("softmax", 0, lambda z: __import__("tensorflow").nn.softmax(z).numpy())
    assert not checks.is_right("softmax", 0, naive_softmax)
    assert not checks.is_right("softmax", 0, lambda z: z)
    assert not checks.is_right("softmax", 0, 0.5)


def test_an_unknown_check_says_what_to_do():
    with pytest.raises(KeyError, match="copy the name from the exercise"):
        checks.check("01.no_such_check", 1)


def test_an_unknown_check_is_explained_in_the_course_language(speak):
    speak("fr")
    with pytest.raises(KeyError, match="Il n'existe aucune vérification nommée '01.no_such_check'.*: copiez le nom"):
        checks.check("01.no_such_check", 1)
