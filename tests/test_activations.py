"""Every hand-derived derivative against autograd and a finite difference, in float64."""

from __future__ import annotations

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from ee4414 import ACTIVATIONS, get_activation, relu, relu_derivative, sigmoid, tanh

NAMES = sorted(ACTIVATIONS)


def _random(seed: int, shape=(4, 3, 1)) -> torch.Tensor:
    x = torch.randn(shape, generator=torch.Generator().manual_seed(seed), dtype=torch.float64) * 3
    # keep away from the ReLU kink, where the derivative is a convention
    return torch.where(x.abs() < 1e-3, x + 0.01, x)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", range(5))
def test_derivative_matches_autograd(name, seed):
    act = get_activation(name)
    x = _random(seed).requires_grad_()
    (grad,) = torch.autograd.grad(act(x).sum(), x)
    torch.testing.assert_close(act.derivative(x.detach()), grad)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", range(3))
def test_derivative_matches_finite_difference(name, seed):
    act = get_activation(name)
    x, eps = _random(seed), 1e-6
    estimate = (act(x + eps) - act(x - eps)) / (2 * eps)
    torch.testing.assert_close(act.derivative(x), estimate, atol=1e-7, rtol=1e-6)


@pytest.mark.parametrize("name", NAMES)
def test_shape_and_dtype_are_kept(name):
    act = get_activation(name)
    x = torch.zeros(2, 5, 1, dtype=torch.float64)
    assert act(x).shape == x.shape and act.derivative(x).dtype == torch.float64


def test_relu_values_and_dead_region():
    y_hat = torch.tensor([-2.0, 0.0, 0.69])
    assert relu(y_hat).tolist() == pytest.approx([0.0, 0.0, 0.69])
    assert relu_derivative(y_hat).tolist() == [0.0, 0.0, 1.0]


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_properties(v):
    y = torch.tensor(v, dtype=torch.float64)
    s = sigmoid(y)
    assert 0 < s < 1 or abs(v) > 20  # saturates to 0 or 1 in float64 only far out
    torch.testing.assert_close(sigmoid(-y), 1 - s)  # symmetric about (0, 1/2)
    assert sigmoid(y + 0.5) >= s  # monotone
    assert get_activation("sigmoid").derivative(y) <= 0.25


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=-10, max_value=10))
def test_tanh_is_odd_and_bounded(v):
    y = torch.tensor(v, dtype=torch.float64)
    torch.testing.assert_close(tanh(-y), -tanh(y))
    assert -1 <= tanh(y) <= 1


def test_lookup_is_case_insensitive_and_callable():
    assert get_activation("ReLU").name == "relu"


def test_unknown_activation_lists_the_valid_names():
    with pytest.raises(
        ValueError, match="unknown activation 'relu6'; choose one of: relu, sigmoid, tanh"
    ):
        get_activation("relu6")


def test_relu_derivative_agrees_with_autograd_at_the_kink():
    y_hat = torch.zeros(3, requires_grad=True)
    (grad,) = torch.autograd.grad(relu(y_hat).sum(), y_hat)
    assert grad.tolist() == relu_derivative(y_hat.detach()).tolist() == [0.0, 0.0, 0.0]
