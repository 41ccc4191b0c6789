"""Time to 98.8% test accuracy: the old tutorial's training recipe against the course's.

Both recipes train the CNN of lessons 02 and 03 (``shared.build_cnn``) on the same
55,000 training images, one after the other in the same process, so they share the
machine and its load. At regular checkpoints the script measures the test accuracy;
the evaluation time is not counted as training time.

* seed recipe:   Adam at a fixed learning rate of 1e-4, batches of 64, 10,000 steps (about 12 epochs)
* course recipe: Adam warming up over 100 steps to 3e-3, then cosine decay to 0 over 2 epochs,
                 batches of 128 (960 steps), as in the lessons (``shared.course_optimizer``)

Run from the course's root folder (10 to 12 minutes on 2 idle CPU cores)::

    COURSE_DATA_DIR=../shared/data .venv/bin/python benchmarks/cnn_time_to_accuracy.py

``--quick`` runs a few dozen steps of each recipe to check that the script works.
"""

from __future__ import annotations

import argparse
import math
import os
import time
from dataclasses import dataclass

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

import shared  # noqa: E402
from shared import cnn  # noqa: E402

FIT_SIZE = 55_000


@dataclass
class Recipe:
    name: str
    batch_size: int
    steps: int
    checkpoints: int  # how many times the test accuracy is measured during training
    optimizer: keras.optimizers.Optimizer


@dataclass
class Result:
    recipe: Recipe
    training_seconds: float
    wall_seconds: float
    final_accuracy: float
    seconds_to_threshold: float | None
    step_at_threshold: int | None


def recipes(quick: bool) -> list[Recipe]:
    """The two recipes; with ``quick``, only their first 60 steps."""
    course_steps_per_epoch = math.ceil(FIT_SIZE / cnn.BATCH_SIZE)
    course_steps = cnn.WARMUP_STEPS + cnn.EPOCHS * course_steps_per_epoch
    seed = Recipe("seed (Adam 1e-4, batch 64)", 64, 10_000, 20, keras.optimizers.Adam(1e-4))  # every 500 steps
    course = Recipe("course (warm-up + cosine, batch 128)", cnn.BATCH_SIZE, course_steps, 24,  # every 40 steps
                    cnn.course_optimizer(course_steps_per_epoch))
    if quick:
        for recipe in (seed, course):
            recipe.steps, recipe.checkpoints = 60, 3
    return [seed, course]


def batches(x: np.ndarray, y: np.ndarray, batch_size: int) -> tf.data.Dataset:
    return (tf.data.Dataset.from_tensor_slices((x, y)).shuffle(len(x), seed=shared.SEED)
            .batch(batch_size).repeat().prefetch(tf.data.AUTOTUNE))


def run(recipe: Recipe, data, threshold: float) -> Result:
    (x_fit, y_fit), (x_test, y_test) = data
    shared.seed_everything()
    model = cnn.build_cnn()
    optimizer = recipe.optimizer
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)

    @tf.function
    def train_step(images, labels):
        with tf.GradientTape() as tape:
            loss = loss_fn(labels, model(images, training=True))
        gradients = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(gradients, model.trainable_variables))
        return loss

    @tf.function
    def predict(images):
        return tf.argmax(model(images, training=False), axis=1)

    def test_accuracy() -> float:
        predictions = np.concatenate([predict(x_test[i:i + 1000]).numpy() for i in range(0, len(x_test), 1000)])
        return float(np.mean(predictions == y_test))

    checkpoints = set(np.linspace(0, recipe.steps, recipe.checkpoints + 1, dtype=int)[1:].tolist())
    training, reached_at, reached_step = 0.0, None, None
    wall_start = time.perf_counter()
    started = time.perf_counter()
    for step, (images, labels) in enumerate(batches(x_fit, y_fit, recipe.batch_size).take(recipe.steps), 1):
        train_step(images, labels)
        if step in checkpoints:
            training += time.perf_counter() - started  # training time so far, without evaluations
            accuracy = test_accuracy()
            print(f"  step {step:6d}  epoch {step * recipe.batch_size / FIT_SIZE:5.2f}  "
                  f"training {training:7.1f} s  test accuracy {accuracy:.2%}", flush=True)
            if reached_at is None and accuracy >= threshold:
                reached_at, reached_step = training, step
            started = time.perf_counter()
    return Result(recipe, training, time.perf_counter() - wall_start, accuracy, reached_at, reached_step)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a few dozen steps per recipe: a smoke test")
    parser.add_argument("--threshold", type=float, default=0.988, help="test accuracy to reach (default 0.988)")
    args = parser.parse_args(argv)

    (train_images, train_labels), (test_images, test_labels) = shared.load_mnist()
    prepare = lambda images: (images[..., np.newaxis] / 255.0).astype("float32")  # noqa: E731
    data = ((prepare(train_images[:FIT_SIZE]), train_labels[:FIT_SIZE].astype("int64")),
            (prepare(test_images), test_labels))
    print(f"TensorFlow {tf.__version__}, {os.cpu_count()} CPU cores, threshold {args.threshold:.1%}"
          + (", QUICK smoke run" if args.quick else ""))

    results = []
    for recipe in recipes(args.quick):
        epochs = recipe.steps * recipe.batch_size / FIT_SIZE
        print(f"\n{recipe.name}: {recipe.steps:,} steps of {recipe.batch_size} ({epochs:.1f} epochs)", flush=True)
        results.append(run(recipe, data, args.threshold))

    target = f"to {args.threshold:.1%}"
    print(f"\n{'recipe':40} {'training':>10} {'wall':>10} {'test acc.':>10} {target:>12}")
    for r in results:
        reached = f"{r.seconds_to_threshold:.1f} s" if r.seconds_to_threshold is not None else "not reached"
        print(f"{r.recipe.name:40} {r.training_seconds:8.1f} s {r.wall_seconds:8.1f} s "
              f"{r.final_accuracy:10.2%} {reached:>12}")
    seed, course = results
    if seed.seconds_to_threshold is not None and course.seconds_to_threshold is not None:
        ratio = seed.seconds_to_threshold / course.seconds_to_threshold
        print(f"\ntime to {args.threshold:.1%}: the course recipe is {ratio:.1f}× faster than the seed recipe "
              f"(step {seed.step_at_threshold:,} vs step {course.step_at_threshold:,}; "
              "resolution: one checkpoint interval)")
    else:
        print(f"\ntime-to-{args.threshold:.1%} ratio: undefined, a recipe did not reach the threshold")


if __name__ == "__main__":
    main()
