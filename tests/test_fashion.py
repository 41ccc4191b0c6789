"""Fashion-MNIST class names: ten per language, in label order, following the chosen language."""

from __future__ import annotations

import pytest

from shared import i18n


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_ten_distinct_names_per_language(lang):
    names = i18n.fashion_class_names(lang)
    assert len(names) == 10
    assert len(set(names)) == 10, "two classes share a name"
    assert all(name.strip() == name and name for name in names)


def test_english_names_follow_the_label_order_of_the_release():
    assert i18n.fashion_class_names("en") == ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                              "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def test_default_is_the_chosen_language():
    try:
        i18n.set_language("fr")
        assert i18n.fashion_class_names() == i18n.fashion_class_names("fr")
        assert i18n.fashion_class_names()[6] == "Chemise"
    finally:
        i18n.set_language("en")
    assert i18n.fashion_class_names()[6] == "Shirt"


def test_names_fit_on_a_figure_axis():
    """Confusion-matrix and bar-chart axes show the names in full: keep them short."""
    for lang in i18n.LANGUAGES:
        assert max(len(name) for name in i18n.fashion_class_names(lang)) <= 14, lang
