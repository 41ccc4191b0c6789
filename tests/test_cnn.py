"""CNN helpers: filter figures in every language, the network and its recipe."""

from __future__ import annotations

import keras
import numpy as np
import pytest
from conftest import draw
from matplotlib.figure import Figure

import shared
from shared import cnn, i18n

RNG = np.random.default_rng(0)
CONV1 = RNG.normal(size=(5, 5, 1, 16)).astype("float32")
CONV2 = RNG.normal(size=(5, 5, 16, 36)).astype("float32")


def image_axes(fig: Figure) -> list:
    return [ax for ax in fig.axes if ax.images and ax.get_label() != "<colorbar>"]


@pytest.mark.parametrize("weights, channel, filters", [(CONV1, 0, 16), (CONV2, 0, 36), (CONV2, 1, 36)])
def test_conv_weights_one_panel_per_filter(weights, channel, filters, lang):
    fig = shared.plot_conv_weights(weights, input_channel=channel)
    assert isinstance(fig, Figure)
    assert len(image_axes(fig)) == filters
    assert len(fig.axes) == filters + 1, "one axes per filter plus the colour bar"
    assert fig.get_suptitle() == i18n.t("conv_weights", lang).format(channel=channel)
    assert draw(fig) == []


def test_conv_weights_share_one_scale_centred_on_zero():
    fig = shared.plot_conv_weights(CONV2, input_channel=1)
    limit = np.abs(CONV2).max()
    for ax in image_axes(fig):
        assert ax.images[0].get_clim() == pytest.approx((-limit, limit))
    shown = np.stack([ax.images[0].get_array() for ax in image_axes(fig)], axis=-1)
    assert np.array_equal(shown, CONV2[:, :, 1, :])


def test_wrong_shapes_are_refused_with_a_message():
    with pytest.raises(ValueError, match="height, width"):
        shared.plot_conv_weights(CONV1[:, :, 0, :])


def test_build_cnn_is_the_lessons_network():
    model = shared.build_cnn()
    shapes = {layer.name: tuple(layer.output.shape[1:]) for layer in model.layers}
    assert shapes == {"image": (28, 28, 1), "conv1": (28, 28, 16), "pool1": (14, 14, 16),
                      "conv2": (14, 14, 36), "pool2": (7, 7, 36), "flatten": (1764,), "fc1": (128,),
                      "logits": (10,)}
    expected = (5 * 5 * 1 * 16 + 16) + (5 * 5 * 16 * 36 + 36) + (1764 * 128 + 128) + (128 * 10 + 10)
    assert model.count_params() == expected == 242_062


def test_course_optimizer_warms_up_then_decays_to_zero():
    schedule = cnn.course_schedule(steps_per_epoch=430)
    rates = [float(schedule(step)) for step in (0, cnn.WARMUP_STEPS, cnn.WARMUP_STEPS + 2 * 430)]
    assert rates == pytest.approx([cnn.START_LEARNING_RATE, cnn.PEAK_LEARNING_RATE, 0.0], abs=1e-9)
    assert isinstance(shared.course_optimizer(steps_per_epoch=430), keras.optimizers.Adam)


def test_messages_and_numbers_follow_the_course_language(speak):
    speak("fr")
    with pytest.raises(ValueError, match=r"^un noyau de forme \(hauteur, largeur, entrée, sortie\) était attendu"):
        shared.plot_conv_weights(CONV1[:, :, 0, :])
    fig = shared.plot_conv_weights(CONV1 / 10)  # a colour bar from about -0.3 to 0.3
    draw(fig)
    ticks = [label.get_text() for label in fig.axes[-1].get_yticklabels()]
    assert "0,1" in ticks and not any("." in tick for tick in ticks), ticks
