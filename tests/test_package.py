"""The helper package itself: a light import, every public name reachable, nothing hidden."""

from __future__ import annotations

import ast
import subprocess
import sys
import types
from pathlib import Path

import pytest

import shared

HEAVY = ("tensorflow", "keras", "matplotlib", "anywidget", "pandas")


def test_importing_shared_loads_nothing_heavy():
    code = f"import sys, shared; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == [], f"`import shared` imported {loaded}; import them where they are used"


@pytest.mark.parametrize("name", shared.__all__)
def test_every_public_name_is_reachable(name):
    assert getattr(shared, name) is not None
    assert name in dir(shared)


def test_modules_are_reachable_as_attributes():
    assert shared.i18n.t("accuracy", "fr") == "Exactitude"
    assert callable(shared.setup) and shared.notebook.setup is shared.setup, "the function no longer hides its module"


def test_an_unknown_name_says_so():
    with pytest.raises(AttributeError, match="no attribute 'plot_everything'"):
        shared.plot_everything  # noqa: B018


def test_the_version_check_speaks_the_notebook_language(monkeypatch):
    from shared import notebook

    monkeypatch.setattr(notebook, "tf", types.SimpleNamespace(__version__="2.19.1"))
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    with pytest.raises(RuntimeError) as info:
        notebook.check_versions("fr")
    assert str(info.value) == ("Ce cours nécessite TensorFlow >= 2.20, mais ce noyau a la version 2.19.1. Installez "
                               "l'environnement du cours (voir README.fr.md : `python3 course.py lab --lang fr`) "
                               "et choisissez son noyau.")
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    with pytest.raises(RuntimeError, match=r"^本课程需要 TensorFlow >= 2\.20.*代码执行程序 > 重启会话"):
        notebook.check_versions("zh")
    with pytest.raises(RuntimeError, match=r"This course needs TensorFlow >= 2\.20.*Runtime > Restart session"):
        notebook.check_versions("en")


def test_setup_refuses_an_unknown_language_before_anything_else(monkeypatch):
    from shared import notebook

    monkeypatch.setattr(notebook, "check_versions", lambda lang: pytest.fail("checked versions first"))
    with pytest.raises(ValueError, match="COURSE_LANG must be one of en, es, zh, fr, not 'de'"):
        notebook.setup("de")


# The only messages of `shared` that are not translated: set_language's own (the language is
# unknown when it speaks) and the AttributeError of a misspelt helper, as Python writes it.
UNTRANSLATED = {("i18n.py", "set_language"), ("__init__.py", "__getattr__")}


def test_every_message_for_the_learner_goes_through_i18n():
    """No helper makes an exception whose text is written in the code (it would be English)."""
    written = []
    for path in sorted(Path(shared.__file__).parent.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef) or (path.name, function.name) in UNTRANSLATED:
                continue
            for node in ast.walk(function):  # e.g. ValueError("..."), DatasetError(f"...")
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id.endswith(("Error", "Exception"))
                        and any(isinstance(arg, (ast.Constant, ast.JoinedStr)) for arg in node.args)):
                    written.append(f"{path.name}:{node.lineno}")
    assert not written, f"messages written in English; use i18n.t(...) instead: {written}"
