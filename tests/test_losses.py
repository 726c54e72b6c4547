"""Losses and their derivatives with respect to y_hat, checked against autograd."""

from __future__ import annotations

import pytest
import torch

from ee4414 import (
    get_loss,
    hinge,
    hinge_derivative,
    mse,
    mse_derivative,
    squared_error,
    squared_error_derivative,
)

PAIRS = [
    (squared_error, squared_error_derivative),
    (mse, mse_derivative),
    (hinge, hinge_derivative),
]


def _data(seed: int, shape=(6, 1, 1)):
    g = torch.Generator().manual_seed(seed)
    y_hat = torch.randn(shape, generator=g, dtype=torch.float64) * 2
    labels = torch.where(torch.rand(shape, generator=g) > 0.5, 1.0, -1.0).double()
    # keep hinge points away from the kink at c * y_hat = 1
    y_hat = torch.where((labels * y_hat - 1).abs() < 1e-3, y_hat + 0.01, y_hat)
    return y_hat, labels


@pytest.mark.parametrize(("loss", "derivative"), PAIRS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("shape", [(6, 1, 1), (3, 4, 2, 1), (1, 1)])
@pytest.mark.parametrize("seed", range(3))
def test_derivative_matches_autograd(loss, derivative, shape, seed):
    y_hat, target = _data(seed, shape)
    y_hat.requires_grad_()
    (grad,) = torch.autograd.grad(loss(y_hat, target), y_hat)
    torch.testing.assert_close(derivative(y_hat.detach(), target), grad)


@pytest.mark.parametrize(("loss", "derivative"), PAIRS, ids=lambda f: f.__name__)
def test_derivative_matches_finite_difference(loss, derivative):
    y_hat, target = _data(7)
    eps = 1e-6
    analytic = derivative(y_hat, target)
    for k in range(y_hat.numel()):
        bump = torch.zeros_like(y_hat).view(-1)
        bump[k] = eps
        bump = bump.view_as(y_hat)
        estimate = (loss(y_hat + bump, target) - loss(y_hat - bump, target)) / (2 * eps)
        assert analytic.view(-1)[k].item() == pytest.approx(estimate.item(), abs=1e-7)


def test_losses_are_scalars_and_means_over_the_batch():
    y_hat = torch.tensor([1.0, 2.0, 3.0]).view(3, 1, 1)
    y = torch.zeros(3, 1, 1)
    assert squared_error(y_hat, y).shape == ()
    assert squared_error(y_hat, y).item() == pytest.approx(14 / 3)
    assert mse(y_hat, y).item() == pytest.approx(14 / 3)


def test_squared_error_sums_outputs_but_mse_averages_them():
    y_hat = torch.tensor([[1.0], [2.0]]).unsqueeze(0)  # one point, two outputs
    assert squared_error(y_hat, 0.0).item() == pytest.approx(5.0)
    assert mse(y_hat, 0.0).item() == pytest.approx(2.5)


def test_hinge_values():
    y_hat = torch.tensor([2.5, -0.8, 0.5]).view(3, 1, 1)
    c = torch.tensor([1.0, -1.0, 1.0]).view(3, 1, 1)
    # margins: 2.5 and 0.8 -> losses 0 and 0.2; 0.5 -> 0.5
    assert hinge(y_hat, c).item() == pytest.approx(0.7 / 3)
    assert hinge_derivative(y_hat, c).flatten().tolist() == pytest.approx([0.0, 1 / 3, -1 / 3])


def test_mismatched_shapes_are_refused():
    with pytest.raises(
        ValueError, match=r"y_hat has shape \(4, 1, 1\) but the target y has shape \(4, 1\)"
    ):
        mse(torch.zeros(4, 1, 1), torch.zeros(4, 1))


def test_hinge_labels_must_be_plus_minus_one():
    with pytest.raises(ValueError, match=r"hinge expects labels in \{-1, 1\}; got values \[0.0\]"):
        hinge(torch.zeros(2, 1, 1), torch.tensor([0.0, 1.0]).view(2, 1, 1))


def test_bad_types_are_refused():
    with pytest.raises(TypeError, match="expects y_hat to be a torch.Tensor"):
        squared_error([1.0], 1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expects the target y to be a tensor or a number"):
        squared_error(torch.zeros(1), "1")  # type: ignore[arg-type]


def test_lookup_by_name():
    assert get_loss("hinge") is hinge
    with pytest.raises(
        ValueError, match="unknown loss 'l1'; choose one of: squared_error, mse, hinge"
    ):
        get_loss("l1")


def test_hinge_derivative_agrees_with_autograd_at_the_kink():
    y_hat = torch.tensor([[[1.0]], [[-1.0]]], requires_grad=True)
    c = torch.tensor([[[1.0]], [[-1.0]]])
    (grad,) = torch.autograd.grad(hinge(y_hat, c), y_hat)
    assert grad.flatten().tolist() == hinge_derivative(y_hat.detach(), c).flatten().tolist()
    assert grad.abs().sum().item() == 0.0
