"""Reproducibility: the same notebook gives the same numbers on the same machine."""

from __future__ import annotations

SEED = 42


def seed_everything(seed: int = SEED) -> None:
    """Seed Python, NumPy and TensorFlow, and make TensorFlow's ops deterministic.

    ``keras.utils.set_random_seed`` seeds Python's ``random``, NumPy and
    TensorFlow in one call. Op determinism makes TensorFlow pick kernels that
    give bit-identical results run after run (a little slower on some ops).
    """
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
