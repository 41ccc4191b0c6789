"""shared.run_training: trains when no cache is set; with one, the second identical run is replayed."""

from __future__ import annotations

import numpy as np
import pytest
import tensorflow as tf

import shared
from shared import training


def make_run(calls: list):
    shared.seed_everything()
    weights = tf.Variable(tf.random.normal([3]))
    optimizer_state = tf.Variable(0.0)

    def train():
        calls.append(1)
        for step in range(3):
            weights.assign_sub(0.1 * weights)
            optimizer_state.assign_add(1.0)
            print(f"step {step}")
        return {"loss": [float(tf.reduce_sum(weights))]}

    return [weights, optimizer_state], train


def test_without_cache_it_always_trains(monkeypatch, capsys):
    monkeypatch.delenv(training.CACHE_ENV, raising=False)
    calls = []
    for _ in range(2):
        state, train = make_run(calls)
        shared.run_training("demo", state, train)
    assert len(calls) == 2
    assert capsys.readouterr().out.count("step 2") == 2


def test_with_cache_the_second_run_is_replayed(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(training.CACHE_ENV, str(tmp_path))
    calls = []
    state, train = make_run(calls)
    first = shared.run_training("demo", state, train)
    trained = [v.numpy().copy() for v in state]
    after_first = tf.random.uniform([2]).numpy()
    log_first = capsys.readouterr().out

    state, train = make_run(calls)
    second = shared.run_training("demo", state, train)
    assert len(calls) == 1, "the identical second run trained again"
    assert second == first
    for variable, expected in zip(state, trained):
        np.testing.assert_array_equal(variable.numpy(), expected)
    assert capsys.readouterr().out == log_first == "step 0\nstep 1\nstep 2\n"
    np.testing.assert_array_equal(tf.random.uniform([2]).numpy(), after_first)


def test_different_starting_weights_are_not_replayed(monkeypatch, tmp_path):
    monkeypatch.setenv(training.CACHE_ENV, str(tmp_path))
    calls = []
    state, train = make_run(calls)
    shared.run_training("demo", state, train)
    state, train = make_run(calls)
    state[0].assign([9.0, 9.0, 9.0])
    shared.run_training("demo", state, train)
    assert len(calls) == 2


@pytest.mark.parametrize("name", ["a", "b"])
def test_names_keep_runs_apart(monkeypatch, tmp_path, name):
    monkeypatch.setenv(training.CACHE_ENV, str(tmp_path))
    calls = []
    state, train = make_run(calls)
    shared.run_training(name, state, train)
    assert len(list(tmp_path.glob(f"{name}-*.npz"))) == 1


def test_a_replay_prints_the_epoch_lines_in_its_own_language(monkeypatch, tmp_path, capsys):
    """The English notebook trains and prints its progress; the French one replays it in French.
    Text that training printed itself (Keras's own lines) is replayed as it was."""
    monkeypatch.setenv(training.CACHE_ENV, str(tmp_path))
    calls = []

    def with_progress(train):
        def run():
            result = train()
            print("Keras says hello")
            shared.print_epoch(1, 2, loss=0.07452, val_accuracy=0.989, seconds=8.2)
            return result
        return run

    try:
        shared.set_language("en")
        state, train = make_run(calls)
        shared.run_training("progress", state, with_progress(train))
        assert capsys.readouterr().out.endswith(
            "Keras says hello\nepoch 1/2: loss 0.0745, validation accuracy 98.90%, 8 s\n")
        shared.set_language("fr")
        state, train = make_run(calls)
        shared.run_training("progress", state, with_progress(train))
    finally:
        shared.set_language("en")
    assert len(calls) == 1
    assert capsys.readouterr().out.endswith(
        "Keras says hello\népoque 1/2 : perte 0,0745, exactitude de validation 98,90\u00a0%, 8\u00a0s\n")


def test_epoch_lines_align_their_numbers():
    assert training.epoch_line(3, 10, 0.5, 0.9).startswith("epoch  3/10: loss 0.5000")
