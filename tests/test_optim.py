from __future__ import annotations

import math

import pytest
import torch

from ee4414 import SGD, Linear, sgd_step


def test_sgd_step_is_p_minus_lr_grad():
    layer = Linear(2, 1, w=[0.4, 0.1], b=1.0)
    layer.w.grad = torch.tensor([[1.0], [2.0]])
    sgd_step(layer.parameters(), lr=0.1)  # b has no grad: left alone
    torch.testing.assert_close(layer.w.detach(), torch.tensor([[0.3], [-0.1]]))
    assert layer.b.item() == 1.0
    assert layer.w.grad_fn is None and layer.w.requires_grad


@pytest.mark.parametrize("lr", [0, -0.1, math.nan, math.inf])
def test_learning_rate_must_be_positive_and_finite(lr):
    with pytest.raises(ValueError, match="learning rate must be positive and finite"):
        sgd_step([], lr)


def test_learning_rate_must_be_a_number():
    with pytest.raises(TypeError, match="must be a positive number such as 0.01; got '0.1'"):
        SGD([], "0.1")  # type: ignore[arg-type]


def test_optimiser_zero_grad_and_step():
    layer = Linear(2, 1, w=[0.0, 0.0], b=0.0)
    opt = SGD(layer.parameters(), lr=0.5)
    layer(torch.tensor([[1.0], [2.0]])).sum().backward()
    opt.step()
    torch.testing.assert_close(layer.w.detach(), torch.tensor([[-0.5], [-1.0]]))
    opt.zero_grad()
    assert all(p.grad is None for p in layer.parameters())
