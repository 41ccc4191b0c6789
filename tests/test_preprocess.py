"""shared.preprocess: strokes become canvases, canvases become MNIST-style digits."""

from __future__ import annotations

import numpy as np
import pytest

import shared
from shared import i18n, preprocess
from shared.preprocess import BOX_SIZE, CANVAS_SIZE, MNIST_SIZE

SEVEN = [[[60, 50], [210, 50], [120, 240]]]  # a 7 in one stroke, on a 280×280 canvas


def ink_extent(image: np.ndarray, level: int = 0) -> tuple[int, int]:
    """Height and width of the pixels above ``level``."""
    rows, columns = np.nonzero(np.asarray(image) > level)
    return rows.max() - rows.min() + 1, columns.max() - columns.min() + 1


def bar(height: int, width: int, top: int = 40, left: int = 50, size: int = 200) -> np.ndarray:
    image = np.zeros((size, size), np.uint8)
    image[top:top + height, left:left + width] = 255
    return image


# --- render_strokes -------------------------------------------------------------------------


def test_render_strokes_draws_ink_on_a_blank_canvas():
    canvas = shared.render_strokes(SEVEN)
    assert canvas.shape == (CANVAS_SIZE, CANVAS_SIZE) and canvas.dtype == np.uint8
    assert set(np.unique(canvas)) == {0, 255}
    assert canvas[50, 130] == 255, "the top bar of the 7 is inked"
    assert canvas[200, 50] == 0, "the lower left stays empty"


def test_render_strokes_of_nothing_is_blank_and_a_dot_is_round():
    assert not shared.render_strokes([]).any()
    dot = shared.render_strokes([[[100, 100]]], width=20)
    height, width = ink_extent(dot)
    assert 18 <= height <= 22 and 18 <= width <= 22


@pytest.mark.parametrize("strokes", [[[[1, 2, 3]]], [["ab"]], [[[1, float("nan")]]], [5]])
def test_render_strokes_rejects_malformed_strokes(strokes):
    with pytest.raises(ValueError, match="stroke 0"):
        shared.render_strokes(strokes)


# --- to_mnist: shape checks and the blank canvas ---------------------------------------------


@pytest.mark.parametrize("image, words", [
    (np.zeros(784), "2-D grey image"),
    (np.zeros((28, 28, 3)), "drop the channel axis"),
    (np.zeros((2, 28, 28)), "2-D grey image"),
    (np.zeros((0, 28)), "empty"),
    (np.full((28, 28), np.nan), "NaN"),
    (np.full((28, 28), 300.0), "0 .background. to 255"),
    (np.full((28, 28), -1.0), "0 .background. to 255"),
    (np.full((28, 28), "x"), "numbers"),
])
def test_wrong_input_gives_a_clear_value_error(image, words):
    with pytest.raises(ValueError, match=words):
        shared.to_mnist(image)
    with pytest.raises(ValueError, match=words):
        shared.shrink(image)


@pytest.mark.parametrize("image, words", [
    (np.zeros((28, 28, 3)), "une image 2-D en niveaux de gris (hauteur, largeur) était attendue, mais sa forme est "
                            "(28, 28, 3) : convertissez d'abord"),
    (np.zeros((0, 28)), "mais elle est vide"),
    (np.full((28, 28), np.nan), "l'image contient des valeurs NaN"),
    (np.full((28, 28), 300.5), "de 0 (fond) à 255 (encre) étaient attendus, mais les valeurs vont de 300,50 à 300,50"),
])
def test_wrong_input_is_explained_in_the_course_language(image, words, speak):
    speak("fr")
    with pytest.raises(ValueError) as error:
        shared.to_mnist(image)
    assert words in str(error.value)


def test_malformed_strokes_are_explained_in_the_course_language(speak):
    speak("fr")
    with pytest.raises(ValueError, match=r"^le trait 1 n'est pas une liste de points \(x, y\)\u00a0: "):
        shared.render_strokes([[[1, 2]], [[1, 2, 3]]])
    speak("zh")
    with pytest.raises(ValueError, match="^第 0 道笔画含有 NaN 或无穷大的坐标$"):
        shared.render_strokes([[[1, float("inf")]]])


def test_a_blank_canvas_gives_none_not_an_exception():
    assert shared.to_mnist(np.zeros((CANVAS_SIZE, CANVAS_SIZE), np.uint8)) is None
    faint = np.full((50, 50), preprocess.INK_LEVEL, np.uint8)  # scanner-like background noise
    assert shared.to_mnist(faint) is None
    assert preprocess.preprocess_steps(np.zeros((5, 5))) is None


# --- to_mnist: what MNIST's authors did ------------------------------------------------------


def test_result_looks_like_an_mnist_image():
    digit = shared.to_mnist(shared.render_strokes(SEVEN))
    assert digit.shape == (MNIST_SIZE, MNIST_SIZE) and digit.dtype == np.uint8
    assert digit.max() == 255 and digit.min() == 0


def test_bounding_box_is_scaled_to_fit_20_by_20_keeping_the_aspect_ratio():
    tall = shared.to_mnist(bar(100, 20))  # 5:1 upright bar
    height, width = ink_extent(tall, level=64)
    assert height == BOX_SIZE
    assert 3 <= width <= 5
    wide = shared.to_mnist(bar(10, 150))
    height, width = ink_extent(wide, level=64)
    assert width == BOX_SIZE and height <= 3


def test_small_drawings_are_enlarged_too():
    small = shared.to_mnist(bar(8, 8, top=10, left=10, size=40))  # on a 200×200 canvas it would be a dot
    assert ink_extent(small, level=64) == (BOX_SIZE, BOX_SIZE)


def test_centre_of_mass_lands_at_the_centre():
    for strokes in (SEVEN, [[[20, 20], [20, 120], [90, 120]]], [[[250, 200], [200, 260]]]):
        digit = shared.to_mnist(shared.render_strokes(strokes))
        row, column = preprocess.center_of_mass(digit)
        middle = (MNIST_SIZE - 1) / 2
        assert abs(row - middle) <= 0.5 and abs(column - middle) <= 0.5, (row, column)


def test_position_on_the_canvas_does_not_matter():
    moved = [[[x - 40, y - 30] for x, y in stroke] for stroke in SEVEN]
    original = shared.to_mnist(shared.render_strokes(SEVEN))
    assert np.array_equal(original, shared.to_mnist(shared.render_strokes(moved)))


def test_size_on_the_canvas_barely_matters():
    half = [[[x / 2, y / 2] for x, y in stroke] for stroke in SEVEN]
    big = shared.to_mnist(shared.render_strokes(SEVEN)).astype(float)
    small = shared.to_mnist(shared.render_strokes(half, width=preprocess.STROKE_WIDTH / 2)).astype(float)
    # Centring shifts by whole pixels, so the two may sit one pixel apart.
    differences = [np.abs(big - np.roll(small, (dy, dx), axis=(0, 1))).mean()
                   for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    assert min(differences) < 5  # grey levels out of 255


def test_edges_are_anti_aliased():
    digit = shared.to_mnist(shared.render_strokes(SEVEN))
    grey = np.count_nonzero((digit > 20) & (digit < 235))
    assert grey > 20, "scaling with a smoothing filter leaves grey pixels along the strokes"


def test_the_digit_is_never_cut_off():
    corner = np.zeros((100, 100), np.uint8)
    corner[0:60, 0:6] = 255  # a stroke with all its mass on one side
    corner[0:6, 0:60] = 255
    digit = shared.to_mnist(corner)
    assert digit.sum() >= 0.95 * preprocess.preprocess_steps(corner).scaled.sum() * 255


def test_steps_agree_with_the_result():
    canvas = shared.render_strokes(SEVEN)
    steps = preprocess.preprocess_steps(canvas)
    top, bottom, left, right = steps.box
    assert canvas[top:bottom, left:right].any() and not canvas[:top].any() and not canvas[bottom:].any()
    assert max(steps.scaled.shape) == BOX_SIZE
    row, column = steps.offset
    height, width = steps.scaled.shape
    assert np.array_equal(steps.result[row:row + height, column:column + width],
                          np.round(steps.scaled * 255).astype(np.uint8))
    assert np.array_equal(steps.result, shared.to_mnist(canvas))


def test_shrink_scales_the_whole_canvas_without_centring():
    canvas = shared.render_strokes([[[20, 20], [60, 20]]])
    small = shared.shrink(canvas)
    assert small.shape == (MNIST_SIZE, MNIST_SIZE) and small.dtype == np.uint8
    rows, columns = np.nonzero(small > 0)
    assert rows.max() < 8 and columns.max() < 10, "the stroke stays in the top-left corner"


# --- the bundled drawings -------------------------------------------------------------------


def test_bundled_drawings_cover_every_digit_and_fit_the_canvas():
    drawings = shared.load_drawings()
    assert sorted(d.label for d in drawings) == list(range(10))
    for drawing in drawings:
        points = np.array([p for stroke in drawing.strokes for p in stroke], dtype=float)
        assert points.ndim == 2 and points.shape[1] == 2
        assert points.min() >= 0 and points.max() <= CANVAS_SIZE
        assert shared.to_mnist(shared.render_strokes(drawing.strokes)) is not None


def test_drawing_variants_are_prepared_digits_of_every_kind():
    drawing = shared.load_drawings()[7]
    variants = preprocess.drawing_variants(drawing.strokes)
    assert list(variants) == list(preprocess.VARIANTS)
    for key, image in variants.items():
        assert image.shape == (MNIST_SIZE, MNIST_SIZE) and image.dtype == np.uint8, key
        assert preprocess.input_problem(image) is None, key
    assert np.array_equal(variants["variant_drawn"], shared.to_mnist(shared.render_strokes(drawing.strokes)))
    ink = {key: np.count_nonzero(image > 128) for key, image in variants.items()}
    assert ink["variant_thick"] > ink["variant_drawn"] > ink["variant_thin"]
    assert ink["variant_smaller"] < ink["variant_drawn"]
    assert np.array_equal(variants["variant_shifted"][2:, 3:], variants["variant_drawn"][:-2, :-3])


def test_transform_strokes_turns_and_slants_around_the_centre():
    middle = CANVAS_SIZE / 2
    [[right, above]] = preprocess.transform_strokes([[[middle + 100, middle], [middle, middle - 100]]], angle=90)
    assert right == pytest.approx([middle, middle - 100]), "a quarter turn to the left moves the right up"
    assert above == pytest.approx([middle - 100, middle])
    [[top, centre]] = preprocess.transform_strokes([[[middle, middle - 100], [middle, middle]]], slant=0.5)
    assert top == pytest.approx([middle + 50, middle - 100]) and centre == pytest.approx([middle, middle])


# --- input_problem: images that are no digit -----------------------------------------------


DOT = [[[140, 140]]]
SCRIBBLE = [[[10, y], [270, y]] for y in range(10, 280, 15)]  # strokes that fill the canvas


@pytest.mark.parametrize("image, problem", [
    (shared.render_strokes(DOT), "input_dot"),
    (shared.render_strokes([[[100, 100], [115, 110]]]), "input_dot"),  # a short dash
    (shared.render_strokes(SCRIBBLE), "input_filled"),
    (np.full((280, 280), 255, np.uint8), "input_filled"),
    (shared.render_strokes(SEVEN) / 255, "input_float"),
    ((shared.render_strokes(SEVEN) > 128).astype(np.uint8), "input_float"),  # a mask of 0s and 1s
    (255 - shared.render_strokes(SEVEN), "input_inverted"),
    (255 - shared.to_mnist(shared.render_strokes(SEVEN)), "input_inverted"),
])
def test_input_problem_recognises_what_is_no_digit(image, problem):
    assert preprocess.input_problem(image) == problem
    with pytest.raises(ValueError) as error:
        shared.to_mnist(image)
    assert str(error.value) == i18n.t(problem)


def test_every_problem_has_a_message_in_every_language():
    for problem in ("input_dot", "input_filled", "input_float", "input_inverted"):
        assert all(i18n.t(problem, lang) for lang in i18n.LANGUAGES)


def test_ordinary_drawings_and_digits_are_no_problem():
    assert preprocess.input_problem(np.zeros((280, 280), np.uint8)) is None, "blank: to_mnist returns None"
    for drawing in shared.load_drawings():
        canvas = shared.render_strokes(drawing.strokes)
        assert preprocess.input_problem(canvas) is None, drawing.label
        assert preprocess.input_problem(shared.to_mnist(canvas)) is None, drawing.label
    box = [[[4, 4], [276, 4], [276, 276], [4, 276], [4, 4]]]  # a frame traced along the canvas's edge
    assert preprocess.input_problem(shared.render_strokes(box + SEVEN)) is None, "a framed digit is no inverted one"
    assert preprocess.input_problem(shared.render_strokes(box)) is None


# --- RandomStrokeWidth: lesson 06's augmentation of stroke widths (shared/cnn.py) -------------


def test_random_stroke_width_changes_strokes_in_training_only():
    import keras

    from shared.cnn import RandomStrokeWidth

    digit = shared.to_mnist(shared.render_strokes(SEVEN)).astype("float32")[None, :, :, None] / 255
    batch = np.repeat(digit, 64, axis=0)
    layer = RandomStrokeWidth(1.0, seed=0)
    assert np.array_equal(np.asarray(layer(batch)), batch), "outside training the images pass unchanged"
    ink = np.asarray(layer(batch, training=True)).sum(axis=(1, 2, 3)) / batch[0].sum()
    assert ink.min() < 0.8 and ink.max() > 1.3, "some images get thinner strokes, some thicker"
    clone = keras.layers.deserialize(keras.layers.serialize(layer))
    assert isinstance(clone, RandomStrokeWidth) and clone.factor == 1.0
