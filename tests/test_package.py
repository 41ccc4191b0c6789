"""The helper package itself: a light import, every public name reachable, nothing hidden."""

from __future__ import annotations

import subprocess
import sys

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
