"""The numbers EXERCISES.md asks for in weeks 2 to 4, reproduced through the library."""

from __future__ import annotations

import pytest
import torch

import ee4414
from ee4414 import course_numbers as cn

X_W2 = torch.tensor(cn.W2_X)
Y_W2 = cn.W2_Y


def week2_model() -> ee4414.Linear:
    return ee4414.Linear(2, 1, w=cn.W2_W, b=cn.W2_B)


def test_w2_1_1_prediction():
    assert f"{week2_model()(X_W2).item():.4f}" == "1.2400"


def test_w2_1_3_squared_error():
    loss = ee4414.squared_error(week2_model()(X_W2), Y_W2)
    assert loss.shape == ()
    assert f"{loss.item():.4f}" == "3.0276"


def test_w2_1_4_gradients():
    model = week2_model()
    ee4414.squared_error(model(X_W2), Y_W2).backward()
    assert model.w.grad is not None and model.b.grad is not None
    assert model.w.grad.shape == (2, 1)
    torch.testing.assert_close(model.w.grad, torch.tensor([[1.7400], [1.3920]]))
    assert f"{model.b.grad.item():.4f}" == "3.4800"


def test_w2_1_5_one_step_lowers_the_loss():
    model = week2_model()
    ee4414.squared_error(model(X_W2), Y_W2).backward()
    ee4414.sgd_step(model.parameters(), lr=0.01)
    y_hat = model(X_W2)
    assert f"{y_hat.item():.4f}" == "1.1909"
    assert f"{ee4414.squared_error(y_hat, Y_W2).item():.4f}" == "2.8593"


def test_w2_ex2_hand_gradient_matches_autograd():
    model = week2_model()
    y_hat = model(X_W2)
    manual = {"w[1, 0]": 2 * X_W2[1] * (y_hat - Y_W2), "w[0, 0]": 2 * X_W2[0] * (y_hat - Y_W2)}
    # the course's target is a number; the loss broadcasts it
    report = ee4414.compare_gradients(manual, model, ee4414.squared_error, X_W2, Y_W2)  # type: ignore[arg-type]
    assert report.ok
    assert f"{report.rows[0].autograd.item():.4f}" == "1.3920"


@pytest.mark.parametrize(
    ("x", "expected", "label"),
    [([[1.0], [0.5]], "2.5000", 1.0), ([[0.1], [-0.3]], "-0.8000", -1.0)],
)
def test_w3_1_1_and_1_2_linear_classifier(x, expected, label):
    y_hat = ee4414.Linear(2, 1, w=[1.0, 3.0], b=0.0)(torch.tensor(x))
    assert f"{y_hat.item():.4f}" == expected
    assert ee4414.classify(y_hat).item() == label


def test_w4_1_1_three_neurons_and_relu():
    x = torch.tensor(cn.W4_X)
    layer0 = ee4414.Linear(2, 2, w=cn.W4_HIDDEN_W, b=cn.W4_HIDDEN_B)
    layer1 = ee4414.Linear(2, 1, w=cn.W4_NEURONS["layer1"][:2], b=cn.W4_NEURONS["layer1"][2])
    hidden = layer0(x)
    assert [f"{v:.4f}" for v in hidden.flatten().tolist()] == ["0.6900", "-0.3000"]
    assert f"{layer1(x).item():.4f}" == "-0.9900"
    z = ee4414.relu(hidden)
    assert [f"{v:.4f}" for v in z.flatten().tolist()] == ["0.6900", "0.0000"]
    net = ee4414.MLP.from_layers([layer0, layer1])
    torch.testing.assert_close(net(x), layer1(z))


def test_w4_1_4_batch_shapes():
    x = torch.tensor([[0.3], [0.1]])
    net = ee4414.TwoLayerNN()
    batch = torch.stack([x, x], dim=0)
    assert net(batch).shape == (2, 1, 1)
    assert net(batch.unsqueeze(0)).shape == (1, 2, 1, 1)
