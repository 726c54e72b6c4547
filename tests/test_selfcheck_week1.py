"""Week 1's self-checks: every worked answer passes, and typical slips get a useful hint.

The worked answers are rebuilt here the way the examples build them (nothing is imported
from ``examples/``); tests/test_example_answers.py runs each example up to its
self-check cell, so the names it checks really exist there and really pass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import torch

from ee4414.selfcheck import check
from ee4414.selfcheck.week1 import EXPECTATIONS as WEEK1


def _z_2x3x4() -> torch.Tensor:
    """The tensor of W1-2.1.3, which the slicing exercises start from."""
    Z = torch.zeros(2, 3, 4)
    Z[1, 1, 2] = 1
    return Z


def _a() -> torch.Tensor:
    return torch.tensor([[1.0], [3.0], [5.0]])


def _b() -> torch.Tensor:
    return torch.tensor([[2.0], [4.0], [6.0]])


def _A() -> torch.Tensor:
    return torch.arange(1, 13).reshape(3, 4)


def _M() -> torch.Tensor:
    return torch.tensor([[2.0, 3.0, 4.0], [5.0, 6.0, 7.0]])


def _w1_1_1() -> dict[str, Any]:
    a = torch.zeros((3, 1), dtype=torch.float64, device="cpu", requires_grad=False)
    return {"a": a}


def _w1_1_3() -> dict[str, Any]:
    data = [[1, 2], [3, 4], [5, 6]]
    return {
        "b": torch.tensor([[1, 3, 5]], dtype=torch.float32),
        "predicted": (len(data), len(data[0])),
    }


def _w1_1_6() -> dict[str, Any]:
    # A private generator gives the same draws as torch.manual_seed(0), without touching
    # the global generator that other tests may rely on.
    g = torch.Generator().manual_seed(0)
    first = torch.rand(2, 3, generator=g)
    g.manual_seed(0)
    again = torch.rand(2, 3, generator=g)
    return {
        "ones": torch.ones(3, 1, dtype=torch.float64),
        "count": torch.arange(1, 13),
        "I3": torch.eye(3),
        "first": first,
        "again": again,
    }


def _one_set(size: tuple[int, ...], index: tuple[int, ...]) -> torch.Tensor:
    z = torch.zeros(size)
    z[index] = 1
    return z


def _w1_2_3_3() -> dict[str, Any]:
    A_ = torch.stack([_A(), _A()], dim=0)
    return {"A_": A_, "B_": torch.transpose(A_, 1, 2)}


def _w1_2_6() -> dict[str, Any]:
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    x = _a().to(device)
    w = torch.tensor([[0.5], [-1.0], [2.0]], device=device)
    y = w.T @ x
    return {"device": device, "x": x, "y": y, "y_back": y.cpu()}


def _w1_2_7() -> dict[str, Any]:
    x = torch.tensor([[0.1], [0.2], [0.3]])
    x64 = x.double()
    return {
        "x64": x64,
        "x64_to": x.to(torch.float64),
        "x32": x64.float(),
        "x32_to": x64.to(torch.float32),
    }


ANSWERS: dict[str, Callable[[], dict[str, Any]]] = {
    "W1-1.1": _w1_1_1,
    "W1-1.2": lambda: {"a": torch.tensor([[1], [3], [5]], dtype=torch.float32)},
    "W1-1.3": _w1_1_3,
    "W1-1.4": lambda: {"A": torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])},
    "W1-1.5": lambda: {"A_": torch.tensor([[[1, 2], [5, 6], [9, 10]], [[3, 4], [7, 8], [11, 12]]])},
    "W1-1.6": _w1_1_6,
    "W1-2.1.1": lambda: {"z": _one_set((3, 1), (0,))},
    "W1-2.1.2": lambda: {"Z": _one_set((3, 4), (0, 2))},
    "W1-2.1.3": lambda: {"Z": _one_set((2, 3, 4), (1, 1, 2))},
    "W1-2.1.4": lambda: {"col_1d": _z_2x3x4()[1, :, 2], "col_2d": _z_2x3x4()[1, :, 2:3]},
    "W1-2.1.5": lambda: {"block": _z_2x3x4()[1, :, 1:3]},
    "W1-2.1.6": lambda: {"tail": _z_2x3x4()[1, :, 1:]},
    "W1-2.2.1": lambda: {
        "s": torch.stack([_a(), _b()], dim=0),
        "s1": torch.stack([_a(), _b()], dim=1),
        "s2": torch.stack([_a(), _b()], dim=2),
    },
    "W1-2.2.2": lambda: {"c": torch.cat([_a(), _b()], dim=0)},
    "W1-2.3.1": lambda: {"b": torch.transpose(_a(), 0, 1)},
    "W1-2.3.2": lambda: {"B": torch.transpose(_A(), 0, 1)},
    "W1-2.3.3": _w1_2_3_3,
    "W1-2.4.1": lambda: {
        "c": torch.tensor([[2.0], [3.0], [5.0]]) * torch.tensor([[2.0], [3.0], [5.0]])
    },
    "W1-2.4.2": lambda: {"C": _M() * _M()},
    "W1-2.4.3": lambda: {
        "result": torch.tensor([[2.0], [3.0], [5.0]]) * torch.tensor([[2.0, 3.0, 5.0]])
    },
    "W1-2.4.4": lambda: {
        "result": torch.tensor([[2.0, 3.0], [4.0, 5.0], [6.0, 7.0]])
        * torch.tensor([[1.0], [2.0], [3.0]])
    },
    "W1-2.5.1": lambda: {
        "B_T": torch.transpose(_M(), 0, 1),
        "C": torch.matmul(_M(), torch.transpose(_M(), 0, 1)),
        "D": _M().T @ _M(),
    },
    "W1-2.5.2": lambda: {"C_": torch.matmul(torch.stack([_A(), _A()]), _A().T)},
    "W1-2.6": _w1_2_6,
    "W1-2.7": _w1_2_7,
}


def answers(exercise: str, **wrong: Any) -> dict[str, Any]:
    """The worked answer to ``exercise``, with some variables replaced by wrong ones."""
    return {**ANSWERS[exercise](), **wrong}


def test_every_exercise_has_an_answer_here():
    assert set(ANSWERS) == set(WEEK1)
    assert all(set(ANSWERS[ex]()) == set(WEEK1[ex]) for ex in WEEK1)


A_FLAT = torch.tensor([1.0, 3.0, 5.0])
Z = _z_2x3x4()

WRONG = [
    # W1-1.1: the default dtype, a tracked tensor, a 1-D vector
    ("W1-1.1", {"a": torch.zeros(3, 1)}, "asks for torch.float64"),
    (
        "W1-1.1",
        {"a": torch.zeros(3, 1, dtype=torch.float64, requires_grad=True)},
        "autograd should not track it",
    ),
    ("W1-1.1", {"a": torch.zeros(3, dtype=torch.float64)}, "a column vector of shape (3, 1)"),
    # W1-1.2: the flat list, integer literals
    ("W1-1.2", {"a": A_FLAT}, "check how the brackets are nested"),
    ("W1-1.2", {"a": torch.tensor([[1], [3], [5]])}, "has dtype torch.int64"),
    # W1-1.3: a column instead of a row, the shape read inside out
    ("W1-1.3", {"b": _a()}, "the same numbers transposed"),
    ("W1-1.3", {"predicted": (2, 3)}, "count the items of the outer list"),
    ("W1-1.3", {"predicted": "3 by 2"}, "count the items of the outer list"),
    # W1-1.4: typed column by column, one typo
    ("W1-1.4", {"A": _A().T}, "the same numbers transposed"),
    ("W1-1.4", {"A": torch.tensor([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 13]])}, "1 of 12"),
    # W1-1.5: the numbers in the wrong order, one level of brackets missing
    ("W1-1.5", {"A_": torch.arange(1, 13).reshape(2, 3, 2)}, "entries differ"),
    ("W1-1.5", {"A_": _A()}, "a 3-D tensor of shape (2, 3, 2)"),
    # W1-1.6: arange's end left in, a normal draw, the wrong shape, a row of ones
    ("W1-1.6", {"count": torch.arange(1, 12)}, "remember where torch.arange stops"),
    ("W1-1.6", {"count": torch.arange(0, 12)}, "12 of 12 entries differ"),
    ("W1-1.6", {"I3": torch.ones(3, 3)}, "6 of 9 entries differ"),
    (
        "W1-1.6",
        {"first": torch.randn(2, 3, generator=torch.Generator().manual_seed(0))},
        "torch.rand draws floats in [0, 1)",
    ),
    ("W1-1.6", {"again": torch.rand(3, 2)}, "again has shape (3, 2)"),
    ("W1-1.6", {"ones": torch.ones(1, 3)}, "the same numbers transposed"),
    # W1-2.1.1: counting from 1, a vector of ones, a 1-D vector
    ("W1-2.1.1", {"z": _one_set((3, 1), (1,))}, "positions are counted from 0"),
    ("W1-2.1.1", {"z": torch.ones(3, 1)}, "exactly one entry should be 1"),
    ("W1-2.1.1", {"z": _one_set((3,), (0,))}, "a column vector of shape (3, 1)"),
    # W1-2.1.2: row and column swapped, counted from 1, the wrong value
    ("W1-2.1.2", {"Z": _one_set((3, 4), (2, 0))}, "the first index is the row"),
    ("W1-2.1.2", {"Z": _one_set((3, 4), (1, 3))}, "the 1 is in the wrong place"),
    ("W1-2.1.2", {"Z": 2 * _one_set((3, 4), (0, 2))}, "exactly one entry should be 1"),
    # W1-2.1.3: the first matrix, a whole row
    ("W1-2.1.3", {"Z": _one_set((2, 3, 4), (0, 1, 2))}, "(matrix, row, column)"),
    ("W1-2.1.3", {"Z": _one_set((2, 3, 4), (1, 1))}, "exactly one entry should be 1"),
    # W1-2.1.4: the two forms swapped, the wrong column, a list
    ("W1-2.1.4", {"col_1d": Z[1, :, 2:3]}, "an integer index removes its dimension"),
    ("W1-2.1.4", {"col_2d": Z[1, :, 2]}, "a slice keeps its dimension"),
    ("W1-2.1.4", {"col_1d": Z[1, :, 1]}, "1 of 3 entries differ"),
    ("W1-2.1.4", {"col_2d": [[0.0], [1.0], [0.0]]}, "col_2d is a list, not a tensor"),
    # W1-2.1.5: both matrices, a range one too short, the wrong columns
    ("W1-2.1.5", {"block": Z[:, :, 1:3]}, "this should be 2-D"),
    ("W1-2.1.5", {"block": Z[1, :, 1:2]}, "a range a:b keeps the positions a up to b - 1"),
    ("W1-2.1.5", {"block": Z[1, :, 2:4]}, "entries differ"),
    # W1-2.1.6: the wrong start, both matrices
    ("W1-2.1.6", {"tail": Z[1, :, 2:]}, "a range a: runs from a to the end"),
    ("W1-2.1.6", {"tail": Z[:, :, 1:]}, "this should be 2-D"),
    # W1-2.2.1: cat instead of stack, the default dim, the inputs in the other order
    ("W1-2.2.1", {"s": torch.cat([_a(), _b()])}, "torch.stack adds a new dimension"),
    ("W1-2.2.1", {"s1": torch.stack([_a(), _b()])}, "stacked along dim 1 of shape (3, 2, 1)"),
    ("W1-2.2.1", {"s": torch.stack([_b(), _a()])}, "6 of 6 entries differ"),
    # W1-2.2.2: stack instead of cat, the columns, the other order
    ("W1-2.2.2", {"c": torch.stack([_a(), _b()])}, "torch.cat joins along a dimension"),
    ("W1-2.2.2", {"c": torch.cat([_a(), _b()], dim=1)}, "a column vector of shape (6, 1)"),
    ("W1-2.2.2", {"c": torch.cat([_b(), _a()])}, "6 of 6 entries differ"),
    # W1-2.3.1: no transpose, a 1-D result
    ("W1-2.3.1", {"b": _a()}, "the same numbers transposed"),
    ("W1-2.3.1", {"b": A_FLAT}, "a row vector of shape (1, 3)"),
    # W1-2.3.2: reshape is not a transpose; no transpose at all
    ("W1-2.3.2", {"B": _A().reshape(4, 3)}, "entries differ"),
    ("W1-2.3.2", {"B": _A()}, "the same numbers transposed"),
    # W1-2.3.3: every axis reversed, reshape, one matrix only
    (
        "W1-2.3.3",
        {"B_": torch.stack([_A(), _A()]).permute(2, 1, 0)},
        "the first axis (which matrix) should stay where it is",
    ),
    ("W1-2.3.3", {"B_": torch.stack([_A(), _A()]).reshape(2, 4, 3)}, "entries differ"),
    ("W1-2.3.3", {"A_": _A().unsqueeze(0)}, "two copies of the matrix, stacked of shape"),
    # W1-2.4.1: broadcasting by accident, a dot product, doubled instead of squared
    ("W1-2.4.1", {"c": _a() * _a().T}, "a column vector of shape (3, 1)"),
    ("W1-2.4.1", {"c": _a().T @ _a()}, "a column vector of shape (3, 1)"),
    ("W1-2.4.1", {"c": 2 * torch.tensor([[2.0], [3.0], [5.0]])}, "2 of 3 entries differ"),
    # W1-2.4.2: a matrix product, a sum
    ("W1-2.4.2", {"C": _M() @ _M().T}, "a matrix of shape (2, 3)"),
    ("W1-2.4.2", {"C": _M() + _M()}, "entries differ"),
    # W1-2.4.3: the squares only, a sum
    ("W1-2.4.3", {"result": _a() * _a()}, "a matrix of shape (3, 3)"),
    (
        "W1-2.4.3",
        {"result": torch.tensor([[2.0], [3.0], [5.0]]) + torch.tensor([[2.0, 3.0, 5.0]])},
        "entries differ",
    ),
    # W1-2.4.4: the slides' 3 by 1, the columns scaled instead of the rows
    ("W1-2.4.4", {"result": torch.tensor([[2.0], [8.0], [18.0]])}, "a matrix of shape (3, 2)"),
    (
        "W1-2.4.4",
        {"result": torch.tensor([[2.0, 3.0], [4.0, 5.0], [6.0, 7.0]]) * torch.tensor([1.0, 2.0])},
        "entries differ",
    ),
    # W1-2.5.1: element-wise instead of matrix product, the other transpose, no transpose
    ("W1-2.5.1", {"C": _M() * _M()}, "C has shape (2, 3), but the exercise asks for a matrix"),
    ("W1-2.5.1", {"D": _M() @ _M().T}, "D has shape (2, 2)"),
    ("W1-2.5.1", {"B_T": _M()}, "the same numbers transposed"),
    # W1-2.5.2: the other order, the batch summed away
    (
        "W1-2.5.2",
        {"C_": _A().T @ torch.stack([_A(), _A()])},
        "C_ has shape (2, 4, 4), but the exercise asks for a batch of matrices",
    ),
    ("W1-2.5.2", {"C_": torch.matmul(torch.stack([_A(), _A()]), _A().T).sum(0)}, "(2, 3, 3)"),
    # W1-2.6: a Python number instead of a tensor, a device that cannot compute
    ("W1-2.6", {"y_back": 7.5}, "keep the result a tensor"),
    ("W1-2.6", {"device": torch.device("meta")}, "use the GPU when torch.cuda.is_available()"),
    ("W1-2.6", {"y": _a() * torch.tensor([[0.5], [-1.0], [2.0]])}, "a 1×1 matrix of shape (1, 1)"),
    # W1-2.7: a step left out, the wrong direction, half precision
    ("W1-2.7", {"x64": torch.tensor([[0.1], [0.2], [0.3]])}, "asks for torch.float64"),
    ("W1-2.7", {"x32": torch.tensor([[0.1], [0.2], [0.3]]).double()}, "asks for torch.float32"),
    ("W1-2.7", {"x64_to": torch.tensor([[0.1], [0.2], [0.3]]).half()}, "has dtype torch.float16"),
]


@pytest.mark.parametrize(
    ("exercise", "wrong", "hint"), WRONG, ids=[f"{ex}-{i}" for i, (ex, _, _) in enumerate(WRONG)]
)
def test_a_typical_slip_gets_its_hint(exercise, wrong, hint):
    result = check(exercise, **answers(exercise, **wrong))
    assert not result.ok
    assert len(result.hints) == 1, result.hints  # only the wrong variable is flagged
    assert hint in result.hints[0], result.hints[0]
    (name,) = wrong
    assert result.hints[0].startswith(name)


def test_every_exercise_has_a_slip_tested():
    assert {ex for ex, _, _ in WRONG} == set(WEEK1)


def test_hints_do_not_give_the_answer_away():
    result = check("W1-2.5.1", **answers("W1-2.5.1", C=torch.zeros(2, 2)))
    assert "29" not in str(result) and "110" not in str(result)
    result = check("W1-2.1.2", **answers("W1-2.1.2", Z=_one_set((3, 4), (2, 0))))
    assert "(0, 2)" not in str(result) and "0, 2" not in str(result)


def test_device_checks_follow_the_machine(monkeypatch):
    # The answer a CPU-only machine gives, then a pretend GPU: the CPU is now the wrong
    # choice for device, x and y. Only device types are compared, so CUDA is never called.
    x = _a()
    y = torch.tensor([[0.5, -1.0, 2.0]]) @ x
    cpu = {"device": torch.device("cpu"), "x": x, "y": y, "y_back": y}
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert check("W1-2.6", **cpu).ok
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    result = check("W1-2.6", **cpu)
    assert [h.split(":")[0] for h in result.hints] == ["device", "x", "y"]
    assert "move it to the chosen device" in result.hints[1]
    assert "compute it on the device" in result.hints[2]
    assert check("W1-2.6", **{**cpu, "device": "cuda:0"}).hints[0].startswith("x:")


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_device_answer_on_a_gpu():
    gpu = answers("W1-2.6")
    assert gpu["x"].is_cuda and not gpu["y_back"].is_cuda
    assert check("W1-2.6", **gpu).ok
    hints = check("W1-2.6", **{**gpu, "y_back": gpu["y"]}).hints
    assert hints == ["y_back: bring the result back to the CPU"]
