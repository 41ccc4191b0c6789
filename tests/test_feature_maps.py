"""shared.feature_maps: one mosaic of a layer's maps, drawn as a figure and as the pad's picture."""

from __future__ import annotations

import numpy as np
import pytest
from conftest import draw
from matplotlib.figure import Figure

import shared
from shared import feature_maps, i18n

RNG = np.random.default_rng(0)
MAPS1 = RNG.uniform(size=(28, 28, 16)).astype("float32")
MAPS2 = RNG.uniform(size=(1, 14, 14, 36)).astype("float32")  # as a layer returns it for one image
IMAGE = RNG.integers(0, 256, (28, 28)).astype(np.uint8)


@pytest.mark.parametrize("count, columns", [(1, 1), (10, 4), (16, 4), (32, 8), (36, 8), (64, 8)])
def test_grid_columns(count, columns):
    assert feature_maps.grid_columns(count) == columns


def test_mosaic_tiles_every_channel_with_gaps():
    maps = RNG.uniform(size=(14, 14, 32)).astype("float32")
    tiled = feature_maps.mosaic(maps)
    assert tiled.shape == (4 * 14 + 3, 8 * 14 + 7)
    assert np.array_equal(tiled[:14, 15:29], maps[:, :, 1])
    assert np.array_equal(tiled[15:29, :14], maps[:, :, 8])
    assert np.isnan(tiled[14]).all() and np.isnan(tiled[:, 14]).all()
    assert feature_maps.mosaic(maps[None]).shape == tiled.shape, "a batch of one image is accepted"
    with pytest.raises(ValueError, match="height, width, channels"):
        feature_maps.mosaic(maps[:, :, 0])


def test_maps_rgb_is_dark_where_strong_and_survives_silent_layers():
    maps = np.zeros((7, 7, 4), np.float32)
    maps[3, 3, 0] = 5.0
    rgb = feature_maps.maps_rgb(maps, tile=7)
    assert rgb.shape == (15, 15, 3) and rgb.min() >= 0 and rgb.max() <= 1
    assert np.allclose(rgb[3, 3], 0) and np.allclose(rgb[0, 0], 1)
    assert np.allclose(rgb[7, 0], feature_maps.GAP_COLOUR)
    assert feature_maps.maps_rgb(np.ones((7, 7, 4)), tile=28).shape == (57, 57, 3), "7×7 maps become 28×28 tiles"
    assert np.isfinite(feature_maps.maps_rgb(np.zeros((7, 7, 4)))).all(), "an all-zero layer is white, not NaN"


@pytest.mark.parametrize("maps, image", [(MAPS1, None), (MAPS1, IMAGE), (MAPS2, IMAGE)])
def test_plot_feature_maps_draws_the_mosaic(maps, image, lang):
    fig = shared.plot_feature_maps(maps, image=image)
    assert isinstance(fig, Figure)
    grid = fig.axes[0]
    shown = grid.images[0].get_array().filled(np.nan)
    np.testing.assert_array_equal(shown, feature_maps.mosaic(maps, gap=grid_gap(maps)))
    count = feature_maps.as_maps(maps).shape[-1]
    assert [text.get_text() for text in grid.texts] == [str(i) for i in range(count)], "every map is numbered"
    assert grid.images[0].get_clim() == pytest.approx((0.0, float(np.max(maps)))), "one grey scale per layer"
    height, width, _ = feature_maps.as_maps(maps).shape
    assert fig.get_suptitle() == i18n.t("feature_maps", lang).format(count=count, height=height, width=width)
    titles = [ax.get_title() for ax in fig.axes]
    assert (i18n.t("input_image", lang) in titles) == (image is not None)
    assert len(fig.axes) == 2 + (image is not None), "the grid, the colour bar and the input image if given"
    assert draw(fig) == []


def grid_gap(maps: np.ndarray) -> int:
    return max(1, feature_maps.as_maps(maps).shape[0] // 9)


def test_wrong_shapes_are_refused_with_a_message():
    for helper in (shared.plot_feature_maps, feature_maps.mosaic, feature_maps.maps_rgb):
        with pytest.raises(ValueError, match="height, width, channels"):
            helper(MAPS1[:, :, 0])


def test_messages_and_numbers_follow_the_course_language(speak):
    speak("fr")
    with pytest.raises(ValueError, match=r"^des cartes de caractéristiques de forme \(hauteur, largeur, canaux\)"):
        feature_maps.mosaic(MAPS1[:, :, 0])
    fig = shared.plot_feature_maps(MAPS1)  # activations from 0 to about 1
    draw(fig)
    ticks = [label.get_text() for label in fig.axes[-1].get_yticklabels()]
    assert "0,2" in ticks and not any("." in tick for tick in ticks), ticks
