"""shared.drawpad: the pictures, the static figures in every language, and the widget without a browser.

tests/test_browser.py drives the same widget in a real browser.
"""

from __future__ import annotations

import base64
import io

import numpy as np
import pytest
from conftest import draw
from matplotlib.figure import Figure
from PIL import Image

import shared
from shared import drawpad, i18n

RNG = np.random.default_rng(0)
SHAPES = {"conv1": (28, 28, 16), "pool1": (14, 14, 16), "conv2": (14, 14, 32), "pool2": (7, 7, 32)}
SEVEN = [[[60, 50], [210, 50], [120, 240]]]


def fake_look_inside(image: np.ndarray) -> shared.Inspection:
    """Stands in for the lesson's network: deterministic numbers of the right shapes."""
    assert image.shape == (28, 28) and image.dtype == np.uint8
    logits = np.arange(10, dtype=float)
    probabilities = np.exp(logits) / np.exp(logits).sum()
    maps = {name: RNG.uniform(size=shape).astype("float32") for name, shape in SHAPES.items()}
    saliency = (image.astype("float32") / 255) * np.where(np.arange(28) < 14, 1.0, -1.0)
    return shared.Inspection(probabilities, maps, saliency)


def broken_look_inside(image: np.ndarray) -> shared.Inspection:
    raise RuntimeError("the model is not trained")


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def decode(url: str) -> np.ndarray:
    prefix = "data:image/png;base64,"
    assert url.startswith(prefix)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url[len(prefix):]))))


# --- pictures as arrays ---------------------------------------------------------------------


def test_saliency_rgb_is_red_for_blue_against():
    image = np.full((28, 28), 255, np.uint8)
    saliency = np.zeros((28, 28))
    saliency[0, 0], saliency[1, 1] = 1.0, -1.0
    rgb = drawpad.saliency_rgb(image, saliency)
    assert rgb[0, 0, 0] > 0.8 > rgb[0, 0, 2]
    assert rgb[1, 1, 2] > 0.7 > rgb[1, 1, 0]
    assert np.allclose(rgb[5, 5], 0.7), "no influence: just the grey digit"
    assert np.isfinite(drawpad.saliency_rgb(image, np.zeros((28, 28)))).all()


def test_png_data_url_round_trips():
    rgb = RNG.uniform(size=(5, 7, 3))
    pixels = decode(drawpad.png_data_url(rgb, scale=3))
    assert pixels.shape == (15, 21, 3)
    assert np.array_equal(pixels[::3, ::3], np.round(rgb * 255).astype(np.uint8))


# --- static figures -------------------------------------------------------------------------


def test_plot_inside_in_every_language(lang):
    image = shared.to_mnist(shared.render_strokes(SEVEN))
    fig = shared.plot_inside(image, fake_look_inside(image), label=7)
    assert isinstance(fig, Figure)
    titles = [ax.get_title() for ax in fig.axes]
    assert i18n.t("pad_probabilities") in titles
    assert any(title.startswith(i18n.joined("conv2", "")) for title in titles)
    assert i18n.pair("true", 7) in fig._suptitle.get_text()
    assert draw(fig) == []


def test_preprocessing_figures_in_every_language(lang):
    drawings = shared.load_drawings()[:4]
    canvases = [shared.render_strokes(d.strokes) for d in drawings]
    shrunk = np.stack([shared.shrink(c) for c in canvases])
    prepared = np.stack([shared.to_mnist(c) for c in canvases])
    labels = [d.label for d in drawings]
    fig = shared.plot_preprocessing(canvases, shrunk, prepared, labels, [1, 1, 1, 1], labels)
    assert fig._suptitle.get_text() == i18n.t("prep_title")
    assert draw(fig) == []
    steps = shared.plot_preprocess_steps(canvases[0])
    assert [ax.get_title() for ax in steps.axes] == [i18n.t(k) for k in
                                                     ("prep_step_box", "prep_step_scale", "prep_step_centre")]
    assert draw(steps) == []


def test_preprocess_steps_figure_refuses_a_blank_canvas():
    with pytest.raises(ValueError, match="blank"):
        shared.plot_preprocess_steps(np.zeros((280, 280), np.uint8))


# --- analyse: what the widget shows ---------------------------------------------------------


def test_analyse_a_blank_pad_gives_a_friendly_message(english):
    digit, result = drawpad.analyse([], fake_look_inside)
    assert digit is None
    assert result == {"status": "empty", "message": i18n.t("pad_empty")}


def test_analyse_a_drawing(english):
    digit, result = drawpad.analyse(SEVEN, fake_look_inside)
    assert digit.shape == (28, 28)
    assert result["status"] == "ok" and result["best"] == 9
    assert len(result["probabilities"]) == 10 and abs(sum(result["probabilities"]) - 1) < 1e-6
    assert result["message"].startswith("Pred: 9")
    assert [layer["name"] for layer in result["layers"]] == list(SHAPES)
    assert result["layers"][0]["title"] == "conv1: 16 feature maps of 28×28 pixels"
    assert decode(result["input"]).shape == (140, 140, 3)
    for layer in result["layers"]:  # every layer's tiles are 28 pixels (enlarged twice): 4 rows of them
        assert decode(layer["src"]).shape[0] == 2 * (4 * 28 + 3)
    assert "9" in result["saliency_title"]


def test_analyse_reports_errors_instead_of_raising():
    _, result = drawpad.analyse([[[1, 2, 3]]], fake_look_inside)
    assert result["status"] == "error" and "stroke 0" in result["message"]
    _, result = drawpad.analyse(SEVEN, broken_look_inside)
    assert result == {"status": "error", "message": "RuntimeError: the model is not trained"}


# --- the widget object ----------------------------------------------------------------------


def test_drawpad_updates_when_the_strokes_change(english):
    pad = shared.DrawPad(fake_look_inside)
    assert pad.result["status"] == "empty" and pad.digit is None
    pad.strokes = SEVEN
    assert pad.result["status"] == "ok" and pad.result["best"] == 9
    assert pad.result["stroke_count"] == 1, "the browser matches answers to drawings by their stroke count"
    assert pad.digit.shape == (28, 28)
    serial = pad.result["serial"]
    pad.strokes = [*SEVEN, [[500, 500], [600, 600]]]  # a stroke off the canvas: same picture, new result
    assert pad.result["serial"] == serial + 1, "the browser waits for a new result after every stroke"
    pad.clear()
    assert pad.strokes == [] and pad.result["status"] == "empty" and pad.digit is None


def test_drawpad_speaks_the_course_language():
    i18n.set_language("fr")
    try:
        pad = shared.DrawPad(fake_look_inside)
        assert pad.labels["clear"] == "Effacer"
        assert pad.result["message"] == i18n.t("pad_empty")
        assert repr(pad) == i18n.t("pad_text")
    finally:
        i18n.set_language("en")


def test_drawpad_shows_a_text_fallback_and_ships_its_front_end(english):
    pad = shared.DrawPad(fake_look_inside)
    data, _ = pad._repr_mimebundle_()
    assert data["text/plain"] == i18n.t("pad_text")
    assert "application/vnd.jupyter.widget-view+json" in data
    script, style = str(pad._esm), str(pad._css)  # the contents of drawpad.js and drawpad.css
    assert "export default { render }" in script
    for name in ("drawpad-canvas", "drawpad-clear", "drawpad-score", "drawpad-layer", "pointerdown"):
        assert name in script
    assert ".drawpad-canvas" in style and "touch-action: none" in style


def test_drawpad_sends_its_colours_and_sizes_the_canvas_from_python(english):
    pad = shared.DrawPad(fake_look_inside)
    state = pad.get_state()
    assert state["colours"] == drawpad.PAD_COLOURS
    assert state["colours"]["best"] == drawpad.BEST_COLOUR and state["colours"]["other"] == drawpad.OTHER_COLOUR
    assert state["canvas_size"] == drawpad.CANVAS_SIZE
    script, style = str(pad._esm), str(pad._css)
    assert "--drawpad-canvas-size" in script and "--drawpad-canvas-size" in style
    for colour in ("best", "other", "paper"):
        assert f"var(--drawpad-{colour})" in style
    # Defined once, in Python: the CSS holds no copy of the canvas size or the bar colours.
    for copy in ("280px", f"{drawpad.CANVAS_SIZE}px", drawpad.BEST_COLOUR, drawpad.OTHER_COLOUR):
        assert copy.lower() not in style.lower()
    for colour in drawpad.PAD_COLOURS.values():
        assert colour.lower() not in script.lower(), "the canvas is painted with the colours Python sends"


@pytest.mark.parametrize("strokes, problem", [
    ([[[140, 140]]], "input_dot"),
    ([[[10, y], [270, y]] for y in range(10, 280, 15)], "input_filled"),
])
def test_analyse_answers_a_drawing_that_is_no_digit_with_a_message(lang, strokes, problem):
    digit, result = drawpad.analyse(strokes, broken_look_inside)  # the network is never asked
    assert digit is None
    assert result == {"status": "problem", "problem": problem, "message": i18n.t(problem)}


def test_plot_variants_in_every_language(lang):
    variants = shared.preprocess.drawing_variants(SEVEN)
    correct = {"aug_without": {key: 0.5 for key in variants}, "aug_with": {key: 1.0 for key in variants}}
    fig = drawpad.plot_variants(variants, correct)
    assert fig._suptitle.get_text() == i18n.t("aug_title")
    assert [text.get_text() for text in fig.axes[-1].get_legend().get_texts()] == [i18n.t("aug_without"),
                                                                                   i18n.t("aug_with")]
    assert draw(fig) == []


# --- numbers and messages in the course's language ------------------------------------------


def test_the_payload_writes_percentages_in_the_course_language(speak):
    speak("en")
    _, english = drawpad.analyse(SEVEN, fake_look_inside)
    assert english["percents"][9] == "63.2%" and english["message"] == "Pred: 9 (63.2%)"
    speak("fr")
    _, result = drawpad.analyse(SEVEN, fake_look_inside)
    assert result["probabilities"] == english["probabilities"], "the bars' widths stay numbers"
    assert result["percents"][9] == "63,2\u00a0%", "a decimal comma and a non-breaking space before %"
    assert all("," in text and "." not in text for text in result["percents"])
    assert result["message"] == "Préd. : 9 (63,2\u00a0%)"
    speak("zh")
    _, result = drawpad.analyse(SEVEN, fake_look_inside)
    assert result["message"] == "预测：9（63.2%）"


def test_the_browser_shows_the_percentages_python_writes(english):
    script = str(shared.DrawPad(fake_look_inside)._esm)
    assert "result.percents[digit]" in script
    assert script.count("toFixed") == 1, "only the bars' widths are computed in the browser"


def test_figures_write_numbers_in_the_course_language(speak):
    speak("fr")
    image = shared.to_mnist(shared.render_strokes(SEVEN))
    fig = shared.plot_inside(image, fake_look_inside(image), label=7)
    draw(fig)
    bars = next(ax for ax in fig.axes if ax.get_title() == i18n.t("pad_probabilities"))
    assert [label.get_text() for label in bars.get_yticklabels()] == ["0,0", "0,5", "1,0"]
    assert [text.get_text() for text in bars.texts] == ["63,2\u00a0%"]
    variants = shared.preprocess.drawing_variants(SEVEN)
    fig = drawpad.plot_variants(variants, {"aug_without": {key: 0.5 for key in variants}})
    draw(fig)
    assert [label.get_text() for label in fig.axes[-1].get_yticklabels()] == ["0\u00a0%", "50\u00a0%", "100\u00a0%"]
    assert {text.get_text() for text in fig.axes[-1].texts} == {"50\u00a0%"}


def test_a_blank_canvas_is_refused_in_the_course_language(speak):
    speak("es")
    with pytest.raises(ValueError, match="^el lienzo está en blanco"):
        shared.plot_preprocess_steps(np.zeros((280, 280), np.uint8))


# --- the pad's picture, for readers without a kernel ----------------------------------------


def test_the_pad_picture_shows_a_bundled_drawing_titled_in_every_language(lang):
    seen = []

    def recording_look_inside(image):
        seen.append(image)
        return fake_look_inside(image)

    drawing = shared.load_drawings()[drawpad.PICTURE_DRAWING]
    fig = drawpad.plot_pad_picture(recording_look_inside, drawing)
    assert len(seen) == 1 and np.array_equal(seen[0], shared.to_mnist(shared.render_strokes(drawing.strokes)))
    heading, title = fig._suptitle.get_text().split("\n")
    assert heading == i18n.t("pad_picture")
    assert title == i18n.pair("true", drawing.label) + "   " + i18n.pair("pred", 9)
    assert i18n.t("pad_probabilities") in [ax.get_title() for ax in fig.axes]
    assert draw(fig) == [], "every glyph of the title is in the language's font"


def test_the_pad_display_carries_its_picture_beside_the_widget(english):
    pad = shared.DrawPad(fake_look_inside)
    data, _ = pad._repr_mimebundle_()
    assert data["text/plain"] == i18n.t("pad_text")
    assert data["application/vnd.jupyter.widget-view+json"]["model_id"] == pad.model_id
    picture = Image.open(io.BytesIO(base64.b64decode(data["image/png"])))
    assert picture.format == "PNG" and picture.width > 600 and picture.height > picture.width
    pixels = np.asarray(picture.convert("RGB"))
    assert (pixels[:5, :5] == 255).all(), "a white background, also on a dark page"
    assert (np.abs(pixels.astype(int) - np.array(drawpad.FOR_COLOUR * 255)).sum(axis=2) < 30).any(), \
        "the saliency map's red is in the picture"


def test_ipython_stores_the_picture_with_the_pad(english):
    """What a notebook stores when a cell ends with ``pad``: IPython's own formatter, as the kernel runs it."""
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(shared.DrawPad(fake_look_inside))
    assert {"text/plain", "application/vnd.jupyter.widget-view+json", "image/png"} <= set(data)


def test_a_failing_network_leaves_the_pad_without_a_picture_but_still_shown(english):
    pad = shared.DrawPad(broken_look_inside)
    data, _ = pad._repr_mimebundle_()
    assert "image/png" not in data
    assert set(data) == {"text/plain", "application/vnd.jupyter.widget-view+json"}
