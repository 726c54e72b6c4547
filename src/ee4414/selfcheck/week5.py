r"""Self-check expectations for week 5's exercises: backpropagation by hand.

Week 5 splits a gradient into local derivatives and multiplies them (the chain rule). The
student writes those local derivatives as small functions and multiplies their values
into a gradient. Autograd in float64 is the judge of both: each hand-written function is
compared, on a few inputs, with the derivative autograd takes of the same expression, and
each gradient with autograd's gradient of the loss.

Two networks appear. W5-1.1 to W5-1.4.1 use the week-2 neuron
(:math:`w = [0.4, 0.1]^\top`, :math:`b = 1`, :math:`x = [0.5, 0.4]^\top`, :math:`y = -0.5`),
bare, with a ReLU, or with a sigmoid. W5-1.5 and W5-1.6 use the week-4 two-layer network
with a ReLU hidden layer and the label :math:`y = 1`; W5-1.6 also tries the inputs that
switch hidden neuron 1 on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import torch

from ee4414.course_numbers import (
    W2_B,
    W2_W,
    W2_X,
    W2_Y,
    W4_HIDDEN_B,
    W4_HIDDEN_W,
    W4_NEURONS,
    W4_X,
    W5_Y,
)
from ee4414.selfcheck._probes import close
from ee4414.selfcheck.checkers import (
    Checker,
    Expectations,
    agrees_with,
    all_of,
    number,
    predicate,
)

_F64 = torch.float64

# The week-2 neuron, in float64.
_W = torch.tensor(W2_W, dtype=_F64)  # (2, 1)
_B = W2_B
_X = torch.tensor(W2_X, dtype=_F64)  # (2, 1)
_Y = W2_Y

# The week-4 two-layer network: column j of _W0 holds hidden neuron j's weights.
_W0 = torch.tensor(W4_HIDDEN_W, dtype=_F64)  # (2, 2)
_B0 = torch.tensor(W4_HIDDEN_B, dtype=_F64)  # (2, 1)
_W1 = torch.tensor([W4_NEURONS["layer1"][:2]], dtype=_F64).T  # (2, 1)
_B1 = W4_NEURONS["layer1"][2]
_Y2 = W5_Y
_X_A = torch.tensor(W4_X)  # neuron 0 on, neuron 1 off
_X_B = torch.tensor([[-0.5], [-2.0]])  # both hidden neurons on
_X_C = torch.tensor([[-1.0], [0.5]])  # neuron 0 off, neuron 1 on


def _f64(t: Any) -> torch.Tensor:
    return torch.as_tensor(t.detach() if isinstance(t, torch.Tensor) else t, dtype=_F64).cpu()


def _grad(f: Callable[[torch.Tensor], torch.Tensor], at: Any) -> torch.Tensor:
    """Autograd's derivative of ``f(t).sum()`` with respect to ``t``, at ``at``, in float64."""
    t = _f64(at).clone().requires_grad_()
    with torch.enable_grad():
        (g,) = torch.autograd.grad(f(t).sum(), t)
    return g


def _neuron_gradients(activation: Callable[[torch.Tensor], torch.Tensor]) -> dict[str, float]:
    """dL/d(everything) for L = (activation(wᵀx + b) - y)², by autograd at the week-2 point."""
    w, b = _W.clone().requires_grad_(), torch.tensor([[_B]], dtype=_F64, requires_grad=True)
    with torch.enable_grad():
        y_hat = w.T @ _X + b
        error = activation(y_hat) - _Y
        loss = (error**2).sum()
        g_w, g_b, g_y_hat, g_error = torch.autograd.grad(loss, (w, b, y_hat, error))
    return {
        "w0": g_w[0, 0].item(),
        "w1": g_w[1, 0].item(),
        "b": g_b.item(),
        "y_hat": g_y_hat.item(),
        "error": g_error.item(),
    }


_LINEAR = _neuron_gradients(lambda t: t)
_RELU = _neuron_gradients(torch.relu)
_SIGMOID = _neuron_gradients(torch.sigmoid)


def _two_layer_grad_w0(x: Any) -> torch.Tensor:
    """dL/dW⁽⁰⁾ of the two-layer network, (2, 2): entry [i, j] is dL/dw⁽⁰⁾_{i,j}."""

    def loss(w0: torch.Tensor) -> torch.Tensor:
        z = torch.relu(w0.T @ _f64(x) + _B0)
        return (_W1.T @ z + _B1 - _Y2) ** 2

    return _grad(loss, _W0)


_GRAD_W0_A = _two_layer_grad_w0(_X_A)


# Local derivatives, as autograd takes them.


def _dyhat_dw(x: Any, i: int) -> torch.Tensor:
    """dŷ/dwᵢ for ŷ = wᵀx + b, shape (1, 1)."""
    return _grad(lambda w: w.T @ _f64(x) + _B, _W)[i : i + 1, :]


def _dyhat_db(y_hat: Any) -> torch.Tensor:
    """dŷ/db for ŷ = wᵀx + b, one per output: the shape of ŷ."""
    return _grad(lambda b: _W.T @ _X + b, torch.zeros_like(_f64(y_hat)))


def _dyhat_dz(w1: Any, j: int) -> torch.Tensor:
    """dŷ/dz_j for ŷ = w⁽¹⁾ᵀz + b⁽¹⁾, shape (1, 1)."""
    return _grad(lambda z: _f64(w1).T @ z + _B1, torch.zeros(2, 1))[j : j + 1, :]


def _dhidden_dw(x: Any, i: int) -> torch.Tensor:
    """dŷ⁽⁰⁾_j/dw⁽⁰⁾_{i,j} for ŷ⁽⁰⁾_j = w⁽⁰⁾_jᵀx + b⁽⁰⁾_j, shape (1, 1)."""
    return _grad(lambda w: w.T @ _f64(x), torch.zeros(2, 1))[i : i + 1, :]


def _relu_slope(y_hat: Any) -> torch.Tensor:
    return _grad(torch.relu, y_hat)  # 0 at ŷ = 0, like the course


def _sigmoid_slope(y_hat: Any) -> torch.Tensor:
    return _grad(torch.sigmoid, y_hat)


# Checkers for the hand-written activation derivatives.


def _col(v: float) -> torch.Tensor:
    return torch.tensor([[v]])  # (1, 1), the shape of ŷ in the examples


def _runs_on(y_hat: torch.Tensor) -> Checker:
    """Expect a function that accepts ``y_hat`` and returns a number or a tensor."""

    def checker(name: str, got: Any) -> list[str]:
        if not callable(got):
            return [f"{name} should be a function; got a {type(got).__name__}"]
        try:
            out = got(y_hat.clone())
        except Exception as err:  # the student's code may raise anything
            return [f"{name}(y_hat) raised {type(err).__name__}: {err}"]
        if out is None:
            return [f"{name}(y_hat) returns None: is the return statement missing?"]
        try:
            _f64(out)
        except (TypeError, ValueError, RuntimeError):
            return [f"{name}(y_hat) returns a {type(out).__name__}; return a tensor or a number"]
        return []

    return checker


def _slope_checker(
    reference: Callable[[Any], torch.Tensor],
    regions: list[tuple[list[float], str]],
    *,
    finite_hint: str,
    extra: tuple[Checker, ...] = (),
) -> Checker:
    """An activation's derivative: runs, stays finite, right in each region, element-wise."""
    points = [v for values, _ in regions for v in values]
    grid = torch.linspace(-4.0, 4.0, 17)  # includes 0.0

    def region(values: list[float], hint: str) -> Checker:
        return predicate(
            lambda f: all(close(f(_col(v)), reference(_col(v)), atol=1e-5) for v in values), hint
        )

    return all_of(
        _runs_on(_col(points[0])),
        predicate(
            lambda f: all(torch.isfinite(_f64(f(_col(v)))).all() for v in points), finite_hint
        ),
        *extra,
        *(region(values, hint) for values, hint in regions),
        predicate(
            lambda f: close(f(grid.clone()), reference(grid), atol=1e-5),
            "should work element-wise: for a tensor of several ŷ it should return one slope per "
            "entry, in the same shape (compare the whole tensor rather than branching with if)",
        ),
    )


_RELU_DERIVATIVE = _slope_checker(
    _relu_slope,
    [
        ([1.24, 0.3, 5.0], "gives the wrong slope where ŷ > 0, where the ReLU is the line z = ŷ"),
        ([-0.4, -2.0], "gives the wrong slope where ŷ < 0, where the ReLU is flat"),
        (
            [0.0],
            "is wrong at the corner ŷ = 0: the course gives the corner the slope of one of its "
            "two sides, the side autograd's torch.relu picks (compare with the dead-ReLU rule)",
        ),
    ],
    finite_hint="returns nan or inf for some ŷ: a formula that divides by ŷ breaks at ŷ = 0; "
    "compare ŷ with 0 instead",
)

_SIGMOID_DERIVATIVE = _slope_checker(
    _sigmoid_slope,
    [
        (
            [1.24, 0.0, -3.0, 4.0, -0.7],
            "does not match the sigmoid's slope; check each factor of the derivation "
            "(dz/du and du/dŷ with u = 1 + e^(−ŷ)) and the algebra that follows",
        ),
    ],
    finite_hint="returns nan or inf for some ŷ in [−3, 4]; check for a division by zero",
    extra=(
        predicate(
            lambda f: all(_f64(f(_col(v))).item() > 0 for v in (1.24, 0.0, -3.0)),
            "is negative or zero somewhere, but the sigmoid rises everywhere, so its slope is "
            "positive; check how the minus signs of the inner derivatives combine",
        ),
    ),
)


# W5-1.6: the chain of a weight of hidden neuron 1, for any input.


def _forward(x: torch.Tensor) -> dict[str, torch.Tensor]:
    """Every value of the two-layer network's forward pass, as W5-1.6's ``forward`` returns it."""
    w0, b0, w1 = _W0.float(), _B0.float(), _W1.float()
    y_hat0 = w0.T @ x + b0  # (2, 1): both hidden neurons
    y_hat0_0, y_hat0_1 = y_hat0[0:1], y_hat0[1:2]
    z0, z1 = torch.relu(y_hat0_0), torch.relu(y_hat0_1)
    y_hat = w1.T @ torch.cat([z0, z1], dim=-2) + _B1
    error = y_hat - _Y2
    return {
        "y_hat0_0": y_hat0_0,
        "y_hat0_1": y_hat0_1,
        "z0": z0,
        "z1": z1,
        "y_hat": y_hat,
        "E": error,
        "L": (error**2).sum(),
    }


def _product(factors: Any) -> float:
    result = torch.ones((), dtype=_F64)
    for value in factors.values():
        result = result * _f64(value)
    if result.numel() != 1:
        raise ValueError("the factors do not multiply to a single number")
    return float(result.item())


def _chain_gives_gradient(chain: Any, x: torch.Tensor, i: int) -> bool:
    """True when the product of ``chain(x, fwd, i)`` is autograd's dL/dw⁽⁰⁾_{i,1} at ``x``."""
    want = _two_layer_grad_w0(x)[i, 1].item()
    return abs(_product(chain(x.clone(), _forward(x), i)) - want) <= 1e-4


def _is_five_factors(chain: Any) -> bool:
    factors = chain(_X_B.clone(), _forward(_X_B), 1)
    return (
        isinstance(factors, Mapping)
        and len(factors) == 5
        and all(_f64(v).numel() == 1 for v in factors.values())
    )


_CHAIN_FOR_NEURON1 = all_of(
    predicate(callable, "should be a function chain_for_neuron1(x, fwd, i)"),
    predicate(
        _is_five_factors,
        "chain_for_neuron1(x, fwd, i) should return a dict of five factors, one number "
        "(or 1×1 tensor) per step back from the loss to the weight",
    ),
    predicate(
        lambda f: all(_chain_gives_gradient(f, x, 1) for x in (_X_B, _X_C)),
        "for inputs that switch hidden neuron 1 on, the factors for i = 1 do not multiply to "
        "∂L/∂w⁽⁰⁾₁,₁; check each factor on neuron 1's branch (which output weight, which ReLU)",
    ),
    predicate(
        lambda f: all(_chain_gives_gradient(f, x, 0) for x in (_X_B, _X_C)),
        "right for i = 1 but not for i = 0: the last factor must follow the input feature i",
    ),
    predicate(
        lambda f: all(_chain_gives_gradient(f, _X_A, i) for i in (0, 1)),
        "lets a gradient through for the input x_A, which switches hidden neuron 1 off; "
        "which factor of the chain should stop it there?",
    ),
)


# The expectations.

_X_CASES = [
    (torch.tensor([[0.5], [0.4]]),),
    (torch.tensor([[-1.5], [2.0]]),),
    (torch.tensor([[0.0], [3.0]]),),
]

EXPECTATIONS: Expectations = {
    "W5-1.1": {
        "deriv_y_hat_over_w0": agrees_with(lambda x: _dyhat_dw(x, 0), _X_CASES),
        "dyhat_dw0": number(_dyhat_dw(_X, 0).item()),
        "grad_w0": number(_LINEAR["w0"]),
    },
    "W5-1.2": {
        "deriv_y_hat_over_w1": agrees_with(lambda x: _dyhat_dw(x, 1), _X_CASES),
        "dL_dE": number(_LINEAR["error"]),
        "dE_dyhat": number(1.0),  # E = ŷ − y: the label is a constant
        "dyhat_dw1": number(_dyhat_dw(_X, 1).item()),
        "grad_w1": number(_LINEAR["w1"]),
    },
    "W5-1.3": {
        "deriv_y_hat_over_b": agrees_with(
            _dyhat_db, [(_col(1.24),), (_col(-0.3),), (_col(0.0),), (_col(7.5),)]
        ),
        "dL_dE": number(_LINEAR["error"]),
        "dE_dyhat": number(1.0),  # E = ŷ − y: the label is a constant
        "dyhat_db": number(1.0),
        "grad_b": number(_LINEAR["b"]),
    },
    "W5-1.4": {
        "deriv_relu": _RELU_DERIVATIVE,
        "upstream": number(_RELU["y_hat"]),
        "grad_w0": number(_RELU["w0"]),
    },
    "W5-1.4.1": {
        "deriv_sigmoid": _SIGMOID_DERIVATIVE,
        "upstream": number(_SIGMOID["y_hat"]),
        "grad_w0": number(_SIGMOID["w0"]),
    },
    "W5-1.5": {
        "deriv_y_hat_over_z": agrees_with(
            _dyhat_dz,
            [
                (_W1.float(), 0),
                (_W1.float(), 1),
                (torch.tensor([[2.0], [-3.0]]), 0),
                (torch.tensor([[2.0], [-3.0]]), 1),
            ],
        ),
        "deriv_relu": _RELU_DERIVATIVE,
        "deriv_hidden_over_weight": agrees_with(
            _dhidden_dw,
            [
                (_X_A, 0),
                (_X_A, 1),
                (torch.tensor([[-1.5], [2.0]]), 0),
                (torch.tensor([[-1.5], [2.0]]), 1),
            ],
        ),
        "grad_w0_00": number(_GRAD_W0_A[0, 0].item()),
    },
    "W5-1.6": {
        "chain_for_neuron1": _CHAIN_FOR_NEURON1,
        "grad_w11_a": number(_GRAD_W0_A[1, 1].item()),
        "grad_w01_a": number(_GRAD_W0_A[0, 1].item()),
    },
}
