r"""Self-check expectations for week 2's exercises.

Week 2 trains one linear neuron, :math:`\hat{y} = \mathbf{w}^\top \mathbf{x} + b` with
:math:`\mathbf{w} = [0.4, 0.1]^\top` and :math:`b = 1`, on the single point
:math:`\mathbf{x} = [0.5, 0.4]^\top`, :math:`y = -0.5`, with the squared error and gradient
descent. Every expected value below is computed from those numbers in float64. Training
exercises are checked through the closed form of W2-1.7: one step multiplies the error
:math:`\hat{y} - y` by :math:`r = 1 - 2\mu(x_0^2 + x_1^2 + 1)`, so nothing is trained here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import torch

from ee4414.course_numbers import W2_B, W2_LR, W2_W, W2_X, W2_Y
from ee4414.selfcheck._probes import (
    all_python_numbers,
    as_float64,
    close,
    computes_linear,
    model_input,
)
from ee4414.selfcheck.checkers import (
    Checker,
    Expectations,
    agrees_with,
    all_of,
    equals_tensor,
    number,
    predicate,
)

_W = torch.tensor(W2_W, dtype=torch.float64)  # (2, 1)
_B = W2_B
_X = torch.tensor(W2_X, dtype=torch.float64)  # (2, 1)
_Y = W2_Y
_LR = W2_LR
_EPOCHS = 100
_LEARNING_RATES = (1.0, 0.1, 0.01, 0.001)

_Y_HAT = _W.T @ _X + _B  # (1, 1)
_ERROR = _Y_HAT.item() - _Y  # e = y_hat - y
_LOSS = _ERROR**2
_GRAD_W = 2 * _ERROR * _X  # dL/dw = 2 e x, (2, 1)
_GRAD_B = 2 * _ERROR  # dL/db = 2 e
_W_STEP = _W - _LR * _GRAD_W
_B_STEP = _B - _LR * _GRAD_B
_Y_HAT_STEP = _W_STEP.T @ _X + _B_STEP
_LOSS_STEP = (_Y_HAT_STEP.item() - _Y) ** 2
_S = (_X.T @ _X).item() + 1.0  # x0² + x1² + 1


def _factor(lr: float) -> float:
    """The factor r = 1 - 2 lr (x0² + x1² + 1) by which one step multiplies the error."""
    return 1.0 - 2.0 * lr * _S


def _near(value: Any, expected: float, *, atol: float = 1e-6) -> bool:
    """True when the number ``value`` is within 0.1 % (or ``atol``) of ``expected``."""
    return close(value, expected, atol=atol, rtol=1e-3)


# W2-1.1 and W2-1.2: the model


def _requires_grad(t: Any) -> bool:
    return isinstance(t, torch.Tensor) and t.requires_grad


def _owns_w_and_b(model: Any) -> bool:
    sizes = sorted(p.numel() for p in model.parameters())
    return sizes == [1, 2]


def _holds_start_values(model: Any) -> bool:
    params = sorted(model.parameters(), key=lambda p: p.numel())
    b, w = (as_float64(p).flatten() for p in params)
    return torch.allclose(w, _W.flatten(), atol=1e-6) and _near(b, _B, atol=1e-6)


_FORWARD_PROBES = (_X, torch.tensor([[1.0], [-2.0]], dtype=torch.float64))  # where wᵀx + b is tried


# W2-1.4 and W2-1.5: gradients and one step


def _has_grads(model: Any) -> bool:
    return model.w.grad is not None and model.b.grad is not None


def _grads_are(model: Any, scale: float) -> bool:
    w_grad, b_grad = as_float64(model.w.grad), as_float64(model.b.grad)
    return torch.allclose(w_grad, scale * _GRAD_W, atol=1e-4) and _near(b_grad, scale * _GRAD_B)


def _accumulated(model: Any) -> bool:
    """True when the gradients are k ≥ 2 times the right ones: backward() ran k times."""
    k = round(float(model.b.grad) / _GRAD_B)
    return k >= 2 and _grads_are(model, k)


def _params_at(model: Any, w: torch.Tensor, b: float) -> bool:
    w_now, b_now = as_float64(model.w), as_float64(model.b)
    return torch.allclose(w_now.reshape(w.shape), w, atol=1e-5) and _near(b_now, b, atol=1e-5)


class _NeuronWithGradients(torch.nn.Module):
    """A neuron shaped like the course's, with gradients set by hand, to try an update on."""

    def __init__(self) -> None:
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor([[0.4], [0.1]]))
        self.b = torch.nn.Parameter(torch.tensor(1.0))
        self.w.grad = torch.tensor([[1.0], [-2.0]])
        self.b.grad = torch.tensor(0.5)


def _steps_downhill(optimize_weights: Any) -> bool:
    probe = _NeuronWithGradients()
    optimize_weights(probe, 0.1)
    w_expected = torch.tensor([[0.4 - 0.1], [0.1 + 0.2]], dtype=torch.float64)
    return _params_at(probe, w_expected, 1.0 - 0.05) and all(
        p.requires_grad for p in probe.parameters()
    )


# W2-1.6 and W2-1.7: training


def _loss_after(steps: int, lr: float) -> float:
    return float(_LOSS * _factor(lr) ** (2 * steps))


def _falls_every_epoch(values: Sequence[float]) -> bool:
    return all(later < earlier for earlier, later in itertools.pairwise(values))


def _is_run(run: Any) -> bool:
    losses, errors = run
    return len(losses) == _EPOCHS and len(errors) == _EPOCHS


def _scales_like(lr: float) -> Checker:
    """Each of the first few steps must multiply the loss by r² and the error by r."""
    r = _factor(lr)

    def test(runs: Any) -> bool:
        losses, errors = runs[lr]
        return all(
            _near(losses[t + 1] / losses[t], r**2) and _near(errors[t + 1] / errors[t], r)
            for t in range(5)
        )

    return predicate(
        test,
        f"in the run with μ = {lr} the loss does not change by the factor one step with that "
        "learning rate gives; check that train uses its lr and clears the gradients every epoch",
    )


# W2-Eg2 and W2-Ex2: the gradient by hand


def _autograd_grad_w(w: Any, b: Any, x: Any, y: float) -> torch.Tensor:
    """dL/dw of L = (wᵀx + b - y)², by autograd in float64: the judge of a hand formula."""
    w64 = as_float64(w).clone().requires_grad_()
    with torch.enable_grad():
        loss = ((w64.T @ as_float64(x) + float(b) - y) ** 2).sum()
        (grad,) = torch.autograd.grad(loss, w64)
    return grad


EXPECTATIONS: Expectations = {
    "W2-1.1": {
        "x": equals_tensor(_X, what="a 2×1 column vector"),
        "w": all_of(
            equals_tensor(_W, what="a 2×1 column vector"),
            predicate(_requires_grad, "training will need ∂L/∂w, so autograd must track w"),
        ),
        "b": all_of(
            number(_B),
            predicate(_requires_grad, "training will need ∂L/∂b: make b a tensor autograd tracks"),
        ),
        "y_hat": equals_tensor(_Y_HAT, what="a 1×1 tensor"),
    },
    "W2-1.2": {
        "model": all_of(
            predicate(
                lambda m: isinstance(m, torch.nn.Module),
                "should be an instance of your class, which derives from torch.nn.Module",
            ),
            predicate(
                _owns_w_and_b,
                "should own two parameters, w (2×1) and b (one number), each wrapped in "
                "torch.nn.Parameter so that model.parameters() finds them",
            ),
            predicate(_holds_start_values, "w and b should start at the values the exercise gives"),
            predicate(
                lambda m: computes_linear(m, _W, _B, _FORWARD_PROBES),
                "model(x) should return wᵀx + b, a 1×1 tensor, for a 2×1 x",
            ),
        ),
        "y_hat": equals_tensor(_Y_HAT, what="a 1×1 tensor"),
    },
    "W2-1.3": {
        "squared_error": agrees_with(
            lambda y_hat, y: (y_hat - y) ** 2,
            [
                (torch.tensor([[1.24]]), -0.5),
                (torch.tensor([[-2.0]]), 0.5),
                (torch.tensor([[0.25]]), 0.25),
            ],
            returns_tensor=True,
            differentiable=True,
        ),
        "loss": number(_LOSS),
    },
    "W2-1.4": {
        "model": all_of(
            predicate(_has_grads, "model.w.grad and model.b.grad are empty: no backward() yet"),
            predicate(
                lambda m: not _accumulated(m),
                "the gradients are a whole multiple of the right ones: backward() adds to .grad, "
                "so clear the old gradients before it",
            ),
            predicate(
                lambda m: _grads_are(m, 1.0),
                "the gradients are not those of the squared error at the starting weights; "
                "compute the loss with a fresh forward pass, then call backward() once",
            ),
        ),
    },
    "W2-1.5": {
        "optimize_weights": predicate(
            _steps_downhill,
            "optimize_weights(model, lr) should move every parameter of model, in place, "
            "against its gradient by lr times that gradient",
        ),
        "model": all_of(
            predicate(
                lambda m: not _params_at(m, _W, _B),
                "still has its starting weights and bias: the update must change model.w and "
                "model.b themselves",
            ),
            predicate(
                lambda m: not _params_at(m, _W + _LR * _GRAD_W, _B + _LR * _GRAD_B),
                "moved uphill, where the loss grows: step against the gradient",
            ),
            predicate(
                lambda m: _params_at(m, _W_STEP, _B_STEP),
                "is not where one step with μ = 0.01 from the starting values leads; check the "
                "learning rate and that exactly one step was taken",
            ),
        ),
        "y_hat": equals_tensor(_Y_HAT_STEP, what="a 1×1 tensor"),
        "loss_new": number(_LOSS_STEP),
    },
    "W2-1.6": {
        "losses": all_of(
            predicate(lambda v: len(v) == _EPOCHS, f"record one loss per epoch ({_EPOCHS} epochs)"),
            predicate(
                all_python_numbers,
                "store each loss as a Python number with loss.item(); a tensor keeps its autograd "
                "record alive and cannot be plotted",
            ),
            predicate(
                lambda v: _near(v[0], _LOSS),
                "the first entry should be the loss of the starting weights: record each loss "
                "before the update",
            ),
            predicate(
                _falls_every_epoch,
                "the loss should fall at every epoch; check the sign of the update and that the "
                "gradients are cleared every epoch",
            ),
            predicate(
                lambda v: _near(v[-1], _loss_after(_EPOCHS - 1, _LR)),
                f"the last loss is not where {_EPOCHS} epochs with μ = {_LR} lead; check the "
                "learning rate and that every epoch takes exactly one step",
            ),
        ),
        "model": predicate(
            lambda m: _near(m(model_input(m, _X)).item(), _Y + _ERROR * _factor(_LR) ** _EPOCHS),
            f"model(x) is not where {_EPOCHS} steps from the starting values lead; check the "
            "model you trained is the one named model",
        ),
    },
    "W2-1.7": {
        "runs": all_of(
            predicate(
                lambda runs: set(runs) == set(_LEARNING_RATES),
                "should be a dict with one entry per learning rate of the exercise, keyed by it",
            ),
            predicate(
                lambda runs: all(_is_run(run) for run in runs.values()),
                f"each entry should be the pair (losses, errors) that train returns, with one "
                f"value per epoch ({_EPOCHS} epochs)",
            ),
            predicate(
                lambda runs: all(_near(losses[0], _LOSS) for losses, _ in runs.values()),
                "every run should start from a fresh model: the first loss of each run is the "
                "loss of the starting weights, recorded before the first update",
            ),
            predicate(
                lambda runs: all(_near(errors[0], _ERROR) for _, errors in runs.values()),
                "errors should hold ŷ − y of every epoch, recorded before the update",
            ),
            *(_scales_like(lr) for lr in _LEARNING_RATES),
        ),
    },
    "W2-Eg2": {
        "grad_w0_terms": number(_GRAD_W[0, 0].item()),
        "grad_w0": number(_GRAD_W[0, 0].item()),
    },
    "W2-Ex2": {
        "grad_w1": agrees_with(
            lambda w, b, x, y: _autograd_grad_w(w, b, x, y)[1, 0],
            [
                (
                    torch.tensor([[0.4], [0.1]]),
                    torch.tensor(1.0),
                    torch.tensor([[0.5], [0.4]]),
                    -0.5,
                ),
                (
                    torch.tensor([[-1.0], [2.0]]),
                    torch.tensor(0.5),
                    torch.tensor([[0.3], [-0.7]]),
                    1.0,
                ),
                (
                    torch.tensor([[0.2], [0.3]]),
                    torch.tensor(-0.1),
                    torch.tensor([[1.5], [2.0]]),
                    0.0,
                ),
            ],
            atol=1e-4,
        ),
        "manual": number(_GRAD_W[1, 0].item()),
        "autograd": number(_GRAD_W[1, 0].item()),
    },
}
