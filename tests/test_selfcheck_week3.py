"""Week 3's self-checks: every worked answer passes, and typical slips get a useful hint.

The worked answers are rebuilt here the way the examples build them (nothing is imported
from ``examples/``); tests/test_example_answers.py runs each example up to its
self-check cell, so the names it checks really exist there and really pass.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import matplotlib.pyplot as plt
import pytest
import torch

import ee4414
from ee4414 import course_numbers as cn
from ee4414.selfcheck import check
from ee4414.selfcheck.week3 import EXPECTATIONS as WEEK3

# The four points of W3-1.4 and W3-1.5, as columns (4, 2, 1), and W3-1.4's labels (4, 1, 1).
X4 = torch.tensor(cn.W3_POINTS)
C_SEPARABLE = torch.tensor(cn.W3_LABELS).reshape(4, 1, 1)
C_DIAGONALS = torch.tensor([1.0, -1.0, 1.0, -1.0]).reshape(4, 1, 1)


# W3-1.1: the model of the exercise, and slips in writing it


class Linear(torch.nn.Module):
    """y_hat = w.T @ x + b with w = [1, 3] (2, 1) and b = 0 (1, 1), as in W3-1.1."""

    def __init__(self) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[1.0], [3.0]]))
        self.b = torch.nn.Parameter(torch.tensor([[0.0]]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


class RowWeights(Linear):
    """w stored as a row (1, 2) and multiplied from the left: not the course's column."""

    def __init__(self) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[1.0, 3.0]]))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w @ x + self.b


class PlainTensors(torch.nn.Module):
    """Weights kept as plain tensors: model.parameters() does not see them."""

    def __init__(self) -> None:
        super().__init__()
        self.w = torch.tensor([[1.0], [3.0]])
        self.b = torch.tensor([[0.0]])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


class Elementwise(Linear):
    """w * x without the sum: a (2, 1) output instead of one number."""

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w * x + self.b


def _inputs() -> list[torch.Tensor]:
    return [torch.tensor([[1.0], [0.5]]), torch.tensor([[0.1], [-0.3]])]


def _w3_1_1() -> dict[str, Any]:
    model = Linear()
    inputs = _inputs()
    outputs = [model(x) for x in inputs]
    return {"model": model, "inputs": inputs, "outputs": outputs}


# W3-1.2: the sign rule


def classify(y_hat: torch.Tensor) -> int:
    """Return the class, 1 or -1, of a single output y_hat."""
    if y_hat > 0:
        return 1
    else:
        return -1


def _w3_1_2() -> dict[str, Any]:
    outputs = [Linear()(x) for x in _inputs()]
    return {"classify": classify, "classes": [classify(y_hat) for y_hat in outputs]}


# W3-1.3: the boundary and its plot


def decision_boundary(x0: Any, w0: Any, w1: Any, b: Any) -> Any:
    """Return x1 on the line y_hat = 0 for the given x0: x1 = -x0 * w0 / w1 - b / w1."""
    return -x0 * w0 / w1 - b / w1


def _plot(x: torch.Tensor, y: torch.Tensor) -> Any:
    _, ax = plt.subplots()
    ax.scatter([1.0, 0.1], [0.5, -0.3])  # the two points, drawn as a collection
    ax.plot(x, y)
    return ax


def _w3_1_3() -> dict[str, Any]:
    x0_line = torch.linspace(-1.5, 1.5, 61)
    x1_line = decision_boundary(x0_line, 1.0, 3.0, 0.0)
    return {"decision_boundary": decision_boundary, "ax": _plot(x0_line, x1_line)}


# W3-1.4: the hinge loss and the per-point training loop


def hinge_loss(y_hat: torch.Tensor, c: torch.Tensor) -> torch.Tensor:
    """Mean hinge loss max(0, 1 - c * y_hat) over the points in the batch."""
    return torch.clamp(1 - c * y_hat, min=0.0).mean()


class Trainable(torch.nn.Module):
    """The linear model of W3-1.4, from given starting weights."""

    def __init__(self, w: torch.Tensor, b: torch.Tensor) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(w.clone())
        self.b = torch.nn.Parameter(b.clone())

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w.T @ x + self.b


def _start() -> Trainable:
    """The seeded start of W3-1.4: w and b drawn from U(-0.2, 0.2) with seed 4."""
    generator = torch.Generator().manual_seed(4)
    w = torch.nn.init.uniform_(torch.empty(2, 1), -0.2, 0.2, generator=generator)
    b = torch.nn.init.uniform_(torch.empty(1, 1), -0.2, 0.2, generator=generator)
    return Trainable(w, b)


def train(
    model: torch.nn.Module,
    c: torch.Tensor,
    *,
    epochs: int,
    lr: float = 0.1,
    loss_fn: Callable[..., torch.Tensor] = hinge_loss,
    zero_grad: bool = True,
    direction: float = -1.0,
) -> tuple[list[float], list[float]]:
    """Per-point SGD on the four points, as in the examples; the switches make the slips."""
    step_losses, epoch_losses = [], []
    for _epoch in range(epochs):
        epoch_total = 0.0
        for x_i, c_i in zip(X4, c, strict=True):
            loss = loss_fn(model(x_i), c_i)
            if zero_grad:
                model.zero_grad()
            loss.backward()
            with torch.no_grad():
                for p in model.parameters():
                    assert p.grad is not None
                    p.add_(direction * lr * p.grad)  # the in-place p += direction * lr * p.grad
            step_losses.append(loss.item())
            epoch_total += loss.item()
        epoch_losses.append(epoch_total / len(X4))
    return step_losses, epoch_losses


@cache
def _run_1_4(**slips: Any) -> dict[str, Any]:
    model = _start()
    step_losses, epoch_losses = train(model, C_SEPARABLE, epochs=20, **slips)
    return {"step_losses": step_losses, "epoch_losses": epoch_losses, "model": model}


def _w3_1_4() -> dict[str, Any]:
    return {"hinge_loss": hinge_loss, **_run_1_4()}


# W3-1.5: labels that no line separates, trained as before


@cache
def _run_1_5(labels: tuple[float, ...]) -> dict[str, Any]:
    c = torch.tensor(labels).reshape(4, 1, 1)
    model = ee4414.Linear(2, 1, w=[1, 3], b=0.0)
    _, epoch_losses = train(model, c, epochs=30, loss_fn=ee4414.hinge)
    with torch.no_grad():
        final_accuracy = ee4414.accuracy(model(X4), C_DIAGONALS)
    return {"c": c, "epoch_losses": epoch_losses, "final_accuracy": final_accuracy}


def _w3_1_5() -> dict[str, Any]:
    return _run_1_5(tuple(C_DIAGONALS.flatten().tolist()))


ANSWERS: dict[str, Callable[[], dict[str, Any]]] = {
    "W3-1.1": _w3_1_1,
    "W3-1.2": _w3_1_2,
    "W3-1.3": _w3_1_3,
    "W3-1.4": _w3_1_4,
    "W3-1.5": _w3_1_5,
}


def answers(exercise: str, **wrong: Any) -> dict[str, Any]:
    """The worked answer to ``exercise``, with some variables replaced by wrong ones."""
    return {**ANSWERS[exercise](), **wrong}


def test_every_exercise_has_an_answer_here():
    assert set(WEEK3) == {"W3-1.1", "W3-1.2", "W3-1.3", "W3-1.4", "W3-1.5"}
    assert set(ANSWERS) == set(WEEK3)
    assert all(set(ANSWERS[ex]()) == set(WEEK3[ex]) for ex in WEEK3)


def _max_hinge(y_hat: torch.Tensor, c: torch.Tensor) -> Any:
    return max(0, 1 - c * y_hat)  # Python's max: a plain 0 beyond the margin


def _rows() -> list[torch.Tensor]:
    return [x.T for x in _inputs()]


# (exercise, the wrong variable(s), the hint expected for the first one)
WRONG: list[tuple[str, dict[str, Callable[[], Any]], str]] = [
    ("W3-1.1", {"model": RowWeights}, "w should be a 2×1 column vector"),
    ("W3-1.1", {"model": PlainTensors}, "each wrapped in torch.nn.Parameter"),
    ("W3-1.1", {"model": Elementwise}, "model(x) should return wᵀx + b, a 1×1 tensor"),
    ("W3-1.1", {"inputs": _rows}, "each input should be a 2×1 column vector tensor"),
    ("W3-1.1", {"inputs": lambda: _inputs()[::-1]}, "the inputs differ from x⁽⁰⁾ and x⁽¹⁾"),
    ("W3-1.1", {"inputs": lambda: _inputs()[:1]}, "a list of the two inputs"),
    ("W3-1.1", {"outputs": lambda: [2.5, -0.8]}, "each output should be the 1×1 tensor"),
    (
        "W3-1.1",
        {"outputs": lambda: [x.T @ torch.tensor([[3.0], [1.0]]) for x in _inputs()]},
        "the outputs are not wᵀx + b of the two inputs",
    ),
    ("W3-1.2", {"classify": lambda: lambda y: 1 if y >= 0 else -1}, "an output of exactly 0"),
    ("W3-1.2", {"classify": lambda: lambda y: -1 if y > 0 else 1}, "gives a different result"),
    ("W3-1.2", {"classify": lambda: lambda y: y.item() > 0}, "gives a different result"),
    ("W3-1.2", {"classes": lambda: [-1, 1]}, "do not follow the sign rule"),
    ("W3-1.2", {"classes": lambda: [1]}, "one class per point, two in all"),
    (
        "W3-1.3",
        {"decision_boundary": lambda: lambda x0, w0, w1, b: -x0 * w0 / w1 + b / w1},
        "decision_boundary(0.0, 1.0, 3.0, 0.6) gives a different result",
    ),
    (
        "W3-1.3",
        {"decision_boundary": lambda: lambda x0, w0, w1, b: -x0 * w1 / w0 - b / w0},
        "decision_boundary(1.5, 1.0, 3.0, 0.0) gives a different result",
    ),
    (
        "W3-1.3",
        {"decision_boundary": lambda: lambda x0, w0, w1, b: x0 * w0 / w1 - b / w1},
        "gives a different result",
    ),
    (
        "W3-1.3",
        {"ax": lambda: _plot(-torch.linspace(-1.5, 1.5, 61) / 3, torch.linspace(-1.5, 1.5, 61))},
        "no line drawn on ax follows the boundary",
    ),
    ("W3-1.3", {"ax": lambda: plt.subplots()[1]}, "no line drawn on ax"),
    (
        "W3-1.4",
        {"hinge_loss": lambda: lambda y_hat, c: (1 - c * y_hat).mean()},
        "hinge_loss(<tensor (1, 1)>, <tensor (1, 1)>) gives a different result",
    ),
    (
        "W3-1.4",
        {"hinge_loss": lambda: lambda y_hat, c: torch.clamp(1 + c * y_hat, min=0.0).mean()},
        "gives a different result",
    ),
    ("W3-1.4", {"hinge_loss": lambda: _max_hinge}, "a tensor that autograd can differentiate"),
    (
        "W3-1.4",
        {"hinge_loss": lambda: lambda y_hat, c: torch.clamp(1 - c * y_hat, min=0.0)},
        "hinge_loss(<tensor (4, 1, 1)>, <tensor (4, 1, 1)>) gives a different result",
    ),
    ("W3-1.4", {"step_losses": lambda: _run_1_4()["step_losses"][:20]}, "80 in all"),
    (
        "W3-1.4",
        {"step_losses": lambda: [torch.tensor(v) for v in _run_1_4()["step_losses"]]},
        "store each loss as a Python number",
    ),
    (
        "W3-1.4",
        {"step_losses": lambda: [*_run_1_4()["step_losses"][1:], 0.0]},
        "the first entry should be the loss of point 0",
    ),
    (
        "W3-1.4",
        {"step_losses": lambda: _run_1_4(zero_grad=False)["step_losses"]},
        "clear the gradients before each backward()",
    ),
    ("W3-1.4", {"epoch_losses": lambda: _run_1_4()["epoch_losses"][:10]}, "(20 epochs)"),
    (
        "W3-1.4",
        {"epoch_losses": lambda: _run_1_4(direction=1.0)["epoch_losses"]},
        "the loss of the last epoch should be 0",
    ),
    ("W3-1.4", {"model": _start}, "does not classify all four training points correctly"),
    (
        "W3-1.4",
        {"model": lambda: Trainable(torch.tensor([[0.5], [0.5]]), torch.tensor([[-0.3]]))},
        "leaves a point inside the margin",
    ),
    ("W3-1.5", {"c": lambda: C_DIAGONALS.flatten()}, "should be a tensor of shape (4, 1, 1)"),
    ("W3-1.5", {"c": lambda: (C_DIAGONALS + 1) / 2}, "every label should be 1 or -1"),
    (
        "W3-1.5",
        {"c": lambda: torch.tensor([1.0, -1.0, 1.0, 1.0]).reshape(4, 1, 1)},
        "two points of each class",
    ),
    (
        "W3-1.5",
        {"c": lambda: torch.tensor([1.0, 1.0, -1.0, -1.0]).reshape(4, 1, 1)},
        "a straight line can still separate these labels",
    ),
    (
        "W3-1.5",
        {"epoch_losses": lambda: _run_1_5((1.0, -1.0, -1.0, 1.0))["epoch_losses"]},
        "train on the new labels c",
    ),
    ("W3-1.5", {"epoch_losses": lambda: _w3_1_5()["epoch_losses"][:5]}, "(30 epochs)"),
    ("W3-1.5", {"final_accuracy": lambda: 1.0}, "should be below 1"),
]


@pytest.mark.parametrize(
    ("exercise", "wrong", "hint"), WRONG, ids=[f"{ex}-{i}" for i, (ex, _, _) in enumerate(WRONG)]
)
def test_a_typical_slip_gets_its_hint(exercise, wrong, hint):
    result = check(exercise, **answers(exercise, **{k: make() for k, make in wrong.items()}))
    assert not result.ok
    assert len(result.hints) == 1, result.hints  # only the wrong variable is flagged
    assert hint in result.hints[0], result.hints[0]
    (name,) = wrong
    assert result.hints[0].startswith(name)


def test_every_exercise_has_a_slip_tested():
    assert {ex for ex, _, _ in WRONG} == set(WEEK3)
    assert {(ex, name) for ex, wrong, _ in WRONG for name in wrong} == {
        (ex, name) for ex, names in WEEK3.items() for name in names
    }


def test_a_wrong_training_run_flags_every_symptom():
    # Stepping uphill: the step losses, the epoch losses and the model are all wrong.
    run = _run_1_4(direction=1.0)
    result = check("W3-1.4", hinge_loss=hinge_loss, **run)
    assert [hint.split(":")[0] for hint in result.hints] == [
        "step_losses",
        "epoch_losses",
        "model",
    ]


def test_hints_do_not_give_the_answer_away():
    result = check("W3-1.1", **answers("W3-1.1", outputs=[torch.zeros(1, 1)] * 2))
    assert "2.5" not in str(result) and "0.8" not in str(result)
    result = check("W3-1.2", **answers("W3-1.2", classes=[-1, 1]))
    assert "[1, -1]" not in str(result)
    result = check("W3-1.5", **answers("W3-1.5", c=C_SEPARABLE))
    assert "1.0, -1.0, 1.0, -1.0" not in str(result)
