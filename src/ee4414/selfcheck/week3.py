r"""Self-check expectations for week 3's exercises.

Week 3 turns the linear neuron :math:`\hat{y} = \mathbf{w}^\top \mathbf{x} + b` into a
classifier: :math:`\mathbf{w} = [1, 3]^\top`, :math:`b = 0` on
:math:`\mathbf{x}^{(0)} = [1, 0.5]^\top` and :math:`\mathbf{x}^{(1)} = [0.1, -0.3]^\top`
(W3-1.1 to W3-1.3), then the hinge loss trained on four points (W3-1.4) and the same points
with labels that no line separates (W3-1.5). Expected values are computed here in float64.
The training exercises are checked through properties of the run (one loss per step and per
epoch, loss 0 and accuracy 1 when the labels are separable, neither when they are not), plus
W3-1.4's first epoch, four hand-derived updates replayed when the check runs, which catches
a loop that lets gradients accumulate. Nothing is trained at import.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import torch

from ee4414.course_numbers import W3_B, W3_LABELS, W3_POINTS, W3_W
from ee4414.losses import hinge
from ee4414.selfcheck._probes import (
    all_python_numbers,
    as_float64,
    computes_linear,
    differentiable,
    is_module,
    model_input,
)
from ee4414.selfcheck.checkers import Expectations, agrees_with, all_of, predicate

_W = torch.tensor(W3_W, dtype=torch.float64)  # (2, 1)
_B = W3_B
_INPUTS = torch.tensor(W3_POINTS[:2], dtype=torch.float64)  # (2, 2, 1)
_OUTPUTS = (_W.T @ _INPUTS + _B).flatten()  # ŷ⁽⁰⁾ = 2.5, ŷ⁽¹⁾ = -0.8
_CLASSES = [1.0, -1.0]  # the sign rule on the two outputs

# W3-1.4 and W3-1.5: four points forming a parallelogram with corners 0, 3, 2, 1 in turn.
_X4 = torch.tensor(W3_POINTS, dtype=torch.float64)  # (4, 2, 1)
_C4 = torch.tensor(W3_LABELS, dtype=torch.float64).reshape(4, 1, 1)
_EPOCHS_1_4 = 20
_LR_1_4 = 0.1
_EPOCHS_1_5 = 30


def _start_weights() -> tuple[torch.Tensor, torch.Tensor]:
    """The seeded starting weights of W3-1.4: w and b drawn from U(-0.2, 0.2), seed 4."""
    generator = torch.Generator().manual_seed(4)
    w = torch.nn.init.uniform_(torch.empty(2, 1), -0.2, 0.2, generator=generator)
    b = torch.nn.init.uniform_(torch.empty(1, 1), -0.2, 0.2, generator=generator)
    return w.double(), b.double()


_W_START, _B_START = _start_weights()
_FIRST_STEP_LOSS = max(0.0, 1.0 - (_C4[0] * (_W_START.T @ _X4[0] + _B_START)).item())


# W3-1.1: the model, the inputs and the outputs


def _has_w_and_b(model: Any) -> bool:
    return isinstance(model.w, torch.nn.Parameter) and isinstance(model.b, torch.nn.Parameter)


def _w_is_column(model: Any) -> bool:
    return tuple(model.w.shape) == (2, 1) and model.b.numel() == 1


def _holds_values(model: Any) -> bool:
    w, b = as_float64(model.w), as_float64(model.b)
    return torch.allclose(w, _W, atol=1e-6) and math.isclose(b.item(), _B, abs_tol=1e-6)


_FORWARD_PROBES = (*_INPUTS, torch.tensor([[-2.0], [0.7]], dtype=torch.float64))  # tried wᵀx + b


def _pair(values: Any) -> bool:
    return len(values) == 2


def _columns(values: Any) -> bool:
    return all(isinstance(v, torch.Tensor) and tuple(v.shape) == (2, 1) for v in values)


def _inputs_are(values: Any) -> bool:
    return all(
        torch.allclose(as_float64(v), want, atol=1e-6)
        for v, want in zip(values, _INPUTS, strict=True)
    )


def _one_by_one(values: Any) -> bool:
    return all(isinstance(v, torch.Tensor) and tuple(v.shape) == (1, 1) for v in values)


def _outputs_are(values: Any) -> bool:
    got = torch.stack([as_float64(v).flatten() for v in values]).flatten()
    return torch.allclose(got, _OUTPUTS, atol=1e-4)


# W3-1.2: the sign rule


def _sign_rule(y_hat: torch.Tensor) -> int:
    """The class of one output: 1 if y_hat > 0, else -1."""
    return 1 if float(y_hat) > 0 else -1


def _zero_is_minus_one(classify: Any) -> bool:
    return float(classify(torch.tensor([[0.0]]))) == -1.0


def _classes_are(values: Any) -> bool:
    return [float(v) for v in values] == _CLASSES


# W3-1.3: the boundary


def _boundary(x0: Any, w0: Any, w1: Any, b: Any) -> Any:
    """x1 on the line ŷ = 0: x1 = -x0 w0 / w1 - b / w1."""
    return -x0 * w0 / w1 - b / w1


_BOUNDARY_CASES: list[tuple[Any, ...]] = [
    (1.5, 1.0, 3.0, 0.0),  # the exercise's w and b
    (-0.6, 1.0, 3.0, 0.0),
    (0.5, 2.0, -4.0, 0.0),  # a negative w1
    (0.0, 1.0, 3.0, 0.6),  # a bias: the intercept
    (-1.0, 0.5, 2.0, -3.0),
    (torch.linspace(-1.5, 1.5, 7), 1.0, 3.0, 0.5),  # many x0 at once
    (torch.tensor(0.3), torch.tensor(1.28), torch.tensor(1.28), torch.tensor(-0.86)),
]


def _draws_boundary(ax: Any) -> bool:
    """True when a line on ``ax`` runs along x1 = -x0/3, with x0 on the horizontal axis."""
    for line in ax.get_lines():
        xy = torch.as_tensor(line.get_xydata(), dtype=torch.float64)
        if xy.ndim != 2 or xy.shape[0] < 2 or float(xy[:, 0].max() - xy[:, 0].min()) <= 0:
            continue
        x0, x1 = xy[:, 0], xy[:, 1]
        if torch.allclose(x1, _boundary(x0, _W[0, 0], _W[1, 0], _B), atol=1e-4):
            return True
    return False


# W3-1.4: the hinge loss and its training run


def _point(y_hat: float, c: float) -> tuple[torch.Tensor, torch.Tensor]:
    return torch.tensor([[y_hat]]), torch.tensor([[c]])


_HINGE_CASES = [
    _point(-0.8, -1.0),  # correct, but inside the margin
    _point(2.5, 1.0),  # beyond the margin
    _point(0.4, 1.0),
    _point(0.5, -1.0),  # on the wrong side
    _point(-3.0, -1.0),  # beyond the margin, class -1
    _point(-2.0, 1.0),
]
_HINGE_BATCH = [
    (
        torch.tensor([2.5, -0.8, 0.5, -2.0]).reshape(4, 1, 1),
        torch.tensor([1.0, -1.0, -1.0, 1.0]).reshape(4, 1, 1),
    )
]


def _first_step_is_point_0(step_losses: Sequence[float]) -> bool:
    return math.isclose(step_losses[0], _FIRST_STEP_LOSS, abs_tol=1e-5)


def _first_epoch_losses() -> list[float]:
    """The step losses of W3-1.4's first epoch, by the hand-derived update (4 steps)."""
    w, b, losses = _W_START.clone(), _B_START.clone(), []
    for x_i, c_i in zip(_X4, _C4, strict=True):
        margin = (c_i * (w.T @ x_i + b)).item()
        losses.append(max(0.0, 1.0 - margin))
        if margin < 1:  # inside the margin: w <- w + lr C x, b <- b + lr C
            w, b = w + _LR_1_4 * c_i * x_i, b + _LR_1_4 * c_i
    return losses


def _first_epoch_is_sgd(step_losses: Sequence[float]) -> bool:
    want = torch.tensor(_first_epoch_losses(), dtype=torch.float64)
    got = torch.tensor([float(v) for v in step_losses[:4]], dtype=torch.float64)
    return got.shape == want.shape and torch.allclose(got, want, atol=1e-5)


def _last_epoch_steps_are_zero(step_losses: Sequence[float]) -> bool:
    """The loss of the last epoch is 0, so each of its four steps must be 0 too."""
    return all(v <= 1e-6 for v in step_losses[-4:]) and max(step_losses) > 0


def _outputs_on(model: Any, x: torch.Tensor) -> torch.Tensor:
    with torch.no_grad():
        return torch.stack([as_float64(model(model_input(model, x_i))) for x_i in x])


def _separates(model: Any) -> bool:
    y_hat = _outputs_on(model, _X4)
    return bool((torch.where(y_hat > 0, 1.0, -1.0).double() == _C4).all())


def _beyond_margin(model: Any) -> bool:
    return bool((_C4 * _outputs_on(model, _X4) >= 1 - 1e-5).all())


# W3-1.5: labels that no line separates


def _labels_pm_one(c: Any) -> bool:
    return bool(((c == 1) | (c == -1)).all())


def _two_of_each(c: Any) -> bool:
    return int((c == 1).sum()) == 2 and int((c == -1).sum()) == 2


def _not_separable(c: Any) -> bool:
    """Four points on a parallelogram: no line splits them when each class is a diagonal."""
    labels = c.flatten().tolist()
    return bool(labels[0] == labels[2] and labels[1] == labels[3] and labels[0] != labels[1])


EXPECTATIONS: Expectations = {
    "W3-1.1": {
        "model": all_of(
            predicate(
                is_module, "should be an instance of your class, derived from torch.nn.Module"
            ),
            predicate(
                _has_w_and_b,
                "should keep its weights in self.w and its bias in self.b, each wrapped in "
                "torch.nn.Parameter (the cells below read model.w and model.b)",
            ),
            predicate(_w_is_column, "w should be a 2×1 column vector and b a single number"),
            predicate(_holds_values, "w and b should hold the values the exercise gives"),
            predicate(
                lambda m: computes_linear(m, _W, _B, _FORWARD_PROBES),
                "model(x) should return wᵀx + b, a 1×1 tensor, for a 2×1 column x",
            ),
        ),
        "inputs": all_of(
            predicate(_pair, "should be a list of the two inputs, x⁽⁰⁾ first"),
            predicate(_columns, "each input should be a 2×1 column vector tensor, like w"),
            predicate(
                _inputs_are, "the inputs differ from x⁽⁰⁾ and x⁽¹⁾ of the exercise, in order"
            ),
        ),
        "outputs": all_of(
            predicate(_pair, "should hold one output per input, two in all, x⁽⁰⁾'s first"),
            predicate(
                _one_by_one,
                "each output should be the 1×1 tensor that model(x) returns (keep the tensor; "
                ".item() is only for printing)",
            ),
            predicate(
                _outputs_are,
                "the outputs are not wᵀx + b of the two inputs; check the model's forward",
            ),
        ),
    },
    "W3-1.2": {
        "classify": all_of(
            agrees_with(_sign_rule, [(torch.tensor([[v]]),) for v in (2.5, -0.8, 0.3, -4.0)]),
            predicate(
                _zero_is_minus_one,
                "an output of exactly 0 is given the wrong class: only a positive ŷ is class 1",
            ),
        ),
        "classes": all_of(
            predicate(_pair, "should hold one class per point, two in all, x⁽⁰⁾'s first"),
            predicate(_classes_are, "the classes do not follow the sign rule for ŷ⁽⁰⁾ and ŷ⁽¹⁾"),
        ),
    },
    "W3-1.3": {
        "decision_boundary": agrees_with(_boundary, _BOUNDARY_CASES, atol=1e-5),
        "ax": predicate(
            _draws_boundary,
            "no line drawn on ax follows the boundary ŷ = 0 of w = [1, 3], b = 0, with x0 on "
            "the horizontal axis and x1 on the vertical one",
        ),
    },
    "W3-1.4": {
        "hinge_loss": all_of(
            agrees_with(hinge, _HINGE_CASES, atol=1e-5, returns_tensor=True),
            predicate(
                lambda f: differentiable(f, [(-3.0, -1.0), (0.4, 1.0)]),  # beyond, inside
                "should return a tensor that autograd can differentiate, also beyond the margin "
                "where the loss is 0 (Python's max gives a plain 0 there: use a torch function)",
            ),
            agrees_with(hinge, _HINGE_BATCH, atol=1e-5),
        ),
        "step_losses": all_of(
            predicate(
                lambda v: len(v) == 4 * _EPOCHS_1_4,
                f"record the loss of every step: one per point per epoch, {4 * _EPOCHS_1_4} in all",
            ),
            predicate(
                all_python_numbers,
                "store each loss as a Python number with loss.item(); a tensor keeps its autograd "
                "record alive and cannot be plotted",
            ),
            predicate(
                _first_step_is_point_0,
                "the first entry should be the loss of point 0 at the starting weights: record "
                "each step's loss before its update",
            ),
            predicate(
                _first_epoch_is_sgd,
                "the losses of the first epoch's steps are not those of one update per point "
                f"with lr = {_LR_1_4}: each step should move the parameters against the gradient "
                "of its own point's loss alone (clear the gradients before each backward())",
            ),
            predicate(
                _last_epoch_steps_are_zero,
                "the steps of the last epoch should all have zero loss, after earlier ones that "
                "did not",
            ),
        ),
        "epoch_losses": all_of(
            predicate(
                lambda v: len(v) == _EPOCHS_1_4,
                f"record one loss per epoch ({_EPOCHS_1_4} epochs)",
            ),
            predicate(all_python_numbers, "store each loss as a Python number with loss.item()"),
            predicate(
                lambda v: v[-1] <= 1e-6 < v[0],
                "the loss of the last epoch should be 0, below that of the first; check the sign "
                "of the update and that the gradients are cleared before each backward()",
            ),
        ),
        "model": all_of(
            predicate(_separates, "does not classify all four training points correctly"),
            predicate(_beyond_margin, "leaves a point inside the margin (C·ŷ < 1)"),
        ),
    },
    "W3-1.5": {
        "c": all_of(
            predicate(
                lambda c: isinstance(c, torch.Tensor) and tuple(c.shape) == (4, 1, 1),
                "should be a tensor of shape (4, 1, 1), one label per point, like the labels "
                "of W3-1.4",
            ),
            predicate(_labels_pm_one, "every label should be 1 or -1"),
            predicate(_two_of_each, "should keep two points of each class"),
            predicate(
                _not_separable,
                "a straight line can still separate these labels; choose them so that no line can",
            ),
        ),
        "epoch_losses": all_of(
            predicate(
                lambda v: len(v) == _EPOCHS_1_5, f"record one loss per epoch ({_EPOCHS_1_5} epochs)"
            ),
            predicate(
                lambda v: min(v) > 0.5,
                "the loss fell far below 1, which no model can do on labels that no line "
                "separates: train on the new labels c",
            ),
        ),
        "final_accuracy": predicate(
            lambda a: 0 <= float(a) < 1,
            "should be below 1: no straight line gets all four relabelled points right",
        ),
    },
}
