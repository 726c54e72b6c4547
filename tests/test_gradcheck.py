from __future__ import annotations

import pytest
import torch

from ee4414 import (
    MLP,
    Linear,
    autograd_gradients,
    compare_gradients,
    mse,
    numerical_gradients,
    relu_derivative,
    squared_error,
)
from ee4414 import course_numbers as cn


@pytest.mark.parametrize("seed", range(3))
def test_finite_differences_agree_with_autograd(seed):
    g = torch.Generator().manual_seed(seed)
    model = MLP([2, 3, 2, 1], activation="tanh", generator=g)
    x = torch.randn(5, 2, 1, generator=g)
    y = torch.randn(5, 1, 1, generator=g)
    auto = autograd_gradients(model, mse, x, y)
    numeric = numerical_gradients(model, mse, x, y)
    assert set(auto) == {
        "layers.0.w",
        "layers.0.b",
        "layers.1.w",
        "layers.1.b",
        "layers.2.w",
        "layers.2.b",
    }
    for name in auto:
        torch.testing.assert_close(numeric[name], auto[name].double(), atol=1e-5, rtol=1e-4)
    assert all(p.grad is None for p in model.parameters())


def test_two_layer_backprop_by_hand():
    layer0 = Linear(2, 2, w=cn.W4_HIDDEN_W, b=cn.W4_HIDDEN_B, dtype=torch.float64)
    layer1 = Linear(2, 1, w=[-0.5, -0.4], b=-0.8, dtype=torch.float64)
    net = MLP.from_layers([layer0, layer1])
    x = torch.tensor([[0.3], [0.1]], dtype=torch.float64)
    y = torch.tensor([[1.0]], dtype=torch.float64)
    y_hat0 = layer0(x)
    error = net(x) - y
    # dL/dw0_{i,j} = 2E * w1_j * relu'(y_hat0_j) * x_i
    dl_dw0 = 2 * error * layer1.w.detach().T * relu_derivative(y_hat0).T * x
    report = compare_gradients(
        {"layers.0.w": dl_dw0, "layers.1.b": 2 * error}, net, squared_error, x, y
    )
    assert report.ok
    assert report.rows[0].autograd[1, 1].item() == 0.0  # neuron 1 is dead for this input


def test_report_table_and_failures():
    model = Linear(2, 1, w=[0.4, 0.1], b=1.0)
    x, y = torch.tensor([[0.5], [0.4]]), torch.tensor([[-0.5]])
    report = compare_gradients({"w[1, 0]": 1.3920, "b": 9.99}, model, squared_error, x, y)
    text = str(report).splitlines()
    assert text[0].split() == [
        "parameter",
        "manual",
        "autograd",
        "finite",
        "diff",
        "max",
        "|diff|",
        "ok",
    ]
    assert text[2].split()[:3] == ["w[1,", "0]", "1.3920"]
    assert text[2].endswith("yes") and text[3].endswith("NO")
    assert not report.ok


def test_bad_keys_and_values():
    model = Linear(2, 1)
    x, y = torch.zeros(2, 1), torch.zeros(1, 1)
    with pytest.raises(KeyError, match="no parameter 'v'; the model has: w, b"):
        compare_gradients({"v": 0.0}, model, mse, x, y)
    with pytest.raises(ValueError, match="cannot read gradient key"):
        compare_gradients({"w(0)": 0.0}, model, mse, x, y)
    with pytest.raises(ValueError, match=r"index \[2, 0\] is out of range for w of shape \(2, 1\)"):
        compare_gradients({"w[2, 0]": 0.0}, model, mse, x, y)
    with pytest.raises(ValueError, match="has 3 entries but w has 2"):
        compare_gradients({"w": [0.0, 0.0, 0.0]}, model, mse, x, y)  # type: ignore[dict-item]
