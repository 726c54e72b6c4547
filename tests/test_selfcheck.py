"""The self-check machinery: verdicts, hints that help without giving the answer away."""

from __future__ import annotations

import pytest
import torch

from ee4414.selfcheck import check, checkers, core, registry


@pytest.fixture
def fake_exercise(monkeypatch):
    table = {
        "X-1": {
            "a": checkers.equals_tensor(
                [[1.0], [3.0], [5.0]], dtype=torch.float32, what="a column vector"
            ),
            "loss": checkers.number(3.0276),
        },
        "X-2": {"f": checkers.agrees_with(lambda x: x**2, [(3.0,), (torch.tensor([1.0, -3.0]),)])},
        "X-3": {
            "losses": checkers.all_of(
                checkers.predicate(lambda v: len(v) == 3, "record one loss per epoch (3 epochs)"),
                checkers.predicate(lambda v: v[-1] < v[0], "the loss should go down"),
            ),
            "y_hat": checkers.shape((2, 1, 1)),
        },
    }
    monkeypatch.setattr(registry, "expectations", lambda: table)
    return table


def test_correct_answers(fake_exercise, capsys):
    result = check("X-1", a=torch.tensor([[1.0], [3.0], [5.0]]), loss=torch.tensor([[3.02761]]))
    assert result.ok and bool(result)
    assert capsys.readouterr().out.strip() == "X-1: correct"


def test_flat_vector_gets_the_column_hint(fake_exercise):
    result = check("X-1", a=torch.tensor([1.0, 3.0, 5.0]), loss=3.0276)
    assert result.hints == [
        "a has shape (3,), but the exercise asks for a column vector of shape (3, 1) "
        "(the right number of entries: check how the brackets are nested)"
    ]


def test_row_vector_gets_the_transpose_hint(fake_exercise):
    (hint,) = check("X-1", a=torch.tensor([[1.0, 3.0, 5.0]]), loss=3.0276).hints
    assert hint.endswith("(the same numbers transposed: swap the dimensions)")


def test_dtype_values_and_numbers_are_checked_without_revealing(fake_exercise, capsys):
    result = check("X-1", a=torch.tensor([[1], [4], [5]]), loss=-3.0)
    assert result.hints == [
        "a has dtype torch.int64, but the exercise asks for torch.float32",
        "a: 1 of 3 entries differ from the expected values (the first at index (1, 0))",
        "loss = -3.0000 is too small; recheck the formula and the signs",
    ]
    out = capsys.readouterr().out
    assert out.startswith("X-1: not yet\n  - a has dtype")
    assert "3.0276" not in out


def test_wrong_types(fake_exercise):
    hints = check("X-1", a=[[1.0], [3.0], [5.0]], loss=[3.0]).hints
    assert hints == [
        "a is a list; build a tensor, e.g. with torch.tensor(...)",
        "loss should be a single number; got a list",
    ]
    assert check("X-1", a=torch.ones(3, 1), loss=float("nan")).hints[-1].startswith("loss is nan")


def test_functions_are_tried_on_inputs(fake_exercise):
    assert check("X-2", f=lambda x: x * x).ok
    assert check("X-2", f=lambda x: 2 * x).hints == [
        "f(3.0) gives a different result than expected"
    ]
    assert check("X-2", f=lambda x: x.shape).hints[0].startswith("f(3.0) raised AttributeError")
    assert check("X-2", f=3).hints == ["f should be a function; got a int"]


def test_predicates_shapes_and_all_of(fake_exercise):
    good = check("X-3", losses=[3.0, 2.0, 1.0], y_hat=torch.zeros(2, 1, 1))
    assert good.ok
    bad = check("X-3", losses=[1.0, 2.0], y_hat=torch.zeros(2, 1))
    assert bad.hints == [
        "losses: record one loss per epoch (3 epochs)",
        "y_hat has shape (2, 1), but the exercise asks for shape (2, 1, 1) "
        "(the right number of entries: check how the brackets are nested)",
    ]
    assert check("X-3", losses=None, y_hat=5).hints[1] == "y_hat is a int, not a tensor"


def test_unknown_exercise_and_missing_variables(fake_exercise):
    with pytest.raises(KeyError, match="no self-check for 'W9-1.1'; known: X-1, X-2, X-3"):
        check("W9-1.1")
    with pytest.raises(TypeError, match=r"check\('X-1', ...\) needs loss=loss"):
        check("X-1", a=torch.ones(3, 1))


def test_exercise_listing(fake_exercise):
    assert core.exercises()["X-1"] == ["a", "loss"]
